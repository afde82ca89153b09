// The ReplicaSet controller (deployment-controller.md §12): keeps the number of
// active pods equal to spec.replicas and reports what it sees in status.
import { isNotFound } from "../../api/errors.ts";
import { selectorFromLabelSelector, type Selector } from "../../api/labels.ts";
import type { KubeObject, Pod, ReplicaSet } from "../../api/types.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";
import { deepEqual } from "../../util/json.ts";
import { claimSplit, controllerRef, newControllerRef } from "../controller-ref.ts";
import { isPodActive, isPodReady, podReadyCondition } from "../pod-util.ts";
import { activePerNode, podsToDelete } from "./delete-order.ts";
import { ReplicaSetPodIndex } from "./pod-index.ts";
import { calculateStatus, statusUnchanged, tallyPods, type PodTally } from "./status.ts";

const COMPONENT = "replicaset";
const SOURCE = { component: "replicaset-controller" };
/** At most this many pods are created or deleted in one sync (burstReplicas). */
const BURST_REPLICAS = 500;

export function startReplicaSetController(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  const enqueue = (ns: string | undefined, name: string, delayMs: number = REACTION_MS.replicaset) =>
    clock.schedule(COMPONENT, `${ns}/${name}`, delayMs);

  const index = new ReplicaSetPodIndex(api);
  api.watch("replicasets", {}, (e) => enqueue(e.object.metadata.namespace, e.object.metadata.name!));
  api.watchAll((e) => index.observe(e), "replicasets");
  api.watchAll((e) => {
    index.observe(e);
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    // Most pod writes are kubelet status steps a ReplicaSet does not count;
    // skipping them saves syncs that would change nothing.
    if (e.type === "MODIFIED" && old && !countsChanged(old, pod)) return;
    const ref = controllerRef(pod);
    if (ref) {
      if (ref.kind !== "ReplicaSet") return;
      enqueue(pod.metadata.namespace, ref.name);
      // A pod that just became ready turns available minReadySeconds later.
      if (e.type === "MODIFIED" && isPodReady(pod) && !(old && isPodReady(old))) {
        const rs = api.find("replicasets", pod.metadata.namespace, ref.name);
        const minReady = rs?.spec.minReadySeconds ?? 0;
        if (minReady > 0) enqueue(pod.metadata.namespace, ref.name, minReady * 1000 + 1000);
      }
      const oldRef = old && controllerRef(old);
      if (oldRef && oldRef.uid !== ref.uid && oldRef.kind === "ReplicaSet") enqueue(pod.metadata.namespace, oldRef.name);
      return;
    }
    if (e.type === "DELETED") return;
    // An orphan: every ReplicaSet whose selector matches may adopt it.
    for (const rs of api.list("replicasets", { namespace: pod.metadata.namespace }).items) {
      if (selectorFromLabelSelector(rs.spec.selector).matches(pod.metadata.labels)) {
        enqueue(rs.metadata.namespace, rs.metadata.name!);
      }
    }
  }, "pods");

  clock.on(COMPONENT, (key) => {
    try {
      syncReplicaSet(ctx, index, key);
    } catch (err) {
      ctx.reportError(COMPONENT, err);
    }
  });
}

export function syncReplicaSet(ctx: ComponentContext, index: ReplicaSetPodIndex, key: string): void {
  const { api, clock } = ctx;
  const slash = key.indexOf("/");
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const rs = api.find("replicasets", namespace, name);
  if (!rs) return;
  const uid = rs.metadata.uid!;
  const deleting = Boolean(rs.metadata.deletionTimestamp);

  // claim(): adopt matching orphans, release owned pods that stopped matching.
  // When the index knows every owned pod, none is to be released and there is
  // no orphan, claim() changes nothing and returns exactly the active pods the
  // index counts: the list is then only built if pods are to be deleted.
  const orphans = api.listUncontrolled("pods", namespace);
  const counts = index.get(uid);
  const simple = orphans.length === 0 && counts.mismatched === 0 && counts.owned === api.countControlledBy("pods", uid);
  // (Parsed only when needed; no closures here: this runs on every pod step.)
  let selector: Selector | undefined;
  if (!simple) selector = selectorFromLabelSelector(rs.spec.selector);
  const claimed = simple
    ? undefined
    : claimSplit(api, "pods", rs, selector!, api.listControlledBy("pods", uid), orphans, isPodActive);

  let failure: { reason: string; message: string } | undefined;
  const diff = (claimed ? claimed.length : counts.active) - (rs.spec.replicas ?? 1);
  if (!deleting && diff !== 0) {
    failure = manageReplicas(ctx, index, rs, claimed, diff);
  }

  // Re-read when manageReplicas changed the pods this status counts.
  const current = api.find("replicasets", namespace, name);
  if (!current) return;
  let tally: PodTally;
  if ((current.spec.minReadySeconds ?? 0) === 0) {
    // Available is ready: the index's counts are the tally of the pods claimed now.
    const now = index.get(uid);
    tally = { active: now.active, fullyLabeled: now.fullyLabeled, ready: now.ready, available: now.ready };
  } else {
    selector ??= selectorFromLabelSelector(rs.spec.selector);
    const active = (diff === 0 || deleting) && claimed ? claimed : activeMatching(api, current.metadata.uid!, selector);
    tally = tallyPods(current, active, clock.now());
  }
  const status = calculateStatus(current, tally, failure, clock.now());
  let written = current;
  if (!statusUnchanged(current, status)) {
    written = api.updateStatus("replicasets", { ...current, status }, { fromEngine: true });
  }
  // Last line of defence, as upstream: look again once minReadySeconds has passed.
  const minReady = written.spec.minReadySeconds ?? 0;
  const replicas = written.spec.replicas ?? 1;
  const st = written.status;
  if (!failure && minReady > 0 && (st?.readyReplicas ?? 0) === replicas && (st?.availableReplicas ?? 0) !== replicas) {
    clock.schedule(COMPONENT, key, minReady * 1000);
  }
}

/** The active pods a ReplicaSet controls that match its selector, in the store's order. */
function activeMatching(api: ComponentContext["api"], uid: string, selector: Selector): Pod[] {
  return api.listControlledBy("pods", uid).filter((p) => isPodActive(p) && selector.matches(p.metadata.labels));
}

/** Did a pod change in a way a ReplicaSet's sync could react to? */
function countsChanged(old: Pod, pod: Pod): boolean {
  if (old.metadata.labels !== pod.metadata.labels && !deepEqual(old.metadata.labels, pod.metadata.labels)) return true;
  if (old.metadata.ownerReferences !== pod.metadata.ownerReferences && !deepEqual(old.metadata.ownerReferences, pod.metadata.ownerReferences)) return true;
  if (old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) return true;
  if (isPodActive(old) !== isPodActive(pod)) return true;
  const a = podReadyCondition(old);
  const b = podReadyCondition(pod);
  return a?.status !== b?.status || a?.lastTransitionTime !== b?.lastTransitionTime;
}

function manageReplicas(
  ctx: ComponentContext,
  index: ReplicaSetPodIndex,
  rs: ReplicaSet,
  claimed: Pod[] | undefined,
  diff: number,
): { reason: string; message: string } | undefined {
  const { api, recorder, clock } = ctx;
  if (diff < 0) {
    const toCreate = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < toCreate; i++) {
      try {
        const pod = api.create("pods", podFromTemplate(rs), { namespace: rs.metadata.namespace, fromEngine: true });
        recorder.record(SOURCE, rs, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
      } catch (err) {
        // A failed create stops this round (slow start), and the RS reports it.
        const message = errorText(err);
        recorder.record(SOURCE, rs, "Warning", "FailedCreate", `Error creating: ${message}`);
        return { reason: "FailedCreate", message };
      }
    }
  } else if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    // What scaling down ranks pods by: the claimed pods (in the store's order:
    // ties in the deletion order can depend on it), and the active pods per
    // node of the whole family (every ReplicaSet of the same owner).
    const pods = claimed ?? index.claimedPods(rs.metadata.uid!);
    const perNode = familyPerNode(ctx, index, rs, pods);
    for (const pod of podsToDelete(pods, perNode, count, clock.now())) {
      try {
        api.delete("pods", pod.metadata.namespace, pod.metadata.name!);
        recorder.record(SOURCE, rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
      } catch (err) {
        if (isNotFound(err)) continue;
        const message = errorText(err);
        recorder.record(SOURCE, rs, "Warning", "FailedDelete", `Error deleting: ${message}`);
        return { reason: "FailedDelete", message };
      }
    }
  }
  return undefined;
}

/**
 * Active pods per node of every ReplicaSet that shares this one's controller
 * (its Deployment), or of `pods` when it has none. From the index when it
 * knows every pod of each of them, else from the pods themselves.
 */
function familyPerNode(ctx: ComponentContext, index: ReplicaSetPodIndex, rs: ReplicaSet, pods: Pod[]): ReadonlyMap<string, number> {
  const owner = controllerRef(rs);
  if (!owner) return activePerNode(pods);
  const siblings = ctx.api.listControlledBy("replicasets", owner.uid);
  for (const sibling of siblings) {
    const uid = sibling.metadata.uid!;
    if (index.get(uid).owned !== ctx.api.countControlledBy("pods", uid)) return activePerNode(relatedPods(ctx, owner.uid));
  }
  if (siblings.length === 1) return index.activePerNode(siblings[0]!.metadata.uid!);
  const sum = new Map<string, number>();
  for (const sibling of siblings) {
    for (const [node, n] of index.activePerNode(sibling.metadata.uid!)) sum.set(node, (sum.get(node) ?? 0) + n);
  }
  return sum;
}

/** Pods of every ReplicaSet that shares this one's controller (its Deployment). */
function relatedPods(ctx: ComponentContext, ownerUid: string): Pod[] {
  const out: Pod[] = [];
  for (const sibling of ctx.api.listControlledBy("replicasets", ownerUid)) {
    out.push(...ctx.api.listControlledBy("pods", sibling.metadata.uid!));
  }
  return out;
}

/** A new pod from the template, as controller.GetPodFromTemplate builds it. */
function podFromTemplate(rs: ReplicaSet): Pod {
  const template = rs.spec.template!;
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ownerReferences: [newControllerRef(rs as KubeObject)],
    },
    // The API server decodes a private copy of what it is given: the stored
    // template's spec need not be copied here first.
    spec: template.spec,
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
