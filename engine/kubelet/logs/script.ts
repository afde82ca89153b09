// What a container's command line prints, for the command lines lessons and
// the Kubernetes docs use: `echo` (also in `sh -c` scripts), `sleep`,
// variables and `$((i+1))`, `$(date)`, `hostname`, `printenv`/`env`, and
// `while true; do ...; done` / `for x in ...; do ...; done` loops. The
// output is computed from the container's start time up to a moment, never
// stored: the same start gives the same lines.

export interface ScriptEnv {
  /** Container environment (plain values), HOSTNAME included. */
  vars: Record<string, string>;
  startMs: number;
  /** Stop at this time (ms): output after it is not produced yet. */
  untilMs: number;
  /** At most this many lines (the newest are kept by the caller's tail). */
  maxLines: number;
}

export interface TimedText {
  atMs: number;
  text: string;
}

/** Time one simple command takes (fork and exec in a small shell). */
const COMMAND_MS = 1;

class Stop extends Error {}

/** A parsed script: simple commands and loops. */
type Node =
  | { kind: "cmd"; words: string[]; op: "" | "&&" | "||" }
  | { kind: "while"; forever: boolean; body: Node[]; op: "" | "&&" | "||" }
  | { kind: "for"; name: string; items: string[]; body: Node[]; op: "" | "&&" | "||" };

/** Split into words, keeping quotes (expansion happens later): `'a b'`, `"$i: $(date)"`. */
function splitWords(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length : end;
      cur += text.slice(i, stop + 1);
      i = stop;
      inWord = true;
    } else if (ch === "$" && text[i + 1] === "(") {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === "(") depth++;
        else if (text[j] === ")" && --depth === 0) break;
      }
      cur += text.slice(i, j + 1);
      i = j;
      inWord = true;
    } else if (ch === " " || ch === "\t") {
      if (inWord) out.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/** Tokens: words and the separators `;`, newline, `&&`, `||` (quotes and $(...) respected). */
function tokens(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length : end;
      cur += text.slice(i, stop + 1);
      i = stop;
    } else if (ch === "$" && text[i + 1] === "(") {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === "(") depth++;
        else if (text[j] === ")" && --depth === 0) break;
      }
      cur += text.slice(i, j + 1);
      i = j;
    } else if (ch === ";" || ch === "\n") {
      out.push(cur, ";");
      cur = "";
    } else if ((ch === "&" || ch === "|") && text[i + 1] === ch) {
      out.push(cur, ch + ch);
      cur = "";
      i++;
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== "");
}

/** Parse a token stream into nodes, up to a closing `done` when `inLoop`. */
function parse(toks: string[], pos: { i: number }, inLoop: boolean): Node[] {
  const nodes: Node[] = [];
  let op: "" | "&&" | "||" = "";
  while (pos.i < toks.length) {
    const t = toks[pos.i++]!;
    if (t === ";") {
      op = "";
      continue;
    }
    if (t === "&&" || t === "||") {
      op = t;
      continue;
    }
    const words = splitWords(t);
    const head = words[0] ?? "";
    if (head === "done") {
      if (inLoop) return nodes;
      continue;
    }
    if (head === "while" || head === "until") {
      const cond = words.slice(1).join(" ");
      const forever = head === "while" ? /^(true|:|\[ 1 \]|\[ 1 -eq 1 \])$/.test(cond) : cond === "false";
      // The body starts after `do` (its own token, or the start of the next one).
      const body = parseLoopBody(toks, pos);
      nodes.push({ kind: "while", forever, body, op });
    } else if (head === "for" && words[2] === "in") {
      const body = parseLoopBody(toks, pos);
      nodes.push({ kind: "for", name: words[1]!, items: words.slice(3), body, op });
    } else {
      nodes.push({ kind: "cmd", words, op });
    }
    op = "";
  }
  return nodes;
}

function parseLoopBody(toks: string[], pos: { i: number }): Node[] {
  if (toks[pos.i] === ";") pos.i++;
  const first = toks[pos.i];
  if (first === "do") pos.i++;
  else if (first?.startsWith("do ")) toks[pos.i] = first.slice(3);
  return parse(toks, pos, true);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `date` in a busybox or coreutils container (UTC): `Mon Jan  5 09:00:03 UTC 2026`. */
export function dateOutput(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

class Interp {
  t: number;
  lines: TimedText[] = [];
  status = 0;
  constructor(private readonly env: ScriptEnv) {
    this.t = env.startMs;
  }

  private print(text: string): void {
    if (this.t > this.env.untilMs) throw new Stop();
    for (const line of text.split("\n")) this.lines.push({ atMs: this.t, text: line });
    if (this.lines.length > this.env.maxLines) this.lines.splice(0, this.lines.length - this.env.maxLines);
  }

  private tick(ms: number): void {
    this.t += ms;
    if (this.t > this.env.untilMs) throw new Stop();
  }

  run(nodes: Node[]): void {
    for (const n of nodes) {
      if (n.op === "&&" && this.status !== 0) continue;
      if (n.op === "||" && this.status === 0) continue;
      if (n.kind === "cmd") this.command(n.words);
      else if (n.kind === "while") {
        if (!n.forever) continue;
        for (let guard = 0; ; guard++) {
          const before = this.t;
          this.run(n.body);
          // A loop that takes no time would print without end: a shell needs at least a little.
          if (this.t === before) this.tick(1);
          if (guard > 10_000_000) throw new Stop();
        }
      } else {
        for (const item of n.items.flatMap((w) => this.expand(w).split(/\s+/).filter((x) => x !== ""))) {
          this.env.vars[n.name] = item;
          this.run(n.body);
        }
      }
    }
  }

  private command(raw: string[]): void {
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw[0] ?? "");
    if (assign && raw.length === 1) {
      this.env.vars[assign[1]!] = this.expand(assign[2]!);
      this.status = 0;
      return;
    }
    const words = raw.map((w) => this.expand(w));
    const [head, ...args] = words;
    this.tick(COMMAND_MS);
    this.status = 0;
    switch (head) {
      case "echo": {
        let n = false;
        let rest = args;
        if (rest[0] === "-n") {
          n = true;
          rest = rest.slice(1);
        } else if (rest[0] === "-e") rest = rest.slice(1);
        const text = rest.join(" ");
        if (!n || text !== "") this.print(text);
        break;
      }
      case "printf":
        if (args[0] !== undefined) {
          const text = args[0].replace(/\\n$/, "").replace(/%s/g, () => args[1] ?? "");
          this.print(text.replace(/\\n/g, "\n"));
        }
        break;
      case "sleep": {
        const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(args[0] ?? "");
        if (args[0] === "infinity") this.tick(Infinity);
        if (m) this.tick(Math.round(Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86_400 } as Record<string, number>)[m[2]!]! * 1000));
        break;
      }
      case "date":
        this.print(dateOutput(this.t));
        break;
      case "hostname":
        this.print(this.env.vars.HOSTNAME ?? "");
        break;
      case "printenv":
        if (args.length === 0) this.printEnv();
        else for (const a of args) if (this.env.vars[a] !== undefined) this.print(this.env.vars[a]!);
        break;
      case "env":
        this.printEnv();
        break;
      case "false":
        this.status = 1;
        break;
      case "exit":
        throw new Stop();
      case "exec":
        this.command(raw.slice(1));
        break;
      case "tail":
        if (args.includes("-f")) this.tick(Infinity);
        break;
      default:
        break;
    }
  }

  private printEnv(): void {
    for (const [k, v] of Object.entries(this.env.vars)) this.print(`${k}=${v}`);
  }

  /** Quotes, `$VAR`, `${VAR}`, `$((arith))`, `$(date)`, `$(hostname)`. */
  expand(word: string): string {
    let out = "";
    for (let i = 0; i < word.length; i++) {
      const ch = word[i]!;
      if (ch === "'") {
        const end = word.indexOf("'", i + 1);
        out += word.slice(i + 1, end < 0 ? word.length : end);
        i = end < 0 ? word.length : end;
      } else if (ch === '"') {
        const end = word.indexOf('"', i + 1);
        out += this.expandDollars(word.slice(i + 1, end < 0 ? word.length : end));
        i = end < 0 ? word.length : end;
      } else if (ch === "$") {
        const [text, used] = this.dollar(word, i);
        out += text;
        i += used - 1;
      } else if (ch === "\\" && i + 1 < word.length) {
        out += word[++i];
      } else out += ch;
    }
    return out;
  }

  private expandDollars(s: string): string {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "$") {
        const [text, used] = this.dollar(s, i);
        out += text;
        i += used - 1;
      } else out += s[i];
    }
    return out;
  }

  /** The expansion of the `$` form at `i` and how many characters it used. */
  private dollar(s: string, i: number): [string, number] {
    if (s.startsWith("$((", i)) {
      const end = s.indexOf("))", i);
      if (end < 0) return ["$", 1];
      return [String(this.arith(s.slice(i + 3, end))), end + 2 - i];
    }
    if (s.startsWith("$(", i)) {
      const end = s.indexOf(")", i);
      if (end < 0) return ["$", 1];
      const cmd = s.slice(i + 2, end).trim();
      const value = cmd.startsWith("date") ? dateOutput(this.t) : cmd === "hostname" ? (this.env.vars.HOSTNAME ?? "") : "";
      return [value, end + 1 - i];
    }
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(s.slice(i));
    if (!m) return ["$", 1];
    return [this.env.vars[m[1] ?? m[2]!] ?? "", m[0].length];
  }

  /** `i+1`, `$i * 2`, `n - 1`: integers with + - * / left to right. */
  private arith(expr: string): number {
    const parts = expr.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => this.env.vars[name] ?? "0").match(/\d+|[-+*/]/g) ?? [];
    let acc = Number(parts[0] ?? 0);
    for (let k = 1; k + 1 < parts.length; k += 2) {
      const v = Number(parts[k + 1]);
      const op = parts[k];
      acc = op === "+" ? acc + v : op === "-" ? acc - v : op === "*" ? acc * v : v === 0 ? acc : Math.trunc(acc / v);
    }
    return acc;
  }
}

const SHELLS = new Set(["sh", "bash", "ash", "dash"]);

/**
 * The output of `argv` (command and args) started at env.startMs, written up
 * to env.untilMs; undefined when the command line is not one we read (the
 * image's own program, say).
 */
export function commandOutput(argv: readonly string[], env: ScriptEnv): TimedText[] | undefined {
  if (argv.length === 0) return undefined;
  const program = argv[0]!.slice(argv[0]!.lastIndexOf("/") + 1);
  let script: string;
  if (SHELLS.has(program)) {
    const c = argv.indexOf("-c");
    if (c < 0 || argv[c + 1] === undefined) return [];
    script = argv[c + 1]!;
  } else if (["echo", "sleep", "date", "hostname", "printenv", "env", "printf", "true", "false"].includes(program)) {
    // Exec form: no shell, so no expansion; quote each word to keep it as is.
    script = [program, ...argv.slice(1).map((a) => `'${a.replaceAll("'", "")}'`)].join(" ");
  } else return undefined;
  const interp = new Interp({ ...env, vars: { ...env.vars } });
  try {
    interp.run(parse(tokens(script), { i: 0 }, false));
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
  return interp.lines;
}
