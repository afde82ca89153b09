// The Deployment controller: watch wiring and the one sync that dispatches to
// the scaling, rolling, recreate and status paths (deployment-controller.md §2, §3).
import { selectorFromLabelSelector } from "../../api/labels.ts";
import type { Deployment, Pod, ReplicaSet } from "../../api/types.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";
import { deepClone } from "../../util/json.ts";
import { claim, controllerRef } from "../controller-ref.ts";
import { COMPONENT, checkPausedConditions } from "./progress.ts";
import { rolloutRecreate } from "./recreate.ts";
import { rolloutRolling } from "./rolling.ts";
import { SOURCE, isScalingEvent, newAndOldReplicaSets, syncDeploymentStatus, syncScaleOnly, type DeploymentSync } from "./sync.ts";

export function startDeploymentController(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  const enqueue = (ns: string | undefined, name: string) => clock.schedule(COMPONENT, `${ns}/${name}`, REACTION_MS.deployment);

  api.watch("deployments", {}, (e) => enqueue(e.object.metadata.namespace, e.object.metadata.name!));
  api.watch("replicasets", {}, (e) => {
    const rs = e.object;
    const ref = controllerRef(rs);
    if (ref) {
      if (ref.kind === "Deployment") enqueue(rs.metadata.namespace, ref.name);
      return;
    }
    if (e.type === "DELETED") return;
    // An orphan wakes every Deployment that could adopt it.
    for (const d of api.list("deployments", { namespace: rs.metadata.namespace }).items) {
      if (selectorFromLabelSelector(d.spec.selector).matches(rs.metadata.labels)) enqueue(d.metadata.namespace, d.metadata.name!);
    }
  });
  // Recreate waits for the last old pod to be gone.
  api.watch("pods", {}, (e) => {
    if (e.type !== "DELETED") return;
    const rsRef = controllerRef(e.object);
    if (rsRef?.kind !== "ReplicaSet") return;
    const rs = api.find("replicasets", e.object.metadata.namespace, rsRef.name);
    const dRef = rs && controllerRef(rs);
    if (dRef?.kind !== "Deployment") return;
    const d = api.find("deployments", rs!.metadata.namespace, dRef.name);
    if (d?.spec.strategy?.type === "Recreate") enqueue(d.metadata.namespace, d.metadata.name!);
  });

  clock.on(COMPONENT, (key) => {
    try {
      syncDeployment(ctx, key);
    } catch (err) {
      ctx.reportError(COMPONENT, err);
    }
  });
}

export function syncDeployment(ctx: ComponentContext, key: string): void {
  const slash = key.indexOf("/");
  const found = ctx.api.find("deployments", key.slice(0, slash), key.slice(slash + 1));
  if (!found) return;
  const s: DeploymentSync = { ctx, d: found };
  const d = s.d;

  const selector = d.spec.selector;
  if (!selector || (!selector.matchLabels && !selector.matchExpressions) || isEmptySelector(selector)) {
    ctx.recorder.record(SOURCE, d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      ctx.api.updateStatus("deployments", { ...d, status: { ...deepClone(d.status ?? {}), observedGeneration: d.metadata.generation } }, { fromEngine: true });
    }
    return;
  }

  const sets = replicaSetsFor(ctx, d);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = newAndOldReplicaSets(s, sets, false);
    return syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
  }
  checkPausedConditions(s);
  if (s.d.spec.paused) return syncScaleOnly(s, sets);
  // The legacy rollback annotation (deprecated.deployment.rollback.to) is not
  // served: kubectl rollout undo patches the template itself, as 1.32 does.
  if (isScalingEvent(s, sets)) return syncScaleOnly(s, sets);
  if (s.d.spec.strategy?.type === "Recreate") return rolloutRecreate(s, sets, podsByReplicaSet(ctx, s.d, sets));
  rolloutRolling(s, sets);
}

function isEmptySelector(selector: Deployment["spec"]["selector"]): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** The Deployment's ReplicaSets, after adopting matching orphans and releasing strays. */
function replicaSetsFor(ctx: ComponentContext, d: Deployment): ReplicaSet[] {
  const owned = ctx.api.listControlledBy("replicasets", d.metadata.uid!);
  const orphans = ctx.api.listUncontrolled("replicasets", d.metadata.namespace!);
  const candidates = orphans.length === 0 ? owned : [...owned, ...orphans];
  return claim(ctx.api, "replicasets", d, selectorFromLabelSelector(d.spec.selector), candidates);
}

/** Pods grouped by the uid of the ReplicaSet controlling them (used by Recreate). */
function podsByReplicaSet(ctx: ComponentContext, d: Deployment, sets: ReplicaSet[]): Map<string, Pod[]> {
  const selector = selectorFromLabelSelector(d.spec.selector);
  const map = new Map<string, Pod[]>();
  for (const rs of sets) {
    const pods = ctx.api.listControlledBy("pods", rs.metadata.uid!).filter((p) => selector.matches(p.metadata.labels));
    map.set(rs.metadata.uid!, pods);
  }
  return map;
}
