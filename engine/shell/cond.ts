// Conditional expressions for `test`/`[` (POSIX's rules by argument count,
// then -a/-o precedence) and for `[[ ]]` (&& || ! ( ), patterns on the right
// of == and !=, =~ regular expressions, arithmetic operands for -eq).
import { ArithError, evaluateArithmetic } from "./arith.ts";
import type { VirtualFs } from "./fs.ts";
import { globMatch } from "./pattern.ts";
import { Regex, RegexError } from "./regex.ts";

/** A usage error; the command prints "bash: <message>" and returns 2. */
export class TestError extends Error {}

export interface CondHost {
  readonly fs: VirtualFs;
  resolve(path: string): string;
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
}

export interface CondToken {
  text: string;
  /** The operand as a pattern (quoted characters escaped), for [[ == ]]. */
  pattern: string;
  /** Set for the operators the [[ ]] grammar keeps apart (&& || ( ) < >). */
  op?: string;
}

const UNARY = new Set(["-e", "-f", "-d", "-s", "-r", "-w", "-x", "-n", "-z", "-L", "-h", "-b", "-c", "-p", "-S", "-t", "-v", "-a", "-g", "-u", "-k", "-O", "-G", "-N"]);
const BINARY = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

class Evaluator {
  private i = 0;
  constructor(
    private readonly toks: CondToken[],
    private readonly host: CondHost,
    private readonly mode: "test" | "cond",
    private readonly cmd: string,
  ) {}

  private fail(message: string): never {
    throw new TestError(this.mode === "cond" ? message : `${this.cmd}: ${message}`);
  }

  private peek(k = 0): CondToken | undefined {
    return this.toks[this.i + k];
  }
  private isOr(t: CondToken | undefined): boolean {
    return t !== undefined && (this.mode === "cond" ? t.op === "||" : t.text === "-o");
  }
  private isAnd(t: CondToken | undefined): boolean {
    return t !== undefined && (this.mode === "cond" ? t.op === "&&" : t.text === "-a");
  }

  run(): boolean {
    const n = this.toks.length;
    if (this.mode === "test") {
      // POSIX: decide by the number of arguments first.
      if (n === 0) return false;
      if (n === 1) return this.toks[0].text !== "";
      if (n === 2) {
        if (this.toks[0].text === "!") return this.toks[1].text === "";
        return this.unary(this.toks[0].text, this.toks[1].text, true);
      }
      if (n === 3 && BINARY.has(this.toks[1].text)) return this.binary(this.toks[0], this.toks[1].text, this.toks[2]);
      if (n === 3 && this.toks[0].text === "!") {
        this.i = 1;
        return !this.run3();
      }
      if (n === 3 && this.toks[0].text === "(" && this.toks[2].text === ")") return this.toks[1].text !== "";
      if (n === 4 && this.toks[0].text === "!") {
        this.i = 1;
        const v = this.or();
        if (this.i < n) this.fail("too many arguments");
        return !v;
      }
    }
    const v = this.or();
    if (this.i < n) {
      const t = this.toks[this.i];
      if (this.mode === "cond") this.fail(`syntax error in conditional expression: unexpected token \`${t.text}'`);
      this.fail("too many arguments");
    }
    return v;
  }

  private run3(): boolean {
    const [a, op, b] = this.toks.slice(1);
    if (b === undefined) return this.unary(a.text, op.text, true);
    return this.binary(a, op.text, b);
  }

  private or(): boolean {
    let v = this.and();
    while (this.isOr(this.peek())) {
      this.i++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.isAnd(this.peek())) {
      this.i++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    const t = this.peek();
    if (t && t.text === "!" && (this.mode === "test" || !t.op) && this.peek(1) !== undefined) {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const t = this.peek();
    if (!t) this.fail(this.mode === "cond" ? "unexpected argument to conditional expression" : "argument expected");
    if ((this.mode === "cond" ? t.op === "(" : t.text === "(") && this.peek(1) !== undefined) {
      this.i++;
      const v = this.or();
      const close = this.peek();
      if (!close || close.text !== ")") this.fail(this.mode === "cond" ? "expected `)'" : "`)' expected");
      this.i++;
      return v;
    }
    const next = this.peek(1);
    if (next && BINARY.has(next.text) && this.peek(2) !== undefined && !(this.mode === "cond" && next.op && next.op !== "<" && next.op !== ">")) {
      this.i += 3;
      return this.binary(t, next.text, this.toks[this.i - 1]);
    }
    if (next && next.text === "=~" && this.mode === "cond" && this.peek(2) !== undefined) {
      this.i += 3;
      return this.regexMatch(t.text, this.toks[this.i - 1].text);
    }
    if (UNARY.has(t.text) && !t.op && next !== undefined && !(this.isAnd(next) || this.isOr(next))) {
      this.i += 2;
      return this.unary(t.text, next.text, false);
    }
    if (this.mode === "test" && t.text.startsWith("-") && t.text.length === 2 && next !== undefined && !BINARY.has(next.text)) {
      this.fail(`${t.text}: unary operator expected`);
    }
    this.i++;
    if (this.mode === "test" && next !== undefined && !this.isAnd(next) && !this.isOr(next) && next.text !== ")") {
      this.fail(`${next.text}: binary operator expected`);
    }
    return t.text !== "";
  }

  private unary(op: string, arg: string, strict: boolean): boolean {
    const path = () => this.host.resolve(arg);
    switch (op) {
      case "-n":
        return arg !== "";
      case "-z":
        return arg === "";
      case "-e":
      case "-a":
        return arg !== "" && this.host.fs.exists(path());
      case "-f":
        return arg !== "" && this.host.fs.isFile(path());
      case "-d":
        return arg !== "" && this.host.fs.isDir(path());
      case "-s": {
        const st = arg === "" ? undefined : this.host.fs.stat(path());
        return st !== undefined && (st.kind === "dir" || st.size > 0);
      }
      case "-r":
      case "-w":
        return arg !== "" && this.host.fs.exists(path());
      case "-x": {
        const st = arg === "" ? undefined : this.host.fs.stat(path());
        return st !== undefined && (st.mode & 0o111) !== 0;
      }
      case "-v":
        return this.host.lookup(arg) !== undefined;
      case "-t":
        return false;
      case "-L":
      case "-h":
      case "-b":
      case "-c":
      case "-p":
      case "-S":
      case "-g":
      case "-u":
      case "-k":
      case "-N":
        return false;
      case "-O":
      case "-G":
        return arg !== "" && this.host.fs.exists(path());
    }
    if (strict) this.fail(`${op}: unary operator expected`);
    return false;
  }

  private integer(s: string): bigint {
    if (this.mode === "cond") {
      try {
        return evaluateArithmetic(s, { get: (n) => this.host.lookup(n), set: (n, v) => this.host.assign(n, v) });
      } catch (e) {
        if (e instanceof ArithError) this.fail(e.message);
        throw e;
      }
    }
    const t = s.trim();
    if (!/^[-+]?[0-9]+$/.test(t)) this.fail(`${s}: integer expression expected`);
    return BigInt(t);
  }

  private binary(a: CondToken, op: string, b: CondToken): boolean {
    switch (op) {
      case "=":
      case "==":
        return this.mode === "cond" ? globMatch(b.pattern, a.text) : a.text === b.text;
      case "!=":
        return this.mode === "cond" ? !globMatch(b.pattern, a.text) : a.text !== b.text;
      case "<":
        return a.text < b.text;
      case ">":
        return a.text > b.text;
      case "-nt":
      case "-ot": {
        const x = this.host.fs.stat(this.host.resolve(a.text));
        const y = this.host.fs.stat(this.host.resolve(b.text));
        if (op === "-nt") return x !== undefined && (y === undefined || x.mtime > y.mtime);
        return y !== undefined && (x === undefined || x.mtime < y.mtime);
      }
      case "-ef":
        return this.host.resolve(a.text) === this.host.resolve(b.text) && this.host.fs.exists(this.host.resolve(a.text));
    }
    const x = this.integer(a.text);
    const y = this.integer(b.text);
    switch (op) {
      case "-eq":
        return x === y;
      case "-ne":
        return x !== y;
      case "-lt":
        return x < y;
      case "-le":
        return x <= y;
      case "-gt":
        return x > y;
      case "-ge":
        return x >= y;
    }
    return false;
  }

  private regexMatch(text: string, pattern: string): boolean {
    let re: Regex;
    try {
      re = Regex.compile(pattern, { syntax: "extended" });
    } catch (e) {
      if (e instanceof RegexError) return false;
      throw e;
    }
    const m = re.exec(text);
    if (!m) return false;
    this.host.assign("BASH_REMATCH", text.slice(m.start, m.end));
    return true;
  }
}

/** Evaluate a condition. Throws TestError for a malformed expression. */
export function evaluateCondition(tokens: CondToken[], host: CondHost, mode: "test" | "cond", cmd = "test"): boolean {
  return new Evaluator(tokens, host, mode, cmd).run();
}
