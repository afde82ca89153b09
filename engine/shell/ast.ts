// The syntax tree of a shell line, after bash's grammar (a list of and-or
// lists of pipelines of commands). Words keep their quoting so expansion can
// decide what splits and what globs.

export type ParamOp =
  | "" // $X ${X}
  | "length" // ${#X}
  | ":-" | "-" | ":=" | "=" | ":+" | "+" | ":?" | "?"
  | "#" | "##" | "%" | "%%"
  | "/" | "//" | "/#" | "/%"
  | ":" // ${X:offset:length}
  | "^^" | "^" | ",," | ",";

export type WordPart =
  /** Text; `quoted` when it came from quotes or a backslash (no splitting, no globbing). */
  | { type: "lit"; text: string; quoted: boolean }
  | { type: "param"; name: string; op: ParamOp; arg?: WordPart[]; arg2?: WordPart[]; quoted: boolean; raw: string }
  /** ${...} that bash cannot parse: reported when expanded, as bash does. */
  | { type: "bad"; raw: string; quoted: boolean }
  | { type: "cmd"; source: string; quoted: boolean }
  /** <(cmd): process substitution, read as a file. */
  | { type: "procsub"; source: string; quoted: boolean }
  | { type: "arith"; parts: WordPart[]; quoted: boolean; raw: string };

export interface Word {
  parts: WordPart[];
  /** The word as typed, for messages. */
  raw: string;
}

export interface HereDoc {
  delimiter: string;
  /** Any quoting in the delimiter turns expansion off in the body. */
  quoted: boolean;
  stripTabs: boolean;
  body: WordPart[];
  /** Filled in when the body has been read; false when input ended first. */
  complete: boolean;
}

export type RedirectOp = "<" | ">" | ">>" | ">|" | "<>" | "<<" | "<<-" | "<<<" | ">&" | "<&" | "&>" | "&>>";

export interface Redirect {
  /** Explicit descriptor before the operator (`2>`), if any. */
  fd?: number;
  op: RedirectOp;
  target: Word;
  heredoc?: HereDoc;
}

export interface Assignment {
  name: string;
  append: boolean;
  value: Word;
}

export interface SimpleCommand {
  type: "simple";
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  /** Source offset of the first word, for messages. */
  line: number;
}

export interface Group {
  type: "group" | "subshell";
  body: List;
  redirects: Redirect[];
}
export interface If {
  type: "if";
  clauses: Array<{ cond: List; body: List }>;
  otherwise?: List;
  redirects: Redirect[];
}
export interface For {
  type: "for";
  name: string;
  /** undefined: `for x; do` iterates over "$@". */
  words?: Word[];
  body: List;
  redirects: Redirect[];
}
export interface While {
  type: "while";
  until: boolean;
  cond: List;
  body: List;
  redirects: Redirect[];
}
export interface Case {
  type: "case";
  word: Word;
  items: Array<{ patterns: Word[]; body: List; fallthrough: ";;" | ";&" | ";;&" }>;
  redirects: Redirect[];
}
/** [[ ... ]]: the words between the brackets, evaluated by the conditional evaluator. */
export interface Cond {
  type: "cond";
  words: Array<{ word: Word; op?: string }>;
  redirects: Redirect[];
}
export interface FunctionDef {
  type: "function";
  name: string;
  body: Command;
  redirects: Redirect[];
}

export type Command = SimpleCommand | Group | If | For | While | Case | Cond | FunctionDef;

export interface Pipeline {
  type: "pipeline";
  negate: boolean;
  commands: Command[];
  /** `|&` after command i: its stderr goes down the pipe too. */
  stderrToo: boolean[];
}

export interface AndOr {
  type: "andor";
  pipelines: Pipeline[];
  ops: Array<"&&" | "||">;
  background: boolean;
}

export interface List {
  type: "list";
  items: AndOr[];
}
