// Running a parsed sed script over the input lines: the pattern and hold
// spaces, ranges, substitution, branching.
import type { RegexMatch, Regex } from "../../regex.ts";
import type { CommandContext } from "../context.ts";
import { type Address, type Command, SedError } from "./script.ts";

/** Expand a replacement: & and \1-\9, \n, and GNU's \U \L \E \u \l case conversion. */
function replace(repl: string, text: string, m: RegexMatch): string {
  let out = "";
  let mode: "" | "U" | "L" = "";
  let once: "" | "u" | "l" = "";
  const add = (s: string) => {
    for (const ch of s) {
      let c = mode === "U" ? ch.toUpperCase() : mode === "L" ? ch.toLowerCase() : ch;
      if (once) {
        c = once === "u" ? c.toUpperCase() : c.toLowerCase();
        once = "";
      }
      out += c;
    }
  };
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === "&") add(text.slice(m.start, m.end));
    else if (c === "\\" && i + 1 < repl.length) {
      const n = repl[++i];
      if (/[0-9]/.test(n)) {
        const g = n === "0" ? ([m.start, m.end] as [number, number]) : m.groups[Number(n) - 1];
        if (g) add(text.slice(g[0], g[1]));
      } else if (n === "n") add("\n");
      else if (n === "t") add("\t");
      else if (n === "U" || n === "L") mode = n;
      else if (n === "E") mode = "";
      else if (n === "u" || n === "l") once = n;
      else add(n);
    } else add(c);
  }
  return out;
}

export class SedRun {
  private lastRegex: Regex | null = null;
  private hold = "";
  constructor(
    private readonly cmds: Command[],
    private readonly quiet: boolean,
    private readonly ctx: CommandContext,
  ) {}

  private regex(re: Regex | null | undefined): Regex {
    const r = re ?? this.lastRegex;
    if (!r) throw new SedError("no previous regular expression");
    this.lastRegex = r;
    return r;
  }

  private matches(a: Address, space: string, line: number, last: boolean): boolean {
    switch (a.k) {
      case "line":
        return line === a.n;
      case "last":
        return last;
      case "step":
        return a.step <= 0 ? line === a.first : line >= a.first && (line - a.first) % a.step === 0;
      case "re":
        return this.regex(a.re).exec(space, 0, this.ctx.sh.budget) !== null;
      case "plus":
        return false;
    }
  }

  private selected(c: Command, space: string, line: number, last: boolean): boolean {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = this.matches(c.a1, space, line, last);
    else if (c.active) {
      hit = true;
      const a2 = c.a2;
      if (a2.k === "plus") c.active = line < (c.rangeEnd ?? 0);
      else if (a2.k === "line") c.active = line < a2.n;
      else c.active = !this.matches(a2, space, line, last);
    } else if (this.matches(c.a1, space, line, last)) {
      hit = true;
      const a2 = c.a2;
      if (a2.k === "plus") {
        c.rangeEnd = line + a2.n;
        c.active = a2.n > 0;
      } else if (a2.k === "line") c.active = a2.n > line;
      else c.active = !last;
    } else hit = false;
    return hit !== c.negate;
  }

  process(sources: Array<{ name: string; text: string }>): { text: string; quit?: number } {
    const lines: string[] = [];
    for (const s of sources) {
      const parts = s.text.split("\n");
      if (parts.at(-1) === "") parts.pop();
      lines.push(...parts);
    }
    let out = "";
    let lineNo = 0;
    let idx = 0;
    const labels = new Map<string, number>();
    this.cmds.forEach((c, i) => c.name === ":" && labels.set(c.label as string, i));
    const budget = this.ctx.sh.budget;
    while (idx < lines.length) {
      let space = lines[idx++];
      lineNo++;
      let append = "";
      let substituted = false;
      let deleted = false;
      let restart = false;
      let pc = 0;
      while (pc < this.cmds.length) {
        budget.spend(1);
        const c = this.cmds[pc];
        if (c.name === "}" || c.name === ":") {
          pc++;
          continue;
        }
        const last = idx >= lines.length;
        if (!this.selected(c, space, lineNo, last)) {
          pc = c.name === "{" ? (c.blockEnd ?? pc) + 1 : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case "s": {
            const re = this.regex(c.re);
            let result = "";
            let pos = 0;
            let count = 0;
            let did = false;
            let lastEnd = -1;
            while (pos <= space.length) {
              const m = re.exec(space, pos, budget);
              if (!m) break;
              if (m.start === m.end && m.start === lastEnd) {
                // An empty match right after a match is not a match of its own (GNU).
                if (m.start >= space.length) break;
                result += space.slice(pos, m.start + 1);
                pos = m.start + 1;
                continue;
              }
              lastEnd = m.end;
              count++;
              const take = c.occurrence ? count === c.occurrence || (c.global && count > c.occurrence) : true;
              if (take) {
                result += space.slice(pos, m.start) + replace(c.replacement ?? "", space, m);
                did = true;
              } else result += space.slice(pos, m.end);
              if (m.end === m.start) {
                if (m.start < space.length) result += space[m.start];
                pos = m.start + 1;
              } else pos = m.end;
              if (did && !c.global) break;
            }
            if (did) {
              if (pos <= space.length) result += space.slice(pos);
              space = result;
              substituted = true;
              if (space.length > this.ctx.sh.maxWordBytes) throw new SedError("pattern space too large");
              if (c.print) out += space + "\n";
            }
            break;
          }
          case "d":
            deleted = true;
            pc = this.cmds.length;
            break;
          case "D": {
            const nl = space.indexOf("\n");
            deleted = true;
            if (nl >= 0) {
              space = space.slice(nl + 1);
              restart = true;
            }
            pc = this.cmds.length;
            break;
          }
          case "p":
            out += space + "\n";
            break;
          case "P":
            out += space.split("\n")[0] + "\n";
            break;
          case "=":
            out += lineNo + "\n";
            break;
          case "a":
            append += (c.text ?? "") + "\n";
            break;
          case "i":
            out += (c.text ?? "") + "\n";
            break;
          case "c":
            if (!c.a2 || !c.active) out += (c.text ?? "") + "\n";
            deleted = true;
            pc = this.cmds.length;
            break;
          case "y":
            space = Array.from(space, (ch) => {
              const k = (c.from ?? []).indexOf(ch);
              return k < 0 ? ch : (c.to ?? [])[k];
            }).join("");
            break;
          case "q":
          case "Q":
            if (c.name === "q" && !this.quiet) out += space + "\n";
            out += append;
            return { text: out, quit: c.code ?? 0 };
          case "n":
            if (!this.quiet) out += space + "\n";
            out += append;
            append = "";
            if (idx >= lines.length) {
              return { text: out };
            }
            space = lines[idx++];
            lineNo++;
            break;
          case "N":
            if (idx >= lines.length) {
              pc = this.cmds.length;
              break;
            }
            space += "\n" + lines[idx++];
            lineNo++;
            break;
          case "h":
            this.hold = space;
            break;
          case "H":
            this.hold += "\n" + space;
            break;
          case "g":
            space = this.hold;
            break;
          case "G":
            space += "\n" + this.hold;
            break;
          case "x":
            [space, this.hold] = [this.hold, space];
            break;
          case "z":
            space = "";
            break;
          case "l":
            out += space.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n") + "$\n";
            break;
          case "b":
          case "t":
          case "T": {
            const jump = c.name === "b" || (c.name === "t" ? substituted : !substituted);
            if (c.name !== "b") substituted = false;
            if (jump) {
              if (!c.label) pc = this.cmds.length;
              else {
                const target = labels.get(c.label);
                if (target === undefined) throw new SedError(`can't find label for jump to \`${c.label}'`);
                pc = target + 1;
              }
            }
            break;
          }
        }
      }
      if (!deleted && !this.quiet) out += space + "\n";
      out += append;
      if (restart) {
        lines.splice(idx, 0, space);
        lineNo--;
      }
    }
    return { text: out };
  }
}
