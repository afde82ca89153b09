// Brace expansion, the first of bash's expansions: `file{,.bak}`,
// `pod-{a,b}`, `{1..5}`, `{01..10..3}`, `{a..e}`. It works on the unquoted
// characters of a word; quoted text and $-expansions are opaque units.
import type { WordPart } from "./ast.ts";

type Unit = { ch: string } | { part: WordPart };

/** At most this many words from one brace expression, like a memory limit. */
export const MAX_BRACE_WORDS = 10_000;

export class BraceLimitError extends Error {}

export function hasBraces(parts: WordPart[]): boolean {
  return parts.some((p) => p.type === "lit" && !p.quoted && p.text.includes("{"));
}

export function expandBraces(parts: WordPart[]): WordPart[][] {
  const units: Unit[] = [];
  for (const p of parts) {
    if (p.type === "lit" && !p.quoted) for (const ch of p.text) units.push({ ch });
    else units.push({ part: p });
  }
  return expand(units).map(toParts);
}

function toParts(units: Unit[]): WordPart[] {
  const out: WordPart[] = [];
  for (const u of units) {
    if ("part" in u) out.push(u.part);
    else {
      const last = out.at(-1);
      if (last?.type === "lit" && !last.quoted) last.text += u.ch;
      else out.push({ type: "lit", text: u.ch, quoted: false });
    }
  }
  return out;
}

const isCh = (u: Unit | undefined, c: string): boolean => u !== undefined && "ch" in u && u.ch === c;

function expand(units: Unit[]): Unit[][] {
  for (let i = 0; i < units.length; i++) {
    if (!isCh(units[i], "{")) continue;
    const found = braceBody(units, i);
    if (!found) continue;
    const { end, alternatives } = found;
    const prefix = units.slice(0, i);
    const suffixes = expand(units.slice(end + 1));
    const out: Unit[][] = [];
    for (const alt of alternatives) {
      for (const middle of expand(alt)) {
        for (const suffix of suffixes) {
          out.push([...prefix, ...middle, ...suffix]);
          if (out.length > MAX_BRACE_WORDS) throw new BraceLimitError();
        }
      }
    }
    return out;
  }
  return [units];
}

/** The matching "}" of the "{" at `open` and the comma-separated alternatives, or a sequence. */
function braceBody(units: Unit[], open: number): { end: number; alternatives: Unit[][] } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let j = open + 1; j < units.length; j++) {
    if (isCh(units[j], "{")) depth++;
    else if (isCh(units[j], "}")) {
      if (depth === 0) {
        const inner = units.slice(open + 1, j);
        if (commas.length > 0) {
          const alternatives: Unit[][] = [];
          let start = open + 1;
          for (const c of [...commas, j]) {
            alternatives.push(units.slice(start, c));
            start = c + 1;
          }
          return { end: j, alternatives };
        }
        const seq = sequence(inner);
        return seq ? { end: j, alternatives: seq.map((s) => Array.from(s, (ch) => ({ ch }))) } : undefined;
      }
      depth--;
    } else if (isCh(units[j], ",") && depth === 0) commas.push(j);
  }
  return undefined;
}

function sequence(inner: Unit[]): string[] | undefined {
  if (inner.some((u) => "part" in u)) return undefined;
  const text = inner.map((u) => (u as { ch: string }).ch).join("");
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    let step = Math.abs(Number(num[3] ?? 1)) || 1;
    if (Math.abs(b - a) / step > MAX_BRACE_WORDS) throw new BraceLimitError();
    const width = /^-?0\d/.test(num[1]) || /^-?0\d/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    if (a > b) step = -step;
    const out: string[] = [];
    for (let v = a; step > 0 ? v <= b : v >= b; v += step) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), "0");
      out.push(v < 0 ? "-" + s : s);
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (chr) {
    const a = chr[1].charCodeAt(0);
    const b = chr[2].charCodeAt(0);
    let step = Math.abs(Number(chr[3] ?? 1)) || 1;
    if (a > b) step = -step;
    const out: string[] = [];
    for (let v = a; step > 0 ? v <= b : v >= b; v += step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}
