// The diffing half of apimachinery's pkg/util/strategicpatch (v0.32): the
// patches kubectl computes and sends. Two-way (old vs new object) is what
// `kubectl edit`, `set image`, `set env`... send; three-way (last-applied vs new
// config vs live object) is what `kubectl apply` sends.
import { errBadArgType, goEqual, goSprintV, goTypeName } from "./gofmt.ts";
import { cloneJson, deepEqual, goStringCompare, hasKey, isMap, setKey, type JsonMap } from "./json-value.ts";
import {
  DELETE_DIRECTIVE, DELETE_FROM_PRIMITIVE_LIST_PREFIX, DIRECTIVE_MARKER, ERR_BAD_JSON_DOC, ERR_NO_LIST_OF_LISTS, MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE, RETAIN_KEYS_DIRECTIVE, SET_ELEMENT_ORDER_PREFIX, SmpError, errNoMergeKey, extractRetainKeysPatchStrategy,
} from "./strategic-common.ts";
import { deduplicateScalars, kindOfType, normalizeSliceOrder, sliceElementType } from "./strategic-lists.ts";
import { mergeMap } from "./strategic-merge.ts";
import type { StrategicSchema } from "./strategic-schema.ts";

interface DiffOptions {
  readonly setElementOrder: boolean;
  readonly ignoreChangesAndAdditions: boolean;
  readonly ignoreDeletions: boolean;
  readonly buildRetainKeysDirective: boolean;
}

const NO_OPTIONS: DiffOptions = {
  setElementOrder: false, ignoreChangesAndAdditions: false, ignoreDeletions: false, buildRetainKeysDirective: false,
};

const str = (v: unknown) => goSprintV(v);
const sameType = (a: unknown, b: unknown) => goTypeName(a) === goTypeName(b);

/** sortScalars: in place, by the %v text (Go's Less is `<=`, harmless for a stable sort). */
function sortScalars(s: unknown[]): unknown[] {
  const sorted = [...s].sort((a, b) => goStringCompare(str(a), str(b)));
  s.splice(0, s.length, ...sorted);
  return s;
}

/** sortMergeListsByNameArray without recursion: maps ordered by their merge key's %v text. */
function sortByMergeKey(s: unknown[], mergeKey: string): unknown[] {
  if (s.length === 0) return s;
  if (kindOfType(sliceElementType(s)) !== "map") return sortScalars(deduplicateScalars([...s]));
  return [...s].sort((a, b) => goStringCompare(str((a as JsonMap)[mergeKey]), str((b as JsonMap)[mergeKey])));
}

function replacePatchFieldIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  setKey(patch, key, modified);
}

function mapAndMergeKey(list: unknown[], i: number, mergeKey: string): [JsonMap, unknown] {
  const m = list[i];
  if (!isMap(m)) throw new SmpError(errBadArgType("map[string]interface {}", m));
  if (!hasKey(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
  return [m, m[mergeKey]];
}

/** diffListsOfMaps: [changes and additions, delete directives]. */
function diffListsOfMaps(original: unknown[], modified: unknown[], schema: StrategicSchema, mergeKey: string, opts: DiffOptions): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const o = sortByMergeKey(original, mergeKey);
  const m = sortByMergeKey(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const [oe, ok] = i < o.length ? mapAndMergeKey(o, i, mergeKey) : [null, undefined];
    const [me, mk] = j < m.length ? mapAndMergeKey(m, j, mergeKey) : [null, undefined];
    const cmp = oe && me ? goStringCompare(str(ok), str(mk)) : 0;
    if (oe && me && cmp === 0) {
      const change = diffMaps(oe, me, schema, opts);
      if (Object.keys(change).length > 0) {
        setKey(change, mergeKey, mk);
        patch.push(change);
      }
      i++;
      j++;
    } else if (!oe || (me && cmp > 0)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(me);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: ok, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      i++;
    }
  }
  return [patch, deletions];
}

/** diffListsOfScalars: [additions, deletions]. Sorts `original` in place, as upstream does. */
function diffListsOfScalars(original: unknown[], modified: unknown[], opts: DiffOptions): [unknown[], unknown[]] {
  const o = sortScalars(original);
  const m = sortScalars([...modified]);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const cmp = i < o.length && j < m.length ? goStringCompare(str(o[i]), str(m[j])) : i < o.length ? -1 : 1;
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) del.push(o[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => {
    const [, a] = mapAndMergeKey(original, i, mergeKey);
    const [, b] = mapAndMergeKey([m], 0, mergeKey);
    return goEqual(a, b);
  });
}

/** diffLists: [patch list, primitive deletion list, $setElementOrder list]. */
function diffLists(original: unknown[], modified: unknown[], schema: StrategicSchema, mergeKey: string, opts: DiffOptions): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = kindOfType(sliceElementType(original, modified));
  if (kind === "slice") throw new SmpError(ERR_NO_LIST_OF_LISTS);
  if (kind === "map") {
    const [changes, deletions] = diffListsOfMaps(original, modified, schema, mergeKey, opts);
    const ordered = normalizeSliceOrder(changes, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    const patchList = [...ordered, ...deletions];
    let setOrder: unknown[] = [];
    if (
      opts.setElementOrder &&
      ((!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!opts.ignoreDeletions && patchList.length > 0))
    ) {
      setOrder = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] ?? null }));
    }
    return [patchList, [], setOrder];
  }
  const [adds, deletions] = diffListsOfScalars(original, modified, opts);
  const patchList = normalizeSliceOrder(adds, modified, mergeKey, kind);
  let setOrder: unknown[] = [];
  if (
    opts.setElementOrder &&
    ((!opts.ignoreDeletions && deletions.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)))
  ) {
    setOrder = modified;
  }
  return [patchList, deletions, setOrder];
}

function handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: StrategicSchema, opts: DiffOptions): void {
  const { schema: sub, meta } = schema.lookupStruct(key);
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
  if (strategy === REPLACE_DIRECTIVE) {
    if (!opts.ignoreChangesAndAdditions) setKey(patch, key, modified);
    return;
  }
  const change = diffMaps(original, modified, sub, { ...opts, buildRetainKeysDirective: retainKeys });
  if (Object.keys(change).length > 0) setKey(patch, key, change);
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: StrategicSchema, opts: DiffOptions): void {
  const { schema: sub, meta } = schema.lookupSlice(key);
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
  if (strategy !== MERGE_DIRECTIVE) {
    replacePatchFieldIfNotEqual(key, original, modified, patch, opts);
    return;
  }
  const [adds, deletions, order] = diffLists(original, modified, sub, meta.mergeKey, { ...opts, buildRetainKeysDirective: retainKeys });
  if (adds.length > 0) setKey(patch, key, adds);
  if (deletions.length > 0) setKey(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, deletions);
  if (order.length > 0) setKey(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order);
}

/** diffMaps: the patch that turns `original` into `modified`, within what `opts` asks for. */
function diffMaps(original: JsonMap, modified: JsonMap, schema: StrategicSchema, opts: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: unknown[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (opts.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!hasKey(original, key)) {
      if (!opts.ignoreChangesAndAdditions) setKey(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== "string" || typeof modifiedValue !== "string") {
        throw new SmpError(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      }
      if (originalValue !== modifiedValue) setKey(patch, DIRECTIVE_MARKER, modifiedValue);
      continue;
    }
    if (!sameType(originalValue, modifiedValue)) {
      if (!opts.ignoreChangesAndAdditions) setKey(patch, key, modifiedValue);
      continue;
    }
    if (isMap(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JsonMap, patch, schema, opts);
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as unknown[], patch, schema, opts);
    else replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasKey(modified, key)) setKey(patch, key, null);
  }
  const hasAdditionalField = Object.keys(original).some((k) => original[k] !== null && !hasKey(modified, k));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalField)) {
    setKey(patch, RETAIN_KEYS_DIRECTIVE, sortScalars(retainKeys));
  }
  return patch;
}

function asMap(v: unknown): JsonMap {
  if (v === null || v === undefined) return {};
  // CreateTwoWayMergePatch / CreateThreeWayMergePatch fail with mergepatch.ErrBadJSONDoc.
  if (!isMap(v)) throw new SmpError(ERR_BAD_JSON_DOC);
  return cloneJson(v);
}

/**
 * strategicpatch.CreateTwoWayMergePatch: the patch that turns `original` into
 * `modified`, with `$setElementOrder` lists. Inputs are not modified.
 */
export function createTwoWayMergePatch(original: unknown, modified: unknown, schema: StrategicSchema): JsonMap {
  return diffMaps(asMap(original), asMap(modified), schema, { ...NO_OPTIONS, setElementOrder: true });
}

/**
 * strategicpatch.CreateThreeWayMergePatch as kubectl apply calls it
 * (--overwrite=true, the default): changes from `current` (live) to `modified`
 * (the new config, deletions ignored) plus deletions from `lastApplied` to
 * `modified`. Fields set by others (absent from last-applied) are left alone.
 */
export function createThreeWayMergePatch(lastApplied: unknown, modified: unknown, current: unknown, schema: StrategicSchema): JsonMap {
  const originalMap = asMap(lastApplied);
  const modifiedMap = asMap(modified);
  const currentMap = asMap(current);
  const delta = diffMaps(currentMap, modifiedMap, schema, { ...NO_OPTIONS, ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(originalMap, modifiedMap, schema, { ...NO_OPTIONS, setElementOrder: true, ignoreChangesAndAdditions: true });
  return mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}
