// bash's builtins that read or change the shell itself: cd, export, unset,
// alias, unalias, history, exit, return, break, continue, local, readonly,
// set, shift, source, eval, read.
import { ExitRequest, LoopControl, ReturnRequest } from "../control.ts";
import { FdTable } from "../io.ts";
import { splitIfs } from "../expand.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { fsReason } from "./context.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Single-quote a value as `alias` and `declare -p` print it. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

function notIdentifier(ctx: CommandContext, word: string): number {
  ctx.stderr(`bash: ${ctx.name}: \`${word}': not a valid identifier\n`);
  return 1;
}

function fdsOf(ctx: CommandContext): FdTable {
  return FdTable.of(ctx.stdin, ctx.out, ctx.err);
}

function cd(ctx: CommandContext): number {
  const sh = ctx.sh;
  const args = ctx.args.filter((a, i) => !(i === 0 && (a === "-L" || a === "-P" || a === "--")));
  if (args.length > 1) {
    ctx.stderr("bash: cd: too many arguments\n");
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined) {
    target = sh.lookup("HOME");
    if (target === undefined) {
      ctx.stderr("bash: cd: HOME not set\n");
      return 1;
    }
  } else if (target === "-") {
    target = sh.lookup("OLDPWD");
    if (target === undefined) {
      ctx.stderr("bash: cd: OLDPWD not set\n");
      return 1;
    }
    print = true;
  }
  if (target === "") return 0;
  const path = sh.resolve(target).replace(/(.)\/$/, "$1");
  const st = sh.fs.stat(path);
  if (!st) {
    ctx.stderr(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  if (st.kind !== "dir") {
    ctx.stderr(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  sh.vars.set("OLDPWD", sh.vars.cwd);
  sh.vars.cwd = path;
  sh.vars.set("PWD", path);
  if (print) ctx.stdout(path + "\n");
  return 0;
}

function exportBuiltin(ctx: CommandContext): number {
  const vars = ctx.sh.vars;
  let unexport = false;
  let args = ctx.args;
  while (args[0]?.startsWith("-") && args[0] !== "-") {
    const flag = args[0];
    if (flag === "--") {
      args = args.slice(1);
      break;
    }
    if (flag === "-n") unexport = true;
    else if (flag !== "-p" && flag !== "-f") {
      ctx.stderr(`bash: export: ${flag}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
      return 2;
    }
    args = args.slice(1);
  }
  if (args.length === 0) {
    const names = [...vars.vars.keys()].filter((k) => vars.vars.get(k)?.exported).sort();
    for (const k of names) ctx.stdout(`declare -x ${k}="${(vars.get(k) ?? "").replace(/["\\$`]/g, "\\$&")}"\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = notIdentifier(ctx, arg);
      continue;
    }
    const v = vars.vars.get(name);
    if (eq >= 0) {
      if (!vars.set(name, arg.slice(eq + 1), !unexport)) {
        ctx.stderr(`bash: ${name}: readonly variable\n`);
        status = 1;
      }
    } else if (v) v.exported = !unexport;
    else if (!unexport) vars.vars.set(name, { value: "", exported: true });
  }
  return status;
}

function readonlyBuiltin(ctx: CommandContext): number {
  const vars = ctx.sh.vars;
  const args = ctx.args.filter((a) => a !== "-p");
  if (args.length === 0) {
    for (const [k, v] of [...vars.vars].filter(([, v]) => v.readonly).sort()) ctx.stdout(`declare -r ${k}="${v.value}"\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = notIdentifier(ctx, arg);
      continue;
    }
    if (eq >= 0 && !vars.set(name, arg.slice(eq + 1))) {
      ctx.stderr(`bash: ${name}: readonly variable\n`);
      status = 1;
      continue;
    }
    const v = vars.vars.get(name) ?? { value: "", exported: false };
    v.readonly = true;
    vars.vars.set(name, v);
  }
  return status;
}

function unset(ctx: CommandContext): number {
  let functions = false;
  let status = 0;
  for (const arg of ctx.args) {
    if (arg === "-f") functions = true;
    else if (arg === "-v") functions = false;
    else if (functions) ctx.sh.vars.functions.delete(arg);
    else if (!NAME.test(arg)) status = notIdentifier(ctx, arg);
    else if (!ctx.sh.vars.unset(arg)) {
      ctx.stderr(`bash: unset: ${arg}: cannot unset: readonly variable\n`);
      status = 1;
    } else if (!ctx.sh.vars.vars.has(arg)) ctx.sh.vars.functions.delete(arg);
  }
  return status;
}

function alias(ctx: CommandContext): number {
  const aliases = ctx.sh.vars.aliases;
  const args = ctx.args.filter((a) => a !== "-p");
  if (args.length === 0) {
    for (const k of [...aliases.keys()].sort()) ctx.stdout(`alias ${k}=${shellQuote(aliases.get(k) as string)}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq < 0) {
      const value = aliases.get(arg);
      if (value === undefined) {
        ctx.stderr(`bash: alias: ${arg}: not found\n`);
        status = 1;
      } else ctx.stdout(`alias ${arg}=${shellQuote(value)}\n`);
      continue;
    }
    const name = arg.slice(0, eq);
    if (name === "" || /[\s/$`=|&;()<>'"\\]/.test(name)) {
      ctx.stderr(`bash: alias: \`${name}': invalid alias name\n`);
      status = 1;
      continue;
    }
    aliases.set(name, arg.slice(eq + 1));
  }
  return status;
}

function unalias(ctx: CommandContext): number {
  const aliases = ctx.sh.vars.aliases;
  if (ctx.args.length === 0) {
    ctx.stderr("unalias: usage: unalias [-a] name [name ...]\n");
    return 2;
  }
  let status = 0;
  for (const arg of ctx.args) {
    if (arg === "-a") aliases.clear();
    else if (!aliases.delete(arg)) {
      ctx.stderr(`bash: unalias: ${arg}: not found\n`);
      status = 1;
    }
  }
  return status;
}

function history(ctx: CommandContext): number {
  const h = ctx.sh.shared.history;
  const [first] = ctx.args;
  if (first === "-c") {
    h.length = 0;
    return 0;
  }
  let start = 0;
  if (first !== undefined) {
    if (!/^[0-9]+$/.test(first)) {
      ctx.stderr(`bash: history: ${first}: numeric argument required\n`);
      return 1;
    }
    start = Math.max(0, h.length - Number(first));
  }
  const offset = ctx.sh.shared.historyBase;
  let out = "";
  for (let i = start; i < h.length; i++) out += `${String(offset + i + 1).padStart(5)}  ${h[i]}\n`;
  ctx.stdout(out);
  return 0;
}

function exit(ctx: CommandContext): number {
  const arg = ctx.args[0];
  if (ctx.sh.interactive) ctx.stderr("exit\n");
  if (arg === undefined) throw new ExitRequest(ctx.sh.vars.lastStatus);
  if (!/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
    ctx.stderr(`bash: exit: ${arg}: numeric argument required\n`);
    throw new ExitRequest(2);
  }
  if (ctx.args.length > 1) {
    ctx.stderr("bash: exit: too many arguments\n");
    return 1;
  }
  throw new ExitRequest(Number(BigInt.asUintN(8, BigInt(arg.trim()))));
}

function returnBuiltin(ctx: CommandContext): number {
  if (ctx.sh.returnable === 0) {
    ctx.stderr("bash: return: can only `return' from a function or sourced script\n");
    return 2;
  }
  const arg = ctx.args[0];
  if (arg !== undefined && !/^[-+]?[0-9]+$/.test(arg)) {
    ctx.stderr(`bash: return: ${arg}: numeric argument required\n`);
    throw new ReturnRequest(2);
  }
  throw new ReturnRequest(arg === undefined ? ctx.sh.vars.lastStatus : Number(BigInt.asUintN(8, BigInt(arg))));
}

function loopControl(kind: "break" | "continue") {
  return (ctx: CommandContext): number => {
    const arg = ctx.args[0];
    if (arg !== undefined && !/^[0-9]+$/.test(arg)) {
      ctx.stderr(`bash: ${kind}: ${arg}: numeric argument required\n`);
      return 1;
    }
    const n = arg === undefined ? 1 : Number(arg);
    if (n < 1) {
      ctx.stderr(`bash: ${kind}: ${arg}: loop count out of range\n`);
      return 1;
    }
    if (ctx.sh.loopDepth === 0) {
      ctx.stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new LoopControl(kind, Math.min(n, ctx.sh.loopDepth));
  };
}

function local(ctx: CommandContext): number {
  if (ctx.sh.vars.frames.length === 0) {
    ctx.stderr("bash: local: can only be used in a function\n");
    return 1;
  }
  let status = 0;
  for (const arg of ctx.args) {
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = notIdentifier(ctx, arg);
      continue;
    }
    ctx.sh.vars.makeLocal(name);
    if (eq >= 0) ctx.sh.vars.set(name, arg.slice(eq + 1));
    else if (!ctx.sh.vars.vars.has(name)) ctx.sh.vars.vars.set(name, { value: "", exported: false });
  }
  return status;
}

function set(ctx: CommandContext): number {
  const vars = ctx.sh.vars;
  if (ctx.args.length === 0) {
    for (const k of [...vars.vars.keys()].sort()) ctx.stdout(`${k}=${quoteIfNeeded(vars.get(k) ?? "")}\n`);
    return 0;
  }
  const args = [...ctx.args];
  while (args.length > 0) {
    const a = args.shift() as string;
    if (a === "--") {
      vars.positional = args.splice(0);
      break;
    }
    if (a === "-o" || a === "+o") {
      const opt = args.shift();
      if (opt === undefined) {
        ctx.stdout(`pipefail       \t${vars.pipefail ? "on" : "off"}\n`);
        continue;
      }
      if (opt !== "pipefail") {
        ctx.stderr(`bash: set: ${opt}: not supported in this terminal (only pipefail is)\n`);
        return 1;
      }
      vars.pipefail = a === "-o";
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      ctx.stderr(`bash: set: ${a}: not supported in this terminal (only -o pipefail is)\n`);
      return 1;
    }
    vars.positional = [a, ...args.splice(0)];
  }
  return 0;
}

function quoteIfNeeded(s: string): string {
  return /^[A-Za-z0-9_./:,=@%+-]*$/.test(s) && s !== "" ? s : shellQuote(s);
}

function shift(ctx: CommandContext): number {
  const n = ctx.args[0] === undefined ? 1 : Number(ctx.args[0]);
  if (!Number.isInteger(n) || n < 0) {
    ctx.stderr(`bash: shift: ${ctx.args[0]}: numeric argument required\n`);
    return 1;
  }
  if (n > ctx.sh.vars.positional.length) return 1;
  ctx.sh.vars.positional = ctx.sh.vars.positional.slice(n);
  return 0;
}

async function source(ctx: CommandContext): Promise<number> {
  const [file, ...args] = ctx.args;
  if (file === undefined) {
    ctx.stderr(`bash: ${ctx.name}: filename argument required\n${ctx.name}: usage: ${ctx.name} filename [arguments]\n`);
    return 2;
  }
  let text: string;
  try {
    text = ctx.sh.fs.readFile(ctx.sh.resolve(file));
  } catch (e) {
    ctx.stderr(`bash: ${file}: ${fsReason(e)}\n`);
    return 1;
  }
  const sh = ctx.sh;
  const saved = sh.vars.positional;
  if (args.length > 0) sh.vars.positional = args;
  sh.returnable++;
  try {
    return await sh.nested(() => sh.runSource(text, fdsOf(ctx)));
  } catch (e) {
    if (e instanceof ReturnRequest) return e.status;
    throw e;
  } finally {
    sh.returnable--;
    if (args.length > 0) sh.vars.positional = saved;
  }
}

async function evalBuiltin(ctx: CommandContext): Promise<number> {
  const text = ctx.args.join(" ");
  if (text.trim() === "") return 0;
  return ctx.sh.nested(() => ctx.sh.runSource(text, fdsOf(ctx)));
}

function read(ctx: CommandContext): number {
  let raw = false;
  const names: string[] = [];
  const args = [...ctx.args];
  while (args.length > 0) {
    const a = args.shift() as string;
    if (a === "-r") raw = true;
    else if (a === "-p" || a === "-t" || a === "-n" || a === "-d" || a === "-u") args.shift();
    else if (a === "-s") continue;
    else names.push(a);
  }
  for (const n of names) if (!NAME.test(n)) return notIdentifier(ctx, n);
  if (names.length === 0) names.push("REPLY");
  let line = "";
  let sawNewline = false;
  for (;;) {
    const next = ctx.stdin.readLine();
    if (!next) break;
    sawNewline = next.newline;
    if (!raw && next.line.endsWith("\\") && next.newline) {
      line += next.line.slice(0, -1);
      continue;
    }
    line += next.line;
    break;
  }
  if (!raw) line = line.replace(/\\(.)/g, "$1");
  const ifs = ctx.sh.lookup("IFS") ?? " \t\n";
  if (names.length === 1 || names[0] === "REPLY") {
    const value = names[0] === "REPLY" && names.length === 1 ? line : line.replace(/^[ \t\n]+|[ \t\n]+$/g, "");
    ctx.sh.assign(names[0], value);
  } else {
    const trimmed = line.replace(/^[ \t\n]+/, "");
    const words = splitIfs(trimmed, ifs).words;
    names.forEach((n, i) => {
      if (i < names.length - 1) ctx.sh.assign(n, words[i] ?? "");
      else {
        // The last name takes the rest of the line, separators included.
        let rest = trimmed;
        for (let k = 0; k < i && rest !== ""; k++) rest = rest.replace(/^[^ \t\n]*[ \t\n]*/, "");
        ctx.sh.assign(n, rest.replace(/[ \t\n]+$/, ""));
      }
    });
  }
  return sawNewline ? 0 : line === "" ? 1 : 1;
}

/** `time CMD`: bash's report of elapsed (virtual) time; CPU time in the simulation is nil. */
async function time(ctx: CommandContext): Promise<number> {
  const started = ctx.sh.shared.now();
  const status = ctx.args.length > 0 ? await ctx.sh.execute(ctx.args, fdsOf(ctx)) : 0;
  const ms = Math.max(0, ctx.sh.shared.now() - started);
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3);
  ctx.stderr(`\nreal\t${minutes}m${seconds}s\nuser\t0m0.000s\nsys\t0m0.000s\n`);
  return status;
}

export const SHELL_BUILTINS: CommandTable = {
  time: { impl: time, kind: "special" },
  cd: { impl: cd, kind: "special" },
  export: { impl: exportBuiltin, kind: "special" },
  readonly: { impl: readonlyBuiltin, kind: "special" },
  unset: { impl: unset, kind: "special" },
  alias: { impl: alias, kind: "special" },
  unalias: { impl: unalias, kind: "special" },
  history: { impl: history, kind: "special" },
  exit: { impl: exit, kind: "special" },
  logout: { impl: exit, kind: "special" },
  return: { impl: returnBuiltin, kind: "special" },
  break: { impl: loopControl("break"), kind: "special" },
  continue: { impl: loopControl("continue"), kind: "special" },
  local: { impl: local, kind: "special" },
  set: { impl: set, kind: "special" },
  shift: { impl: shift, kind: "special" },
  source: { impl: source, kind: "special" },
  ".": { impl: source, kind: "special" },
  eval: { impl: evalBuiltin, kind: "special" },
  read: { impl: read, kind: "special" },
};
