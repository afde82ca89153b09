// Shared builders for engine scenario tests.
import { createCluster, type Cluster, type ClusterOptions } from "../../engine/index.ts";
import type { Deployment, IntOrString, Pod, ReplicaSet } from "../../engine/api/types.ts";
import { isPodActive, isPodReady } from "../../engine/controllers/pod-util.ts";

export interface DeploymentOptions {
  name?: string;
  replicas?: number;
  image?: string;
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
  strategy?: "RollingUpdate" | "Recreate";
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  annotations?: Record<string, string>;
}

export function deployment(o: DeploymentOptions = {}): Deployment {
  const name = o.name ?? "web";
  const d: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "nginx", image: o.image ?? "nginx:1.14.2", ports: [{ containerPort: 80 }] }] },
      },
    },
  };
  if (o.annotations) d.metadata.annotations = o.annotations;
  if (o.strategy === "Recreate") d.spec.strategy = { type: "Recreate" };
  else if (o.maxSurge !== undefined || o.maxUnavailable !== undefined) {
    d.spec.strategy = { type: "RollingUpdate", rollingUpdate: {} };
    if (o.maxSurge !== undefined) d.spec.strategy.rollingUpdate!.maxSurge = o.maxSurge;
    if (o.maxUnavailable !== undefined) d.spec.strategy.rollingUpdate!.maxUnavailable = o.maxUnavailable;
  }
  if (o.minReadySeconds !== undefined) d.spec.minReadySeconds = o.minReadySeconds;
  if (o.revisionHistoryLimit !== undefined) d.spec.revisionHistoryLimit = o.revisionHistoryLimit;
  if (o.progressDeadlineSeconds !== undefined) d.spec.progressDeadlineSeconds = o.progressDeadlineSeconds;
  return d;
}

export function clusterWith(d: Deployment, options: ClusterOptions = {}): Cluster {
  const cluster = createCluster(options);
  cluster.api.create("deployments", d);
  cluster.settle();
  return cluster;
}

/** Change the image of container 0, as `kubectl set image` does. */
export function setImage(cluster: Cluster, name: string, image: string, namespace = "default"): Deployment {
  return cluster.api.patch("deployments", namespace, name, "strategic", {
    spec: { template: { spec: { containers: [{ name: "nginx", image }] } } },
  });
}

export function replicaSetsOf(cluster: Cluster, d: Deployment): ReplicaSet[] {
  const fresh = cluster.api.get("deployments", d.metadata.namespace ?? "default", d.metadata.name!);
  return cluster.api.listControlledBy("replicasets", fresh.metadata.uid!);
}

export function podsOf(cluster: Cluster, d: Deployment): Pod[] {
  return replicaSetsOf(cluster, d).flatMap((rs) => cluster.api.listControlledBy("pods", rs.metadata.uid!));
}

export function activePods(cluster: Cluster, d: Deployment): Pod[] {
  return podsOf(cluster, d).filter(isPodActive);
}

export function readyPods(cluster: Cluster, d: Deployment): Pod[] {
  return activePods(cluster, d).filter(isPodReady);
}

export function imageOf(pod: Pod): string | undefined {
  return pod.spec.containers[0]?.image;
}

/** Events about one object, as `describe` lists them: [reason, message] in order. */
export function eventsFor(cluster: Cluster, kind: string, name: string, namespace = "default"): Array<[string, string]> {
  return cluster.api
    .list("events", { namespace })
    .items.filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => (a.firstTimestamp ?? "").localeCompare(b.firstTimestamp ?? "") || (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => [e.reason ?? "", e.message ?? ""]);
}
