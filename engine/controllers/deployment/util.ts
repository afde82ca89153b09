// The arithmetic every part of the Deployment controller shares
// (deployment-controller.md §4, §5.1, §10): surge and unavailability,
// revisions, replica annotations, template hashing and conditions.
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  IntOrString,
  PodTemplateSpec,
  ReplicaSet,
} from "../../api/types.ts";
import { canonicalJson } from "../../util/json.ts";
import { parseTime } from "../../util/time.ts";
import {
  DESIRED_REPLICAS,
  LAST_APPLIED,
  MAX_REPLICAS,
  POD_TEMPLATE_HASH,
  REVISION,
  REVISION_HISTORY,
  ROLLBACK_TO,
  SKIP_COPY,
  revisionOf,
} from "../../api/apps-util.ts";

// Shared with kubectl (rollout undo, history): they live with the API types.
export {
  DESIRED_REPLICAS,
  LAST_APPLIED,
  MAX_REPLICAS,
  POD_TEMPLATE_HASH,
  REVISION,
  REVISION_HISTORY,
  ROLLBACK_TO,
  equalIgnoreHash,
  revisionOf,
  skipCopyAnnotation,
} from "../../api/apps-util.ts";
/** The revision-history annotation is kept under this many characters. */
export const MAX_REVISION_HISTORY_CHARS = 2000;


export function replicasOf(d: Deployment | ReplicaSet): number {
  return d.spec.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, a percent of `total`
 * rounded up or down.
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  const percent = parseInt(value.slice(0, -1), 10);
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** [surge, unavailable]; both 0 would deadlock, so unavailable becomes 1. */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): [number, number] {
  const surge = scaledValue(maxSurge ?? "25%", desired, true);
  let unavailable = scaledValue(maxUnavailable ?? "25%", desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d))[0];
}

export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  const unavailable = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)[1];
  return Math.min(unavailable, replicas);
}

/** How big the new ReplicaSet may be now (NewRSNewReplicas, §5.2). */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const desired = replicasOf(d);
  const current = replicasOf(newRS);
  if (!isRollingUpdate(d)) return desired;
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? "25%", desired, true);
  const total = specReplicas(all);
  const maxTotal = desired + surge;
  if (total >= maxTotal) return current;
  return current + Math.min(maxTotal - total, desired - current);
}

// ---------- counting ----------

export function specReplicas(sets: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of sets) if (rs) n += replicasOf(rs);
  return n;
}

export function actualReplicas(sets: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of sets) if (rs) n += rs.status?.replicas ?? 0;
  return n;
}

export function readyReplicas(sets: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of sets) if (rs) n += rs.status?.readyReplicas ?? 0;
  return n;
}

export function availableReplicas(sets: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of sets) if (rs) n += rs.status?.availableReplicas ?? 0;
  return n;
}

export function activeReplicaSets(sets: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return sets.filter((rs): rs is ReplicaSet => rs !== undefined && replicasOf(rs) > 0);
}

// ---------- ordering ----------

/** Oldest first; equal timestamps by name (ReplicaSetsByCreationTimestamp). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTime(a.metadata.creationTimestamp);
  const tb = parseTime(b.metadata.creationTimestamp);
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name!;
  const nb = b.metadata.name!;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Larger first; ties newer first (scaling up) or older first (scaling down). */
export function bySize(newerFirst: boolean) {
  return (a: ReplicaSet, b: ReplicaSet): number => {
    const diff = replicasOf(b) - replicasOf(a);
    if (diff !== 0) return diff;
    return newerFirst ? byCreation(b, a) : byCreation(a, b);
  };
}

/** Lower revision first; unparsable or equal revisions by creation. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b);
  return ra - rb;
}

// ---------- revisions and annotations ----------

export function maxRevision(sets: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of sets) {
    const r = revisionOf(rs);
    if (r !== undefined && r > max) max = r;
  }
  return max;
}

/** Copy the Deployment's annotations onto the ReplicaSet (in place); true if any changed. */
export function copyDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  return changed;
}

/** Set desired/max replica annotations (in place); true if they changed. */
export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): boolean {
  let changed = false;
  if (annotations[DESIRED_REPLICAS] !== String(desired)) {
    annotations[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS] !== String(max)) {
    annotations[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const raw = rs.metadata.annotations?.[key];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return undefined;
  return parseInt(raw, 10);
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS);
}

export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, MAX_REPLICAS);
}

/**
 * Give the new ReplicaSet its annotations for `newRevision` (in place,
 * SetNewReplicaSetAnnotations); true if anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: number,
  exists: boolean,
): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = copyDeploymentAnnotations(d, annotations);
  const oldRaw = annotations[REVISION];
  let oldRevision = 0;
  if (oldRaw !== undefined && oldRaw !== "") {
    if (!/^[+-]?\d+$/.test(oldRaw)) return false;
    oldRevision = parseInt(oldRaw, 10);
  }
  if (oldRevision < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    // A ReplicaSet that had a revision and moves up is being rolled back to:
    // keep its old numbers in the revision history.
    if (oldRaw !== undefined && oldRaw !== "") {
      const history = annotations[REVISION_HISTORY] ?? "";
      if (history === "") {
        annotations[REVISION_HISTORY] = oldRaw;
      } else {
        const old = history.split(",");
        let total = history.length + oldRaw.length + 1;
        let start = 0;
        while (total > MAX_REVISION_HISTORY_CHARS && start < old.length) {
          total -= old[start].length + 1;
          start++;
        }
        if (total <= MAX_REVISION_HISTORY_CHARS) annotations[REVISION_HISTORY] = [...old.slice(start), oldRaw].join(",");
      }
    }
  }
  if (!exists && setReplicasAnnotations(annotations, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

// ---------- templates ----------

const HASH_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/**
 * pod-template-hash: 32-bit FNV-1a over a canonical form of the template (and
 * the collision count), its decimal digits mapped through the safe alphabet.
 */
export function computeHash(template: PodTemplateSpec, collisionCount: number | undefined): string {
  let h = 0x811c9dc5;
  const feed = (byte: number) => {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  const text = canonicalJson(template);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // UTF-16 code units as up to two bytes: stable, and ASCII hashes as bytes.
    if (c > 0xff) feed(c >>> 8);
    feed(c & 0xff);
  }
  if (collisionCount !== undefined) {
    const n = collisionCount >>> 0;
    for (const byte of [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24, 0, 0, 0, 0]) feed(byte);
  }
  let out = "";
  for (const digit of String(h >>> 0)) out += HASH_ALPHABET[digit.charCodeAt(0) % HASH_ALPHABET.length];
  return out;
}

// ---------- conditions ----------

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(
  type: string,
  status: DeploymentCondition["status"],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/**
 * SetDeploymentCondition: same status and reason is a no-op; same status keeps
 * lastTransitionTime; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status) cond = { ...cond, lastTransitionTime: current.lastTransitionTime };
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), cond];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec.revisionHistoryLimit;
  return l !== undefined && l !== 2147483647;
}

/** Every replica updated, present and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** Did the rollout move since the last status (§10.2)? */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, "Progressing");
  if (!cond) return false;
  if (cond.reason === "NewReplicaSetAvailable") return false;
  if (cond.reason === "ProgressDeadlineExceeded") return true;
  const from = parseTime(cond.lastUpdateTime);
  return from + d.spec.progressDeadlineSeconds! * 1000 < nowMs;
}
