// Which pods a ReplicaSet deletes first when it scales down
// (deployment-controller.md §12.3, ActivePodsWithRanks in 1.32 with
// LogarithmicScaleDown and PodDeletionCost on).
import type { Pod } from "../../api/types.ts";
import { parseTime } from "../../util/time.ts";
import { isPodReady, podReadyCondition } from "../pod-util.ts";

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

export interface RankedPod {
  pod: Pod;
  /** Active pods of the same owner family on this pod's node. */
  rank: number;
  /** Sort keys computed once per pod rather than on every comparison. */
  ready?: boolean;
  readySince?: number;
  created?: number;
  cost?: number;
  restarts?: number;
}

/**
 * The `count` pods to delete out of `pods`. `related` are the active pods of
 * every ReplicaSet of the same Deployment (including these), used to prefer
 * deleting pods that share a node.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number, nowMs: number): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec.nodeName ?? "";
    if (!isActive(p)) continue;
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const ranked: RankedPod[] = pods.map((pod) => {
    const ready = isPodReady(pod);
    return {
      pod,
      rank: perNode.get(pod.spec.nodeName ?? "") ?? 0,
      ready,
      readySince: ready ? parseTime(podReadyCondition(pod)?.lastTransitionTime) : NaN,
      created: parseTime(pod.metadata.creationTimestamp),
      cost: deletionCost(pod),
      restarts: maxRestarts(pod),
    };
  });
  const cmp = (a: RankedPod, b: RankedPod) => compareForDeletion(a, b, nowMs);
  // A rolling update scales down one pod at a time: picking the few smallest
  // is cheaper than sorting them all, and gives the same pods (a total order).
  if (count <= 8) return smallest(ranked, count, cmp).map((r) => r.pod);
  ranked.sort(cmp);
  return ranked.slice(0, count).map((r) => r.pod);
}

/** The `count` smallest items in order, by repeated linear scans. */
function smallest<T>(items: T[], count: number, cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  const taken = new Set<number>();
  for (let k = 0; k < count; k++) {
    let best = -1;
    for (let i = 0; i < items.length; i++) {
      if (taken.has(i)) continue;
      if (best < 0 || cmp(items[i], items[best]) < 0) best = i;
    }
    taken.add(best);
    out.push(items[best]);
  }
  return out;
}

function isActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

/** Negative when `a` should be deleted before `b`. */
export function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? "";
  const nb = pb.spec.nodeName ?? "";
  // 1. Unscheduled before scheduled.
  if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
  // 2. Pending < Unknown < Running.
  const pha = PHASE_ORDER[pa.status?.phase ?? ""] ?? 0;
  const phb = PHASE_ORDER[pb.status?.phase ?? ""] ?? 0;
  if (pha !== phb) return pha - phb;
  // 3. Not ready before ready.
  const ra = a.ready ?? isPodReady(pa);
  const rb = b.ready ?? isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  // 4. Lower deletion cost first.
  const ca = a.cost ?? deletionCost(pa);
  const cb = b.cost ?? deletionCost(pb);
  if (ca !== cb) return ca - cb;
  // 5. Doubled up on a node first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready more recently first, on a log2 scale of time since ready.
  if (ra && rb) {
    const ta = a.readySince ?? parseTime(podReadyCondition(pa)?.lastTransitionTime);
    const tb = b.readySince ?? parseTime(podReadyCondition(pb)?.lastTransitionTime);
    if (ta !== tb) {
      const diff = compareRecent(ta, tb, nowMs);
      return diff !== 0 ? diff : uidOrder(pa, pb);
    }
  }
  // 7. More restarts first.
  const xa = a.restarts ?? maxRestarts(pa);
  const xb = b.restarts ?? maxRestarts(pb);
  if (xa !== xb) return xb - xa;
  // 8. Newer first, on a log2 scale of age.
  const ta = a.created ?? parseTime(pa.metadata.creationTimestamp);
  const tb = b.created ?? parseTime(pb.metadata.creationTimestamp);
  if (ta !== tb) {
    const diff = compareRecent(ta, tb, nowMs);
    return diff !== 0 ? diff : uidOrder(pa, pb);
  }
  // Go's sort leaves equal pods in no particular order; UID order keeps us deterministic.
  return uidOrder(pa, pb);
}

/** Negative when `ta` is in a more recent log2 bucket than `tb`; unset times sort first. */
function compareRecent(ta: number, tb: number, nowMs: number): number {
  if (Number.isNaN(ta) || Number.isNaN(tb)) {
    if (Number.isNaN(ta) && Number.isNaN(tb)) return 0;
    return Number.isNaN(ta) ? -1 : 1;
  }
  return logRank(ta, nowMs) - logRank(tb, nowMs);
}

function logRank(t: number, nowMs: number): number {
  const nanos = (nowMs - t) * 1e6;
  return nanos <= 0 ? -1 : Math.floor(Math.log2(nanos));
}

function uidOrder(a: Pod, b: Pod): number {
  const ua = a.metadata.uid ?? "";
  const ub = b.metadata.uid ?? "";
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
