// The default profile's Filter plugins that matter here, in the order the
// framework runs them; the first one that rejects a node decides its status.
// Reasons are the plugins' exact strings (pkg/scheduler/framework/plugins).
import type { LabelSelectorRequirement, Node, Pod, Taint, Toleration } from "../api/types.ts";
import { hostPorts, type NodeInfo } from "./node-info.ts";
import type { Resources } from "./resources.ts";

export type FilterCode = "Unschedulable" | "UnschedulableAndUnresolvable";

export interface FilterStatus {
  plugin: string;
  code: FilterCode;
  reasons: string[];
}

export const REASON_UNSCHEDULABLE = "node(s) were unschedulable";
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const REASON_NODE_NAME = "node(s) didn't match the requested node name";

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || "Equal";
  if (op === "Exists") return true;
  if (op === "Equal") return (t.value ?? "") === (taint.value ?? "");
  return false;
}

export function tolerationsTolerate(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** FindMatchingUntoleratedTaint over NoSchedule and NoExecute taints. */
export function untoleratedTaint(node: Node, pod: Pod): Taint | undefined {
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerationsTolerate(pod.spec.tolerations, taint)) return taint;
  }
  return undefined;
}

function matchRequirement(r: LabelSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || values.length !== 1) return false;
      const v = Number.parseInt(value, 10);
      const bound = Number.parseInt(values[0]!, 10);
      if (Number.isNaN(v) || Number.isNaN(bound)) return false;
      return r.operator === "Gt" ? v > bound : v < bound;
    }
    default:
      return false;
  }
}

interface NodeSelectorTerm {
  matchExpressions?: LabelSelectorRequirement[];
  matchFields?: LabelSelectorRequirement[];
}

function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  // An empty term selects nothing.
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const e of exprs) if (!matchRequirement(e, labels[e.key])) return false;
  for (const f of fields) {
    if (f.key !== "metadata.name" || !matchRequirement(f, node.metadata.name)) return false;
  }
  return true;
}

interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight: number; preference: NodeSelectorTerm }>;
}

export function nodeAffinityOf(pod: Pod): NodeAffinity | undefined {
  return (pod.spec.affinity as { nodeAffinity?: NodeAffinity } | undefined)?.nodeAffinity;
}

/** nodeSelector and required node affinity (terms ORed, expressions ANDed). */
export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = nodeAffinityOf(pod)?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node));
}

export function preferredAffinityScore(pod: Pod, node: Node): number {
  let score = 0;
  for (const p of nodeAffinityOf(pod)?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (p.weight !== 0 && termMatches(p.preference, node)) score += p.weight;
  }
  return score;
}

function portsConflict(info: NodeInfo, pod: Pod): boolean {
  for (const want of hostPorts(pod)) {
    for (const used of info.usedPorts) {
      if (used.port !== want.port || used.protocol !== want.protocol) continue;
      if (want.ip === "0.0.0.0" || used.ip === "0.0.0.0" || used.ip === want.ip) return true;
    }
  }
  return false;
}

/** NodeResourcesFit.fitsRequest: every resource short on this node, in the plugin's order. */
export function insufficientResources(info: NodeInfo, request: Resources): string[] {
  const reasons: string[] = [];
  if (info.pods.size + 1 > info.allocatable.pods) reasons.push("Too many pods");
  const scalarNames = Object.keys(request.scalar).filter((k) => request.scalar[k]! > 0);
  if (request.milliCPU === 0 && request.memory === 0 && request.ephemeralStorage === 0 && scalarNames.length === 0) return reasons;
  const a = info.allocatable;
  const used = info.requested;
  if (request.milliCPU > 0 && request.milliCPU > a.milliCPU - used.milliCPU) reasons.push("Insufficient cpu");
  if (request.memory > 0 && request.memory > a.memory - used.memory) reasons.push("Insufficient memory");
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > a.ephemeralStorage - used.ephemeralStorage) {
    reasons.push("Insufficient ephemeral-storage");
  }
  for (const name of scalarNames.sort()) {
    if (request.scalar[name]! > (a.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

/** Run the filters on one node: undefined when the pod fits. */
export function filterNode(pod: Pod, request: Resources, info: NodeInfo): FilterStatus | undefined {
  const node = info.node;
  if (node.spec.unschedulable && !tolerationsTolerate(pod.spec.tolerations, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" })) {
    return { plugin: "NodeUnschedulable", code: "UnschedulableAndUnresolvable", reasons: [REASON_UNSCHEDULABLE] };
  }
  const taint = untoleratedTaint(node, pod);
  if (taint) {
    return {
      plugin: "TaintToleration",
      code: "UnschedulableAndUnresolvable",
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`],
    };
  }
  if (!matchesNodeSelectorAndAffinity(pod, node)) {
    return { plugin: "NodeAffinity", code: "UnschedulableAndUnresolvable", reasons: [REASON_AFFINITY] };
  }
  if (portsConflict(info, pod)) return { plugin: "NodePorts", code: "Unschedulable", reasons: [REASON_PORTS] };
  const short = insufficientResources(info, request);
  if (short.length > 0) return { plugin: "NodeResourcesFit", code: "Unschedulable", reasons: short };
  return undefined;
}
