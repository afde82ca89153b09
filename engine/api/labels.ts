// Label selectors as apimachinery's pkg/labels and metav1 helpers do them:
// the `-l` string grammar (parsed by the API server, so its error texts are
// what kubectl shows), LabelSelector objects, matching and canonical strings.
// This module is the entry point; the pieces live in label-*.ts and fields.ts.
import type { LabelSelector } from "./types.ts";
import { goQuote } from "./validation/go-value.ts";
import {
  SelectorParseError, byteOrder, everything, newRequirement, nothing, selectorFromRequirements,
  type Operator, type Requirement, type Selector,
} from "./label-selector.ts";

export {
  SelectorParseError, everything, nothing, requirementString, selectorFromSet,
  type Operator, type Requirement, type Selector,
} from "./label-selector.ts";
export { parseSelector } from "./label-parser.ts";
// Field selectors live in fields.ts; re-exported so list handling imports one module.
export { FieldSelector, FieldSelectorError, fieldSelectorMatcher, parseFieldSelector, selectableFields } from "./fields.ts";
export type { FieldTerm } from "./fields.ts";

const LABEL_SELECTOR_OPERATORS: Record<string, Operator> = {
  In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!",
};

/**
 * Selectors of frozen (stored) LabelSelectors, which never change: controllers
 * convert their object's selector on every sync. Selectors are immutable, so
 * one may be handed out many times; one that fails to convert is not kept.
 */
const converted = new WeakMap<LabelSelector, Selector>();

/** metav1.LabelSelectorAsSelector: nil matches nothing, `{}` matches everything. */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === undefined || ls === null || typeof ls !== "object" || !Object.isFrozen(ls)) return convert(ls);
  let selector = converted.get(ls);
  if (!selector) converted.set(ls, (selector = convert(ls)));
  return selector;
}

function convert(ls: LabelSelector | null | undefined): Selector {
  if (ls === undefined || ls === null) return nothing();
  const matchLabels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  // Go walks matchLabels in random order; sorted keys make the first error deterministic.
  for (const key of Object.keys(matchLabels).sort(byteOrder)) {
    reqs.push(newRequirement(key, "=", [matchLabels[key]!]));
  }
  for (const expr of exprs) {
    const op = Object.hasOwn(LABEL_SELECTOR_OPERATORS, expr.operator) ? LABEL_SELECTOR_OPERATORS[expr.operator] : undefined;
    if (op === undefined) throw new SelectorParseError(`${goQuote(String(expr.operator))} is not a valid label selector operator`);
    const values = expr.values && expr.values.length > 0 ? expr.values : null;
    reqs.push(newRequirement(expr.key, op, values));
  }
  return selectorFromRequirements(reqs);
}

/** metav1.FormatLabelSelector: `kubectl describe` Selector: and `get -o wide` SELECTOR. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  let selector: Selector;
  try {
    selector = selectorFromLabelSelector(ls);
  } catch {
    return "<error>";
  }
  const s = selector.toString();
  return s.length === 0 ? "<none>" : s;
}

/**
 * labels.FormatLabels: `k=v` pairs, `<none>` when there are none. Go sorts
 * the joined "k=v" strings, not the keys, so "a-b=2" comes before "a=1".
 */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.keys(labels ?? {}).map((k) => `${k}=${labels![k]}`);
  if (pairs.length === 0) return "<none>";
  return pairs.sort(byteOrder).join(",");
}
