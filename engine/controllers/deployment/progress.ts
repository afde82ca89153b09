// Progress tracking: the Progressing condition, the progress deadline and the
// paused/resumed bookkeeping (deployment-controller.md §10.3, §10.4).
import type { DeploymentCondition, ReplicaSet } from "../../api/types.ts";
import { deepClone, deepEqual } from "../../util/json.ts";
import { parseTime } from "../../util/time.ts";
import { calculateStatus, now, writeStatus, type DeploymentSync } from "./sync.ts";
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  newCondition,
  removeCondition,
  setCondition,
} from "./util.ts";

export const COMPONENT = "deployment";

/** Status with progress estimation, written only when it changed. */
export function syncRolloutStatus(s: DeploymentSync, all: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const d = s.d;
  const status = calculateStatus(s, all, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const current = getCondition(d.status, "Progressing");
  // Steady state: the rollout already finished and nothing old is left.
  const complete = status.replicas === status.updatedReplicas && current?.reason === "NewReplicaSetAvailable";
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition("Progressing", "True", "NewReplicaSetAvailable", `${subject} has successfully progressed.`, now(s)));
    } else if (deploymentProgressing(d, status)) {
      // Unlike other conditions, each observed progress refreshes lastUpdateTime.
      const cond: DeploymentCondition = newCondition("Progressing", "True", "ReplicaSetUpdated", `${subject} is progressing.`, now(s));
      if (current) {
        if (current.status === "True") cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, "Progressing");
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, s.ctx.clock.now())) {
      setCondition(status, newCondition("Progressing", "False", "ProgressDeadlineExceeded", `${subject} has timed out progressing.`, now(s)));
    }
  }
  const failure = replicaFailure(all, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, "ReplicaFailure");

  if (deepEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(s, status);
    return;
  }
  writeStatus(s, status);
}

/** Check again when the deadline would pass, so a stuck rollout is noticed on time. */
function requeueStuckDeployment(s: DeploymentSync, status: ReturnType<typeof calculateStatus>): void {
  const d = s.d;
  const current = getCondition(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === "ProgressDeadlineExceeded") return;
  const deadline = parseTime(current.lastUpdateTime) + d.spec.progressDeadlineSeconds! * 1000;
  const after = deadline - s.ctx.clock.now();
  const key = `${d.metadata.namespace}/${d.metadata.name}`;
  // Under a second left: retry soon (rate limited upstream); else a second after the deadline.
  s.ctx.clock.schedule(COMPONENT, key, after < 1000 ? Math.max(5, after + 1) : after + 1000);
}

/** A ReplicaSet's ReplicaFailure condition as the Deployment reports it. */
function replicaFailureOf(rs: ReplicaSet | undefined): DeploymentCondition | undefined {
  const c = rs?.status?.conditions?.find((x) => x.type === "ReplicaFailure");
  if (!c) return undefined;
  return {
    type: "ReplicaFailure",
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  };
}

function replicaFailure(all: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition | undefined {
  const first = replicaFailureOf(newRS);
  if (first) return first;
  for (const rs of all) {
    const c = replicaFailureOf(rs);
    if (c) return c;
  }
  return undefined;
}

/** Record pausing and resuming in the Progressing condition (only with a deadline). */
export function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === "ProgressDeadlineExceeded") return;
  const pausedRecorded = cond?.reason === "DeploymentPaused";
  if (d.spec.paused && !pausedRecorded) {
    const status = deepClone(d.status ?? {});
    setCondition(status, newCondition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now(s)));
    writeStatus(s, status);
  } else if (!d.spec.paused && pausedRecorded) {
    const status = deepClone(d.status ?? {});
    setCondition(status, newCondition("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", now(s)));
    writeStatus(s, status);
  }
}
