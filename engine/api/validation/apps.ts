// Deployment and ReplicaSet validation (pkg/apis/apps/validation and the
// registry strategies' selector-immutability check, 1.32). Objects are apps/v1
// JSON after defaulting.
import type { Deployment, DeploymentStrategy, IntOrString, LabelSelector, PodTemplateSpec, ReplicaSet } from "../types.ts";
import { child, forbidden, invalid, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { goIntOrString, goLabelSelector, goPointerField, goQuote, goRaw, goStringMap } from "./go-value.ts";
import { isValidPercent, nameIsDNSSubdomain } from "./names.ts";
import {
  FIELD_IMMUTABLE_ERROR_MSG,
  labelSelectorConvertible,
  selectorIsEmpty,
  selectorMatches,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from "./object-meta.ts";
import { jsonEqual } from "./json-equal.ts";
import { validatePodTemplateSpec } from "./pod.ts";

/** The selector checks shared by Deployments and ReplicaSets (the message says "deployment" for both, as upstream). */
function validateSelectorAndTemplate(sel: LabelSelector | undefined, tpl: PodTemplateSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const selPath = child(path, "selector");
  if (sel == null) {
    errs.push(required(selPath));
  } else {
    errs.push(...validateLabelSelector(sel, selPath));
    if (selectorIsEmpty(sel)) errs.push(invalid(selPath, goLabelSelector(sel), "empty selector is invalid for deployment"));
  }
  if (!labelSelectorConvertible(sel)) {
    errs.push(invalid(selPath, goLabelSelector(sel), "invalid label selector"));
  } else {
    errs.push(...validatePodTemplateSpecForReplicaSet(tpl, sel, child(path, "template")));
  }
  return errs;
}

/**
 * ValidatePodTemplateSpecForReplicaSet. A nil selector matches nothing, so a
 * missing selector also yields the "does not match" error; an empty one skips it.
 */
export function validatePodTemplateSpecForReplicaSet(tpl: PodTemplateSpec | undefined, sel: LabelSelector | undefined, path: string): FieldError[] {
  if (tpl == null) return [required(path)];
  const errs: FieldError[] = [];
  const labels = tpl.metadata?.labels;
  if (!selectorIsEmpty(sel) && !selectorMatches(sel, labels)) {
    errs.push(invalid(child(path, "metadata", "labels"), goStringMap(labels), "`selector` does not match template `labels`"));
  }
  errs.push(...validatePodTemplateSpec(tpl, path));
  const restartPolicy = tpl.spec?.restartPolicy ?? "";
  if (restartPolicy !== "Always") errs.push(notSupported(child(path, "spec", "restartPolicy"), restartPolicy, ["Always"]));
  if (tpl.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden(child(path, "spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in ReplicaSet is not Supported"));
  }
  return errs;
}

// ---------- Deployment ----------

// intstr.IntValue(): a string is read with strconv.Atoi, 0 when that fails.
function intValue(v: IntOrString): number {
  if (typeof v === "number") return v;
  return /^[+-]?[0-9]+$/.test(v) ? Number.parseInt(v, 10) : 0;
}

function percentValue(v: IntOrString): number | null {
  if (typeof v !== "string" || isValidPercent(v).length > 0) return null;
  return Number.parseInt(v.slice(0, -1), 10);
}

function validatePositiveIntOrPercent(v: IntOrString, path: string): FieldError[] {
  if (typeof v === "string") return isValidPercent(v).map((m) => invalid(path, goIntOrString(v), m));
  return validateNonnegativeField(v, path);
}

function validateRollingUpdate(ru: { maxUnavailable?: IntOrString; maxSurge?: IntOrString }, path: string): FieldError[] {
  const maxUnavailable = ru.maxUnavailable ?? 0;
  const maxSurge = ru.maxSurge ?? 0;
  const errs = validatePositiveIntOrPercent(maxUnavailable, child(path, "maxUnavailable"));
  errs.push(...validatePositiveIntOrPercent(maxSurge, child(path, "maxSurge")));
  const value = (v: IntOrString) => percentValue(v) ?? intValue(v);
  if (value(maxUnavailable) === 0 && value(maxSurge) === 0) {
    errs.push(invalid(child(path, "maxUnavailable"), goIntOrString(maxUnavailable), "may not be 0 when `maxSurge` is 0"));
  }
  const pct = percentValue(maxUnavailable);
  if (pct !== null && pct > 100) errs.push(invalid(child(path, "maxUnavailable"), goIntOrString(maxUnavailable), "must not be greater than 100%"));
  return errs;
}

function validateDeploymentStrategy(strategy: DeploymentStrategy | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  switch (s.type ?? "") {
    case "Recreate":
      return s.rollingUpdate != null ? [forbidden(child(path, "rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'")] : [];
    case "RollingUpdate":
      return s.rollingUpdate == null
        ? [required(child(path, "rollingUpdate"), "this should be defaulted and never be nil")]
        : validateRollingUpdate(s.rollingUpdate, child(path, "rollingUpdate"));
    default: {
      // the whole struct is the bad value; a set rollingUpdate shows as a pointer address
      const value = `apps.DeploymentStrategy{Type:${goQuote(s.type ?? "")}, RollingUpdate:${goPointerField("apps.RollingUpdateDeployment", s.rollingUpdate == null)}}`;
      return [notSupported(path, goRaw(value), ["Recreate", "RollingUpdate"])];
    }
  }
}

function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? ({} as Deployment["spec"]);
  const errs = validateNonnegativeField(spec.replicas ?? 0, "spec.replicas");
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, "spec"));
  errs.push(...validateDeploymentStrategy(spec.strategy, "spec.strategy"));
  const minReady = spec.minReadySeconds ?? 0;
  errs.push(...validateNonnegativeField(minReady, "spec.minReadySeconds"));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    if (spec.progressDeadlineSeconds <= minReady) {
      errs.push(invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return errs;
}

export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, nameIsDNSSubdomain), ...validateDeploymentSpec(d)];
}

/** apps/v1 update: the selector is immutable (checked last, by the registry strategy). */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  const errs = [...validateObjectMetaUpdate(d.metadata, old.metadata), ...validateDeploymentSpec(d)];
  errs.push(...validateImmutableSelector(d.spec?.selector, old.spec?.selector));
  return errs;
}

function validateImmutableSelector(sel: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  return jsonEqual(sel, old) ? [] : [invalid("spec.selector", goLabelSelector(sel), FIELD_IMMUTABLE_ERROR_MSG)];
}

// ---------- ReplicaSet ----------

function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? ({} as ReplicaSet["spec"]);
  const errs = validateNonnegativeField(spec.replicas ?? 0, "spec.replicas");
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, "spec.minReadySeconds"));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, "spec"));
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs)];
}

/**
 * The ReplicaSet strategy runs the create validation and then the update
 * validation, so spec errors are listed twice in the causes (the message and
 * kubectl drop the repeats).
 */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const errs = validateReplicaSet(rs);
  errs.push(...validateObjectMetaUpdate(rs.metadata, old.metadata), ...validateReplicaSetSpec(rs));
  errs.push(...validateImmutableSelector(rs.spec?.selector, old.spec?.selector));
  return errs;
}
