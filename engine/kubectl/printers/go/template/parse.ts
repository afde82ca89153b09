// The parser of Go's text/template (go1.23 text/template/parse/parse.go),
// with its error texts ("template: NAME:LINE: ..."). It builds one tree per
// template name: the main one plus any {{define}} / {{block}}.

import { ErrSyntax, quote, unquote } from "../strconv.ts";
import { type Item, T, itemString, lex } from "./lex.ts";
import { Source } from "./source.ts";
import { parseNumber } from "./number.ts";
import type {
  BranchNode,
  CommandNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from "./nodes.ts";
import { nodeString } from "./nodes.ts";

/** A parse error; the message is Go's full error text. */
export class TemplateParseError extends Error {}

export interface Tree {
  name: string;
  root: ListNode | null;
}

export interface ParsedTemplates {
  source: Source;
  /** The name errors show (the top-level template's). */
  parseName: string;
  trees: Map<string, Tree>;
}

class Parser {
  private items: Item[];
  private idx = 0;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ["$"];
  private actionLine = 0;
  private rangeDepth = 0;
  private readonly eofItem: Item;

  constructor(
    src: Source,
    private readonly parseName: string,
    private readonly funcs: ReadonlySet<string>,
    private readonly trees: Map<string, Tree>,
  ) {
    this.items = lex(src);
    this.eofItem = { typ: T.EOF, pos: src.chars.length, val: "", line: src.lineAt(src.chars.length) };
  }

  // --- token stream with three-token lookahead ---

  private lexNext(): Item {
    return this.idx < this.items.length ? this.items[this.idx++]! : this.eofItem;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount]!;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === T.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors ---

  private errorf(message: string): never {
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0]!.line}: ${message}`);
  }

  private expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: T, e2: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length); // avoid "action in action"
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // --- trees ---

  parseTop(name: string): void {
    const root = this.newList(this.peek().pos);
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          this.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add({ name, root });
  }

  private add(tree: Tree): void {
    const old = this.trees.get(tree.name);
    if (!old || isEmptyTree(old.root)) {
      this.trees.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.errorf(`template: multiple definition of template ${quote(tree.name)}`);
  }

  private parseDefinition(): void {
    const context = "define clause";
    const nameTok = this.expectOneOf(T.String, T.RawString, context);
    const name = this.unquoteOrFail(nameTok.val);
    this.expect(T.RightDelim, context);
    const vars = this.vars;
    this.vars = ["$"];
    const [root, end] = this.itemList();
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.vars = vars;
    this.add({ name, root });
  }

  private itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return { type: "text", pos: token.pos, text: token.val };
      case T.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        this.unexpected(token, "input");
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
        return this.breakControl(token);
      case T.Continue:
        return this.continueControl(token);
      case T.Else:
        return this.elseControl();
      case T.End:
        return { type: "end", pos: this.expect(T.RightDelim, "end").pos };
      case T.If:
        return this.branch("if");
      case T.Range:
        return this.branch("range");
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branch("with");
    }
    this.backup();
    const tok = this.peek();
    // Variables declared here persist until "end".
    return { type: "action", pos: tok.pos, line: tok.line, pipe: this.pipeline("command", T.RightDelim) };
  }

  private breakControl(tok: Item): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, "{{break}}");
    if (this.rangeDepth === 0) this.errorf("{{break}} outside {{range}}");
    return { type: "break", pos: tok.pos, line: tok.line };
  }

  private continueControl(tok: Item): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, "{{continue}}");
    if (this.rangeDepth === 0) this.errorf("{{continue}} outside {{range}}");
    return { type: "continue", pos: tok.pos, line: tok.line };
  }

  private pipeline(context: string, end: T): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: "pipe", pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    // Declarations or assignments?
    for (let again = true; again; ) {
      again = false;
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      // "$x foo" needs three tokens of lookahead to tell from "$x :=".
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ;
          if (t === T.Variable || t === T.RightDelim || t === T.RightParen) {
            again = true; // the second variable of a range
            continue;
          }
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === "bool" || t === "dot" || t === "nil" || t === "number" || t === "string") {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private branch(context: "if" | "range" | "with"): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === "range") this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === "else") {
        // "{{else if ...}}" and "{{else with ...}}" are "{{else}}{{if ...}}...{{end}}" sharing one {{end}}.
        if (context === "if" && this.peek().typ === T.If) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch("if"));
        } else if (context === "with" && this.peek().typ === T.With) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch("with"));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== "end") this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === T.If || peek.typ === T.With) return { type: "else", pos: peek.pos, line: peek.line };
    const token = this.expect(T.RightDelim, "else");
    return { type: "else", pos: token.pos, line: token.line };
  }

  private blockControl(): Node {
    const context = "block clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const [vars, rangeDepth] = [this.vars, this.rangeDepth];
    [this.vars, this.rangeDepth] = [["$"], 0];
    const [root, end] = this.itemList();
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    [this.vars, this.rangeDepth] = [vars, rangeDepth];
    this.add({ name, root });
    return { type: "template", pos: token.pos, line: token.line, name, pipe } satisfies TemplateNode;
  }

  private templateControl(): Node {
    const context = "template clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: "command", pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace(); // skip leading spaces
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  private operand(): Node | null {
    let node = this.term();
    if (!node) return null;
    if (this.peek().typ === T.Field) {
      const field: string[] = [];
      const pos = this.peek().pos;
      while (this.peek().typ === T.Field) field.push(this.next().val.slice(1));
      switch (node.type) {
        case "field":
          node = { type: "field", pos, ident: [...node.ident, ...field] };
          break;
        case "variable":
          node = { type: "variable", pos, ident: [...node.ident, ...field] };
          break;
        case "bool":
        case "string":
        case "number":
        case "nil":
        case "dot":
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
        default:
          node = { type: "chain", pos, node, field };
      }
    }
    return node;
  }

  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!this.funcs.has(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return { type: "identifier", pos: token.pos, ident: token.val };
      case T.Dot:
        return { type: "dot", pos: token.pos };
      case T.Nil:
        return { type: "nil", pos: token.pos };
      case T.Variable:
        return this.useVar(token.pos, token.val);
      case T.Field:
        return { type: "field", pos: token.pos, ident: token.val.slice(1).split(".") };
      case T.Bool:
        return { type: "bool", pos: token.pos, value: token.val === "true" };
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return this.newNumber(token);
      case T.LeftParen:
        return this.pipeline("parenthesized pipeline", T.RightParen);
      case T.String:
      case T.RawString:
        return { type: "string", pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return null;
  }

  private unquoteOrFail(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      if (e instanceof ErrSyntax) this.errorf("invalid syntax");
      throw e;
    }
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0]!)}`);
    return v;
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { type: "variable", pos, ident: name.split(".") };
  }

  private newList(pos: number): ListNode {
    return { type: "list", pos, nodes: [] };
  }

  private newNumber(token: Item): NumberNode {
    const result = parseNumber(token.val, token.typ);
    if (typeof result === "string") this.errorf(result);
    return { ...result, pos: token.pos };
  }
}

/** parse.IsEmptyTree: nothing but space. */
function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case "list":
      return n.nodes.every(isEmptyTree);
    case "text":
      return n.text.replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, "") === "";
    default:
      return false;
  }
}

/**
 * Parse `text` as template `name` (plus its {{define}}s) with the given
 * function names; throws TemplateParseError with Go's message.
 */
export function parseTemplate(name: string, text: string, funcs: ReadonlySet<string>): ParsedTemplates {
  const source = new Source(text);
  const trees = new Map<string, Tree>();
  const p = new Parser(source, name, funcs, trees);
  p.parseTop(name);
  return { source, parseName: name, trees };
}
