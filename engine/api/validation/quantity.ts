// resource.Quantity (apimachinery api/resource, v0.32): parsing, comparison and
// the canonical string the API server writes back. Kept exact with BigInt so
// `cpu: 0.5` comes back as `500m` and `memory: 1.5Gi` as `1536Mi`, as on a
// real cluster.

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  /** value = mantissa × 10^scale */
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
  /**
   * The original text, which Go keeps (and writes back verbatim) when it
   * judged it already canonical during parsing; canonical output otherwise.
   */
  cached?: string;
  /** False when Go had to fall back to its inf.Dec representation (only matters for %#v rendering). */
  int64Path: boolean;
}

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = "unable to parse numeric part of quantity";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityParseError extends Error {}

const MAX_INT64 = (1n << 63n) - 1n;
const SUFFIX_CHARS = "eEinumkKMGTP";
const DIGITS = "0123456789";

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

// Port of parseQuantityString: a permissive scanner; the suffix is checked later.
function scan(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === "-" || str[0] === "+")) {
    positive = str[0] !== "-";
    pos++;
  }
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { positive, num: "0", denom: "", suffix: "" };
  let i = pos;
  while (i < end && DIGITS.includes(str[i]!)) i++;
  let num = str.slice(pos, i);
  pos = i;
  if (i >= end) return { positive, num: num === "" ? "0" : num, denom: "", suffix: "" };
  if (num === "") num = "0";
  let denom = "";
  if (str[pos] === ".") {
    pos++;
    i = pos;
    while (i < end && DIGITS.includes(str[i]!)) i++;
    denom = str.slice(pos, i);
    pos = i;
    if (i >= end) return { positive, num, denom, suffix: "" };
  }
  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_CHARS.includes(str[i]!)) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === "-" || str[pos] === "+") pos++;
  for (i = pos; i < end; i++) {
    if (!DIGITS.includes(str[i]!)) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  }
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, format: "DecimalSI" };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix]!, format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[-+]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number.parseInt(suffix.slice(1), 10), format: "DecimalExponent" };
  }
  throw new QuantityParseError(QUANTITY_SUFFIX_ERROR);
}

/** ParseQuantity; throws QuantityParseError with Go's message. JSON numbers are accepted too. */
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === "number" ? String(input) : input.trim();
  if (str.length === 0) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  if (str === "0") return { mantissa: 0n, scale: 0, format: "DecimalSI", cached: "0", int64Path: true };

  const { positive, num, denom, suffix } = scan(str);
  const { base, exponent, format } = interpret(suffix);

  // Go's int64 fast path, which also decides whether the input text is kept.
  let precision: number;
  let scale = 0;
  let multiplier = 1n;
  if (format === "BinarySI") {
    if (exponent >= 0 && denom.length === 0) {
      multiplier = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const result = BigInt(shifted) * multiplier;
      if (result <= MAX_INT64) {
        const mantissa = positive ? result : -result;
        const canonical =
          format === "BinarySI"
            ? exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
        return canonical
          ? { mantissa, scale, format, cached: str, int64Path: true }
          : { mantissa, scale, format, int64Path: true };
      }
    }
  }

  // inf.Dec path: exact value, rounded up (away from zero) to nano units.
  let mantissa = BigInt(num + denom);
  scale = -denom.length;
  if (base === 10) scale += exponent;
  else mantissa *= 1n << BigInt(exponent);
  if (mantissa !== 0n && scale < -9) {
    mantissa = divRoundAway(mantissa, 10n ** BigInt(-9 - scale));
    scale = -9;
  }
  let fmt = format;
  if (fmt === "BinarySI" && compareMagnitude(mantissa, scale, MAX_INT64, 0) > 0) {
    mantissa = MAX_INT64;
    scale = 0;
  }
  if (fmt === "BinarySI" && mantissa > 0n && compareMagnitude(mantissa, scale, 1n, 0) < 0) fmt = "DecimalSI";
  return { mantissa: positive ? mantissa : -mantissa, scale, format: fmt, int64Path: false };
}

/** parseQuantity that returns null instead of throwing. */
export function tryParseQuantity(input: string | number): Quantity | null {
  try {
    return parseQuantity(input);
  } catch (e) {
    if (e instanceof QuantityParseError) return null;
    throw e;
  }
}

// |a| / b rounded away from zero, keeping the sign of a.
function divRoundAway(a: bigint, b: bigint): bigint {
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (abs + b - 1n) / b;
  return neg ? -q : q;
}

function compareMagnitude(am: bigint, as: number, bm: bigint, bs: number): number {
  const s = Math.min(as, bs);
  const x = am * 10n ** BigInt(as - s);
  const y = bm * 10n ** BigInt(bs - s);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return compareMagnitude(a.mantissa, a.scale, b.mantissa, b.scale);
}

export function quantitySign(q: Quantity): number {
  return q.mantissa === 0n ? 0 : q.mantissa < 0n ? -1 : 1;
}

/** MilliValue: the value in thousandths, rounded up. */
export function milliValue(q: Quantity): bigint {
  const s = q.scale + 3;
  if (s >= 0) return q.mantissa * 10n ** BigInt(s);
  const d = 10n ** BigInt(-s);
  const floor = q.mantissa >= 0n ? q.mantissa / d : -((-q.mantissa + d - 1n) / d);
  return floor * d === q.mantissa ? floor : floor + 1n;
}

/** RoundUp(scale): drop precision finer than 10^scale, rounding away from zero (defaults use -3, milli). */
export function roundUpQuantity(q: Quantity, scale: number): Quantity {
  if (q.scale >= scale) return q;
  return { mantissa: divRoundAway(q.mantissa, 10n ** BigInt(scale - q.scale)), scale, format: q.format, int64Path: q.int64Path };
}

const DECIMAL_SUFFIX_OF: Record<number, string> = { [-9]: "n", [-6]: "u", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E" };
const BINARY_SUFFIX_OF: Record<number, string> = { 10: "Ki", 20: "Mi", 30: "Gi", 40: "Ti", 50: "Pi", 60: "Ei" };

/** Quantity.String(): the cached text if Go kept it, else the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.cached !== undefined) return q.cached;
  if (q.mantissa === 0n) return "0";
  const neg = q.mantissa < 0n;
  let abs = neg ? -q.mantissa : q.mantissa;
  let format = q.format;
  if (format === "BinarySI") {
    if (compareMagnitude(abs, q.scale, 1024n, 0) < 0) {
      format = "DecimalSI";
    } else if (q.scale < 0) {
      const d = 10n ** BigInt(-q.scale);
      if (abs % d !== 0n) format = "DecimalSI";
    }
  }
  const sign = neg ? "-" : "";
  if (format === "BinarySI") {
    let value = q.scale >= 0 ? abs * 10n ** BigInt(q.scale) : abs / 10n ** BigInt(-q.scale);
    let exp = 0;
    while (value % 1024n === 0n) {
      value /= 1024n;
      exp++;
    }
    return sign + value.toString() + (BINARY_SUFFIX_OF[exp * 10] ?? "");
  }
  let exponent = q.scale;
  while (abs % 10n === 0n) {
    abs /= 10n;
    exponent++;
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    abs *= 10n;
    exponent--;
  }
  let suffix: string;
  if (format === "DecimalSI") suffix = DECIMAL_SUFFIX_OF[exponent] ?? "";
  else suffix = exponent === 0 ? "" : `e${exponent}`;
  return sign + abs.toString() + suffix;
}

/** Canonical text after the API server's defaulting (SetDefaults_ResourceList rounds up to milli units). */
export function canonicalResourceQuantity(input: string | number): string {
  return formatQuantity(roundUpQuantity(parseQuantity(input), -3));
}

/** How %#v prints a resource.Quantity value (used by one rare extended-resource error). */
export function goQuantity(q: Quantity): string {
  const i = q.int64Path ? `resource.int64Amount{value:${q.mantissa}, scale:${q.scale}}` : "resource.int64Amount{value:0, scale:0}";
  const d = q.int64Path ? "resource.infDecAmount{Dec:(*inf.Dec)(nil)}" : "resource.infDecAmount{Dec:(*inf.Dec)(0xc000a4e3f0)}";
  return `resource.Quantity{i:${i}, d:${d}, s:"${q.cached ?? ""}", Format:"${q.format}"}`;
}
