// `kubectl get nodes` columns (printers.go printNode). STATUS comes from the
// Ready condition only (`Ready`, `NotReady` for False or Unknown, `Unknown`
// when absent) plus `SchedulingDisabled` when cordoned; ROLES from labels.

import type { Node, TableColumnDefinition } from "../types.ts";
import type { TableConvertor } from "../registry.ts";
import { translateTimestampSince } from "./duration.ts";

export const nodeColumns: TableColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name of the node.", priority: 0 },
  { name: "Status", type: "string", format: "", description: "Readiness of the node, and whether it is cordoned.", priority: 0 },
  { name: "Roles", type: "string", format: "", description: "Roles from node-role.kubernetes.io/ labels.", priority: 0 },
  { name: "Age", type: "string", format: "", description: "Time since the node registered.", priority: 0 },
  { name: "Version", type: "string", format: "", description: "Kubelet version.", priority: 0 },
  { name: "Internal-IP", type: "string", format: "", description: "First InternalIP address.", priority: 1 },
  { name: "External-IP", type: "string", format: "", description: "First ExternalIP address.", priority: 1 },
  { name: "OS-Image", type: "string", format: "", description: "Operating system image.", priority: 1 },
  { name: "Kernel-Version", type: "string", format: "", description: "Kernel version.", priority: 1 },
  { name: "Container-Runtime", type: "string", format: "", description: "Container runtime and version.", priority: 1 },
];

const ROLE_PREFIX = "node-role.kubernetes.io/";
const ROLE_LABEL = "kubernetes.io/role";

/** Roles from `node-role.kubernetes.io/<role>` keys and a non-empty `kubernetes.io/role` value, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === ROLE_LABEL && v !== "") {
      roles.add(v);
    }
  }
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function nodeStatus(node: Node): string {
  // Conditions are keyed by type, so a later duplicate wins.
  let ready: string | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === "Ready") ready = c.status;
  const status = [ready === undefined ? "Unknown" : ready === "True" ? "Ready" : "NotReady"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

export const nodeTable: TableConvertor<Node> = {
  columns: nodeColumns,
  cells(node, nowMs) {
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name ?? "",
      nodeStatus(node),
      nodeRoles(node).join(",") || "<none>",
      translateTimestampSince(node.metadata.creationTimestamp, nowMs),
      info["kubeletVersion"] ?? "",
      address(node, "InternalIP"),
      address(node, "ExternalIP"),
      info["osImage"] || "<unknown>",
      info["kernelVersion"] || "<unknown>",
      info["containerRuntimeVersion"] || "<unknown>",
    ];
  },
};
