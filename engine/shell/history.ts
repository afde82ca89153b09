// History expansion as an interactive bash does it before parsing a line:
// !! (the last line), !N, !-N, !prefix, and the word designators !$ !^ !*.
// Not inside single quotes, not after a backslash, not before a blank, "=",
// "(" or the end of the line.
import { Lexer } from "./lexer.ts";

export type HistoryExpansion = { line: string; expanded: boolean } | { error: string };

/** The words of a history line as bash's history library splits them (operators count as words). */
function words(entry: string): string[] {
  const out: string[] = [];
  try {
    const lexer = new Lexer(entry);
    for (let t = lexer.next(); t.kind !== "eof"; t = lexer.next()) {
      if (t.kind === "word") out.push(t.raw);
      else if (t.kind === "op") out.push((t.fd ?? "") + t.op);
    }
  } catch {
    return entry.trim().split(/\s+/);
  }
  return out;
}

export function expandHistory(line: string, history: readonly string[], base: number): HistoryExpansion {
  if (!line.includes("!")) return { line, expanded: false };
  let out = "";
  let expanded = false;
  let single = false;
  let double = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && !single) {
      out += c + (line[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    if (c !== "!" || single) {
      out += c;
      continue;
    }
    const next = line[i + 1];
    const prev = line[i - 1];
    if (next === undefined || /[\s=(]/.test(next) || (double && next === '"') || prev === "$" || prev === "{" || prev === "[") {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    let entry: string | undefined;
    let consumed: number;
    let designator: string | undefined;
    if (next === "!") {
      entry = history.at(-1);
      consumed = 1;
    } else if (next === "$" || next === "^" || next === "*") {
      entry = history.at(-1);
      consumed = 0;
    } else {
      const m = /^(-?\d+)/.exec(rest);
      if (m) {
        const n = Number(m[1]);
        entry = n < 0 ? history.at(n) : history[n - base - 1];
        consumed = m[1].length;
      } else {
        const prefix = (/^[^\s:;&|<>()"'`]+/.exec(rest) ?? [""])[0];
        entry = [...history].reverse().find((h) => h.startsWith(prefix));
        consumed = prefix.length;
        if (prefix === "") {
          out += c;
          continue;
        }
      }
    }
    const after = line[i + 1 + consumed];
    if (after === ":" && /[$^*]/.test(line[i + 2 + consumed] ?? "")) {
      designator = line[i + 2 + consumed];
      consumed += 2;
    } else if (consumed === 0) {
      designator = next;
      consumed = 1;
    }
    const event = line.slice(i, i + 1 + consumed);
    if (entry === undefined) return { error: `${event}: event not found` };
    let text = entry;
    if (designator) {
      const w = words(entry);
      text = designator === "$" ? (w.at(-1) ?? "") : designator === "^" ? (w[1] ?? "") : w.slice(1).join(" ");
    }
    out += text;
    expanded = true;
    i += consumed;
  }
  return { line: out, expanded };
}
