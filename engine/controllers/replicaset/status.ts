// ReplicaSet status from the pods it counts (deployment-controller.md §12.2).
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from "../../api/types.ts";
import { deepEqual } from "../../util/json.ts";
import { rfc3339 } from "../../util/time.ts";
import { isPodAvailable, isPodReady } from "../pod-util.ts";

export interface PodTally {
  active: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** Count what the status reports over the active pods the ReplicaSet owns. */
export function tallyPods(rs: ReplicaSet, activePods: readonly Pod[], nowMs: number): PodTally {
  const templateLabels = rs.spec.template?.metadata?.labels ?? {};
  const minReady = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (hasAllLabels(pod.metadata.labels, templateLabels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
    }
  }
  return { active: activePods.length, fullyLabeled, ready, available };
}

export function calculateStatus(
  rs: ReplicaSet,
  tally: PodTally,
  failure: { reason: string; message: string } | undefined,
  nowMs: number,
): ReplicaSetStatus {
  const { fullyLabeled, ready, available } = tally;
  let conditions = rs.status?.conditions;
  const existing = conditions?.find((c) => c.type === "ReplicaFailure");
  if (failure && !existing) {
    const cond: ReplicaSetCondition = {
      type: "ReplicaFailure",
      status: "True",
      lastTransitionTime: rfc3339(nowMs),
      reason: failure.reason,
      message: failure.message,
    };
    conditions = [...(conditions ?? []), cond];
  } else if (!failure && existing) {
    conditions = conditions!.filter((c) => c.type !== "ReplicaFailure");
  }
  // Go's omitempty: zero counters are left out, `replicas` is always written.
  const status: ReplicaSetStatus = { replicas: tally.active };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.observedGeneration = rs.metadata.generation;
  if (conditions && conditions.length > 0) status.conditions = conditions;
  return status;
}

export function statusUnchanged(rs: ReplicaSet, status: ReplicaSetStatus): boolean {
  return deepEqual(rs.status ?? {}, status);
}

function hasAllLabels(labels: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  for (const key in wanted) if (labels?.[key] !== wanted[key]) return false;
  return true;
}
