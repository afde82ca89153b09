// POSIX regular expressions as GNU grep, sed and awk read them (basic,
// extended, fixed strings, awk's dialect), matched leftmost-longest by a Pike
// VM. The VM runs in time linear in the input for a given pattern, so no
// pattern a learner types can backtrack catastrophically; work is also charged
// to the line's CpuBudget. Back-references (\1 in a pattern) are not supported.
import { type CpuBudget, UNLIMITED } from "./budget.ts";
import { type AssertKind, isWordChar, type Pred, RegexError, type RegexMatch, type RegexOptions, RegexParser, type RNode } from "./regex-syntax.ts";

export { characterClass, isWordChar, RegexError, type RegexMatch, type RegexOptions, type RegexSyntax } from "./regex-syntax.ts";

const MAX_PROGRAM = 20_000;

// The program: parallel arrays, one instruction per index.
const CHAR = 0;
const SPLIT = 1;
const JMP = 2;
const SAVE = 3;
const ASSERT = 4;
const MATCH = 5;

interface Program {
  op: number[];
  x: number[];
  y: number[];
  pred: Array<Pred | undefined>;
  assert: Array<AssertKind | undefined>;
}

function compile(node: RNode): Program {
  const p: Program = { op: [], x: [], y: [], pred: [], assert: [] };
  const emit = (op: number, x = 0, y = 0, pred?: Pred, assert?: AssertKind): number => {
    if (p.op.length >= MAX_PROGRAM) throw new RegexError("Regular expression too big");
    p.op.push(op);
    p.x.push(x);
    p.y.push(y);
    p.pred.push(pred);
    p.assert.push(assert);
    return p.op.length - 1;
  };
  const gen = (n: RNode): void => {
    switch (n.t) {
      case "char":
        emit(CHAR, 0, 0, n.pred);
        return;
      case "assert":
        emit(ASSERT, 0, 0, undefined, n.kind);
        return;
      case "cat":
        for (const item of n.items) gen(item);
        return;
      case "group":
        emit(SAVE, n.index * 2);
        gen(n.node);
        emit(SAVE, n.index * 2 + 1);
        return;
      case "alt": {
        const jumps: number[] = [];
        for (let k = 0; k < n.items.length; k++) {
          if (k < n.items.length - 1) {
            const split = emit(SPLIT);
            p.x[split] = split + 1;
            gen(n.items[k]);
            jumps.push(emit(JMP));
            p.y[split] = p.op.length;
          } else gen(n.items[k]);
        }
        for (const j of jumps) p.x[j] = p.op.length;
        return;
      }
      case "rep": {
        for (let k = 0; k < n.min; k++) gen(n.node);
        if (n.max === Number.POSITIVE_INFINITY) {
          const split = emit(SPLIT);
          p.x[split] = split + 1;
          gen(n.node);
          emit(JMP, split);
          p.y[split] = p.op.length;
        } else {
          const splits: number[] = [];
          for (let k = n.min; k < n.max; k++) {
            const split = emit(SPLIT);
            p.x[split] = split + 1;
            splits.push(split);
            gen(n.node);
          }
          for (const s of splits) p.y[s] = p.op.length;
        }
        return;
      }
    }
  };
  emit(SAVE, 0);
  gen(node);
  emit(SAVE, 1);
  emit(MATCH);
  return p;
}

export class Regex {
  readonly groupCount: number;
  /** GNU grep's warnings ("* at start of expression"), for the caller to print. */
  readonly warnings: readonly string[];
  private readonly prog: Program;
  private readonly literal: string | undefined;

  private constructor(prog: Program, groups: number, warnings: string[], literal: string | undefined) {
    this.prog = prog;
    this.groupCount = groups;
    this.warnings = warnings;
    this.literal = literal;
  }

  /** Compile a pattern; throws RegexError with regerror's wording. */
  static compile(pattern: string, options: RegexOptions): Regex {
    const parser = new RegexParser(pattern, options.syntax, options.ignoreCase ?? false);
    let node = parser.parse();
    let literal: string | undefined;
    if (!options.ignoreCase && !options.word && !options.line) literal = literalOf(node);
    if (options.word) node = { t: "cat", items: [{ t: "assert", kind: "nowordbefore" }, node, { t: "assert", kind: "nowordafter" }] };
    if (options.line) node = { t: "cat", items: [{ t: "assert", kind: "bol" }, node, { t: "assert", kind: "eol" }] };
    return new Regex(compile(node), parser.groupCount, parser.warnings, literal);
  }

  test(s: string, budget: CpuBudget = UNLIMITED): boolean {
    return this.exec(s, 0, budget) !== null;
  }

  /** The leftmost-longest match starting at or after `from`, or null. */
  exec(s: string, from = 0, budget: CpuBudget = UNLIMITED): RegexMatch | null {
    if (this.literal !== undefined) {
      budget.spend(1 + (s.length >> 6));
      const at = s.indexOf(this.literal, from);
      return at < 0 ? null : { start: at, end: at + this.literal.length, groups: [] };
    }
    return run(this.prog, this.groupCount, s, from, budget);
  }

  /** Every non-overlapping match, as `grep -o` and `gsub` walk them. */
  *matches(s: string, budget: CpuBudget = UNLIMITED): Generator<RegexMatch> {
    let from = 0;
    while (from <= s.length) {
      const m = this.exec(s, from, budget);
      if (!m) return;
      yield m;
      from = m.end > m.start ? m.end : m.end + 1;
    }
  }
}

function literalOf(node: RNode): string | undefined {
  const items = node.t === "cat" ? node.items : [node];
  let s = "";
  for (const item of items) {
    if (item.t !== "char" || item.lit === undefined) return undefined;
    s += String.fromCodePoint(item.lit);
  }
  return s === "" ? undefined : s;
}

interface Thread {
  pc: number;
  caps: number[];
}

function codePointAt(s: string, i: number): number {
  return i < s.length ? (s.codePointAt(i) ?? -1) : -1;
}
function prevCodePoint(s: string, i: number): number {
  if (i <= 0) return -1;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(i - 2) ?? -1;
  }
  return lo;
}

function assertHolds(kind: AssertKind, s: string, i: number): boolean {
  const before = prevCodePoint(s, i);
  const after = codePointAt(s, i);
  const wb = before >= 0 && isWordChar(before);
  const wa = after >= 0 && isWordChar(after);
  switch (kind) {
    case "bol":
      return i === 0;
    case "eol":
      return i === s.length;
    case "wordb":
      return wb !== wa;
    case "nwordb":
      return wb === wa;
    case "wstart":
      return !wb && wa;
    case "wend":
      return wb && !wa;
    case "nowordbefore":
      return !wb;
    case "nowordafter":
      return !wa;
  }
}

function run(prog: Program, groups: number, s: string, from: number, budget: CpuBudget): RegexMatch | null {
  const n = prog.op.length;
  const mark = new Int32Array(n).fill(-1);
  let generation = 0;
  let best: number[] | undefined;

  const add = (list: Thread[], pc: number, caps: number[], pos: number): void => {
    // Iterative closure over epsilon moves; a stack keeps priority order.
    const stack: Array<[number, number[]]> = [[pc, caps]];
    while (stack.length > 0) {
      const [at, c] = stack.pop() as [number, number[]];
      if (mark[at] === generation) continue;
      mark[at] = generation;
      switch (prog.op[at]) {
        case JMP:
          stack.push([prog.x[at], c]);
          break;
        case SPLIT:
          stack.push([prog.y[at], c], [prog.x[at], c]);
          break;
        case SAVE: {
          const copy = c.slice();
          copy[prog.x[at]] = pos;
          stack.push([at + 1, copy]);
          break;
        }
        case ASSERT:
          if (assertHolds(prog.assert[at] as AssertKind, s, pos)) stack.push([at + 1, c]);
          break;
        default:
          list.push({ pc: at, caps: c });
      }
    }
  };

  const fresh = (): number[] => new Array<number>((groups + 1) * 2).fill(-1);
  let clist: Thread[] = [];
  let i = from;
  for (;;) {
    generation++;
    // Threads already running started earlier, so they keep priority over a new start here.
    const seeded: Thread[] = [];
    for (const t of clist) add(seeded, t.pc, t.caps, i);
    if (!best) add(seeded, 0, fresh(), i);
    clist = seeded;
    if (clist.length === 0 && (best || i >= s.length)) break;
    budget.spend(clist.length);
    const cp = codePointAt(s, i);
    const width = cp > 0xffff ? 2 : 1;
    const next: Thread[] = [];
    for (const t of clist) {
      if (best && t.caps[0] > best[0]) continue;
      if (prog.op[t.pc] === MATCH) {
        if (!best || t.caps[0] < best[0] || (t.caps[0] === best[0] && t.caps[1] > best[1])) best = t.caps;
        continue;
      }
      if (cp >= 0 && (prog.pred[t.pc] as Pred)(cp)) next.push({ pc: t.pc + 1, caps: t.caps });
    }
    if (i >= s.length) break;
    clist = next;
    i += width;
    // Marks are per position: the next generation re-runs closures from the new position.
  }
  if (!best) return null;
  const out: RegexMatch = { start: best[0], end: best[1], groups: [] };
  for (let g = 1; g <= groups; g++) {
    const a = best[g * 2];
    const b = best[g * 2 + 1];
    out.groups.push(a >= 0 && b >= 0 ? [a, b] : undefined);
  }
  return out;
}
