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
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: perNode.get(pod.spec.nodeName ?? "") ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs));
  return ranked.slice(0, count).map((r) => r.pod);
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
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  // 4. Lower deletion cost first.
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca - cb;
  // 5. Doubled up on a node first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready more recently first, on a log2 scale of time since ready.
  if (ra && rb) {
    const ta = parseTime(podReadyCondition(pa)?.lastTransitionTime);
    const tb = parseTime(podReadyCondition(pb)?.lastTransitionTime);
    if (ta !== tb) {
      const diff = compareRecent(ta, tb, nowMs);
      return diff !== 0 ? diff : uidOrder(pa, pb);
    }
  }
  // 7. More restarts first.
  const xa = maxRestarts(pa);
  const xb = maxRestarts(pb);
  if (xa !== xb) return xb - xa;
  // 8. Newer first, on a log2 scale of age.
  const ta = parseTime(pa.metadata.creationTimestamp);
  const tb = parseTime(pb.metadata.creationTimestamp);
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
