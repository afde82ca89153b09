// Kubernetes strategic merge patch, the default of `kubectl patch` and what
// `kubectl apply` sends. Applying is done as the 1.32 API server does it
// (strategicpatch.StrategicMergeMapPatch with the kind's struct tags, see
// strategic-schema.ts), including how it reports failures; creating patches
// is done as kubectl does it (strategic-diff.ts).
import { badRequest, panicked, serverError, unprocessable, PatchError } from "./errors.ts";
import { GoPanic } from "./gofmt.ts";
import { cloneJson, isMap } from "./json-value.ts";
import {
  ERR_BAD_JSON_DOC, ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST, ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST, ERR_NO_LIST_OF_LISTS, SmpError,
} from "./strategic-common.ts";
import { mergeMap } from "./strategic-merge.ts";
import {
  createThreeWayMergePatch as threeWay, createTwoWayMergePatch as twoWay,
} from "./strategic-diff.ts";
import type { StrategicSchema } from "./strategic-schema.ts";

export type { StrategicSchema } from "./strategic-schema.ts";

// apiserver interpretStrategicMergePatchError: these sentinels are 400s, these
// two 422s (with the generic message), anything else a plain 500.
const BAD_REQUEST = new Set([
  ERR_BAD_JSON_DOC, ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST, ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST, "strategic merge patch format is not supported",
]);
const UNPROCESSABLE = new Set([ERR_NO_LIST_OF_LISTS, "patch content doesn't match retainKeys list"]);

function asPatchError(e: unknown): unknown {
  if (e instanceof GoPanic) return panicked(e.message);
  if (!(e instanceof SmpError)) return e;
  if (BAD_REQUEST.has(e.message)) return badRequest(e.message);
  if (UNPROCESSABLE.has(e.message)) return unprocessable(e.message);
  return serverError(e.message);
}

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

/**
 * Apply a strategic merge patch to `doc` (an object as stored), returning a new
 * object; inputs are not modified. Throws PatchError as the API server reports
 * it. Like upstream's library, the result can keep what the server's typed
 * decoding would then drop: nulls inside list items the patch appends, and
 * directive keys inside values the patch sets wholesale.
 */
export function applyStrategicMergePatch(doc: unknown, patch: unknown, schema: StrategicSchema): unknown {
  if (patch === undefined) throw badRequest("unexpected end of JSON input");
  if (patch !== null && !isMap(patch)) {
    throw badRequest(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`);
  }
  if (!isMap(doc)) throw serverError(ERR_BAD_JSON_DOC);
  // A JSON null patch decodes to a nil map: nothing to merge.
  if (patch === null) return cloneJson(doc);
  try {
    return mergeMap(cloneJson(doc), cloneJson(patch), schema, { mergeParallelList: true, ignoreUnmatchedNulls: true });
  } catch (e) {
    throw asPatchError(e);
  }
}

/**
 * The two-way patch from `original` to `modified` (what `kubectl edit`,
 * `set image`, `set env`... send). Throws PatchError on data the
 * library cannot diff (e.g. a merge-keyed list item without its key).
 */
export function createTwoWayMergePatch(original: unknown, modified: unknown, schema: StrategicSchema): Record<string, unknown> {
  try {
    return twoWay(original, modified, schema);
  } catch (e) {
    throw asPatchError(e);
  }
}

/**
 * The patch `kubectl apply` sends: from the live object `current` to the new
 * config `modified`, deleting what was in `lastApplied` (the
 * kubectl.kubernetes.io/last-applied-configuration annotation) and is gone
 * from `modified`. `modified` is the config as kubectl sends it, i.e. with the
 * new last-applied annotation already in it. An empty result means
 * "unchanged".
 */
export function createThreeWayMergePatch(
  lastApplied: unknown, modified: unknown, current: unknown, schema: StrategicSchema,
): Record<string, unknown> {
  try {
    return threeWay(lastApplied, modified, current, schema);
  } catch (e) {
    throw asPatchError(e);
  }
}

export { PatchError };
