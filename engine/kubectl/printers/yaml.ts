// kubectl's YAML output (`-o yaml`): sigs.k8s.io/yaml, i.e. the object as
// JSON, read back by go-yaml v2 and written by go-yaml v2's emitter. This is
// a port of the parts of that emitter kubectl's output goes through, so the
// bytes match:
//
// * map keys in go-yaml's "natural" order (digit runs compare as numbers,
//   non-letters before letters), 2-space indent, sequences in a mapping not
//   indented (`- ` at the key's column), `{}` and `[]` for empty collections;
// * a string is plain unless it would read back as something else (a bool
//   such as `y`/`on`, a number, a timestamp, null, a base-60 float): then it
//   is double-quoted; the emitter quotes with single quotes what a plain
//   scalar cannot hold (leading indicators, `: `, ` #`, edge spaces) and
//   with double quotes what single quotes cannot (tabs and other
//   non-printables, escaped `\t`, `\U0001F600`...);
// * strings with a line break are literal blocks (`|`, `|-`, `|+`, with an
//   indentation hint when they start with a space or a break);
// * long plain and quoted scalars fold at spaces past column 80, as go-yaml
//   v2.4 does by default (kubectl 1.32 does not turn folding off).
//
// The values printed are JSON values: maps, arrays, strings, numbers,
// booleans and null (what an object decoded from JSON holds).

import { formatFloat } from "./go/strconv.ts";

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// ---------- key order (go-yaml v2 sorter.go) ----------

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(r: string): boolean {
  return LETTER.test(r);
}
function isDigit(r: string): boolean {
  return DIGIT.test(r);
}

/** keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + (ar[ai]!.codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + (br[bi]!.codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function sortYamlKeys(keys: string[]): string[] {
  // sort.Sort is not stable, but keys are distinct: any correct sort agrees.
  return keys.sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

// ---------- tag resolution (go-yaml v2 resolve.go) ----------

const RESOLVE_MAP = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Go strconv.ParseFloat's accepted syntax (decimal, hex, inf, nan), roughly. */
function goParsesFloat(s: string): boolean {
  return (
    /^[-+]?((\d(_?\d)*)?\.?\d(_?\d)*([eE][-+]?\d+)?|\d(_?\d)*\.([eE][-+]?\d+)?)$/.test(s) ||
    /^[-+]?0[xX]([0-9a-fA-F_]*\.?[0-9a-fA-F_]*)[pP][-+]?\d+$/.test(s) ||
    /^[-+]?(inf|infinity|nan)$/i.test(s)
  );
}

/** strconv.ParseInt(s, 0, 64) or ParseUint succeeds (underscores already removed). */
function goParsesInt(s: string): boolean {
  let body = s;
  if (body.startsWith("+") || body.startsWith("-")) body = body.slice(1);
  let digits: RegExp;
  let value: bigint;
  try {
    if (/^0[xX]/.test(body)) {
      digits = /^[0-9a-fA-F]+$/;
      if (!digits.test(body.slice(2))) return false;
      value = BigInt("0x" + body.slice(2));
    } else if (/^0[bB]/.test(body)) {
      if (!/^[01]+$/.test(body.slice(2))) return false;
      value = BigInt("0b" + body.slice(2));
    } else if (/^0[oO]/.test(body)) {
      if (!/^[0-7]+$/.test(body.slice(2))) return false;
      value = BigInt("0o" + body.slice(2));
    } else if (/^0[0-7]+$/.test(body)) {
      value = BigInt("0o" + body.slice(1));
    } else if (/^[0-9]+$/.test(body)) {
      if (body.length > 1 && body[0] === "0") return false;
      value = BigInt(body);
    } else {
      return false;
    }
  } catch {
    return false;
  }
  const negative = s.startsWith("-");
  if (negative) return value <= 9223372036854775808n;
  if (s.startsWith("+")) return value <= 9223372036854775807n;
  return value <= 18446744073709551615n;
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** go-yaml's parseTimestamp over its four allowed layouts. */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ??
    /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(s) ??
    /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return false;
  const zone = m[8];
  if (zone && zone !== "Z" && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return false;
  return true;
}

/** Whether go-yaml reads `s`, written plain, back as a string (resolve(...) == !!str, not base 60). */
export function resolvesToString(s: string): boolean {
  const c = s.length > 0 ? s[0]! : "N";
  const hint =
    c === "+" || c === "-" ? "S" : c >= "0" && c <= "9" ? "D" : "yYnNtTfFoO~".includes(c) ? "M" : c === "." ? "." : s === "" ? "M" : "";
  if (hint !== "") {
    if (RESOLVE_MAP.has(s)) return false;
    if (hint === "." && goParsesFloat(s)) return false;
    if (hint === "D" || hint === "S") {
      if (isTimestamp(s)) return false;
      const plain = s.replaceAll("_", "");
      if (goParsesInt(plain)) return false;
      if (YAML_STYLE_FLOAT.test(plain)) return false;
      if (/^-?0b[01]+$/.test(plain)) return false;
    }
  }
  if ((c === "+" || c === "-" || (c >= "0" && c <= "9")) && s.includes(":") && BASE60_FLOAT.test(s)) return false;
  return true;
}

// ---------- scalar analysis (emitterc.go yaml_emitter_analyze_scalar) ----------

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}
function isBreak(cp: number): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}
function isBlankz(cp: number | undefined): boolean {
  return cp === undefined || cp === 0x20 || cp === 0x09 || isBreak(cp) || cp === 0;
}

function analyze(value: string): ScalarAnalysis {
  if (value.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const cps = Array.from(value, (ch) => ch.codePointAt(0)!);
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith("---") || value.startsWith("...")) blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= cps.length || isBlankz(cps[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":") && followedByWhitespace) blockIndicators = true;
      else if (ch === "-" && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ":" && followedByWhitespace) blockIndicators = true;
      else if (ch === "#" && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

type Style = "plain" | "single" | "double" | "literal";

/** encoder.stringv's style, then yaml_emitter_select_scalar_style (block context). */
function stringStyle(s: string, simpleKey: boolean): Style {
  let style: Style;
  if (s.includes("\n")) style = "literal";
  else if (resolvesToString(s) && !BASE60_FLOAT.test(s)) style = "plain";
  else style = "double";
  const a = analyze(s);
  if (simpleKey && a.multiline) style = "double";
  if (style === "plain") {
    if (!a.blockPlainAllowed) style = "single";
    if (s.length === 0 && simpleKey) style = "single";
  }
  if (style === "single" && !a.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
  return style;
}

// ---------- the emitter ----------

const HEX = "0123456789ABCDEF";

class Emitter {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  private indents: number[] = [];

  put(s: string): void {
    this.out += s;
    this.column++;
  }
  /** Write text without line breaks, counting code points. */
  write(s: string): void {
    this.out += s;
    for (const _ of s) this.column++;
  }
  putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.write(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }
  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  scalar(text: string, style: Style, simpleKey: boolean): void {
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    switch (style) {
      case "plain":
        this.plain(text, allowBreaks);
        break;
      case "single":
        this.singleQuoted(text, allowBreaks);
        break;
      case "double":
        this.doubleQuoted(text, allowBreaks);
        break;
      case "literal":
        this.literal(text);
        break;
    }
    this.popIndent();
  }

  private plain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    const cps = Array.from(value);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i]!;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== " ") this.writeIndent();
        else this.write(ch);
        spaces = true;
      } else {
        this.write(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const cps = Array.from(value);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i]!;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== " ") {
          this.writeIndent();
        } else {
          this.write(ch);
        }
        spaces = true;
      } else {
        if (ch === "'") this.put("'");
        this.write(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const cps = Array.from(value);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i]!;
      const v = ch.codePointAt(0)!;
      if (!isPrintable(v) || v === 0xfeff || isBreak(v) || ch === '"' || ch === "\\") {
        let esc: string;
        switch (v) {
          case 0x00: esc = "0"; break;
          case 0x07: esc = "a"; break;
          case 0x08: esc = "b"; break;
          case 0x09: esc = "t"; break;
          case 0x0a: esc = "n"; break;
          case 0x0b: esc = "v"; break;
          case 0x0c: esc = "f"; break;
          case 0x0d: esc = "r"; break;
          case 0x1b: esc = "e"; break;
          case 0x22: esc = '"'; break;
          case 0x5c: esc = "\\"; break;
          case 0x85: esc = "N"; break;
          case 0xa0: esc = "_"; break;
          case 0x2028: esc = "L"; break;
          case 0x2029: esc = "P"; break;
          default: {
            const [prefix, width] = v <= 0xff ? ["x", 2] : v <= 0xffff ? ["u", 4] : ["U", 8];
            esc = prefix;
            for (let k = (width - 1) * 4; k >= 0; k -= 4) esc += HEX[(v >> k) & 0x0f];
          }
        }
        this.put("\\");
        this.write(esc);
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === " ") this.put("\\");
        } else {
          this.write(ch);
        }
        spaces = true;
      } else {
        this.write(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(value: string): void {
    this.writeIndicator("|", true, false, false);
    const cps = Array.from(value);
    const first = cps[0]?.codePointAt(0);
    if (first !== undefined && (first === 0x20 || isBreak(first))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    if (cps.length === 0) chomp = "-";
    else {
      const last = cps[cps.length - 1]!.codePointAt(0)!;
      if (!isBreak(last)) chomp = "-";
      else if (cps.length === 1) chomp = "+";
      else if (isBreak(cps[cps.length - 2]!.codePointAt(0)!)) chomp = "+";
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of cps) {
      if (isBreak(ch.codePointAt(0)!)) {
        // write_break: '\n' as is; CR, NEL, LS, PS are copied (go-yaml keeps them)
        if (ch === "\n") this.putBreak();
        else {
          this.out += ch;
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.write(ch);
        this.indention = false;
      }
    }
  }

  /** A node in block context. `mappingContext`: the value of a mapping key. */
  node(v: unknown, mappingContext: boolean): void {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.flowEmpty("[", "]");
      this.increaseIndent(false, mappingContext && !this.indention);
      for (const item of v) {
        this.writeIndent();
        this.writeIndicator("-", true, false, true);
        this.node(item, false);
      }
      this.popIndent();
      return;
    }
    if (v !== null && typeof v === "object") {
      const rec = v as Record<string, unknown>;
      const keys = sortYamlKeys(Object.keys(rec).filter((k) => rec[k] !== undefined));
      if (keys.length === 0) return this.flowEmpty("{", "}");
      this.increaseIndent(false, false);
      for (const key of keys) {
        this.writeIndent();
        this.scalar(key, stringStyle(key, true), true);
        this.writeIndicator(":", false, false, false);
        this.node(rec[key], true);
      }
      this.popIndent();
      return;
    }
    this.scalar(...scalarOf(v), false);
  }

  private flowEmpty(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }
}

function scalarOf(v: unknown): [string, Style] {
  if (v === null || v === undefined) return ["null", "plain"];
  if (typeof v === "boolean") return [v ? "true" : "false", "plain"];
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return [BigInt(v).toString(), "plain"];
    const s = formatFloat(v, "g", -1);
    return [s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s, "plain"];
  }
  if (typeof v === "bigint") return [v.toString(), "plain"];
  const s = String(v);
  return [s, stringStyle(s, false)];
}

/** yaml.Marshal of a JSON value, as kubectl prints it (ends with a newline). */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false);
  return e.out + "\n";
}
