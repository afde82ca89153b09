// Go value rendering for field-error messages. In 1.32, apimachinery's
// field.Error.ErrorBody prints a bad value with %v for numbers and bools, %q
// for Go strings and %#v for everything else (maps, structs, named string
// types, intstr.IntOrString, LabelSelector ...). Learners copy these texts into
// search engines, so they must read exactly like a real API server's.
import type { IntOrString, LabelSelector, Toleration } from "../types.ts";

/** A value already rendered in Go syntax; field-error constructors print it verbatim. */
export interface GoValue {
  readonly go: string;
}

export function goRaw(text: string): GoValue {
  return { go: text };
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** strconv.Quote: double-quoted with Go escapes (\n, \t, \x01, \u00a0 ...). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === " " || (cp >= 0x21 && cp < 0x7f)) out += ch;
    else if (cp >= 0x80 && PRINTABLE.test(ch)) out += ch;
    else out += goEscape(cp);
  }
  return out + '"';
}

function goEscape(cp: number): string {
  switch (cp) {
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x0c: return "\\f";
    case 0x0a: return "\\n";
    case 0x0d: return "\\r";
    case 0x09: return "\\t";
    case 0x0b: return "\\v";
  }
  if (cp < 0x80) return "\\x" + cp.toString(16).padStart(2, "0");
  if (cp < 0x10000) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

/** A Go `string` (or named string type, which %#v also prints quoted). */
export function goString(s: string): GoValue {
  return goRaw(goQuote(s));
}

/** `map[string]string{"a":"b", "c":"d"}` — fmt sorts map keys; nil prints `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): GoValue {
  return goRaw(renderStringMap(m));
}

function renderStringMap(m: Record<string, string> | undefined | null): string {
  if (m == null) return "map[string]string(nil)";
  const keys = Object.keys(m).sort(goCompare);
  return "map[string]string{" + keys.map((k) => `${goQuote(k)}:${goQuote(m[k] ?? "")}`).join(", ") + "}";
}

/** `[]string{"a", "b"}`; nil prints `[]string(nil)`. */
export function goStringSlice(list: readonly string[] | undefined | null): GoValue {
  return goRaw(renderStringSlice(list));
}

function renderStringSlice(list: readonly string[] | undefined | null): string {
  if (list == null) return "[]string(nil)";
  return "[]string{" + list.map(goQuote).join(", ") + "}";
}

/** intstr.IntOrString has only a pointer-receiver String(), so it prints as a struct. */
export function goIntOrString(v: IntOrString): GoValue {
  if (typeof v === "number") return goRaw(`intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`);
  return goRaw(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
}

/** metav1.LabelSelector in %#v form (the type lives in package `v1`). */
export function goLabelSelector(sel: LabelSelector | undefined | null): GoValue {
  if (sel == null) return goRaw("null");
  const exprs = sel.matchExpressions;
  const renderedExprs =
    exprs == null
      ? "[]v1.LabelSelectorRequirement(nil)"
      : "[]v1.LabelSelectorRequirement{" +
        exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? "")}, Operator:${goQuote(e.operator ?? "")}, Values:${renderStringSlice(e.values)}}`,
          )
          .join(", ") +
        "}";
  return goRaw(`v1.LabelSelector{MatchLabels:${renderStringMap(sel.matchLabels)}, MatchExpressions:${renderedExprs}}`);
}

// A nested non-nil pointer prints as its address under %#v; real servers show
// a heap address that changes every run. We print one fixed, plausible address.
const FAKE_POINTER = "0xc000a4e3f0";

/** `(*T)(nil)` or `(*T)(0xc...)` — how %#v shows a pointer field inside a struct. */
export function goPointerField(goType: string, isNil: boolean): string {
  return `(*${goType})(${isNil ? "nil" : FAKE_POINTER})`;
}

/** core.Toleration, printed by the toleration validator for `Exists` with a value. */
export function goToleration(t: Toleration): GoValue {
  const seconds = t.tolerationSeconds == null ? goPointerField("int64", true) : goPointerField("int64", false);
  return goRaw(
    `core.Toleration{Key:${goQuote(t.key ?? "")}, Operator:${goQuote(t.operator ?? "")}, Value:${goQuote(t.value ?? "")}, Effect:${goQuote(t.effect ?? "")}, TolerationSeconds:${seconds}}`,
  );
}

/** Go's sort order for strings: byte-wise (UTF-8) comparison, which for UTF-16 JS strings is code-point order. */
export function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ai = [...a];
  const bi = [...b];
  const n = Math.min(ai.length, bi.length);
  for (let i = 0; i < n; i++) {
    const x = ai[i]!.codePointAt(0)!;
    const y = bi[i]!.codePointAt(0)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ai.length < bi.length ? -1 : 1;
}

/** Keys of a JSON map in Go's sorted order (Go ranges maps randomly; we pick the sorted order to stay deterministic). */
export function sortedKeys(m: Record<string, unknown> | undefined | null): string[] {
  return m == null ? [] : Object.keys(m).sort(goCompare);
}
