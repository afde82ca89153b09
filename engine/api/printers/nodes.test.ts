import { describe, expect, it } from "vitest";
import type { Node, NodeCondition } from "../types.ts";
import { nodeColumns, nodeTable } from "./nodes.ts";

const NOW = Date.UTC(2026, 10, 24, 20, 42, 0);

function node(f: { labels?: Record<string, string>; conditions?: NodeCondition[]; unschedulable?: boolean; bare?: boolean }): Node {
  return {
    metadata: { name: "node-1", creationTimestamp: "2026-11-24T17:38:00Z", ...(f.labels ? { labels: f.labels } : {}) },
    spec: f.unschedulable ? { unschedulable: true } : {},
    status: f.bare
      ? {}
      : {
          ...(f.conditions ? { conditions: f.conditions } : {}),
          addresses: [
            { type: "Hostname", address: "node-1" },
            { type: "InternalIP", address: "172.18.0.3" },
          ],
          nodeInfo: {
            kubeletVersion: "v1.32.5",
            osImage: "Debian GNU/Linux 12 (bookworm)",
            kernelVersion: "6.8.0-1021-gcp",
            containerRuntimeVersion: "containerd://1.7.24",
          },
        },
  };
}
const ready = (status: NodeCondition["status"]): NodeCondition => ({ type: "Ready", status });

describe("node table", () => {
  it("has the 1.32 columns", () => {
    expect(nodeColumns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0",
      "Status:0",
      "Roles:0",
      "Age:0",
      "Version:0",
      "Internal-IP:1",
      "External-IP:1",
      "OS-Image:1",
      "Kernel-Version:1",
      "Container-Runtime:1",
    ]);
  });

  const status: [string, Parameters<typeof node>[0], string][] = [
    ["Ready condition True", { conditions: [{ type: "MemoryPressure", status: "False" }, ready("True")] }, "Ready"],
    ["Ready condition False", { conditions: [ready("False")] }, "NotReady"],
    ["Ready condition Unknown (node stopped reporting)", { conditions: [ready("Unknown")] }, "NotReady"],
    ["no Ready condition", { conditions: [] }, "Unknown"],
    ["cordoned", { conditions: [ready("True")], unschedulable: true }, "Ready,SchedulingDisabled"],
    ["cordoned and unknown", { unschedulable: true }, "Unknown,SchedulingDisabled"],
    ["a later duplicate condition wins", { conditions: [ready("True"), ready("False")] }, "NotReady"],
  ];
  it.each(status)("STATUS: %s", (_name, f, want) => {
    expect(nodeTable.cells(node(f), NOW)[1]).toBe(want);
  });

  const roles: [string, Record<string, string> | undefined, string][] = [
    ["no labels", undefined, "<none>"],
    ["control plane", { "node-role.kubernetes.io/control-plane": "" }, "control-plane"],
    ["several roles sorted", { "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/infra": "" }, "infra,worker"],
    ["the kubernetes.io/role label", { "kubernetes.io/role": "master" }, "master"],
    ["an empty role name is ignored", { "node-role.kubernetes.io/": "", "kubernetes.io/role": "" }, "<none>"],
    ["the same role from both labels once", { "node-role.kubernetes.io/master": "", "kubernetes.io/role": "master" }, "master"],
  ];
  it.each(roles)("ROLES: %s", (_name, labels, want) => {
    expect(nodeTable.cells(node({ conditions: [ready("True")], ...(labels ? { labels } : {}) }), NOW)[2]).toBe(want);
  });

  it("fills the wide cells", () => {
    expect(nodeTable.cells(node({ conditions: [ready("True")] }), NOW)).toEqual([
      "node-1",
      "Ready",
      "<none>",
      "3h4m",
      "v1.32.5",
      "172.18.0.3",
      "<none>",
      "Debian GNU/Linux 12 (bookworm)",
      "6.8.0-1021-gcp",
      "containerd://1.7.24",
    ]);
  });

  it("shows <none> addresses and <unknown> node info when unreported", () => {
    expect(nodeTable.cells(node({ bare: true }), NOW)).toEqual([
      "node-1",
      "Unknown",
      "<none>",
      "3h4m",
      "",
      "<none>",
      "<none>",
      "<unknown>",
      "<unknown>",
      "<unknown>",
    ]);
  });
});
