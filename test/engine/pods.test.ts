// Pods of a Deployment as `kubectl get pods` sees them (the server-side Table),
// for a crash loop and an image that does not exist.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import { deployment } from "./helpers.ts";

function row(cluster: ReturnType<typeof createCluster>, app: string): unknown[] {
  const pods = cluster.api.list("pods", { labelSelector: `app=${app}` }).items;
  expect(pods).toHaveLength(1);
  return cluster.api.table("pods", pods).rows[0].cells.slice(1, 5);
}

describe("pods in a Deployment", () => {
  it("a container that exits at once goes into CrashLoopBackOff with growing back-off", () => {
    const cluster = createCluster();
    cluster.api.create("deployments", deployment({ name: "bb", replicas: 1, image: "busybox:1.36" }));
    const restarts: number[] = [];
    for (let t = 0; t < 12; t++) {
      cluster.advance(10_000);
      const [ready, status, r] = row(cluster, "bb") as string[];
      expect(ready).toBe("0/1");
      expect(status).toMatch(/^(CrashLoopBackOff|Completed|ContainerCreating|Running)$/);
      restarts.push(parseInt(r, 10));
    }
    // Back-off 10 s, 20 s, 40 s...: restarts slow down.
    expect(restarts[1]).toBeGreaterThanOrEqual(1);
    expect(restarts[11]).toBeLessThanOrEqual(5);
    expect(restarts[11]).toBeGreaterThanOrEqual(3);
    const backoff = cluster.api.list("events").items.find((e) => e.reason === "BackOff" && e.involvedObject.kind === "Pod");
    expect(backoff?.type).toBe("Warning");
    expect(backoff?.message).toMatch(/^Back-off restarting failed container nginx in pod bb-[a-z0-9]+-[a-z0-9]{5}_default\([0-9a-f-]{36}\)$/);
    expect(cluster.api.get("deployments", "default", "bb").status?.availableReplicas).toBeUndefined();
    expect(cluster.errors).toEqual([]);
  });

  it("an image tag that does not exist gives ErrImagePull, then ImagePullBackOff", () => {
    const cluster = createCluster();
    cluster.api.create("deployments", deployment({ name: "bad", replicas: 1, image: "nginx:9.9.9" }));
    const seen = new Set<string>();
    for (let t = 0; t < 60; t++) {
      cluster.advance(1_000);
      seen.add((row(cluster, "bad") as string[])[1]);
    }
    expect(seen).toContain("ErrImagePull");
    expect(seen).toContain("ImagePullBackOff");
    const messages = cluster.api
      .list("events")
      .items.filter((e) => e.involvedObject.kind === "Pod")
      .map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(messages).toContain(
      'Warning Failed Failed to pull image "nginx:9.9.9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.9.9": failed to resolve reference "docker.io/library/nginx:9.9.9": docker.io/library/nginx:9.9.9: not found',
    );
    expect(messages).toContain("Warning Failed Error: ErrImagePull");
    expect(messages).toContain('Normal BackOff Back-off pulling image "nginx:9.9.9"');
    expect(messages).toContain("Warning Failed Error: ImagePullBackOff");
  });

  it("a healthy pod is Running and Ready with an IP from its node's pod CIDR", () => {
    const cluster = createCluster();
    cluster.api.create("deployments", deployment({ name: "ok", replicas: 1 }));
    cluster.settle();
    const pod = cluster.api.list("pods").items[0];
    const table = cluster.api.table("pods", [pod]);
    expect(table.columnDefinitions.map((c) => c.name)).toEqual([
      "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates",
    ]);
    const [name, ready, status, restarts, , ip, node, nominated, gates] = table.rows[0].cells as string[];
    expect([name, ready, status, restarts, nominated, gates]).toEqual([pod.metadata.name, "1/1", "Running", "0", "<none>", "<none>"]);
    const cidr = cluster.api.get("nodes", undefined, node).spec.podCIDR!;
    expect(ip.split(".").slice(0, 3).join(".")).toBe(cidr.split(".").slice(0, 3).join("."));
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True", "PodScheduled=True",
    ]);
  });
});
