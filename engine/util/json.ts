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

// ---------- sharing frozen subtrees ----------
// Stored objects are frozen and never change, so a new version may point at
// the unchanged parts of the old one instead of copying them. Everywhere here
// a frozen value is taken to be deeply frozen, as deepFreeze does.

/**
 * Frozen values known to be in decoded form (what decodedClone would make of
 * them). Only the roots of checks are remembered: adding every node would
 * cost more than it saves.
 */
const decodedForm = new WeakSet<object>();

function isDecodedForm(value: object): boolean {
  if (decodedForm.has(value)) return true;
  if (!inDecodedForm(value)) return false;
  decodedForm.add(value);
  return true;
}

function inDecodedForm(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === "object" && !inDecodedForm(v)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const rec = value as Record<string, unknown>;
  for (const key in rec) {
    const v = rec[key];
    if (v === undefined || v === null || key.charCodeAt(0) === 36 /* $ */) return false;
    if (typeof v === "object" && !inDecodedForm(v)) return false;
  }
  return true;
}

/**
 * decodedClone, except that a frozen subtree already in decoded form is used
 * as it is rather than copied. Only for results nobody mutates.
 */
export function decodedCloneSharing<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (isDecodedForm(value)) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = decodedCloneSharing(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null || key.charCodeAt(0) === 36 /* $ */) continue;
    out[key] = decodedCloneSharing(v);
  }
  return out as T;
}

/**
 * `next` with each part that is identical to the part at the same place in
 * the frozen `old` (same keys in the same order, same values) replaced by
 * old's. Unfrozen containers of `next` are changed in place. The result
 * serialises exactly as `next` did; it is `old` itself when all of it matches.
 */
export function shareUnchanged<T>(next: T, old: unknown): T {
  if (next === old || next === null || typeof next !== "object" || old === null || typeof old !== "object") return next;
  if (!Object.isFrozen(old) || Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(old)) return next;
    let same = next.length === old.length;
    for (let i = 0; i < next.length; i++) {
      const cur: unknown = next[i];
      const v = shareUnchanged(cur, i < old.length ? old[i] : undefined);
      if (v !== cur) next[i] = v;
      if (same && v !== old[i]) same = false;
    }
    return (same ? old : next) as T;
  }
  if (Array.isArray(old) || Object.getPrototypeOf(next) !== Object.getPrototypeOf(old)) return next;
  const n = next as Record<string, unknown>;
  const o = old as Record<string, unknown>;
  let same = true;
  // next's keys go on a shared stack (no array per object) to compare the order with old's.
  const base = keyStackTop;
  for (const key in n) {
    const cur = n[key];
    const was = o[key];
    const v = shareUnchanged(cur, was);
    if (v !== cur) n[key] = v;
    if (same && (v !== was || (was === undefined && !(key in o)))) same = false;
    keyStack[keyStackTop++] = key;
  }
  if (same) {
    let i = base;
    for (const key in o) {
      if (i === keyStackTop || keyStack[i] !== key) {
        same = false;
        break;
      }
      i++;
    }
    if (i !== keyStackTop) same = false;
  }
  keyStackTop = base;
  return (same ? old : next) as T;
}

const keyStack: string[] = [];
let keyStackTop = 0;

/**
 * Frozen values known to be in clone form. Only the roots of checks are
 * remembered, as for the decoded form: controllers copy the same stored
 * subtrees (a ReplicaSet's template, say) on every sync.
 */
const cloneForm = new WeakSet<object>();

function isCloneForm(value: object): boolean {
  if (cloneForm.has(value)) return true;
  if (!inCloneForm(value)) return false;
  cloneForm.add(value);
  return true;
}

/** A frozen value that deepClone would copy verbatim (plain, no undefined-valued keys). */
function inCloneForm(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === "object" && !inCloneForm(v)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const rec = value as Record<string, unknown>;
  for (const key in rec) {
    const v = rec[key];
    if (v === undefined) return false;
    if (v !== null && typeof v === "object" && !inCloneForm(v)) return false;
  }
  return true;
}

/** deepClone, except that frozen parts it would copy verbatim are shared. Only for results nobody mutates. */
export function deepCloneSharing<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (isCloneForm(value)) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepCloneSharing(value[i]);
    return out as T;
  }
  return editableCopy(value);
}

/**
 * A copy of the object `value` that the caller may change at its top level
 * and, one level down, in the objects under the `open` keys: deepClone(value)
 * as far as anyone can tell, but with the other frozen parts shared.
 */
export function editableCopy<T extends object>(value: T, ...open: string[]): T {
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const opened = open.length > 0 && open.includes(key) && v !== null && typeof v === "object" && !Array.isArray(v);
    out[key] = opened ? editableCopy(v) : deepCloneSharing(v);
  }
  return out as T;
}
