// Number literals of Go templates (parse.newNumber): Go's integer syntax
// (0x, 0o, 0b, leading-0 octal, underscores), floats (also hex floats) and
// character constants, with the texts of Go's errors.

import { quote, unquoteChar } from "../strconv.ts";
import { T } from "./lex.ts";
import type { NumberNode } from "./nodes.ts";

function lower(c: string | undefined): string {
  return (c ?? "").toLowerCase();
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "box".includes(lower(s[1])) && s[1] !== undefined) {
    i = 2;
    saw = "0";
    hex = lower(s[1]) === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hex && lower(c) >= "a" && lower(c) <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** strconv.ParseInt/ParseUint(s, 0, 64). */
function parseInteger(s0: string, signed: boolean): bigint | null {
  let s = s0;
  let neg = false;
  if (signed && (s[0] === "+" || s[0] === "-")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s.length === 0) return null;
  let base = 10;
  if (s[0] === "0") {
    if (s.length >= 3 && lower(s[1]) === "b") [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && lower(s[1]) === "o") [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && lower(s[1]) === "x") [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === "_") {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return null;
    n = n * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return null;
  if (neg) n = -n;
  if (signed ? n > 9223372036854775807n || n < -9223372036854775808n : n > 18446744073709551615n) return null;
  return n;
}

/** strconv.ParseFloat(s, 64) for decimal and hex float literals. */
function parseFloat64(s: string): number | null {
  if (s.includes("_")) {
    if (!underscoreOK(s)) return null;
    s = s.replaceAll("_", "");
  }
  const hexm = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (hexm) {
    const [, sign, int = "", frac = "", exp] = hexm;
    if (int === "" && frac === "") return null;
    const mant = parseInt(int + frac || "0", 16);
    const f = mant * 2 ** (Number(exp) - 4 * frac.length);
    return Number.isFinite(f) ? (sign === "-" ? -f : f) : null;
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return null;
  const f = Number(s);
  return Number.isFinite(f) ? f : null;
}

type NumberFields = Omit<NumberNode, "pos">;

/** parse.newNumber: the value(s) a literal has, or the error text. */
export function parseNumber(text: string, typ: T): NumberFields | string {
  const n: NumberFields = { type: "number", text, isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0, float64: 0 };
  if (typ === T.CharConstant) {
    const chars = Array.from(text);
    let r: number;
    let next: number;
    try {
      ({ value: r, next } = unquoteChar(chars, 1, chars[0]!));
    } catch {
      return "invalid syntax";
    }
    if (chars.slice(next).join("") !== "'") return `malformed character constant: ${text}`;
    return { ...n, isInt: true, isUint: true, isFloat: true, int64: r, float64: r };
  }
  if (typ === T.Complex || text.endsWith("i")) {
    return { ...n, isComplex: true };
  }
  const u = parseInteger(text, false);
  const i = parseInteger(text, true);
  if (u !== null) n.isUint = true;
  if (i !== null) {
    n.isInt = true;
    n.int64 = Number(i);
    if (i === 0n) n.isUint = true; // in case of -0
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = n.int64;
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(u);
  } else {
    const f = parseFloat64(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${quote(text)}`;
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int64 = f;
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${quote(text)}`;
  return n;
}

