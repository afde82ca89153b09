// The Go values kubectl's printers work on, modelled on plain JS values.
//
// kubectl decodes objects into map[string]interface{} with integers kept as
// int64 and other numbers as float64 (apimachinery's json.Unmarshal). So a
// JSON object is a Go map, an array a []interface{}, an integral number an
// int64 and any other number a float64. Template literals and function
// results have other Go types (`3` is an int, `len` returns int, indexing a
// string gives a uint8): those are GoNumber instances carrying their type.
//
// Object entries whose value is `undefined` do not exist, as when the object
// is serialized to JSON.

export type GoNumType = "int" | "int64" | "uint8" | "float64";

export class GoNumber {
  constructor(
    readonly type: GoNumType,
    readonly value: number,
  ) {}
}

export type GoMap = { [key: string]: GoValue | undefined };
export type GoValue = null | string | boolean | number | GoNumber | GoValue[] | GoMap;

/** reflect.Kind, reduced to the kinds these values can have. */
export type GoKind = "invalid" | "bool" | "int" | "uint" | "float" | "string" | "map" | "slice";

export function isGoMap(v: unknown): v is GoMap {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

/** A JSON number kubectl keeps as int64: integral and in range (else it is a float64). */
export function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= -9223372036854775808 && n < 9223372036854775808;
}

/** The kind of a concrete (non-nil) value. */
export function kindOf(v: GoValue | undefined): GoKind {
  if (v === undefined || v === null) return "invalid";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return isInt64(v) ? "int" : "float";
  if (v instanceof GoNumber) return v.type === "float64" ? "float" : v.type === "uint8" ? "uint" : "int";
  return Array.isArray(v) ? "slice" : "map";
}

/** Go's reflect type string for a concrete value. */
export function typeString(v: GoValue): string {
  if (v === null) return "interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return isInt64(v) ? "int64" : "float64";
  if (v instanceof GoNumber) return v.type;
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}

/** The numeric value of an int/uint/float kinded value. */
export function numberOf(v: GoValue): number {
  return v instanceof GoNumber ? v.value : (v as number);
}

/** Keys of a map with a value, sorted as Go sorts strings (by bytes). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareGoStrings);
}

/** Go string order: UTF-8 bytes, which is code point order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The entry for `key`, or undefined when the map has none. */
export function mapGet(m: GoMap, key: string): GoValue | undefined {
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

export function mapLen(m: GoMap): number {
  let n = 0;
  for (const k of Object.keys(m)) if (m[k] !== undefined) n++;
  return n;
}

// --- UTF-8: Go strings are bytes; lengths and indexes count bytes. ---

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate is not valid UTF-8
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decode bytes as Go's range over a string does: each bad byte is U+FFFD. */
export function utf8Decode(bytes: readonly number[]): string {
  let s = "";
  let i = 0;
  while (i < bytes.length) {
    const [r, w] = decodeRune(bytes, i);
    s += String.fromCodePoint(r);
    i += w;
  }
  return s;
}

/** utf8.DecodeRune: the rune at `i` and its width (U+FFFD, 1 when invalid). */
export function decodeRune(b: readonly number[], i: number): [number, number] {
  const c0 = b[i]!;
  if (c0 < 0x80) return [c0, 1];
  const cont = (k: number): number => {
    const c = b[i + k];
    return c !== undefined && (c & 0xc0) === 0x80 ? c & 63 : -1;
  };
  if (c0 >= 0xc2 && c0 < 0xe0) {
    const c1 = cont(1);
    if (c1 >= 0) return [((c0 & 31) << 6) | c1, 2];
  } else if (c0 >= 0xe0 && c0 < 0xf0) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      const r = ((c0 & 15) << 12) | (c1 << 6) | c2;
      if (r >= 0x800 && (r < 0xd800 || r > 0xdfff)) return [r, 3];
    }
  } else if (c0 >= 0xf0 && c0 < 0xf5) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const r = ((c0 & 7) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
    }
  }
  return [0xfffd, 1];
}

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Number of runes (code points) in s. */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
