// Go's encoding/json Marshal and MarshalIndent over GoValue, as kubectl uses
// them to print maps and lists from JSONPath: keys sorted, `<`, `>`, `&`,
// U+2028 and U+2029 escaped, \b and \f short escapes (Go 1.22+), floats in
// Go's format (`1e-7` style exponents below 1e-6 or from 1e21).

import { type GoValue, GoNumber, isGoMap, sortedKeys } from "./value.ts";

const HEX = "0123456789abcdef";

/** A JSON string literal as Go's encoder writes it (HTML-safe). */
export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
    }
    if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
      out += "\\u" + HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += "\\ufffd"; // a lone surrogate is invalid UTF-8: Go writes U+FFFD
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** Go's float64 JSON form: 'f' format unless the exponent is < -6 or >= 21. */
export function jsonFloat(x: number): string {
  // JS picks exponent notation at the same thresholds and the same shortest digits.
  return String(x);
}

function encode(v: GoValue | undefined, indent: string | null, depth: number): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return jsonFloat(v);
  if (v instanceof GoNumber) return jsonFloat(v.value);
  const nl = indent === null ? "" : "\n" + indent.repeat(depth + 1);
  const close = indent === null ? "" : "\n" + indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return "[" + v.map((e) => nl + encode(e, indent, depth + 1)).join(",") + close + "]";
  }
  if (isGoMap(v)) {
    const keys = sortedKeys(v);
    if (keys.length === 0) return "{}";
    const sep = indent === null ? ":" : ": ";
    return "{" + keys.map((k) => nl + jsonString(k) + sep + encode(v[k], indent, depth + 1)).join(",") + close + "}";
  }
  return "null";
}

/** json.Marshal. */
export function marshal(v: GoValue): string {
  return encode(v, null, 0);
}

/** json.MarshalIndent(v, "", indent). */
export function marshalIndent(v: GoValue, indent: string): string {
  return encode(v, indent, 0);
}
