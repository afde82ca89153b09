// sed scripts: addresses and commands parsed into a flat list (a "{" knows
// where its "}" is), with GNU's error messages and character positions.
import { Regex, RegexError } from "../../regex.ts";

export type Address = { k: "line"; n: number } | { k: "last" } | { k: "re"; re: Regex | null } | { k: "step"; first: number; step: number } | { k: "plus"; n: number };

export interface Command {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  /** s: regex (null = last regex), replacement, flags. */
  re?: Regex | null;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  label?: string;
  code?: number;
  from?: string[];
  to?: string[];
  /** Index of the matching "}" for "{". */
  blockEnd?: number;
  /** Range state. */
  active?: boolean;
  rangeEnd?: number;
}

export class SedError extends Error {}

export class ScriptParser {
  private i = 0;
  readonly commands: Command[] = [];
  private readonly blocks: number[] = [];
  constructor(
    private readonly text: string,
    private readonly extended: boolean,
    private readonly where: string,
  ) {}

  /** GNU counts the characters read so far; `pending` when the offending one is not consumed yet. */
  private fail(msg: string, pending = false): never {
    throw new SedError(`${this.where}, char ${this.i + (pending ? 1 : 0)}: ${msg}`);
  }

  private compile(src: string, icase = false): Regex | null {
    if (src === "") return null;
    try {
      return Regex.compile(src, { syntax: this.extended ? "extended" : "basic", ignoreCase: icase });
    } catch (e) {
      if (e instanceof RegexError) this.fail(e.message);
      throw e;
    }
  }

  /** Text up to an unescaped delimiter; "\delim" becomes delim, "\n" a newline. */
  private delimited(delim: string, what: string): string {
    let out = "";
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || (c === "\n" && what !== "y")) this.fail(`unterminated ${what === "address" ? "address regex" : `\`${what === "s-repl" ? "s" : what}' command`}`);
      this.i++;
      if (c === delim) return out;
      if (c === "\\") {
        const n = this.text[this.i++];
        if (n === undefined) this.fail(`unterminated \`${what}' command`);
        if (n === delim) out += delim;
        else if (n === "n" && what !== "s-repl") out += "\n";
        else out += "\\" + n;
        continue;
      }
      if (c === "[" && what !== "s-repl") {
        // A bracket expression may hold the delimiter.
        let j = this.i;
        if (this.text[j] === "^") j++;
        if (this.text[j] === "]") j++;
        const close = this.text.indexOf("]", j);
        if (close > 0 && !this.text.slice(this.i, close).includes("\n")) {
          out += c + this.text.slice(this.i, close + 1);
          this.i = close + 1;
          continue;
        }
      }
      out += c;
    }
  }

  private skipBlanks(): void {
    while (this.text[this.i] === " " || this.text[this.i] === "\t") this.i++;
  }

  private address(): Address | undefined {
    const c = this.text[this.i];
    if (c === undefined) return undefined;
    if (/[0-9]/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(this.text.slice(this.i)) as RegExpExecArray;
      this.i += m[0].length;
      if (m[2] !== undefined) return { k: "step", first: Number(m[1]), step: Number(m[2]) };
      if (Number(m[1]) === 0) this.fail("invalid usage of line address 0");
      return { k: "line", n: Number(m[1]) };
    }
    if (c === "$") {
      this.i++;
      return { k: "last" };
    }
    if (c === "/" || c === "\\") {
      let delim = "/";
      this.i++;
      if (c === "\\") delim = this.text[this.i++];
      const src = this.delimited(delim, "address");
      let icase = false;
      while (this.text[this.i] === "I" || this.text[this.i] === "M") icase ||= this.text[this.i++] === "I";
      return { k: "re", re: this.compile(src, icase) };
    }
    return undefined;
  }

  private label(): string {
    this.skipBlanks();
    let s = "";
    while (this.i < this.text.length && !/[;\n]/.test(this.text[this.i])) s += this.text[this.i++];
    return s.trim();
  }

  /** Text of a, i, c: "a text" (GNU one-liner) or "a\" newline "text". */
  private textArg(): string {
    this.skipBlanks();
    if (this.text[this.i] === "\\") {
      this.i++;
      if (this.text[this.i] === "\n") this.i++;
    }
    let s = "";
    while (this.i < this.text.length && this.text[this.i] !== "\n") {
      if (this.text[this.i] === "\\" && this.i + 1 < this.text.length) {
        const n = this.text[this.i + 1];
        s += n === "\n" ? "\n" : n === "t" ? "\t" : n;
        this.i += 2;
        continue;
      }
      s += this.text[this.i++];
    }
    return s;
  }

  private endCommand(): void {
    this.skipBlanks();
    const c = this.text[this.i];
    if (c === undefined || c === "\n" || c === ";") {
      if (c !== undefined) this.i++;
      return;
    }
    if (c === "}" || c === "#") return;
    this.fail(`extra characters after command`, true);
  }

  parse(): Command[] {
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === ";" || c === "\n" || c === " " || c === "\t") {
        this.i++;
        continue;
      }
      if (c === "#") {
        while (this.i < this.text.length && this.text[this.i] !== "\n") this.i++;
        continue;
      }
      const cmd: Command = { negate: false, name: "" };
      cmd.a1 = this.address();
      if (cmd.a1 && this.text[this.i] === ",") {
        this.i++;
        const plus = /^\+(\d+)/.exec(this.text.slice(this.i));
        if (plus) {
          this.i += plus[0].length;
          cmd.a2 = { k: "plus", n: Number(plus[1]) };
        } else {
          cmd.a2 = this.address();
          if (!cmd.a2) this.fail("unexpected `,'");
        }
      }
      this.skipBlanks();
      while (this.text[this.i] === "!") {
        cmd.negate = true;
        this.i++;
        this.skipBlanks();
      }
      const name = this.text[this.i++];
      if (name === undefined) this.fail("missing command");
      cmd.name = name;
      switch (name) {
        case "{":
          this.blocks.push(this.commands.length);
          this.commands.push(cmd);
          continue;
        case "}": {
          const open = this.blocks.pop();
          if (open === undefined || cmd.a1) this.fail("unexpected `}'");
          this.commands[open].blockEnd = this.commands.length;
          this.commands.push(cmd);
          this.endCommand();
          continue;
        }
        case "s": {
          const delim = this.text[this.i++];
          if (delim === undefined || delim === "\n" || delim === "\\") this.fail("unterminated `s' command");
          const src = this.delimited(delim, "s");
          cmd.replacement = this.delimited(delim, "s-repl");
          let icase = false;
          for (;;) {
            const f = this.text[this.i];
            if (f === "g") cmd.global = true;
            else if (f === "p") cmd.print = true;
            else if (f === "i" || f === "I") icase = true;
            else if (f === "m" || f === "M" || f === "e") {
              // Multiline and e are accepted and ignored.
            } else if (f !== undefined && /[0-9]/.test(f)) {
              const m = /^\d+/.exec(this.text.slice(this.i)) as RegExpExecArray;
              cmd.occurrence = Number(m[0]);
              this.i += m[0].length - 1;
            } else if (f === "w") {
              this.fail("the `w' flag is not available in this terminal");
            } else break;
            this.i++;
          }
          cmd.re = this.compile(src, icase);
          const next = this.text[this.i];
          if (next !== undefined && !/[;\n}# \t]/.test(next)) this.fail("unknown option to `s'", true);
          break;
        }
        case "y": {
          const delim = this.text[this.i++];
          const from = Array.from(this.delimited(delim ?? "/", "y").replace(/\\\\/g, "\\"));
          const to = Array.from(this.delimited(delim ?? "/", "y").replace(/\\\\/g, "\\"));
          if (from.length !== to.length) this.fail("strings for `y' command are different lengths");
          cmd.from = from;
          cmd.to = to;
          break;
        }
        case "a":
        case "i":
        case "c":
          cmd.text = this.textArg();
          break;
        case ":":
          if (cmd.a1) this.fail(": doesn't want any addresses");
          cmd.label = this.label();
          if (!cmd.label) this.fail("\":\" lacks a label");
          break;
        case "b":
        case "t":
        case "T":
          cmd.label = this.label();
          break;
        case "q":
        case "Q": {
          this.skipBlanks();
          const m = /^\d+/.exec(this.text.slice(this.i));
          if (m) {
            cmd.code = Number(m[0]);
            this.i += m[0].length;
          }
          break;
        }
        case "d":
        case "D":
        case "p":
        case "P":
        case "n":
        case "N":
        case "=":
        case "h":
        case "H":
        case "g":
        case "G":
        case "x":
        case "l":
        case "z":
          break;
        default:
          this.fail(`unknown command: \`${name}'`);
      }
      this.commands.push(cmd);
      if (!"aic:btT".includes(name)) this.endCommand();
    }
    if (this.blocks.length > 0) this.fail("unmatched `{'");
    return this.commands;
  }
}
