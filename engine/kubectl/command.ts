// A small cobra: the command tree, how kubectl finds the command in its
// arguments (flags may come first), parses its flags, prints help, and
// reports unknown commands with cobra's "Did you mean this?" suggestions.
import type { Completer } from "./completion/types.ts";
import { type FlagDef, FlagError, FlagSet, HelpRequested, shownDefault } from "./flags.ts";
import type { KubectlContext, KubectlIO } from "./types.ts";
import { KubectlError, RawError } from "./types.ts";

export interface Invocation {
  command: Command;
  /** `kubectl get`, as usage messages name the command. */
  path: string;
  /** The command's words as typed (`kubectl set sa`), as --record writes them; `path` when not given. */
  typedPath?: string;
  args: string[];
  /** Arguments before `--` (-1 when there was none). */
  argsLenAtDash: number;
  flags: FlagSet;
  ctx: KubectlContext;
  io: KubectlIO;
  /** -n/--namespace, else the kubeconfig namespace, else "default". */
  namespace: string;
  /** Whether -n/--namespace was given. */
  explicitNamespace: boolean;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** Names cobra suggests this command for (`rm` → delete). */
  suggestFor?: string[];
  /** One line for command lists. */
  short: string;
  /** The help text's description (kubectl's layout, our words). */
  long?: string;
  /** Example lines, already indented by two spaces. */
  example?: string;
  /** The usage line after `kubectl `, e.g. `get [(-o|--output=)...] (TYPE ...) [flags]`. */
  use: string;
  flags?: FlagDef[];
  /** Not listed, not suggested. */
  hidden?: boolean;
  subcommands?: Command[];
  run?(inv: Invocation): Promise<number | void> | number | void;
  /** The group heading in `kubectl help` (root subcommands only). */
  group?: string;
  /** cobra DisableFlagParsing: `run` gets the arguments as typed (the hidden `__complete`). */
  disableFlagParsing?: boolean;
  /** cobra ValidArgsFunction: completes positional arguments (overrides completion/registrations.ts). */
  completeArgs?: Completer;
}

export const GLOBAL_FLAGS: FlagDef[] = [
  { name: "as", type: "string", usage: "Username to impersonate for the operation. User could be a regular user or a service account in a namespace." },
  { name: "as-group", type: "stringArray", usage: "Group to impersonate for the operation, this flag can be repeated to specify multiple groups." },
  { name: "as-uid", type: "string", usage: "UID to impersonate for the operation." },
  { name: "cache-dir", type: "string", default: "/home/learner/.kube/cache", usage: "Default cache directory" },
  { name: "certificate-authority", type: "string", usage: "Path to a cert file for the certificate authority" },
  { name: "client-certificate", type: "string", usage: "Path to a client certificate file for TLS" },
  { name: "client-key", type: "string", usage: "Path to a client key file for TLS" },
  { name: "cluster", type: "string", usage: "The name of the kubeconfig cluster to use" },
  { name: "context", type: "string", usage: "The name of the kubeconfig context to use" },
  { name: "disable-compression", type: "bool", default: "false", noOptDefVal: "true", usage: "If true, opt-out of response compression for all requests to the server" },
  { name: "insecure-skip-tls-verify", type: "bool", default: "false", noOptDefVal: "true", usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: "kubeconfig", type: "string", usage: "Path to the kubeconfig file to use for CLI requests." },
  { name: "log-flush-frequency", type: "duration", default: "5s", usage: "Maximum number of seconds between log flushes" },
  { name: "match-server-version", type: "bool", default: "false", noOptDefVal: "true", usage: "Require server version to match client version" },
  { name: "namespace", shorthand: "n", type: "string", usage: "If present, the namespace scope for this CLI request" },
  { name: "password", type: "string", usage: "Password for basic authentication to the API server" },
  { name: "profile", type: "string", default: "none", usage: "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)" },
  { name: "profile-output", type: "string", default: "profile.pprof", usage: "Name of the file to write the profile to" },
  { name: "request-timeout", type: "string", default: "0", usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: "server", shorthand: "s", type: "string", usage: "The address and port of the Kubernetes API server" },
  { name: "tls-server-name", type: "string", usage: "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used" },
  { name: "token", type: "string", usage: "Bearer token for authentication to the API server" },
  { name: "user", type: "string", usage: "The name of the kubeconfig user to use" },
  { name: "username", type: "string", usage: "Username for basic authentication to the API server" },
  { name: "v", shorthand: "v", type: "int32", default: "0", usage: "number for the log level verbosity" },
  { name: "vmodule", type: "string", shownDefault: "", usage: "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)" },
  { name: "warnings-as-errors", type: "bool", default: "false", noOptDefVal: "true", usage: "Treat warnings received from the server as errors and exit with a non-zero exit code" },
];

function helpFlag(name: string): FlagDef {
  return { name: "help", shorthand: "h", type: "bool", default: "false", noOptDefVal: "true", usage: `help for ${name}` };
}

/** The flags a command parses: its own, the global ones, and -h/--help. */
export function flagSetFor(cmd: Command): FlagSet {
  const fs = new FlagSet(cmd.flags ?? []);
  for (const f of GLOBAL_FLAGS) fs.add(f);
  fs.add(helpFlag(cmd.name));
  return fs;
}

function hasNoOptDefVal(name: string, fs: FlagSet): boolean {
  return fs.lookup(name)?.noOptDefVal !== undefined;
}
function shortHasNoOptDefVal(c: string, fs: FlagSet): boolean {
  return fs.lookupShorthand(c)?.noOptDefVal !== undefined;
}

/** cobra stripFlags: the non-flag arguments, skipping the values of flags that take one. */
export function stripFlags(args: readonly string[], fs: FlagSet): string[] {
  const commands: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === "--") break;
    if (
      (s.startsWith("--") && !s.includes("=") && !hasNoOptDefVal(s.slice(2), fs)) ||
      (s.startsWith("-") && !s.startsWith("--") && !s.includes("=") && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), fs))
    ) {
      if (rest.length <= 1) break;
      rest.shift();
      continue;
    }
    if (s !== "" && !s.startsWith("-")) commands.push(s);
  }
  return commands;
}

/** cobra argsMinusFirstX: the arguments without the first non-flag occurrence of `x`. */
function argsMinusFirstX(args: readonly string[], x: string, fs: FlagSet): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]!;
    if (s === "--") break;
    if (
      (s.startsWith("--") && !s.includes("=") && !hasNoOptDefVal(s.slice(2), fs)) ||
      (s.startsWith("-") && !s.startsWith("--") && !s.includes("=") && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), fs))
    ) {
      pos++;
      continue;
    }
    if (!s.startsWith("-") && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return [...args];
}

function findNext(cmd: Command, name: string): Command | undefined {
  return cmd.subcommands?.find((c) => c.name === name || c.aliases?.includes(name));
}

/** cobra's ld: Levenshtein distance over the UTF-8 bytes, lower-cased. */
export function cobraDistance(a: string, b: string): number {
  const s = new TextEncoder().encode(a.toLowerCase());
  const t = new TextEncoder().encode(b.toLowerCase());
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => {
    const row = new Array<number>(t.length + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      if (s[i - 1] === t[j - 1]) d[i]![j] = d[i - 1]![j - 1]!;
      else d[i]![j] = Math.min(d[i - 1]![j]!, d[i]![j - 1]!, d[i - 1]![j - 1]!) + 1;
    }
  }
  return d[s.length]![t.length]!;
}

/** cobra SuggestionsFor: close names (distance ≤ 2), prefixes, and explicit SuggestFor. */
export function suggestionsFor(cmd: Command, typed: string): string[] {
  const out: string[] = [];
  for (const c of cmd.subcommands ?? []) {
    if (c.hidden) continue;
    if (cobraDistance(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(c.name);
    for (const s of c.suggestFor ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(c.name);
  }
  return out;
}

export interface Found {
  cmd: Command;
  path: Command[];
  /** The words that named each command after the root, as typed (aliases kept). */
  typed: string[];
  args: string[];
}

export function find(root: Command, args: readonly string[]): Found {
  const path: Command[] = [root];
  const typed: string[] = [];
  let cmd = root;
  let rest = [...args];
  for (;;) {
    const words = stripFlags(rest, flagSetFor(cmd));
    if (words.length === 0) break;
    const next = findNext(cmd, words[0]!);
    if (!next) break;
    rest = argsMinusFirstX(rest, words[0]!, flagSetFor(cmd));
    cmd = next;
    path.push(next);
    typed.push(words[0]!);
  }
  return { cmd, path, typed, args: rest };
}

export function commandPath(path: readonly Command[]): string {
  return path.map((c) => c.name).join(" ");
}

// ---------- help ----------

function flagUsages(defs: readonly FlagDef[]): string {
  const sorted = [...defs].filter((d) => !d.hidden && d.name !== "help").sort((a, b) => (a.name < b.name ? -1 : 1));
  return sorted
    .map((d) => {
      const head = d.shorthand ? `-${d.shorthand}, --${d.name}` : `--${d.name}`;
      return `    ${head}=${shownDefault(d)}:\n\t${d.usage}\n`;
    })
    .join("\n");
}

/** kubectl's help for a command: description, examples, commands, options, usage. */
export function helpText(path: readonly Command[]): string {
  const cmd = path[path.length - 1]!;
  const full = commandPath(path);
  let out = "";
  out += (cmd.long ?? cmd.short) + "\n";
  // cobra's NameAndAliases, unindented in kubectl's template.
  if (cmd.aliases?.length) out += `\nAliases:\n${[cmd.name, ...cmd.aliases].join(", ")}\n`;
  if (cmd.example) out += `\nExamples:\n${cmd.example}\n`;
  const subs = (cmd.subcommands ?? []).filter((c) => !c.hidden);
  if (subs.length > 0 && path.length > 1) {
    // cobra pads names to the longest sibling name (at least 11), kubectl adds 3 spaces.
    const width = Math.max(11, ...(cmd.subcommands ?? []).map((c) => c.name.length)) + 3;
    out += "\nAvailable Commands:\n";
    for (const c of [...subs].sort((a, b) => (a.name < b.name ? -1 : 1))) out += `  ${c.name.padEnd(width)}${c.short}\n`;
  }
  if (path.length === 1) {
    out += rootCommandList(cmd);
  }
  const local = (cmd.flags ?? []).filter((f) => !f.hidden);
  if (local.length > 0) out += `\nOptions:\n${flagUsages(local)}`;
  // kubectl's templater adds ` [options]` to a usage line that lacks it (every command has flags).
  const use = cmd.use.includes("[options]") ? cmd.use : `${cmd.use} [options]`;
  out += `\nUsage:\n  ${path.length === 1 ? "kubectl [flags] [options]" : `${path.slice(0, -1).map((c) => c.name).join(" ")} ${use}`}\n\n`;
  if (subs.length > 0) out += `Use "${full} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

function rootCommandList(root: Command): string {
  const groups = new Map<string, Command[]>();
  for (const c of root.subcommands ?? []) {
    // kubectl's help template filters out `options`.
    if (c.hidden || c.name === "options") continue;
    const g = c.group ?? "Other Commands:";
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(c);
  }
  const width = Math.max(11, ...(root.subcommands ?? []).map((c) => c.name.length)) + 3;
  let out = "";
  for (const [title, cmds] of groups) {
    if (title === "Other Commands:") continue;
    out += `\n${title}\n`;
    for (const c of cmds) out += `  ${c.name.padEnd(width)}${c.short}\n`;
  }
  out += "\nSubcommands provided by plugins:\n";
  const other = groups.get("Other Commands:") ?? [];
  if (other.length > 0) {
    out += "\nOther Commands:\n";
    for (const c of [...other].sort((a, b) => (a.name < b.name ? -1 : 1))) out += `  ${c.name.padEnd(width)}${c.short}\n`;
  }
  return out;
}

/** `kubectl options`: the global flags. */
export function optionsText(): string {
  return `The following options can be passed to any command:\n\n${flagUsages(GLOBAL_FLAGS)}\n`;
}

// ---------- execution ----------

export function usageError(path: string, message: string): KubectlError {
  return new KubectlError(`${message}\nSee '${path} -h' for help and examples`);
}

/**
 * Run the command line `args` (without `kubectl`) on the tree under `root`.
 * Returns the exit code; errors are thrown for the caller to report.
 */
export async function execute(root: Command, args: readonly string[], ctx: KubectlContext, io: KubectlIO): Promise<number> {
  const found = find(root, args);
  const { cmd, path } = found;
  const full = commandPath(path);

  // An unknown first word: kubectl looks for a plugin first, which fails on a leading flag.
  if (cmd === root) {
    const words = stripFlags(found.args, flagSetFor(root));
    if (words.length > 0 && words[0] !== "help") {
      if (args[0]!.startsWith("-")) throw new RawError(`Error: flags cannot be placed before plugin name: ${args[0]}\n`);
      const suggestions = suggestionsFor(root, words[0]!);
      const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}` : "";
      throw new KubectlError(`unknown command ${JSON.stringify(words[0])} for "kubectl"${hint}`);
    }
  }

  if (cmd.disableFlagParsing && cmd.run) {
    const fs = flagSetFor(cmd);
    const namespace = ctx.namespace || ctx.kubeconfig?.namespace || "default";
    const code = await cmd.run({ command: cmd, path: full, args: found.args, argsLenAtDash: -1, flags: fs, ctx, io, namespace, explicitNamespace: false });
    return code ?? 0;
  }

  const fs = flagSetFor(cmd);
  let parsed;
  try {
    parsed = fs.parse(found.args);
  } catch (err) {
    if (err instanceof HelpRequested) {
      io.stdout(helpText(path));
      return 0;
    }
    if (err instanceof FlagError) throw new KubectlError(`${err.message}\nSee '${full} --help' for usage.`);
    throw err;
  }
  for (const w of fs.warnings) io.stderr(w + "\n");
  if (fs.bool("help")) {
    io.stdout(helpText(path));
    return 0;
  }
  if (cmd === root && parsed.args[0] === "help") {
    const target = find(root, parsed.args.slice(1));
    io.stdout(helpText(target.path));
    return 0;
  }

  if (!cmd.run) {
    // A command group (`kubectl rollout`, `kubectl config`): help, or an unknown subcommand.
    if (parsed.args.length > 0) throw usageError(full, `unknown command ${JSON.stringify(parsed.args.join(" "))}`);
    if (path.length === 1) {
      io.stdout(helpText(path));
      return 0;
    }
    io.stderr(helpText(path));
    return 1;
  }

  const context = fs.string("context");
  const kubeconfig = ctx.kubeconfig;
  if (context !== "" && context !== (kubeconfig?.context ?? "kubedojo") && path[1]?.name !== "config") {
    throw new RawError(`Error in configuration: context was not found for specified context: ${context}\n`);
  }
  const explicitNamespace = fs.changedFlag("namespace") && fs.string("namespace") !== "";
  const namespace = explicitNamespace ? fs.string("namespace") : ctx.namespace || kubeconfig?.namespace || "default";
  const code = await cmd.run({
    command: cmd,
    path: full,
    typedPath: ["kubectl", ...found.typed].join(" "),
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    flags: fs,
    ctx,
    io,
    namespace,
    explicitNamespace,
  });
  return code ?? 0;
}
