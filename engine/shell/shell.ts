// The learner's shell: a bash-like interpreter over a virtual home directory.
// Nothing here runs on the host; every command is simulated, time is the
// caller's virtual clock, and run() never throws.
import type { FunctionDef } from "./ast.ts";
import { CpuBudget, CpuLimitExceeded } from "./budget.ts";
import { builtinCommands } from "./commands/index.ts";
import type { CommandContext, CommandEntry } from "./commands/context.ts";
import { ExitRequest, Interrupted, LineAbort } from "./control.ts";
import { type FsSnapshot, VirtualFs } from "./fs.ts";
import { DEFAULT_LIMITS, type EditorHook, Interp, NEVER_ABORTS, type Shared, type ShellLimits } from "./interp.ts";
import { FdTable, InputStream, OutputLimitExceeded, TerminalOutput } from "./io.ts";
import { expandHistory } from "./history.ts";
import { ShellSyntaxError } from "./lexer.ts";
import { Parser } from "./parser.ts";
import { ShellVars, type Variable } from "./vars.ts";

export type { EditorHook, ShellLimits };

/** What a host-provided command (kubectl) gets for its streams. */
export interface ShellCommandIO {
  /** Everything on its standard input (a pipe, a here-document, `< file`; empty from the terminal). */
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Aborts on Ctrl-C. */
  signal?: AbortSignal;
}

/** The shell as a host-provided command sees it: where it runs, its environment, the files. */
export interface ShellEnvView {
  readonly cwd: string;
  readonly home: string;
  readonly user: string;
  readonly hostname: string;
  /** Exported variables, including `NAME=value cmd` prefixes. */
  readonly env: Readonly<Record<string, string>>;
  readonly fs: VirtualFs;
  /** An absolute, normalised path for a path relative to cwd. */
  resolve(path: string): string;
  readonly stdinIsTerminal: boolean;
  readonly stdoutIsTerminal: boolean;
  /** Terminal width in columns. */
  readonly columns: number;
  /** Virtual time, ms since the epoch. */
  now(): number;
  /** Let virtual time pass (Ctrl-C interrupts it). */
  sleep(ms: number): Promise<void>;
  /** The interactive editor (for `kubectl edit`), when the terminal has one: new content, or null if cancelled. */
  readonly editor?: (path: string, content: string) => Promise<string | null>;
}

export type ExternalCommand = (args: string[], io: ShellCommandIO, env: ShellEnvView) => Promise<number>;

export interface ShellOptions {
  fs?: VirtualFs;
  /** Default /home/<user>. */
  home?: string;
  /** Default "learner". */
  user?: string;
  /** Default "kubedojo". */
  hostname?: string;
  /** Programs the host provides, e.g. { kubectl }. They live in /usr/local/bin and win over built-in names. */
  commands: Record<string, ExternalCommand>;
  /** Let `ms` of virtual time pass (sleep, watch). */
  sleep: (ms: number) => Promise<void>;
  /** Virtual time, ms since the epoch (date, ls -l, file mtimes). */
  now: () => number;
  editor?: EditorHook;
  /** Terminal width for ls columns and watch's header; default 80. */
  columns?: number;
  limits?: Partial<ShellLimits>;
  /** watch stops once its output has not changed for idleMs (default 60 s), or after maxFrames (default 300). */
  watch?: { idleMs?: number; maxFrames?: number };
}

export interface ShellRunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The line ran `exit`: the learner asked to leave the shell. */
  exited?: boolean;
}

export interface ShellRunOptions {
  onOutput?: (text: string, stream: "stdout" | "stderr") => void;
  signal?: AbortSignal;
}

/** Everything that makes up the shell between lines, as plain JSON. */
export interface ShellState {
  version: 1;
  cwd: string;
  vars: Array<[string, Variable]>;
  aliases: Array<[string, string]>;
  functions: Array<[string, FunctionDef]>;
  history: string[];
  historyBase: number;
  lastExitCode: number;
  pipefail: boolean;
  randomState: number;
  fs: FsSnapshot;
}

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export class Shell {
  readonly fs: VirtualFs;
  private readonly shared: Shared;
  private vars: ShellVars;
  private interp: Interp;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ShellOptions) {
    const user = options.user ?? "learner";
    const home = options.home ?? `/home/${user}`;
    const hostname = options.hostname ?? "kubedojo";
    this.fs = options.fs ?? new VirtualFs();
    // Files are stamped with the shell's (the cluster's) virtual clock.
    this.fs.now = options.now;
    if (!this.fs.exists(home)) this.fs.mkdir(home, { parents: true });
    if (!this.fs.exists("/tmp")) {
      this.fs.mkdir("/tmp", { parents: true });
      this.fs.chmod("/tmp", 0o1777);
    }
    const commands = builtinCommands();
    for (const [name, fn] of Object.entries(options.commands)) commands.set(name, externalEntry(name, fn));
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.shared = {
      fs: this.fs,
      commands,
      sleep: options.sleep,
      now: options.now,
      editor: options.editor,
      user,
      hostname,
      home,
      columns: options.columns ?? 80,
      limits,
      watch: { idleMs: options.watch?.idleMs ?? 60_000, maxFrames: options.watch?.maxFrames ?? 300 },
      history: [],
      historyBase: 0,
      randomState: 1,
      startedAt: options.now(),
      pid: 2187,
      budget: new CpuBudget(limits.cpu),
      signal: NEVER_ABORTS,
      terminal: new TerminalOutput(undefined, limits.outputBytes),
      commandsRun: 0,
      depth: 0,
    };
    this.vars = new ShellVars();
    this.vars.cwd = home;
    const exported: Array<[string, string]> = [
      ["HOME", home],
      ["USER", user],
      ["LOGNAME", user],
      ["SHELL", "/bin/bash"],
      ["PATH", PATH],
      ["PWD", home],
      ["TERM", "xterm-256color"],
      ["LANG", "C.UTF-8"],
      ["SHLVL", "1"],
    ];
    for (const [k, v] of exported) this.vars.set(k, v, true);
    this.vars.set("HOSTNAME", hostname);
    this.vars.set("BASH_VERSION", "5.2.15(1)-release");
    this.interp = this.topLevel();
  }

  private topLevel(): Interp {
    const interp = new Interp(this.shared, this.vars);
    interp.interactive = true;
    return interp;
  }

  get cwd(): string {
    return this.vars.cwd;
  }

  get history(): readonly string[] {
    return this.shared.history;
  }

  /** A shell variable's value, or undefined. */
  variable(name: string): string | undefined {
    return this.vars.get(name);
  }

  /** Set (and optionally export) a variable, e.g. a lesson's KUBECONFIG. */
  setVariable(name: string, value: string, exported = false): void {
    this.vars.set(name, value, exported);
  }

  /** bash's prompt as Debian's PS1 draws it: user@host:~/dir$ */
  /** The interactive editor from now on (undefined: none, vi says so). */
  setEditor(editor: EditorHook | undefined): void {
    this.shared.editor = editor;
  }

  prompt(): string {
    const { home, user, hostname } = this.shared;
    const cwd = this.vars.cwd;
    const shown = cwd === home ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.slice(home.length) : cwd;
    return `${user}@${hostname}:${shown}$ `;
  }

  /** PS2, shown while a line continues (open quote, here-document, trailing |). */
  continuationPrompt(): string {
    return "> ";
  }

  /** True when `text` is an unfinished line that bash would keep reading (the terminal should show "> "). */
  needsMoreInput(text: string): boolean {
    const parser = new Parser(text, { alias: (n) => this.vars.aliases.get(n) });
    try {
      while (parser.parseLine()) {
        // Parse only; nothing runs.
      }
    } catch (e) {
      return e instanceof ShellSyntaxError && e.incomplete;
    }
    return parser.unterminatedHeredocs.length > 0 || parser.continued;
  }

  /**
   * Run one line (it may hold several lines, here-documents included). Never
   * throws. Calls made while a line runs wait their turn, as typed-ahead input
   * waits in a terminal.
   */
  run(line: string, options: ShellRunOptions = {}): Promise<ShellRunResult> {
    const result = this.queue.then(() => this.runNow(line, options));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(line: string, options: ShellRunOptions): Promise<ShellRunResult> {
    const terminal = new TerminalOutput(options.onOutput, this.shared.limits.outputBytes);
    const shared = this.shared;
    shared.budget = new CpuBudget(shared.limits.cpu);
    shared.signal = options.signal ?? NEVER_ABORTS;
    shared.terminal = terminal;
    shared.commandsRun = 0;
    shared.depth = 0;
    // History expansion comes first, and the line is echoed as expanded, as bash does.
    const hist = expandHistory(line, shared.history, shared.historyBase);
    if ("error" in hist) {
      terminal.write(`bash: ${hist.error}\n`, "stderr");
      return { stdout: terminal.stdout, stderr: terminal.stderr, exitCode: 1 };
    }
    if (hist.expanded) {
      line = hist.line;
      terminal.write(line.replace(/\n?$/, "\n"), "stderr");
    }
    this.record(line);
    const say = (text: string) => {
      try {
        terminal.write(text, "stderr");
      } catch {
        // Over the output limit: the status tells the rest.
      }
    };
    let status = this.vars.lastStatus;
    let exited = false;
    try {
      const fds = FdTable.of(new InputStream("", true), terminal.sink("stdout"), terminal.sink("stderr"));
      const parser = new Parser(line, { alias: (n) => this.vars.aliases.get(n) });
      for (;;) {
        let list;
        try {
          list = parser.parseLine();
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          say(`bash: ${e.message}\n`);
          status = e.status;
          break;
        }
        for (const h of parser.unterminatedHeredocs.splice(0)) {
          say(`bash: warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delimiter}')\n`);
        }
        if (!list) break;
        try {
          status = await this.interp.list(list, fds);
        } catch (e) {
          if (e instanceof LineAbort) {
            say(`bash: ${e.message}\n`);
            status = e.status;
            this.vars.lastStatus = status;
            continue;
          }
          throw e;
        }
        this.vars.lastStatus = status;
      }
    } catch (e) {
      if (e instanceof ExitRequest) {
        status = e.status;
        exited = true;
      } else if (e instanceof Interrupted) status = 130;
      else if (e instanceof CpuLimitExceeded) {
        say("CPU time limit exceeded\n");
        status = 152;
      } else if (e instanceof OutputLimitExceeded) {
        terminal.stderr += `bash: ${e.message}\n`;
        try {
          options.onOutput?.(`bash: ${e.message}\n`, "stderr");
        } catch {
          // ignore
        }
        status = 1;
      } else {
        say(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
    }
    this.vars.lastStatus = status;
    const result: ShellRunResult = { stdout: terminal.stdout, stderr: terminal.stderr, exitCode: status };
    if (exited) result.exited = true;
    return result;
  }

  /** bash's history with HISTCONTROL=ignoreboth (Debian's default): no blank lines, no repeats, none starting with a space. */
  private record(line: string): void {
    const entry = line.replace(/\n+$/, "");
    const h = this.shared.history;
    if (entry.trim() === "" || entry.startsWith(" ") || h.at(-1) === entry) return;
    h.push(entry);
    while (h.length > this.shared.limits.history) {
      h.shift();
      this.shared.historyBase++;
    }
  }

  snapshot(): ShellState {
    return structuredCloneJson({
      version: 1,
      cwd: this.vars.cwd,
      vars: [...this.vars.vars],
      aliases: [...this.vars.aliases],
      functions: [...this.vars.functions],
      history: [...this.shared.history],
      historyBase: this.shared.historyBase,
      lastExitCode: this.vars.lastStatus,
      pipefail: this.vars.pipefail,
      randomState: this.shared.randomState,
      fs: this.fs.snapshot(),
    });
  }

  /** Restore a snapshot; throws (before changing anything) if it is not a valid ShellState. */
  restore(state: ShellState): void {
    if (state?.version !== 1) throw new TypeError("restore: not a ShellState (version 1)");
    const s = structuredCloneJson(state);
    this.fs.restore(s.fs);
    const vars = new ShellVars();
    vars.cwd = typeof s.cwd === "string" ? s.cwd : this.shared.home;
    for (const [k, v] of s.vars ?? []) vars.vars.set(String(k), { value: String(v.value), exported: Boolean(v.exported), ...(v.readonly ? { readonly: true } : {}) });
    for (const [k, v] of s.aliases ?? []) vars.aliases.set(String(k), String(v));
    for (const [k, v] of s.functions ?? []) vars.functions.set(String(k), v);
    vars.lastStatus = Number(s.lastExitCode) || 0;
    vars.pipefail = Boolean(s.pipefail);
    this.vars = vars;
    this.shared.history = (s.history ?? []).map(String);
    this.shared.historyBase = Number(s.historyBase) || 0;
    this.shared.randomState = Number(s.randomState) >>> 0 || 1;
    this.interp = this.topLevel();
  }
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function externalEntry(name: string, fn: ExternalCommand): CommandEntry {
  return {
    kind: "external",
    path: `/usr/local/bin/${name}`,
    impl: async (ctx: CommandContext) => {
      const sh = ctx.sh;
      const shared = sh.shared;
      const io: ShellCommandIO = { stdin: ctx.stdin.readAll(), stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal };
      const editor = shared.editor;
      const view: ShellEnvView = {
        cwd: sh.vars.cwd,
        home: shared.home,
        user: shared.user,
        hostname: shared.hostname,
        env: sh.vars.environment(),
        fs: shared.fs,
        resolve: (p) => sh.resolve(p),
        stdinIsTerminal: ctx.stdin.isTerminal,
        stdoutIsTerminal: ctx.out.isTerminal,
        columns: shared.columns,
        now: shared.now,
        sleep: (ms) => sh.sleep(ms),
        editor: editor ? (path, content) => editor(path, content, { program: name, signal: ctx.signal }) : undefined,
      };
      const status = await fn(ctx.args, io, view);
      sh.checkInterrupt();
      return status;
    },
  };
}
