// Text forms shared by the table printers: label maps, label selectors and the
// CONTAINERS/IMAGES cells, as apimachinery's labels package and printers.go
// render them.

import type { Container, LabelSelector } from "../types.ts";

/** labels.FormatLabels: `k=v` pairs sorted as whole strings, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  // Go sorts the joined "k=v" strings, not the keys ("a-b=1" sorts before "a=1").
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  pairs.sort(compareBytes);
  return pairs.length === 0 ? "<none>" : pairs.join(",");
}

/** Go string order (UTF-8 bytes); for label text, which is ASCII, code units agree. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** validation.IsQualifiedName: `[prefix/]name`, prefix a DNS subdomain. */
function isQualifiedName(key: string): boolean {
  const parts = key.split("/");
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return false;
  } else if (parts.length !== 1) {
    return false;
  }
  return name.length > 0 && name.length <= 63 && NAME_PART.test(name);
}

function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

interface Requirement {
  key: string;
  op: "=" | "in" | "notin" | "exists" | "!";
  values: string[];
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case "exists":
      return r.key;
    case "!":
      return `!${r.key}`;
    case "=":
      return `${r.key}=${r.values[0]}`;
    default: {
      // Values are printed sorted, whatever order the object lists them in.
      const values = r.values.length === 1 ? r.values : [...r.values].sort(compareBytes);
      return `${r.key} ${r.op} (${values.join(",")})`;
    }
  }
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key,
 * `k=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, joined by `,`. A missing or
 * empty selector gives "". Returns undefined where Go returns an error
 * (unknown operator, bad key or value, wrong number of values).
 */
export function labelSelectorString(sel: LabelSelector | undefined | null): string | undefined {
  if (!sel) return "";
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    if (!isQualifiedName(key) || !isLabelValue(value)) return undefined;
    reqs.push({ key, op: "=", values: [value] });
  }
  for (const expr of sel.matchExpressions ?? []) {
    const values = expr.values ?? [];
    let op: Requirement["op"];
    switch (expr.operator) {
      case "In":
        op = "in";
        break;
      case "NotIn":
        op = "notin";
        break;
      case "Exists":
        op = "exists";
        break;
      case "DoesNotExist":
        op = "!";
        break;
      default:
        return undefined;
    }
    const needsValues = op === "in" || op === "notin";
    if (needsValues ? values.length === 0 : values.length !== 0) return undefined;
    if (!isQualifiedName(expr.key) || !values.every(isLabelValue)) return undefined;
    reqs.push({ key: expr.key, op, values });
  }
  // Go sorts by key only; for selectors of up to 12 requirements its sort is
  // stable, so matchLabels stay before expressions on the same key, as here.
  reqs.sort((a, b) => compareBytes(a.key, b.key));
  return reqs.map(requirementString).join(",");
}

/** metav1.FormatLabelSelector: like labelSelectorString, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = labelSelectorString(sel);
  if (s === undefined) return "<error>";
  return s === "" ? "<none>" : s;
}

/** printers.go layoutContainerCells: names and images, each joined by `,`. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(","), list.map((c) => c.image ?? "").join(",")];
}
