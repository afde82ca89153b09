// Go's view of JSON text: strings are UTF-8 bytes, numbers are the literal
// text kubectl sent, and values are written the way Go's encoding/json
// (json.Marshal, HTML escaping on) writes them.

/** The UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as Go's JSON decoder makes it. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/**
 * The JSON literal of a number as it reaches the API server. kubectl writes
 * float64s with Go's json.Marshal, which picks the same shortest digits and
 * the same switch to exponent form (1e+21, 1e-7) as JavaScript's String().
 */
export function goNumberText(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

const HEX = "0123456789abcdef";

/** json.Marshal of a string (with its quotes): \" \\ \n \r \t \b \f, other controls and <>& and U+2028/9 as \u00XX. */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        continue;
      case 0x5c:
        out += "\\\\";
        continue;
      case 0x0a:
        out += "\\n";
        continue;
      case 0x0d:
        out += "\\r";
        continue;
      case 0x09:
        out += "\\t";
        continue;
      case 0x08:
        out += "\\b";
        continue;
      case 0x0c:
        out += "\\f";
        continue;
      case 0x3c:
      case 0x3e:
      case 0x26:
      case 0x2028:
      case 0x2029:
        out += "\\u" + c.toString(16).padStart(4, "0");
        continue;
    }
    if (c < 0x20) {
      out += "\\u00" + HEX[c >> 4]! + HEX[c & 15]!;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else {
        out += "\\ufffd";
      }
    } else {
      out += s[i]!;
    }
  }
  return out + '"';
}

/**
 * Compact JSON of a value as a Go client writes it (object keys in their
 * order here), cut off once longer than `max` UTF-16 units: enough for the
 * API server's 30-byte body summaries without walking a huge value.
 */
export function goJsonPrefix(value: unknown, max: number): string {
  let out = "";
  const write = (v: unknown): void => {
    if (out.length > max) return;
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
      out += "null";
    } else if (typeof v === "string") {
      out += goJsonString(v);
    } else if (typeof v === "number") {
      out += goNumberText(v);
    } else if (typeof v === "boolean") {
      out += v ? "true" : "false";
    } else if (Array.isArray(v)) {
      out += "[";
      for (let i = 0; i < v.length && out.length <= max; i++) {
        if (i > 0) out += ",";
        write(v[i]);
      }
      out += "]";
    } else if (typeof v === "object") {
      out += "{";
      let first = true;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (out.length > max) break;
        if (x === undefined) continue;
        if (!first) out += ",";
        first = false;
        out += goJsonString(k) + ":";
        write(x);
      }
      out += "}";
    } else {
      out += "null";
    }
  };
  write(value);
  return out;
}

/**
 * strconv.Quote-like quoting of Go's time package (time.quote): printable
 * ASCII as is (with \" and \\), every other byte as \xNN.
 */
export function goTimeQuote(bytes: readonly number[]): string {
  let out = '"';
  for (const b of bytes) {
    if (b >= 0x80 || b < 0x20) out += "\\x" + HEX[b >> 4]! + HEX[b & 15]!;
    else if (b === 0x22 || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else out += String.fromCharCode(b);
  }
  return out + '"';
}

/**
 * The first `max` bytes of a string's UTF-8 as Go would print them: a
 * character cut in two becomes one U+FFFD per byte, as encoding/json writes
 * invalid UTF-8.
 */
export function utf8Prefix(s: string, max: number): { text: string; cut: boolean } {
  const bytes = utf8Bytes(s);
  if (bytes.length <= max) return { text: s, cut: false };
  let end = max;
  // Back up over the continuation bytes of a cut character, and its lead byte.
  let k = end;
  while (k > 0 && (bytes[k - 1]! & 0xc0) === 0x80) k--;
  if (k > 0 && bytes[k - 1]! >= 0xc0) {
    const lead = bytes[k - 1]!;
    const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (k - 1 + len > end) end = k - 1;
  }
  let text = "";
  for (let i = 0; i < end; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (let j = 1; j < len; j++) c = (c << 6) | (bytes[i + j]! & 0x3f);
    text += String.fromCodePoint(c);
    i += len;
  }
  return { text: text + "\ufffd".repeat(max - end), cut: true };
}

/** The first `max` bytes of a string's UTF-8, as lower-case hex. */
export function utf8HexPrefix(s: string, max: number): { text: string; cut: boolean } {
  const bytes = utf8Bytes(s);
  return {
    text: bytes
      .slice(0, max)
      .map((b) => HEX[b >> 4]! + HEX[b & 15]!)
      .join(""),
    cut: bytes.length > max,
  };
}
