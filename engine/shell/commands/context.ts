// What every built-in command receives, and the helpers they share: option
// parsing in GNU getopt style, paths, files-or-stdin input, error wording.
import { FsError, strerror } from "../fs.ts";
import type { InputStream, Sink } from "../io.ts";
import type { Interp } from "../interp.ts";

export interface CommandContext {
  /** The name the command was invoked by (argv[0]). */
  readonly name: string;
  /** Arguments after the name. */
  readonly args: string[];
  readonly stdin: InputStream;
  readonly out: Sink;
  readonly err: Sink;
  stdout(text: string): void;
  stderr(text: string): void;
  readonly sh: Interp;
  readonly signal: AbortSignal;
}

export type CommandImpl = (ctx: CommandContext) => number | Promise<number>;

/**
 * special: bash's special builtins (cd, export, exit...), never found on disk.
 * builtin: builtins that also exist as programs (echo, printf, test, true).
 * utility: programs in /usr/bin (ls, grep, awk...). external: registered by the host (kubectl).
 */
export type CommandKind = "special" | "builtin" | "utility" | "external";

export interface CommandEntry {
  impl: CommandImpl;
  kind: CommandKind;
  /** Where `which` and `type` say the program lives. */
  path?: string;
}

export type CommandTable = Record<string, CommandEntry>;

/** Message for an FsError as coreutils print it after "name: 'path': ". */
export function fsReason(e: unknown): string {
  if (e instanceof FsError) return strerror(e.code);
  return e instanceof Error ? e.message : String(e);
}

export interface ParsedOptions {
  /** Options in the order given: [key, value]. Value is undefined for flags. */
  list: Array<[string, string | undefined]>;
  operands: string[];
  has(key: string): boolean;
  last(key: string): string | undefined;
  all(key: string): string[];
}

export interface OptionSpec {
  /** Flag letters, e.g. "ivcn". */
  flags?: string;
  /** Letters that take an argument, e.g. "eABC". */
  withArg?: string;
  /** Long options: name -> [key, takes argument ("required" | "optional" | false)]. */
  long?: Record<string, [string, "required" | "optional" | false]>;
  /** Stop at the first operand (POSIX order), as xargs, env, watch and sh do. */
  stopAtOperand?: boolean;
}

export class UsageError extends Error {}

/** GNU getopt_long: clustered flags, attached or separate arguments, "--", operands anywhere. */
export function parseOptions(name: string, args: string[], spec: OptionSpec): ParsedOptions {
  const list: Array<[string, string | undefined]> = [];
  const operands: string[] = [];
  const flags = spec.flags ?? "";
  const withArg = spec.withArg ?? "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && spec.long) {
      const eq = a.indexOf("=");
      const given = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const names = Object.keys(spec.long);
      const exact = names.find((n) => n === given);
      const candidates = exact ? [exact] : names.filter((n) => n.startsWith(given));
      if (candidates.length === 0) throw new UsageError(`${name}: unrecognized option '${eq < 0 ? a : a.slice(0, eq)}'`);
      if (candidates.length > 1 && new Set(candidates.map((c) => spec.long?.[c][0])).size > 1) {
        throw new UsageError(`${name}: option '${a}' is ambiguous; possibilities: ${candidates.map((c) => `'--${c}'`).join(" ")}`);
      }
      const [key, takes] = spec.long[candidates[0]];
      if (takes === false) {
        if (eq >= 0) throw new UsageError(`${name}: option '--${candidates[0]}' doesn't allow an argument`);
        list.push([key, undefined]);
      } else if (eq >= 0) list.push([key, a.slice(eq + 1)]);
      else if (takes === "optional") list.push([key, undefined]);
      else {
        if (i + 1 >= args.length) throw new UsageError(`${name}: option '--${candidates[0]}' requires an argument`);
        list.push([key, args[++i]]);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (withArg.includes(c)) {
          let value = a.slice(j + 1);
          if (value === "") {
            if (i + 1 >= args.length) throw new UsageError(`${name}: option requires an argument -- '${c}'`);
            value = args[++i];
          }
          list.push([c, value]);
          break;
        }
        if (!flags.includes(c)) throw new UsageError(`${name}: invalid option -- '${c}'`);
        list.push([c, undefined]);
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return {
    list,
    operands,
    has: (key) => list.some(([k]) => k === key),
    last: (key) => {
      for (let k = list.length - 1; k >= 0; k--) if (list[k][0] === key) return list[k][1];
      return undefined;
    },
    all: (key) => list.filter(([k]) => k === key).map(([, v]) => v ?? ""),
  };
}

/**
 * Run an option parse, printing GNU's two-line complaint on failure. Returns
 * undefined (after printing) when the options are wrong.
 */
export function options(ctx: CommandContext, spec: OptionSpec, args = ctx.args): ParsedOptions | undefined {
  try {
    return parseOptions(ctx.name, args, spec);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    ctx.stderr(`${e.message}\nTry '${ctx.name} --help' for more information.\n`);
    return undefined;
  }
}

/** Read each operand (or stdin for none or "-"), reporting unreadable ones as coreutils do. */
export function* inputs(ctx: CommandContext, operands: string[]): Generator<{ name: string; text: string } | { name: string; error: string }> {
  const list = operands.length === 0 ? ["-"] : operands;
  for (const name of list) {
    if (name === "-") {
      yield { name: "-", text: ctx.stdin.readAll() };
      continue;
    }
    try {
      yield { name, text: ctx.sh.fs.readFile(ctx.sh.resolve(name)) };
    } catch (e) {
      yield { name, error: fsReason(e) };
    }
  }
}

/** Lines of a text; a final newline does not start an empty line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Join lines back, each ending in a newline. */
export function joinLines(lines: string[]): string {
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/** GNU's 'quoting' of a file name in messages: 'name', or "name's" when it holds a quote. */
export function quoteName(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  if (!name.includes('"')) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}
