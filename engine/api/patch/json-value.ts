// Plain JSON values as Go's encoding/json sees them (map[string]interface{},
// []interface{}, string, number, bool, nil), with safe key access: patches can
// name any key, "__proto__" included, so writes never go through `obj[key] =`.

export type JsonMap = { [key: string]: unknown };

export function isMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function hasKey(obj: JsonMap, key: string): boolean {
  return Object.hasOwn(obj, key);
}

export function getKey(obj: JsonMap, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function setKey(obj: JsonMap, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

export function deleteKey(obj: JsonMap, key: string): void {
  if (Object.hasOwn(obj, key)) delete obj[key];
}

export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (isMap(v)) {
    const out: JsonMap = {};
    for (const k of Object.keys(v)) setKey(out, k, cloneJson(v[k]));
    return out as T;
  }
  return v;
}

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => hasKey(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Go compares strings bytewise, which is code point order; JS `<` compares UTF-16 units. */
export function goStringCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/** UTF-8 length of JSON.stringify(v): what json.Marshal would produce, near enough for size limits. */
export function jsonByteLength(v: unknown): number {
  const s = JSON.stringify(v) ?? "null";
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
