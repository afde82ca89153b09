// Query parameters and DeleteOptions bodies, validated as the apiserver
// validates them (422 Invalid on CreateOptions.meta.k8s.io "" and friends).
import { ApiError } from "../../engine/api/errors.ts";
import type { FieldValidation } from "../../engine/api/schema/decode.ts";
import type { DeleteOptions, ListOptions } from "../../engine/api/server.ts";
import { forbidden, invalid, invalidStatus, notSupported, tooLong, type FieldError } from "../../engine/api/validation/field.ts";
import { badRequest } from "./status.ts";

export function invalidOptions(kind: string, errors: Array<FieldError | { field: string; message: string }>): ApiError {
  const fieldErrors = errors.map((e) => ("message" in e ? forbidden(e.field, e.message) : e));
  return new ApiError(invalidStatus(kind, "meta.k8s.io", "", fieldErrors));
}

export function listOptions(q: URLSearchParams, namespace: string | undefined): ListOptions {
  return {
    namespace,
    labelSelector: q.get("labelSelector") ?? undefined,
    fieldSelector: q.get("fieldSelector") ?? undefined,
  };
}

export function parseLimit(q: URLSearchParams): number | undefined {
  const text = q.get("limit");
  if (text === null || text === "") return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw badRequest(`limit: invalid value "${text}"`);
  return n > 0 ? n : undefined;
}

const VALIDATIONS: readonly FieldValidation[] = ["Ignore", "Warn", "Strict"];

export interface WriteQuery {
  dryRun: boolean;
  fieldValidation: FieldValidation;
  fieldManager?: string;
}

/** dryRun, fieldValidation and fieldManager of a create, update or patch. */
export function writeOptions(q: URLSearchParams, kind: "CreateOptions" | "UpdateOptions" | "PatchOptions"): WriteQuery {
  const errors: FieldError[] = [];
  const dryRun = q.getAll("dryRun");
  if (dryRun.some((v) => v !== "All")) errors.push(notSupported("dryRun", dryRun.join(","), ["All"]));
  const validation = q.get("fieldValidation") ?? "";
  if (validation !== "" && !VALIDATIONS.includes(validation as FieldValidation)) {
    errors.push(notSupported("fieldValidation", validation, VALIDATIONS));
  }
  const manager = q.get("fieldManager") ?? undefined;
  if (manager !== undefined && manager.length > 128) errors.push(tooLong("fieldManager", 128));
  if (manager !== undefined && /[^\x20-\x7e]/.test(manager)) errors.push(invalid("fieldManager", manager, "must be a printable string"));
  if (errors.length > 0) throw invalidOptions(kind, errors);
  return { dryRun: dryRun.length > 0, fieldValidation: (validation || "Warn") as FieldValidation, fieldManager: manager };
}

const POLICIES = ["Foreground", "Background", "Orphan"] as const;

/** DeleteOptions from the body (kubectl sends one) and the query (curl users do). */
export function parseDeleteOptions(q: URLSearchParams, body: { value: unknown; raw: string } | undefined): DeleteOptions {
  let b: Record<string, unknown> = {};
  if (body) {
    if (body.value === null || typeof body.value !== "object" || Array.isArray(body.value)) {
      throw badRequest(`the object provided is unrecognized (must be of type DeleteOptions): ${body.raw.slice(0, 30)}`);
    }
    b = body.value as Record<string, unknown>;
  }
  const errors: FieldError[] = [];
  const grace = b.gracePeriodSeconds ?? (q.has("gracePeriodSeconds") ? Number(q.get("gracePeriodSeconds")) : undefined);
  if (grace !== undefined && grace !== null && (typeof grace !== "number" || !Number.isInteger(grace))) {
    throw badRequest(`gracePeriodSeconds: invalid value ${JSON.stringify(q.get("gracePeriodSeconds") ?? grace)}`);
  }
  const policy = b.propagationPolicy ?? q.get("propagationPolicy") ?? undefined;
  const orphan = b.orphanDependents ?? (q.has("orphanDependents") ? q.get("orphanDependents") === "true" : undefined);
  if (policy !== undefined && policy !== null && !POLICIES.includes(policy as (typeof POLICIES)[number])) {
    errors.push(notSupported("propagationPolicy", String(policy), [...POLICIES, "nil"]));
  }
  if (orphan !== undefined && orphan !== null && policy !== undefined && policy !== null) {
    errors.push(invalid("orphanDependents", String(orphan), "Cannot both set OrphanDependents and PropagationPolicy"));
  }
  const dryRun = Array.isArray(b.dryRun) ? (b.dryRun as unknown[]).map(String) : q.getAll("dryRun");
  if (dryRun.some((v) => v !== "All")) errors.push(notSupported("dryRun", dryRun.join(","), ["All"]));
  if (errors.length > 0) throw invalidOptions("DeleteOptions", errors);
  const options: DeleteOptions = { dryRun: dryRun.length > 0 };
  if (typeof grace === "number") options.gracePeriodSeconds = grace;
  if (policy) options.propagationPolicy = policy as DeleteOptions["propagationPolicy"];
  else if (orphan === true) options.propagationPolicy = "Orphan";
  const pre = b.preconditions as { uid?: unknown; resourceVersion?: unknown } | undefined;
  if (pre && typeof pre === "object") {
    options.preconditions = {};
    if (typeof pre.uid === "string") options.preconditions.uid = pre.uid;
    if (typeof pre.resourceVersion === "string") options.preconditions.resourceVersion = pre.resourceVersion;
  }
  return options;
}
