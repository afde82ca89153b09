// The awk grammar (POSIX, with gawk's common extensions): rules with
// patterns, ranges, BEGIN/END, functions; statements; expressions with
// awk's precedence, implicit concatenation, regex literals, `in`, getline.
import { AwkSyntaxError, type Tok, tokenize } from "./lexer.ts";

export type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "regex"; src: string }
  | { k: "var"; name: string }
  | { k: "field"; index: Expr }
  | { k: "index"; name: string; subs: Expr[] }
  | { k: "assign"; op: string; target: LValue; value: Expr }
  | { k: "cond"; test: Expr; a: Expr; b: Expr }
  | { k: "and" | "or"; a: Expr; b: Expr }
  | { k: "in"; subs: Expr[]; name: string }
  | { k: "match"; neg: boolean; left: Expr; re: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "cat"; a: Expr; b: Expr }
  | { k: "unary"; op: string; e: Expr }
  | { k: "incdec"; op: "++" | "--"; prefix: boolean; target: LValue }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "builtin"; name: string; args: Expr[] }
  | { k: "getline"; target?: LValue; file?: Expr }
  | { k: "group"; items: Expr[] };

export type LValue = Extract<Expr, { k: "var" } | { k: "field" } | { k: "index" }>;

export interface Dest {
  mode: ">" | ">>" | "|";
  target: Expr;
}

export type Stmt =
  | { k: "block"; body: Stmt[] }
  | { k: "expr"; e: Expr }
  | { k: "print"; args: Expr[]; dest?: Dest }
  | { k: "printf"; args: Expr[]; dest?: Dest }
  | { k: "if"; c: Expr; then: Stmt; else?: Stmt }
  | { k: "while"; c: Expr; body: Stmt }
  | { k: "do"; body: Stmt; c: Expr }
  | { k: "for"; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: "forin"; name: string; arr: string; body: Stmt }
  | { k: "break" | "continue" | "next" | "nextfile" }
  | { k: "exit" | "return"; e?: Expr }
  | { k: "delete"; name: string; subs?: Expr[] };

export interface Rule {
  pattern?: Expr;
  /** A range pattern `p1, p2`. */
  end?: Expr;
  action?: Stmt[];
}

export interface AwkProgram {
  begin: Stmt[][];
  end: Stmt[][];
  rules: Rule[];
  functions: Map<string, { params: string[]; body: Stmt[] }>;
}

const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "^=", "**="]);
const isLValue = (e: Expr): e is LValue => e.k === "var" || e.k === "field" || e.k === "index";

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }
  private next(): Tok {
    return this.toks[Math.min(this.i++, this.toks.length - 1)];
  }
  private is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === "op" || t.kind === "kw") && t.text === text;
  }
  private fail(t: Tok = this.peek()): never {
    const near = t.kind === "newline" ? "end of line" : t.kind === "str" ? `"${t.text}"` : t.kind === "ere" ? `/${t.text}/` : t.text;
    throw new AwkSyntaxError(`syntax error at or near ${near}`, t.line);
  }
  private expect(text: string): Tok {
    if (!this.is(text)) this.fail();
    return this.next();
  }
  private newlines(): void {
    while (this.peek().kind === "newline") this.i++;
  }
  private terminators(): void {
    while (this.peek().kind === "newline" || this.is(";")) this.i++;
  }

  program(): AwkProgram {
    const prog: AwkProgram = { begin: [], end: [], rules: [], functions: new Map() };
    this.terminators();
    while (this.peek().kind !== "eof") {
      if (this.is("BEGIN")) {
        this.next();
        this.newlines();
        prog.begin.push(this.action());
      } else if (this.is("END")) {
        this.next();
        this.newlines();
        prog.end.push(this.action());
      } else if (this.is("function")) {
        this.next();
        const name = this.next();
        if (name.kind !== "name" && name.kind !== "funcname") this.fail(name);
        this.expect("(");
        const params: string[] = [];
        while (!this.is(")")) {
          const p = this.next();
          if (p.kind !== "name") this.fail(p);
          params.push(p.text);
          if (this.is(",")) {
            this.next();
            this.newlines();
          } else if (!this.is(")")) this.fail();
        }
        this.next();
        this.newlines();
        prog.functions.set(name.text, { params, body: this.action() });
      } else {
        const rule: Rule = {};
        if (!this.is("{")) {
          rule.pattern = this.expr();
          if (this.is(",")) {
            this.next();
            this.newlines();
            rule.end = this.expr();
          }
        }
        if (this.is("{")) rule.action = this.action();
        prog.rules.push(rule);
      }
      const t = this.peek();
      // After an action, the next rule may follow on the same line: `{ s += $1 } END { print s }`.
      const afterAction = this.toks[this.i - 1]?.text === "}";
      if (t.kind !== "eof" && t.kind !== "newline" && !this.is(";") && !afterAction) this.fail(t);
      this.terminators();
    }
    return prog;
  }

  private action(): Stmt[] {
    this.expect("{");
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is("}")) {
      if (this.peek().kind === "eof") throw new AwkSyntaxError("missing } near end of file", this.peek().line + 1);
      body.push(this.statement());
      this.terminators();
    }
    this.next();
    return body;
  }

  /** End of a simple statement: ; newline, or before } */
  private endSimple(): void {
    if (this.is(";") || this.peek().kind === "newline") {
      this.next();
      return;
    }
    if (this.is("}") || this.peek().kind === "eof") return;
    this.fail();
  }

  private statement(): Stmt {
    const t = this.peek();
    if (this.is("{")) return { k: "block", body: this.action() };
    if (this.is(";")) {
      this.next();
      return { k: "block", body: [] };
    }
    if (t.kind === "kw") {
      switch (t.text) {
        case "if": {
          this.next();
          this.expect("(");
          const c = this.expr();
          this.expect(")");
          this.newlines();
          const then = this.statement();
          // An else may follow after newlines or a semicolon.
          const save = this.i;
          this.terminators();
          if (this.is("else")) {
            this.next();
            this.newlines();
            return { k: "if", c, then, else: this.statement() };
          }
          this.i = save;
          return { k: "if", c, then };
        }
        case "while": {
          this.next();
          this.expect("(");
          const c = this.expr();
          this.expect(")");
          if (this.is(";")) {
            this.next();
            return { k: "while", c, body: { k: "block", body: [] } };
          }
          this.newlines();
          return { k: "while", c, body: this.statement() };
        }
        case "do": {
          this.next();
          this.newlines();
          const body = this.statement();
          this.terminators();
          this.expect("while");
          this.expect("(");
          const c = this.expr();
          this.expect(")");
          this.endSimple();
          return { k: "do", body, c };
        }
        case "for":
          return this.forStatement();
        case "break":
        case "continue":
        case "next":
        case "nextfile":
          this.next();
          this.endSimple();
          return { k: t.text };
        case "exit":
        case "return": {
          this.next();
          const e = this.is(";") || this.is("}") || this.peek().kind === "newline" || this.peek().kind === "eof" ? undefined : this.expr();
          this.endSimple();
          return { k: t.text, e };
        }
        case "delete": {
          this.next();
          const name = this.next();
          if (name.kind !== "name") this.fail(name);
          let subs: Expr[] | undefined;
          if (this.is("[")) {
            this.next();
            subs = this.exprList("]");
            this.expect("]");
          }
          this.endSimple();
          return { k: "delete", name: name.text, subs };
        }
        case "print":
        case "printf":
          return this.print(t.text);
      }
    }
    const e = this.expr();
    this.endSimple();
    return { k: "expr", e };
  }

  private simpleStatement(): Stmt {
    if (this.is("print") || this.is("printf")) {
      const t = this.next();
      const args = this.printArgs();
      return { k: t.text === "print" ? "print" : "printf", args };
    }
    return { k: "expr", e: this.expr() };
  }

  private forStatement(): Stmt {
    this.next();
    this.expect("(");
    if (this.peek().kind === "name" && this.is("in", 1) && this.peek(2).kind === "name" && this.is(")", 3)) {
      const name = this.next().text;
      this.next();
      const arr = this.next().text;
      this.next();
      this.newlines();
      return { k: "forin", name, arr, body: this.statement() };
    }
    const init = this.is(";") ? undefined : this.simpleStatement();
    this.expect(";");
    this.newlines();
    const c = this.is(";") ? undefined : this.expr();
    this.expect(";");
    this.newlines();
    const step = this.is(")") ? undefined : this.simpleStatement();
    this.expect(")");
    if (this.is(";")) {
      this.next();
      return { k: "for", init, c, step, body: { k: "block", body: [] } };
    }
    this.newlines();
    return { k: "for", init, c, step, body: this.statement() };
  }

  private printArgs(): Expr[] {
    const atEnd = () => this.is(";") || this.is("}") || this.is(">") || this.is(">>") || this.is("|") || this.peek().kind === "newline" || this.peek().kind === "eof";
    if (atEnd()) return [];
    // print (a, b) > "f": a parenthesised list is the argument list when nothing else follows it.
    if (this.is("(")) {
      const save = this.i;
      this.next();
      const list = this.exprList(")", false);
      if (this.is(")")) {
        this.next();
        if (atEnd()) return list;
      }
      this.i = save;
    }
    return this.exprList("", true);
  }

  private print(kind: string): Stmt {
    this.next();
    const args = this.printArgs();
    let dest: Dest | undefined;
    if (this.is(">") || this.is(">>") || this.is("|")) {
      const mode = this.next().text as Dest["mode"];
      dest = { mode, target: this.concat(true) };
    }
    this.endSimple();
    if (kind === "printf" && args.length === 0) this.fail();
    return kind === "print" ? { k: "print", args, dest } : { k: "printf", args, dest };
  }

  private exprList(close: string, noGt = false): Expr[] {
    const list: Expr[] = [];
    if (close && this.is(close)) return list;
    list.push(this.expr(noGt));
    while (this.is(",")) {
      this.next();
      this.newlines();
      list.push(this.expr(noGt));
    }
    return list;
  }

  expr(noGt = false): Expr {
    const left = this.ternary(noGt);
    const t = this.peek();
    if (t.kind === "op" && ASSIGN_OPS.has(t.text)) {
      if (!isLValue(left)) this.fail(t);
      this.next();
      this.newlines();
      return { k: "assign", op: t.text, target: left, value: this.expr(noGt) };
    }
    return left;
  }

  private ternary(noGt: boolean): Expr {
    const test = this.or(noGt);
    if (!this.is("?")) return test;
    this.next();
    this.newlines();
    const a = this.expr(noGt);
    this.newlines();
    this.expect(":");
    this.newlines();
    const b = this.expr(noGt);
    return { k: "cond", test, a, b };
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.is("||")) {
      this.next();
      this.newlines();
      a = { k: "or", a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.is("&&")) {
      this.next();
      this.newlines();
      a = { k: "and", a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.is("in")) {
      this.next();
      const name = this.next();
      if (name.kind !== "name") this.fail(name);
      a = { k: "in", subs: a.k === "group" ? a.items : [a], name: name.text };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Expr {
    let a = this.comparison(noGt);
    while (this.is("~") || this.is("!~")) {
      const neg = this.next().text === "!~";
      a = { k: "match", neg, left: a, re: this.comparison(noGt) };
    }
    return a;
  }

  private comparison(noGt: boolean): Expr {
    const a = this.concat(noGt);
    const t = this.peek();
    if (t.kind === "op" && ["<", "<=", "!=", "==", ">=", ">"].includes(t.text) && !(noGt && t.text === ">")) {
      this.next();
      return { k: "bin", op: t.text, a, b: this.concat(noGt) };
    }
    return a;
  }

  private startsPrimary(): boolean {
    const t = this.peek();
    if (t.kind === "num" || t.kind === "str" || t.kind === "ere" || t.kind === "name" || t.kind === "funcname" || t.kind === "builtin") return true;
    if (t.kind === "kw") return false;
    return t.kind === "op" && (t.text === "$" || t.text === "!" || t.text === "(" || t.text === "-" || t.text === "+" || t.text === "++" || t.text === "--");
  }

  private concat(_noGt: boolean): Expr {
    let a = this.additive();
    while (this.startsPrimary() && !this.is("-") && !this.is("+") && !this.is("!") && !this.is("in")) {
      a = { k: "cat", a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is("+") || this.is("-")) {
      const op = this.next().text;
      a = { k: "bin", op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is("*") || this.is("/") || this.is("%")) {
      const op = this.next().text;
      a = { k: "bin", op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is("!")) {
      this.next();
      return { k: "unary", op: "!", e: this.unary() };
    }
    if (this.is("-") || this.is("+")) {
      const op = this.next().text;
      return { k: "unary", op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.is("^") || this.is("**")) {
      this.next();
      // Right associative, and binds tighter than unary minus on its left: -2^2 is -4.
      const exp = this.is("-") || this.is("+") || this.is("!") ? this.unary() : this.power();
      return { k: "bin", op: "^", a: base, b: exp };
    }
    return base;
  }

  private postfix(): Expr {
    if (this.is("++") || this.is("--")) {
      const op = this.next().text as "++" | "--";
      const target = this.postfix();
      if (!isLValue(target)) this.fail();
      return { k: "incdec", op, prefix: true, target };
    }
    const e = this.primary();
    if (isLValue(e) && (this.is("++") || this.is("--"))) {
      const op = this.next().text as "++" | "--";
      return { k: "incdec", op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case "num":
        return { k: "num", v: t.num ?? 0 };
      case "str":
        return { k: "str", v: t.text };
      case "ere":
        return { k: "regex", src: t.text };
      case "name":
        if (this.is("[")) {
          this.next();
          const subs = this.exprList("]");
          this.expect("]");
          return { k: "index", name: t.text, subs };
        }
        return { k: "var", name: t.text };
      case "funcname": {
        this.expect("(");
        const args = this.exprList(")");
        this.newlines();
        this.expect(")");
        return { k: "call", name: t.text, args };
      }
      case "builtin": {
        if (!this.is("(")) {
          if (t.text === "length") return { k: "builtin", name: "length", args: [] };
          this.fail();
        }
        this.next();
        const args = this.exprList(")");
        this.expect(")");
        return { k: "builtin", name: t.text, args };
      }
      case "kw":
        if (t.text === "getline") {
          let target: LValue | undefined;
          if (this.peek().kind === "name" || this.is("$")) {
            const e = this.postfix();
            if (isLValue(e)) target = e;
          }
          let file: Expr | undefined;
          if (this.is("<")) {
            this.next();
            file = this.postfix();
          }
          return { k: "getline", target, file };
        }
        break;
      case "op":
        if (t.text === "$") return { k: "field", index: this.postfixNoIncdec() };
        if (t.text === "(") {
          const items = this.exprList(")");
          this.newlines();
          this.expect(")");
          if (items.length === 1) return items[0].k === "group" ? items[0] : { k: "group", items };
          if (!this.is("in")) this.fail();
          return { k: "group", items };
        }
        if (t.text === "-" || t.text === "+" || t.text === "!") {
          return { k: "unary", op: t.text, e: this.unary() };
        }
        break;
    }
    this.fail(t);
  }

  /** The operand of $: a primary, with ++/-- applying to $expr, not inside it. */
  private postfixNoIncdec(): Expr {
    if (this.is("++") || this.is("--")) return this.postfix();
    if (this.is("-")) {
      this.next();
      return { k: "unary", op: "-", e: this.primary() };
    }
    return this.primary();
  }
}

export function parseAwk(src: string): AwkProgram {
  return new Parser(tokenize(src)).program();
}
