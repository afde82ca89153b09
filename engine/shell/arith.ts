// $(( )) arithmetic as bash evaluates it: 64-bit integers that wrap, C
// operators and precedence, variables read (and assigned) by name, bases
// 0x, 0 and N#. Errors carry bash's wording, "(error token is ...)" included.

export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArithError";
  }
}

export interface ArithScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: "num"; v: bigint; pos: number } | { t: "name"; v: string; pos: number } | { t: "op"; v: string; pos: number } | { t: "end"; pos: number };

const OPS = ["<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=", "(", ")", ","];
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const MAX_DEPTH = 64;

class Evaluator {
  private toks: Tok[] = [];
  private i = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly scope: ArithScope,
    private readonly level: number,
  ) {}

  private fail(msg: string, at: number): never {
    const token = this.src.slice(at).trim();
    throw new ArithError(`${this.src.trim()}: ${msg} (error token is "${token}")`);
  }

  private tokenize(): void {
    const s = this.src;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (/[0-9]/.test(c)) {
        const m = /^[0-9A-Za-z_@#]*/.exec(s.slice(i)) as RegExpExecArray;
        if (s[i + m[0].length] === ".") this.fail("syntax error: invalid arithmetic operator", i + m[0].length);
        this.toks.push({ t: "num", v: this.number(m[0], i), pos: i });
        i += m[0].length;
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i)) as RegExpExecArray;
        this.toks.push({ t: "name", v: m[0], pos: i });
        i += m[0].length;
        continue;
      }
      const op = OPS.find((o) => s.startsWith(o, i));
      if (!op) this.fail("syntax error: invalid arithmetic operator", i);
      this.toks.push({ t: "op", v: op, pos: i });
      i += op.length;
    }
    this.toks.push({ t: "end", pos: s.length });
  }

  private number(text: string, pos: number): bigint {
    let base = 10;
    let digits = text;
    const hash = text.indexOf("#");
    if (hash > 0) {
      base = Number(text.slice(0, hash));
      digits = text.slice(hash + 1);
      if (!(base >= 2 && base <= 64)) this.fail("invalid arithmetic base", pos);
    } else if (/^0[xX]/.test(text)) {
      base = 16;
      digits = text.slice(2);
    } else if (text.length > 1 && text.startsWith("0")) {
      base = 8;
      digits = text.slice(1);
    }
    let v = 0n;
    for (const ch of digits) {
      let d: number;
      if (/[0-9]/.test(ch)) d = ch.charCodeAt(0) - 48;
      else if (/[a-z]/.test(ch)) d = ch.charCodeAt(0) - 97 + 10;
      else if (/[A-Z]/.test(ch)) d = ch.charCodeAt(0) - 65 + (base <= 36 ? 10 : 36);
      else if (ch === "@") d = 62;
      else if (ch === "_") d = 63;
      else d = 99;
      if (d >= base) this.fail("value too great for base", pos);
      v = wrap(v * BigInt(base) + BigInt(d));
    }
    return v;
  }

  run(): bigint {
    this.tokenize();
    if (this.toks.length === 1) return 0n;
    const v = this.comma(true);
    const t = this.peek();
    if (t.t !== "end") this.fail("syntax error in expression", t.pos);
    return v;
  }

  private peek(): Tok {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.v === v;
  }

  private comma(ev: boolean): bigint {
    let v = this.assign(ev);
    while (this.isOp(",")) {
      this.i++;
      v = this.assign(ev);
    }
    return v;
  }

  private assign(ev: boolean): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t.t === "name" && next?.t === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="].includes(next.v)) {
      this.i += 2;
      const rhsPos = this.peek().pos;
      const rhs = this.assign(ev);
      if (!ev) return rhs;
      const value = next.v === "=" ? rhs : this.binary(next.v.slice(0, -1), this.variable(t.v), rhs, rhsPos);
      this.scope.set(t.v, String(value));
      return value;
    }
    return this.ternary(ev);
  }

  private ternary(ev: boolean): bigint {
    const cond = this.binaryLevel(0, ev);
    if (!this.isOp("?")) return cond;
    this.i++;
    const a = this.assign(ev && cond !== 0n);
    if (!this.isOp(":")) this.fail("`:' expected for conditional expression", this.peek().pos);
    this.i++;
    const b = this.assign(ev && cond === 0n);
    return cond !== 0n ? a : b;
  }

  private static readonly LEVELS: string[][] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];

  private binaryLevel(level: number, ev: boolean): bigint {
    if (level >= Evaluator.LEVELS.length) return this.power(ev);
    const ops = Evaluator.LEVELS[level];
    let left = this.binaryLevel(level + 1, ev);
    for (;;) {
      const t = this.peek();
      if (t.t !== "op" || !ops.includes(t.v)) return left;
      this.i++;
      const rhsPos = this.peek().pos;
      if (t.v === "&&") {
        const right = this.binaryLevel(level + 1, ev && left !== 0n);
        left = left !== 0n && right !== 0n ? 1n : 0n;
      } else if (t.v === "||") {
        const right = this.binaryLevel(level + 1, ev && left === 0n);
        left = left !== 0n || right !== 0n ? 1n : 0n;
      } else {
        const right = this.binaryLevel(level + 1, ev);
        left = ev ? this.binary(t.v, left, right, rhsPos) : 0n;
      }
    }
  }

  private binary(op: string, a: bigint, b: bigint, rhsPos: number): bigint {
    switch (op) {
      case "+":
        return wrap(a + b);
      case "-":
        return wrap(a - b);
      case "*":
        return wrap(a * b);
      case "/":
      case "%":
        if (b === 0n) this.fail("division by 0", rhsPos);
        return wrap(op === "/" ? a / b : a % b);
      case "**":
        if (b < 0n) this.fail("exponent less than 0", rhsPos);
        return this.pow(a, b);
      case "<<":
        return wrap(a << (b & 63n));
      case ">>":
        return wrap(a >> (b & 63n));
      case "<":
        return a < b ? 1n : 0n;
      case ">":
        return a > b ? 1n : 0n;
      case "<=":
        return a <= b ? 1n : 0n;
      case ">=":
        return a >= b ? 1n : 0n;
      case "==":
        return a === b ? 1n : 0n;
      case "!=":
        return a !== b ? 1n : 0n;
      case "&":
        return a & b;
      case "|":
        return a | b;
      case "^":
        return a ^ b;
    }
    return 0n;
  }

  private pow(a: bigint, b: bigint): bigint {
    let result = 1n;
    let base = a;
    let e = b;
    while (e > 0n) {
      if (e & 1n) result = wrap(result * base);
      base = wrap(base * base);
      e >>= 1n;
    }
    return result;
  }

  private power(ev: boolean): bigint {
    const base = this.unary(ev);
    if (!this.isOp("**")) return base;
    this.i++;
    const rhsPos = this.peek().pos;
    const exp = this.power(ev);
    return ev ? this.binary("**", base, exp, rhsPos) : 0n;
  }

  private unary(ev: boolean): bigint {
    const t = this.peek();
    if (t.t === "op") {
      if (t.v === "+" || t.v === "-" || t.v === "!" || t.v === "~") {
        this.i++;
        const v = this.unary(ev);
        if (t.v === "-") return wrap(-v);
        if (t.v === "!") return v === 0n ? 1n : 0n;
        if (t.v === "~") return ~v;
        return v;
      }
      if (t.v === "++" || t.v === "--") {
        this.i++;
        const name = this.peek();
        if (name.t !== "name") this.fail("syntax error: operand expected", name.pos);
        this.i++;
        const v = wrap(this.variable(name.v) + (t.v === "++" ? 1n : -1n));
        if (ev) this.scope.set(name.v, String(v));
        return v;
      }
    }
    return this.postfix(ev);
  }

  private postfix(ev: boolean): bigint {
    const t = this.peek();
    if (t.t === "name") {
      this.i++;
      const v = this.variable(t.v);
      if (this.isOp("++") || this.isOp("--")) {
        const inc = this.isOp("++") ? 1n : -1n;
        this.i++;
        if (ev) this.scope.set(t.v, String(wrap(v + inc)));
      }
      return v;
    }
    if (t.t === "num") {
      this.i++;
      return t.v;
    }
    if (t.t === "op" && t.v === "(") {
      this.i++;
      if (++this.depth > MAX_DEPTH) this.fail("expression recursion level exceeded", t.pos);
      const v = this.comma(ev);
      this.depth--;
      if (!this.isOp(")")) this.fail("missing `)'", this.peek().pos);
      this.i++;
      return v;
    }
    // At the end of input bash points at the operator that wanted an operand.
    this.fail("syntax error: operand expected", t.t === "end" && this.i > 0 ? this.toks[this.i - 1].pos : t.pos);
  }

  private variable(name: string): bigint {
    const raw = this.scope.get(name);
    if (raw === undefined || raw.trim() === "") return 0n;
    if (/^\s*-?[0-9]+\s*$/.test(raw)) return wrap(BigInt(raw.trim()));
    // A variable holding an expression is evaluated in turn, as bash does.
    if (this.level >= MAX_DEPTH) throw new ArithError(`${name}: expression recursion level exceeded (error token is "${name}")`);
    return new Evaluator(raw, this.scope, this.level + 1).run();
  }
}

/** Evaluate an arithmetic expression (already expanded); throws ArithError. */
export function evaluateArithmetic(expression: string, scope: ArithScope): bigint {
  return new Evaluator(expression, scope, 0).run();
}
