// Helpers for plain JSON values (API objects are JSON: no Dates, no classes).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A deep copy of a JSON value. Faster than structuredClone for small plain objects. */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = deepClone(v);
  }
  return out as T;
}

/**
 * A deep copy as the API server's typed decoding leaves an object: keys whose
 * value is null are dropped (nil pointers and zero values are not stored) and
 * so are leftover patch directives (`$patch`, `$retainKeys`, ...).
 */
export function decodedClone<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = decodedClone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null || key.charCodeAt(0) === 36 /* $ */) continue;
    out[key] = decodedClone(v);
  }
  return out as T;
}

/**
 * Semantic equality of JSON values, as apimachinery's Semantic.DeepEqual sees
 * decoded objects: an absent key equals an `undefined` one. Array order counts.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key in ra) if (ra[key] !== undefined && !deepEqual(ra[key], rb[key])) return false;
  for (const key in rb) if (rb[key] !== undefined && ra[key] === undefined) return false;
  return true;
}

/** Freeze a value and everything under it: stored objects are shared, never mutated. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value as Record<string, unknown>) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Serialise with keys sorted at every level: a canonical form for hashing. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const rec = value as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`).join(",")}}`;
}
