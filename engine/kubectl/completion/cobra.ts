// cobra's shell completion (`kubectl __complete ARGS... PARTIAL`, cobra
// v1.8.1 as kubectl 1.32 vendors it): find the command the words name, decide
// whether a flag name, a flag value, a subcommand or an argument is being
// completed, and ask the completion function registered for it. Everything
// comes from the command tree (names, short descriptions, flags, hidden and
// deprecated marks); what kubectl registers on top is in registrations.ts.
import { type Command, find, flagSetFor, GLOBAL_FLAGS, stripFlags } from "../command.ts";
import { type FlagDef, FlagError, FlagSet } from "../flags.ts";
import type { KubectlContext } from "../types.ts";
import { argsCompleter, errorsToStdout, fileExtensions, flagCompleter, requiredFlags, validArgs } from "./registrations.ts";
import { type CompletionAnswer, type CompletionRequest, Directive } from "./types.ts";

export interface CompletionOutcome {
  completions: string[];
  directive: number;
  /** cobra's `[Debug] ...` lines for stderr (errors, plugin-completion notes). */
  debug: string[];
  /** The command completed, as a path (`rollout status`; "" for the root). */
  path: string;
}

/** Run a command line of the same kubectl and return its stdout. */
export type KubectlRunner = (args: string[]) => Promise<string>;

/** cobra's default `help` command, which kubectl's tree gets when cobra executes. */
function helpCommand(root: Command): Command {
  return {
    name: "help",
    short: "Help about any command",
    use: "help [command]",
    run() {},
    completeArgs: ({ args, toComplete }) => {
      // The subcommands of the command the words after `help` name.
      const found = find(root, args);
      if (found.cmd === root && stripFlags(found.args, flagSetFor(root)).length > 0) {
        return { completions: [], directive: Directive.NoFileComp };
      }
      const completions = listedSubcommands(found.cmd, found.cmd === root)
        .filter((c) => c.name.startsWith(toComplete))
        .map((c) => `${c.name}\t${c.short}`);
      return { completions, directive: Directive.NoFileComp };
    },
  };
}

/** The tree as cobra sees it while completing: the root with its `help` command. */
function completionRoot(root: Command): Command {
  const subs = root.subcommands ?? [];
  if (subs.some((c) => c.name === "help")) return root;
  const withHelp: Command = { ...root, subcommands: [...subs] };
  withHelp.subcommands!.push(helpCommand(withHelp));
  return withHelp;
}

/** cobra IsAvailableCommand: not hidden, and runnable or with available subcommands. */
function isAvailable(c: Command): boolean {
  if (c.hidden) return false;
  return c.run !== undefined || (c.subcommands ?? []).some(isAvailable);
}

/** Subcommands cobra offers, sorted by name; the root's `help` too. */
function listedSubcommands(cmd: Command, isRoot: boolean): Command[] {
  return [...(cmd.subcommands ?? [])]
    .filter((c) => isAvailable(c) || (isRoot && c.name === "help"))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `%v` of a Go []string. */
function goList(words: readonly string[]): string {
  return `[${words.join(" ")}]`;
}

function byName(a: FlagDef, b: FlagDef): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The flags cobra visits for name completion: the inherited (global) ones,
 * then the command's own and -h/--help, each sorted by name. The root's
 * global flags are its own.
 */
function flagsInVisitOrder(cmd: Command, isRoot: boolean): FlagDef[] {
  const all = flagSetFor(cmd).defs();
  if (isRoot) return all.sort(byName);
  const local = new Set((cmd.flags ?? []).map((f) => f.name));
  const inherited = GLOBAL_FLAGS.filter((f) => !local.has(f.name) && f.name !== "help");
  const own = all.filter((f) => !inherited.includes(f));
  return [...inherited.sort(byName), ...own.sort(byName)];
}

function flagNameCompletions(flag: FlagDef, toComplete: string): string[] {
  if (flag.hidden || flag.deprecated) return [];
  const out: string[] = [];
  if (`--${flag.name}`.startsWith(toComplete)) out.push(`--${flag.name}\t${flag.usage}`);
  if (flag.shorthand && `-${flag.shorthand}`.startsWith(toComplete)) out.push(`-${flag.shorthand}\t${flag.usage}`);
  return out;
}

/** cobra findFlag: one letter is a shorthand; names normalised as kubectl's flag sets do. */
function findFlag(fs: FlagSet, name: string): FlagDef | undefined {
  if (name.length === 1) return fs.lookupShorthand(name);
  return fs.lookup(name.replaceAll("_", "-"));
}

function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg.startsWith("--")) || (arg.length >= 2 && arg[0] === "-" && arg[1] !== "-");
}

interface FlagCompletion {
  flag: FlagDef | undefined;
  args: string[];
  toComplete: string;
  /** cobra's flagCompError: the flag is not one of the command's. */
  unknown?: string;
}

/** cobra checkIfFlagCompletion: is the word a flag's value (`--flag=x`, or after `--flag`)? */
function checkIfFlagCompletion(fs: FlagSet, args: string[], lastArg: string): FlagCompletion {
  let flagName = "";
  let trimmed = args;
  let withEqual = false;
  let toComplete = lastArg;
  if (lastArg.startsWith("-")) {
    const eq = lastArg.indexOf("=");
    if (eq < 0) return { flag: undefined, args, toComplete };
    flagName = lastArg.slice(0, eq).startsWith("--") ? lastArg.slice(2, eq) : lastArg.slice(eq - 1, eq);
    toComplete = lastArg.slice(eq + 1);
    withEqual = true;
  }
  if (flagName === "" && args.length > 0) {
    const prev = args[args.length - 1]!;
    if (isFlagArg(prev) && !prev.includes("=")) {
      flagName = prev.startsWith("--") ? prev.slice(2) : prev.slice(-1);
      trimmed = args.slice(0, -1);
    }
  }
  if (flagName === "") return { flag: undefined, args: trimmed, toComplete };
  const flag = findFlag(fs, flagName);
  if (!flag) return { flag: undefined, args, toComplete: lastArg, unknown: flagName };
  // A bool flag takes no separate value: the word is an argument after all.
  if (!withEqual && flag.noOptDefVal !== undefined) return { flag: undefined, args, toComplete };
  return { flag, args: trimmed, toComplete };
}

/** Required flags not given yet, as name completions (cobra completes them even without a `-`). */
function requiredFlagCompletions(cmd: Command, path: string, fs: FlagSet, isRoot: boolean, toComplete: string): string[] {
  const required = requiredFlags(path);
  if (required.length === 0) return [];
  return flagsInVisitOrder(cmd, isRoot)
    .filter((f) => required.includes(f.name) && !fs.changedFlag(f.name))
    .flatMap((f) => flagNameCompletions(f, toComplete));
}

/**
 * cobra getCompletions + the `__complete` command's preamble (kubectl's
 * plugin-completion hook). `args` are the words after `kubectl`, the last
 * one being the word to complete (possibly "").
 */
export async function getCompletions(realRoot: Command, args: readonly string[], ctx: KubectlContext, kubectl: KubectlRunner): Promise<CompletionOutcome> {
  const debug: string[] = [];
  let path = "";
  const root = completionRoot(realRoot);
  // kubectl: an unknown first word might be a plugin, whose flags are not kubectl's.
  if (args.length > 1 && !args[0]!.startsWith("-") && !(root.subcommands ?? []).some((c) => c.name === args[0])) {
    debug.push("Cleared global flags for plugin completion");
  }
  const fail = (message: string): CompletionOutcome => {
    debug.push(`[Error] ${message}`);
    return { completions: [], directive: Directive.Default, debug, path };
  };

  let toComplete = args[args.length - 1] ?? "";
  const trimmedArgs = args.slice(0, -1);
  const found = find(root, trimmedArgs);
  const cmd = found.cmd;
  const isRoot = cmd === root;
  if (isRoot && stripFlags(found.args, flagSetFor(root)).length > 0) {
    return fail(`unable to find a command for arguments: ${goList(trimmedArgs)}`);
  }
  path = found.path.slice(1).map((c) => c.name).join(" ");

  const check = checkIfFlagCompletion(flagSetFor(cmd), found.args, toComplete);
  const flag = check.flag;
  let finalArgs = check.args;
  toComplete = check.toComplete;

  // A `--` already on the line stops flag completion: count the arguments with one more `--`.
  let newArgCount = -1;
  try {
    newArgCount = flagSetFor(cmd).parse([...finalArgs, "--"]).args.length;
  } catch {
    // cobra ignores this parse's errors; the next one reports them.
  }
  const fs = flagSetFor(cmd);
  let parsedArgs: string[];
  try {
    parsedArgs = fs.parse(finalArgs).args;
  } catch (err) {
    if (err instanceof FlagError) return fail(`Error while parsing flags from args ${goList(finalArgs)}: ${err.message}`);
    throw err;
  }
  const flagCompletion = !(newArgCount > parsedArgs.length);
  if (check.unknown !== undefined && flagCompletion) {
    return fail(`Subcommand '${cmd.name}' does not support flag '${check.unknown}'`);
  }
  if (fs.changedFlag("help")) return { completions: [], directive: Directive.NoFileComp, debug, path };
  finalArgs = parsedArgs;

  if (flag && flagCompletion) {
    const exts = fileExtensions(flag);
    if (exts) return { completions: exts, directive: Directive.FilterFileExt, debug, path };
  }

  let completions: string[] = [];
  let directive: number = Directive.Default;

  if (!flag && toComplete.startsWith("-") && !toComplete.includes("=") && flagCompletion) {
    completions = requiredFlagCompletions(cmd, path, fs, isRoot, toComplete);
    if (completions.length === 0) {
      for (const f of flagsInVisitOrder(cmd, isRoot)) {
        // Repeatable flags (slices, arrays) are offered again.
        if (!fs.changedFlag(f.name) || f.type === "stringSlice" || f.type === "stringArray") {
          completions.push(...flagNameCompletions(f, toComplete));
        }
      }
    }
    directive = completions.length === 1 && completions[0]!.endsWith("=") ? Directive.NoSpace : Directive.NoFileComp;
    return { completions, directive, debug, path };
  }

  if (!flag) {
    const localFlagGiven = (cmd.flags ?? []).some((f) => fs.changedFlag(f.name));
    if (finalArgs.length === 0 && !localFlagGiven) {
      for (const sub of listedSubcommands(cmd, isRoot)) {
        if (sub.name.startsWith(toComplete)) completions.push(`${sub.name}\t${sub.short}`);
        directive = Directive.NoFileComp;
      }
    }
    completions.push(...requiredFlagCompletions(cmd, path, fs, isRoot, toComplete));
    const valid = validArgs(path);
    if (valid.length > 0) {
      if (finalArgs.length === 0) {
        completions.push(...valid.filter((v) => v.startsWith(toComplete)));
        directive = Directive.NoFileComp;
      }
      return { completions, directive, debug, path };
    }
  }

  const completer = flag && flagCompletion ? flagCompleter(path, flag) : (cmd.completeArgs ?? argsCompleter(path));
  if (completer) {
    const req: CompletionRequest = { command: cmd, args: finalArgs, toComplete, flags: fs, ctx, kubectl };
    const answer: CompletionAnswer = await completer(req);
    completions.push(...answer.completions);
    directive = answer.directive;
  }
  return { completions, directive, debug, path };
}

/** ShellCompDirective.string(): the names of the bits set. */
export function directiveNames(d: number): string {
  if (d >= 64) return `ERROR: unexpected ShellCompDirective value: ${d}`;
  const names: Array<[number, string]> = [
    [Directive.Error, "ShellCompDirectiveError"],
    [Directive.NoSpace, "ShellCompDirectiveNoSpace"],
    [Directive.NoFileComp, "ShellCompDirectiveNoFileComp"],
    [Directive.FilterFileExt, "ShellCompDirectiveFilterFileExt"],
    [Directive.FilterDirs, "ShellCompDirectiveFilterDirs"],
    [Directive.KeepOrder, "ShellCompDirectiveKeepOrder"],
  ];
  const set = names.filter(([bit]) => (d & bit) !== 0).map(([, name]) => name);
  return set.length > 0 ? set.join(", ") : "ShellCompDirectiveDefault";
}

/** One completion as the `__complete` command prints it: first line only, trimmed, description dropped if asked. */
export function completionLine(comp: string, withDescriptions: boolean): string {
  let c = withDescriptions ? comp : comp.split("\t")[0]!;
  c = c.split("\n")[0]!;
  return c.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/g, "");
}

/** What `kubectl __complete` prints: stdout and stderr. */
export function formatOutcome(o: CompletionOutcome, withDescriptions: boolean): { stdout: string; stderr: string } {
  let stdout = o.completions.map((c) => completionLine(c, withDescriptions) + "\n").join("") + `:${o.directive}\n`;
  // The [Debug] lines go to the process's stderr; the summary to the command's error stream.
  let stderr = o.debug.map((l) => `[Debug] ${l}\n`).join("");
  const summary = `Completion ended with directive: ${directiveNames(o.directive)}\n`;
  if (errorsToStdout(o.path)) stdout += summary;
  else stderr += summary;
  return { stdout, stderr };
}
