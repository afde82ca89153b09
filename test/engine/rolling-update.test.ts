// Rolling updates across a grid of replicas x maxSurge x maxUnavailable
// (deployment-controller.md §5): at every write during the rollout, the pods
// never exceed replicas + surge and the available pods never drop below
// replicas - unavailable; at the end every pod runs the new template.
import { describe, expect, it } from "vitest";
import type { IntOrString } from "../../engine/api/types.ts";
import { activePods, clusterWith, deployment, imageOf, readyPods, replicaSetsOf, setImage } from "./helpers.ts";

/** The reference's fencepost rule, written out independently of the engine. */
function bounds(replicas: number, maxSurge: IntOrString, maxUnavailable: IntOrString): { maxPods: number; minAvailable: number } {
  const pct = (v: IntOrString, up: boolean) => {
    if (typeof v === "number") return v;
    const exact = (parseInt(v, 10) * replicas) / 100;
    return up ? Math.ceil(exact) : Math.floor(exact);
  };
  const surge = pct(maxSurge, true);
  let unavailable = pct(maxUnavailable, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  unavailable = Math.min(unavailable, replicas);
  return { maxPods: replicas + surge, minAvailable: replicas - unavailable };
}

const SETTINGS: Array<[IntOrString, IntOrString]> = [
  ["25%", "25%"],
  [0, 1],
  [1, 0],
  [0, "100%"],
  ["100%", 0],
  ["50%", "50%"],
  [2, 2],
  ["0%", "10%"],
];

const cases: Array<[number, IntOrString, IntOrString]> = [];
for (const replicas of [1, 3, 4, 10]) for (const [s, u] of SETTINGS) cases.push([replicas, s, u]);
for (const [s, u] of SETTINGS.slice(0, 4)) cases.push([100, s, u]);

describe("rolling update invariants", () => {
  it.each(cases)("replicas=%s maxSurge=%s maxUnavailable=%s", (replicas, maxSurge, maxUnavailable) => {
    const d = deployment({ replicas, maxSurge, maxUnavailable });
    const cluster = clusterWith(d);
    expect(cluster.errors).toEqual([]);
    expect(readyPods(cluster, d)).toHaveLength(replicas);

    const { maxPods, minAvailable } = bounds(replicas, maxSurge, maxUnavailable);
    let peakPods = 0;
    let lowestAvailable = Infinity;
    const stop = cluster.api.watchAll((e) => {
      if (e.resource !== "pods") return;
      peakPods = Math.max(peakPods, activePods(cluster, d).length);
      lowestAvailable = Math.min(lowestAvailable, readyPods(cluster, d).length);
    });
    setImage(cluster, "web", "nginx:1.16.1");
    expect(cluster.settle()).toBe(true);
    stop();

    expect(cluster.errors).toEqual([]);
    expect(peakPods).toBeLessThanOrEqual(maxPods);
    expect(lowestAvailable).toBeGreaterThanOrEqual(minAvailable);
    // The surge is actually used when there is room for it and nothing forces one-by-one.
    if (maxPods > replicas && minAvailable === replicas) expect(peakPods).toBeGreaterThan(replicas);

    const pods = activePods(cluster, d);
    expect(pods).toHaveLength(replicas);
    expect(pods.every((p) => imageOf(p) === "nginx:1.16.1")).toBe(true);
    const sets = replicaSetsOf(cluster, d);
    expect(sets).toHaveLength(2);
    const [oldRS, newRS] = [...sets].sort((a, b) => a.metadata.annotations!["deployment.kubernetes.io/revision"].localeCompare(b.metadata.annotations!["deployment.kubernetes.io/revision"]));
    expect(oldRS.spec.replicas).toBe(0);
    expect(newRS.spec.replicas).toBe(replicas);
    const status = cluster.api.get("deployments", "default", "web").status!;
    expect(status).toMatchObject({ replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas });
    expect(status.unavailableReplicas).toBeUndefined();
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable"],
      ["Progressing", "True", "NewReplicaSetAvailable"],
    ]);
  });
});
