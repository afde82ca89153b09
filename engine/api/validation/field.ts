// The field-error model of apimachinery's util/validation/field, as the 1.32
// API server reports it: every validation failure names a field path, a kind
// of failure, the offending value (already rendered the way Go prints it) and
// a detail sentence. formatFieldError gives the exact `<field>: <body>` text.
import { goQuote } from "./go-value.ts";
import type { GoValue } from "./go-value.ts";
import type { Status, StatusCause } from "../types.ts";

export type FieldErrorType =
  | "NotFound"
  | "Required"
  | "Duplicate"
  | "Invalid"
  | "NotSupported"
  | "Forbidden"
  | "TooLong"
  | "TooMany"
  | "Internal";

export interface FieldError {
  type: FieldErrorType;
  /** Field path as Go's field.Path prints it: `spec.containers[0].image`, `metadata.labels[app]`. */
  field: string;
  /** The bad value in Go syntax (`-1`, `"Web_1"`, `map[string]string{...}`); absent when the body omits it. */
  badValue?: string;
  detail: string;
}

/** metav1.CauseType of each error type: the `reason` of a StatusCause. */
export const CAUSE_REASON: Record<FieldErrorType, string> = {
  NotFound: "FieldValueNotFound",
  Required: "FieldValueRequired",
  Duplicate: "FieldValueDuplicate",
  Invalid: "FieldValueInvalid",
  NotSupported: "FieldValueNotSupported",
  Forbidden: "FieldValueForbidden",
  TooLong: "FieldValueTooLong",
  TooMany: "FieldValueTooMany",
  Internal: "InternalError",
};

const TYPE_TEXT: Record<FieldErrorType, string> = {
  NotFound: "Not found",
  Required: "Required value",
  Duplicate: "Duplicate value",
  Invalid: "Invalid value",
  NotSupported: "Unsupported value",
  Forbidden: "Forbidden",
  TooLong: "Too long",
  TooMany: "Too many",
  Internal: "Internal error",
};

/** What a constructor accepts as a bad value: JS scalars are rendered like their Go counterparts. */
export type BadValue = string | number | boolean | null | undefined | GoValue;

/** Render a bad value as ErrorBody does: strings quoted, numbers/bools plain, nil as `null`. */
export function renderValue(v: BadValue): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return v.go;
}

export function required(field: string, detail = ""): FieldError {
  return { type: "Required", field, detail };
}

export function invalid(field: string, value: BadValue, detail: string): FieldError {
  return { type: "Invalid", field, badValue: renderValue(value), detail };
}

/** NotSupported: the detail lists the valid values quoted, in the order given. */
export function notSupported(field: string, value: BadValue, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? "supported values: " + validValues.map(goQuote).join(", ") : "";
  return { type: "NotSupported", field, badValue: renderValue(value), detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: "Forbidden", field, detail };
}

export function duplicate(field: string, value: BadValue): FieldError {
  return { type: "Duplicate", field, badValue: renderValue(value), detail: "" };
}

export function notFound(field: string, value: BadValue, detail = ""): FieldError {
  return { type: "NotFound", field, badValue: renderValue(value), detail };
}

/** TooLong never shows the value; a negative maxLength gives the generic sentence. */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : "value is too long";
  return { type: "TooLong", field, detail };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} items` : "has too many items";
  return actual >= 0
    ? { type: "TooMany", field, badValue: renderValue(actual), detail }
    : { type: "TooMany", field, detail };
}

export function internalError(field: string, message: string): FieldError {
  return { type: "Internal", field, detail: message };
}

/** ErrorBody: everything after `<field>: `. */
export function formatErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.badValue !== undefined && e.type !== "Required" && e.type !== "Forbidden" && e.type !== "TooLong" && e.type !== "Internal") {
    s += ": " + e.badValue;
  }
  if (e.detail.length > 0) s += ": " + e.detail;
  return s;
}

/** `spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${formatErrorBody(e)}`;
}

// ---------- field paths (field.Path.String()) ----------

/** `child("spec", "template", "spec")` → `spec.template.spec`; an empty base is skipped. */
export function child(base: string, ...names: string[]): string {
  let out = base;
  for (const n of names) out = out === "" ? n : `${out}.${n}`;
  return out;
}

/** `index("spec.containers", 0)` → `spec.containers[0]`. */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** `key("metadata.labels", "app")` → `metadata.labels[app]` (Go prints map keys unquoted). */
export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}


// ---------- Status bodies (apimachinery api/errors NewInvalid / NewForbidden) ----------

/** schema.GroupKind.String(): `Deployment.apps`, or just `Pod` for the core group. */
export function qualifiedKind(kind: string, group: string): string {
  return group === "" ? kind : `${kind}.${group}`;
}

/**
 * utilerrors aggregate text of a field-error list: duplicates (by text) dropped,
 * one error printed bare, several as `[e1, e2]`.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errors) {
    const m = formatFieldError(e);
    if (seen.has(m)) continue;
    seen.add(m);
    msgs.push(m);
  }
  if (msgs.length === 1) return msgs[0]!;
  return "[" + msgs.join(", ") + "]";
}

/**
 * 422 Invalid, as NewInvalid builds it: one cause per error (duplicates kept),
 * message `<Kind>[.<group>] "<name>" is invalid: <aggregate>`.
 */
export function invalidStatus(kind: string, group: string, name: string, errors: readonly FieldError[]): Status {
  const causes: StatusCause[] = errors.map((e) => ({
    reason: CAUSE_REASON[e.type],
    message: formatErrorBody(e),
    field: e.field,
  }));
  const head = `${qualifiedKind(kind, group)} ${goQuote(name)} is invalid`;
  const details: NonNullable<Status["details"]> = {};
  if (name !== "") details.name = name;
  if (group !== "") details.group = group;
  details.kind = kind;
  details.causes = causes;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: errors.length === 0 ? head : `${head}: ${aggregateMessage(errors)}`,
    reason: "Invalid",
    details,
    code: 422,
  };
}

/**
 * 403 Forbidden, as admission plugins return it (NewForbidden):
 * `<resource>[.<group>] "<name>" is forbidden: <reason>`.
 */
export function forbiddenStatus(resource: string, group: string, name: string, reason: string): Status {
  const details: NonNullable<Status["details"]> = {};
  if (name !== "") details.name = name;
  if (group !== "") details.group = group;
  details.kind = resource;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message:
      name === ""
        ? `${qualifiedKind(resource, group)} is forbidden: ${reason}`
        : `${qualifiedKind(resource, group)} ${goQuote(name)} is forbidden: ${reason}`,
    reason: "Forbidden",
    details,
    code: 403,
  };
}
