// The scheduler's view of each node (framework.NodeInfo): the pods assigned
// to it that still hold resources (terminating ones included, finished ones
// not: the scheduler's informer ignores Succeeded and Failed pods), their
// summed requests and the host ports they use.
import type { Node, Pod } from "../api/types.ts";
import { emptyResources, nodeAllocatable, podRequests, type Allocatable, type Resources } from "./resources.ts";

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface NodeInfo {
  node: Node;
  name: string;
  allocatable: Allocatable;
  requested: Resources;
  nonZeroRequested: Resources;
  pods: Pod[];
  usedPorts: HostPort[];
}

/** Request vectors by pod uid: a pod's resources cannot change, so they are computed once. */
export class RequestCache {
  private cache = new Map<string, { exact: Resources; nonZero: Resources }>();

  get(pod: Pod): { exact: Resources; nonZero: Resources } {
    const uid = pod.metadata.uid ?? "";
    let r = this.cache.get(uid);
    if (!r) {
      r = { exact: podRequests(pod), nonZero: podRequests(pod, true) };
      if (uid) this.cache.set(uid, r);
    }
    return r;
  }

  forget(uid: string | undefined): void {
    if (uid) this.cache.delete(uid);
  }
}

export function holdsResources(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec.nodeName && phase !== "Succeeded" && phase !== "Failed";
}

export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  return out;
}

function addInto(into: Resources, r: Resources): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v;
}

export function buildNodeInfos(nodes: readonly Node[], pods: readonly Pod[], cache: RequestCache): NodeInfo[] {
  const byName = new Map<string, NodeInfo>();
  const infos = nodes.map((node) => {
    const info: NodeInfo = {
      node,
      name: node.metadata.name!,
      allocatable: nodeAllocatable(node),
      requested: emptyResources(),
      nonZeroRequested: emptyResources(),
      pods: [],
      usedPorts: [],
    };
    byName.set(info.name, info);
    return info;
  });
  for (const pod of pods) {
    if (!holdsResources(pod)) continue;
    const info = byName.get(pod.spec.nodeName!);
    if (!info) continue;
    const r = cache.get(pod);
    info.pods.push(pod);
    addInto(info.requested, r.exact);
    addInto(info.nonZeroRequested, r.nonZero);
    info.usedPorts.push(...hostPorts(pod));
  }
  return infos;
}
