// Running an awk program: records and fields, the special variables, the
// builtin functions, print/printf with redirections, user functions. Work is
// charged to the shell line's CPU budget. One class on purpose: evaluation,
// statements, fields and builtins share the interpreter's state throughout.
import type { CpuBudget } from "../../budget.ts";
import { Regex, RegexError } from "../../regex.ts";
import { formatFloat, formatInteger, formatString, parseFormat } from "../format.ts";
import { arrayUses } from "./analysis.ts";
import type { AwkProgram, Expr, LValue, Stmt } from "./parser.ts";
import { compare, numToStr, StrNum, toNum, toStr, truthy, UNINIT, type Value } from "./values.ts";

export class AwkRuntimeError extends Error {}

class Next {}
class NextFile {}
class Exit {
  constructor(readonly code: number | undefined) {}
}
class Break {}
class Continue {}
class Return {
  constructor(readonly value: Value) {}
}

type Cell = Value | Map<string, Value>;

export interface AwkIO {
  budget: CpuBudget;
  maxString: number;
  stdout(text: string): void;
  /** Read a file for getline < file; undefined when it cannot be read. */
  readFile(name: string): string | undefined;
  writeFile(name: string, text: string, append: boolean): string | undefined;
  environ: Record<string, string>;
}

export interface AwkInput {
  name: string;
  text: string;
}

const MAX_CALL_DEPTH = 200;

export class AwkInterpreter {
  private globals = new Map<string, Cell>();
  private frames: Array<Map<string, Cell>> = [];
  private record = "";
  private fields: string[] | null = [];
  private regexCache = new Map<string, Regex>();
  private out = "";
  private files = new Map<string, string>();
  private opened = new Set<string>();
  /** Text sent to `print | "cmd"`, run by the caller after the program ends. */
  readonly pipes = new Map<string, string>();
  private getlineFiles = new Map<string, { records: string[]; pos: number }>();
  private records: string[] = [];
  private recordPos = 0;
  private rangeActive: boolean[] = [];
  private randSeed = 0;
  private randState = 0;
  private depth = 0;
  private readonly arrayParams = new Map<string, Set<number>>();

  constructor(
    private readonly prog: AwkProgram,
    private readonly io: AwkIO,
  ) {
    for (const [k, v] of [
      ["FS", " "],
      ["OFS", " "],
      ["ORS", "\n"],
      ["RS", "\n"],
      ["SUBSEP", "\x1c"],
      ["CONVFMT", "%.6g"],
      ["OFMT", "%.6g"],
      ["FILENAME", ""],
    ] as const) {
      this.globals.set(k, v);
    }
    for (const k of ["NR", "FNR", "RSTART", "RLENGTH"]) this.globals.set(k, 0);
    const env = new Map<string, Value>();
    for (const [k, v] of Object.entries(io.environ)) env.set(k, new StrNum(v));
    this.globals.set("ENVIRON", env);
    for (const [name, fn] of prog.functions) this.arrayParams.set(name, arrayUses(fn.params, fn.body));
  }

  setVar(name: string, value: string): void {
    this.globals.set(name, new StrNum(value));
  }

  setArgv(args: string[]): void {
    const argv = new Map<string, Value>();
    args.forEach((a, i) => argv.set(String(i), new StrNum(a)));
    this.globals.set("ARGV", argv);
    this.globals.set("ARGC", args.length);
  }

  flushOutput(): string {
    const s = this.out;
    this.out = "";
    return s;
  }

  private emit(text: string, dest?: { mode: string; name: string }): void {
    if (!dest) {
      this.out += text;
      if (this.out.length > 65536) this.io.stdout(this.flushOutput());
      return;
    }
    if (dest.mode === "|") {
      this.pipes.set(dest.name, this.limit((this.pipes.get(dest.name) ?? "") + text));
      return;
    }
    const append = dest.mode === ">>" || this.opened.has(dest.name);
    this.opened.add(dest.name);
    const err = this.io.writeFile(dest.name, text, append);
    if (err) throw new AwkRuntimeError(`cannot open "${dest.name}" for output (${err})`);
  }

  private limit(s: string): string {
    if (s.length > this.io.maxString) throw new AwkRuntimeError("string too long");
    return s;
  }

  // --- variables -------------------------------------------------------

  private convfmt(): string {
    return toStr(this.scalar("CONVFMT"), "%.6g");
  }

  private str(v: Value): string {
    return toStr(v, this.convfmt());
  }

  private lookupCell(name: string): Map<string, Cell> {
    const frame = this.frames.at(-1);
    if (frame?.has(name)) return frame;
    return this.globals;
  }

  private scalar(name: string): Value {
    if (name === "NF") return this.nf();
    const cell = this.lookupCell(name).get(name);
    if (cell === undefined) return UNINIT;
    if (cell instanceof Map) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return cell;
  }

  private setScalar(name: string, v: Value): void {
    if (name === "NF") {
      this.setNF(Math.max(0, Math.trunc(toNum(v))));
      return;
    }
    const scope = this.lookupCell(name);
    if (scope.get(name) instanceof Map) throw new AwkRuntimeError(`can't assign to ${name}; it's an array name.`);
    scope.set(name, v);
  }

  private array(name: string): Map<string, Value> {
    const scope = this.lookupCell(name);
    const cell = scope.get(name);
    if (cell instanceof Map) return cell;
    if (cell !== undefined && !(cell instanceof StrNum && cell.uninit)) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    const m = new Map<string, Value>();
    scope.set(name, m);
    return m;
  }

  private subscript(subs: Expr[]): string {
    return subs.map((e) => this.str(this.eval(e))).join(this.str(this.scalar("SUBSEP")));
  }

  // --- records and fields ---------------------------------------------

  setRecord(text: string): void {
    this.record = text;
    this.fields = null;
  }

  private split(): string[] {
    if (this.fields === null) this.fields = this.splitWith(this.record, this.str(this.scalar("FS")), true);
    return this.fields;
  }

  /** Split by an FS value: " " (blanks), one character, or a regular expression. */
  private splitWith(text: string, fs: string, isRecord: boolean, forceRegex = false): string[] {
    if (text === "") return [];
    const paragraph = isRecord && this.str(this.scalar("RS")) === "";
    if (fs === " " && !forceRegex) return text.split(/[ \t\n]+/).filter((f, i, all) => !(f === "" && (i === 0 || i === all.length - 1)));
    let parts: string[];
    if (fs === "") parts = Array.from(text);
    else if (fs.length === 1 && fs !== "\\" && !forceRegex) parts = text.split(fs);
    else {
      const re = this.regex(fs);
      parts = [];
      let pos = 0;
      let from = 0;
      while (from <= text.length) {
        const m = re.exec(text, from, this.io.budget);
        if (!m) break;
        if (m.end === m.start) {
          from = m.end + 1;
          continue;
        }
        parts.push(text.slice(pos, m.start));
        pos = from = m.end;
      }
      parts.push(text.slice(pos));
    }
    if (paragraph) parts = parts.flatMap((p) => p.split("\n"));
    return parts;
  }

  private nf(): number {
    return this.split().length;
  }

  private setNF(n: number): void {
    const f = this.split();
    while (f.length < n) f.push("");
    f.length = n;
    this.rebuild();
  }

  private rebuild(): void {
    this.record = this.limit((this.fields ?? []).join(this.str(this.scalar("OFS"))));
  }

  private getField(i: number): Value {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) return new StrNum(this.record);
    const f = this.split();
    return i <= f.length ? new StrNum(f[i - 1]) : UNINIT;
  }

  private setField(i: number, v: Value): void {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i > 100_000) throw new AwkRuntimeError(`field index ${i} too large`);
    if (i === 0) {
      this.setRecord(this.str(v));
      return;
    }
    const f = this.split();
    while (f.length < i) f.push("");
    f[i - 1] = this.str(v);
    this.rebuild();
  }

  // --- regular expressions -------------------------------------------

  private regex(src: string): Regex {
    let re = this.regexCache.get(src);
    if (!re) {
      try {
        re = Regex.compile(src, { syntax: "awk" });
      } catch (e) {
        if (e instanceof RegexError) throw new AwkRuntimeError(`regular expression compile failed (${e.message})\n${src}`);
        throw e;
      }
      if (this.regexCache.size > 256) this.regexCache.clear();
      this.regexCache.set(src, re);
    }
    return re;
  }

  private regexOf(e: Expr): Regex {
    return this.regex(e.k === "regex" ? e.src : this.str(this.eval(e)));
  }

  // --- running --------------------------------------------------------

  /** Run BEGIN, the records of every input, END. Returns the exit status. */
  run(inputs: () => Iterable<AwkInput | { assign: string; value: string }>): number {
    let code: number | undefined;
    try {
      for (const b of this.prog.begin) this.block(b);
    } catch (e) {
      if (e instanceof Exit) code = e.code;
      else throw e;
    }
    const needInput = this.prog.rules.length > 0 || this.prog.end.length > 0;
    if (code === undefined && needInput) {
      try {
        for (const input of inputs()) {
          if ("assign" in input) {
            this.setVar(input.assign, input.value);
            continue;
          }
          this.globals.set("FILENAME", input.name);
          this.globals.set("FNR", 0);
          this.records = this.splitRecords(input.text);
          this.recordPos = 0;
          try {
            while (this.recordPos < this.records.length) {
              this.nextRecord();
              this.rules();
            }
          } catch (e) {
            if (!(e instanceof NextFile)) throw e;
          }
        }
      } catch (e) {
        if (e instanceof Exit) code = e.code;
        else throw e;
      }
    }
    try {
      for (const b of this.prog.end) this.block(b);
    } catch (e) {
      if (e instanceof Exit) code = e.code ?? code;
      else throw e;
    }
    return code ?? 0;
  }

  private nextRecord(): void {
    this.setRecord(this.records[this.recordPos++]);
    this.globals.set("NR", toNum(this.scalar("NR")) + 1);
    this.globals.set("FNR", toNum(this.scalar("FNR")) + 1);
  }

  private splitRecords(text: string): string[] {
    const rs = this.str(this.scalar("RS"));
    if (text === "") return [];
    if (rs === "\n" || rs.length === 1) {
      const recs = text.split(rs);
      if (recs.at(-1) === "") recs.pop();
      return recs;
    }
    if (rs === "") return text.replace(/^\n+/, "").replace(/\n+$/, "").split(/\n\n+/).filter((r) => r !== "");
    const re = this.regex(rs);
    const recs: string[] = [];
    let pos = 0;
    for (const m of re.matches(text, this.io.budget)) {
      if (m.end === m.start) continue;
      recs.push(text.slice(pos, m.start));
      pos = m.end;
    }
    if (pos < text.length) recs.push(text.slice(pos));
    return recs;
  }

  private rules(): void {
    try {
      this.prog.rules.forEach((rule, i) => {
        this.io.budget.spend(1);
        let selected: boolean;
        if (rule.end) {
          if (this.rangeActive[i]) {
            selected = true;
            if (truthy(this.evalPattern(rule.end))) this.rangeActive[i] = false;
          } else if (truthy(this.evalPattern(rule.pattern as Expr))) {
            selected = true;
            this.rangeActive[i] = !truthy(this.evalPattern(rule.end));
          } else selected = false;
        } else selected = rule.pattern ? truthy(this.evalPattern(rule.pattern)) : true;
        if (!selected) return;
        if (rule.action) this.block(rule.action);
        else this.emit(this.str(this.getField(0)) + this.str(this.scalar("ORS")));
      });
    } catch (e) {
      if (!(e instanceof Next)) throw e;
    }
  }

  private evalPattern(e: Expr): Value {
    return e.k === "regex" ? (this.regex(e.src).exec(this.record, 0, this.io.budget) ? 1 : 0) : this.eval(e);
  }

  private block(stmts: Stmt[]): void {
    for (const s of stmts) this.exec(s);
  }

  private exec(s: Stmt): void {
    // A statement costs a few units: it is far heavier than a regex step.
    this.io.budget.spend(3);
    switch (s.k) {
      case "block":
        this.block(s.body);
        return;
      case "expr":
        this.eval(s.e);
        return;
      case "print": {
        const ofmt = this.str(this.scalar("OFMT"));
        const items = s.args.length === 0 ? [this.getField(0)] : s.args.flatMap((a) => (a.k === "group" ? a.items : [a])).map((a) => this.eval(a));
        const text = items.map((v) => (typeof v === "number" ? numToStr(v, ofmt) : this.str(v))).join(this.str(this.scalar("OFS")));
        this.emit(this.limit(text + this.str(this.scalar("ORS"))), s.dest && { mode: s.dest.mode, name: this.str(this.eval(s.dest.target)) });
        return;
      }
      case "printf": {
        const args = s.args.flatMap((a) => (a.k === "group" ? a.items : [a]));
        const [fmt, ...rest] = args.map((a) => this.eval(a));
        this.emit(this.sprintf(this.str(fmt), rest), s.dest && { mode: s.dest.mode, name: this.str(this.eval(s.dest.target)) });
        return;
      }
      case "if":
        if (truthy(this.eval(s.c))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case "while":
        while (truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
        }
        return;
      case "do":
        do {
          if (this.loopBody(s.body)) break;
        } while (truthy(this.eval(s.c)));
        return;
      case "for":
        if (s.init) this.exec(s.init);
        while (!s.c || truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case "forin": {
        const arr = this.array(s.arr);
        for (const key of [...arr.keys()]) {
          if (!arr.has(key)) continue;
          this.setScalar(s.name, new StrNum(key));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "next":
        throw new Next();
      case "nextfile":
        throw new NextFile();
      case "exit":
        throw new Exit(s.e ? Math.trunc(toNum(this.eval(s.e))) & 255 : undefined);
      case "return":
        throw new Return(s.e ? this.eval(s.e) : UNINIT);
      case "delete": {
        const arr = this.array(s.name);
        if (s.subs) arr.delete(this.subscript(s.subs));
        else arr.clear();
        return;
      }
    }
  }

  /** Returns true when the loop should stop (break). */
  private loopBody(body: Stmt): boolean {
    this.io.budget.spend(1);
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }

  // --- expressions ----------------------------------------------------

  private assignTo(target: LValue, v: Value): Value {
    if (target.k === "var") this.setScalar(target.name, v);
    else if (target.k === "field") this.setField(Math.trunc(toNum(this.eval(target.index))), v);
    else this.array(target.name).set(this.subscript(target.subs), v);
    return v;
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case "num":
        return e.v;
      case "str":
        return e.v;
      case "regex":
        return this.regex(e.src).exec(this.record, 0, this.io.budget) ? 1 : 0;
      case "group":
        return e.items.length === 1 ? this.eval(e.items[0]) : this.str(e.items.map((i) => this.str(this.eval(i))).join(this.str(this.scalar("SUBSEP"))));
      case "var":
        return this.scalar(e.name);
      case "field":
        return this.getField(Math.trunc(toNum(this.eval(e.index))));
      case "index": {
        const arr = this.array(e.name);
        const key = this.subscript(e.subs);
        const v = arr.get(key);
        if (v === undefined) {
          arr.set(key, UNINIT);
          return UNINIT;
        }
        return v;
      }
      case "assign": {
        if (e.op === "=") return this.assignTo(e.target, this.eval(e.value));
        const right = toNum(this.eval(e.value));
        const left = toNum(this.eval(e.target));
        return this.assignTo(e.target, this.arith(e.op.slice(0, -1), left, right));
      }
      case "cond":
        return truthy(this.eval(e.test)) ? this.eval(e.a) : this.eval(e.b);
      case "and":
        return truthy(this.eval(e.a)) && truthy(this.eval(e.b)) ? 1 : 0;
      case "or":
        return truthy(this.eval(e.a)) || truthy(this.eval(e.b)) ? 1 : 0;
      case "in":
        return this.array(e.name).has(this.subscript(e.subs)) ? 1 : 0;
      case "match": {
        const s = this.str(this.eval(e.left));
        const hit = this.regexOf(e.re).exec(s, 0, this.io.budget) !== null;
        return hit !== e.neg ? 1 : 0;
      }
      case "bin": {
        if (["<", "<=", "!=", "==", ">=", ">"].includes(e.op)) {
          const c = compare(this.eval(e.a), this.eval(e.b), this.convfmt());
          const r = e.op === "<" ? c < 0 : e.op === "<=" ? c <= 0 : e.op === "!=" ? c !== 0 : e.op === "==" ? c === 0 : e.op === ">=" ? c >= 0 : c > 0;
          return r ? 1 : 0;
        }
        return this.arith(e.op, toNum(this.eval(e.a)), toNum(this.eval(e.b)));
      }
      case "cat":
        return this.limit(this.str(this.eval(e.a)) + this.str(this.eval(e.b)));
      case "unary": {
        const v = this.eval(e.e);
        if (e.op === "!") return truthy(v) ? 0 : 1;
        return e.op === "-" ? -toNum(v) : toNum(v);
      }
      case "incdec": {
        const old = toNum(this.eval(e.target));
        const updated = e.op === "++" ? old + 1 : old - 1;
        this.assignTo(e.target, updated);
        return e.prefix ? updated : old;
      }
      case "call":
        return this.call(e.name, e.args);
      case "builtin":
        return this.builtin(e.name, e.args);
      case "getline":
        return this.getline(e.target, e.file);
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        // mawk (Debian's awk) gives inf or nan rather than stopping.
        return a / b;
      case "%":
        return a % b;
      case "^":
      case "**":
        return a ** b;
    }
    return 0;
  }

  private call(name: string, args: Expr[]): Value {
    const fn = this.prog.functions.get(name);
    if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
    if (args.length > fn.params.length) throw new AwkRuntimeError(`function ${name} called with ${args.length} args, accepts only ${fn.params.length}`);
    if (this.depth >= MAX_CALL_DEPTH) throw new AwkRuntimeError("function call nesting is too deep");
    const frame = new Map<string, Cell>();
    const arrays = this.arrayParams.get(name) ?? new Set<number>();
    fn.params.forEach((p, i) => {
      const a = args[i];
      if (a === undefined) return;
      if (a.k === "var" && (arrays.has(i) || this.lookupCell(a.name).get(a.name) instanceof Map)) frame.set(p, this.array(a.name));
      else frame.set(p, this.eval(a));
    });
    for (const p of fn.params) if (!frame.has(p)) frame.set(p, UNINIT);
    this.frames.push(frame);
    this.depth++;
    try {
      this.block(fn.body);
      return UNINIT;
    } catch (e) {
      if (e instanceof Return) return e.value;
      throw e;
    } finally {
      this.depth--;
      this.frames.pop();
    }
  }

  private getline(target: LValue | undefined, file: Expr | undefined): Value {
    if (file) {
      const name = this.str(this.eval(file));
      let src = this.getlineFiles.get(name);
      if (!src) {
        const text = name === "-" || name === "/dev/stdin" ? undefined : this.io.readFile(name);
        if (text === undefined) return -1;
        src = { records: this.splitRecords(text), pos: 0 };
        this.getlineFiles.set(name, src);
      }
      if (src.pos >= src.records.length) return 0;
      const rec = src.records[src.pos++];
      if (target) this.assignTo(target, new StrNum(rec));
      else this.setRecord(rec);
      return 1;
    }
    if (this.recordPos >= this.records.length) return 0;
    if (target) {
      this.assignTo(target, new StrNum(this.records[this.recordPos++]));
      this.globals.set("NR", toNum(this.scalar("NR")) + 1);
      this.globals.set("FNR", toNum(this.scalar("FNR")) + 1);
    } else this.nextRecord();
    return 1;
  }

  sprintf(fmt: string, args: Value[]): string {
    const { pieces } = parseFormat(fmt, "diouxXeEfFgGcs");
    let out = "";
    let k = 0;
    for (const p of pieces) {
      if (typeof p === "string") {
        out += p;
        continue;
      }
      const spec = { ...p };
      if (spec.starWidth) {
        const w = Math.trunc(toNum(args[k++] ?? UNINIT));
        spec.width = Math.abs(w);
        if (w < 0) spec.flags += "-";
      }
      if (spec.starPrecision) spec.precision = Math.trunc(toNum(args[k++] ?? UNINIT));
      const v = args[k++] ?? UNINIT;
      if (spec.conv === "s") out += formatString(spec, this.str(v));
      else if (spec.conv === "c") {
        const c = typeof v === "number" ? String.fromCodePoint(Math.max(0, Math.min(0x10ffff, Math.trunc(v)))) : (Array.from(this.str(v))[0] ?? "");
        out += formatString(spec, c);
      } else if ("diouxX".includes(spec.conv)) {
        const n = toNum(v);
        out += Number.isFinite(n) ? formatInteger(spec, BigInt(Math.trunc(n))) : formatFloat({ ...spec, conv: "f" }, n);
      } else out += formatFloat(spec, toNum(v));
    }
    return this.limit(out);
  }

  private builtin(name: string, args: Expr[]): Value {
    const arg = (i: number) => (args[i] ? this.eval(args[i]) : UNINIT);
    const s = (i: number) => this.str(arg(i));
    switch (name) {
      case "length": {
        if (args.length === 0) return this.record.length;
        const a = args[0];
        if (a.k === "var" && this.lookupCell(a.name).get(a.name) instanceof Map) return this.array(a.name).size;
        return s(0).length;
      }
      case "substr": {
        const str = s(0);
        // Round half to even, as C's rint does in gawk and mawk.
        const round = (x: number) => {
          const r = Math.round(x);
          return x - Math.floor(x) === 0.5 && r % 2 !== 0 ? r - 1 : r;
        };
        let start = round(toNum(arg(1)));
        if (args.length < 3) return str.slice(Math.max(start, 1) - 1);
        let count = round(toNum(arg(2)));
        if (start < 1) {
          count += start - 1;
          start = 1;
        }
        return count <= 0 ? "" : str.slice(start - 1, start - 1 + count);
      }
      case "index": {
        const t = s(1);
        return s(0).indexOf(t) + 1;
      }
      case "split": {
        const text = s(0);
        const target = args[1];
        if (!target || target.k !== "var") throw new AwkRuntimeError("split: second argument is not an array");
        const fs = args[2] ? (args[2].k === "regex" ? args[2].src : s(2)) : this.str(this.scalar("FS"));
        const parts = this.splitWith(text, fs, false, args[2]?.k === "regex");
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case "sub":
      case "gsub":
        return this.substitute(name === "gsub", args);
      case "match": {
        const m = this.regexOf(args[1] ?? { k: "str", v: "" }).exec(s(0), 0, this.io.budget);
        this.globals.set("RSTART", m ? m.start + 1 : 0);
        this.globals.set("RLENGTH", m ? m.end - m.start : -1);
        return m ? m.start + 1 : 0;
      }
      case "sprintf":
        return args.length === 0 ? "" : this.sprintf(s(0), args.slice(1).map((a) => this.eval(a)));
      case "tolower":
        return s(0).toLowerCase();
      case "toupper":
        return s(0).toUpperCase();
      case "int":
        return Math.trunc(toNum(arg(0)));
      case "sqrt":
        return Math.sqrt(toNum(arg(0)));
      case "exp":
        return Math.exp(toNum(arg(0)));
      case "log":
        return Math.log(toNum(arg(0)));
      case "sin":
        return Math.sin(toNum(arg(0)));
      case "cos":
        return Math.cos(toNum(arg(0)));
      case "atan2":
        return Math.atan2(toNum(arg(0)), toNum(arg(1)));
      case "rand":
        // A fixed LCG: the same program prints the same numbers every time, as awk does without srand().
        this.randState = (Math.imul(this.randState ^ 0x5deece66, 1103515245) + 12345) >>> 0;
        return this.randState / 0x100000000;
      case "srand": {
        const prev = this.randSeed;
        this.randSeed = args.length > 0 ? Math.trunc(toNum(arg(0))) : 0;
        this.randState = this.randSeed >>> 0;
        return prev;
      }
      case "close":
      case "fflush":
        return 0;
      case "system":
        throw new AwkRuntimeError("system() is not available in this terminal");
    }
    throw new AwkRuntimeError(`function ${name} never defined`);
  }

  private substitute(global: boolean, args: Expr[]): number {
    if (args.length < 2) throw new AwkRuntimeError(`${global ? "gsub" : "sub"}: requires two or three arguments`);
    const re = this.regexOf(args[0]);
    const repl = this.str(this.eval(args[1]));
    const target: LValue = args[2] && (args[2].k === "var" || args[2].k === "field" || args[2].k === "index") ? args[2] : { k: "field", index: { k: "num", v: 0 } };
    const text = this.str(this.eval(target));
    let out = "";
    let pos = 0;
    let count = 0;
    let lastEnd = -1;
    while (pos <= text.length) {
      const m = re.exec(text, pos, this.io.budget);
      if (!m) break;
      if (m.start === m.end && m.start === lastEnd) {
        // An empty match right after a match does not count; move on one character.
        if (m.start >= text.length) break;
        out += text.slice(pos, m.start + 1);
        pos = m.start + 1;
        continue;
      }
      out += text.slice(pos, m.start) + expandReplacement(repl, text.slice(m.start, m.end));
      count++;
      lastEnd = m.end;
      if (m.end === m.start) {
        if (m.start < text.length) out += text[m.start];
        pos = m.start + 1;
      } else pos = m.end;
      if (!global) break;
      this.limit(out);
    }
    if (count === 0) return 0;
    if (pos <= text.length) out += text.slice(pos);
    this.assignTo(target, this.limit(out));
    return count;
  }
}

/** & is the matched text, \& a literal &, \\ a backslash. */
function expandReplacement(repl: string, matched: string): string {
  let out = "";
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === "\\" && (repl[i + 1] === "&" || repl[i + 1] === "\\")) {
      out += repl[++i];
    } else if (c === "&") out += matched;
    else out += c;
  }
  return out;
}
