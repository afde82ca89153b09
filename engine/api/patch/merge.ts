// RFC 7386 JSON merge patch (`kubectl patch --type=merge`) as the API server
// applies it: evanphx/json-patch v4 MergePatch. Nulls delete, objects merge
// recursively, anything else (arrays included) replaces. Nulls nested inside
// a value that replaces a non-object are pruned; a patch array replacing an
// object keeps its nulls (the library's own asymmetry).
import { badRequest, serverError } from "./errors.ts";
import { cloneJson, deleteKey, getKey, hasKey, isMap, setKey, type JsonMap } from "./json-value.ts";

function pruneNulls(v: unknown): void {
  if (isMap(v)) pruneMapNulls(v);
  else if (Array.isArray(v)) pruneArrayNulls(v);
}

function pruneMapNulls(m: JsonMap): JsonMap {
  for (const k of Object.keys(m)) {
    if (m[k] === null) deleteKey(m, k);
    else pruneNulls(m[k]);
  }
  return m;
}

function pruneArrayNulls(a: unknown[]): unknown[] {
  // Null elements stay; only objects inside lose their null members.
  for (const v of a) if (v !== null) pruneNulls(v);
  return a;
}

/** merge(cur, patch): a non-object on either side means the patch value wins. */
function mergeValue(cur: unknown, patch: unknown): unknown {
  if (!isMap(cur)) {
    pruneNulls(patch);
    return patch;
  }
  if (!isMap(patch)) return patch;
  mergeMaps(cur, patch);
  return cur;
}

function mergeMaps(doc: JsonMap, patch: JsonMap): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      deleteKey(doc, k);
      continue;
    }
    const cur = getKey(doc, k);
    if (!hasKey(doc, k) || cur === null) {
      pruneNulls(v);
      setKey(doc, k, v);
    } else {
      setKey(doc, k, mergeValue(cur, v));
    }
  }
}

/**
 * Apply a merge patch to `doc`, returning a new document (inputs untouched).
 * A patch that is null or a scalar is "Invalid JSON Patch" (400); a patch
 * array becomes the whole result, which the server then fails to decode.
 */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (doc === null || doc === undefined) throw serverError("Invalid JSON Document");
  if (patch === undefined || patch === null || (!isMap(patch) && !Array.isArray(patch))) {
    throw badRequest("Invalid JSON Patch");
  }
  const p = cloneJson(patch);
  if (Array.isArray(p)) return pruneArrayNulls(p);
  if (!isMap(doc)) return pruneMapNulls(p);
  const out = cloneJson(doc);
  mergeMaps(out, p);
  return out;
}
