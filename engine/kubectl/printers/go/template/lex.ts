// The lexer of Go's text/template (go1.23 text/template/parse/lex.go):
// text, `{{`/`}}` with `{{- `/` -}}` trimming, comments, and the tokens
// inside actions. It works on code points; item positions are code point
// indexes, and `Source` turns them into Go's byte offsets and line numbers.

import { quote } from "../strconv.ts";
import type { Source } from "./source.ts";

export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords appear after all the rest.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

const KEYWORDS: Record<string, T> = {
  ".": T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

export interface Item {
  typ: T;
  /** Code point index of the item's start. */
  pos: number;
  val: string;
  line: number;
}

/** item.String(), as parse errors show tokens. */
export function itemString(i: Item): string {
  if (i.typ === T.EOF) return "EOF";
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (runes.length > 10) return `${quote(runes.slice(0, 10).join(""))}...`;
  return quote(i.val);
}

const SPACE = " \t\r\n";
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function isSpace(r: string): boolean {
  return r !== "" && SPACE.includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === "_" || LETTER_OR_DIGIT.test(r);
}

/** %#U of a rune. */
export function runeU(r: string): string {
  const c = r.codePointAt(0)!;
  const hex = c.toString(16).toUpperCase().padStart(4, "0");
  return c >= 0x20 && PRINTABLE.test(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

type StateFn = ((l: Lexer) => StateFn) | null;

const EOF = "";
const LEFT = "{{";
const RIGHT = "}}";

/** Lex the whole template: the items up to EOF or the first error. */
export function lex(src: Source): Item[] {
  const l = new Lexer(src);
  let state: StateFn = lexText;
  while (state !== null) state = state(l);
  return l.items;
}

class Lexer {
  readonly input: string[];
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  readonly items: Item[] = [];

  constructor(private readonly src: Source) {
    this.input = src.chars;
  }

  hasPrefix(at: number, s: string): boolean {
    for (let i = 0; i < s.length; i++) if (this.input[at + i] !== s[i]) return false;
    return true;
  }

  next(): string {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    return this.input[this.pos++]!;
  }

  peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) this.pos--;
  }

  emit(t: T): void {
    this.items.push({ typ: t, pos: this.start, val: this.input.slice(this.start, this.pos).join(""), line: this.src.lineAt(this.start) });
    this.start = this.pos;
  }

  ignore(): void {
    this.start = this.pos;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(r)) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(r)) break;
    }
    this.backup();
  }

  errorf(message: string): StateFn {
    this.items.push({ typ: T.Error, pos: this.start, val: message, line: this.src.lineAt(this.start) });
    return null;
  }

  /** At the right delimiter, perhaps trim-marked (" -}}")? */
  atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.hasPrefix(this.pos + 2, RIGHT)) return [true, true];
    if (this.hasPrefix(this.pos, RIGHT)) return [true, false];
    return [false, false];
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === EOF || ".,|:)(".includes(r)) return true;
    return this.hasPrefix(this.pos, RIGHT);
  }

  scanNumber(): boolean {
    this.accept("+-");
    let digits = "0123456789_";
    if (this.accept("0")) {
      if (this.accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (this.accept("oO")) digits = "01234567_";
      else if (this.accept("bB")) digits = "01_";
    }
    this.acceptRun(digits);
    if (this.accept(".")) this.acceptRun(digits);
    if (digits.length === 11 && this.accept("eE")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    if (digits.length === 23 && this.accept("pP")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    this.accept("i");
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

function hasLeftTrimMarker(input: string[], at: number): boolean {
  return input[at] === "-" && isSpace(input[at + 1] ?? EOF);
}

function hasRightTrimMarker(input: string[], at: number): boolean {
  return isSpace(input[at] ?? EOF) && input[at + 1] === "-";
}

function lexText(l: Lexer): StateFn {
  let x = -1;
  for (let i = l.pos; i < l.input.length - 1; i++) {
    if (l.input[i] === "{" && l.input[i + 1] === "{") {
      x = i;
      break;
    }
  }
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      // Trim the spaces before a "{{- ".
      let trimLength = 0;
      if (hasLeftTrimMarker(l.input, l.pos + LEFT.length)) {
        let k = l.pos;
        while (k > l.start && isSpace(l.input[k - 1]!)) k--;
        trimLength = l.pos - k;
      }
      l.pos -= trimLength;
      const nonEmpty = l.pos > l.start;
      if (nonEmpty) l.emit(T.Text);
      else l.start = l.pos;
      l.pos += trimLength;
      l.ignore();
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) l.emit(T.Text);
  l.emit(T.EOF);
  return null;
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += LEFT.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? 2 : 0;
  if (l.hasPrefix(l.pos + afterMarker, "/*")) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  l.emit(T.LeftDelim);
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return lexInsideAction;
}

function lexComment(l: Lexer): StateFn {
  l.pos += 2;
  let x = -1;
  for (let i = l.pos; i < l.input.length - 1; i++) {
    if (l.input[i] === "*" && l.input[i + 1] === "/") {
      x = i;
      break;
    }
  }
  if (x < 0) return l.errorf("unclosed comment");
  l.pos = x + 2;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf("comment ends before closing delimiter");
  if (trimSpace) l.pos += 2;
  l.pos += RIGHT.length;
  if (trimSpace) while (isSpace(l.input[l.pos] ?? EOF)) l.pos++;
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const [, trimSpace] = l.atRightDelim();
  if (trimSpace) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  l.emit(T.RightDelim);
  if (trimSpace) {
    while (isSpace(l.input[l.pos] ?? EOF)) l.pos++;
    l.ignore();
  }
  return lexText;
}

function lexInsideAction(l: Lexer): StateFn {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf("unclosed left paren");
  }
  const r = l.next();
  if (r === EOF) return l.errorf("unclosed action");
  if (isSpace(r)) {
    l.backup(); // put the space back in case we have " -}}"
    return lexSpace;
  }
  switch (r) {
    case "=":
      l.emit(T.Assign);
      return lexInsideAction;
    case ":":
      if (l.next() !== "=") return l.errorf("expected :=");
      l.emit(T.Declare);
      return lexInsideAction;
    case "|":
      l.emit(T.Pipe);
      return lexInsideAction;
    case '"':
      return lexQuote;
    case "`":
      return lexRawQuote;
    case "$":
      return lexVariable;
    case "'":
      return lexChar;
    case "(":
      l.parenDepth++;
      l.emit(T.LeftParen);
      return lexInsideAction;
    case ")":
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf("unexpected right paren");
      l.emit(T.RightParen);
      return lexInsideAction;
  }
  if (r === ".") {
    // Special look-ahead for ".field" so we don't break l.backup().
    if (l.pos < l.input.length) {
      const c = l.input[l.pos]!;
      if (c < "0" || c > "9") return lexField;
    }
  }
  if (r === "." || r === "+" || r === "-" || (r >= "0" && r <= "9")) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  const c = r.codePointAt(0)!;
  if (c <= 0x7f && c >= 0x20 && c !== 0x7f) {
    l.emit(T.Char);
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${runeU(r)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) break;
    l.next();
    numSpaces++;
  }
  // A space may start a trim-marked right delimiter " -}}".
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.hasPrefix(l.pos + 1, RIGHT)) {
    l.backup(); // before the space
    if (numSpaces === 1) return lexRightDelim;
  }
  l.emit(T.Space);
  return lexInsideAction;
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos).join("");
    if (!l.atTerminator()) return l.errorf(`bad character ${runeU(r)}`);
    const key = KEYWORDS[word];
    if (key !== undefined && key > T.Keyword) l.emit(key);
    else if (word[0] === ".") l.emit(T.Field);
    else if (word === "true" || word === "false") l.emit(T.Bool);
    else l.emit(T.Identifier);
    return lexInsideAction;
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, T.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) {
    l.emit(T.Variable); // just "$"
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, T.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: T): StateFn {
  if (l.atTerminator()) {
    l.emit(typ === T.Variable ? T.Variable : T.Dot); // nothing follows: "$" or "."
    return lexInsideAction;
  }
  let r: string;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeU(r)}`);
  l.emit(typ);
  return lexInsideAction;
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === "\\") {
      r = l.next();
      if (r !== EOF && r !== "\n") continue;
      return l.errorf("unterminated character constant");
    }
    if (r === EOF || r === "\n") return l.errorf("unterminated character constant");
    if (r === "'") break;
  }
  l.emit(T.CharConstant);
  return lexInsideAction;
}

function lexNumber(l: Lexer): StateFn {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos).join(""))}`);
  const sign = l.peek();
  if (sign === "+" || sign === "-") {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!l.scanNumber() || l.input[l.pos - 1] !== "i") {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos).join(""))}`);
    }
    l.emit(T.Complex);
    return lexInsideAction;
  }
  l.emit(T.Number);
  return lexInsideAction;
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === "\\") {
      r = l.next();
      if (r !== EOF && r !== "\n") continue;
      return l.errorf("unterminated quoted string");
    }
    if (r === EOF || r === "\n") return l.errorf("unterminated quoted string");
    if (r === '"') break;
  }
  l.emit(T.String);
  return lexInsideAction;
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf("unterminated raw quoted string");
    if (r === "`") break;
  }
  l.emit(T.RawString);
  return lexInsideAction;
}
