// The ReplicaSet controller (deployment-controller.md §12): keeps the number of
// active pods equal to spec.replicas and reports what it sees in status.
import { isNotFound } from "../../api/errors.ts";
import { selectorFromLabelSelector } from "../../api/labels.ts";
import type { KubeObject, Pod, ReplicaSet } from "../../api/types.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";
import { deepClone, deepEqual } from "../../util/json.ts";
import { claimSplit, controllerRef, newControllerRef } from "../controller-ref.ts";
import { isPodActive, isPodReady, podReadyCondition } from "../pod-util.ts";
import { podsToDelete } from "./delete-order.ts";
import { ReplicaSetPodIndex } from "./pod-index.ts";
import { calculateStatus, statusUnchanged, tallyPods } from "./status.ts";

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

  // The common case: nothing to adopt or release, the right number of pods,
  // no minReadySeconds clock. The status then comes from the index's counts.
  const counts = index.get(rs.metadata.uid!);
  if (
    counts.mismatched === 0 &&
    counts.active === (rs.spec.replicas ?? 1) &&
    !(rs.spec.minReadySeconds ?? 0) &&
    !rs.metadata.deletionTimestamp &&
    api.listUncontrolled("pods", namespace).length === 0
  ) {
    const tally = { active: counts.active, fullyLabeled: counts.fullyLabeled, ready: counts.ready, available: counts.ready };
    const status = calculateStatus(rs, tally, undefined, clock.now());
    if (!statusUnchanged(rs, status)) api.updateStatus("replicasets", { ...rs, status });
    return;
  }

  const selector = selectorFromLabelSelector(rs.spec.selector);
  const owned = api.listControlledBy("pods", rs.metadata.uid!);
  const orphans = api.listUncontrolled("pods", namespace);
  const pods = claimSplit(api, "pods", rs, selector, owned, orphans, isPodActive);

  let failure: { reason: string; message: string } | undefined;
  const diff = pods.length - (rs.spec.replicas ?? 1);
  if (!rs.metadata.deletionTimestamp && diff !== 0) failure = manageReplicas(ctx, rs, pods, diff);

  // Re-read when manageReplicas changed the pods this status counts.
  const current = api.find("replicasets", namespace, name);
  if (!current) return;
  const active =
    diff === 0 || rs.metadata.deletionTimestamp
      ? pods
      : api.listControlledBy("pods", current.metadata.uid!).filter((p) => isPodActive(p) && selector.matches(p.metadata.labels));
  const status = calculateStatus(current, tallyPods(current, active, clock.now()), failure, clock.now());
  let written = current;
  if (!statusUnchanged(current, status)) {
    written = api.updateStatus("replicasets", { ...current, status });
  }
  // Last line of defence, as upstream: look again once minReadySeconds has passed.
  const minReady = written.spec.minReadySeconds ?? 0;
  const replicas = written.spec.replicas ?? 1;
  const st = written.status;
  if (!failure && minReady > 0 && (st?.readyReplicas ?? 0) === replicas && (st?.availableReplicas ?? 0) !== replicas) {
    clock.schedule(COMPONENT, key, minReady * 1000);
  }
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
  rs: ReplicaSet,
  pods: Pod[],
  diff: number,
): { reason: string; message: string } | undefined {
  const { api, recorder, clock } = ctx;
  if (diff < 0) {
    const toCreate = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < toCreate; i++) {
      try {
        const pod = api.create("pods", podFromTemplate(rs), { namespace: rs.metadata.namespace });
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
    const owner = controllerRef(rs);
    const related = owner ? relatedPods(ctx, owner.uid) : pods;
    for (const pod of podsToDelete(pods, related, count, clock.now())) {
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
    spec: deepClone(template.spec),
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
