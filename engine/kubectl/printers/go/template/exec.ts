// The executor of Go's text/template (go1.23 text/template/exec.go): walks
// the tree over the data, prints actions with fmt's %v, and stops at the
// first error with Go's message ("template: output:1:2: executing \"output\"
// at <.x.y>: ..."), keeping what was written before it.

import { formatValue } from "../fmt.ts";
import { quote } from "../strconv.ts";
import { type GoValue, GoNumber, type GoMap, mapGet, sortedKeys } from "../value.ts";
import { FUNCS, FuncError, type GoFunc, type ParamType } from "./funcs.ts";
import type { Source } from "./source.ts";
import type {
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from "./nodes.ts";
import { nodeString } from "./nodes.ts";
import type { ParsedTemplates } from "./parse.ts";
import { Boxed, INVALID, type RV, indirect, isTrue, rkind, rtype, toInterface, unbox } from "./values.ts";

/** An execution error: Go's message and the output written before it. */
export class TemplateExecError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

export type MissingKey = "default" | "zero" | "error";

/** Marks "no final argument" (Go's missingVal). */
const MISSING = Symbol("missing");
type Final = RV | typeof MISSING;

const BREAK = Symbol("break");
const CONTINUE = Symbol("continue");

/** Deep enough for any sane template, shallow enough for the JS stack (Go allows 100000). */
const MAX_EXEC_DEPTH = 1000;

class Failure {
  constructor(readonly message: string) {}
}

interface Variable {
  name: string;
  value: RV;
}

class State {
  out = "";
  node: Node | null = null;
  vars: Variable[];
  depth = 0;

  constructor(
    private readonly templates: ParsedTemplates,
    private tmplName: string,
    private readonly missingKey: MissingKey,
    data: RV,
  ) {
    this.vars = [{ name: "$", value: data }];
  }

  private get source(): Source {
    return this.templates.source;
  }

  errorf(message: string): never {
    const name = this.tmplName;
    if (this.node === null) throw new Failure(`template: ${name}: ${message}`);
    const location = this.source.location(this.templates.parseName, this.node.pos);
    throw new Failure(`template: ${location}: executing ${quote(name)} at <${nodeString(this.node)}>: ${message}`);
  }

  private at(node: Node): void {
    this.node = node;
  }

  private varValue(name: string): RV {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: RV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: RV, node: Node): void {
    this.at(node);
    switch (node.type) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          this.at(node);
          this.out += val === INVALID ? "<no value>" : formatValue(val as GoValue);
        }
        return;
      }
      case "break":
        throw BREAK;
      case "continue":
        throw CONTINUE;
      case "if":
      case "with":
        return this.walkIfOrWith(dot, node);
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range":
        return this.walkRange(dot, node);
      case "template":
        return this.walkTemplate(dot, node);
      case "text":
        this.out += node.text;
        return;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  private walkIfOrWith(dot: RV, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === "with" ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: RV, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe))[0];
      const mark = this.vars.length;
      const oneIteration = (index: RV, elem: RV): void => {
        if (r.pipe.decl.length > 0) this.vars[this.vars.length - 1]!.value = elem;
        if (r.pipe.decl.length > 1) this.vars[this.vars.length - 2]!.value = index;
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      try {
        switch (rkind(val)) {
          case "slice": {
            const a = val as GoValue[];
            if (a.length === 0) break;
            a.forEach((e, i) => oneIteration(new GoNumber("int", i), new Boxed(e)));
            return;
          }
          case "map": {
            const keys = sortedKeys(val as GoMap);
            if (keys.length === 0) break;
            for (const k of keys) oneIteration(k, new Boxed((val as GoMap)[k]!));
            return;
          }
          case "invalid":
            break; // a nil map and such: like an empty one
          default:
            this.errorf(`range can't iterate over ${formatValue(val as GoValue)}`);
        }
      } catch (e) {
        if (e === BREAK) return;
        throw e;
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: RV, t: TemplateNode): void {
    this.at(t);
    const tree = this.templates.trees.get(t.name);
    if (!tree || tree.root === null) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (100000)`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.tmplName };
    this.vars = [{ name: "$", value: newDot }];
    this.tmplName = t.name;
    this.depth++;
    try {
      this.walk(newDot, tree.root);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.tmplName = saved.name;
    }
  }

  evalPipeline(dot: RV, pipe: PipeNode | null): RV {
    if (pipe === null) return INVALID;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = unbox(this.evalCommand(dot, cmd, value)); // an interface{} result becomes its value
    }
    const v = value as RV;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, v);
      else this.vars.push({ name: variable.ident[0]!, value: v });
    }
    return v;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: RV, cmd: CommandNode, final: Final): RV {
    const first = cmd.args[0]!;
    switch (first.type) {
      case "field":
        return this.evalFieldNode(dot, first, cmd.args, final);
      case "chain":
        return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable":
        return this.evalVariableNode(first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return first.value;
      case "dot":
        return dot;
      case "nil":
        this.errorf("nil is not a command");
      case "number":
        return this.idealConstant(first);
      case "string":
        return first.text;
    }
    this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): RV {
    this.at(c);
    if (c.isComplex) this.errorf("complex numbers are not supported");
    const isHexInt = /^[+-]?0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !isHexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text)) return new GoNumber("float64", c.float64);
    if (c.isInt) return new GoNumber("int", c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(dot: RV, field: FieldNode, args: Node[] | null, final: Final): RV {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  private evalChainNode(dot: RV, chain: ChainNode, args: Node[] | null, final: Final): RV {
    this.at(chain);
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(pipe, chain.field, args, final);
  }

  private evalVariableNode(variable: VariableNode, args: Node[] | null, final: Final): RV {
    this.at(variable);
    const value = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(value, variable.ident.slice(1), args, final);
  }

  /** Each field in turn; only the last gets the arguments. (Go also passes dot, for methods, which maps lack.) */
  private evalFieldChain(receiver: RV, ident: string[], args: Node[] | null, final: Final): RV {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i]!, null, MISSING, receiver);
    return this.evalField(ident[n - 1]!, args, final, receiver);
  }

  private evalField(fieldName: string, args: Node[] | null, final: Final, receiver: RV): RV {
    if (receiver === INVALID) {
      if (this.missingKey === "error") this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return INVALID;
    }
    const typ = rtype(receiver);
    const [r, isNil] = indirect(receiver);
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (rkind(r) === "map") {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const result = mapGet(r as GoMap, fieldName);
      if (result !== undefined) return new Boxed(result);
      switch (this.missingKey) {
        case "zero":
          return new Boxed(null);
        case "error":
          this.errorf(`map has no entry for key ${quote(fieldName)}`);
      }
      return INVALID;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(dot: RV, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): RV {
    this.at(node);
    const fn = FUNCS.get(node.ident);
    if (!fn) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  private evalCall(dot: RV, fn: GoFunc, node: Node, name: string, allArgs: Node[] | null, final: Final): RV {
    const args = allArgs ? allArgs.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length - 1} got ${args.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }

    // and/or evaluate their operands lazily and return the deciding one.
    if (name === "and" || name === "or") {
      let v: RV = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, "reflect.Value", arg);
        if (isTrue(v) === (name === "or")) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }

    const argv: RV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i]!, args[i]!));
    if (fn.variadic) {
      const argType = fn.params[fn.params.length - 1]!;
      for (; i < args.length; i++) argv.push(this.evalArg(dot, argType, args[i]!));
    }
    if (final !== MISSING) {
      let t = fn.params[fn.params.length - 1]!;
      if (fn.variadic && numIn - 1 < numFixed) t = fn.params[numIn - 1]!;
      argv.push(this.validateType(final, t));
    }
    if (name === "call") argv.unshift(nodeString(args[0]!)); // call reports its callee by name
    try {
      return fn.call(argv);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** validateType: make value fit a parameter of type typ (null: any static type). */
  private validateType(value: RV, typ: ParamType | null): RV {
    if (value === INVALID) {
      if (typ === null || typ === "reflect.Value") return INVALID;
      if (typ === "interface {}") return null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === "reflect.Value") return value;
    if (typ === "interface {}") return toInterface(value);
    // typ is string
    if (typeof value === "string") return value;
    let shown = value;
    if (value instanceof Boxed && value.v !== null) {
      if (typeof value.v === "string") return value.v;
      shown = value.v;
    }
    this.errorf(`wrong type for value; expected ${typ}; got ${rtype(shown)}`);
  }

  private evalArg(dot: RV, typ: ParamType | null, n: Node): RV {
    this.at(n);
    switch (n.type) {
      case "dot":
        return this.validateType(dot, typ);
      case "nil":
        if (typ === "interface {}") return null;
        if (typ === "reflect.Value") return INVALID;
        this.errorf(`cannot assign nil to ${typ}`);
      case "field":
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case "variable":
        return this.validateType(this.evalVariableNode(n, null, MISSING), typ);
      case "pipe":
        return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier":
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case "chain":
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === "string") {
      this.at(n);
      if (n.type === "string") return n.text;
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    const v = this.evalEmptyInterface(n);
    return typ === "interface {}" ? toInterface(v) : v;
  }

  /** evalEmptyInterface for the literal nodes (evalArg handles the rest first). */
  private evalEmptyInterface(n: Node): RV {
    this.at(n);
    switch (n.type) {
      case "bool":
        return n.value;
      case "number":
        return this.idealConstant(n);
      case "string":
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }
}

/**
 * Run template `name` of `templates` over data; returns the output or
 * throws TemplateExecError (Go's message plus the partial output).
 */
export function executeTemplate(templates: ParsedTemplates, name: string, data: unknown, missingKey: MissingKey = "default"): string {
  const root = data === undefined || data === null ? INVALID : (data as GoValue);
  const state = new State(templates, name, missingKey, root);
  const tree = templates.trees.get(name);
  try {
    if (!tree || tree.root === null) state.errorf(`${quote(name)} is an incomplete or empty template`);
    state.walk(root, tree!.root as ListNode);
  } catch (e) {
    if (e instanceof Failure) throw new TemplateExecError(e.message, state.out);
    if (e instanceof RangeError) throw new TemplateExecError(`template: ${name}: ${e.message}`, state.out);
    throw e;
  }
  return state.out;
}
