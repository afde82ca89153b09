// List handling of the strategic-merge-patch port: element types, merge-key
// lookups and the ordering rules ($setElementOrder, patch order, live order)
// that decide where every item of a merged list ends up.
import { GoPanic, errBadArgType, goEqual, goSprintV, goTypeName } from "./gofmt.ts";
import { getKey, hasKey, isMap, type JsonMap } from "./json-value.ts";
import {
  DELETE_DIRECTIVE, DIRECTIVE_MARKER, ERR_NO_LIST_OF_LISTS, MAP_TYPE, SET_ELEMENT_ORDER_PREFIX, SLICE_TYPE, SmpError, errNoMergeKey,
} from "./strategic-common.ts";

/** sliceElementType: the one dynamic type of all elements, lists of lists refused. */
export function sliceElementType(...slices: unknown[][]): string {
  let prev: string | null = null;
  for (const s of slices) {
    for (const v of s) {
      const t = goTypeName(v);
      if (prev === null) {
        if (t === "") throw new GoPanic("runtime error: invalid memory address or nil pointer dereference");
        prev = t;
        if (t === SLICE_TYPE) throw new SmpError(ERR_NO_LIST_OF_LISTS);
      } else if (prev !== t) {
        throw new SmpError(`list element types are not identical: ${goSprintV(slices)}`);
      }
    }
  }
  if (prev === null) throw new SmpError("no elements in any of the given slices");
  return prev;
}

export function kindOfType(t: string): string {
  return t === MAP_TYPE ? "map" : t;
}

/** index: position of the item (for maps: of its merge key value) in `l`, or -1. */
export function index(l: readonly unknown[], val: unknown, mergeKey: string, kind: string): number {
  const key = (item: unknown) => (kind === "map" ? (isMap(item) ? getKey(item, mergeKey) ?? null : null) : item);
  const want = key(val);
  return l.findIndex((v) => goEqual(want, key(v)));
}

/** Go's sort.SliceStable for these lists: an insertion sort with the same `less`. */
export function stableSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j]!, items[j - 1]!); j--) {
      [items[j], items[j - 1]] = [items[j - 1]!, items[j]!];
    }
  }
  return items;
}

export function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw new SmpError(errBadArgType(MAP_TYPE, item));
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** extractToDeleteItems: [kept, `$patch: delete` items]. */
export function extractToDeleteItems(l: unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const del: unknown[] = [];
  for (const v of l) {
    if (!isMap(v)) throw new SmpError(errBadArgType(MAP_TYPE, v));
    if (hasKey(v, DIRECTIVE_MARKER) && v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) del.push(v);
    else keep.push(v);
  }
  return [keep, del];
}

/** normalizeSliceOrder: sort `toSort` by position in `order`; delete directives go last. */
export function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: string): unknown[] {
  let toDelete: unknown[] = [];
  if (kind === "map") {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [toSort, toDelete] = extractToDeleteItems(toSort);
  }
  stableSort(toSort, (a, b) => {
    const ia = index(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = index(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...toSort, ...toDelete];
}

/** mergeSortedSlice: interleave server-only items into the patch items, keeping both orders. */
export function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = index(serverOrder, left[i], mergeKey, kind);
      const ri = index(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder: patch order for patch items, live order for the rest, interleaved. */
export function normalizeElementOrder(
  patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: string,
): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** findMapInSliceBasedOnKeyValue. */
export function findMapInSlice(m: unknown[], key: string, value: unknown): { map: JsonMap; index: number } | null {
  for (let k = 0; k < m.length; k++) {
    const v = m[k];
    if (!isMap(v)) throw new SmpError(`value for key ${k} is not a map`);
    if (hasKey(v, key) && goEqual(v[key], value)) return { map: v, index: k };
  }
  return null;
}

export function partitionPrimitives(original: unknown[], partitionBy: unknown[]): [unknown[], unknown[]] {
  const inPatch = new Set(partitionBy);
  return [original.filter((v) => inPatch.has(v)), original.filter((v) => !inPatch.has(v))];
}

export function partitionMaps(original: unknown[], partitionBy: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) {
    if (!isMap(v)) throw new SmpError(errBadArgType(MAP_TYPE, v));
    if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findMapInSlice(partitionBy, mergeKey, v[mergeKey]) ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/** deduplicateScalars, including its habit of moving the last element into a duplicate's place. */
export function deduplicateScalars(s: unknown[]): unknown[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === "") return goEqual(left, right);
  if (!isMap(left)) throw new SmpError(errBadArgType(MAP_TYPE, left));
  if (!isMap(right)) throw new SmpError(errBadArgType(MAP_TYPE, right));
  if (!hasKey(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/** validatePatchWithSetOrderList: patch items must appear in the $setElementOrder list, in its order. */
export function validatePatchWithSetOrderList(patchList: unknown[], setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey !== "" ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    const item = nonDelete[p];
    if (isMap(item) && hasKey(item, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw new SmpError(
      `The order in patch list:\n${goSprintV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprintV(setOrderList)}\n`,
    );
  }
}

export function deleteFromSlice(current: unknown[], toDelete: unknown[]): unknown[] {
  const del = new Set(toDelete);
  return current.filter((v) => !del.has(v));
}
