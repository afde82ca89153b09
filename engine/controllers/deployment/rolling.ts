// RollingUpdate (deployment-controller.md §5): scale the new ReplicaSet up
// within maxSurge, the old ones down within maxUnavailable, one step a sync.
import type { ReplicaSet } from "../../api/types.ts";
import { syncRolloutStatus } from "./progress.ts";
import { cleanupDeployment, newAndOldReplicaSets, scaleReplicaSetAndRecordEvent, type DeploymentSync } from "./sync.ts";
import {
  activeReplicaSets,
  availableReplicas,
  byCreation,
  deploymentComplete,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  specReplicas,
} from "./util.ts";

export function rolloutRolling(s: DeploymentSync, sets: readonly ReplicaSet[]): void {
  const { newRS, oldRSs } = newAndOldReplicaSets(s, sets, true);
  if (!newRS) return; // creation failed; the failure is recorded and the sync retried
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(s, all, newRS) || reconcileOldReplicaSets(s, all, activeReplicaSets(oldRSs), newRS)) {
    return syncRolloutStatus(s, all, newRS);
  }
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, all, newRS);
}

function reconcileNewReplicaSet(s: DeploymentSync, all: ReplicaSet[], newRS: ReplicaSet): boolean {
  const desired = replicasOf(s.d);
  const current = replicasOf(newRS);
  if (current === desired) return false;
  const target = current > desired ? desired : newRSNewReplicas(s.d, all, newRS);
  return scaleReplicaSetAndRecordEvent(s, newRS, target) !== newRS;
}

function reconcileOldReplicaSets(s: DeploymentSync, all: ReplicaSet[], activeOld: ReplicaSet[], newRS: ReplicaSet): boolean {
  if (specReplicas(activeOld) === 0) return false;
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Unhealthy old replicas go first: they would otherwise block the rollout.
  const { sets, cleaned } = cleanupUnhealthyReplicas(s, activeOld, maxScaledDown);
  const scaled = scaleDownOldReplicaSets(s, [...sets, newRS], sets);
  return cleaned + scaled > 0;
}

function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: ReplicaSet[], maxCleanup: number): { sets: ReplicaSet[]; cleaned: number } {
  const sets = [...oldRSs].sort(byCreation);
  let cleaned = 0;
  for (let i = 0; i < sets.length && cleaned < maxCleanup; i++) {
    const rs = sets[i];
    const spec = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanup - cleaned, spec - available);
    sets[i] = scaleReplicaSetAndRecordEvent(s, rs, spec - count);
    cleaned += count;
  }
  return { sets, cleaned };
}

function scaleDownOldReplicaSets(s: DeploymentSync, all: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = availableReplicas(all);
  if (available <= minAvailable) return 0;
  const total = available - minAvailable;
  let scaled = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (scaled >= total) break;
    const spec = replicasOf(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, total - scaled);
    scaleReplicaSetAndRecordEvent(s, rs, spec - count);
    scaled += count;
  }
  return scaled;
}
