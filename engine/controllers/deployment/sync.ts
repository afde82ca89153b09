// Finding and creating the new ReplicaSet, revisions, scaling (including the
// proportional scaling of a rollout in progress), old-ReplicaSet clean-up and
// status (deployment-controller.md §4, §7, §9, §10).
import { isAlreadyExists, isNotFound } from "../../api/errors.ts";
import type { Deployment, DeploymentStatus, ReplicaSet } from "../../api/types.ts";
import type { ComponentContext } from "../../context.ts";
import { deepClone, deepEqual } from "../../util/json.ts";
import { rfc3339 } from "../../util/time.ts";
import { controllerRef, newControllerRef } from "../controller-ref.ts";
import {
  POD_TEMPLATE_HASH,
  REVISION,
  activeReplicaSets,
  actualReplicas,
  availableReplicas,
  byCreation,
  byRevision,
  bySize,
  computeHash,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  maxReplicasAnnotation,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  readyReplicas,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
} from "./util.ts";

export const SOURCE = { component: "deployment-controller" };

/** One sync's working state: the Deployment as last written by this sync. */
export interface DeploymentSync {
  ctx: ComponentContext;
  d: Deployment;
}

export function now(s: DeploymentSync): string {
  return rfc3339(s.ctx.clock.now());
}

export function writeStatus(s: DeploymentSync, status: DeploymentStatus, annotations = s.d.metadata.annotations): void {
  s.d = s.ctx.api.updateStatus("deployments", {
    ...s.d,
    metadata: { ...s.d.metadata, annotations },
    status,
  }, { fromEngine: true });
}

// ---------- the new ReplicaSet and revisions (§4) ----------

/**
 * A ReplicaSet to change and send back: deepClone(rs) as far as anyone can
 * tell, but only metadata, its annotations and spec are new objects (the only
 * parts changed before the update); the template and the rest are shared.
 */
function copyForEdit(rs: ReplicaSet): ReplicaSet {
  // Shallow copies: the stored version is frozen throughout, so its deeper
  // parts can be shared as they are (editableCopy would walk them all).
  const metadata = { ...rs.metadata };
  if (metadata.annotations) metadata.annotations = { ...metadata.annotations };
  return { ...rs, metadata, spec: { ...rs.spec } };
}

export function findNewReplicaSet(d: Deployment, sets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...sets].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked and
 * missing) with its revision brought up to date, and every old one.
 */
export function newAndOldReplicaSets(
  s: DeploymentSync,
  sets: readonly ReplicaSet[],
  create: boolean,
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const existing = findNewReplicaSet(s.d, sets);
  const oldRSs = sets.filter((rs) => rs !== existing);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return { newRS: syncExistingNewReplicaSet(s, existing, newRevision), oldRSs };
  if (!create) return { newRS: undefined, oldRSs };
  return { newRS: createNewReplicaSet(s, oldRSs, newRevision), oldRSs };
}

function syncExistingNewReplicaSet(s: DeploymentSync, existing: ReplicaSet, newRevision: number): ReplicaSet {
  const d = s.d;
  const copy = copyForEdit(existing);
  const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true);
  const minReady = d.spec.minReadySeconds ?? 0;
  if (annotationsChanged || (copy.spec.minReadySeconds ?? 0) !== minReady) {
    copy.spec.minReadySeconds = minReady;
    // The Deployment's own revision and condition follow on a later sync.
    return s.ctx.api.update("replicasets", copy, { fromEngine: true });
  }
  let needsUpdate = false;
  const annotations = { ...d.metadata.annotations };
  const revision = copy.metadata.annotations?.[REVISION];
  if (revision !== undefined && annotations[REVISION] !== revision) {
    annotations[REVISION] = revision;
    needsUpdate = true;
  }
  const addCondition = hasProgressDeadline(d) && !getCondition(d.status, "Progressing");
  if (needsUpdate || addCondition) {
    const status = deepClone(d.status ?? {});
    if (addCondition) {
      setCondition(status, newCondition("Progressing", "True", "FoundNewReplicaSet", `Found new replica set "${copy.metadata.name}"`, now(s)));
    }
    writeStatus(s, status, annotations);
  }
  return copy;
}

function createNewReplicaSet(s: DeploymentSync, oldRSs: ReplicaSet[], newRevision: number): ReplicaSet | undefined {
  const { api, recorder } = s.ctx;
  const d = s.d;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = deepClone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = deepClone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const rs: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false);

  let created: ReplicaSet;
  let alreadyExisted = false;
  try {
    created = api.create("replicasets", rs, { fromEngine: true });
  } catch (err) {
    if (isAlreadyExists(err)) {
      const other = api.find("replicasets", d.metadata.namespace, name);
      if (other && controllerRef(other)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, other.spec.template)) {
        created = other;
        alreadyExisted = true;
      } else {
        // A hash collision: count it, so the next sync hashes differently.
        const status = deepClone(d.status ?? {});
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        writeStatus(s, status);
        s.ctx.clock.schedule("deployment", `${d.metadata.namespace}/${d.metadata.name}`, 5);
        return undefined;
      }
    } else if (isNamespaceTerminating(err)) {
      return undefined;
    } else {
      const message = `Failed to create new replica set "${name}": ${err instanceof Error ? err.message : String(err)}`;
      if (hasProgressDeadline(d)) {
        const status = deepClone(d.status ?? {});
        setCondition(status, newCondition("Progressing", "False", "ReplicaSetCreateError", message, now(s)));
        writeStatus(s, status);
      }
      recorder.record(SOURCE, s.d, "Warning", "ReplicaSetCreateError", message);
      return undefined;
    }
  }
  if (!alreadyExisted && replicas > 0) {
    recorder.record(SOURCE, s.d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${name} to ${replicas}`);
  }
  let needsUpdate = false;
  const annotations = { ...s.d.metadata.annotations };
  if (annotations[REVISION] !== String(newRevision)) {
    annotations[REVISION] = String(newRevision);
    needsUpdate = true;
  }
  const status = deepClone(s.d.status ?? {});
  if (!alreadyExisted && hasProgressDeadline(s.d)) {
    setCondition(status, newCondition("Progressing", "True", "NewReplicaSetCreated", `Created new replica set "${name}"`, now(s)));
    needsUpdate = true;
  }
  if (needsUpdate) writeStatus(s, status, annotations);
  return created;
}

function isNamespaceTerminating(err: unknown): boolean {
  return err instanceof Error && err.message.includes("because it is being terminated");
}

// ---------- scaling (§7) ----------

/** A "scaling event": an active ReplicaSet was last sized for a different replica count. */
export function isScalingEvent(s: DeploymentSync, sets: readonly ReplicaSet[]): boolean {
  const { newRS, oldRSs } = newAndOldReplicaSets(s, sets, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== replicasOf(s.d)) return true;
  }
  return false;
}

export function scaleReplicaSetAndRecordEvent(s: DeploymentSync, rs: ReplicaSet, size: number): ReplicaSet {
  if (replicasOf(rs) === size) return rs;
  return scaleReplicaSet(s, rs, size, replicasOf(rs) < size ? "up" : "down");
}

export function scaleReplicaSet(s: DeploymentSync, rs: ReplicaSet, size: number, direction: "up" | "down"): ReplicaSet {
  const d = s.d;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  const sizeChanges = replicasOf(rs) !== size;
  if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, desired, max)) return rs;
  const from = replicasOf(rs);
  const copy = copyForEdit(rs);
  copy.spec.replicas = size;
  setReplicasAnnotations((copy.metadata.annotations ??= {}), desired, max);
  const updated = s.ctx.api.update("replicasets", copy, { fromEngine: true });
  if (sizeChanges) {
    s.ctx.recorder.record(
      SOURCE,
      s.d,
      "Normal",
      "ScalingReplicaSet",
      `Scaled ${direction} replica set ${rs.metadata.name} to ${size} from ${from}`,
    );
  }
  return updated;
}

/** Bring ReplicaSet sizes in line with spec.replicas, proportionally during a rollout (§7.2). */
export function scale(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const d = s.d;
  const desired = replicasOf(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest !== null) {
    if (activeOrLatest && replicasOf(activeOrLatest) !== desired) scaleReplicaSetAndRecordEvent(s, activeOrLatest, desired);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;

  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = desired > 0 ? desired + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(all);
  let direction: "up" | "down" = "down";
  if (toAdd > 0) {
    all.sort(bySize(true));
    direction = "up";
  } else if (toAdd < 0) {
    all.sort(bySize(false));
  }
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return replicasOf(rs);
    const share = proportion(rs, d, toAdd, added);
    added += share;
    return replicasOf(rs) + share;
  });
  all.forEach((rs, i) => {
    // Leftovers from rounding go to the first (largest) ReplicaSet.
    if (i === 0 && toAdd !== 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
    scaleReplicaSet(s, rs, sizes[i], direction);
  });
}

/**
 * With at most one active ReplicaSet: that one (or, with none, the new one or
 * the newest old one); `undefined` when there are none at all; `null` when
 * several are active.
 */
function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined | null {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return null;
}

function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  const replicas = replicasOf(d);
  return desired !== undefined && replicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = replicasOf(d);
  if (replicas === 0) return -replicasOf(rs);
  const target = replicas + maxSurge(d);
  const annotated = maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAwayFromZero((replicasOf(rs) * target) / annotated) - replicasOf(rs);
}

function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

// ---------- clean-up (§9) ----------

export function cleanupDeployment(s: DeploymentSync, oldRSs: ReplicaSet[]): void {
  const d = s.d;
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit!;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    try {
      s.ctx.api.delete("replicasets", rs.metadata.namespace, rs.metadata.name!);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

// ---------- status (§10) ----------

export function calculateStatus(s: DeploymentSync, all: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentStatus {
  const d = s.d;
  const available = availableReplicas(all);
  const status: DeploymentStatus = {};
  // Go's omitempty: zero counters are not written.
  status.observedGeneration = d.metadata.generation;
  const replicas = actualReplicas(all);
  const updated = actualReplicas([newRS]);
  const ready = readyReplicas(all);
  const unavailable = Math.max(0, specReplicas(all) - available);
  if (replicas) status.replicas = replicas;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (unavailable) status.unavailableReplicas = unavailable;
  if (d.status?.conditions) status.conditions = d.status.conditions;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now(s)));
  } else {
    setCondition(status, newCondition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now(s)));
  }
  return status;
}

export function syncDeploymentStatus(s: DeploymentSync, all: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const status = calculateStatus(s, all, newRS);
  if (!deepEqual(s.d.status ?? {}, status)) writeStatus(s, status);
}

/**
 * The "sync" path: scaling (also while paused) without rolling anything out.
 * Like upstream, status is computed from the ReplicaSets as they were before
 * this sync scaled them; the ReplicaSet updates trigger the next sync.
 */
export function syncScaleOnly(s: DeploymentSync, sets: readonly ReplicaSet[]): void {
  const { newRS, oldRSs } = newAndOldReplicaSets(s, sets, false);
  scale(s, newRS, oldRSs);
  if (s.d.spec.paused) cleanupDeployment(s, oldRSs);
  syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
}
