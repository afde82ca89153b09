// Small builtins and programs: echo, printf, true, false, :, pwd, test/[,
// type, command, which, clear, sleep, whoami, hostname, basename, dirname.
import { cEscape } from "../scan.ts";
import { basename as baseOf, dirname as dirOf } from "../fs.ts";
import { evaluateCondition, TestError } from "../cond.ts";
import { FdTable } from "../io.ts";
import { escapeGlob } from "../pattern.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { formatFloat, formatInteger, formatString, parseFormat, type Conversion } from "./format.ts";
import { shellQuote } from "./shell-builtins.ts";

const KEYWORDS = new Set(["if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "{", "}", "!", "[[", "]]", "function", "select", "time", "coproc"]);

/**
 * Backslash escapes of echo -e and printf %b (octal as \0NNN), or of a printf
 * format (octal as \NNN); `stop` is set at \c.
 */
export function echoEscapes(s: string, format = false): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\" || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    if (s[i + 1] === "c") return { text: out, stop: true };
    if (format && /[0-7]/.test(s[i + 1])) {
      const digits = (/^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4)) as RegExpExecArray)[0];
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += digits.length;
      continue;
    }
    const { text, length } = cEscape(s, i + 1, false);
    out += text;
    i += length;
  }
  return { text: out, stop: false };
}

function echo(ctx: CommandContext): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const a = ctx.args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") escapes = true;
      else escapes = false;
    }
  }
  let text = ctx.args.slice(i).join(" ");
  if (escapes) {
    const r = echoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.stdout(newline ? text + "\n" : text);
  return 0;
}

/** printf's numeric argument: 'c gives a character code; otherwise C's strtol with base prefixes. */
function printfNumber(ctx: CommandContext, arg: string | undefined, float: boolean, bad: { status: number }): { int: bigint; float: number } {
  if (arg === undefined || arg === "") return { int: 0n, float: 0 };
  if (arg.startsWith("'") || arg.startsWith('"')) {
    const cp = arg.codePointAt(1) ?? 0;
    return { int: BigInt(cp), float: cp };
  }
  const t = arg.trim();
  if (float) {
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|^[-+]?(inf|infinity|nan)/i.exec(t);
    if (!m || m[0].length !== t.length) {
      ctx.stderr(`bash: printf: ${arg}: invalid number\n`);
      bad.status = 1;
    }
    const v = m ? Number(m[0].replace(/^([-+]?)inf(inity)?$/i, "$1Infinity").replace(/^[-+]?nan$/i, "NaN")) : 0;
    return { int: BigInt(Math.trunc(Number.isFinite(v) ? v : 0)), float: v };
  }
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(t);
  if (!m || m[0].length !== t.length) {
    ctx.stderr(`bash: printf: ${arg}: invalid number\n`);
    bad.status = 1;
  }
  if (!m) return { int: 0n, float: 0 };
  let v = BigInt(m[2].startsWith("0x") || m[2].startsWith("0X") ? m[2] : m[2].length > 1 && m[2].startsWith("0") ? "0o" + m[2].slice(1) : m[2]);
  if (m[1] === "-") v = -v;
  return { int: BigInt.asIntN(64, v), float: Number(v) };
}

/** printf %q: quote so the shell reads the word back unchanged. */
function quoteForShell(s: string): string {
  if (s === "") return "''";
  if (/[\n\t\r\x00-\x1f\x7f]/.test(s)) return `$'${s.replace(/[\\']/g, "\\$&").replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\r/g, "\\r")}'`;
  return s.replace(/[^A-Za-z0-9_\-./,:=@%+^]/g, "\\$&");
}

function printf(ctx: CommandContext): number {
  let args = [...ctx.args];
  let target: string | undefined;
  if (args[0] === "-v") {
    target = args[1];
    args = args.slice(2);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    ctx.stderr("printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  const [format, ...rest] = args;
  const { pieces, invalid } = parseFormat(format);
  const bad = { status: 0 };
  let out = "";
  let k = 0;
  const hasConversions = pieces.some((p) => typeof p !== "string");
  let stopped = false;
  do {
    for (const piece of pieces) {
      if (typeof piece === "string") {
        const r = echoEscapes(piece, true);
        out += r.text;
        if (r.stop) {
          stopped = true;
          break;
        }
        continue;
      }
      const spec: Conversion = { ...piece };
      if (spec.starWidth) {
        const w = Number(printfNumber(ctx, rest[k++], false, bad).int);
        spec.width = Math.abs(w);
        if (w < 0) spec.flags += "-";
      }
      if (spec.starPrecision) spec.precision = Number(printfNumber(ctx, rest[k++], false, bad).int);
      const arg = rest[k++];
      switch (spec.conv) {
        case "s":
          out += formatString(spec, arg ?? "");
          break;
        case "b": {
          const r = echoEscapes(arg ?? "");
          out += formatString(spec, r.text);
          if (r.stop) stopped = true;
          break;
        }
        case "q":
          out += formatString(spec, quoteForShell(arg ?? ""));
          break;
        case "c":
          out += formatString(spec, Array.from(arg ?? "")[0] ?? "");
          break;
        case "d":
        case "i":
        case "o":
        case "u":
        case "x":
        case "X":
          out += formatInteger(spec, printfNumber(ctx, arg, false, bad).int);
          break;
        default:
          out += formatFloat(spec, printfNumber(ctx, arg, true, bad).float);
      }
      if (stopped) break;
    }
    if (invalid !== undefined) {
      ctx.stderr(invalid === "" ? "bash: printf: missing format character\n" : `bash: printf: \`${invalid}': invalid format character\n`);
      bad.status = 1;
      break;
    }
  } while (!stopped && hasConversions && k < rest.length);
  if (target !== undefined) ctx.sh.assign(target, out);
  else ctx.stdout(out);
  return bad.status;
}

function pwd(ctx: CommandContext): number {
  ctx.stdout(ctx.sh.vars.cwd + "\n");
  return 0;
}

function test(ctx: CommandContext): number {
  let args = ctx.args;
  if (ctx.name === "[") {
    if (args.at(-1) !== "]") {
      ctx.stderr("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    const tokens = args.map((text) => ({ text, pattern: escapeGlob(text) }));
    return evaluateCondition(tokens, ctx.sh, "test", ctx.name) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.stderr(`bash: ${e.message}\n`);
    return 2;
  }
}

type Found = { kind: "alias"; value: string } | { kind: "keyword" } | { kind: "function" } | { kind: "builtin" } | { kind: "file"; path: string };

/** Everything `type -a` would list for a name, in bash's order. */
function lookupAll(ctx: CommandContext, name: string, aliases = true): Found[] {
  const found: Found[] = [];
  const alias = ctx.sh.vars.aliases.get(name);
  if (aliases && alias !== undefined) found.push({ kind: "alias", value: alias });
  if (KEYWORDS.has(name)) found.push({ kind: "keyword" });
  if (ctx.sh.vars.functions.has(name)) found.push({ kind: "function" });
  const entry = ctx.sh.shared.commands.get(name);
  if (entry && (entry.kind === "special" || entry.kind === "builtin")) found.push({ kind: "builtin" });
  if (entry?.path) found.push({ kind: "file", path: entry.path });
  return found;
}

function type(ctx: CommandContext): number {
  let mode: "" | "t" | "p" | "P" = "";
  let all = false;
  const names: string[] = [];
  for (const a of ctx.args) {
    if (/^-[atpPf]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === "a") all = true;
        else if (c === "t" || c === "p" || c === "P") mode = c;
      }
    } else names.push(a);
  }
  let status = 0;
  for (const name of names) {
    let found = lookupAll(ctx, name);
    if (mode === "P") found = found.filter((f) => f.kind === "file");
    if (!all) found = found.slice(0, 1);
    if (found.length === 0) {
      if (mode === "") ctx.stderr(`bash: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    for (const f of found) {
      if (mode === "t") ctx.stdout(f.kind + "\n");
      else if (mode === "p" || mode === "P") {
        if (f.kind === "file") ctx.stdout(f.path + "\n");
      } else if (f.kind === "alias") ctx.stdout(`${name} is aliased to \`${f.value}'\n`);
      else if (f.kind === "keyword") ctx.stdout(`${name} is a shell keyword\n`);
      else if (f.kind === "function") ctx.stdout(`${name} is a function\n`);
      else if (f.kind === "builtin") ctx.stdout(`${name} is a shell builtin\n`);
      else ctx.stdout(`${name} is ${f.path}\n`);
    }
  }
  return status;
}

async function command(ctx: CommandContext): Promise<number> {
  const args = [...ctx.args];
  let describe: "" | "v" | "V" = "";
  while (args[0]?.startsWith("-") && args[0].length > 1) {
    const a = args.shift() as string;
    if (a === "--") break;
    if (a.includes("v")) describe = "v";
    if (a.includes("V")) describe = "V";
  }
  if (args.length === 0) return 0;
  if (describe === "") {
    const [name, ...rest] = args;
    const entry = ctx.sh.shared.commands.get(name);
    if (!entry) {
      ctx.stderr(`bash: ${name}: command not found\n`);
      return 127;
    }
    return ctx.sh.invoke(name, rest, FdTable.of(ctx.stdin, ctx.out, ctx.err), entry);
  }
  let status = 0;
  for (const name of args) {
    const f = lookupAll(ctx, name)[0];
    if (!f) {
      if (describe === "V") ctx.stderr(`bash: command: ${name}: not found\n`);
      status = 1;
      continue;
    }
    if (describe === "V") {
      await type({ ...ctx, args: [name] });
      continue;
    }
    if (f.kind === "alias") ctx.stdout(`alias ${name}=${shellQuote(f.value)}\n`);
    else if (f.kind === "file") ctx.stdout(f.path + "\n");
    else ctx.stdout(name + "\n");
  }
  return status;
}

function which(ctx: CommandContext): number {
  const all = ctx.args.includes("-a");
  let status = 0;
  for (const name of ctx.args.filter((a) => a !== "-a" && a !== "-s")) {
    const entry = ctx.sh.shared.commands.get(name);
    if (name.includes("/")) {
      const st = ctx.sh.fs.stat(ctx.sh.resolve(name));
      if (st?.kind === "file" && (st.mode & 0o111) !== 0) ctx.stdout(name + "\n");
      else status = 1;
      continue;
    }
    if (entry?.path) {
      ctx.stdout(entry.path + "\n");
      if (all && entry.path.startsWith("/usr/bin/")) ctx.stdout(entry.path.replace("/usr", "") + "\n");
    } else status = 1;
  }
  return status;
}

function clear(ctx: CommandContext): number {
  ctx.stdout("\x1b[H\x1b[2J\x1b[3J");
  return 0;
}

/** sleep NUMBER[SUFFIX]...: lets virtual time pass. */
async function sleep(ctx: CommandContext): Promise<number> {
  if (ctx.args.length === 0) {
    ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of ctx.args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m && a !== "infinity" && a !== "inf") {
      ctx.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    const unit = m ? { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s" | "m" | "h" | "d"] : Number.POSITIVE_INFINITY;
    total += m ? Number(m[1]) * unit : unit;
  }
  if (!Number.isFinite(total)) {
    // `sleep infinity` waits for Ctrl-C; without a signal it would never end.
    ctx.stderr("sleep: sleeping forever is not available in this terminal\n");
    return 1;
  }
  await ctx.sh.sleep(Math.round(total * 1000));
  return 0;
}

function whoami(ctx: CommandContext): number {
  ctx.stdout(ctx.sh.shared.user + "\n");
  return 0;
}

function hostname(ctx: CommandContext): number {
  ctx.stdout(ctx.sh.shared.hostname + "\n");
  return 0;
}

function basename(ctx: CommandContext): number {
  const [path, suffix] = ctx.args;
  if (path === undefined) {
    ctx.stderr("basename: missing operand\nTry 'basename --help' for more information.\n");
    return 1;
  }
  let base = baseOf(path);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  ctx.stdout(base + "\n");
  return 0;
}

function dirname(ctx: CommandContext): number {
  if (ctx.args.length === 0) {
    ctx.stderr("dirname: missing operand\nTry 'dirname --help' for more information.\n");
    return 1;
  }
  for (const a of ctx.args) ctx.stdout(dirOf(a) + "\n");
  return 0;
}

export const BASIC_COMMANDS: CommandTable = {
  echo: { impl: echo, kind: "builtin", path: "/usr/bin/echo" },
  printf: { impl: printf, kind: "builtin", path: "/usr/bin/printf" },
  true: { impl: () => 0, kind: "builtin", path: "/usr/bin/true" },
  false: { impl: () => 1, kind: "builtin", path: "/usr/bin/false" },
  ":": { impl: () => 0, kind: "special" },
  pwd: { impl: pwd, kind: "builtin", path: "/usr/bin/pwd" },
  test: { impl: test, kind: "builtin", path: "/usr/bin/test" },
  "[": { impl: test, kind: "builtin", path: "/usr/bin/[" },
  type: { impl: type, kind: "special" },
  command: { impl: command, kind: "special" },
  which: { impl: which, kind: "utility", path: "/usr/bin/which" },
  clear: { impl: clear, kind: "utility", path: "/usr/bin/clear" },
  sleep: { impl: sleep, kind: "utility", path: "/usr/bin/sleep" },
  whoami: { impl: whoami, kind: "utility", path: "/usr/bin/whoami" },
  hostname: { impl: hostname, kind: "utility", path: "/usr/bin/hostname" },
  basename: { impl: basename, kind: "utility", path: "/usr/bin/basename" },
  dirname: { impl: dirname, kind: "utility", path: "/usr/bin/dirname" },
};
