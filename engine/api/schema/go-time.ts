// time.Parse (Go 1.23) for the two layouts the API uses, as far as deciding
// whether a string parses and, if not, the *time.ParseError text:
//   metav1.Time      → time.Parse(time.RFC3339, s)       "2006-01-02T15:04:05Z07:00"
//   metav1.MicroTime → time.Parse(RFC3339Micro, s)       "2006-01-02T15:04:05.000000Z07:00"
// time.Parse first tries a strict RFC 3339 fast path and falls back to the
// general layout parser, which accepts a superset and produces the errors;
// this is a port of that general parser for these layouts only.

import { goTimeQuote, utf8Bytes } from "./go-text.ts";

export const RFC3339 = "2006-01-02T15:04:05Z07:00";
export const RFC3339_MICRO = "2006-01-02T15:04:05.000000Z07:00";

type Std = "year" | "month" | "day" | "hour" | "minute" | "second" | "frac6" | "tz";

/** The layout cut as time.nextStdChunk cuts it: literal prefix, then a std element. */
const CHUNKS: Readonly<Record<string, readonly (readonly [prefix: string, std: Std, text: string])[]>> = {
  [RFC3339]: [
    ["", "year", "2006"],
    ["-", "month", "01"],
    ["-", "day", "02"],
    ["T", "hour", "15"],
    [":", "minute", "04"],
    [":", "second", "05"],
    ["", "tz", "Z07:00"],
  ],
  [RFC3339_MICRO]: [
    ["", "year", "2006"],
    ["-", "month", "01"],
    ["-", "day", "02"],
    ["T", "hour", "15"],
    [":", "minute", "04"],
    [":", "second", "05"],
    ["", "frac6", ".000000"],
    ["", "tz", "Z07:00"],
  ],
};

const isDigitAt = (s: readonly number[], i: number): boolean => i < s.length && s[i]! >= 0x30 && s[i]! <= 0x39;

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: number[], fixed: boolean): [number, number[]] | null {
  if (!isDigitAt(s, 0)) return null;
  if (!isDigitAt(s, 1)) {
    if (fixed) return null;
    return [s[0]! - 0x30, s.slice(1)];
  }
  return [(s[0]! - 0x30) * 10 + (s[1]! - 0x30), s.slice(2)];
}

/** time's atoi: optional sign, then only digits (no overflow in our short inputs). */
function atoi(s: readonly number[]): number | null {
  let i = 0;
  let neg = false;
  if (s.length > 0 && (s[0] === 0x2d || s[0] === 0x2b)) {
    neg = s[0] === 0x2d;
    i = 1;
  }
  let x = 0;
  for (; i < s.length; i++) {
    if (!isDigitAt(s, i)) return null;
    x = x * 10 + (s[i]! - 0x30);
  }
  return neg ? -x : x;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * The error text of time.Parse(layout, value), or null when it parses.
 * `layout` is RFC3339 or RFC3339_MICRO.
 */
// The usual shape of both layouts; such a string parses when its fields are in range.
const PLAIN: Readonly<Record<string, RegExp>> = {
  [RFC3339]: /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:[.,]\d+)?(?:Z|[+-](\d\d):(\d\d))$/,
  [RFC3339_MICRO]: /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)[.,]\d{6}(?:Z|[+-](\d\d):(\d\d))$/,
};

/** Answers for the last few hundred texts per layout: events and statuses repeat the same timestamps. */
const answers = new Map<string, Map<string, string | null>>();

export function goTimeParseError(layout: string, value: string): string | null {
  let known = answers.get(layout);
  if (!known) answers.set(layout, (known = new Map()));
  let answer = known.get(value);
  if (answer === undefined) {
    answer = computeParseError(layout, value);
    if (known.size >= 512) known.clear();
    known.set(value, answer);
  }
  return answer;
}

function computeParseError(layout: string, value: string): string | null {
  const plain = PLAIN[layout]?.exec(value);
  if (plain) {
    const [year, month, day, hour, min, sec, zh, zm] = plain.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
    if (month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysIn(month!, year!) && hour! < 24 && min! < 60 && sec! < 60 && zh! <= 24 && zm! <= 60) return null;
  }
  const chunks = CHUNKS[layout];
  if (!chunks) throw new Error(`goTimeParseError: unsupported layout ${layout}`);
  const all = utf8Bytes(value);
  const parseError = (layoutElem: string, valueElem: number[], message = ""): string =>
    message
      ? `parsing time ${goTimeQuote(all)}${message}`
      : `parsing time ${goTimeQuote(all)} as ${goTimeQuote(utf8Bytes(layout))}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(utf8Bytes(layoutElem))}`;

  let v = all;
  let year = 0;
  let month = -1;
  let day = -1;
  for (let c = 0; c < chunks.length; c++) {
    const [prefix, std, stdText] = chunks[c]!;
    for (let i = 0; i < prefix.length; i++) {
      if (v.length === 0 || v[0] !== prefix.charCodeAt(i)) return parseError(prefix, v);
      v = v.slice(1);
    }
    const hold = v;
    let bad = false;
    let rangeErr = "";
    switch (std) {
      case "year": {
        if (v.length < 4 || !isDigitAt(v, 0)) {
          bad = true;
          break;
        }
        const y = atoi(v.slice(0, 4));
        v = v.slice(4);
        if (y === null) bad = true;
        else year = y;
        break;
      }
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second": {
        const r = getnum(v, std !== "hour");
        if (!r) {
          bad = true;
          break;
        }
        const [n, rest] = r;
        v = rest;
        if (std === "month") {
          month = n;
          if (n <= 0 || n > 12) rangeErr = "month";
        } else if (std === "day") {
          day = n;
        } else if (std === "hour") {
          if (n >= 24) rangeErr = "hour";
        } else if (std === "minute") {
          if (n >= 60) rangeErr = "minute";
        } else {
          if (n >= 60) {
            rangeErr = "second";
            break;
          }
          // A fractional second the layout does not ask for is taken anyway.
          const next = chunks[c + 1]?.[1];
          if (next !== "frac6" && v.length >= 2 && (v[0] === 0x2e || v[0] === 0x2c) && isDigitAt(v, 1)) {
            let n2 = 2;
            while (n2 < v.length && isDigitAt(v, n2)) n2++;
            v = v.slice(n2);
          }
        }
        break;
      }
      case "frac6": {
        if (v.length < 7 || (v[0] !== 0x2e && v[0] !== 0x2c)) {
          bad = true;
          break;
        }
        const ns = atoi(v.slice(1, 7));
        if (ns === null) bad = true;
        else if (ns < 0) rangeErr = "fractional second";
        v = v.slice(7);
        break;
      }
      case "tz": {
        if (v.length >= 1 && v[0] === 0x5a) {
          v = v.slice(1);
          break;
        }
        if (v.length < 6 || v[3] !== 0x3a) {
          bad = true;
          break;
        }
        const sign = v[0];
        const hh = getnum(v.slice(1, 3), true);
        const mm = hh ? getnum(v.slice(4, 6), true) : null;
        v = v.slice(6);
        if (!hh || !mm) bad = true;
        const hr = hh ? hh[0] : 0;
        const min = mm ? mm[0] : 0;
        if (hr > 24) rangeErr = "time zone offset hour";
        if (min > 60) rangeErr = "time zone offset minute";
        if (sign !== 0x2b && sign !== 0x2d) bad = true;
        break;
      }
    }
    if (rangeErr) return parseError(stdText, v, `: ${rangeErr} out of range`);
    if (bad) return parseError(stdText, hold);
  }
  if (v.length !== 0) return parseError("", v, `: extra text: ${goTimeQuote(v)}`);
  if (day < 1 || day > daysIn(month, year)) return parseError("", v, ": day out of range");
  return null;
}
