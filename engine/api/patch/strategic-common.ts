// Shared pieces of the strategic-merge-patch port (apimachinery
// pkg/util/strategicpatch and pkg/util/mergepatch, v0.32): directive names,
// sentinel error texts and small helpers used by both merging and diffing.
import { goSprintS, goSprintV } from "./gofmt.ts";
import { deleteKey, hasKey, isMap, setKey, type JsonMap } from "./json-value.ts";

export const DIRECTIVE_MARKER = "$patch";
export const DELETE_DIRECTIVE = "delete";
export const REPLACE_DIRECTIVE = "replace";
export const MERGE_DIRECTIVE = "merge";
export const RETAIN_KEYS_STRATEGY = "retainKeys";
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = "$deleteFromPrimitiveList";
export const RETAIN_KEYS_DIRECTIVE = "$retainKeys";
export const SET_ELEMENT_ORDER_PREFIX = "$setElementOrder";

// mergepatch sentinel errors; the API server maps most of them to 400, two to 422.
export const ERR_BAD_JSON_DOC = "invalid JSON document";
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST = "invalid patch format of primitive list";
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS = "invalid patch format of retainKeys";
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST = "invalid patch format of setElementOrder list";
export const ERR_NO_LIST_OF_LISTS = "lists of lists are not supported";

/** A Go `error` from the strategic patch code; its message is the Go error text. */
export class SmpError extends Error {}

// reflect.Type names of decoded JSON lists and objects, as error texts print them.
export const SLICE_TYPE = "[]interface {}";
export const MAP_TYPE = "map[string]interface {}";

export function errNoMergeKey(m: JsonMap, key: string): SmpError {
  return new SmpError(`map: ${goSprintV(m)} does not contain declared merge key: ${key}`);
}

export function errBadPatchType(t: unknown, m: JsonMap): SmpError {
  return new SmpError(`unknown patch type: ${goSprintS(t)} in map: ${goSprintV(m)}`);
}

/** extractRetainKeysPatchStrategy: [retainKeys?, the other strategy]. */
export function extractRetainKeysPatchStrategy(strategies: readonly string[]): [boolean, string] {
  if (strategies.length === 0) return [false, ""];
  if (strategies.length === 1) return strategies[0] === RETAIN_KEYS_STRATEGY ? [true, ""] : [false, strategies[0]!];
  if (strategies.length === 2) {
    if (strategies[0] === RETAIN_KEYS_STRATEGY) return [true, strategies[1]!];
    if (strategies[1] === RETAIN_KEYS_STRATEGY) return [true, strategies[0]!];
  }
  throw new SmpError(`unexpected patch strategy: [${strategies.join(" ")}]`);
}

/** removeDirectives: [value without `$patch` maps, keep?]. */
export function removeDirectives(obj: unknown): [unknown, boolean] {
  if (obj === null || obj === undefined) return [obj ?? null, true];
  if (isMap(obj)) {
    if (hasKey(obj, DIRECTIVE_MARKER)) return [null, false];
    for (const k of Object.keys(obj)) {
      const [v, keep] = removeDirectives(obj[k]);
      if (keep) setKey(obj, k, v);
      else deleteKey(obj, k);
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) {
    const res: unknown[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) res.push(nv);
    }
    return [res, true];
  }
  return [obj, true];
}

/** extractKey: the list name after "<prefix>/". */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf("/");
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw new SmpError(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST);
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw new SmpError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
    throw new SmpError(`fail to find unknown prefix "${prefix}" in ${s}\n`);
  }
  return s.slice(slash + 1);
}
