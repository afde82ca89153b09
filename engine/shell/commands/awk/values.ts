// awk's values: numbers, strings, and "strnums" (input that looks numeric
// compares as a number), with POSIX's conversion and comparison rules.
import { formatFloat, formatInteger, parseFormat } from "../format.ts";

export class StrNum {
  private n: number | undefined;
  private numeric: boolean | undefined;
  constructor(
    readonly s: string,
    readonly uninit = false,
  ) {}

  /** Does the text look like a number (so comparisons are numeric)? */
  get looksNumeric(): boolean {
    this.numeric ??= /^[ \t\n\r\f\v]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[ \t\n\r\f\v]*$/.test(this.s);
    return this.numeric;
  }

  get num(): number {
    this.n ??= strtod(this.s);
    return this.n;
  }
}

export type Value = number | string | StrNum;

export const UNINIT = new StrNum("", true);

/** The numeric prefix of a string, as strtod reads it; 0 when there is none. */
export function strtod(s: string): number {
  const m = /^[ \t\n\r\f\v]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(s);
  return m ? Number(m[1]) : 0;
}

export function toNum(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return strtod(v);
  return v.num;
}

/** Number to string: integers as integers, others through CONVFMT/OFMT (default %.6g). */
export function numToStr(n: number, fmt: string): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Number.POSITIVE_INFINITY) return "inf";
  if (n === Number.NEGATIVE_INFINITY) return "-inf";
  if (Number.isInteger(n)) return Math.abs(n) < 1e16 ? String(n) : BigInt(n).toString();
  return formatWith(fmt, n);
}

function formatWith(fmt: string, n: number): string {
  const { pieces } = parseFormat(fmt, "diouxXeEfFgGcs");
  let out = "";
  for (const p of pieces) {
    if (typeof p === "string") out += p;
    else if ("diouxXc".includes(p.conv)) out += formatInteger(p, BigInt(Math.trunc(n)));
    else out += formatFloat(p, n);
  }
  return out;
}

export function toStr(v: Value, convfmt: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numToStr(v, convfmt);
  return v.s;
}

export function truthy(v: Value): boolean {
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v !== "";
  if (v.uninit) return false;
  return v.looksNumeric ? v.num !== 0 : v.s !== "";
}

const numericLike = (v: Value) => typeof v === "number" || (v instanceof StrNum && (v.uninit || v.looksNumeric));

/** POSIX comparison: numeric when both sides are numeric (numbers, numeric input, unset), else as strings. */
export function compare(a: Value, b: Value, convfmt: string): number {
  if (numericLike(a) && numericLike(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  }
  const x = toStr(a, convfmt);
  const y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}
