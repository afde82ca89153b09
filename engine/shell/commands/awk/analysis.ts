// Static facts about an awk program that the interpreter needs before it runs.
import type { Expr, Stmt } from "./parser.ts";

export /** Which parameters a function uses as arrays (so callers pass their arrays by reference). */
function arrayUses(params: string[], body: Stmt[]): Set<number> {
  const names = new Set<string>();
  const visitExpr = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.k) {
      case "index":
        names.add(e.name);
        e.subs.forEach(visitExpr);
        return;
      case "in":
        names.add(e.name);
        e.subs.forEach(visitExpr);
        return;
      case "builtin":
        if (e.name === "split" && e.args[1]?.k === "var") names.add(e.args[1].name);
        e.args.forEach(visitExpr);
        return;
      case "assign":
        visitExpr(e.target);
        visitExpr(e.value);
        return;
      case "cond":
        visitExpr(e.test);
        visitExpr(e.a);
        visitExpr(e.b);
        return;
      case "and":
      case "or":
      case "bin":
      case "cat":
        visitExpr(e.a);
        visitExpr(e.b);
        return;
      case "match":
        visitExpr(e.left);
        visitExpr(e.re);
        return;
      case "unary":
        visitExpr(e.e);
        return;
      case "field":
        visitExpr(e.index);
        return;
      case "incdec":
        visitExpr(e.target);
        return;
      case "call":
      case "group":
        ("args" in e ? e.args : e.items).forEach(visitExpr);
        return;
      default:
        return;
    }
  };
  const visit = (s: Stmt | undefined): void => {
    if (!s) return;
    switch (s.k) {
      case "block":
        s.body.forEach(visit);
        return;
      case "expr":
        visitExpr(s.e);
        return;
      case "print":
      case "printf":
        s.args.forEach(visitExpr);
        return;
      case "if":
        visitExpr(s.c);
        visit(s.then);
        visit(s.else);
        return;
      case "while":
      case "do":
        visitExpr(s.c);
        visit(s.body);
        return;
      case "for":
        visit(s.init);
        visitExpr(s.c);
        visit(s.step);
        visit(s.body);
        return;
      case "forin":
        names.add(s.arr);
        visit(s.body);
        return;
      case "delete":
        names.add(s.name);
        return;
      case "exit":
      case "return":
        visitExpr(s.e);
        return;
    }
  };
  body.forEach(visit);
  const out = new Set<number>();
  params.forEach((p, i) => names.has(p) && out.add(i));
  return out;
}
