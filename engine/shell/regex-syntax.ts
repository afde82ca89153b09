// The syntax of POSIX regular expressions as GNU grep, sed and awk read
// them: basic, extended, fixed strings and awk's dialect, parsed into a small
// tree (alternation, concatenation, repetition, groups, sets, assertions).
// regerror's messages are kept word for word.
export type RegexSyntax = "basic" | "extended" | "fixed" | "awk";

export interface RegexOptions {
  syntax: RegexSyntax;
  ignoreCase?: boolean;
  /** grep -w: the match must not touch a word character on either side. */
  word?: boolean;
  /** grep -x: the match must be the whole line. */
  line?: boolean;
}

/** Message as glibc's regerror words it ("Unmatched ( or \\("); callers prefix "grep: " etc. */
export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegexError";
  }
}

export interface RegexMatch {
  start: number;
  end: number;
  /** Capture groups 1..n as [start, end], undefined when the group did not take part. */
  groups: Array<[number, number] | undefined>;
}

export type Pred = (cp: number) => boolean;
export type AssertKind = "bol" | "eol" | "wordb" | "nwordb" | "wstart" | "wend" | "nowordbefore" | "nowordafter";
export type RNode =
  | { t: "char"; pred: Pred; lit?: number }
  | { t: "cat"; items: RNode[] }
  | { t: "alt"; items: RNode[] }
  | { t: "rep"; node: RNode; min: number; max: number }
  | { t: "group"; node: RNode; index: number }
  | { t: "assert"; kind: AssertKind };

const DUP_MAX = 32767;

const CLASSES: Record<string, Pred> = {
  alpha: (c) => isAlpha(c),
  digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => isAlpha(c) || (c >= 48 && c <= 57),
  upper: (c) => (c >= 65 && c <= 90) || (c > 127 && String.fromCodePoint(c) !== String.fromCodePoint(c).toLowerCase()),
  lower: (c) => (c >= 97 && c <= 122) || (c > 127 && String.fromCodePoint(c) !== String.fromCodePoint(c).toUpperCase()),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  print: (c) => c >= 32 && c !== 127,
  graph: (c) => c > 32 && c !== 127,
  cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

const LETTER = /\p{L}/u;
function isAlpha(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCodePoint(c));
}
const NUMBER = /\p{N}/u;
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  const s = String.fromCodePoint(c);
  return LETTER.test(s) || NUMBER.test(s);
}

/** Names of the POSIX character classes, for tr and the glob matcher. */
export function characterClass(name: string): Pred | undefined {
  return Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
}

export class RegexParser {
  private i = 0;
  private groups = 0;
  readonly warnings: string[] = [];
  private readonly cps: number[];
  private readonly ere: boolean;
  private readonly awk: boolean;

  constructor(
    pattern: string,
    private readonly syntax: RegexSyntax,
    private readonly icase: boolean,
  ) {
    this.cps = Array.from(pattern, (ch) => ch.codePointAt(0) ?? 0);
    this.ere = syntax !== "basic";
    this.awk = syntax === "awk";
  }

  get groupCount(): number {
    return this.groups;
  }

  parse(): RNode {
    if (this.syntax === "fixed") return { t: "cat", items: this.cps.map((c) => this.literal(c)) };
    const node = this.alternation(0);
    if (this.i < this.cps.length) throw new RegexError("Unmatched ) or \\)");
    return node;
  }

  private peek(offset = 0): number {
    return this.cps[this.i + offset] ?? -1;
  }
  private isEscaped(ch: string): boolean {
    return this.peek() === 92 && this.peek(1) === ch.charCodeAt(0);
  }

  private atAltBar(): boolean {
    return this.ere ? this.peek() === 124 : this.isEscaped("|");
  }
  private atGroupClose(): boolean {
    return this.ere ? this.peek() === 41 : this.isEscaped(")");
  }

  private alternation(depth: number): RNode {
    const items = [this.concatenation(depth)];
    while (this.atAltBar()) {
      this.i += this.ere ? 1 : 2;
      items.push(this.concatenation(depth));
    }
    return items.length === 1 ? items[0] : { t: "alt", items };
  }

  private concatenation(depth: number): RNode {
    const items: RNode[] = [];
    let first = true;
    while (this.i < this.cps.length && !this.atAltBar()) {
      if (this.atGroupClose()) {
        if (depth > 0) break;
        if (this.ere) {
          // GNU ERE: an unmatched ")" is an ordinary character.
          this.i++;
          items.push(this.literal(41));
          continue;
        }
        throw new RegexError("Unmatched ) or \\)");
      }
      const atom = this.atom(depth, first);
      if (atom === null) continue;
      // A "*" right after a leading "^" is literal (BRE) or ignored (ERE), as at the start.
      first = atom.t === "assert" && atom.kind === "bol" && items.length === 0;
      items.push(first ? atom : this.postfix(atom));
    }
    return items.length === 1 ? items[0] : { t: "cat", items };
  }

  /** One atom; null when the token was consumed without producing one (an ignored leading "*"). */
  private atom(depth: number, first: boolean): RNode | null {
    const c = this.peek();
    if (this.ere) {
      if (c === 42 || c === 43 || c === 63) {
        if (first) {
          // GNU grep -E: a leading repetition operator is ignored, with a warning.
          this.warnings.push(`${String.fromCharCode(c)} at start of expression`);
          this.i++;
          return null;
        }
      }
      if (c === 123 && first) {
        // GNU ignores a "{" that starts an expression; a whole interval there draws a warning.
        this.i++;
        if (this.intervalAhead(true)) {
          this.warnings.push("{...} at start of expression");
          this.interval(true);
        }
        return null;
      }
      if (c === 40) {
        this.i++;
        const index = ++this.groups;
        const inner = this.alternation(depth + 1);
        if (this.peek() !== 41) throw new RegexError("Unmatched ( or \\(");
        this.i++;
        return { t: "group", node: inner, index };
      }
      if (c === 94) {
        this.i++;
        return { t: "assert", kind: "bol" };
      }
      if (c === 36) {
        this.i++;
        return { t: "assert", kind: "eol" };
      }
    } else {
      if (this.isEscaped("(")) {
        this.i += 2;
        const index = ++this.groups;
        const inner = this.alternation(depth + 1);
        if (!this.isEscaped(")")) throw new RegexError("Unmatched ( or \\(");
        this.i += 2;
        return { t: "group", node: inner, index };
      }
      if (c === 94 && first) {
        this.i++;
        return { t: "assert", kind: "bol" };
      }
      if (c === 36 && this.breDollarIsAnchor()) {
        this.i++;
        return { t: "assert", kind: "eol" };
      }
      if (c === 42 && first) {
        this.i++;
        return this.literal(42);
      }
      if (this.isEscaped("{") && first) {
        this.i += 2;
        return this.literal(123);
      }
    }
    if (c === 46) {
      this.i++;
      return { t: "char", pred: (x) => x !== 10 };
    }
    if (c === 91) return this.bracket();
    if (c === 92) return this.escape();
    this.i++;
    return this.literal(c);
  }

  private breDollarIsAnchor(): boolean {
    const next = this.i + 1;
    if (next >= this.cps.length) return true;
    return this.cps[next] === 92 && (this.cps[next + 1] === 41 || this.cps[next + 1] === 124);
  }

  private escape(): RNode {
    this.i++;
    const c = this.peek();
    if (c < 0) throw new RegexError("Trailing backslash");
    this.i++;
    const ch = String.fromCodePoint(c);
    if (this.awk) {
      const ctl: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7, b: 8 };
      if (Object.hasOwn(ctl, ch)) return this.literal(ctl[ch]);
      if (ch === "y") return { t: "assert", kind: "wordb" };
    }
    switch (ch) {
      case "w":
        return { t: "char", pred: isWordChar };
      case "W":
        return { t: "char", pred: (x) => !isWordChar(x) };
      case "s":
        return { t: "char", pred: CLASSES.space };
      case "S":
        return { t: "char", pred: (x) => !CLASSES.space(x) };
      case "b":
        return { t: "assert", kind: "wordb" };
      case "B":
        return { t: "assert", kind: "nwordb" };
      case "<":
        return { t: "assert", kind: "wstart" };
      case ">":
        return { t: "assert", kind: "wend" };
      case "`":
        return { t: "assert", kind: "bol" };
      case "'":
        return { t: "assert", kind: "eol" };
    }
    if (!this.awk && c >= 49 && c <= 57) throw new RegexError("back-references (\\1 to \\9) are not supported in this terminal");
    return this.literal(c);
  }

  private literal(c: number): RNode {
    if (!this.icase) return { t: "char", pred: (x) => x === c, lit: c };
    const lower = foldCase(c);
    return { t: "char", pred: (x) => x === c || foldCase(x) === lower, lit: c };
  }

  private bracket(): RNode {
    const open = this.i;
    this.i++;
    let negate = false;
    if (this.peek() === 94) {
      negate = true;
      this.i++;
    }
    const preds: Pred[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c < 0) throw new RegexError("Unmatched [, [^, [:, [., or [=");
      if (c === 93 && !first) {
        this.i++;
        break;
      }
      first = false;
      if (c === 91 && (this.peek(1) === 58 || this.peek(1) === 61 || this.peek(1) === 46)) {
        const kind = this.peek(1);
        const end = this.findBracketTerm(kind);
        const name = String.fromCodePoint(...this.cps.slice(this.i + 2, end));
        this.i = end + 2;
        if (kind === 58) {
          const cls = characterClass(name);
          if (!cls) throw new RegexError("Invalid character class name");
          preds.push(this.icase && (name === "upper" || name === "lower") ? CLASSES.alpha : cls);
        } else {
          const cp = name.codePointAt(0) ?? 0;
          preds.push((x) => x === cp);
        }
        continue;
      }
      let lo = this.bracketChar();
      if (this.peek() === 45 && this.peek(1) !== 93 && this.peek(1) >= 0) {
        this.i++;
        const hi = this.bracketChar();
        if (hi < lo) throw new RegexError("Invalid range end");
        preds.push((x) => x >= lo && x <= hi);
      } else {
        const cp = lo;
        preds.push((x) => x === cp);
        lo = cp;
      }
    }
    const body = this.cps.slice(open + 1, this.i - 1);
    if (body.length >= 2 && body[0] === 58 && body[body.length - 1] === 58 && this.syntax !== "awk") {
      throw new RegexError(`character class syntax is [[:space:]], not [${String.fromCodePoint(...body)}]`);
    }
    const icase = this.icase;
    const inSet: Pred = (x) => preds.some((p) => p(x));
    const test: Pred = icase ? (x) => inSet(x) || inSet(foldCase(x)) || inSet(upperCase(x)) : inSet;
    return { t: "char", pred: negate ? (x) => x !== 10 && !test(x) : test };
  }

  private findBracketTerm(kind: number): number {
    for (let j = this.i + 2; j + 1 < this.cps.length; j++) {
      if (this.cps[j] === kind && this.cps[j + 1] === 93) return j;
    }
    throw new RegexError("Unmatched [, [^, [:, [., or [=");
  }

  private bracketChar(): number {
    const c = this.peek();
    this.i++;
    if (c === 92 && this.awk) {
      const e = this.peek();
      if (e < 0) throw new RegexError("Unmatched [, [^, [:, [., or [=");
      this.i++;
      const ctl: Record<number, number> = { 110: 10, 116: 9, 114: 13, 102: 12, 118: 11, 97: 7, 98: 8 };
      return ctl[e] ?? e;
    }
    return c;
  }

  private intervalAhead(consumed = false): boolean {
    let j = this.i + (consumed ? 0 : this.ere ? 1 : 2);
    let digits = 0;
    while (this.cps[j] >= 48 && this.cps[j] <= 57) {
      j++;
      digits++;
    }
    if (this.cps[j] === 44) {
      j++;
      while (this.cps[j] >= 48 && this.cps[j] <= 57) {
        j++;
        digits++;
      }
    }
    if (digits === 0 && this.ere) return false;
    return this.ere ? this.cps[j] === 125 : this.cps[j] === 92 && this.cps[j + 1] === 125;
  }

  /** Parse "{m,n}" (the "{" is already consumed); returns [min, max]. */
  private interval(skipOnly = false): [number, number] {
    const num = (): number | undefined => {
      let s = "";
      while (this.peek() >= 48 && this.peek() <= 57) s += String.fromCharCode(this.cps[this.i++]);
      return s === "" ? undefined : Number(s);
    };
    const min = num();
    let max: number | undefined = min;
    if (this.peek() === 44) {
      this.i++;
      max = num() ?? Number.POSITIVE_INFINITY;
    }
    if (this.ere) {
      if (this.peek() !== 125) throw new RegexError("Unmatched { or \\{");
      this.i++;
    } else {
      if (!this.isEscaped("}")) {
        throw new RegexError(this.peek() < 0 ? "Unmatched \\{" : "Invalid content of \\{\\}");
      }
      this.i += 2;
    }
    const lo = min ?? 0;
    const hi = max ?? lo;
    if (skipOnly) return [lo, hi];
    if (hi < lo) throw new RegexError("Invalid content of \\{\\}");
    if (lo > DUP_MAX || (hi !== Number.POSITIVE_INFINITY && hi > DUP_MAX)) throw new RegexError("Regular expression too big");
    return [lo, hi];
  }

  private postfix(atom: RNode): RNode {
    for (;;) {
      const c = this.peek();
      if (c === 42) {
        this.i++;
        atom = { t: "rep", node: atom, min: 0, max: Number.POSITIVE_INFINITY };
      } else if (this.ere && (c === 43 || c === 63)) {
        this.i++;
        atom = { t: "rep", node: atom, min: c === 43 ? 1 : 0, max: c === 43 ? Number.POSITIVE_INFINITY : 1 };
      } else if (!this.ere && (this.isEscaped("+") || this.isEscaped("?"))) {
        const plus = this.isEscaped("+");
        this.i += 2;
        atom = { t: "rep", node: atom, min: plus ? 1 : 0, max: plus ? Number.POSITIVE_INFINITY : 1 };
      } else if (this.ere ? c === 123 && this.intervalAhead() : this.isEscaped("{")) {
        if (!this.ere && !this.closesInterval()) throw new RegexError("Unmatched \\{");
        this.i += this.ere ? 1 : 2;
        const [min, max] = this.interval();
        atom = { t: "rep", node: atom, min, max };
      } else return atom;
    }
  }

  private closesInterval(): boolean {
    for (let j = this.i + 2; j + 1 < this.cps.length; j++) {
      if (this.cps[j] === 92 && this.cps[j + 1] === 125) return true;
    }
    return false;
  }
}

function foldCase(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const s = String.fromCodePoint(c).toLowerCase();
  return s.length === String.fromCodePoint(c).length ? (s.codePointAt(0) ?? c) : c;
}
function upperCase(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  const s = String.fromCodePoint(c).toUpperCase();
  return s.length === String.fromCodePoint(c).length ? (s.codePointAt(0) ?? c) : c;
}
