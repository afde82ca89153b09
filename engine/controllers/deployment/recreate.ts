// Recreate (deployment-controller.md §6): every old pod is gone before the new
// ReplicaSet starts any.
import type { Pod, ReplicaSet } from "../../api/types.ts";
import { syncRolloutStatus } from "./progress.ts";
import { cleanupDeployment, newAndOldReplicaSets, scaleReplicaSetAndRecordEvent, type DeploymentSync } from "./sync.ts";
import { activeReplicaSets, actualReplicas, deploymentComplete, replicasOf } from "./util.ts";

export function rolloutRecreate(s: DeploymentSync, sets: readonly ReplicaSet[], podsByRS: Map<string, Pod[]>): void {
  let { newRS, oldRSs } = newAndOldReplicaSets(s, sets, false);
  let all: (ReplicaSet | undefined)[] = [...oldRSs, newRS];

  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(s, rs, 0) !== rs) scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podsByRS)) return syncRolloutStatus(s, all, newRS);

  if (!newRS) {
    ({ newRS, oldRSs } = newAndOldReplicaSets(s, sets, true));
    if (!newRS) return;
    all = [...oldRSs, newRS];
  }
  if (replicasOf(newRS) !== replicasOf(s.d)) scaleReplicaSetAndRecordEvent(s, newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, all, newRS);
}

/** Old pods still exist: counted by their ReplicaSets, or not yet finished (terminating ones too). */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podsByRS: Map<string, Pod[]>): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByRS) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase !== "Failed" && phase !== "Succeeded") return true;
    }
  }
  return false;
}
