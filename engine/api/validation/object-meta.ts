// metadata validation shared by every kind (apimachinery api/validation
// objectmeta.go and apis/meta/v1/validation), plus label selectors.
//
// Go walks label and annotation maps in random order, so a real server lists
// several bad labels in a different order each time; we walk keys sorted.
import type { LabelSelector, LabelSelectorRequirement, ObjectMeta, OwnerReference } from "../types.ts";
import { child, forbidden, index, invalid, required, tooLong } from "./field.ts";
import type { FieldError } from "./field.ts";
import { goPointerField, goQuote, goRaw, goStringSlice, sortedKeys } from "./go-value.ts";
import { byteLength, isDNS1123Label, isQualifiedName, isValidLabelValue } from "./names.ts";
import type { NameValidator } from "./names.ts";
import { unlessPassed } from "./memo.ts";

export const IS_NEGATIVE_ERROR_MSG = "must be greater than or equal to 0";
export const FIELD_IMMUTABLE_ERROR_MSG = "field is immutable";
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

export function validateNonnegativeField(value: number, path: string): FieldError[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}

/** Bad keys and bad values are both reported on the map's own path (`metadata.labels`), not per key. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  return unlessPassed(labels, `labels\u0000${path}`, () => checkLabels(labels, path));
}

function checkLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, path));
    const v = labels![k] ?? "";
    for (const m of isValidLabelValue(v)) errs.push(invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  return unlessPassed(annotations, `annotations\u0000${path}`, () => checkAnnotations(annotations, path));
}

function checkAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of sortedKeys(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += byteLength(k) + byteLength(annotations![k] ?? "");
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of refs ?? []) {
    const apiVersion = ref.apiVersion ?? "";
    const version = apiVersion.includes("/") ? apiVersion.slice(apiVersion.indexOf("/") + 1) : apiVersion;
    if (version === "") errs.push(invalid(child(path, "apiVersion"), apiVersion, "version must not be empty"));
    if (!ref.kind) errs.push(invalid(child(path, "kind"), ref.kind ?? "", "kind must not be empty"));
    if (!ref.name) errs.push(invalid(child(path, "name"), ref.name ?? "", "name must not be empty"));
    if (!ref.uid) errs.push(invalid(child(path, "uid"), ref.uid ?? "", "uid must not be empty"));
    if (apiVersion === "v1" && ref.kind === "Event") {
      errs.push(invalid(path, goRaw(goOwnerReference(ref)), "/v1, Kind=Event is disallowed from being an owner"));
    }
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== "") {
        errs.push(
          invalid(
            path,
            goRaw("[]v1.OwnerReference{" + (refs ?? []).map(goOwnerReference).join(", ") + "}"),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

function goOwnerReference(ref: OwnerReference): string {
  const ptr = (v: boolean | undefined) => goPointerField("bool", v === undefined);
  return (
    `v1.OwnerReference{APIVersion:${goQuote(ref.apiVersion ?? "")}, Kind:${goQuote(ref.kind ?? "")}, Name:${goQuote(ref.name ?? "")}, ` +
    `UID:${goQuote(ref.uid ?? "")}, Controller:${ptr(ref.controller)}, BlockOwnerDeletion:${ptr(ref.blockOwnerDeletion)}}`
  );
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...isQualifiedName(f).map((m) => invalid(path, f, m)));
  const list = finalizers ?? [];
  if (list.includes("orphan") && list.includes("foregroundDeletion")) {
    errs.push(invalid(path, goStringSlice(list), "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  return errs;
}

/**
 * ValidateObjectMeta for create. Run after name generation (the API layer turns
 * generateName into a name first); namespace presence is the API layer's job.
 */
export function validateObjectMeta(meta: ObjectMeta | undefined, nameFn: NameValidator, path = "metadata"): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameFn(m.generateName, true)) errs.push(invalid(child(path, "generateName"), m.generateName, msg));
  }
  if (!m.name) {
    errs.push(required(child(path, "name"), "name or generateName is required"));
  } else {
    for (const msg of nameFn(m.name, false)) errs.push(invalid(child(path, "name"), m.name, msg));
  }
  errs.push(...validateNonnegativeField(m.generation ?? 0, child(path, "generation")));
  errs.push(...validateLabels(m.labels, child(path, "labels")));
  errs.push(...validateAnnotations(m.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, "ownerReferences")));
  errs.push(...validateFinalizers(m.finalizers, child(path, "finalizers")));
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields are immutable; labels and annotations re-checked. */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined, path = "metadata"): FieldError[] {
  const n = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set(n.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length > 0) {
      errs.push(
        forbidden(
          child(path, "finalizers"),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra).go}`,
        ),
      );
    }
  }
  if (!n.resourceVersion) errs.push(invalid(child(path, "resourceVersion"), n.resourceVersion ?? "", "must be specified for an update"));
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(child(path, "generation"), n.generation ?? 0, "must not be decremented"));
  errs.push(...immutableString(n.name, o.name, child(path, "name")));
  errs.push(...immutableString(n.namespace, o.namespace, child(path, "namespace")));
  errs.push(...immutableString(n.uid, o.uid, child(path, "uid")));
  if ((n.creationTimestamp ?? "") !== (o.creationTimestamp ?? "")) {
    errs.push(invalid(child(path, "creationTimestamp"), goRaw(goTime(n.creationTimestamp)), FIELD_IMMUTABLE_ERROR_MSG));
  }
  if ((n.deletionTimestamp ?? "") !== (o.deletionTimestamp ?? "")) {
    errs.push(invalid(child(path, "deletionTimestamp"), n.deletionTimestamp == null ? null : goRaw(goTime(n.deletionTimestamp)), FIELD_IMMUTABLE_ERROR_MSG));
  }
  if (n.deletionGracePeriodSeconds !== o.deletionGracePeriodSeconds) {
    errs.push(invalid(child(path, "deletionGracePeriodSeconds"), n.deletionGracePeriodSeconds ?? null, FIELD_IMMUTABLE_ERROR_MSG));
  }
  errs.push(...validateLabels(n.labels, child(path, "labels")));
  errs.push(...validateAnnotations(n.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(n.ownerReferences, child(path, "ownerReferences")));
  return errs;
}

function immutableString(n: string | undefined, o: string | undefined, path: string): FieldError[] {
  return (n ?? "") === (o ?? "") ? [] : [invalid(path, n ?? "", FIELD_IMMUTABLE_ERROR_MSG)];
}

// metav1.Time has a value-receiver String(): Go's time.Time layout.
function goTime(rfc3339: string | undefined): string {
  if (!rfc3339) return "0001-01-01 00:00:00 +0000 UTC";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z$/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]} +0000 UTC` : rfc3339;
}

// ---------- label selectors ----------

/** ValidateLabelSelector (strict: bad label values rejected). */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (sel == null) return [];
  return unlessPassed(sel, `labelSelector\u0000${path}`, () => checkLabelSelector(sel, path));
}

function checkLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs = validateLabels(sel.matchLabels, child(path, "matchLabels"));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, index(child(path, "matchExpressions"), i)));
  });
  return errs;
}

function validateLabelSelectorRequirement(sr: LabelSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) errs.push(required(child(path, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) errs.push(forbidden(child(path, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(child(path, "operator"), sr.operator ?? "", "not a valid selector operator"));
  }
  errs.push(...validateLabelName(sr.key ?? "", child(path, "key")));
  values.forEach((v, i) => {
    for (const m of isValidLabelValue(v)) errs.push(invalid(index(child(path, "values"), i), v, m));
  });
  return errs;
}

/**
 * metav1.LabelSelectorAsSelector's error check: a selector that cannot be turned
 * into a labels.Selector (bad key, value or operator). Nil converts fine.
 */
export function labelSelectorConvertible(sel: LabelSelector | undefined): boolean {
  if (sel == null) return true;
  for (const k of Object.keys(sel.matchLabels ?? {})) {
    if (isQualifiedName(k).length > 0 || isValidLabelValue(sel.matchLabels![k] ?? "").length > 0) return false;
  }
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) return false;
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length !== 0) return false;
        break;
      default:
        return false;
    }
    if (isQualifiedName(e.key ?? "").length > 0) return false;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return false;
  }
  return true;
}

/**
 * Does `sel` select `labels`? A nil selector selects nothing, an empty one
 * everything (LabelSelectorAsSelector semantics).
 */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (sel == null) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(l[e.key]!)) return false;
        break;
      case "NotIn":
        if (has && values.includes(l[e.key]!)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** labels.Selector.Empty(): an empty (non-nil) selector; nil is "Nothing", which is not empty. */
export function selectorIsEmpty(sel: LabelSelector | undefined): boolean {
  return sel != null && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}
