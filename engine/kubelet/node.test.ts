import { describe, expect, it } from "vitest";
import { Random } from "../sim/random.ts";
import { nodeObjects } from "./node.ts";

const START = Date.parse("2026-01-05T09:00:00Z");

describe("nodeObjects: a kubeadm-style 1.32 cluster", () => {
  const nodes = nodeObjects({ random: new Random(1), nowMs: START });

  it("has a tainted control plane and three workers by default", () => {
    expect(nodes.map((n) => n.metadata.name)).toEqual(["control-plane", "node-1", "node-2", "node-3"]);
    const cp = nodes[0]!;
    expect(cp.spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
    expect(cp.metadata.labels?.["node-role.kubernetes.io/control-plane"]).toBe("");
    expect(nodes[1]!.spec.taints).toBeUndefined();
  });

  it("gives each node its pod CIDR and addresses", () => {
    expect(nodes.map((n) => n.spec.podCIDR)).toEqual(["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24"]);
    expect(nodes[1]!.status?.addresses).toEqual([
      { type: "InternalIP", address: "172.18.0.3" },
      { type: "Hostname", address: "node-1" },
    ]);
  });

  it("reports allocatable as capacity less the hard eviction thresholds", () => {
    const s = nodes[1]!.status!;
    expect(s.capacity).toEqual({
      cpu: "4",
      "ephemeral-storage": "101430960Ki",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: "8148740Ki",
      pods: "110",
    });
    expect(s.allocatable?.memory).toBe("8046340Ki");
    expect(s.allocatable?.["ephemeral-storage"]).toBe("93478772582");
  });

  it("has the kubelet's condition reasons and messages", () => {
    const c = nodes[2]!.status!.conditions!;
    expect(c.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
      ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
      ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
      ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
    ]);
    expect(c[3]!.lastHeartbeatTime).toBe("2026-01-05T09:00:00Z");
  });

  it("is the same for the same seed and differs for another", () => {
    const again = nodeObjects({ random: new Random(1), nowMs: START });
    expect(again).toEqual(nodes);
    const other = nodeObjects({ random: new Random(2), nowMs: START });
    expect(other[1]!.status!.nodeInfo!.machineID).not.toBe(nodes[1]!.status!.nodeInfo!.machineID);
    expect(nodes[1]!.status!.nodeInfo!.machineID).toMatch(/^[0-9a-f]{32}$/);
    expect(nodes[1]!.status!.nodeInfo!.kubeletVersion).toMatch(/^v1\.32\.\d+$/);
  });

  it("lists the images already on the machine, largest first", () => {
    const images = nodes[1]!.status!.images!;
    expect(images[0]!.names[1]).toBe("docker.io/flannel/flannel:v0.26.1");
    expect(images.every((img, i) => i === 0 || images[i - 1]!.sizeBytes >= img.sizeBytes)).toBe(true);
    expect(nodes[0]!.status!.images!.some((i) => i.names.includes("registry.k8s.io/etcd:3.5.16-0"))).toBe(true);
  });
});
