// bash's grammar over the lexer's tokens: lists, and-or lists, pipelines,
// simple commands with assignments and redirections, and the compound
// commands (groups, subshells, if, for, while/until, case, [[ ]], functions).
// The shell parses and runs one top-level line at a time, as bash does, so an
// alias defined on one line applies from the next.
import type { AndOr, Assignment, Case, Command, Cond, For, If, List, Pipeline, Redirect, RedirectOp, SimpleCommand, While, Word, WordPart } from "./ast.ts";
import { Lexer, ShellSyntaxError, type Token } from "./lexer.ts";

const REDIRECT_OPS = new Set(["<", ">", ">>", ">|", "<>", "<<", "<<-", "<<<", ">&", "<&", "&>", "&>>"]);
const RESERVED = new Set(["if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "{", "}", "!", "[[", "]]", "function", "select", "time", "coproc"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ParserOptions {
  /** The alias table as it is when the line is read. */
  alias?: (name: string) => string | undefined;
}

/** The literal text of a word with no quoting and no expansions, else undefined. */
export function plainText(parts: WordPart[]): string | undefined {
  if (parts.length !== 1) return parts.length === 0 ? "" : undefined;
  const p = parts[0];
  return p.type === "lit" && !p.quoted ? p.text : undefined;
}

function tokenText(t: Token): string {
  switch (t.kind) {
    case "word":
      return t.raw;
    case "op":
      return t.op;
    case "newline":
      return "newline";
    case "eof":
      return "end of file";
  }
}

export class Parser {
  private readonly lexer: Lexer;
  private readonly alias: (name: string) => string | undefined;
  private blankAlias = false;

  constructor(text: string, options: ParserOptions = {}) {
    this.lexer = new Lexer(text);
    this.alias = options.alias ?? (() => undefined);
  }

  /** Here-documents that input ended before closing, for bash's warning. */
  get unterminatedHeredocs(): Array<{ line: number; delimiter: string }> {
    return this.lexer.unterminatedHeredocs;
  }

  /** True when the text ended inside a backslash-newline continuation. */
  get continued(): boolean {
    return this.lexer.continued;
  }

  /** The next top-level line (commands up to a newline), or null at the end of input. */
  parseLine(): List | null {
    while (this.lexer.peek().kind === "newline") this.lexer.next();
    if (this.lexer.peek().kind === "eof") return null;
    const list = this.list(new Set(), true);
    const t = this.lexer.peek();
    if (t.kind === "newline") this.lexer.next();
    else if (t.kind !== "eof") throw this.unexpected(t);
    return list;
  }

  private unexpected(t: Token): ShellSyntaxError {
    if (t.kind === "eof") return new ShellSyntaxError("syntax error: unexpected end of file", true);
    return new ShellSyntaxError(`syntax error near unexpected token \`${tokenText(t)}'`);
  }

  private reservedWord(t: Token): string | undefined {
    if (t.kind !== "word") return undefined;
    const text = plainText(t.parts);
    return text !== undefined && RESERVED.has(text) ? text : undefined;
  }

  private isTerminator(t: Token, terminators: Set<string>): boolean {
    if (t.kind === "eof") return true;
    if (t.kind === "op") return t.op === ")" || t.op === ";;" || t.op === ";&" || t.op === ";;&";
    const word = this.reservedWord(t);
    return word !== undefined && terminators.has(word);
  }

  private skipNewlines(): void {
    while (this.lexer.peek().kind === "newline") this.lexer.next();
  }

  /**
   * and-or lists separated by ; & or newlines, up to a terminator (a reserved
   * word in `terminators`, `)` or `;;`). At the top level a newline ends it.
   */
  private list(terminators: Set<string>, topLevel = false): List {
    const items: AndOr[] = [];
    if (!topLevel) this.skipNewlines();
    for (;;) {
      const t = this.lexer.peek();
      if (items.length > 0 && this.isTerminator(t, terminators)) break;
      if (t.kind === "eof" && !topLevel) throw this.unexpected(t);
      if (this.isTerminator(t, terminators) && t.kind !== "eof") throw this.unexpected(t);
      const item = this.andOr();
      items.push(item);
      const sep = this.lexer.peek();
      if (sep.kind === "op" && (sep.op === ";" || sep.op === "&")) {
        this.lexer.next();
        if (sep.op === "&") item.background = true;
        if (topLevel) {
          const after = this.lexer.peek();
          if (after.kind === "newline" || after.kind === "eof") break;
        } else this.skipNewlines();
        continue;
      }
      if (sep.kind === "newline") {
        if (topLevel) break;
        this.skipNewlines();
        continue;
      }
      break;
    }
    return { type: "list", items };
  }

  private andOr(): AndOr {
    const pipelines = [this.pipeline()];
    const ops: Array<"&&" | "||"> = [];
    for (;;) {
      const t = this.lexer.peek();
      if (t.kind !== "op" || (t.op !== "&&" && t.op !== "||")) break;
      this.lexer.next();
      ops.push(t.op);
      this.skipNewlines();
      pipelines.push(this.pipeline());
    }
    return { type: "andor", pipelines, ops, background: false };
  }

  private pipeline(): Pipeline {
    let negate = false;
    while (this.reservedWord(this.lexer.peek()) === "!") {
      this.lexer.next();
      negate = !negate;
    }
    const commands = [this.command()];
    const stderrToo: boolean[] = [];
    for (;;) {
      const t = this.lexer.peek();
      if (t.kind !== "op" || (t.op !== "|" && t.op !== "|&")) break;
      this.lexer.next();
      stderrToo.push(t.op === "|&");
      this.skipNewlines();
      commands.push(this.command());
    }
    stderrToo.push(false);
    return { type: "pipeline", negate, commands, stderrToo };
  }

  private command(): Command {
    this.expandAliases();
    const t = this.lexer.peek();
    const word = this.reservedWord(t);
    let command: Command;
    if (t.kind === "op" && t.op === "(") {
      this.lexer.next();
      const body = this.list(new Set());
      this.expectOp(")");
      command = { type: "subshell", body, redirects: [] };
    } else if (word === "{") {
      this.lexer.next();
      const body = this.list(new Set(["}"]));
      this.expectWord("}");
      command = { type: "group", body, redirects: [] };
    } else if (word === "if") command = this.ifCommand();
    else if (word === "for") command = this.forCommand();
    else if (word === "while" || word === "until") command = this.whileCommand(word === "until");
    else if (word === "case") command = this.caseCommand();
    else if (word === "[[") command = this.condCommand();
    else if (word === "function") {
      this.lexer.next();
      const name = this.lexer.next();
      if (name.kind !== "word" || plainText(name.parts) === undefined) throw this.unexpected(name);
      const p = this.lexer.peek();
      if (p.kind === "op" && p.op === "(") {
        this.lexer.next();
        this.expectOp(")");
      }
      return this.functionBody(plainText(name.parts) as string);
    } else if (word !== undefined && word !== "!" && word !== "time") throw this.unexpected(t);
    else return this.simpleCommand();
    this.redirects(command.redirects);
    return command;
  }

  private functionBody(name: string): Command {
    this.skipNewlines();
    const body = this.command();
    if (body.type === "simple") throw new ShellSyntaxError(`syntax error near unexpected token \`${body.words[0]?.raw ?? "newline"}'`);
    return { type: "function", name, body, redirects: [] };
  }

  private expectOp(op: string): void {
    const t = this.lexer.next();
    if (t.kind !== "op" || t.op !== op) throw this.unexpected(t);
  }

  private expectWord(word: string): void {
    const t = this.lexer.next();
    if (this.reservedWord(t) !== word) throw this.unexpected(t);
  }

  private ifCommand(): If {
    this.lexer.next();
    const clauses: If["clauses"] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.list(new Set(["then"]));
      this.expectWord("then");
      const body = this.list(new Set(["elif", "else", "fi"]));
      clauses.push({ cond, body });
      const t = this.lexer.next();
      const next = this.reservedWord(t);
      if (next === "elif") continue;
      if (next === "else") {
        otherwise = this.list(new Set(["fi"]));
        this.expectWord("fi");
      } else if (next !== "fi") throw this.unexpected(t);
      break;
    }
    return { type: "if", clauses, otherwise, redirects: [] };
  }

  private forCommand(): For {
    this.lexer.next();
    const nameToken = this.lexer.next();
    const name = nameToken.kind === "word" ? plainText(nameToken.parts) : undefined;
    if (nameToken.kind === "op" && nameToken.op === "((") throw new ShellSyntaxError("syntax error near unexpected token `(('");
    if (name === undefined || !NAME.test(name)) {
      if (nameToken.kind === "word") throw new ShellSyntaxError(`\`${nameToken.raw}': not a valid identifier`, false, 1);
      throw this.unexpected(nameToken);
    }
    let words: Word[] | undefined;
    let t = this.lexer.peek();
    if (t.kind === "op" && t.op === ";") {
      this.lexer.next();
    } else {
      this.skipNewlines();
      t = this.lexer.peek();
      if (this.reservedWord(t) === "in") {
        this.lexer.next();
        words = [];
        for (;;) {
          const w = this.lexer.peek();
          if (w.kind !== "word") break;
          this.lexer.next();
          words.push({ parts: w.parts, raw: w.raw });
        }
        const sep = this.lexer.next();
        if (!(sep.kind === "newline" || (sep.kind === "op" && sep.op === ";"))) throw this.unexpected(sep);
      }
    }
    this.skipNewlines();
    this.expectWord("do");
    const body = this.list(new Set(["done"]));
    this.expectWord("done");
    return { type: "for", name, words, body, redirects: [] };
  }

  private whileCommand(until: boolean): While {
    this.lexer.next();
    const cond = this.list(new Set(["do"]));
    this.expectWord("do");
    const body = this.list(new Set(["done"]));
    this.expectWord("done");
    return { type: "while", until, cond, body, redirects: [] };
  }

  private caseCommand(): Case {
    this.lexer.next();
    const subject = this.lexer.next();
    if (subject.kind !== "word") throw this.unexpected(subject);
    this.skipNewlines();
    this.expectWord("in");
    const items: Case["items"] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.lexer.peek();
      if (this.reservedWord(t) === "esac") {
        this.lexer.next();
        break;
      }
      if (t.kind === "op" && t.op === "(") {
        this.lexer.next();
        t = this.lexer.peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        const p = this.lexer.next();
        if (p.kind !== "word") throw this.unexpected(p);
        patterns.push({ parts: p.parts, raw: p.raw });
        const sep = this.lexer.next();
        if (sep.kind === "op" && sep.op === "|") continue;
        if (sep.kind === "op" && sep.op === ")") break;
        throw this.unexpected(sep);
      }
      this.skipNewlines();
      const next = this.lexer.peek();
      let body: List = { type: "list", items: [] };
      const endsItem = next.kind === "op" && (next.op === ";;" || next.op === ";&" || next.op === ";;&");
      if (!endsItem && this.reservedWord(next) !== "esac") body = this.list(new Set(["esac"]));
      const end = this.lexer.peek();
      let fallthrough: ";;" | ";&" | ";;&" = ";;";
      if (end.kind === "op" && (end.op === ";;" || end.op === ";&" || end.op === ";;&")) {
        this.lexer.next();
        fallthrough = end.op;
      } else if (this.reservedWord(end) !== "esac") throw this.unexpected(end);
      items.push({ patterns, body, fallthrough });
    }
    return { type: "case", word: { parts: subject.parts, raw: subject.raw }, items, redirects: [] };
  }

  private condCommand(): Cond {
    this.lexer.next();
    const words: Cond["words"] = [];
    for (;;) {
      const t = this.lexer.next();
      if (t.kind === "eof") throw this.unexpected(t);
      if (t.kind === "newline") continue;
      if (t.kind === "word" && plainText(t.parts) === "]]") break;
      if (t.kind === "word") words.push({ word: { parts: t.parts, raw: t.raw } });
      else if (t.kind === "op" && ["&&", "||", "(", ")", "<", ">"].includes(t.op)) words.push({ word: { parts: [], raw: t.op }, op: t.op });
      else throw this.unexpected(t);
    }
    if (words.length === 0) throw new ShellSyntaxError("syntax error near `]]'");
    return { type: "cond", words, redirects: [] };
  }

  /** Expand an alias at the start of a command (and after an alias ending in a blank). */
  private expandAliases(): void {
    const seen = new Set<string>();
    for (;;) {
      const t = this.lexer.peek();
      if (t.kind !== "word") return;
      const name = plainText(t.parts);
      if (name === undefined || name === "" || seen.has(name) || this.lexer.activeAliases().has(name)) return;
      const value = this.alias(name);
      if (value === undefined) return;
      seen.add(name);
      // An alias ending in a blank makes the next word an alias candidate too (`alias sudo='sudo '`).
      this.blankAlias = /[ \t]$/.test(value);
      this.lexer.pushAlias(name, value);
    }
  }

  private simpleCommand(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    let nextIsAliasCandidate = false;
    const first = this.lexer.peek();
    for (;;) {
      if (nextIsAliasCandidate) {
        nextIsAliasCandidate = false;
        this.expandAliases();
      }
      const t = this.lexer.peek();
      if (t.kind === "op" && REDIRECT_OPS.has(t.op)) {
        redirects.push(this.redirect());
        continue;
      }
      if (t.kind === "op" && t.op === "(" && words.length === 1 && assigns.length === 0 && redirects.length === 0) {
        const name = plainText(words[0].parts);
        this.lexer.next();
        if (name === undefined || RESERVED.has(name)) throw this.unexpected(t);
        const close = this.lexer.next();
        if (close.kind !== "op" || close.op !== ")") {
          throw new ShellSyntaxError(`syntax error near unexpected token \`${close.kind === "eof" ? "newline" : tokenText(close)}'`);
        }
        return this.functionBody(name);
      }
      if (t.kind !== "word") break;
      this.lexer.next();
      if (words.length === 0) {
        const assignment = asAssignment(t.parts, t.raw);
        if (assignment) {
          assigns.push(assignment);
          continue;
        }
      }
      words.push({ parts: t.parts, raw: t.raw });
      if (this.blankAlias) nextIsAliasCandidate = true;
      this.blankAlias = false;
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) throw this.unexpected(this.lexer.peek());
    return { type: "simple", assigns, words, redirects, line: first.pos };
  }

  private redirects(out: Redirect[]): void {
    for (;;) {
      const t = this.lexer.peek();
      if (t.kind === "op" && REDIRECT_OPS.has(t.op)) out.push(this.redirect());
      else return;
    }
  }

  private redirect(): Redirect {
    const op = this.lexer.next() as Extract<Token, { kind: "op" }>;
    const target = this.lexer.next();
    if (target.kind !== "word") {
      throw new ShellSyntaxError(`syntax error near unexpected token \`${target.kind === "eof" ? "newline" : tokenText(target)}'`);
    }
    const r: Redirect = { op: op.op as RedirectOp, target: { parts: target.parts, raw: target.raw } };
    if (op.fd !== undefined) r.fd = op.fd;
    if (op.heredoc) r.heredoc = op.heredoc;
    return r;
  }
}

/** NAME=value or NAME+=value (the name unquoted), else undefined. */
function asAssignment(parts: WordPart[], raw: string): Assignment | undefined {
  const first = parts[0];
  if (first?.type !== "lit" || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const valueParts: WordPart[] = rest === "" ? parts.slice(1) : [{ type: "lit", text: rest, quoted: false }, ...parts.slice(1)];
  return { name: m[1], append: m[2] === "+", value: { parts: valueParts, raw: raw.slice(m[0].length) } };
}

/** Parse a whole text into its top-level lines (for scripts and tests). Throws ShellSyntaxError. */
export function parseAll(text: string, options: ParserOptions = {}): List[] {
  const parser = new Parser(text, options);
  const lines: List[] = [];
  for (let line = parser.parseLine(); line; line = parser.parseLine()) lines.push(line);
  return lines;
}
