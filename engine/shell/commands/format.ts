// C printf conversions (%d %i %o %u %x %X %e %E %f %F %g %G %c %s), shared by
// the printf builtin and awk. Floats follow glibc: exact decimal rounding,
// exponents of at least two digits, %g's trailing-zero removal.

export interface Conversion {
  flags: string;
  width?: number;
  precision?: number;
  conv: string;
  /** Width or precision given as "*": taken from the arguments. */
  starWidth: boolean;
  starPrecision: boolean;
}

export type FormatPiece = string | Conversion;

/** Split a format into text and conversions. Returns the bad character when a conversion is invalid. */
export function parseFormat(fmt: string, valid = "diouxXeEfFgGcsbq"): { pieces: FormatPiece[]; invalid?: string; invalidAt?: number } {
  const pieces: FormatPiece[] = [];
  let text = "";
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c !== "%") {
      text += c;
      i++;
      continue;
    }
    if (fmt[i + 1] === "%") {
      text += "%";
      i += 2;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLjzt]*)(.?)/s.exec(fmt.slice(i)) as RegExpExecArray;
    const conv = m[5];
    if (!conv || !valid.includes(conv)) {
      if (text) pieces.push(text);
      return { pieces, invalid: conv || "", invalidAt: i };
    }
    if (text) pieces.push(text);
    text = "";
    pieces.push({
      flags: m[1],
      width: m[2] && m[2] !== "*" ? Number(m[2]) : undefined,
      precision: m[3] === undefined ? undefined : m[3] === "*" ? undefined : Number(m[3] || "0"),
      conv,
      starWidth: m[2] === "*",
      starPrecision: m[3] === "*",
    });
    i += m[0].length;
  }
  if (text) pieces.push(text);
  return { pieces };
}

const MAX_WIDTH = 10_000;

function pad(spec: Conversion, body: string, numeric: boolean): string {
  const width = Math.min(spec.width ?? 0, MAX_WIDTH);
  if (body.length >= width) return body;
  if (spec.flags.includes("-")) return body + " ".repeat(width - body.length);
  if (numeric && spec.flags.includes("0")) {
    const sign = /^[-+ ]/.test(body) ? body[0] : "";
    const prefix = /^[-+ ]?0[xX]/.test(body) ? body.slice(sign.length, sign.length + 2) : "";
    const rest = body.slice(sign.length + prefix.length);
    return sign + prefix + "0".repeat(width - body.length) + rest;
  }
  return " ".repeat(width - body.length) + body;
}

export function formatInteger(spec: Conversion, value: bigint): string {
  const conv = spec.conv;
  let v = value;
  let sign = "";
  let digits: string;
  if (conv === "d" || conv === "i") {
    if (v < 0n) {
      sign = "-";
      v = -v;
    } else if (spec.flags.includes("+")) sign = "+";
    else if (spec.flags.includes(" ")) sign = " ";
    digits = v.toString(10);
  } else {
    if (v < 0n) v = BigInt.asUintN(64, v);
    digits = conv === "o" ? v.toString(8) : conv === "x" ? v.toString(16) : conv === "X" ? v.toString(16).toUpperCase() : v.toString(10);
  }
  if (spec.precision !== undefined) {
    if (spec.precision === 0 && value === 0n) digits = "";
    digits = digits.padStart(Math.min(spec.precision, MAX_WIDTH), "0");
  }
  if (spec.flags.includes("#")) {
    if (conv === "o" && !digits.startsWith("0")) digits = "0" + digits;
    if ((conv === "x" || conv === "X") && value !== 0n) digits = (conv === "x" ? "0x" : "0X") + digits;
  }
  const noZero = spec.precision !== undefined ? { ...spec, flags: spec.flags.replace(/0/g, "") } : spec;
  return pad(noZero, sign + digits, true);
}

/** The exact decimal value of a finite, non-negative double: digits × 10^-scale. */
function exactDecimal(v: number): { digits: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp = -1074;
  if (expBits !== 0) {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  if (exp >= 0) return { digits: mant << BigInt(exp), scale: 0 };
  // m / 2^k = m * 5^k / 10^k
  return { digits: mant * 5n ** BigInt(-exp), scale: -exp };
}

/** digits / 10^drop, rounded half to even as glibc rounds exact ties. */
function roundDrop(digits: bigint, drop: number): bigint {
  if (drop <= 0) return digits * 10n ** BigInt(-drop);
  const div = 10n ** BigInt(drop);
  const q = digits / div;
  const r2 = (digits % div) * 2n;
  if (r2 > div || (r2 === div && q % 2n === 1n)) return q + 1n;
  return q;
}

/** %f of a finite non-negative value. */
function fixed(v: number, precision: number): string {
  const p = Math.min(precision, MAX_WIDTH);
  const { digits, scale } = exactDecimal(v);
  const s = roundDrop(digits, scale - p).toString().padStart(p + 1, "0");
  return p > 0 ? `${s.slice(0, s.length - p)}.${s.slice(s.length - p)}` : s;
}

/** Mantissa digits (p+1 of them) and decimal exponent of a finite non-negative value. */
function scientific(v: number, p: number): { mantissa: string; exp: number } {
  if (v === 0) return { mantissa: "0".repeat(p + 1), exp: 0 };
  const { digits, scale } = exactDecimal(v);
  const len = digits.toString().length;
  let exp = len - 1 - scale;
  let m = roundDrop(digits, len - (p + 1)).toString();
  if (m.length > p + 1) {
    m = m.slice(0, p + 1);
    exp++;
  }
  return { mantissa: m, exp };
}

function exponential(v: number, precision: number, upper: boolean): string {
  const p = Math.min(precision, MAX_WIDTH);
  const { mantissa, exp } = scientific(v, p);
  const body = p > 0 ? `${mantissa[0]}.${mantissa.slice(1)}` : mantissa;
  const e = String(Math.abs(exp)).padStart(2, "0");
  return `${body}${upper ? "E" : "e"}${exp < 0 ? "-" : "+"}${e}`;
}

export function formatFloat(spec: Conversion, value: number): string {
  const conv = spec.conv;
  const upper = conv === "E" || conv === "G" || conv === "F";
  let sign = "";
  let v = value;
  if (v < 0 || Object.is(v, -0)) {
    sign = "-";
    v = -v;
  } else if (spec.flags.includes("+")) sign = "+";
  else if (spec.flags.includes(" ")) sign = " ";
  if (!Number.isFinite(v)) {
    const word = Number.isNaN(v) ? "nan" : "inf";
    return pad({ ...spec, flags: spec.flags.replace(/0/g, "") }, sign + (upper ? word.toUpperCase() : word), true);
  }
  const precision = spec.precision ?? 6;
  let body: string;
  if (conv === "f" || conv === "F") {
    body = fixed(v, precision);
    if (spec.flags.includes("#") && precision === 0) body += ".";
  } else if (conv === "e" || conv === "E") {
    body = exponential(v, precision, upper);
  } else {
    const p = precision === 0 ? 1 : Math.min(precision, MAX_WIDTH);
    const exp = scientific(v, p - 1).exp;
    if (exp < -4 || exp >= p) {
      body = exponential(v, p - 1, upper);
      if (!spec.flags.includes("#")) body = body.replace(/\.?0+([eE])/, "$1");
    } else {
      body = fixed(v, Math.max(0, p - 1 - exp));
      if (!spec.flags.includes("#") && body.includes(".")) body = body.replace(/\.?0+$/, "");
    }
  }
  return pad(spec, sign + body, true);
}

export function formatString(spec: Conversion, s: string): string {
  const body = spec.precision !== undefined ? Array.from(s).slice(0, spec.precision).join("") : s;
  const width = spec.width ?? 0;
  const len = Array.from(body).length;
  if (len >= width) return body;
  const fill = " ".repeat(Math.min(width, MAX_WIDTH) - len);
  return spec.flags.includes("-") ? body + fill : fill + body;
}

/** %g with precision 6, as awk's OFMT/CONVFMT "%.6g" turns numbers into strings. */
export function formatG(value: number, precision = 6): string {
  return formatFloat({ flags: "", precision, conv: "g", starWidth: false, starPrecision: false }, value);
}
