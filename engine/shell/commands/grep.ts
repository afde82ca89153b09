// GNU grep: BRE/ERE/fixed patterns (-G -E -F), -i -v -c -n -o -w -x -l -L
// -q -s -h -H -r -m, context (-A -B -C -NUM) with "--" separators, several
// patterns (-e, newlines). Exit 0 when a line was selected, 1 when none, 2 on
// an error.
import { Regex, RegexError, type RegexMatch } from "../regex.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { fsReason, options } from "./context.ts";

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

interface Matcher {
  test(line: string): boolean;
  /** Every match on the line, leftmost-longest across the patterns, non-empty. */
  all(line: string): RegexMatch[];
}

function compileMatcher(ctx: CommandContext, patterns: string[], syntax: "basic" | "extended" | "fixed", ignoreCase: boolean, word: boolean, line: boolean): Matcher | undefined {
  const regexes: Regex[] = [];
  const warned = new Set<string>();
  for (const p of patterns) {
    try {
      const re = Regex.compile(p, { syntax, ignoreCase, word, line });
      for (const w of re.warnings) {
        if (!warned.has(w)) ctx.stderr(`grep: warning: ${w}\n`);
        warned.add(w);
      }
      regexes.push(re);
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      ctx.stderr(`grep: ${e.message}\n`);
      return undefined;
    }
  }
  const budget = ctx.sh.budget;
  return {
    test: (l) => regexes.some((re) => re.exec(l, 0, budget) !== null),
    all: (l) => {
      const out: RegexMatch[] = [];
      let from = 0;
      while (from <= l.length) {
        let best: RegexMatch | null = null;
        for (const re of regexes) {
          const m = re.exec(l, from, budget);
          if (m && (!best || m.start < best.start || (m.start === best.start && m.end > best.end))) best = m;
        }
        if (!best) break;
        if (best.end > best.start) {
          out.push(best);
          from = best.end;
        } else from = best.end + 1;
      }
      return out;
    },
  };
}

interface Source {
  name: string;
  text: string;
}

function grep(ctx: CommandContext): number {
  const args = ctx.args.map((a) => (/^-[0-9]+$/.test(a) ? `-C${a.slice(1)}` : a));
  const opts = options(
    { ...ctx, name: "grep" },
    {
      flags: "EFGPiyvcnowxlLqshHrRaIUz",
      withArg: "efABCm",
      long: {
        "extended-regexp": ["E", false],
        "fixed-strings": ["F", false],
        "basic-regexp": ["G", false],
        "perl-regexp": ["P", false],
        "ignore-case": ["i", false],
        "no-ignore-case": ["no-i", false],
        "invert-match": ["v", false],
        count: ["c", false],
        "line-number": ["n", false],
        "only-matching": ["o", false],
        "word-regexp": ["w", false],
        "line-regexp": ["x", false],
        "files-with-matches": ["l", false],
        "files-without-match": ["L", false],
        quiet: ["q", false],
        silent: ["q", false],
        "no-messages": ["s", false],
        "no-filename": ["h", false],
        "with-filename": ["H", false],
        recursive: ["r", false],
        "dereference-recursive": ["R", false],
        regexp: ["e", "required"],
        file: ["f", "required"],
        "after-context": ["A", "required"],
        "before-context": ["B", "required"],
        context: ["C", "required"],
        "max-count": ["m", "required"],
        color: ["color", "optional"],
        colour: ["color", "optional"],
        include: ["include", "required"],
        exclude: ["exclude", "required"],
        text: ["a", false],
      },
    },
    args,
  );
  if (!opts) {
    ctx.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\n");
    return 2;
  }
  if (opts.has("P")) {
    ctx.stderr("grep: -P (Perl regular expressions) is not supported in this terminal; use -E\n");
    return 2;
  }
  let syntax: "basic" | "extended" | "fixed" = "basic";
  for (const [k] of opts.list) {
    if (k === "E") syntax = "extended";
    else if (k === "F") syntax = "fixed";
    else if (k === "G") syntax = "basic";
  }
  const operands = [...opts.operands];
  let patterns: string[] = [];
  if (opts.has("e") || opts.has("f")) {
    for (const [k, v] of opts.list) {
      if (k === "e") patterns.push(...(v ?? "").split("\n"));
      if (k === "f") {
        try {
          patterns.push(...ctx.sh.fs.readFile(ctx.sh.resolve(v ?? "")).split("\n").filter((p, i, all) => i < all.length - 1 || p !== ""));
        } catch (e) {
          ctx.stderr(`grep: ${v}: ${fsReason(e)}\n`);
          return 2;
        }
      }
    }
  } else {
    const p = operands.shift();
    if (p === undefined) {
      ctx.stderr(USAGE);
      return 2;
    }
    patterns = p.split("\n");
  }
  let ignoreCase = false;
  for (const [k] of opts.list) {
    if (k === "i" || k === "y") ignoreCase = true;
    else if (k === "no-i") ignoreCase = false;
  }
  const matcher = compileMatcher(ctx, patterns, syntax, ignoreCase, opts.has("w"), opts.has("x"));
  if (!matcher) return 2;
  const num = (k: string): number | undefined => {
    const v = opts.last(k);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) {
      ctx.stderr(`grep: ${v}: invalid ${k === "m" ? "max count" : "context length argument"}\n`);
      throw new RangeError();
    }
    return Number(v);
  };
  let after: number;
  let before: number;
  let maxCount: number | undefined;
  try {
    const c = num("C");
    after = num("A") ?? c ?? 0;
    before = num("B") ?? c ?? 0;
    maxCount = num("m");
  } catch (e) {
    if (e instanceof RangeError) return 2;
    throw e;
  }
  const recursive = opts.has("r") || opts.has("R");
  const quiet = opts.has("q");
  const silent = opts.has("s");
  let status = 1;
  let error = false;

  // Collect the inputs: files, directories under -r, or stdin.
  const sources: Source[] = [];
  const addPath = (shown: string, abs: string) => {
    const st = ctx.sh.fs.stat(abs);
    if (!st) {
      if (!silent) ctx.stderr(`grep: ${shown}: No such file or directory\n`);
      error = true;
      return;
    }
    if (st.kind === "dir") {
      if (!recursive) {
        if (!silent) ctx.stderr(`grep: ${shown}: Is a directory\n`);
        error = true;
        return;
      }
      for (const name of ctx.sh.fs.readdir(abs)) addPath(shown === "" ? name : shown.endsWith("/") ? shown + name : `${shown}/${name}`, abs === "/" ? `/${name}` : `${abs}/${name}`);
      return;
    }
    try {
      sources.push({ name: shown, text: ctx.sh.fs.readFile(abs) });
    } catch (e) {
      if (!silent) ctx.stderr(`grep: ${shown}: ${fsReason(e)}\n`);
      error = true;
    }
  };
  if (operands.length === 0 && recursive) addPath("", ctx.sh.vars.cwd);
  else if (operands.length === 0) sources.push({ name: "(standard input)", text: ctx.stdin.readAll() });
  else {
    for (const op of operands) {
      if (op === "-") sources.push({ name: "(standard input)", text: ctx.stdin.readAll() });
      else addPath(op, ctx.sh.resolve(op));
    }
  }
  const withName = opts.has("H") || (!opts.has("h") && (operands.length > 1 || recursive));
  const invert = opts.has("v");
  let out = "";
  let anyOutput = false;
  for (const src of sources) {
    const lines = src.text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    let count = 0;
    let lastPrinted = -1;
    let pendingAfter = 0;
    const prefix = (i: number, sep: string) => (withName ? src.name + sep : "") + (opts.has("n") ? `${i + 1}${sep}` : "");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const selected = matcher.test(line) !== invert;
      if (!selected) {
        if (pendingAfter > 0 && !opts.has("c") && !opts.has("l") && !opts.has("L") && !quiet && !opts.has("o")) {
          out += prefix(i, "-") + line + "\n";
          lastPrinted = i;
          pendingAfter--;
        }
        continue;
      }
      if (maxCount !== undefined && count >= maxCount) break;
      count++;
      status = 0;
      if (quiet) return 0;
      if (opts.has("c") || opts.has("l") || opts.has("L")) continue;
      if (before > 0 || after > 0) {
        const from = Math.max(lastPrinted + 1, i - before);
        if (anyOutput && from > lastPrinted + 1) out += "--\n";
        for (let j = from; j < i; j++) out += prefix(j, "-") + lines[j] + "\n";
      }
      if (opts.has("o")) {
        if (!invert) for (const m of matcher.all(line)) out += prefix(i, ":") + line.slice(m.start, m.end) + "\n";
      } else out += prefix(i, ":") + line + "\n";
      anyOutput = true;
      lastPrinted = i;
      pendingAfter = after;
      if (out.length > 65536) {
        ctx.stdout(out);
        out = "";
      }
    }
    if (opts.has("c")) out += (withName ? src.name + ":" : "") + count + "\n";
    if (opts.has("l") && count > 0) out += src.name + "\n";
    if (opts.has("L") && count === 0) out += src.name + "\n";
  }
  ctx.stdout(out);
  if (error && !(quiet && status === 0)) return 2;
  return status;
}

export const GREP_COMMANDS: CommandTable = {
  grep: { impl: grep, kind: "utility", path: "/usr/bin/grep" },
  egrep: {
    impl: (ctx) => {
      ctx.stderr("egrep: warning: egrep is obsolescent; using grep -E\n");
      return grep({ ...ctx, args: ["-E", ...ctx.args] });
    },
    kind: "utility",
    path: "/usr/bin/egrep",
  },
  fgrep: {
    impl: (ctx) => {
      ctx.stderr("fgrep: warning: fgrep is obsolescent; using grep -F\n");
      return grep({ ...ctx, args: ["-F", ...ctx.args] });
    },
    kind: "utility",
    path: "/usr/bin/fgrep",
  },
};
