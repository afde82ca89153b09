// What the Deployment controller and kubectl both know about apps objects:
// the revision annotations, which annotations a rollback leaves alone, the
// controller reference and template equality ignoring pod-template-hash
// (deploymentutil in kubectl and in the controller).
import type { KubeObject, OwnerReference, PodTemplateSpec, ReplicaSet } from "./types.ts";
import { deepEqual } from "../util/json.ts";

export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
export const ROLLBACK_TO = "deprecated.deployment.rollback.to";
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
export const POD_TEMPLATE_HASH = "pod-template-hash";
/** Why a revision was made: kubectl --record wrote it, history shows it. */
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";

export const SKIP_COPY = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO]);

/** metav1.GetControllerOf: the owner reference marked as controller. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/** The revision annotation as a number: missing is 0, unparsable is undefined. */
export function revisionOf(rs: ReplicaSet): number | undefined {
  const raw = rs.metadata.annotations?.[REVISION];
  if (raw === undefined) return 0;
  return /^[+-]?\d+$/.test(raw) ? parseInt(raw, 10) : undefined;
}

export function skipCopyAnnotation(key: string): boolean {
  return SKIP_COPY.has(key);
}

// ---------- templates ----------

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!template) return template;
  const labels = template.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH in labels)) return template;
  const { [POD_TEMPLATE_HASH]: _, ...rest } = labels;
  const metadata = { ...template.metadata, labels: rest };
  if (Object.keys(rest).length === 0) delete (metadata as { labels?: unknown }).labels;
  return { ...template, metadata };
}

/**
 * equalIgnoreHash's answers for pairs of frozen templates. Stored objects
 * never change and writes that leave a template alone keep the stored
 * template object, so a Deployment's every sync asks the same question of
 * the same two objects; an entry goes with its template objects.
 */
const sameTemplates = new WeakMap<PodTemplateSpec, WeakMap<PodTemplateSpec, boolean>>();

/** Templates equal once the pod-template-hash label is ignored (EqualIgnoreHash). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  if (!a || !b || !Object.isFrozen(a) || !Object.isFrozen(b)) return deepEqual(withoutHash(a), withoutHash(b));
  let answers = sameTemplates.get(a);
  if (!answers) sameTemplates.set(a, (answers = new WeakMap()));
  let same = answers.get(b);
  if (same === undefined) answers.set(b, (same = deepEqual(withoutHash(a), withoutHash(b))));
  return same;
}

