// The `cmp.Diff(oldSpec, newSpec)` text appended to the "pod updates may not
// change fields other than ..." error. This follows go-cmp's default reporter
// (records with two lines of context, "... // N identical fields" elision,
// -/+ lines, key alignment, 80-column compaction) over the internal PodSpec
// types of pod-diff-schema.ts. go-cmp deliberately varies its output (it
// randomly uses non-breaking spaces after the markers), so a real server's
// text is not stable byte for byte; we emit the plain-space variant.
import { POD_SECURITY_CONTEXT_HOST_FIELDS, POD_SPEC } from "./pod-diff-schema.ts";
import type { GoField, GoType } from "./pod-diff-schema.ts";
import { jsonEqual } from "./json-equal.ts";
import { compact, expand, indent } from "./cmp-text.ts";
import type { TNode, TRec, TWrap } from "./cmp-text.ts";
import { goQuote } from "./go-value.ts";
import { compareQuantity, tryParseQuantity } from "./quantity.ts";

type Obj = Record<string, unknown>;
type Mode = "unknown" | "identical" | "removed" | "inserted";
type TypeMode = "auto" | "elide" | "emit";

// ---------- the compared tree (go-cmp valueNode) ----------

interface VNode {
  t: GoType;
  x: unknown;
  y: unknown;
  hasX: boolean;
  hasY: boolean;
  recs?: { key: string; node: VNode }[];
  elem?: VNode;
  numDiff: number;
  numChildren: number;
  maxDepth: number;
}

const INTSTR: GoType = {
  k: "struct",
  name: "intstr.IntOrString",
  fields: [{ go: "Type", json: "type", t: { k: "int" } }, { go: "IntVal", json: "intVal", t: { k: "int" } }, { go: "StrVal", json: "strVal", t: { k: "str" } }],
};

function intstrObject(v: unknown): Obj {
  return typeof v === "string" ? { type: 1, strVal: v } : { intVal: typeof v === "number" ? v : 0 };
}

function fieldValue(parent: unknown, f: GoField): unknown {
  const o = (parent ?? {}) as Obj;
  return f.json === null ? o : o[f.json];
}

function leafEqual(x: unknown, y: unknown, t: GoType): boolean {
  switch (t.k) {
    case "str":
      return (x ?? "") === (y ?? "");
    case "int":
      return (x ?? 0) === (y ?? 0);
    case "bool":
      return (x ?? false) === (y ?? false);
    case "quantity": {
      if (x == null || y == null) return x == y;
      const a = tryParseQuantity(x as string);
      const b = tryParseQuantity(y as string);
      return a && b ? compareQuantity(a, b) === 0 : x === y;
    }
    default:
      return jsonEqual(x, y);
  }
}

function leaf(t: GoType, x: unknown, y: unknown, hasX: boolean, hasY: boolean, equal: boolean): VNode {
  return { t, x, y, hasX, hasY, numDiff: equal ? 0 : 1, numChildren: 0, maxDepth: 0 };
}

function withChildren(node: VNode, children: VNode[]): VNode {
  for (const c of children) {
    node.numDiff += c.numDiff;
    node.numChildren += c.numChildren + 1;
    node.maxDepth = Math.max(node.maxDepth, c.maxDepth + 1);
  }
  return node;
}

// Element pairing: longest common run of equal elements; what is left between
// two matches is paired up as "modified", the surplus removed or inserted.
function editScript(xs: unknown[], ys: unknown[]): [number | null, number | null][] {
  const n = xs.length;
  const m = ys.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = jsonEqual(xs[i], ys[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: [number | null, number | null][] = [];
  let i = 0;
  let j = 0;
  let rx: number[] = [];
  let ry: number[] = [];
  const flush = () => {
    const k = Math.min(rx.length, ry.length);
    for (let a = 0; a < k; a++) ops.push([rx[a]!, ry[a]!]);
    for (let a = k; a < rx.length; a++) ops.push([rx[a]!, null]);
    for (let a = k; a < ry.length; a++) ops.push([null, ry[a]!]);
    rx = [];
    ry = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && jsonEqual(xs[i], ys[j])) {
      flush();
      ops.push([i++, j++]);
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      rx.push(i++);
    } else {
      ry.push(j++);
    }
  }
  flush();
  return ops;
}

function build(x: unknown, y: unknown, t: GoType, hasX = true, hasY = true): VNode {
  if (!hasX || !hasY) return leaf(t, x, y, hasX, hasY, false);
  switch (t.k) {
    case "intstr":
      return build(intstrObject(x), intstrObject(y), INTSTR);
    case "ptr": {
      if (x == null || y == null) return leaf(t, x, y, true, true, x == null && y == null);
      const elem = build(x, y, t.elem);
      return withChildren({ t, x, y, hasX, hasY, elem, numDiff: 0, numChildren: 0, maxDepth: 0 }, [elem]);
    }
    case "slice": {
      if (x === undefined || y === undefined) return leaf(t, x, y, true, true, x === undefined && y === undefined);
      const xs = x as unknown[];
      const ys = y as unknown[];
      const recs = editScript(xs, ys).map(([a, b]) => ({
        key: "",
        node: build(a === null ? undefined : xs[a], b === null ? undefined : ys[b], t.elem, a !== null, b !== null),
      }));
      return withChildren({ t, x, y, hasX, hasY, recs, numDiff: 0, numChildren: 0, maxDepth: 0 }, recs.map((r) => r.node));
    }
    case "map": {
      if (x === undefined || y === undefined) return leaf(t, x, y, true, true, x === undefined && y === undefined);
      const xo = x as Obj;
      const yo = y as Obj;
      const keys = [...new Set([...Object.keys(xo), ...Object.keys(yo)])].sort();
      const recs = keys.map((k) => ({ key: mapKey(k, t.stringerKeys), node: build(xo[k], yo[k], t.elem, k in xo, k in yo) }));
      return withChildren({ t, x, y, hasX, hasY, recs, numDiff: 0, numChildren: 0, maxDepth: 0 }, recs.map((r) => r.node));
    }
    case "struct": {
      const recs = t.fields.map((f) => ({ key: f.go, node: build(fieldValue(x, f), fieldValue(y, f), f.t) }));
      return withChildren({ t, x, y, hasX, hasY, recs, numDiff: 0, numChildren: 0, maxDepth: 0 }, recs.map((r) => r.node));
    }
    default:
      return leaf(t, x, y, true, true, leafEqual(x, y, t));
  }
}

// ---------- text nodes (go-cmp textLine / textWrap / textRecord) ----------

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} \t]*$/u;

// go-cmp quotes with strconv.Quote unless a raw `string` reads better.
function cmpString(s: string): string {
  const q = goQuote(s);
  if (q.length === s.length + 2) return q;
  if (!s.includes("`") && !s.includes("\n") && PRINTABLE.test(s)) return "`" + s + "`";
  return q;
}

function mapKey(k: string, stringer: boolean): string {
  return (stringer ? "s" : "") + cmpString(k);
}

function isZero(v: unknown, t: GoType): boolean {
  switch (t.k) {
    case "str":
      return !v;
    case "int":
      return !v;
    case "bool":
      return !v;
    case "intstr":
      return v === undefined || v === 0;
    case "struct":
      return t.fields.every((f) => isZero(fieldValue(v, f), f.t));
    case "slice":
    case "map":
    case "quantity":
      return v === undefined;
    default:
      return v === undefined || v === null || v === "" || v === 0 || v === false;
  }
}

function withType(name: string, node: TNode, tm: TypeMode, mode: Mode): TNode {
  if (tm === "elide") return node;
  if (tm === "auto" && (node === "nil" || mode === "identical")) return node;
  if (typeof node === "string") return `${name}(${node})`;
  return { ...node, prefix: name + node.prefix };
}

function wrap(list: TRec[]): TWrap {
  return { prefix: "{", list, suffix: "}" };
}

function quantityNode(v: unknown, tm: TypeMode, mode: Mode): TNode {
  const q = tryParseQuantity(v as string);
  if (!q) return cmpString(String(v));
  const recs: TRec[] = [];
  if (q.int64Path && q.mantissa !== 0n) {
    const amount: TRec[] = [{ diff: "", key: "value", value: String(q.mantissa) }];
    if (q.scale !== 0) amount.push({ diff: "", key: "scale", value: String(q.scale) });
    recs.push({ diff: "", key: "i", value: withType("resource.int64Amount", wrap(amount), "auto", mode) });
  }
  if (q.cached) recs.push({ diff: "", key: "s", value: cmpString(q.cached) });
  recs.push({ diff: "", key: "Format", value: cmpString(q.format) });
  return withType("resource.Quantity", wrap(recs), tm, mode);
}

function genericNode(v: unknown): TNode {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return cmpString(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return wrap(v.map((e) => ({ diff: "", key: "", value: genericNode(e) })));
  const recs: TRec[] = [];
  for (const [k, e] of Object.entries(v as Obj)) {
    if (e === undefined || e === null || e === "" || e === 0 || e === false) continue;
    recs.push({ diff: "", key: k[0]!.toUpperCase() + k.slice(1), value: genericNode(e) });
  }
  return wrap(recs);
}

/** go-cmp FormatValue: a whole value, zero-valued struct fields left out. */
function formatValue(v: unknown, t: GoType, tm: TypeMode, mode: Mode): TNode {
  switch (t.k) {
    case "str":
      return cmpString((v as string) ?? "");
    case "int":
      return String(v ?? 0);
    case "bool":
      return String(v ?? false);
    case "quantity":
      return v === undefined ? "nil" : quantityNode(v, tm, mode);
    case "intstr":
      return formatValue(intstrObject(v), INTSTR, tm, mode);
    case "any":
      return genericNode(v);
    case "ptr": {
      if (v == null) return "nil";
      const inner = formatValue(v, t.elem, tm, mode);
      return typeof inner === "string" ? "&" + inner : { ...inner, prefix: "&" + inner.prefix };
    }
    case "slice":
      if (v === undefined) return "nil";
      return withType(t.name, wrap((v as unknown[]).map((e) => ({ diff: "", key: "", value: formatValue(e, t.elem, "elide", mode) }))), tm, mode);
    case "map": {
      if (v === undefined) return "nil";
      const o = v as Obj;
      const recs = Object.keys(o).sort().map((k) => ({ diff: "" as const, key: mapKey(k, t.stringerKeys), value: formatValue(o[k], t.elem, "elide", mode) }));
      return withType(t.name, wrap(recs), tm, mode);
    }
    case "struct": {
      const recs: TRec[] = [];
      for (const f of t.fields) {
        const fv = fieldValue(v, f);
        if (isZero(fv, f.t)) continue;
        recs.push({ diff: "", key: f.go, value: formatValue(fv, f.t, "auto", mode) });
      }
      return withType(t.name, wrap(recs), tm, mode);
    }
  }
}

function diffStats(name: string, n: number): string {
  const plural = n > 1 ? (name === "entry" ? "entries" : name + "s") : name;
  return `${n} identical ${plural}`;
}

/** go-cmp FormatDiff. */
function formatDiff(node: VNode, tm: TypeMode, mode: Mode): TNode | null {
  if (!node.recs && !node.elem) {
    if ((mode === "unknown" || mode === "identical") && node.numDiff === 0) return formatValue(node.y, node.t, tm, mode);
    if (mode === "removed") return node.hasX ? formatValue(node.x, node.t, tm, mode) : null;
    if (mode === "inserted") return node.hasY ? formatValue(node.y, node.t, tm, mode) : null;
    const list: TRec[] = [];
    if (node.hasX) list.push({ diff: "-", key: "", value: formatValue(node.x, node.t, "elide", "removed") });
    if (node.hasY) list.push({ diff: "+", key: "", value: formatValue(node.y, node.t, "elide", "inserted") });
    return { prefix: "(", list, suffix: ")" };
  }
  if (node.elem) {
    const inner = formatDiff(node.elem, tm, mode);
    if (inner === null) return null;
    return typeof inner === "string" ? "&" + inner : { ...inner, prefix: "&" + inner.prefix };
  }
  const t = node.t as Extract<GoType, { name: string }>;
  return withType(t.name, formatDiffList(node, mode), tm, mode);
}

function formatDiffList(node: VNode, mode: Mode): TWrap {
  const kind = node.t.k;
  const childTm: TypeMode = kind === "struct" ? "auto" : "elide";
  const name = kind === "struct" ? "field" : kind === "map" ? "entry" : "element";
  const recs = node.recs!;
  const list: TRec[] = [];
  if (mode !== "unknown") {
    for (const r of recs) {
      if (kind === "struct") {
        const zeroX = isZero(r.node.x, r.node.t);
        const zeroY = isZero(r.node.y, r.node.t);
        if (mode === "identical" ? zeroX || zeroY : mode === "removed" ? zeroX : zeroY) continue;
      }
      const out = formatDiff(r.node, childTm, mode);
      if (out !== null) list.push({ diff: "", key: r.key, value: out });
    }
    return wrap(list);
  }
  // group runs of equal and unequal records
  const groups: { equal: boolean; recs: typeof recs }[] = [];
  for (const r of recs) {
    const equal = r.node.numDiff === 0;
    const last = groups[groups.length - 1];
    if (last && last.equal === equal) last.recs.push(r);
    else groups.push({ equal, recs: [r] });
  }
  groups.forEach((g, gi) => {
    if (g.equal) {
      const numEqual = g.recs.length;
      let lo = 0;
      let hi = 0;
      while (lo < 2 && lo + hi < numEqual && gi !== 0) lo++;
      while (hi < 2 && lo + hi < numEqual && gi !== groups.length - 1) hi++;
      if (numEqual - (lo + hi) === 1) hi++;
      for (const r of g.recs.slice(0, lo)) list.push({ diff: "", key: r.key, value: formatDiff(r.node, childTm, "identical") ?? "nil" });
      if (numEqual > lo + hi) list.push({ diff: "", key: "", value: "...", elideComma: true, comment: diffStats(name, numEqual - lo - hi) });
      for (const r of g.recs.slice(numEqual - hi)) list.push({ diff: "", key: r.key, value: formatDiff(r.node, childTm, "identical") ?? "nil" });
      return;
    }
    for (const r of g.recs) {
      if (r.node.numChildren === r.node.maxDepth) {
        const outx = formatDiff(r.node, childTm, "removed");
        const outy = formatDiff(r.node, childTm, "inserted");
        if (outx !== null) list.push({ diff: "-", key: r.key, value: outx });
        if (outy !== null) list.push({ diff: "+", key: r.key, value: outy });
      } else {
        list.push({ diff: "", key: r.key, value: formatDiff(r.node, childTm, "unknown") ?? "nil" });
      }
    }
  });
  return wrap(list);
}

/** The internal PodSpec puts hostNetwork & co. inside securityContext. */
function toInternal(spec: unknown): Obj {
  const s = { ...((spec ?? {}) as Obj) };
  const sc: Obj = { ...((s["securityContext"] as Obj | undefined) ?? {}) };
  for (const f of POD_SECURITY_CONTEXT_HOST_FIELDS) {
    if (s[f] !== undefined) sc[f] = s[f];
    delete s[f];
  }
  s["securityContext"] = sc;
  delete s["serviceAccount"];
  return s;
}

/** cmp.Diff(old, new) for two v1 PodSpecs, ending with a newline; "" when equal. */
export function podSpecDiff(oldSpec: unknown, newSpec: unknown): string {
  const root = build(toInternal(oldSpec), toInternal(newSpec), POD_SPEC);
  if (root.numDiff === 0) return "";
  const text = compact(formatDiff(root, "auto", "unknown")!, "");
  return indent(0, "") + expand(text, "", 0) + "\n";
}
