// The parse tree of Go's text/template (text/template/parse/node.go) and
// each node's String(), which error messages quote.

import { quote } from "../strconv.ts";

interface Base {
  /** Code point index in the template text. */
  pos: number;
}

export interface TextNode extends Base {
  type: "text";
  text: string;
}
export interface ActionNode extends Base {
  type: "action";
  line: number;
  pipe: PipeNode;
}
export interface BoolNode extends Base {
  type: "bool";
  value: boolean;
}
export interface ChainNode extends Base {
  type: "chain";
  node: Node;
  field: string[];
}
export interface CommandNode extends Base {
  type: "command";
  args: Node[];
}
export interface DotNode extends Base {
  type: "dot";
}
export interface ElseNode extends Base {
  type: "else";
  line: number;
}
export interface EndNode extends Base {
  type: "end";
}
export interface FieldNode extends Base {
  type: "field";
  ident: string[];
}
export interface IdentifierNode extends Base {
  type: "identifier";
  ident: string;
}
export interface BranchNode extends Base {
  type: "if" | "range" | "with";
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface ListNode extends Base {
  type: "list";
  nodes: Node[];
}
export interface NilNode extends Base {
  type: "nil";
}
export interface NumberNode extends Base {
  type: "number";
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: number;
  float64: number;
}
export interface PipeNode extends Base {
  type: "pipe";
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface StringNode extends Base {
  type: "string";
  quoted: string;
  text: string;
}
export interface TemplateNode extends Base {
  type: "template";
  line: number;
  name: string;
  pipe: PipeNode | null;
}
export interface VariableNode extends Base {
  type: "variable";
  ident: string[];
}
export interface BreakNode extends Base {
  type: "break";
  line: number;
}
export interface ContinueNode extends Base {
  type: "continue";
  line: number;
}

export type Node =
  | TextNode
  | ActionNode
  | BoolNode
  | ChainNode
  | CommandNode
  | DotNode
  | ElseNode
  | EndNode
  | FieldNode
  | IdentifierNode
  | BranchNode
  | ListNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | TemplateNode
  | VariableNode
  | BreakNode
  | ContinueNode;

function pipeString(p: PipeNode): string {
  let s = "";
  if (p.decl.length > 0) s += p.decl.map(nodeString).join(", ") + " := ";
  return s + p.cmds.map(nodeString).join(" | ");
}

/** Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case "text":
      return n.text;
    case "action":
      return `{{${pipeString(n.pipe)}}}`;
    case "bool":
      return n.value ? "true" : "false";
    case "chain":
      return (n.node.type === "pipe" ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => "." + f).join("");
    case "command":
      return n.args.map((a) => (a.type === "pipe" ? `(${nodeString(a)})` : nodeString(a))).join(" ");
    case "dot":
      return ".";
    case "else":
      return "{{else}}";
    case "end":
      return "{{end}}";
    case "field":
      return n.ident.map((i) => "." + i).join("");
    case "identifier":
      return n.ident;
    case "if":
    case "range":
    case "with": {
      let s = `{{${n.type} ${pipeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return s + "{{end}}";
    }
    case "list":
      return n.nodes.map(nodeString).join("");
    case "nil":
      return "nil";
    case "number":
      return n.text;
    case "pipe":
      return pipeString(n);
    case "string":
      return n.quoted;
    case "template":
      return `{{template ${quote(n.name)}${n.pipe ? " " + pipeString(n.pipe) : ""}}}`;
    case "variable":
      return n.ident.join(".");
    case "break":
      return "{{break}}";
    case "continue":
      return "{{continue}}";
  }
}
