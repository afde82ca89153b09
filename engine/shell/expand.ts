// Word expansion in bash's order: brace expansion, tilde, parameters, command
// substitution and arithmetic, word splitting (only of unquoted expansion
// results), pathname expansion, quote removal.
import { ArithError, evaluateArithmetic } from "./arith.ts";
import type { Word, WordPart } from "./ast.ts";
import { BraceLimitError, expandBraces, hasBraces } from "./braces.ts";
import type { CpuBudget } from "./budget.ts";
import type { VirtualFs } from "./fs.ts";
import { escapeGlob, expandGlob, hasGlob, replacePattern, trimPattern } from "./pattern.ts";

/** An expansion failure (bad substitution, ${X:?}, arithmetic): bash prints it and abandons the line. */
export class ExpansionError extends Error {
  /** Status the line ends with; 1 for all of bash's expansion errors. */
  readonly status: number;
  constructor(message: string, status = 1) {
    super(message);
    this.name = "ExpansionError";
    this.status = status;
  }
}

/** What expansion needs from the shell. */
export interface ExpansionHost {
  readonly fs: VirtualFs;
  readonly budget: CpuBudget;
  readonly maxWordBytes: number;
  cwd(): string;
  /** A variable or special parameter ($?, $#, $1...); undefined when unset. */
  lookup(name: string): string | undefined;
  positional(): string[];
  /** Assign a variable; throws ExpansionError for readonly or invalid names. */
  assign(name: string, value: string): void;
  /** Run `source` in a subshell and return its standard output. */
  commandSubstitution(source: string): Promise<string>;
  /** <(source): run it and give the name of a file holding its output. */
  processSubstitution(source: string): Promise<string>;
  /** Home directory of a user for ~user, or undefined. */
  homeOf(user: string): string | undefined;
}

/** A piece of expanded text. `split`: subject to word splitting; `glob`: may carry pattern characters. */
interface Seg {
  text: string;
  quoted: boolean;
  split: boolean;
  /** "$@" boundary: the next text starts a new field. */
  fieldBreak?: boolean;
}

const IFS_DEFAULT = " \t\n";

export class Expander {
  constructor(private readonly host: ExpansionHost) {}

  /** Full expansion of command words into fields. */
  async words(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const word of words) {
      for (const parts of this.braces(word)) out.push(...(await this.fields(parts)));
    }
    return out;
  }

  /** One word to one string: no splitting, no globbing (assignments, here-strings, case subjects). */
  async string(word: Word | WordPart[], tildeAfterColon = false): Promise<string> {
    const parts = Array.isArray(word) ? word : word.parts;
    const segs = await this.parts(parts, true, tildeAfterColon);
    return this.limit(segs.map((s) => s.text).join(""));
  }

  /** A redirection target: expanded, globbed, and it must make exactly one word. */
  async redirectTarget(word: Word): Promise<string> {
    const fields: string[] = [];
    for (const parts of this.braces(word)) fields.push(...(await this.fields(parts)));
    if (fields.length !== 1) throw new ExpansionError(`${word.raw}: ambiguous redirect`);
    return fields[0];
  }

  /** A pattern (case, [[ == ]], ${X#...}): quoted text is escaped, unquoted text keeps its meaning. */
  async pattern(parts: WordPart[]): Promise<string> {
    const segs = await this.parts(parts, false);
    return segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join("");
  }

  /** [[ ]] operands: the text, and the same expansion as a pattern (quoted parts escaped). */
  async textAndPattern(parts: WordPart[]): Promise<{ text: string; pattern: string }> {
    const segs = await this.parts(parts, false);
    return { text: this.limit(segs.map((s) => s.text).join("")), pattern: segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join("") };
  }

  /** The body of an unquoted here-document. */
  async heredoc(parts: WordPart[]): Promise<string> {
    return this.string(parts);
  }

  private braces(word: Word): WordPart[][] {
    if (!hasBraces(word.parts)) return [word.parts];
    try {
      return expandBraces(word.parts);
    } catch (e) {
      if (e instanceof BraceLimitError) throw new ExpansionError(`${word.raw}: brace expansion makes too many words`);
      throw e;
    }
  }

  private limit(s: string): string {
    if (s.length > this.host.maxWordBytes) throw new ExpansionError("xmalloc: cannot allocate memory for a word that large");
    return s;
  }

  private async fields(parts: WordPart[]): Promise<string[]> {
    const segs = await this.parts(parts, false);
    const ifs = this.host.lookup("IFS") ?? IFS_DEFAULT;
    type Field = { chunks: Seg[]; exists: boolean };
    const fields: Field[] = [];
    let cur: Field = { chunks: [], exists: false };
    const finish = () => {
      if (cur.exists || cur.chunks.some((c) => c.text !== "")) fields.push(cur);
      cur = { chunks: [], exists: false };
    };
    for (const seg of segs) {
      if (seg.fieldBreak) {
        finish();
        continue;
      }
      if (!seg.split || ifs === "") {
        cur.chunks.push(seg);
        if (seg.quoted) cur.exists = true;
        continue;
      }
      const pieces = splitIfs(seg.text, ifs);
      if (pieces.leading) finish();
      pieces.words.forEach((w, k) => {
        if (k > 0) finish();
        cur.chunks.push({ ...seg, text: w });
        if (pieces.forced[k]) cur.exists = true;
      });
      if (pieces.trailing && pieces.words.length > 0) finish();
    }
    finish();
    const out: string[] = [];
    for (const f of fields) {
      const globbable = f.chunks.some((c) => !c.quoted && hasGlob(c.text));
      if (globbable) {
        const pattern = f.chunks.map((c) => (c.quoted ? escapeGlob(c.text) : c.text)).join("");
        this.host.budget.spend(10);
        const matches = expandGlob(this.host.fs, this.host.cwd(), pattern);
        if (matches) {
          out.push(...matches);
          continue;
        }
      }
      out.push(this.limit(f.chunks.map((c) => c.text).join("")));
    }
    return out;
  }

  /**
   * Expand parts to segments. `quotedContext`: the whole word is treated as
   * quoted (assignments, here-documents), so nothing splits.
   */
  private async parts(parts: WordPart[], quotedContext: boolean, tildeAfterColon = false): Promise<Seg[]> {
    const segs: Seg[] = [];
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      const quoted = quotedContext || p.quoted;
      switch (p.type) {
        case "lit": {
          if (k === 0 && !p.quoted && p.text.startsWith("~")) {
            segs.push(...this.tilde(p.text, tildeAfterColon));
          } else if (tildeAfterColon && !p.quoted && p.text.includes(":~")) {
            segs.push(...this.tilde(p.text, true, true));
          } else segs.push({ text: p.text, quoted: p.quoted, split: false });
          break;
        }
        case "bad":
          throw new ExpansionError(`${p.raw}: bad substitution`);
        case "procsub":
          segs.push({ text: await this.host.processSubstitution(p.source), quoted: true, split: false });
          break;
        case "cmd": {
          this.host.budget.spend(10);
          const out = (await this.host.commandSubstitution(p.source)).replace(/\n+$/, "");
          segs.push({ text: this.limit(out), quoted, split: !quoted });
          break;
        }
        case "arith": {
          const expr = await this.string(p.parts);
          let value: bigint;
          try {
            value = evaluateArithmetic(expr, { get: (n) => this.host.lookup(n), set: (n, v) => this.host.assign(n, v) });
          } catch (e) {
            if (e instanceof ArithError) throw new ExpansionError(e.message);
            throw e;
          }
          segs.push({ text: String(value), quoted, split: !quoted });
          break;
        }
        case "param":
          segs.push(...(await this.param(p, quoted)));
          break;
      }
    }
    return segs;
  }

  /** ~, ~/dir, ~user, ~+, ~-; in assignments also after each ":" (PATH=~/bin:~/sbin). */
  private tilde(text: string, afterColons: boolean, colonsOnly = false): Seg[] {
    const expandOne = (t: string): string => {
      const slash = t.indexOf("/");
      const prefix = slash < 0 ? t : t.slice(0, slash);
      const rest = slash < 0 ? "" : t.slice(slash);
      let home: string | undefined;
      if (prefix === "~") home = this.host.lookup("HOME") ?? this.host.homeOf("");
      else if (prefix === "~+") home = this.host.lookup("PWD");
      else if (prefix === "~-") home = this.host.lookup("OLDPWD");
      else home = this.host.homeOf(prefix.slice(1));
      return home === undefined ? t : home + rest;
    };
    if (colonsOnly) {
      return [{ text: text.split(":").map((piece, i) => (i > 0 && piece.startsWith("~") ? expandOne(piece) : piece)).join(":"), quoted: true, split: false }];
    }
    const end = afterColons && text.includes(":") ? text.indexOf(":") : text.length;
    const first = text.slice(0, end);
    const slash = first.indexOf("/");
    const head = slash < 0 ? first : first.slice(0, slash);
    const expanded = expandOne(head);
    const rest = text.slice(head.length);
    if (expanded === head) return afterColons && rest.includes(":~") ? [{ text: head, quoted: false, split: false }, ...this.tilde(rest, true, true)] : [{ text, quoted: false, split: false }];
    const out: Seg[] = [{ text: expanded, quoted: true, split: false }];
    if (rest !== "") out.push(...(afterColons && rest.includes(":~") ? this.tilde(rest, true, true) : [{ text: rest, quoted: false, split: false }]));
    return out;
  }

  private async param(p: Extract<WordPart, { type: "param" }>, quoted: boolean): Promise<Seg[]> {
    const name = p.name;
    if ((name === "@" || name === "*") && (p.op === "" || p.op === ":-" || p.op === "-")) {
      const args = this.host.positional();
      if (args.length > 0 || p.op === "") return this.positionalSegs(args, name, quoted);
    }
    const value = this.host.lookup(name);
    const unsetOrNull = (colon: boolean) => value === undefined || (colon && value === "");
    const text = (s: string): Seg[] => [{ text: this.limit(s), quoted, split: !quoted }];
    const argSegs = async (): Promise<Seg[]> => {
      const segs = await this.parts(p.arg ?? [], false);
      return segs.map((s) => (quoted ? { ...s, quoted: true, split: false } : { ...s, split: !s.quoted }));
    };
    switch (p.op) {
      case "":
        return text(value ?? "");
      case "length":
        return text(String(name === "@" || name === "*" ? this.host.positional().length : Array.from(value ?? "").length));
      case ":-":
      case "-":
        return unsetOrNull(p.op === ":-") ? argSegs() : text(value ?? "");
      case ":=":
      case "=": {
        if (!unsetOrNull(p.op === ":=")) return text(value ?? "");
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ExpansionError(`$${name}: cannot assign in this way`);
        const assigned = await this.string(p.arg ?? []);
        this.host.assign(name, assigned);
        return text(assigned);
      }
      case ":+":
      case "+":
        return unsetOrNull(p.op === ":+") ? [] : argSegs();
      case ":?":
      case "?": {
        if (!unsetOrNull(p.op === ":?")) return text(value ?? "");
        const message = p.arg && p.arg.length > 0 ? await this.string(p.arg) : "parameter null or not set";
        throw new ExpansionError(`${name}: ${message}`);
      }
      case "#":
      case "##":
      case "%":
      case "%%": {
        const pattern = await this.pattern(p.arg ?? []);
        this.host.budget.spend((value ?? "").length + 1);
        return text(trimPattern(value ?? "", pattern, p.op.startsWith("#") ? "prefix" : "suffix", p.op.length === 2));
      }
      case "/":
      case "//":
      case "/#":
      case "/%": {
        const pattern = await this.pattern(p.arg ?? []);
        const replacement = p.arg2 ? await this.string(p.arg2) : "";
        const mode = p.op === "/" ? "first" : p.op === "//" ? "all" : p.op === "/#" ? "start" : "end";
        this.host.budget.spend(((value ?? "").length + 1) ** 2 / 64 + 1);
        return text(replacePattern(value ?? "", pattern, replacement, mode));
      }
      case ":": {
        const chars = Array.from(value ?? "");
        const evalNum = async (parts: WordPart[]): Promise<number> => {
          try {
            return Number(evaluateArithmetic(await this.string(parts), { get: (n) => this.host.lookup(n), set: (n, v) => this.host.assign(n, v) }));
          } catch (e) {
            if (e instanceof ArithError) throw new ExpansionError(e.message);
            throw e;
          }
        };
        let offset = await evalNum(p.arg ?? []);
        if (offset < 0) offset = Math.max(0, chars.length + offset);
        let end = chars.length;
        if (p.arg2) {
          const len = await evalNum(p.arg2);
          end = len < 0 ? chars.length + len : offset + len;
          if (end < offset) throw new ExpansionError(`${(await this.string(p.arg2)).trim()}: substring expression < 0`);
        }
        return text(chars.slice(offset, end).join(""));
      }
      case "^^":
        return text((value ?? "").toUpperCase());
      case ",,":
        return text((value ?? "").toLowerCase());
      case "^": {
        const v = value ?? "";
        return text(v.slice(0, 1).toUpperCase() + v.slice(1));
      }
      case ",": {
        const v = value ?? "";
        return text(v.slice(0, 1).toLowerCase() + v.slice(1));
      }
    }
  }

  private positionalSegs(args: string[], name: string, quoted: boolean): Seg[] {
    if (!quoted) return [{ text: args.join(" "), quoted: false, split: true }];
    if (name === "*") return [{ text: args.join((this.host.lookup("IFS") ?? IFS_DEFAULT).slice(0, 1)), quoted: true, split: false }];
    const segs: Seg[] = [];
    args.forEach((a, i) => {
      if (i > 0) segs.push({ text: "", quoted: true, split: false, fieldBreak: true });
      segs.push({ text: a, quoted: true, split: false });
    });
    return segs;
  }
}

/**
 * Split on IFS: IFS whitespace runs are one separator and trimmed at the ends;
 * each other IFS character is a separator of its own (so "a::b" with IFS=:
 * gives an empty field).
 */
export function splitIfs(text: string, ifs: string): { words: string[]; leading: boolean; trailing: boolean; forced: boolean[] } {
  const white = [...ifs].filter((c) => c === " " || c === "\t" || c === "\n").join("");
  const isWhite = (c: string) => white.includes(c);
  const isSep = (c: string) => ifs.includes(c);
  const words: string[] = [];
  const forced: boolean[] = [];
  let i = 0;
  const n = text.length;
  let leading = false;
  while (i < n && isWhite(text[i])) {
    i++;
    leading = true;
  }
  let cur = "";
  let trailing = false;
  while (i < n) {
    const c = text[i];
    if (!isSep(c)) {
      cur += c;
      i++;
      trailing = false;
      continue;
    }
    // One separator: optional whitespace, at most one non-whitespace IFS char, optional whitespace.
    let sawHard = false;
    while (i < n && isWhite(text[i])) i++;
    if (i < n && isSep(text[i]) && !isWhite(text[i])) {
      sawHard = true;
      i++;
      while (i < n && isWhite(text[i])) i++;
    }
    words.push(cur);
    forced.push(sawHard || cur !== "");
    cur = "";
    trailing = true;
  }
  if (!trailing || cur !== "") {
    if (cur !== "" || words.length === 0) {
      words.push(cur);
      forced.push(false);
    }
  }
  if (words.length === 1 && words[0] === "" && !forced[0]) return { words: [], leading, trailing: leading, forced: [] };
  return { words, leading, trailing, forced };
}
