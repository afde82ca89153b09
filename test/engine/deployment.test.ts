// Deployment behaviour from deployment-controller.md: creation, the worked
// examples, Recreate, pause/resume, rollback, history, progress deadline,
// proportional scaling, minReadySeconds.
import { describe, expect, it } from "vitest";
import { ApiError } from "../../engine/api/errors.ts";
import type { ReplicaSet } from "../../engine/api/types.ts";
import { rollbackDeployment, RolloutError, restartDeployment } from "../../engine/kubectl/commands/rollout/rollback.ts";
import { activePods, clusterWith, deployment, eventsFor, imageOf, podsOf, readyPods, replicaSetsOf, setImage } from "./helpers.ts";

const revision = (rs: ReplicaSet) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"];
const byRevision = (sets: ReplicaSet[]) => [...sets].sort((a, b) => Number(revision(a)) - Number(revision(b)));

describe("creating a Deployment", () => {
  it("creates one ReplicaSet named after the template hash, and its pods", () => {
    const d = deployment({ replicas: 3 });
    const cluster = clusterWith(d);
    const [rs] = replicaSetsOf(cluster, d);
    const hash = rs.metadata.labels!["pod-template-hash"];
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.metadata.ownerReferences).toEqual([
      expect.objectContaining({ apiVersion: "apps/v1", kind: "Deployment", name: "web", controller: true, blockOwnerDeletion: true }),
    ]);
    expect(rs.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
      "deployment.kubernetes.io/revision": "1",
    });
    const pods = activePods(cluster, d);
    expect(pods).toHaveLength(3);
    for (const pod of pods) expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(eventsFor(cluster, "Deployment", "web")).toEqual([["ScalingReplicaSet", `Scaled up replica set web-${hash} to 3`]]);
    const created = eventsFor(cluster, "ReplicaSet", rs.metadata.name!);
    expect(created.map(([reason]) => reason)).toEqual(["SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate"]);

    const live = cluster.api.get("deployments", "default", "web");
    expect(live.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
    expect(live.metadata.generation).toBe(1);
    expect(live.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(live.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      ["Progressing", "True", "NewReplicaSetAvailable", `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
  });

  it("reuses the same hash for the same template", () => {
    const a = replicaSetsOf(clusterWith(deployment()), deployment())[0].metadata.name;
    const b = replicaSetsOf(clusterWith(deployment(), { seed: 99 }), deployment())[0].metadata.name;
    expect(a).toBe(b);
  });

  it("rejects an invalid Deployment with the API server's message", () => {
    const d = deployment();
    d.spec.template.metadata!.labels = { app: "other" };
    const cluster = clusterWith(deployment({ name: "ok" }));
    try {
      cluster.api.create("deployments", d);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status.code).toBe(422);
      expect((err as ApiError).status.message).toContain(
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
      );
    }
  });
});

describe("rolling update step by step", () => {
  it("follows worked example B (replicas 3, defaults)", () => {
    const d = deployment({ replicas: 3 });
    const cluster = clusterWith(d);
    const oldName = replicaSetsOf(cluster, d)[0].metadata.name!;
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle();
    const newName = replicaSetsOf(cluster, d).find((rs) => rs.metadata.name !== oldName)!.metadata.name!;
    expect(eventsFor(cluster, "Deployment", "web").map(([, m]) => m)).toEqual([
      `Scaled up replica set ${oldName} to 3`,
      `Scaled up replica set ${newName} to 1`,
      `Scaled down replica set ${oldName} to 2 from 3`,
      `Scaled up replica set ${newName} to 2 from 1`,
      `Scaled down replica set ${oldName} to 1 from 2`,
      `Scaled up replica set ${newName} to 3 from 2`,
      `Scaled down replica set ${oldName} to 0 from 1`,
    ]);
  });

  it("follows worked example C (replicas 4, maxSurge 0, maxUnavailable 1)", () => {
    const d = deployment({ replicas: 4, maxSurge: 0, maxUnavailable: 1 });
    const cluster = clusterWith(d);
    const oldName = replicaSetsOf(cluster, d)[0].metadata.name!;
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle();
    const messages = eventsFor(cluster, "Deployment", "web").map(([, m]) => m).slice(1);
    const newName = replicaSetsOf(cluster, d).find((rs) => rs.metadata.name !== oldName)!.metadata.name!;
    // The new ReplicaSet starts at 0, which has no event of its own.
    expect(messages[0]).toBe(`Scaled down replica set ${oldName} to 3 from 4`);
    expect(messages[1]).toBe(`Scaled up replica set ${newName} to 1 from 0`);
    expect(messages.at(-1)).toMatch(new RegExp(`^Scaled (down replica set ${oldName} to 0 from 1|up replica set ${newName} to 4 from 3)$`));
    expect(activePods(cluster, d).every((p) => imageOf(p) === "nginx:1.16.1")).toBe(true);
  });

  it("keeps old pods serving when the new image never pulls, then reports the deadline", () => {
    const d = deployment({ replicas: 3 });
    const cluster = clusterWith(d);
    setImage(cluster, "web", "nginx:9.9.9-does-not-exist");
    cluster.advance(300_000);
    const sets = byRevision(replicaSetsOf(cluster, d));
    expect(sets.map((rs) => rs.spec.replicas)).toEqual([3, 1]);
    expect(readyPods(cluster, d)).toHaveLength(3);
    let live = cluster.api.get("deployments", "default", "web");
    expect(live.status?.conditions?.find((c) => c.type === "Progressing")?.reason).toBe("ReplicaSetUpdated");

    cluster.advance(400_000);
    live = cluster.api.get("deployments", "default", "web");
    const progressing = live.status?.conditions?.find((c) => c.type === "Progressing");
    expect(progressing).toMatchObject({
      status: "False",
      reason: "ProgressDeadlineExceeded",
      message: `ReplicaSet "${sets[1].metadata.name}" has timed out progressing.`,
    });
    expect(live.status?.conditions?.find((c) => c.type === "Available")?.status).toBe("True");
    // Nothing is rolled back.
    expect(byRevision(replicaSetsOf(cluster, d)).map((rs) => rs.spec.replicas)).toEqual([3, 1]);
    expect(cluster.errors).toEqual([]);
  });

  it("times out exactly progressDeadlineSeconds after the last progress", () => {
    const d = deployment({ replicas: 1, progressDeadlineSeconds: 60 });
    const cluster = clusterWith(d);
    setImage(cluster, "web", "nginx:0.0.0-missing");
    cluster.advance(5_000);
    const cond = () => cluster.api.get("deployments", "default", "web").status?.conditions?.find((c) => c.type === "Progressing");
    const since = Date.parse(cond()!.lastUpdateTime!);
    cluster.advance(since + 60_000 - cluster.nowMs() - 1);
    expect(cond()?.reason).not.toBe("ProgressDeadlineExceeded");
    cluster.advance(3_000);
    expect(cond()?.reason).toBe("ProgressDeadlineExceeded");
  });
});

describe("Recreate", () => {
  it("removes every old pod before creating a new one", () => {
    const d = deployment({ replicas: 3, strategy: "Recreate" });
    const cluster = clusterWith(d);
    const oldRS = replicaSetsOf(cluster, d)[0];
    let overlap = false;
    let sawUnavailable = false;
    const stop = cluster.api.watchAll((e) => {
      if (e.resource === "pods" && e.type === "ADDED") {
        const olds = cluster.api.listControlledBy("pods", oldRS.metadata.uid!);
        if (olds.length > 0) overlap = true;
      }
      if (e.resource === "deployments") {
        const available = (e.object as typeof d).status?.conditions?.find((c) => c.type === "Available");
        if (available?.status === "False") sawUnavailable = true;
      }
    });
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle();
    stop();
    expect(overlap).toBe(false);
    expect(sawUnavailable).toBe(true);
    const messages = eventsFor(cluster, "Deployment", "web").map(([, m]) => m);
    const newName = replicaSetsOf(cluster, d).find((rs) => rs.metadata.uid !== oldRS.metadata.uid)!.metadata.name;
    expect(messages.slice(1)).toEqual([`Scaled down replica set ${oldRS.metadata.name} to 0 from 3`, `Scaled up replica set ${newName} to 3`]);
    expect(activePods(cluster, d).map(imageOf)).toEqual(["nginx:1.16.1", "nginx:1.16.1", "nginx:1.16.1"]);
  });
});

describe("pause and resume", () => {
  it("holds template changes while paused, still scales, and rolls them out as one revision on resume", () => {
    const d = deployment({ replicas: 3 });
    const cluster = clusterWith(d);
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { paused: true } });
    cluster.settle();
    const cond = () => cluster.api.get("deployments", "default", "web").status?.conditions?.find((c) => c.type === "Progressing");
    expect(cond()).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });

    setImage(cluster, "web", "nginx:1.16.1");
    cluster.api.patch("deployments", "default", "web", "strategic", { spec: { template: { spec: { containers: [{ name: "nginx", env: [{ name: "A", value: "1" }] }] } } } });
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 5 } });
    cluster.settle();
    expect(replicaSetsOf(cluster, d)).toHaveLength(1);
    expect(activePods(cluster, d)).toHaveLength(5);
    expect(activePods(cluster, d).every((p) => imageOf(p) === "nginx:1.14.2")).toBe(true);

    cluster.api.patch("deployments", "default", "web", "merge", { spec: { paused: false } });
    cluster.settle();
    const sets = byRevision(replicaSetsOf(cluster, d));
    expect(sets.map(revision)).toEqual(["1", "2"]);
    expect(sets.map((rs) => rs.spec.replicas)).toEqual([0, 5]);
    expect(activePods(cluster, d).every((p) => imageOf(p) === "nginx:1.16.1" && p.spec.containers[0].env?.[0]?.value === "1")).toBe(true);
    expect(cond()).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable" });
  });
});

describe("rollback, revisions and history", () => {
  it("moves the old ReplicaSet to a new revision and records the old number", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle();
    expect(rollbackDeployment(cluster.api, "default", "web")).toEqual({ outcome: "rolled back" });
    cluster.settle();
    const sets = byRevision(replicaSetsOf(cluster, d));
    expect(sets.map(revision)).toEqual(["2", "3"]);
    const [second, restored] = sets;
    expect(restored.spec.template?.spec.containers[0].image).toBe("nginx:1.14.2");
    expect(restored.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(second.spec.replicas).toBe(0);
    expect(activePods(cluster, d).map(imageOf)).toEqual(["nginx:1.14.2", "nginx:1.14.2"]);
    expect(cluster.api.get("deployments", "default", "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(eventsFor(cluster, "Deployment", "web").map(([, m]) => m)).toContain(`Scaled up replica set ${restored.metadata.name} to 1 from 0`);
  });

  it("rolls back to a chosen revision and reports kubectl's errors", () => {
    const d = deployment({ replicas: 1 });
    const cluster = clusterWith(d);
    expect(() => rollbackDeployment(cluster.api, "default", "web")).toThrow(new RolloutError('no rollout history found for deployment "web"'));
    for (const tag of ["1.16.1", "1.25", "1.27"]) {
      setImage(cluster, "web", `nginx:${tag}`);
      cluster.settle();
    }
    expect(() => rollbackDeployment(cluster.api, "default", "web", 9)).toThrow("unable to find specified revision 9 in history");
    expect(() => rollbackDeployment(cluster.api, "default", "web", -1)).toThrow("unable to find specified revision -1 in history");
    expect(rollbackDeployment(cluster.api, "default", "web", 4)).toEqual({
      outcome: "skipped",
      message: "skipped rollback (current template already matches revision 4)",
    });
    rollbackDeployment(cluster.api, "default", "web", 2);
    cluster.settle();
    expect(activePods(cluster, d).map(imageOf)).toEqual(["nginx:1.16.1"]);
    expect(byRevision(replicaSetsOf(cluster, d)).map(revision)).toEqual(["1", "3", "4", "5"]);

    cluster.api.patch("deployments", "default", "web", "merge", { spec: { paused: true } });
    expect(() => rollbackDeployment(cluster.api, "default", "web")).toThrow(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  });

  it("keeps at most revisionHistoryLimit old ReplicaSets", () => {
    const d = deployment({ replicas: 1, revisionHistoryLimit: 2 });
    const cluster = clusterWith(d);
    for (const tag of ["1.16.1", "1.25", "1.27", "latest", "alpine"]) {
      setImage(cluster, "web", `nginx:${tag}`);
      cluster.settle();
    }
    expect(byRevision(replicaSetsOf(cluster, d)).map(revision)).toEqual(["4", "5", "6"]);
  });

  it("keeps no old ReplicaSet with revisionHistoryLimit 0", () => {
    const d = deployment({ replicas: 2, revisionHistoryLimit: 0 });
    const cluster = clusterWith(d);
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle();
    expect(replicaSetsOf(cluster, d).map(revision)).toEqual(["2"]);
  });

  it("restarts by stamping the template, which makes a new revision", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    const before = podsOf(cluster, d).map((p) => p.metadata.name).sort();
    restartDeployment(cluster.api, "default", "web", "2026-01-05T09:05:00Z");
    expect(() => restartDeployment(cluster.api, "default", "web", "2026-01-05T09:05:00Z")).toThrow(
      "failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another",
    );
    cluster.settle();
    const after = activePods(cluster, d).map((p) => p.metadata.name).sort();
    expect(after).toHaveLength(2);
    expect(after.some((n) => before.includes(n))).toBe(false);
    expect(activePods(cluster, d)[0].metadata.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBe("2026-01-05T09:05:00Z");
  });
});

describe("scaling", () => {
  it("scales a finished Deployment up and down with events", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    const name = replicaSetsOf(cluster, d)[0].metadata.name;
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 5 } });
    cluster.settle();
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 1 } });
    cluster.settle();
    expect(eventsFor(cluster, "Deployment", "web").map(([, m]) => m)).toEqual([
      `Scaled up replica set ${name} to 2`,
      `Scaled up replica set ${name} to 5 from 2`,
      `Scaled down replica set ${name} to 1 from 5`,
    ]);
    expect(activePods(cluster, d)).toHaveLength(1);
    expect(replicaSetsOf(cluster, d)[0].metadata.annotations?.["deployment.kubernetes.io/max-replicas"]).toBe("2");
  });

  it("scales a rollout in progress proportionally (the worked example: 10 -> 15)", () => {
    const d = deployment({ replicas: 10 });
    const cluster = clusterWith(d);
    setImage(cluster, "web", "nginx:0.0.1-missing");
    cluster.advance(30_000);
    expect(byRevision(replicaSetsOf(cluster, d)).map((rs) => rs.spec.replicas)).toEqual([8, 5]);
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 15 } });
    cluster.advance(1_000);
    const sets = byRevision(replicaSetsOf(cluster, d));
    expect(sets.map((rs) => rs.spec.replicas)).toEqual([12, 7]);
    for (const rs of sets) {
      expect(rs.metadata.annotations).toMatchObject({
        "deployment.kubernetes.io/desired-replicas": "15",
        "deployment.kubernetes.io/max-replicas": "19",
      });
    }
  });

  it("scales the same rollout to 30 (old 23, new 15)", () => {
    const d = deployment({ replicas: 10 });
    const cluster = clusterWith(d);
    setImage(cluster, "web", "nginx:0.0.1-missing");
    cluster.advance(30_000);
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 30 } });
    cluster.advance(1_000);
    expect(byRevision(replicaSetsOf(cluster, d)).map((rs) => rs.spec.replicas)).toEqual([23, 15]);
  });

  it("replaces a deleted pod at once", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    const victim = activePods(cluster, d)[0];
    cluster.api.delete("pods", "default", victim.metadata.name!);
    cluster.advance(100);
    const pods = podsOf(cluster, d);
    expect(pods).toHaveLength(3);
    expect(pods.find((p) => p.metadata.name === victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    cluster.settle();
    expect(activePods(cluster, d)).toHaveLength(2);
  });
});

describe("minReadySeconds", () => {
  it("counts a pod available only after it has been ready that long", () => {
    const d = deployment({ replicas: 1, minReadySeconds: 20 });
    const cluster = createReady(d);
    const live = cluster.api.get("deployments", "default", "web");
    expect(live.status?.readyReplicas).toBe(1);
    expect(live.status?.availableReplicas).toBeUndefined();
    cluster.settle();
    expect(cluster.api.get("deployments", "default", "web").status?.availableReplicas).toBe(1);
  });
});

/** A cluster advanced just until the Deployment's pods are ready. */
function createReady(d: ReturnType<typeof deployment>) {
  const cluster = clusterWith(deployment({ name: "unrelated", replicas: 0 }));
  cluster.api.create("deployments", d);
  for (let i = 0; i < 600 && readyPods(cluster, d).length < (d.spec.replicas ?? 1); i++) cluster.advance(100);
  cluster.advance(100);
  return cluster;
}

describe("annotations and generation", () => {
  it("copies change-cause to the new ReplicaSet, keeps old ones', and moves it back on undo", () => {
    const d = deployment({ replicas: 1, annotations: { "kubernetes.io/change-cause": "first" } });
    const cluster = clusterWith(d);
    cluster.api.patch("deployments", "default", "web", "strategic", {
      metadata: { annotations: { "kubernetes.io/change-cause": "kubectl set image deployment/web nginx=nginx:1.16.1 --record=true" } },
      spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } } },
    });
    cluster.settle();
    const cause = (rs: ReplicaSet) => rs.metadata.annotations?.["kubernetes.io/change-cause"];
    expect(byRevision(replicaSetsOf(cluster, d)).map(cause)).toEqual([
      "first",
      "kubectl set image deployment/web nginx=nginx:1.16.1 --record=true",
    ]);
    rollbackDeployment(cluster.api, "default", "web");
    cluster.settle();
    expect(cluster.api.get("deployments", "default", "web").metadata.annotations?.["kubernetes.io/change-cause"]).toBe("first");
  });

  it("bumps generation for spec and annotation changes, not for labels or status", () => {
    const cluster = clusterWith(deployment({ replicas: 1 }));
    const gen = () => cluster.api.get("deployments", "default", "web").metadata.generation;
    expect(gen()).toBe(1);
    cluster.api.patch("deployments", "default", "web", "merge", { metadata: { labels: { team: "a" } } });
    expect(gen()).toBe(1);
    cluster.api.patch("deployments", "default", "web", "merge", { metadata: { annotations: { note: "x" } } });
    expect(gen()).toBe(2);
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 2 } });
    expect(gen()).toBe(3);
    cluster.settle();
    expect(gen()).toBe(3);
    expect(cluster.api.get("deployments", "default", "web").status?.observedGeneration).toBe(3);
  });

  it("answers a stale update with a Conflict", () => {
    const cluster = clusterWith(deployment({ replicas: 1 }));
    const stale = cluster.api.get("deployments", "default", "web");
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 2 } });
    expect(() => cluster.api.update("deployments", { ...stale, spec: { ...stale.spec, replicas: 5 } })).toThrow(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });
});

describe("lists", () => {
  it("filters pods by field selector and label selector as kubectl asks", () => {
    const cluster = clusterWith(deployment({ replicas: 4 }));
    const all = cluster.api.list("pods").items;
    const node = all[0].spec.nodeName!;
    const onNode = cluster.api.list("pods", { fieldSelector: `spec.nodeName=${node}` }).items;
    expect(onNode.length).toBeGreaterThan(0);
    expect(onNode.every((p) => p.spec.nodeName === node)).toBe(true);
    expect(cluster.api.list("pods", { fieldSelector: "status.phase=Running", labelSelector: "app=web" }).items).toHaveLength(4);
    expect(cluster.api.list("pods", { labelSelector: "app notin (web)" }).items).toHaveLength(0);
    expect(() => cluster.api.list("pods", { fieldSelector: "spec.image=x" })).toThrow(/is not a known field selector|field label not supported/);
    expect(all.map((p) => p.metadata.name)).toEqual([...all.map((p) => p.metadata.name)].sort());
  });
});
