// Pod and pod-template validation (core ValidatePodCreate / ValidatePodUpdate /
// ValidatePodTemplateSpec, 1.32). Objects are expected to be defaulted, and
// for a create already admitted (service account, tolerations ...).
import type { Container, Pod, PodSpec, PodTemplateSpec, Toleration } from "../types.ts";
import { child, forbidden, index, invalid, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { validateContainersOnlyForPod } from "./containers.ts";
import { inclusiveRangeError, nameIsDNSSubdomain } from "./names.ts";
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import { validatePodSpec, validatePodSpecificAnnotations, validateTolerations } from "./pod-spec.ts";
import { podSpecDiff } from "./pod-update-diff.ts";
import { jsonEqual } from "./json-equal.ts";
import { unlessPassed } from "./memo.ts";

const MAX_INT32 = 2147483647;

/** The pod spec fields a user may change on a live Pod, as the 1.32 message lists them (resources go through pods/resize). */
export const UPDATABLE_POD_SPEC_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, nameIsDNSSubdomain, "metadata");
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, "metadata.annotations"));
  errs.push(...validatePodSpec(pod.spec ?? ({ containers: [] } as PodSpec), "spec", { resourceIsPod: true }));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((vol, vi) => {
      const projected = vol["projected"] as { sources?: Record<string, unknown>[] } | undefined;
      (projected?.sources ?? []).forEach((src, si) => {
        if (src["serviceAccountToken"] != null) {
          const p = child(index(child(index(child("spec", "volumes"), vi), "projected", "sources"), si), "serviceAccountToken");
          errs.push(forbidden(p, "must not be specified when serviceAccountName is not set"));
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(pod.spec?.containers, "spec.containers"));
  errs.push(...validateContainersOnlyForPod(pod.spec?.initContainers, "spec.initContainers"));
  return errs;
}

/** ValidatePodCreate. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = pod.spec as PodSpec & { ephemeralContainers?: unknown[]; schedulingGates?: unknown[] };
  if ((spec?.ephemeralContainers ?? []).length > 0) errs.push(forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (spec?.nodeName && (spec.schedulingGates ?? []).length > 0) {
    errs.push(forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}

function validateContainerUpdates(next: Container[] | undefined, prev: Container[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const n = next ?? [];
  if (n.length !== (prev ?? []).length) return { errs: [forbidden(path, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = c.image ?? "";
    if (image.length === 0) errs.push(required(child(index(path, i), "image")));
    if (image.trim().length !== image.length) errs.push(invalid(child(index(path, i), "image"), image, "must not have leading or trailing whitespace"));
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined, path: string): FieldError[] {
  for (const old of prev ?? []) {
    const found = (next ?? []).some((t) => jsonEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, "existing toleration can not be modified except its tolerationSeconds")];
  }
  return validateTolerations(next, path);
}

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations (and a negative grace period → 1) may change. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata, "metadata");
  errs.push(...validatePodMetadataAndSpec(pod));
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, "metadata.annotations"));
  const spec = pod.spec;
  const oldSpec = old.spec;

  let r = validateContainerUpdates(spec.containers, oldSpec.containers, "spec.containers");
  errs.push(...r.errs);
  if (r.stop) return errs;
  r = validateContainerUpdates(spec.initContainers, oldSpec.initContainers, "spec.initContainers");
  errs.push(...r.errs);
  if (r.stop) return errs;

  if (spec.activeDeadlineSeconds != null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT32) {
      errs.push(invalid("spec.activeDeadlineSeconds", v, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldSpec.activeDeadlineSeconds != null && oldSpec.activeDeadlineSeconds < v) {
      errs.push(invalid("spec.activeDeadlineSeconds", v, "must be less than or equal to previous value"));
      return errs;
    }
  } else if (oldSpec.activeDeadlineSeconds != null) {
    errs.push(invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, "spec.tolerations"));

  // (1.32 moved resource changes, and their "Pod QoS is immutable" check, to the
  // pods/resize subresource: a plain update has no QoS check any more.)
  if (jsonEqual(spec, oldSpec)) return errs;

  // Put the allowed changes back to their old values; whatever still differs is forbidden.
  const munged: PodSpec = structuredClone(spec);
  munged.containers = munged.containers.map((c, i) => ({ ...c, image: oldSpec.containers[i]?.image }) as Container);
  if (munged.initContainers) {
    munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: oldSpec.initContainers?.[i]?.image }) as Container);
  }
  setOrDelete(munged, "activeDeadlineSeconds", oldSpec.activeDeadlineSeconds);
  setOrDelete(munged, "tolerations", oldSpec.tolerations);
  setOrDelete(munged as unknown as Record<string, unknown>, "schedulingGates", (oldSpec as unknown as Record<string, unknown>)["schedulingGates"]);
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (!jsonEqual(munged, oldSpec)) {
    errs.push(
      forbidden("spec", `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(",")}\n${podSpecDiff(oldSpec, munged)}`),
    );
  }
  return errs;
}

function setOrDelete<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v === undefined) delete o[k];
  else o[k] = v;
}

/** ValidatePodTemplateSpec: template labels are reported on `<path>.labels`, not `metadata.labels`. */
export function validatePodTemplateSpec(tpl: PodTemplateSpec, path: string): FieldError[] {
  return unlessPassed(tpl, `podTemplateSpec\u0000${path}`, () => checkPodTemplateSpec(tpl, path));
}

function checkPodTemplateSpec(tpl: PodTemplateSpec, path: string): FieldError[] {
  const meta = tpl.metadata ?? {};
  const errs = validateLabels(meta.labels, child(path, "labels"));
  errs.push(...validateAnnotations(meta.annotations, child(path, "annotations")));
  errs.push(...validatePodSpecificAnnotations(meta.annotations, child(path, "annotations")));
  errs.push(...validatePodSpec(tpl.spec ?? ({ containers: [] } as PodSpec), child(path, "spec"), { resourceIsPod: false }));
  const eph = (tpl.spec as unknown as Record<string, unknown> | undefined)?.["ephemeralContainers"];
  if (Array.isArray(eph) && eph.length > 0) errs.push(forbidden(child(path, "spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
  return errs;
}
