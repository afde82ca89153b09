// Tokens of bash's grammar: words (with their quoting kept as parts),
// operators, newlines. Here-document bodies are read after the newline that
// ends the line holding their `<<`, as bash reads them. Aliases are spliced in
// by the parser through pushAlias, so a word that came from an alias is lexed
// like typed text.
import type { HereDoc, WordPart } from "./ast.ts";
import { isMeta, Scanner, ShellSyntaxError } from "./scan.ts";

export { ShellSyntaxError };

export type Token =
  | { kind: "word"; parts: WordPart[]; raw: string; pos: number }
  | { kind: "op"; op: string; fd?: number; heredoc?: HereDoc; pos: number }
  | { kind: "newline"; pos: number }
  | { kind: "eof"; pos: number };

const OPERATORS = ["&>>", "<<<", "<<-", ";;&", "&&", "||", ";;", ";&", "|&", "&>", "<<", ">>", "<&", ">&", "<>", ">|", "|", "&", ";", "(", ")", "<", ">"];
const BLANK = (c: string | undefined) => c === " " || c === "\t";

interface Source {
  text: string;
  pos: number;
  alias?: string;
}

export class Lexer {
  private readonly base: Source;
  private stack: Source[];
  private pending: HereDoc[] = [];
  private heredocFor: HereDoc | undefined;
  private peeked: Token | undefined;
  /** Set when the input ends inside a line continuation (`\` at the very end). */
  continued = false;
  /** Here-documents whose delimiter never came, with the line they started on (for bash's warning). */
  readonly unterminatedHeredocs: Array<{ line: number; delimiter: string }> = [];

  constructor(text: string) {
    this.base = { text, pos: 0 };
    this.stack = [this.base];
  }

  get position(): number {
    return this.base.pos;
  }

  /** Names of the aliases being expanded at this point (an alias is not expanded inside itself). */
  activeAliases(): Set<string> {
    return new Set(this.stack.flatMap((s) => (s.alias ? [s.alias] : [])));
  }

  /** Replace the peeked word with an alias's text. */
  pushAlias(name: string, value: string): void {
    this.peeked = undefined;
    this.stack.push({ text: value, pos: 0, alias: name });
  }

  peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private top(): Source {
    for (;;) {
      const s = this.stack[this.stack.length - 1];
      if (s.pos < s.text.length || this.stack.length === 1) return s;
      this.stack.pop();
    }
  }

  private lex(): Token {
    let src = this.top();
    // Blanks, line continuations and comments.
    for (;;) {
      const c = src.text[src.pos];
      if (BLANK(c)) src.pos++;
      else if (c === "\\" && src.text[src.pos + 1] === "\n") src.pos += 2;
      else if (c === "#") {
        while (src.pos < src.text.length && src.text[src.pos] !== "\n") src.pos++;
      } else if (c === undefined && this.stack.length > 1) {
        this.stack.pop();
        src = this.top();
      } else break;
    }
    const pos = src.pos;
    const c = src.text[pos];
    if (c === undefined) {
      this.readHeredocs(true);
      return { kind: "eof", pos };
    }
    if (c === "\n") {
      src.pos++;
      this.heredocFor = undefined;
      if (src === this.base) this.readHeredocs(false);
      return { kind: "newline", pos };
    }
    const fdMatch = /^([0-9]+)(?=[<>])/.exec(src.text.slice(pos, pos + 12));
    const opStart = fdMatch ? pos + fdMatch[1].length : pos;
    const op = src.text.startsWith("<(", pos) ? undefined : OPERATORS.find((o) => src.text.startsWith(o, opStart));
    if (op && (fdMatch === null || !op.startsWith("&"))) {
      src.pos = opStart + op.length;
      const token: Token = { kind: "op", op, pos };
      if (fdMatch) token.fd = Number(fdMatch[1]);
      if (op === "<<" || op === "<<-") {
        const heredoc: HereDoc = { delimiter: "", quoted: false, stripTabs: op === "<<-", body: [], complete: false };
        token.heredoc = heredoc;
        this.heredocFor = heredoc;
      } else this.heredocFor = undefined;
      return token;
    }
    const scanner = new Scanner(src.text, pos);
    const parts = scanner.word(isMeta);
    src.pos = scanner.pos;
    if (scanner.continued && src === this.base) this.continued = true;
    const raw = src.text.slice(pos, src.pos);
    if (this.heredocFor) {
      const h = this.heredocFor;
      this.heredocFor = undefined;
      h.quoted = /["'\\]/.test(raw);
      h.delimiter = parts.map((p) => (p.type === "lit" ? p.text : p.type === "bad" ? p.raw : "raw" in p ? p.raw : `$(${p.source})`)).join("");
      if (parts.some((p) => p.type !== "lit")) h.delimiter = raw.replace(/["'\\]/g, "");
      this.pending.push(h);
    }
    return { kind: "word", parts, raw, pos };
  }

  /** Read the bodies of here-documents opened on the line just ended. */
  private readHeredocs(atEof: boolean): void {
    const src = this.base;
    while (this.pending.length > 0) {
      const h = this.pending.shift() as HereDoc;
      let body = "";
      let found = false;
      const startLine = src.text.slice(0, src.pos).split("\n").length - (atEof ? 0 : 1);
      while (src.pos < src.text.length) {
        let nl = src.text.indexOf("\n", src.pos);
        if (nl < 0) nl = src.text.length;
        let line = src.text.slice(src.pos, nl);
        src.pos = Math.min(nl + 1, src.text.length);
        if (h.stripTabs) line = line.replace(/^\t+/, "");
        if (line === h.delimiter) {
          found = true;
          break;
        }
        body += line + "\n";
      }
      h.complete = found;
      if (!found) this.unterminatedHeredocs.push({ line: startLine, delimiter: h.delimiter });
      h.body = h.quoted ? (body === "" ? [] : [{ type: "lit", text: body, quoted: true }]) : new Scanner(body).expandable(true);
    }
  }
}
