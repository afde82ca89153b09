// The label selector model of apimachinery's pkg/labels: requirements, their
// validation (with the exact field-error texts), matching and the canonical
// string form. Parsing lives in label-parser.ts.
import { goQuote } from "./validation/go-value.ts";
import { isQualifiedName, isValidLabelValue } from "./validation/names.ts";

export type Operator = "!" | "=" | "==" | "in" | "!=" | "notin" | "exists" | "gt" | "lt";

// NewRequirement lists these (binary first) in its "expected:" and NotSupported errors.
export const BINARY_OPERATORS: readonly Operator[] = ["in", "notin", "=", "==", "!=", "gt", "lt"];

/** A selector string (or LabelSelector) the API server would reject; message is apimachinery's. */
export class SelectorParseError extends Error {
  override name = "SelectorParseError";
}

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export interface Selector {
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** True when the selector does not restrict anything (matches everything). */
  empty(): boolean;
  /** apimachinery's canonical form: requirements by key, `a=b`, `a in (x,y)`, `!a`... */
  toString(): string;
  /** The ANDed requirements sorted by key, or null for the match-nothing selector. */
  requirements(): readonly Requirement[] | null;
}

// ---------- field-error rendering (field.Invalid with a nil *Path) ----------

/** %#v of a []string, as field.Invalid prints a bad value list. */
function goStringSlice(vals: readonly string[] | null): string {
  return vals === null ? "[]string(nil)" : `[]string{${vals.map(goQuote).join(", ")}}`;
}

function invalid(path: string | null, rendered: string, detail: string): string {
  return `${path ?? "<nil>"}: Invalid value: ${rendered}: ${detail}`;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets. */
function aggregate(msgs: readonly string[]): string {
  const seen = [...new Set(msgs)];
  return seen.length === 1 ? seen[0]! : `[${seen.join(", ")}]`;
}

export function validateLabelKey(key: string, path: string | null): string | null {
  const errs = isQualifiedName(key);
  return errs.length === 0 ? null : invalid(path, goQuote(key), errs.join("; "));
}

function validateLabelValue(key: string, value: string, path: string): string | null {
  const errs = isValidLabelValue(value);
  return errs.length === 0 ? null : invalid(`${path}[${key}]`, goQuote(value), errs.join("; "));
}

// strconv.ParseInt(s, 10, 64): optional sign, decimal digits, int64 range.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? null : n;
}

/**
 * labels.NewRequirement. `vals` null stands for Go's nil slice (LabelSelector
 * expressions without values), which prints differently in errors.
 */
export function newRequirement(key: string, op: Operator, vals: readonly string[] | null): Requirement {
  const errs: string[] = [];
  const keyErr = validateLabelKey(key, "key");
  if (keyErr) errs.push(keyErr);
  const list = vals ?? [];
  const valuePath = "values";
  switch (op) {
    case "in":
    case "notin":
      if (list.length === 0) {
        errs.push(invalid(valuePath, goStringSlice(vals), "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case "=":
    case "==":
    case "!=":
      if (list.length !== 1) {
        errs.push(invalid(valuePath, goStringSlice(vals), "exact-match compatibility requires one single value"));
      }
      break;
    case "exists":
    case "!":
      if (list.length !== 0) {
        errs.push(invalid(valuePath, goStringSlice(vals), "values set must be empty for exists and does not exist"));
      }
      break;
    case "gt":
    case "lt":
      if (list.length !== 1) {
        errs.push(invalid(valuePath, goStringSlice(vals), "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      list.forEach((v, i) => {
        if (parseInt64(v) === null) {
          errs.push(invalid(`${valuePath}[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
  }
  list.forEach((v, i) => {
    const e = validateLabelValue(key, v, `${valuePath}[${i}]`);
    if (e) errs.push(e);
  });
  if (errs.length > 0) throw new SelectorParseError(aggregate(errs));
  return { key, operator: op, values: [...list] };
}

function hasLabel(labels: Readonly<Record<string, string>> | undefined, key: string): labels is Record<string, string> {
  return labels !== undefined && Object.hasOwn(labels, key);
}

function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  switch (r.operator) {
    case "in":
    case "=":
    case "==":
      return hasLabel(labels, r.key) && r.values.includes(labels[r.key]!);
    case "notin":
    case "!=":
      return !hasLabel(labels, r.key) || !r.values.includes(labels[r.key]!);
    case "exists":
      return hasLabel(labels, r.key);
    case "!":
      return !hasLabel(labels, r.key);
    case "gt":
    case "lt": {
      if (!hasLabel(labels, r.key) || r.values.length !== 1) return false;
      const have = parseInt64(labels[r.key]!);
      const want = parseInt64(r.values[0]!);
      if (have === null || want === null) return false;
      return r.operator === "gt" ? have > want : have < want;
    }
  }
}

export function byteOrder(a: string, b: string): number {
  // Go compares strings bytewise, i.e. by code point; JS `<` compares UTF-16 units.
  const ca = [...a].map((c) => c.codePointAt(0)!);
  const cb = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
  }
  return ca.length - cb.length;
}

const OPERATOR_TEXT: Record<Operator, string> = {
  "=": "=", "==": "==", "!=": "!=", in: " in ", notin: " notin ", gt: ">", lt: "<", exists: "", "!": "",
};

export function requirementString(r: Requirement): string {
  let out = (r.operator === "!" ? "!" : "") + r.key + OPERATOR_TEXT[r.operator];
  if (r.operator === "exists" || r.operator === "!") return out;
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort(byteOrder).join(",");
  return r.operator === "in" || r.operator === "notin" ? `${out}(${values})` : out + values;
}

class RequirementsSelector implements Selector {
  private readonly reqs: readonly Requirement[];
  constructor(reqs: readonly Requirement[]) {
    // Sorted by key for a deterministic String(); a stable sort keeps equal keys in input order.
    this.reqs = [...reqs].sort((a, b) => byteOrder(a.key, b.key));
  }
  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    return this.reqs.every((r) => requirementMatches(r, labels));
  }
  empty(): boolean {
    return this.reqs.length === 0;
  }
  toString(): string {
    return this.reqs.map(requirementString).join(",");
  }
  requirements(): readonly Requirement[] {
    return this.reqs;
  }
}

const NOTHING: Selector = {
  matches: () => false,
  empty: () => false,
  toString: () => "",
  requirements: () => null,
};

/** A selector ANDing `reqs` (sorted by key). */
export function selectorFromRequirements(reqs: readonly Requirement[]): Selector {
  return new RequirementsSelector(reqs);
}

export function everything(): Selector {
  return new RequirementsSelector([]);
}

export function nothing(): Selector {
  return NOTHING;
}

/** labels.SelectorFromSet: exact match on every pair, no validation. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  return new RequirementsSelector(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: "=", values: [v] })));
}
