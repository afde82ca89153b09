// Validation of values the store already holds. Stored objects are frozen and
// never change, and an update that leaves a part as it was keeps the stored
// object for it (api/server.ts), so the same frozen labels, annotations, pod
// templates ... come back on every write of their object (a ReplicaSet is
// updated at every scaling step). Checks are pure functions of their
// arguments: a frozen value that passed a check once passes it again.
import type { FieldError } from "./field.ts";

/** frozen value -> the checks (names with their other arguments) it passed. */
const passed = new WeakMap<object, Set<string>>();

/**
 * `validate()`, or no errors when the frozen `value` already passed the same
 * `check` (which must name the check and every other argument it depends on).
 * Only passes are remembered; the caller always gets an array of its own.
 */
export function unlessPassed(value: unknown, check: string, validate: () => FieldError[]): FieldError[] {
  if (value === null || typeof value !== "object" || !Object.isFrozen(value)) return validate();
  const known = passed.get(value);
  if (known?.has(check)) return [];
  const errs = validate();
  if (errs.length === 0) {
    if (known) known.add(check);
    else passed.set(value, new Set<string>().add(check));
  }
  return errs;
}
