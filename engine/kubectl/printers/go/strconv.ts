// The parts of Go's strconv the printers need: quoting (Quote, QuoteToASCII,
// QuoteRune, CanBackquote), unquoting (Unquote, UnquoteChar) and float
// formatting (FormatFloat 'e' 'f' 'g'), with Go's exact output.

import { decodeRune, utf8Decode, utf8Encode } from "./value.ts";

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint / strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ' '. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  return PRINTABLE.test(String.fromCodePoint(r));
}

const HEX = "0123456789abcdef";

function hex(n: number, width: number): string {
  let s = "";
  for (let i = width - 1; i >= 0; i--) s += HEX[(n >> (4 * i)) & 15];
  return s;
}

/** appendEscapedRune: one rune of a quoted literal. */
function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return "\\" + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return "\\x" + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return "\\u" + hex(r, 4);
  return "\\U" + hex(r, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  const bytes = utf8Encode(s);
  let out = String.fromCharCode(quote);
  for (let i = 0; i < bytes.length; ) {
    const [r, w] = decodeRune(bytes, i);
    if (w === 1 && r === 0xfffd) {
      out += "\\x" + hex(bytes[i]!, 2); // a byte that is not UTF-8
      i++;
      continue;
    }
    out += escapeRune(r, quote, asciiOnly);
    i += w;
  }
  return out + String.fromCharCode(quote);
}

/** strconv.Quote. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** strconv.QuoteRune / QuoteRuneToASCII. */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfeff) return false;
    if (r >= 0xd800 && r <= 0xdfff) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

export class ErrSyntax extends Error {
  constructor() {
    super("invalid syntax");
  }
}

function unhex(c: string): number {
  const i = "0123456789abcdef".indexOf(c.toLowerCase());
  return i;
}

/**
 * strconv.UnquoteChar on the code points of `s` from index i: the decoded
 * value (a rune, or a byte when `isByte`) and the next index. Throws
 * ErrSyntax.
 */
export function unquoteChar(s: string[], i: number, quote: string): { value: number; isByte: boolean; next: number } {
  const c = s[i]!;
  if (c === quote && (quote === "'" || quote === '"')) throw new ErrSyntax();
  if (c !== "\\") return { value: c.codePointAt(0)!, isByte: false, next: i + 1 };
  if (i + 1 >= s.length) throw new ErrSyntax();
  const e = s[i + 1]!;
  let j = i + 2;
  switch (e) {
    case "a":
      return { value: 7, isByte: false, next: j };
    case "b":
      return { value: 8, isByte: false, next: j };
    case "f":
      return { value: 12, isByte: false, next: j };
    case "n":
      return { value: 10, isByte: false, next: j };
    case "r":
      return { value: 13, isByte: false, next: j };
    case "t":
      return { value: 9, isByte: false, next: j };
    case "v":
      return { value: 11, isByte: false, next: j };
    case "x":
    case "u":
    case "U": {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      if (s.length - j < n) throw new ErrSyntax();
      let v = 0;
      for (let k = 0; k < n; k++) {
        const d = unhex(s[j + k]!);
        if (d < 0 || s[j + k]!.length !== 1) throw new ErrSyntax();
        v = v * 16 + d;
      }
      j += n;
      if (e === "x") return { value: v, isByte: true, next: j };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new ErrSyntax();
      return { value: v, isByte: false, next: j };
    }
    case "0":
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
    case "6":
    case "7": {
      let v = Number(e);
      if (s.length - j < 2) throw new ErrSyntax();
      for (let k = 0; k < 2; k++) {
        const d = "01234567".indexOf(s[j + k]!);
        if (d < 0) throw new ErrSyntax();
        v = v * 8 + d;
      }
      j += 2;
      if (v > 255) throw new ErrSyntax();
      return { value: v, isByte: true, next: j };
    }
    case "\\":
      return { value: 0x5c, isByte: false, next: j };
    case "'":
    case '"':
      if (e !== quote) throw new ErrSyntax();
      return { value: e.charCodeAt(0), isByte: false, next: j };
  }
  throw new ErrSyntax();
}

/** Decode the escapes of a quoted body (without its quotes); bytes from \x and octal join into UTF-8. */
export function unquoteBody(body: string, quote: string): string {
  const s = Array.from(body);
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    const { value, isByte, next } = unquoteChar(s, i, quote);
    if (isByte) bytes.push(value);
    else bytes.push(...utf8Encode(String.fromCodePoint(value)));
    i = next;
  }
  return utf8Decode(bytes);
}

/** strconv.Unquote for "...", `...` and '...'. Throws ErrSyntax. */
export function unquote(s: string): string {
  const n = s.length;
  if (n < 2) throw new ErrSyntax();
  const q = s[0]!;
  if (q !== s[n - 1]) throw new ErrSyntax();
  const body = s.slice(1, n - 1);
  if (q === "`") {
    if (body.includes("`")) throw new ErrSyntax();
    return body.replaceAll("\r", "");
  }
  if (q !== '"' && q !== "'") throw new ErrSyntax();
  if (body.includes("\n")) throw new ErrSyntax();
  if (q === "'") {
    const chars = Array.from(body);
    if (chars.length === 0) throw new ErrSyntax();
    const { value, isByte, next } = unquoteChar(chars, 0, q);
    if (next !== chars.length) throw new ErrSyntax();
    return isByte ? utf8Decode([value]) : String.fromCodePoint(value);
  }
  return unquoteBody(body, q);
}

// --- Floats ---

/** A decimal digit string d (no trailing zeros) with the point after dp digits. */
interface Decimal {
  d: string;
  dp: number;
}

/** The exact decimal value of a finite positive double. */
function exactDecimal(x: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  exp -= 1075;
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  return trim({ d: digits, dp });
}

function trim(a: Decimal): Decimal {
  let n = a.d.length;
  while (n > 0 && a.d[n - 1] === "0") n--;
  return n === 0 ? { d: "", dp: 0 } : { d: a.d.slice(0, n), dp: a.dp };
}

/** decimal.Round: keep nd digits, rounding half to even. */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d[nd]!;
  const up = c === "5" && nd + 1 === a.d.length ? nd > 0 && Number(a.d[nd - 1]) % 2 === 1 : c >= "5";
  if (!up) return trim({ d: a.d.slice(0, nd), dp: a.dp });
  for (let i = nd - 1; i >= 0; i--) {
    if (a.d[i]! < "9") return { d: a.d.slice(0, i) + String(Number(a.d[i]) + 1), dp: a.dp };
  }
  return { d: "1", dp: a.dp + 1 };
}

/** Shortest digits that read back as x (x finite, positive). */
function shortestDecimal(x: number): Decimal {
  const [mant, e] = x.toExponential().split("e") as [string, string];
  return trim({ d: mant.replace(".", ""), dp: Number(e) + 1 });
}

function fmtE(d: Decimal, prec: number, e: string): string {
  let s = d.d.length > 0 ? d.d[0]! : "0";
  if (prec > 0) {
    s += ".";
    const m = Math.min(d.d.length, prec + 1);
    let i = 1;
    if (i < m) {
      s += d.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) s += "0";
  }
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? "-" : "+";
  exp = Math.abs(exp);
  return s + e + sign + (exp < 10 ? "0" + exp : String(exp));
}

function fmtF(d: Decimal, prec: number): string {
  let s: string;
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    s = d.d.slice(0, m) + "0".repeat(d.dp - m);
  } else {
    s = "0";
  }
  if (prec > 0) {
    s += ".";
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      s += j >= 0 && j < d.d.length ? d.d[j] : "0";
    }
  }
  return s;
}

/**
 * strconv.FormatFloat(x, fmt, prec, 64) for fmt in e E f g G (prec -1 is
 * the shortest representation). Other formats give "%" + fmt, as Go does.
 */
export function formatFloat(x: number, fmt: string, prec: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? "-" : "";
  const ax = Math.abs(x);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = ax === 0 ? { d: "", dp: 0 } : shortestDecimal(ax);
    switch (fmt) {
      case "e":
      case "E":
        prec = Math.max(d.d.length - 1, 0);
        break;
      case "f":
        prec = Math.max(d.d.length - d.dp, 0);
        break;
      case "g":
      case "G":
        prec = d.d.length;
        break;
    }
  } else {
    d = ax === 0 ? { d: "", dp: 0 } : exactDecimal(ax);
    switch (fmt) {
      case "e":
      case "E":
        d = round(d, prec + 1);
        break;
      case "f":
        d = round(d, d.dp + prec);
        break;
      case "g":
      case "G":
        if (prec === 0) prec = 1;
        d = round(d, prec);
        break;
    }
  }
  switch (fmt) {
    case "e":
    case "E":
      return sign + fmtE(d, prec, fmt);
    case "f":
      return sign + fmtF(d, prec);
    case "g":
    case "G": {
      let eprec = prec;
      if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > d.d.length) prec = d.d.length;
        return sign + fmtE(d, prec - 1, fmt === "g" ? "e" : "E");
      }
      if (prec > d.dp) prec = d.d.length;
      return sign + fmtF(d, Math.max(prec - d.dp, 0));
    }
  }
  return "%" + fmt;
}
