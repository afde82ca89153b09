// The parser of kubectl's JSONPath dialect, ported from
// k8s.io/client-go/util/jsonpath/parser.go (v0.32) with its quirks and its
// exact error texts: text outside `{}` is literal, each `{...}` is a list of
// nodes, `[...]` is an index, slice, union or quoted key, `[?(...)]` a
// filter, `..` recursive descent, and `range`/`end` are identifiers the
// evaluator treats as block markers.

import { ErrSyntax, unquoteChar } from "./go/strconv.ts";
import { utf8Decode, utf8Encode } from "./go/value.ts";

export type JpNode =
  | { type: "list"; nodes: JpNode[] }
  | { type: "text"; text: string }
  | { type: "field"; value: string }
  | { type: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: "filter"; left: JpList; right: JpList; operator: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: JpList[] }
  | { type: "identifier"; name: string };

export type JpList = Extract<JpNode, { type: "list" }>;

export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A parse or evaluation error with the text client-go gives it. */
export class JsonPathError extends Error {}

const DICT_KEY = /^'([^']*)'$/;
const SLICE_OPERATOR = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const DIGIT = /^\p{Nd}$/u;

const EOF = "";

function isTerminator(r: string): boolean {
  return r === EOF || " \t\r\n.,[]$@{}".includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === "_" || LETTER_OR_DIGIT.test(r);
}

/** Go's strconv.Atoi: an optionally signed run of ASCII digits that fits an int64. */
function atoi(s: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return Number(n);
}

function parseFloat64(s: string): number | null {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return null;
  const f = Number(s);
  return Number.isFinite(f) ? f : null;
}

/** jsonpath.UnquoteExtend: strconv.Unquote that also takes single-quoted strings. */
function unquoteExtend(s: string): string {
  const chars = Array.from(s);
  const n = chars.length;
  if (n < 2) throw new ErrSyntax();
  const quote = chars[0]!;
  if (quote !== chars[n - 1]) throw new ErrSyntax();
  if (quote !== '"' && quote !== "'") throw new ErrSyntax();
  const body = chars.slice(1, n - 1);
  if (!body.includes("\\") && !body.includes(quote)) return body.join("");
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const { value, isByte, next } = unquoteChar(body, i, quote);
    if (isByte) bytes.push(value);
    else bytes.push(...utf8Encode(String.fromCodePoint(value)));
    i = next;
  }
  return utf8Decode(bytes);
}

class Parser {
  private input: string[] = [];
  private pos = 0;
  private start = 0;
  root: JpList = { type: "list", nodes: [] };

  parse(text: string): void {
    this.input = Array.from(text);
    this.root = { type: "list", nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
  }

  private rest(): string {
    return this.input.slice(this.pos, this.pos + 3).join("");
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos).join("");
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) return EOF;
    return this.input[this.pos++]!;
  }

  private peek(): string {
    return this.pos >= this.input.length ? EOF : this.input[this.pos]!;
  }

  private backup(r: string): void {
    if (r !== EOF) this.pos--;
  }

  /**
   * Text up to each `{`, then the action up to its `}`. Go recurses
   * (parseText → parseLeftDelim → parseInsideAction → parseRightDelim →
   * parseText); this loops, with the same result.
   */
  private parseText(cur: JpList): void {
    for (;;) {
      if (this.input[this.pos] === "{") {
        if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
        this.pos++;
        this.consumeText();
        const node: JpList = { type: "list", nodes: [] };
        cur.nodes.push(node);
        this.parseInsideAction(node);
        continue;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
  }

  /** The elements of one action, up to and including its `}`. */
  private parseInsideAction(cur: JpList): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith("}")) {
        this.pos++;
        this.consumeText();
        return;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || r === "\r" || r === "\n") throw new JsonPathError("unclosed action");
      if (r === " " || r === "@" || r === "$") {
        this.consumeText();
      } else if (r === "[") {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === ".") {
        this.parseField(cur);
      } else if (r === "+" || r === "-" || DIGIT.test(r)) {
        this.backup(r);
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup(r);
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  }

  private parseIdentifier(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "bool", value: value === "true" });
    else cur.nodes.push({ type: "identifier", name: value });
  }

  private parseRecursive(cur: JpList): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === "recursive") throw new JsonPathError("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JpList): void {
    let r = this.peek();
    if (r === "+" || r === "-") this.next();
    for (;;) {
      r = this.next();
      if (r !== "." && !DIGIT.test(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== null) {
      cur.nodes.push({ type: "int", value: i });
      return;
    }
    const f = parseFloat64(value);
    if (f !== null) {
      cur.nodes.push({ type: "float", value: f });
      return;
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated array");
      if (r === "]") break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === "*") text = ":";

    // union operator
    const strs = text.split(",");
    if (strs.length > 1) {
      const union: JpList[] = [];
      for (const str of strs) union.push(parseAction(`[${str.replace(/^ +| +$/g, "")}]`));
      cur.nodes.push({ type: "union", nodes: union });
      return;
    }

    // dict key
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return;
    }

    // slice operator
    const m = SLICE_OPERATOR.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const value = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      if (value[i] !== "") {
        if (i > 0) value[i] = value[i]!.slice(1);
        if (i > 0 && value[i] === "") {
          params[i]!.known = false;
        } else {
          params[i]!.known = true;
          const n = atoi(value[i]!);
          if (n === null) throw new JsonPathError(`array index ${value[i]} is not a number`);
          params[i]!.value = n;
        }
      } else if (i === 1) {
        params[i] = { known: true, value: params[0].value + 1, derived: true };
      } else {
        params[i] = { known: false, value: 0, derived: false };
      }
    }
    cur.nodes.push({ type: "array", params });
  }

  private parseFilter(cur: JpList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    loop: for (;;) {
      const r = this.next();
      switch (r) {
        case EOF:
        case "\n":
          throw new JsonPathError("unterminated filter");
        case '"':
        case "'":
          if (!begin) {
            begin = true;
            pair = r;
            continue;
          }
          if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
          break;
        case ")":
          if (begin === end) break loop;
      }
    }
    if (this.next() !== "]") throw new JsonPathError("unclosed array expect ]");
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      cur.nodes.push({ type: "filter", left: parseAction(text), right: { type: "list", nodes: [] }, operator: "exists" });
    } else {
      const left = parseAction(m[1]!);
      const right = parseAction(m[3]!);
      cur.nodes.push({ type: "filter", left, right, operator: m[2]! });
    }
  }

  private parseQuote(cur: JpList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated quoted string");
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch {
      throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    }
    cur.nodes.push({ type: "text", text: s });
  }

  private parseField(cur: JpList): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "wildcard" });
    else cur.nodes.push({ type: "field", value: value.replaceAll("\\", "") });
  }

  /** Scan to the next unescaped terminator. */
  private advance(): boolean {
    const r = this.next();
    if (r === "\\") {
      this.next();
    } else if (isTerminator(r)) {
      this.backup(r);
      return false;
    }
    return true;
  }
}

/** %#U of a rune: U+0023 '#'. */
function goRuneU(r: string): string {
  const c = r.codePointAt(0)!;
  const hex = c.toString(16).toUpperCase().padStart(4, "0");
  const printable = c >= 0x20 && c !== 0x7f && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r);
  return printable ? `U+${hex} '${r}'` : `U+${hex}`;
}

/** parseAction: the nodes of one `{...}` built from `text`. */
function parseAction(text: string): JpList {
  const p = new Parser();
  p.parse(`{${text}}`);
  return p.root.nodes[0] as JpList;
}

/** Parse a template into its root list; throws JsonPathError. */
export function parseJsonPath(text: string): JpList {
  const p = new Parser();
  p.parse(text);
  return p.root;
}
