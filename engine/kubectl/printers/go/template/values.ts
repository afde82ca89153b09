// reflect.Value as text/template's executor sees it.
//
// A value is INVALID (the zero reflect.Value: a missing key), a Boxed
// interface{} (what indexing a map[string]interface{} or []interface{}
// yields; `null` inside is a nil interface), or a concrete GoValue (never
// null). The distinction shows in Go's messages: a field of a map entry is
// "in type interface {}", a field of a `with`-bound string "in type string".

import type { GoValue } from "../value.ts";
import { kindOf, typeString } from "../value.ts";

export const INVALID = Symbol("invalid reflect.Value");

export class Boxed {
  constructor(readonly v: GoValue) {}
}

export type RV = typeof INVALID | Boxed | GoValue;

/** indirectInterface: the value inside an interface (INVALID for nil). */
export function unbox(v: RV): RV {
  if (v instanceof Boxed) return v.v === null ? INVALID : v.v;
  return v;
}

/** indirect: through interfaces; a nil interface stays, reported as nil. */
export function indirect(v: RV): [RV, boolean] {
  if (v instanceof Boxed) return v.v === null ? [v, true] : [v.v, false];
  return [v, false];
}

export type RKind = ReturnType<typeof kindOf> | "interface";

export function rkind(v: RV): RKind {
  if (v === INVALID) return "invalid";
  if (v instanceof Boxed) return "interface";
  return kindOf(v);
}

/** The static type Go would name (v must be valid). */
export function rtype(v: RV): string {
  if (v === INVALID) return "<invalid>";
  if (v instanceof Boxed) return "interface {}";
  return typeString(v);
}

/** The value handed to a function taking interface{}: nil for INVALID or a nil interface. */
export function toInterface(v: RV): GoValue {
  const u = unbox(v);
  return u === INVALID ? null : (u as GoValue);
}

/** isTrue: the truth of a value, after unwrapping one interface. */
export function isTrue(v: RV): boolean {
  const u = unbox(v);
  if (u === INVALID || u instanceof Boxed) return false;
  switch (kindOf(u)) {
    case "string":
      return (u as string).length > 0;
    case "slice":
      return (u as GoValue[]).length > 0;
    case "map":
      return Object.values(u as object).some((x) => x !== undefined);
    case "bool":
      return u as boolean;
    default:
      return (typeof u === "number" ? u : (u as { value: number }).value) !== 0;
  }
}
