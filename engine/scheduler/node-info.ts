// The scheduler's view of each node (framework.NodeInfo): the pods assigned
// to it that still hold resources (terminating ones included, finished ones
// not: the scheduler's informer ignores Succeeded and Failed pods), their
// summed requests and the host ports they use.
import { controllerUid } from "../api/store.ts";
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
  /** Pods holding resources here, by uid. */
  pods: Map<string, Pod>;
  usedPorts: HostPort[];
  /** Live (not terminating) pods here per controller uid, for the default spreading. */
  ownerCounts: Map<string, number>;
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

function addInto(into: Resources, r: Resources, sign: 1 | -1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
}

function integral(r: Resources): boolean {
  if (!Number.isSafeInteger(r.milliCPU) || !Number.isSafeInteger(r.memory) || !Number.isSafeInteger(r.ephemeralStorage)) return false;
  for (const k in r.scalar) if (!Number.isSafeInteger(r.scalar[k])) return false;
  return true;
}

function newNodeInfo(node: Node): NodeInfo {
  return {
    node,
    name: node.metadata.name!,
    allocatable: nodeAllocatable(node),
    requested: emptyResources(),
    nonZeroRequested: emptyResources(),
    pods: new Map(),
    usedPorts: [],
    ownerCounts: new Map(),
  };
}

/**
 * The scheduler's cache: NodeInfos kept up to date from the watch stream, so
 * a scheduling cycle costs O(nodes), not O(pods), as in kube-scheduler.
 */
export class NodeInfoCache {
  private readonly byName = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] = [];
  /** pod uid -> the pod as counted, and where. */
  private readonly counted = new Map<string, Pod>();

  constructor(private readonly requests: RequestCache) {}

  /** NodeInfos in node-name order. */
  infos(): NodeInfo[] {
    return this.sorted;
  }

  setNode(node: Node): void {
    const name = node.metadata.name!;
    const info = this.byName.get(name);
    if (info) {
      info.node = node;
      info.allocatable = nodeAllocatable(node);
      return;
    }
    this.byName.set(name, newNodeInfo(node));
    this.resort();
    // Pods bound before the node was known now count against it.
    for (const pod of this.counted.values()) if (pod.spec.nodeName === name) this.apply(pod, 1);
  }

  removeNode(name: string): void {
    if (this.byName.delete(name)) this.resort();
  }

  /** Record a pod's latest state (deleted: `gone`). */
  setPod(pod: Pod, gone: boolean): void {
    const uid = pod.metadata.uid ?? "";
    const before = this.counted.get(uid);
    if (before && !gone && this.sameHold(before, pod)) {
      // A status write: taking the old version out and the new one in would
      // change nothing but the pod object kept.
      this.counted.set(uid, pod);
      this.byName.get(pod.spec.nodeName!)?.pods.set(uid, pod);
      return;
    }
    if (before) {
      this.apply(before, -1);
      this.counted.delete(uid);
    }
    if (!gone && holdsResources(pod)) {
      this.counted.set(uid, pod);
      this.apply(pod, 1);
    }
    if (gone) this.requests.forget(uid);
  }

  /**
   * Would apply(before, -1) then apply(pod, 1) leave the node's figures as
   * they are? Same node, same owner and deletion state, no host ports (their
   * list would be reordered), and integral requests (so that subtracting and
   * adding back is exact).
   */
  private sameHold(before: Pod, pod: Pod): boolean {
    if (!holdsResources(pod) || before.spec.nodeName !== pod.spec.nodeName) return false;
    if (!before.metadata.deletionTimestamp !== !pod.metadata.deletionTimestamp) return false;
    if (controllerUid(before) !== controllerUid(pod)) return false;
    if (hostPorts(before).length > 0 || hostPorts(pod).length > 0) return false;
    const info = this.byName.get(pod.spec.nodeName!);
    if (!info) return true;
    const r = this.requests.get(pod);
    return (
      integral(r.exact) && integral(r.nonZero) && integral(info.requested) && integral(info.nonZeroRequested)
    );
  }

  private apply(pod: Pod, sign: 1 | -1): void {
    const info = this.byName.get(pod.spec.nodeName!);
    if (!info) return;
    const uid = pod.metadata.uid ?? "";
    const r = this.requests.get(pod);
    addInto(info.requested, r.exact, sign);
    addInto(info.nonZeroRequested, r.nonZero, sign);
    const ports = hostPorts(pod);
    if (sign > 0) {
      info.pods.set(uid, pod);
      info.usedPorts.push(...ports);
    } else {
      info.pods.delete(uid);
      for (const port of ports) {
        const i = info.usedPorts.findIndex((u) => u.ip === port.ip && u.protocol === port.protocol && u.port === port.port);
        if (i >= 0) info.usedPorts.splice(i, 1);
      }
    }
    const owner = controllerUid(pod);
    if (owner && !pod.metadata.deletionTimestamp) {
      const n = (info.ownerCounts.get(owner) ?? 0) + sign;
      if (n > 0) info.ownerCounts.set(owner, n);
      else info.ownerCounts.delete(owner);
    }
  }

  private resort(): void {
    this.sorted = [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
