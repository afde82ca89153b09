// YAML syntax errors worded and placed as kubectl prints them. kubectl reads
// manifests with sigs.k8s.io/yaml, i.e. go-yaml v2 (a port of libyaml), whose
// messages and line numbers differ from the `yaml` package's. When `yaml`
// rejects a document, this small re-implementation of go-yaml's scanner and
// parser (grammar only, no values) finds the error go-yaml would report.
//
// go-yaml prints `line N: ` from the problem mark: 1-based for scanner errors,
// but the 0-based line for parser errors (so one line above the token), and
// falls back to the context mark's 0-based line, or no line at all.

type Tok =
  | "STREAM-START" | "STREAM-END" | "DOC-START" | "DOC-END"
  | "BSEQ-START" | "BMAP-START" | "BLOCK-END"
  | "FSEQ-START" | "FSEQ-END" | "FMAP-START" | "FMAP-END"
  | "BLOCK-ENTRY" | "FLOW-ENTRY" | "KEY" | "VALUE"
  | "ALIAS" | "ANCHOR" | "TAG" | "SCALAR" | "DIRECTIVE";

interface Mark {
  index: number;
  line: number;
  column: number;
}

interface Token {
  type: Tok;
  start: Mark;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

class YamlSyntaxError extends Error {
  constructor(
    readonly scanner: boolean,
    readonly problem: string,
    readonly problemMark: Mark,
    readonly contextMark: Mark,
  ) {
    super(problem);
  }

  /** go-yaml's `yaml: ...` text without the `yaml: ` prefix. */
  text(): string {
    let line = 0;
    if (this.problemMark.line !== 0) line = this.problemMark.line + (this.scanner ? 1 : 0);
    else if (this.contextMark.line !== 0) line = this.contextMark.line;
    return line !== 0 ? `line ${line}: ${this.problem}` : this.problem;
  }
}

const isBreak = (c: string | undefined): boolean => c === "\n" || c === "\r" || c === "\u0085" || c === "\u2028" || c === "\u2029";
const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";
const isZ = (c: string | undefined): boolean => c === undefined || c === "\0";
const isBlankZ = (c: string | undefined): boolean => isBlank(c) || isBreak(c) || isZ(c);
const isAnchorChar = (c: string | undefined): boolean => c !== undefined && /[0-9A-Za-z_-]/.test(c);

/** go-yaml v2's tokenizer: the whole document's tokens, or the scanner error it meets. */
class Scanner {
  private i = 0;
  private line = 0;
  private column = 0;
  private flowLevel = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = true;
  private readonly simpleKeys: SimpleKey[] = [{ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } }];
  readonly tokens: Token[] = [];
  /** Set when scanning stopped on an error; tokens before it are still valid. */
  error: YamlSyntaxError | undefined;
  /**
   * How many tokens go-yaml's lazy scanner hands the parser before its error:
   * none at or after a still-undecided simple key (it may yet become a KEY).
   */
  available = Infinity;

  constructor(private readonly s: string) {}

  private get mark(): Mark {
    return { index: this.i, line: this.line, column: this.column };
  }

  private at(k = 0): string | undefined {
    return this.s[this.i + k];
  }

  private skip(): void {
    this.i++;
    this.column++;
  }

  private skipLine(): void {
    if (this.at() === "\r" && this.at(1) === "\n") this.i += 2;
    else this.i++;
    this.column = 0;
    this.line++;
  }

  private fail(context: Mark, problem: string, at: Mark = this.mark): never {
    throw new YamlSyntaxError(true, problem, at, context);
  }

  scan(): void {
    let fetched = 0;
    try {
      this.tokens.push({ type: "STREAM-START", start: this.mark });
      for (;;) {
        this.staleSimpleKeys();
        fetched = this.tokens.length;
        if (this.fetchNext()) return;
      }
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e;
      this.error = e;
      // Tokens made by the step that failed never reach the parser.
      this.available = fetched;
      for (const key of this.simpleKeys) if (key.possible) this.available = Math.min(this.available, key.tokenNumber);
    }
  }

  private add(type: Tok, start: Mark, at = -1): void {
    if (at < 0) this.tokens.push({ type, start });
    else this.tokens.splice(at, 0, { type, start });
  }

  private staleSimpleKeys(): void {
    for (const key of this.simpleKeys) {
      if (key.possible && (key.mark.line < this.line || key.mark.index + 1024 < this.i)) {
        if (key.required) this.fail(key.mark, "could not find expected ':'");
        key.possible = false;
      }
    }
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (this.simpleKeyAllowed) {
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = { possible: true, required, tokenNumber: this.tokens.length, mark: this.mark };
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible && key.required) this.fail(key.mark, "could not find expected ':'");
    key.possible = false;
  }

  private rollIndent(column: number, number: number, type: Tok, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      this.add(type, mark, number);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.add("BLOCK-END", this.mark);
      this.indent = this.indents.pop()!;
    }
  }

  /** One token (or a few); true at the end of the stream. */
  private fetchNext(): boolean {
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unrollIndent(this.column);
    const c = this.at();
    const next = this.at(1);
    if (isZ(c)) {
      // go-yaml ends the last line first, so errors here point past it.
      if (this.column !== 0) {
        this.column = 0;
        this.line++;
      }
      this.unrollIndent(-1);
      this.removeSimpleKey();
      this.simpleKeyAllowed = false;
      this.add("STREAM-END", this.mark);
      return true;
    }
    if (this.column === 0 && c === "%") return this.directive();
    if (this.column === 0 && (this.s.startsWith("---", this.i) || this.s.startsWith("...", this.i)) && isBlankZ(this.at(3))) {
      this.unrollIndent(-1);
      this.removeSimpleKey();
      this.simpleKeyAllowed = false;
      const start = this.mark;
      for (let k = 0; k < 3; k++) this.skip();
      this.add(c === "-" ? "DOC-START" : "DOC-END", start);
      return false;
    }
    if (c === "[" || c === "{") {
      this.saveSimpleKey();
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.mark });
      this.flowLevel++;
      this.simpleKeyAllowed = true;
      this.single(c === "[" ? "FSEQ-START" : "FMAP-START");
      return false;
    }
    if (c === "]" || c === "}") {
      this.removeSimpleKey();
      if (this.flowLevel > 0) {
        this.flowLevel--;
        this.simpleKeys.pop();
      }
      this.simpleKeyAllowed = false;
      this.single(c === "]" ? "FSEQ-END" : "FMAP-END");
      return false;
    }
    if (c === ",") {
      this.removeSimpleKey();
      this.simpleKeyAllowed = true;
      this.single("FLOW-ENTRY");
      return false;
    }
    if (c === "-" && isBlankZ(next)) {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail(this.mark, "block sequence entries are not allowed in this context");
        this.rollIndent(this.column, -1, "BSEQ-START", this.mark);
      }
      this.removeSimpleKey();
      this.simpleKeyAllowed = true;
      this.single("BLOCK-ENTRY");
      return false;
    }
    if (c === "?" && (this.flowLevel > 0 || isBlankZ(next))) {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail(this.mark, "mapping keys are not allowed in this context");
        this.rollIndent(this.column, -1, "BMAP-START", this.mark);
      }
      this.removeSimpleKey();
      this.simpleKeyAllowed = this.flowLevel === 0;
      this.single("KEY");
      return false;
    }
    if (c === ":" && (this.flowLevel > 0 || isBlankZ(next))) {
      this.value();
      return false;
    }
    if (c === "*" || c === "&") {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      this.anchor(c === "*");
      return false;
    }
    if (c === "!") {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      const start = this.mark;
      while (!isBlankZ(this.at())) this.skip();
      this.add("TAG", start);
      return false;
    }
    if ((c === "|" || c === ">") && this.flowLevel === 0) {
      this.removeSimpleKey();
      this.simpleKeyAllowed = true;
      this.blockScalar();
      return false;
    }
    if (c === "'" || c === '"') {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      this.quoted(c === "'");
      return false;
    }
    const plain =
      !(isBlankZ(c) || "-?:,[]{}#&*!|>'\"%@`".includes(c!)) ||
      (c === "-" && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === "?" || c === ":") && !isBlankZ(next));
    if (plain) {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      this.plainScalar();
      return false;
    }
    return this.fail(this.mark, "found character that cannot start any token");
  }

  private single(type: Tok): void {
    const start = this.mark;
    this.skip();
    this.add(type, start);
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.column === 0 && this.at() === "\uFEFF") this.skip();
      // Tabs separate tokens only in flow context or after a key's ':'.
      while (this.at() === " " || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.at() === "\t")) this.skip();
      if (this.at() === "#") while (!isBreak(this.at()) && !isZ(this.at())) this.skip();
      if (!isBreak(this.at())) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private directive(): boolean {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark;
    this.skip();
    let name = "";
    while (isAnchorChar(this.at())) {
      name += this.at();
      this.skip();
    }
    if (name === "") this.fail(start, "could not find expected directive name");
    if (!isBlankZ(this.at())) this.fail(start, "found unexpected non-alphabetical character");
    if (name === "YAML") {
      while (isBlank(this.at())) this.skip();
      for (const part of [0, 1]) {
        if (!/[0-9]/.test(this.at() ?? "")) this.fail(start, "did not find expected version number");
        while (/[0-9]/.test(this.at() ?? "")) this.skip();
        if (part === 0) {
          if (this.at() !== ".") this.fail(start, "did not find expected digit or '.' character");
          this.skip();
        }
      }
    } else if (name !== "TAG") {
      this.fail(start, "found unknown directive name");
    }
    while (!isBreak(this.at()) && !isZ(this.at())) this.skip();
    this.add("DIRECTIVE", start);
    return false;
  }

  private value(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible) {
      this.add("KEY", key.mark, key.tokenNumber);
      this.rollIndent(key.mark.column, key.tokenNumber, "BMAP-START", key.mark);
      key.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail(this.mark, "mapping values are not allowed in this context");
        this.rollIndent(this.column, -1, "BMAP-START", this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.single("VALUE");
  }

  private anchor(alias: boolean): void {
    const start = this.mark;
    this.skip();
    let n = 0;
    while (isAnchorChar(this.at())) {
      this.skip();
      n++;
    }
    const c = this.at();
    if (n === 0 || !(isBlankZ(c) || "?:,]}%@`".includes(c!))) {
      this.fail(start, "did not find expected alphabetic or numeric character");
    }
    this.add(alias ? "ALIAS" : "ANCHOR", start);
  }

  private quoted(single: boolean): void {
    const start = this.mark;
    this.skip();
    for (;;) {
      if (this.column === 0 && (this.s.startsWith("---", this.i) || this.s.startsWith("...", this.i)) && isBlankZ(this.at(3))) {
        this.fail(start, "found unexpected document indicator");
      }
      const c = this.at();
      if (isZ(c)) this.fail(start, "found unexpected end of stream");
      if (isBreak(c)) {
        this.skipLine();
        continue;
      }
      if (single && c === "'" && this.at(1) === "'") {
        this.skip();
        this.skip();
        continue;
      }
      if (c === (single ? "'" : '"')) break;
      if (!single && c === "\\") {
        const e = this.at(1);
        if (isBreak(e)) {
          this.skip();
          this.skipLine();
          continue;
        }
        const hex = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
        if (hex === 0 && (e === undefined || !"0abt\tnvfre \"'/\\N_LP".includes(e))) this.fail(start, "found unknown escape character");
        this.skip();
        this.skip();
        for (let k = 0; k < hex; k++) {
          if (!/[0-9A-Fa-f]/.test(this.at() ?? "")) this.fail(start, "did not find expected hexdecimal number");
          this.skip();
        }
        continue;
      }
      this.skip();
    }
    this.skip();
    this.add("SCALAR", start);
  }

  private plainScalar(): void {
    const start = this.mark;
    const indent = this.indent + 1;
    let leadingBlanks = false;
    for (;;) {
      if (this.column === 0 && (this.s.startsWith("---", this.i) || this.s.startsWith("...", this.i)) && isBlankZ(this.at(3))) break;
      if (this.at() === "#") break;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if (c === ":" && isBlankZ(this.at(1))) break;
        if (this.flowLevel > 0 && c !== undefined && ",?[]{}".includes(c)) break;
        leadingBlanks = false;
        this.skip();
      }
      if (!(isBlank(this.at()) || isBreak(this.at()))) break;
      while (isBlank(this.at()) || isBreak(this.at())) {
        if (isBlank(this.at())) {
          if (leadingBlanks && this.column < indent && this.at() === "\t") this.fail(start, "found a tab character that violates indentation");
          this.skip();
        } else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    this.add("SCALAR", start);
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }

  private blockScalar(): void {
    const start = this.mark;
    this.skip();
    let increment = 0;
    while (this.at() !== undefined && "+-0123456789".includes(this.at()!)) {
      const c = this.at()!;
      if (c === "0") this.fail(start, "found an indentation indicator equal to 0");
      if (c >= "1" && c <= "9") increment = Number(c);
      this.skip();
    }
    while (isBlank(this.at())) this.skip();
    if (this.at() === "#") while (!isBreak(this.at()) && !isZ(this.at())) this.skip();
    if (!isBreak(this.at()) && !isZ(this.at())) this.fail(start, "did not find expected comment or line break");
    if (isBreak(this.at())) this.skipLine();
    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    if (indent === 0) {
      // The first non-empty line sets the indentation (at least one more than the parent's).
      let maxIndent = 0;
      for (;;) {
        while (this.at() === " ") this.skip();
        if (this.column > maxIndent) maxIndent = this.column;
        if (!isBreak(this.at())) break;
        this.skipLine();
      }
      indent = Math.max(maxIndent, this.indent + 1, 1);
    }
    for (;;) {
      while (this.column < indent && this.at() === " ") this.skip();
      if (this.column < indent && this.at() === "\t") this.fail(start, "found a tab character where an indentation space is expected");
      if (isZ(this.at())) break;
      if (this.column < indent && !isBreak(this.at())) break;
      while (!isBreak(this.at()) && !isZ(this.at())) this.skip();
      if (isZ(this.at())) break;
      this.skipLine();
    }
    this.add("SCALAR", start);
  }
}

/** go-yaml v2's parser, reduced to checking the token grammar. */
class Parser {
  private k = 0;

  constructor(private readonly sc: Scanner) {}

  private peek(): Token {
    const t = this.k < this.sc.available ? this.sc.tokens[this.k] : undefined;
    // Past the last token only when the scanner stopped on an error.
    if (t === undefined) throw this.sc.error!;
    return t;
  }

  private is(...types: Tok[]): boolean {
    return types.includes(this.peek().type);
  }

  private next(): Token {
    const t = this.peek();
    this.k++;
    return t;
  }

  private fail(context: Mark | undefined, problem: string, at: Mark): never {
    throw new YamlSyntaxError(false, problem, at, context ?? { index: 0, line: 0, column: 0 });
  }

  /**
   * go-yaml's Unmarshal reads one document: its node and the token after it.
   * Returns where that next token starts (what follows is never read).
   */
  document(): number {
    this.next(); // STREAM-START
    if (this.is("STREAM-END")) return this.peek().start.index;
    if (this.is("DIRECTIVE", "DOC-START")) {
      while (this.is("DIRECTIVE")) this.next();
      if (!this.is("DOC-START")) this.fail(undefined, "did not find expected <document start>", this.peek().start);
      this.next();
      if (this.is("DIRECTIVE", "DOC-START", "DOC-END", "STREAM-END")) return this.peek().start.index;
    }
    this.node(true, false);
    return this.peek().start.index;
  }

  private node(block: boolean, indentless: boolean): void {
    const start = this.peek().start;
    if (this.is("ALIAS")) {
      this.next();
      return;
    }
    let props = false;
    for (let n = 0; n < 2 && this.is("ANCHOR", "TAG"); n++) {
      this.next();
      props = true;
    }
    if (indentless && this.is("BLOCK-ENTRY")) return this.indentlessSequence();
    if (this.is("SCALAR")) {
      this.next();
      return;
    }
    if (this.is("FSEQ-START")) return this.flowSequence();
    if (this.is("FMAP-START")) return this.flowMapping();
    if (block && this.is("BSEQ-START")) return this.blockSequence();
    if (block && this.is("BMAP-START")) return this.blockMapping();
    if (props) return;
    this.fail(start, "did not find expected node content", this.peek().start);
  }

  private blockSequence(): void {
    const start = this.next().start;
    for (;;) {
      if (this.is("BLOCK-ENTRY")) {
        this.next();
        if (!this.is("BLOCK-ENTRY", "BLOCK-END")) this.node(true, false);
      } else if (this.is("BLOCK-END")) {
        this.next();
        return;
      } else this.fail(start, "did not find expected '-' indicator", this.peek().start);
    }
  }

  private indentlessSequence(): void {
    while (this.is("BLOCK-ENTRY")) {
      this.next();
      if (!this.is("BLOCK-ENTRY", "KEY", "VALUE", "BLOCK-END")) this.node(true, false);
    }
  }

  private blockMapping(): void {
    const start = this.next().start;
    for (;;) {
      if (this.is("KEY")) {
        this.next();
        if (!this.is("KEY", "VALUE", "BLOCK-END")) this.node(true, true);
      } else if (this.is("BLOCK-END")) {
        this.next();
        return;
      } else this.fail(start, "did not find expected key", this.peek().start);
      if (this.is("VALUE")) {
        this.next();
        if (!this.is("KEY", "VALUE", "BLOCK-END")) this.node(true, true);
      }
    }
  }

  private flowSequence(): void {
    const start = this.next().start;
    let first = true;
    for (;;) {
      if (this.is("FSEQ-END")) break;
      if (!first) {
        if (this.is("FLOW-ENTRY")) this.next();
        else this.fail(start, "did not find expected ',' or ']'", this.peek().start);
        if (this.is("FSEQ-END")) break;
      }
      first = false;
      if (this.is("KEY")) {
        this.next();
        if (!this.is("VALUE", "FLOW-ENTRY", "FSEQ-END")) this.node(false, false);
        if (this.is("VALUE")) {
          this.next();
          if (!this.is("FLOW-ENTRY", "FSEQ-END")) this.node(false, false);
        }
      } else this.node(false, false);
    }
    this.next();
  }

  private flowMapping(): void {
    const start = this.next().start;
    let first = true;
    for (;;) {
      if (this.is("FMAP-END")) break;
      if (!first) {
        if (this.is("FLOW-ENTRY")) this.next();
        else this.fail(start, "did not find expected ',' or '}'", this.peek().start);
        if (this.is("FMAP-END")) break;
      }
      first = false;
      if (this.is("KEY")) {
        this.next();
        if (!this.is("VALUE", "FLOW-ENTRY", "FMAP-END")) this.node(false, false);
        if (this.is("VALUE")) {
          this.next();
          if (!this.is("FLOW-ENTRY", "FMAP-END")) this.node(false, false);
        }
      } else this.node(false, false);
    }
    this.next();
  }
}

/**
 * What go-yaml makes of one chunk of a manifest: its error (`line N: problem`),
 * or the text of the one document it reads, up to the token after its node.
 */
export function readGoYaml(chunk: string): { error: string } | { read: string } {
  // go-yaml drops a byte order mark while detecting the encoding.
  const text = chunk.replace(/^\uFEFF/, "");
  const sc = new Scanner(text);
  sc.scan();
  try {
    return { read: text.slice(0, new Parser(sc).document()) };
  } catch (e) {
    if (e instanceof YamlSyntaxError) return { error: e.text() };
    throw e;
  }
}

/** A `---` line with more than a comment after it, which kubectl's YAML reader refuses. */
export class DocumentSeparatorError extends Error {}

/**
 * The documents of a manifest as kubectl's YAML reader splits them: at lines
 * starting with `---`. A separator before any content stays in the next
 * document (so go-yaml counts its line); a later one is dropped.
 */
export function splitYamlDocuments(text: string): string[] {
  const docs: string[] = [];
  let current = "";
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith("---")) {
      const rest = line.slice(3).trim();
      if (rest !== "" && !rest.startsWith("#")) throw new DocumentSeparatorError(`invalid Yaml document separator: ${rest}`);
      if (current !== "") {
        docs.push(current);
        current = "";
        continue;
      }
    }
    current += line;
  }
  if (current !== "") docs.push(current);
  return docs;
}
