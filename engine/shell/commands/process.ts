// Programs that run other programs: xargs, env, watch, bash/sh; and printenv.
// Like exec(2) they find programs only (not functions, aliases or bash's own
// builtins such as cd).
import { BufferSink, FdTable, InputStream } from "../io.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { options } from "./context.ts";
import { strftime } from "./date.ts";

/** Run a program by name the way exec(2) finds it; 127 (after the caller's message) when there is none. */
async function execProgram(ctx: CommandContext, words: string[], fds: FdTable, who: string, quoteName: (n: string) => string): Promise<number> {
  const [name, ...args] = words;
  const entry = ctx.sh.shared.commands.get(name);
  if (!entry || !entry.path) {
    if (name.includes("/")) return ctx.sh.execute(words, fds);
    ctx.stderr(`${who}: ${quoteName(name)}: No such file or directory\n`);
    return 127;
  }
  return ctx.sh.invoke(name, args, fds, entry);
}

/** xargs' input words: blanks separate, quotes and backslashes protect. */
function xargsWords(text: string): string[] | { error: string } {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf("\n", i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        return { error: `unmatched ${c === "'" ? "single" : "double"} quote; by default quotes are special to xargs unless you use the -0 option` };
      }
      cur += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === "\\" && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

async function xargs(ctx: CommandContext): Promise<number> {
  const opts = options(ctx, {
    flags: "0rtpx",
    withArg: "nIiLPdsaE",
    long: { null: ["0", false], "no-run-if-empty": ["r", false], verbose: ["t", false], "max-args": ["n", "required"], replace: ["I", "optional"], "max-lines": ["L", "required"], "max-procs": ["P", "required"], delimiter: ["d", "required"] },
    stopAtOperand: true,
  });
  if (!opts) return 1;
  const command = opts.operands.length > 0 ? opts.operands : ["echo"];
  const text = ctx.stdin.readAll();
  const replace = opts.has("I") ? (opts.last("I") ?? "{}") : opts.has("i") ? opts.last("i") || "{}" : undefined;
  let items: string[];
  if (opts.has("0")) items = text.split("\0").filter((s, i, all) => s !== "" || i < all.length - 1);
  else if (opts.has("d")) items = text.split(opts.last("d") ?? "\n").filter((s, i, all) => s !== "" || i < all.length - 1);
  else if (replace !== undefined) items = text.split("\n").map((l) => l.replace(/^[ \t]+/, "")).filter((l) => l !== "");
  else {
    const words = xargsWords(text);
    if ("error" in words) {
      ctx.stderr(`xargs: ${words.error}\n`);
      return 1;
    }
    items = words;
  }
  const batches: string[][] = [];
  if (replace !== undefined) for (const item of items) batches.push(command.map((w) => w.split(replace).join(item)));
  else {
    const maxArgs = Number(opts.last("n") ?? opts.last("L") ?? Number.POSITIVE_INFINITY);
    if (!(maxArgs >= 1)) {
      ctx.stderr(`xargs: value ${opts.last("n") ?? opts.last("L")} for -n option should be >= 1\n`);
      return 1;
    }
    for (let i = 0; i < items.length; i += Number.isFinite(maxArgs) ? maxArgs : items.length) {
      batches.push([...command, ...items.slice(i, Number.isFinite(maxArgs) ? i + maxArgs : items.length)]);
    }
    if (batches.length === 0 && !opts.has("r")) batches.push([...command]);
  }
  let status = 0;
  for (const words of batches) {
    if (opts.has("t")) ctx.stderr(words.join(" ") + "\n");
    // The children read /dev/null, as GNU xargs gives them.
    const fds = FdTable.of(new InputStream(""), ctx.out, ctx.err);
    const s = await execProgram(ctx, words, fds, "xargs", (n) => n);
    if (s === 127) return 127;
    if (s === 255) {
      ctx.stderr(`xargs: ${words[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (s !== 0) status = 123;
  }
  return status;
}

async function env(ctx: CommandContext): Promise<number> {
  const args = [...ctx.args];
  let clear = false;
  const unset: string[] = [];
  while (args.length > 0 && args[0].startsWith("-") && args[0] !== "-") {
    const a = args.shift() as string;
    if (a === "--") break;
    if (a === "-i" || a === "--ignore-environment") clear = true;
    else if (a === "-u") unset.push(args.shift() ?? "");
    else if (a.startsWith("--unset=")) unset.push(a.slice(8));
    else {
      ctx.stderr(`env: invalid option -- '${a.replace(/^-+/, "")}'\nTry 'env --help' for more information.\n`);
      return 125;
    }
  }
  if (args[0] === "-") {
    clear = true;
    args.shift();
  }
  const assignments: Array<[string, string]> = [];
  while (args.length > 0 && /^[^=]+=/.test(args[0])) {
    const a = args.shift() as string;
    const eq = a.indexOf("=");
    assignments.push([a.slice(0, eq), a.slice(eq + 1)]);
  }
  const sh = ctx.sh;
  if (args.length === 0) {
    const vars = clear ? {} : sh.vars.environment();
    for (const u of unset) delete (vars as Record<string, string>)[u];
    for (const [k, v] of assignments) (vars as Record<string, string>)[k] = v;
    ctx.stdout(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  // Run the program in a child whose environment is the modified one.
  const child = sh.subshell();
  if (clear) for (const v of child.vars.vars.values()) v.exported = false;
  for (const u of unset) child.vars.vars.delete(u);
  for (const [k, v] of assignments) child.vars.set(k, v, true);
  const fds = FdTable.of(ctx.stdin, ctx.out, ctx.err);
  return execProgram({ ...ctx, sh: child }, args, fds, "env", (n) => `‘${n}’`);
}

function printenv(ctx: CommandContext): number {
  const vars = ctx.sh.vars.environment();
  if (ctx.args.length === 0) {
    ctx.stdout(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  let status = 0;
  for (const name of ctx.args) {
    if (Object.hasOwn(vars, name)) ctx.stdout(vars[name] + "\n");
    else status = 1;
  }
  return status;
}

/** bash/sh: -c 'text' [name [args]], or a script file. A child shell: exported variables only, no aliases. */
async function shell(ctx: CommandContext): Promise<number> {
  const flavor = ctx.name === "sh" || ctx.name === "dash" ? "sh" : "bash";
  const args = [...ctx.args];
  while (args[0] === "-e" || args[0] === "-x" || args[0] === "-u" || args[0] === "-l" || args[0] === "--login" || args[0] === "-i") args.shift();
  const fds = FdTable.of(ctx.stdin, ctx.out, ctx.err);
  if (args[0] === "-c") {
    const text = args[1];
    if (text === undefined) {
      ctx.stderr(`${ctx.name}: -c: option requires an argument\n`);
      return 2;
    }
    return ctx.sh.runScript(args[2] ?? ctx.name, text, args.slice(3), fds, flavor);
  }
  if (args.length === 0) {
    const text = ctx.stdin.readAll();
    if (ctx.stdin.isTerminal || text === "") {
      ctx.stderr(`${ctx.name}: a nested interactive shell is not available in this terminal; use ${ctx.name} -c 'COMMANDS' or ${ctx.name} FILE\n`);
      return 1;
    }
    return ctx.sh.runScript(ctx.name, text, [], fds, flavor);
  }
  const [file, ...rest] = args;
  let text: string;
  try {
    text = ctx.sh.fs.readFile(ctx.sh.resolve(file));
  } catch (e) {
    ctx.stderr(`${ctx.name}: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 127;
  }
  return ctx.sh.runScript(file, text, rest, fds, flavor);
}

/** procps watch: "Every 2.0s: CMD" and "host: date" on one line, a blank line, the output; again every interval. */
async function watch(ctx: CommandContext): Promise<number> {
  const opts = options(ctx, {
    flags: "tgdxebpc",
    withArg: "n",
    long: { interval: ["n", "required"], "no-title": ["t", false], chgexit: ["g", false], differences: ["d", "optional"], exec: ["x", false], errexit: ["e", false], beep: ["b", false], precise: ["p", false], color: ["c", false] },
    stopAtOperand: true,
  });
  if (!opts) return 1;
  if (opts.operands.length === 0) {
    ctx.stderr("Usage:\n watch [options] command\n");
    return 1;
  }
  const intervalText = opts.last("n") ?? "2";
  let seconds = Number(intervalText.replace(",", "."));
  if (!Number.isFinite(seconds)) {
    ctx.stderr(`watch: failed to parse argument: '${intervalText}'\n`);
    return 1;
  }
  seconds = Math.max(0.1, seconds);
  const commandText = opts.operands.join(" ");
  const { idleMs, maxFrames } = ctx.sh.shared.watch;
  const columns = ctx.sh.shared.columns;
  let previous: string | undefined;
  let unchangedFor = 0;
  for (let frame = 0; ; frame++) {
    const buffer = new BufferSink(ctx.sh.shared.limits.pipeBytes);
    const fds = FdTable.of(new InputStream(""), buffer, buffer);
    const status = opts.has("x")
      ? await execProgram({ ...ctx, stderr: (t) => buffer.write(t) }, opts.operands, fds, "watch", (n) => n)
      : await ctx.sh.runScript("sh", commandText, [], fds, "sh");
    const output = buffer.text();
    let screen = "";
    if (!opts.has("t")) {
      const left = `Every ${seconds.toFixed(1)}s: ${commandText}`;
      const right = `${ctx.sh.shared.hostname}: ${strftime("%a %b %e %H:%M:%S %Y", ctx.sh.shared.now())}`;
      const room = columns - right.length - 1;
      const shownLeft = left.length > room ? left.slice(0, Math.max(0, room - 3)) + "..." : left;
      screen += shownLeft + " ".repeat(Math.max(1, columns - shownLeft.length - right.length)) + right + "\n\n";
    }
    screen += output;
    ctx.stdout((ctx.out.isTerminal ? "\x1b[H\x1b[2J" : "") + screen);
    if (opts.has("e") && status !== 0) {
      ctx.stderr(`\ncommand exit with a non-zero status, press a key to exit\n`);
      return 8;
    }
    if (opts.has("g") && previous !== undefined && output !== previous) return 0;
    unchangedFor = previous === output ? unchangedFor + seconds * 1000 : 0;
    previous = output;
    // Without a person to press Ctrl-C, stop once nothing has changed for a while (see DESIGN "Time").
    if (unchangedFor >= idleMs || frame + 1 >= maxFrames) {
      ctx.stderr(`watch: stopped after ${frame + 1} refreshes${unchangedFor >= idleMs ? ` (output unchanged for ${Math.round(unchangedFor / 1000)}s)` : ""}\n`);
      return 0;
    }
    await ctx.sh.sleep(Math.round(seconds * 1000));
  }
}

export const PROCESS_COMMANDS: CommandTable = {
  xargs: { impl: xargs, kind: "utility", path: "/usr/bin/xargs" },
  env: { impl: env, kind: "utility", path: "/usr/bin/env" },
  printenv: { impl: printenv, kind: "utility", path: "/usr/bin/printenv" },
  bash: { impl: shell, kind: "utility", path: "/usr/bin/bash" },
  sh: { impl: shell, kind: "utility", path: "/usr/bin/sh" },
  watch: { impl: watch, kind: "utility", path: "/usr/bin/watch" },
};
