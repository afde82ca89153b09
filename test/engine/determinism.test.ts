// Same seed and same inputs at the same virtual times: byte-identical clusters.
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import { deployment, setImage } from "./helpers.ts";

function script(seed: number): Cluster {
  const cluster = createCluster({ seed });
  cluster.api.create("deployments", deployment({ replicas: 4 }));
  cluster.advance(7_000);
  setImage(cluster, "web", "nginx:1.16.1");
  cluster.advance(2_500);
  cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 6 } });
  cluster.settle();
  return cluster;
}

function dump(cluster: Cluster): string {
  const out: unknown[] = [];
  for (const type of cluster.api.registry.all()) out.push(cluster.api.list(type.resource).items);
  return JSON.stringify(out);
}

describe("determinism", () => {
  it("gives identical state, names and timeline for the same seed", () => {
    const a = script(42);
    const b = script(42);
    expect(dump(a)).toBe(dump(b));
    expect(a.timeline.entries().map((e) => `${e.at} ${e.type} ${e.resource} ${e.name}`)).toEqual(
      b.timeline.entries().map((e) => `${e.at} ${e.type} ${e.resource} ${e.name}`),
    );
    expect(a.now().toISOString()).toBe(b.now().toISOString());
  });

  it("gives different pod names for another seed", () => {
    const names = (c: Cluster) => c.api.list("pods").items.map((p) => p.metadata.name).join(",");
    expect(names(script(1))).not.toBe(names(script(2)));
  });

  it("starts at a fixed time, never the wall clock", () => {
    expect(createCluster().now().toISOString()).toBe("2026-01-05T09:00:00.000Z");
    expect(createCluster({ startTime: "2030-06-01T12:00:00Z" }).now().toISOString()).toBe("2030-06-01T12:00:00.000Z");
  });

  it("costs nothing while idle: nothing is scheduled once settled", () => {
    const cluster = createCluster();
    cluster.api.create("deployments", deployment({ replicas: 3 }));
    expect(cluster.settle()).toBe(true);
    const before = cluster.timeline.entries().length;
    cluster.advance(3_600_000);
    expect(cluster.timeline.entries().length).toBe(before);
  });
});
