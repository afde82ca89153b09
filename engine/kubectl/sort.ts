// `kubectl get --sort-by=<jsonpath>` (kubectl pkg/cmd/get/sorter.go): rows
// or objects ordered by the first value the JSONPath finds, compared as Go's
// isLess does (numbers numerically, strings as resource quantities when both
// parse, else byte by byte), sorted with
// Go's sort.Sort (pattern-defeating quicksort, not stable), ported here so
// that ties come out in kubectl's order.
import { compareQuantityText, isQuantity } from "../api/quantity.ts";
import { GoNumber, type GoValue, isGoMap } from "./printers/go/value.ts";
import { JsonPath, JsonPathError, parseJsonPath, relaxedJsonPathExpression } from "./printers/jsonpath.ts";
import { PrinterError } from "./printers/printer-error.ts";
import { KubectlError } from "./types.ts";

/** Go's `a < b` on strings: UTF-8 byte order. */
export function goStringLess(a: string, b: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return a < b;
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  const n = Math.min(ea.length, eb.length);
  for (let k = 0; k < n; k++) if (ea[k] !== eb[k]) return ea[k]! < eb[k]!;
  return ea.length < eb.length;
}

function goType(v: GoValue): string {
  if (v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (v instanceof GoNumber) return v.type;
  if (Array.isArray(v)) return "[]interface {}";
  return isGoMap(v) ? "map[string]interface {}" : "unknown";
}

/** sorter.go isLess for two values of an unstructured object (interface{} kinds). */
export function isLess(i: GoValue, j: GoValue): boolean {
  if (i === null && j === null) return false;
  if (i === null) return true;
  if (j === null) return false;
  if (typeof i === "number" && typeof j === "number") {
    const ii = Number.isInteger(i);
    if (ii === Number.isInteger(j)) return i < j;
  } else if (typeof i === "string" && typeof j === "string") {
    if (isQuantity(i) && isQuantity(j)) return compareQuantityText(i, j) < 0;
    return goStringLess(i, j);
  } else if (typeof i !== "number" && typeof i !== "string") {
    throw new KubectlError(`unsortable type: ${goType(i)}`);
  }
  throw new KubectlError(`unsortable interface: interface`);
}

/** Go's sort.Interface. */
interface Sortable {
  len(): number;
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

function bitsLen(x: number): number {
  return x === 0 ? 0 : Math.floor(Math.log2(x)) + 1;
}

function insertionSort(d: Sortable, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
}

function siftDown(d: Sortable, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: Sortable, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i);
    siftDown(d, 0, i, first);
  }
}

const MASK64 = (1n << 64n) - 1n;

function breakPatterns(d: Sortable, a: number, b: number): void {
  const length = b - a;
  if (length >= 8) {
    let r = BigInt(length);
    const next = (): bigint => {
      r ^= (r << 13n) & MASK64;
      r ^= r >> 17n;
      r ^= (r << 5n) & MASK64;
      return r;
    };
    const modulus = BigInt(1 << bitsLen(length));
    const idx = a + Math.trunc(length / 4) * 2 - 1;
    for (let i = 0; i < 3; i++) {
      let other = Number(next() & (modulus - 1n));
      if (other >= length) other -= length;
      d.swap(idx + i, a + other);
    }
  }
}

type Hint = "unknown" | "increasing" | "decreasing";

function choosePivot(d: Sortable, a: number, b: number): [number, Hint] {
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.trunc(l / 4) * 1;
  let j = a + Math.trunc(l / 4) * 2;
  let k = a + Math.trunc(l / 4) * 3;
  const order2 = (x: number, y: number): [number, number] => {
    if (d.less(y, x)) {
      swaps.n++;
      return [y, x];
    }
    return [x, y];
  };
  const median = (x: number, y: number, z: number): number => {
    [x, y] = order2(x, y);
    [y, z] = order2(y, z);
    [x, y] = order2(x, y);
    return y;
  };
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1);
      j = median(j - 1, j, j + 1);
      k = median(k - 1, k, k + 1);
    }
    j = median(i, j, k);
  }
  if (swaps.n === 0) return [j, "increasing"];
  if (swaps.n === 12) return [j, "decreasing"];
  return [j, "unknown"];
}

function reverseRange(d: Sortable, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}

function partialInsertionSort(d: Sortable, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
  }
  return false;
}

function partitionEqual(d: Sortable, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partition(d: Sortable, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function pdqsort(d: Sortable, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) {
      insertionSort(d, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(d, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === "decreasing") {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = "increasing";
    }
    if (wasBalanced && wasPartitioned && hint === "increasing") {
      if (partialInsertionSort(d, a, b)) return;
    }
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, already] = partition(d, a, b, pivot);
    wasPartitioned = already;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** Go's sort.Sort. */
export function goSort(d: Sortable): void {
  const n = d.len();
  if (n <= 1) return;
  pdqsort(d, 0, n, bitsLen(n));
}

/** klog.Exitf in the sorter: kubectl dies with a fatal log line (exit code 1). */
export class SortFatal extends Error {
  constructor(
    message: string,
    /** sorter.go's line of the Exitf call, part of the log line. */
    readonly line: number,
  ) {
    super(message);
    this.name = "SortFatal";
  }
}

export interface CompiledSort {
  /** The relaxed field, as messages quote it: `{.metadata.name}`. */
  field: string;
  path: JsonPath | undefined;
  /** The parse error, when the field is not a JSONPath. */
  error?: string;
}

/** A --sort-by field as kubectl compiles it (relaxed: `.metadata.name` or `{.metadata.name}`). */
export function compileSortField(sortBy: string): CompiledSort {
  let field: string;
  try {
    field = relaxedJsonPathExpression(sortBy);
  } catch {
    field = sortBy;
  }
  try {
    return { field, path: new JsonPath(parseJsonPath(field), { allowMissingKeys: true }) };
  } catch (e) {
    if (e instanceof JsonPathError) return { field, path: undefined, error: e.message };
    throw e;
  }
}

export interface SortOptions {
  /** Fail when no item has the field (SortObjects, NewTableSorter). */
  requireFound: boolean;
  /** For the fatal message: Go's %T of what is sorted, and sorter.go's line. */
  typeName: string;
  fatalLine: number;
}

/**
 * Sort `items` in place by the JSONPath, as kubectl's TableSorter and
 * RuntimeSort do; `objectOf` gives the object each item is sorted by.
 * Throws KubectlError (parse error, field found nowhere) or SortFatal.
 */
export function sortByField<T>(items: T[], sort: CompiledSort, objectOf: (item: T) => unknown, o: SortOptions): void {
  if (!sort.path) throw new KubectlError(`sorting error: ${sort.error}`);
  const path = sort.path;
  const keys = items.map((item) => {
    try {
      const results = path.findResults(objectOf(item));
      return results.length === 0 || results[0]!.length === 0 ? undefined : results[0]![0];
    } catch (e) {
      if (e instanceof JsonPathError) throw new PrinterError(e.message);
      throw e;
    }
  });
  if (o.requireFound && items.length > 0 && keys.every((k) => k === undefined)) {
    throw new KubectlError(`couldn't find any field with path ${JSON.stringify(sort.field)} in the list of objects`);
  }
  goSort({
    len: () => items.length,
    less: (i, j) => {
      const a = keys[i];
      const b = keys[j];
      if (a === undefined) return true;
      if (b === undefined) return false;
      try {
        return isLess(a as GoValue, b as GoValue);
      } catch (e) {
        if (e instanceof KubectlError) {
          throw new SortFatal(`Field ${sort.field} in ${o.typeName} is an unsortable type: interface, err: ${e.message}`, o.fatalLine);
        }
        throw e;
      }
    },
    swap: (i, j) => {
      [items[i], items[j]] = [items[j]!, items[i]!];
      [keys[i], keys[j]] = [keys[j], keys[i]];
    },
  });
}
