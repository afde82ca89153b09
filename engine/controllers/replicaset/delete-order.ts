// Which pods a ReplicaSet deletes first when it scales down
// (deployment-controller.md §12.3, ActivePodsWithRanks in 1.32 with
// LogarithmicScaleDown and PodDeletionCost on).
import type { Pod } from "../../api/types.ts";
import { parseTime } from "../../util/time.ts";
import { isPodReady, podReadyCondition } from "../pod-util.ts";

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

/** A pod with its sort keys, computed once per pod version. */
export interface RankedPod {
  pod: Pod;
  /** spec.nodeName, "" when unscheduled. */
  node: string;
  phase: number;
  ready: boolean;
  /** When it became ready (NaN when not ready or unknown). */
  readySince: number;
  created: number;
  cost: number;
  restarts: number;
  uid: string;
  // Set for each choice (they depend on the other pods and the time):
  /** Active pods of the same owner family on this pod's node. */
  rank: number;
  /** logRank of readySince and created at the time of the choice (NaN for unset times). */
  readyBucket: number;
  createdBucket: number;
}

/** Active pods per node name ("" for unscheduled): what ranks a pod for deletion. */
export function activePerNode(pods: readonly Pod[]): Map<string, number> {
  const perNode = new Map<string, number>();
  for (const p of pods) {
    const node = p.spec.nodeName ?? "";
    if (!isActive(p)) continue;
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  return perNode;
}

/**
 * The `count` pods to delete out of `pods`. `perNode` counts the active pods
 * of every ReplicaSet of the same Deployment (including these) per node
 * (activePerNode), used to prefer deleting pods that share a node.
 */
export function podsToDelete(pods: readonly Pod[], perNode: ReadonlyMap<string, number>, count: number, nowMs: number): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const ranked: RankedPod[] = new Array(pods.length);
  for (let i = 0; i < pods.length; i++) {
    const r = rankedPod(pods[i]!);
    r.rank = perNode.get(r.node) ?? 0;
    r.readyBucket = Number.isNaN(r.readySince) ? NaN : logRank(r.readySince, nowMs);
    r.createdBucket = Number.isNaN(r.created) ? NaN : logRank(r.created, nowMs);
    ranked[i] = r;
  }
  // A rolling update scales down one pod at a time: picking the few smallest
  // is cheaper than sorting them all.
  if (count <= 8) return smallest(ranked, count).map((r) => r.pod);
  ranked.sort(compareForDeletion);
  return ranked.slice(0, count).map((r) => r.pod);
}

/**
 * Each pod version's RankedPod. Stored pods are frozen and replaced on every
 * write, so the keys can never be stale (an entry goes with its pod version);
 * the per-choice fields are set again before every use. A 1,000-pod rollout
 * scales down one pod at a time and would otherwise recompute the keys of
 * every pod each time.
 */
const rankedByPod = new WeakMap<Pod, RankedPod>();

function rankedPod(pod: Pod): RankedPod {
  let r = rankedByPod.get(pod);
  if (r) return r;
  const ready = isPodReady(pod);
  r = {
    pod,
    node: pod.spec.nodeName ?? "",
    phase: PHASE_ORDER[pod.status?.phase ?? ""] ?? 0,
    ready,
    readySince: ready ? parseTime(podReadyCondition(pod)?.lastTransitionTime) : NaN,
    created: parseTime(pod.metadata.creationTimestamp),
    cost: deletionCost(pod),
    restarts: maxRestarts(pod),
    uid: pod.metadata.uid ?? "",
    rank: 0,
    readyBucket: NaN,
    createdBucket: NaN,
  };
  if (Object.isFrozen(pod)) rankedByPod.set(pod, r);
  return r;
}

/** The `count` smallest items in order, by repeated linear scans. */
function smallest(items: RankedPod[], count: number): RankedPod[] {
  const out: RankedPod[] = [];
  const taken = count > 1 ? new Set<number>() : undefined;
  for (let k = 0; k < count; k++) {
    let best = -1;
    for (let i = 0; i < items.length; i++) {
      if (taken?.has(i)) continue;
      if (best < 0 || compareForDeletion(items[i]!, items[best]!) < 0) best = i;
    }
    taken?.add(best);
    out.push(items[best]!);
  }
  return out;
}

function isActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

/** Negative when `a` should be deleted before `b` (both prepared by podsToDelete for the same moment). */
export function compareForDeletion(a: RankedPod, b: RankedPod): number {
  const na = a.node;
  const nb = b.node;
  // 1. Unscheduled before scheduled.
  if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
  // 2. Pending < Unknown < Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  const ra = a.ready;
  const rb = b.ready;
  if (ra !== rb) return ra ? 1 : -1;
  // 4. Lower deletion cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. Doubled up on a node first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready more recently first, on a log2 scale of time since ready.
  if (ra && rb && a.readySince !== b.readySince) {
    const diff = compareRecent(a.readySince, b.readySince, a.readyBucket, b.readyBucket);
    return diff !== 0 ? diff : uidOrder(a, b);
  }
  // 7. More restarts first.
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer first, on a log2 scale of age.
  if (a.created !== b.created) {
    const diff = compareRecent(a.created, b.created, a.createdBucket, b.createdBucket);
    return diff !== 0 ? diff : uidOrder(a, b);
  }
  // Go's sort leaves equal pods in no particular order; UID order keeps us deterministic.
  return uidOrder(a, b);
}

/** Negative when `ta` is in a more recent log2 bucket than `tb` (their logRanks); unset times sort first. */
function compareRecent(ta: number, tb: number, bucketA: number, bucketB: number): number {
  if (Number.isNaN(ta) || Number.isNaN(tb)) {
    if (Number.isNaN(ta) && Number.isNaN(tb)) return 0;
    return Number.isNaN(ta) ? -1 : 1;
  }
  return bucketA - bucketB;
}

function logRank(t: number, nowMs: number): number {
  const nanos = (nowMs - t) * 1e6;
  return nanos <= 0 ? -1 : Math.floor(Math.log2(nanos));
}

function uidOrder(a: RankedPod, b: RankedPod): number {
  const ua = a.uid;
  const ub = b.uid;
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[DELETION_COST];
  if (raw === undefined) return 0;
  const n = Number(raw);
  return Number.isInteger(n) ? n : 0;
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) if (s.restartCount > max) max = s.restartCount;
  return max;
}
