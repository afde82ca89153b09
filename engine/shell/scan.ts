// Words as bash reads them: quotes, backslashes, $-expansions, backticks,
// ${...} with its operators, $'...' escapes. One scanner serves the command
// line, here-document bodies, arithmetic and ${...} arguments. The skip
// functions find where a $( ) or ${ } ends without building anything.
import type { ParamOp, WordPart } from "./ast.ts";

/** A syntax error, worded as bash's message after "bash: ". */
export class ShellSyntaxError extends Error {
  /** True when more input could complete the line (open quote, trailing |, missing `done`). */
  readonly incomplete: boolean;
  /** The status bash gives the line: 2, or 1 for an invalid name in `for`. */
  readonly status: number;
  constructor(message: string, incomplete = false, status = 2) {
    super(message);
    this.name = "ShellSyntaxError";
    this.incomplete = incomplete;
    this.status = status;
  }
}

export const isMeta = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "|" || c === "&" || c === ";" || c === "(" || c === ")" || c === "<" || c === ">";
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = "?$#@*!-0";

function unterminated(what: string): ShellSyntaxError {
  return new ShellSyntaxError(`unexpected EOF while looking for matching \`${what}'`, true);
}

/** Appends text to the last part when the quoting matches, so words stay compact. */
function pushLit(parts: WordPart[], text: string, quoted: boolean): void {
  if (text === "") return;
  const last = parts.at(-1);
  if (last?.type === "lit" && last.quoted === quoted) last.text += text;
  else parts.push({ type: "lit", text, quoted });
}

/**
 * Reads word parts from one string. The same scanner serves words on the
 * command line, here-document bodies, arithmetic and ${...} arguments.
 */
export class Scanner {
  /** Set when the text ended in a backslash-newline continuation or a lone backslash. */
  continued = false;
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  private ch(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  /** Parts until `stop` says so (at an unquoted character) or the text ends. */
  word(stop: (c: string) => boolean, inDq = false): WordPart[] {
    const parts: WordPart[] = [];
    if (!inDq && this.ch() === "<" && this.ch(1) === "(") {
      const end = skipCommandSubstitution(this.text, this.pos + 2);
      parts.push({ type: "procsub", source: this.text.slice(this.pos + 2, end - 1), quoted: false });
      this.pos = end;
    }
    for (;;) {
      const c = this.ch();
      if (c === undefined || stop(c)) return parts;
      if (c === "\\") {
        const n = this.ch(1);
        if (n === "\n") {
          this.pos += 2;
          continue;
        }
        if (n === undefined) {
          this.continued = true;
          pushLit(parts, "\\", false);
          this.pos++;
          continue;
        }
        if (inDq && !'$`"\\}'.includes(n)) {
          pushLit(parts, "\\" + n, true);
        } else pushLit(parts, n, true);
        this.pos += 2;
      } else if (c === "'" && !inDq) {
        this.pos++;
        const text = this.single();
        // '' still makes a word: keep an empty quoted part.
        if (text === "") parts.push({ type: "lit", text: "", quoted: true });
        else pushLit(parts, text, true);
      } else if (c === '"') {
        this.pos++;
        const inner = this.doubleQuoted();
        if (inner.length === 0) parts.push({ type: "lit", text: "", quoted: true });
        for (const p of inner) p.type === "lit" ? pushLit(parts, p.text, true) : parts.push(p);
      } else if (c === "$" && this.ch(1) === "'" && !inDq) {
        this.pos += 2;
        const text = this.ansiC();
        if (text === "") parts.push({ type: "lit", text: "", quoted: true });
        pushLit(parts, text, true);
      } else if (c === "$" && this.ch(1) === '"' && !inDq) {
        this.pos++;
      } else if (c === "$") {
        this.dollar(parts, inDq);
      } else if (c === "`") {
        this.backtick(parts, inDq);
      } else {
        pushLit(parts, c, inDq);
        this.pos++;
      }
    }
  }

  /** Body of '...' (opening quote consumed). */
  single(): string {
    const end = this.text.indexOf("'", this.pos);
    if (end < 0) throw unterminated("'");
    const s = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return s;
  }

  /** Parts of "..." (opening quote consumed), every part quoted. */
  doubleQuoted(): WordPart[] {
    const parts: WordPart[] = [];
    for (;;) {
      const c = this.ch();
      if (c === undefined) throw unterminated('"');
      if (c === '"') {
        this.pos++;
        return parts;
      }
      if (c === "\\") {
        const n = this.ch(1);
        if (n === undefined) throw unterminated('"');
        if (n === "\n") this.pos += 2;
        else {
          pushLit(parts, '$`"\\'.includes(n) ? n : "\\" + n, true);
          this.pos += 2;
        }
      } else if (c === "$") this.dollar(parts, true);
      else if (c === "`") this.backtick(parts, true);
      else {
        pushLit(parts, c, true);
        this.pos++;
      }
    }
  }

  /** An unquoted here-document body or arithmetic text: $ and ` expand, quotes are ordinary. */
  expandable(quoted: boolean): WordPart[] {
    const parts: WordPart[] = [];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === "\\") {
        const n = this.ch(1);
        if (n === "\n") this.pos += 2;
        else if (n !== undefined && "$`\\".includes(n)) {
          pushLit(parts, n, quoted);
          this.pos += 2;
        } else {
          pushLit(parts, "\\", quoted);
          this.pos++;
        }
      } else if (c === "$") this.dollar(parts, quoted);
      else if (c === "`") this.backtick(parts, quoted);
      else {
        pushLit(parts, c, quoted);
        this.pos++;
      }
    }
    return parts;
  }

  /** $'...' with C escapes (opening consumed). */
  private ansiC(): string {
    let out = "";
    for (;;) {
      const c = this.ch();
      if (c === undefined) throw unterminated("'");
      this.pos++;
      if (c === "'") return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const { text, length } = cEscape(this.text, this.pos, true);
      out += text;
      this.pos += length;
    }
  }

  private backtick(parts: WordPart[], inDq: boolean): void {
    this.pos++;
    let source = "";
    for (;;) {
      const c = this.ch();
      if (c === undefined) throw unterminated("`");
      if (c === "`") break;
      if (c === "\\" && this.ch(1) !== undefined && ("$`\\".includes(this.ch(1) as string) || (inDq && this.ch(1) === '"'))) {
        source += this.ch(1);
        this.pos += 2;
        continue;
      }
      source += c;
      this.pos++;
    }
    this.pos++;
    parts.push({ type: "cmd", source, quoted: inDq });
  }

  private dollar(parts: WordPart[], quoted: boolean): void {
    const n = this.ch(1);
    if (n === "(") {
      const start = this.pos;
      const end = skipCommandSubstitution(this.text, this.pos + 2);
      if (this.ch(2) === "(" && this.text[end - 2] === ")" && end - 2 > this.pos + 3) {
        const expr = this.text.slice(this.pos + 3, end - 2);
        this.pos = end;
        const inner = new Scanner(expr).expandable(true);
        parts.push({ type: "arith", parts: inner, quoted, raw: this.text.slice(start, end) });
        return;
      }
      parts.push({ type: "cmd", source: this.text.slice(this.pos + 2, end - 1), quoted });
      this.pos = end;
      return;
    }
    if (n === "{") {
      this.pos += 2;
      parts.push(this.braceParam(quoted));
      return;
    }
    if (n !== undefined && NAME_START.test(n)) {
      let j = this.pos + 1;
      while (j < this.text.length && NAME_CHAR.test(this.text[j])) j++;
      const name = this.text.slice(this.pos + 1, j);
      parts.push({ type: "param", name, op: "", quoted, raw: "$" + name });
      this.pos = j;
      return;
    }
    if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.includes(n))) {
      parts.push({ type: "param", name: n, op: "", quoted, raw: "$" + n });
      this.pos += 2;
      return;
    }
    pushLit(parts, "$", quoted);
    this.pos++;
  }

  /** After "${": the parameter, an operator, its words, the closing "}". */
  private braceParam(quoted: boolean): WordPart {
    const start = this.pos - 2;
    const bad = (): WordPart => {
      const end = skipBrace(this.text, this.pos);
      this.pos = end;
      return { type: "bad", raw: this.text.slice(start, end), quoted };
    };
    let length = false;
    if (this.ch() === "#" && this.ch(1) !== "}" && this.ch(1) !== undefined && (NAME_CHAR.test(this.ch(1) as string) || SPECIAL_PARAMS.includes(this.ch(1) as string))) {
      length = true;
      this.pos++;
    }
    let name = "";
    if (this.ch() !== undefined && NAME_START.test(this.ch() as string)) {
      while (this.ch() !== undefined && NAME_CHAR.test(this.ch() as string)) name += this.text[this.pos++];
    } else if (this.ch() !== undefined && /[0-9]/.test(this.ch() as string)) {
      while (this.ch() !== undefined && /[0-9]/.test(this.ch() as string)) name += this.text[this.pos++];
    } else if (this.ch() !== undefined && SPECIAL_PARAMS.includes(this.ch() as string)) {
      name = this.text[this.pos++];
    }
    if (name === "") return bad();
    if (length) {
      if (this.ch() !== "}") return bad();
      this.pos++;
      return { type: "param", name, op: "length", quoted, raw: this.text.slice(start, this.pos) };
    }
    if (this.ch() === undefined) throw unterminated("}");
    if (this.ch() === "}") {
      this.pos++;
      return { type: "param", name, op: "", quoted, raw: this.text.slice(start, this.pos) };
    }
    const ops: ParamOp[] = [":-", ":=", ":+", ":?", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "#", "%", "/", ":", "^", ","];
    const op = ops.find((o) => this.text.startsWith(o, this.pos));
    if (!op) return bad();
    this.pos += op.length;
    const stopAt = (chars: string) => (c: string) => chars.includes(c);
    let arg: WordPart[];
    let arg2: WordPart[] | undefined;
    if (op === "/" || op === "//" || op === "/#" || op === "/%") {
      arg = this.word(stopAt("/}"), quoted);
      if (this.ch() === "/") {
        this.pos++;
        arg2 = this.word(stopAt("}"), quoted);
      }
    } else if (op === ":") {
      arg = this.word(stopAt(":}"), quoted);
      if (this.ch() === ":") {
        this.pos++;
        arg2 = this.word(stopAt("}"), quoted);
      }
    } else arg = this.word(stopAt("}"), quoted);
    if (this.ch() !== "}") throw unterminated("}");
    this.pos++;
    return { type: "param", name, op, arg, arg2, quoted, raw: this.text.slice(start, this.pos) };
  }
}

/** A C escape at `i` (just after the backslash), as $'...', echo -e and printf read them. */
export function cEscape(text: string, i: number, ansi: boolean): { text: string; length: number } {
  const c = text[i];
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b", E: "\x1b", "\\": "\\" };
  if (c === undefined) return { text: "\\", length: 0 };
  if (Object.hasOwn(simple, c)) return { text: simple[c], length: 1 };
  if (ansi && (c === "'" || c === '"' || c === "?")) return { text: c, length: 1 };
  if (c === "x") {
    const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1, i + 3));
    if (!m) return { text: "\\x", length: 1 };
    return { text: String.fromCharCode(parseInt(m[0], 16)), length: 1 + m[0].length };
  }
  if (c === "u" || c === "U") {
    const m = new RegExp(`^[0-9a-fA-F]{1,${c === "u" ? 4 : 8}}`).exec(text.slice(i + 1, i + 9));
    if (!m) return { text: "\\" + c, length: 1 };
    const cp = parseInt(m[0], 16);
    return { text: cp <= 0x10ffff ? String.fromCodePoint(cp) : "", length: 1 + m[0].length };
  }
  if (/[0-7]/.test(c) || (!ansi && c === "0")) {
    // $'\NNN' takes up to three octal digits; echo -e takes \0NNN.
    const start = !ansi && c === "0" ? i + 1 : i;
    const m = /^[0-7]{1,3}/.exec(text.slice(start, start + 3));
    const digits = m ? m[0] : "";
    if (!ansi && c !== "0") return { text: "\\" + c, length: 1 };
    return { text: String.fromCharCode(parseInt(digits || "0", 8) & 0xff), length: start - i + digits.length };
  }
  if (ansi && c === "c" && text[i + 1] !== undefined) {
    return { text: String.fromCharCode(text.charCodeAt(i + 1) & 0x1f), length: 2 };
  }
  return { text: "\\" + c, length: 1 };
}

function skipSingle(t: string, i: number): number {
  const end = t.indexOf("'", i);
  if (end < 0) throw unterminated("'");
  return end + 1;
}

function skipDouble(t: string, i: number): number {
  while (i < t.length) {
    const c = t[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if (c === "`") i = skipBacktick(t, i + 1);
    else if (c === "$" && t[i + 1] === "(") i = skipCommandSubstitution(t, i + 2);
    else if (c === "$" && t[i + 1] === "{") i = skipBrace(t, i + 2);
    else i++;
  }
  throw unterminated('"');
}

function skipBacktick(t: string, i: number): number {
  while (i < t.length) {
    if (t[i] === "\\") i += 2;
    else if (t[i] === "`") return i + 1;
    else i++;
  }
  throw unterminated("`");
}

/** Index just past the "}" closing a ${ that starts before `i`. */
export function skipBrace(t: string, i: number): number {
  let depth = 1;
  while (i < t.length) {
    const c = t[i];
    if (c === "\\") i += 2;
    else if (c === "'") i = skipSingle(t, i + 1);
    else if (c === '"') i = skipDouble(t, i + 1);
    else if (c === "`") i = skipBacktick(t, i + 1);
    else if (c === "$" && t[i + 1] === "(") i = skipCommandSubstitution(t, i + 2);
    else if (c === "$" && t[i + 1] === "{") {
      depth++;
      i += 2;
    } else if (c === "}") {
      if (--depth === 0) return i + 1;
      i++;
    } else i++;
  }
  throw unterminated("}");
}

/** Index just past the ")" closing a $( that starts before `i`. */
export function skipCommandSubstitution(t: string, i: number): number {
  let depth = 1;
  const start = i;
  while (i < t.length) {
    const c = t[i];
    if (c === "\\") i += 2;
    else if (c === "'") i = skipSingle(t, i + 1);
    else if (c === '"') i = skipDouble(t, i + 1);
    else if (c === "`") i = skipBacktick(t, i + 1);
    else if (c === "$" && t[i + 1] === "(") i = skipCommandSubstitution(t, i + 2);
    else if (c === "$" && t[i + 1] === "{") i = skipBrace(t, i + 2);
    else if (c === "#" && (i === start || isMeta(t[i - 1]))) {
      while (i < t.length && t[i] !== "\n") i++;
    } else if (c === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (--depth === 0) return i + 1;
      i++;
    } else i++;
  }
  throw unterminated(")");
}
