// A small cluster for the write commands' differential tests (scale, label,
// patch, set, rollout): cheap enough to build afresh for every case. nginx
// has two revisions (the second with a change-cause), web has an init
// container, env and resources, and dev holds a paused Deployment.
import { createCluster, type Cluster } from "../../engine/index.ts";
import type { Deployment } from "../../engine/api/types.ts";

function deployment(name: string, namespace: string, replicas: number, spec: Record<string, unknown>, extra: Partial<Deployment["spec"]> = {}): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { app: name, tier: "web" } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: spec as unknown as Deployment["spec"]["template"]["spec"] },
      ...extra,
    },
  };
}

export function buildUpdateScenario(): Cluster {
  const c = createCluster({ seed: 11 });
  const api = c.api;
  api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
  api.create("deployments", deployment("nginx", "default", 3, { containers: [{ name: "nginx", image: "nginx:1.14.2", ports: [{ containerPort: 80 }] }] }));
  api.create(
    "deployments",
    deployment("web", "default", 2, {
      initContainers: [{ name: "init", image: "busybox:1.36", command: ["sh", "-c", "true"] }],
      containers: [
        {
          name: "app",
          image: "nginx:1.16.1",
          env: [
            { name: "MODE", value: "fast" },
            { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
          ],
          resources: { requests: { cpu: "100m" }, limits: { cpu: "500m", memory: "128Mi" } },
        },
        { name: "sidecar", image: "busybox:1.36", command: ["sleep", "3600"] },
      ],
    }),
  );
  api.create("deployments", { ...deployment("api", "dev", 1, { containers: [{ name: "api", image: "nginx:1.16.1" }] }, { paused: true }) });
  c.settle(120_000);
  c.advance(30_000);
  api.patch("deployments", "default", "nginx", "strategic", {
    metadata: { annotations: { "kubernetes.io/change-cause": "kubectl set image deployment/nginx nginx=nginx:1.16.1 --record=true" } },
    spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } } },
  });
  c.settle(180_000);
  c.advance(60_000);
  return c;
}
