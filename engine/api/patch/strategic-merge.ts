// The merging half of apimachinery's pkg/util/strategicpatch (v0.32): mergeMap
// and the directive handling around it (list ordering is in strategic-lists.ts).
// The API server applies patches with it, and kubectl apply uses it (with
// other options) to combine two patches into one.
// Ported function by function so that results, element order and error texts
// match upstream; comments name the upstream functions.
import { GoPanic, errBadArgType, goKind, goSprintV, goTypeName } from "./gofmt.ts";
import { deepEqual, deleteKey, hasKey, isMap, setKey, type JsonMap } from "./json-value.ts";
import {
  DELETE_DIRECTIVE, DELETE_FROM_PRIMITIVE_LIST_PREFIX, DIRECTIVE_MARKER, ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST, MAP_TYPE, MERGE_DIRECTIVE, REPLACE_DIRECTIVE, RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX, SLICE_TYPE, SmpError, errBadPatchType, errNoMergeKey, extractKey, extractRetainKeysPatchStrategy,
  removeDirectives,
} from "./strategic-common.ts";
import {
  deleteFromSlice, deduplicateScalars, findMapInSlice, kindOfType, normalizeElementOrder, partitionMaps, partitionPrimitives,
  sliceElementType, validatePatchWithSetOrderList,
} from "./strategic-lists.ts";
import type { StrategicSchema } from "./strategic-schema.ts";

export interface MergeContext {
  /** Merge `$deleteFromPrimitiveList` / `$setElementOrder` lists (server side) or keep them (combining patches). */
  readonly mergeParallelList: boolean;
  /** Drop nulls of the patch that match nothing (server side) or keep them (combining patches). */
  readonly ignoreUnmatchedNulls: boolean;
}

function discardNullValuesFromPatch(v: unknown): void {
  if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) deleteKey(v, k);
      else discardNullValuesFromPatch(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNullValuesFromPatch(x);
  }
}

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, ctx: MergeContext): void {
  if (!hasKey(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retainKeys = patch[RETAIN_KEYS_DIRECTIVE];
  deleteKey(patch, RETAIN_KEYS_DIRECTIVE);
  if (!ctx.mergeParallelList) {
    // Combining two patches: both must carry the same list.
    if (hasKey(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retainKeys)) {
        throw new SmpError(
          `${goSprintV(original[RETAIN_KEYS_DIRECTIVE])} and ${goSprintV(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
      }
    } else {
      setKey(original, RETAIN_KEYS_DIRECTIVE, retainKeys);
    }
    return;
  }
  if (!Array.isArray(retainKeys)) throw new SmpError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  for (const v of retainKeys) {
    if (isMap(v) || Array.isArray(v)) throw new GoPanic(`runtime error: hash of unhashable type ${goTypeName(v)}`);
  }
  const keep = new Set(retainKeys);
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!keep.has(k)) throw new SmpError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) deleteKey(original, k);
}

/** mergePatchIntoOriginal: process each `$setElementOrder/<list>` with its list. */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: StrategicSchema, ctx: MergeContext): void {
    for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX) || !hasKey(patch, key)) continue;
    const order = patch[key];
    if (!ctx.mergeParallelList) {
      if (hasKey(original, key)) {
        if (!deepEqual(original[key], order)) throw new SmpError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
      } else {
        setKey(original, key, order);
      }
    }
    deleteKey(patch, key);
    if (!Array.isArray(order)) throw new SmpError(errBadArgType(SLICE_TYPE, order));
    const listKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = hasKey(original, listKey);
    const foundPatch = hasKey(patch, listKey);
    let originalList: unknown[] = [];
    let patchList: unknown[] = [];
    if (foundOriginal) {
      const v = original[listKey];
      if (!Array.isArray(v)) throw new SmpError(errBadArgType(SLICE_TYPE, v));
      originalList = v;
    }
    if (foundPatch) {
      const v = patch[listKey];
      if (!Array.isArray(v)) throw new SmpError(errBadArgType(SLICE_TYPE, v));
      patchList = v;
    }
    const { schema: sub, meta } = schema.lookupSlice(listKey);
    const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
    validatePatchWithSetOrderList(patchList, order, meta.mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, sub, strategy, meta.mergeKey, false, ctx);
    else continue;
    const [patchItems, serverOnly] =
      meta.mergeKey === "" ? partitionPrimitives(merged, order) : partitionMaps(merged, order, meta.mergeKey);
    const kind = kindOfType(sliceElementType(originalList, patchList));
    setKey(original, listKey, normalizeElementOrder(patchItems, serverOnly, order, originalList, meta.mergeKey, kind));
    deleteKey(patch, listKey);
  }
}

/** mergeSliceWithSpecialElements: apply `$patch` list items; returns the new [original, patch]. */
function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch as JsonMap[]) {
    if (!hasKey(v, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = v[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      let found: { index: number } | null;
      while ((found = findMapInSlice(original, mergeKey, v[mergeKey])) !== null) {
        original = [...original.slice(0, found.index), ...original.slice(found.index + 1)];
      }
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true;
    } else if (directive === MERGE_DIRECTIVE) {
      throw new SmpError("merging lists cannot yet be specified in the patch");
    } else {
      throw errBadPatchType(directive, v);
    }
  }
  return replace ? [plain, []] : [original, plain];
}

function mergeSliceWithoutSpecialElements(original: unknown[], patch: unknown[], mergeKey: string, schema: StrategicSchema, ctx: MergeContext): unknown[] {
  for (const v of patch as JsonMap[]) {
    if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    const found = findMapInSlice(original, mergeKey, v[mergeKey]);
    if (found) original[found.index] = mergeMap(found.map, v, schema, ctx);
    else original.push(v);
  }
  return original;
}

/** mergeSlice: merge by key (maps) or as a set (scalars), then restore the order. */
function mergeSlice(original: unknown[], patch: unknown[], schema: StrategicSchema, mergeKey: string, ctx: MergeContext, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = kindOfType(sliceElementType(original, patch));
  let merged: unknown[];
  if (kind !== "map") {
    if (ctx.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === "") throw new SmpError(`cannot merge lists without merge key for ${schema.name()}`);
    [original, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements([...original], patch, mergeKey, schema, ctx);
  }
  const [patchItems, serverOnly] =
    mergeKey === "" ? partitionPrimitives(merged, patch) : partitionMaps(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
}

function mergeSliceHandler(
  original: unknown, patch: unknown, schema: StrategicSchema, strategy: string, mergeKey: string, isDeleteList: boolean, ctx: MergeContext,
): unknown[] {
  if (!Array.isArray(original)) throw new SmpError(errBadArgType(SLICE_TYPE, original));
  if (!Array.isArray(patch)) throw new SmpError(errBadArgType(SLICE_TYPE, patch));
  // Delete lists work the same whatever the field's strategy.
  if (strategy === MERGE_DIRECTIVE || isDeleteList) return mergeSlice(original, patch, schema, mergeKey, ctx, isDeleteList);
  return patch;
}

function mergeMapHandler(original: unknown, patch: unknown, schema: StrategicSchema, strategy: string, ctx: MergeContext): JsonMap {
  if (!isMap(original)) throw new SmpError(errBadArgType(MAP_TYPE, original));
  if (!isMap(patch)) throw new SmpError(errBadArgType(MAP_TYPE, patch));
  return strategy !== REPLACE_DIRECTIVE ? mergeMap(original, patch, schema, ctx) : patch;
}

/**
 * mergeMap: merge `patch` into `original`. Both are modified in place (callers
 * pass private copies), like upstream's.
 */
export function mergeMap(original: JsonMap | null, patch: JsonMap, schema: StrategicSchema, ctx: MergeContext): JsonMap {
  if (hasKey(patch, DIRECTIVE_MARKER)) {
    const directive = patch[DIRECTIVE_MARKER];
    if (directive === REPLACE_DIRECTIVE) {
      deleteKey(patch, DIRECTIVE_MARKER);
      return patch;
    }
    if (directive === DELETE_DIRECTIVE) return {};
    throw errBadPatchType(directive, patch);
  }
  const orig: JsonMap = original ?? {};
  applyRetainKeysDirective(orig, patch, ctx);
  mergePatchIntoOriginal(orig, patch, schema, ctx);

  for (const patchKey of Object.keys(patch)) {
    let k = patchKey;
    const patchV = patch[patchKey];
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!ctx.mergeParallelList) {
        setKey(orig, patchKey, patchV);
        continue;
      }
      isDeleteList = true;
      const listKey = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      if (listKey.length > 0) k = listKey;
    }

    if (patchV === null) {
      deleteKey(orig, k);
      if (ctx.ignoreUnmatchedNulls) continue;
    }
    const replaceWithPatch = () => {
      if (isDeleteList) return;
      if (ctx.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
      const [v, keep] = removeDirectives(patchV);
      if (keep) setKey(orig, k, v);
      else deleteKey(orig, k);
    };
    if (!hasKey(orig, k)) {
      replaceWithPatch();
      continue;
    }
    const current = orig[k];
    if (goTypeName(current) !== goTypeName(patchV)) {
      replaceWithPatch();
      continue;
    }
    const kind = goKind(current);
    if (kind === "map") {
      const { schema: sub, meta } = schema.lookupStruct(k);
      const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
      setKey(orig, k, mergeMapHandler(current, patchV, sub, strategy, ctx));
    } else if (kind === "slice") {
      const { schema: sub, meta } = schema.lookupSlice(k);
      const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
      setKey(orig, k, mergeSliceHandler(current, patchV, sub, strategy, meta.mergeKey, isDeleteList, ctx));
    } else {
      const [v, keep] = removeDirectives(patchV);
      if (keep) setKey(orig, k, v);
      else deleteKey(orig, k);
    }
  }
  return orig;
}
