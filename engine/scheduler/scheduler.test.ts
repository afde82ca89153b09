import { describe, expect, it } from "vitest";
import type { Pod } from "../api/types.ts";
import { podManifest, testCluster, type TestCluster } from "../kubelet/testing.ts";
import { startScheduler } from "./scheduler.ts";

function cluster(seed = 1): TestCluster {
  const c = testCluster({ seed });
  startScheduler(c.ctx);
  return c;
}

function withCpu(name: string, cpu: string, extra: Partial<Pod["spec"]> = {}): Pod {
  const p = podManifest(name, extra);
  p.spec.containers[0]!.resources = { requests: { cpu } };
  return p;
}

function owned(p: Pod, uid: string): Pod {
  p.metadata.ownerReferences = [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid, controller: true }];
  return p;
}

const CP_TAINT = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";

describe("binding", () => {
  it("binds a pod to a worker after a short reaction and says so", () => {
    const c = cluster();
    c.api.create("pods", podManifest("nginx"));
    c.advance(5);
    expect(c.pod("nginx").spec.nodeName).toBeUndefined();
    c.advance(10);
    const pod = c.pod("nginx");
    expect(pod.spec.nodeName).toMatch(/^node-[123]$/);
    expect(pod.status?.conditions?.find((x) => x.type === "PodScheduled")?.status).toBe("True");
    expect(c.events("nginx")).toEqual([`Normal Scheduled Successfully assigned default/nginx to ${pod.spec.nodeName}`]);
  });

  it("respects the control-plane taint, and uses the node when tolerated and selected", () => {
    const c = cluster();
    for (let i = 0; i < 12; i++) c.api.create("pods", podManifest(`p${i}`));
    c.advance(100);
    for (let i = 0; i < 12; i++) expect(c.pod(`p${i}`).spec.nodeName).not.toBe("control-plane");
    c.api.create(
      "pods",
      podManifest("cp", {
        tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }],
        nodeSelector: { "node-role.kubernetes.io/control-plane": "" },
      }),
    );
    c.advance(100);
    expect(c.pod("cp").spec.nodeName).toBe("control-plane");
  });

  it("skips cordoned nodes", () => {
    const c = cluster();
    for (const n of ["node-1", "node-2"]) c.api.update("nodes", { ...c.api.get("nodes", undefined, n), spec: { ...c.api.get("nodes", undefined, n).spec, unschedulable: true } });
    for (let i = 0; i < 5; i++) c.api.create("pods", podManifest(`p${i}`));
    c.advance(100);
    for (let i = 0; i < 5; i++) expect(c.pod(`p${i}`).spec.nodeName).toBe("node-3");
  });

  it("spreads the pods of one owner over the workers", () => {
    const c = cluster();
    for (let i = 0; i < 3; i++) c.api.create("pods", owned(podManifest(`web-${i}`), "rs-uid"));
    c.advance(100);
    const nodes = [0, 1, 2].map((i) => c.pod(`web-${i}`).spec.nodeName);
    expect(new Set(nodes).size).toBe(3);
  });

  it("makes the same choices for the same seed", () => {
    const run = (seed: number) => {
      const c = cluster(seed);
      for (let i = 0; i < 6; i++) c.api.create("pods", podManifest(`p${i}`));
      c.advance(100);
      return [0, 1, 2, 3, 4, 5].map((i) => c.pod(`p${i}`).spec.nodeName);
    };
    expect(run(7)).toEqual(run(7));
  });
});

describe("when nothing fits", () => {
  it("leaves the pod Pending with the 1.32 message for too much cpu", () => {
    const c = cluster();
    c.api.create("pods", withCpu("big", "5"));
    c.advance(100);
    const message =
      `0/4 nodes are available: 1 ${CP_TAINT}, 3 Insufficient cpu. ` +
      "preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.";
    const pod = c.pod("big");
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.status?.phase).toBe("Pending");
    expect(pod.status?.conditions).toEqual([
      { type: "PodScheduled", status: "False", lastTransitionTime: "2026-01-05T09:00:00Z", reason: "Unschedulable", message },
    ]);
    expect(c.events("big")).toEqual([`Warning FailedScheduling ${message}`]);
  });

  it("names every reason: cordon, selector, memory", () => {
    const c = cluster();
    c.api.update("nodes", { ...c.api.get("nodes", undefined, "node-1"), spec: { ...c.api.get("nodes", undefined, "node-1").spec, unschedulable: true } });
    const p = podManifest("sel", { nodeSelector: { disktype: "ssd" } });
    c.api.create("pods", p);
    const m = podManifest("mem");
    m.spec.containers[0]!.resources = { requests: { memory: "64Gi", cpu: "1" } };
    c.api.create("pods", m);
    c.advance(100);
    expect(c.pod("sel").status?.conditions?.[0]?.message).toBe(
      `0/4 nodes are available: 1 ${CP_TAINT}, 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. ` +
        "preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
    expect(c.pod("mem").status?.conditions?.[0]?.message).toBe(
      `0/4 nodes are available: 1 ${CP_TAINT}, 1 node(s) were unschedulable, 2 Insufficient memory. ` +
        "preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it("reports host port conflicts", () => {
    const c = cluster();
    for (let i = 0; i < 4; i++) {
      const p = podManifest(`hp${i}`);
      p.spec.containers[0]!.ports = [{ containerPort: 80, hostPort: 8080 }];
      c.api.create("pods", p);
    }
    c.advance(100);
    expect(c.pod("hp3").status?.conditions?.[0]?.message).toBe(
      `0/4 nodes are available: 1 ${CP_TAINT}, 3 node(s) didn't have free ports for the requested pod ports. ` +
        "preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    );
  });

  it("retries when a pod is deleted, after the back-off", () => {
    const c = cluster();
    for (let i = 0; i < 3; i++) c.api.create("pods", withCpu(`fill${i}`, "3"));
    c.advance(100);
    c.api.create("pods", withCpu("late", "2"));
    c.advance(100);
    expect(c.pod("late").spec.nodeName).toBeUndefined();
    const freed = c.pod("fill1").spec.nodeName;
    c.api.delete("pods", "default", "fill1", { gracePeriodSeconds: 0 });
    // The failed attempt was at +10 ms after creation; the first back-off is 1 s from it.
    c.advance(909);
    expect(c.pod("late").spec.nodeName).toBeUndefined();
    c.advance(1);
    expect(c.pod("late").spec.nodeName).toBe(freed);
  });

  it("retries once after the five-minute flush, then goes idle", () => {
    const c = cluster();
    c.api.create("pods", withCpu("big", "5"));
    c.advance(100);
    c.advance(300_000);
    expect(c.eventObjects("big")[0]?.count).toBe(1);
    c.advance(30_000);
    expect(c.eventObjects("big")[0]?.count).toBe(2);
    expect(c.clock.idle()).toBe(true);
  });

  it("retries when a node becomes schedulable", () => {
    const c = cluster();
    for (const n of ["node-1", "node-2", "node-3"]) {
      c.api.update("nodes", { ...c.api.get("nodes", undefined, n), spec: { ...c.api.get("nodes", undefined, n).spec, unschedulable: true } });
    }
    c.api.create("pods", podManifest("wait"));
    c.advance(100);
    expect(c.pod("wait").spec.nodeName).toBeUndefined();
    const n2 = c.api.get("nodes", undefined, "node-2");
    c.api.update("nodes", { ...n2, spec: { ...n2.spec, unschedulable: false } });
    c.advance(1_000);
    expect(c.pod("wait").spec.nodeName).toBe("node-2");
  });
});
