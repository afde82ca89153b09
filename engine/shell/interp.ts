// The interpreter: runs parsed lines against the shell's state. Pipelines run
// their commands one after another through buffers, each in a subshell (a
// copy of the variables), as bash runs pipeline members in child processes.
import type { AndOr, Assignment, Command, FunctionDef, List, Pipeline, SimpleCommand } from "./ast.ts";
import { CpuBudget, CpuLimitExceeded } from "./budget.ts";
import type { CommandContext, CommandEntry } from "./commands/context.ts";
import { runCompound } from "./compound.ts";
import { ExitRequest, Interrupted, LineAbort, LoopControl, ReturnRequest } from "./control.ts";
import { ExpansionError, Expander, type ExpansionHost } from "./expand.ts";
import { FsError, resolvePath, strerror, type VirtualFs } from "./fs.ts";
import { BufferSink, FdTable, InputStream, OutputLimitExceeded, type Sink, type TerminalOutput, WriteError } from "./io.ts";
import { Parser } from "./parser.ts";
import { applyRedirects, RedirectError } from "./redirect.ts";
import { ShellSyntaxError } from "./lexer.ts";
import type { ShellVars } from "./vars.ts";

/** Interactive-editor hook: resolves to the new content, or null when the learner cancelled. */
export type EditorHook = (path: string, content: string, info: { program: string; signal: AbortSignal }) => Promise<string | null>;

export interface ShellLimits {
  /** Units of work per line (regex steps, awk statements, loop turns...). */
  cpu: number;
  /** Simple commands per line. */
  commands: number;
  /** Characters a line may print to the terminal. */
  outputBytes: number;
  /** Characters a pipe or command substitution may carry. */
  pipeBytes: number;
  /** Characters of one expanded word or variable. */
  wordBytes: number;
  /** Nesting of functions, sourced files and `bash -c`. */
  depth: number;
  /** Lines `history` keeps. */
  history: number;
}

export const DEFAULT_LIMITS: ShellLimits = {
  cpu: 20_000_000,
  commands: 20_000,
  outputBytes: 4 << 20,
  pipeBytes: 8 << 20,
  wordBytes: 1 << 20,
  depth: 64,
  history: 1000,
};

/** What every interpreter of one shell shares: the filesystem, commands, hooks, and the current line's budget. */
export interface Shared {
  readonly fs: VirtualFs;
  readonly commands: Map<string, CommandEntry>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** Set per input line by the host: a terminal may or may not have an editor at the time. */
  editor?: EditorHook;
  readonly user: string;
  readonly hostname: string;
  readonly home: string;
  readonly columns: number;
  readonly limits: ShellLimits;
  readonly watch: { idleMs: number; maxFrames: number };
  history: string[];
  /** Entries dropped from the front of `history` (numbering continues, as HISTSIZE does it). */
  historyBase: number;
  randomState: number;
  readonly startedAt: number;
  readonly pid: number;
  // Per line:
  budget: CpuBudget;
  signal: AbortSignal;
  terminal: TerminalOutput;
  commandsRun: number;
  depth: number;
}

const NEVER = new AbortController().signal;

export class Interp implements ExpansionHost {
  readonly expander: Expander;
  /** Enclosing loops, for break/continue. */
  loopDepth = 0;
  /** Inside a function or sourced file (return is allowed). */
  returnable = 0;
  /** "sh" for `sh -c` (dash's wording of errors). */
  flavor: "bash" | "sh" = "bash";
  /** The learner's own shell, not a subshell: `exit` prints "exit". */
  interactive = false;
  private fds: FdTable | undefined;
  private substStatus: number | undefined;

  constructor(
    readonly shared: Shared,
    readonly vars: ShellVars,
  ) {
    this.expander = new Expander(this);
  }

  // ExpansionHost
  get fs(): VirtualFs {
    return this.shared.fs;
  }
  get budget(): CpuBudget {
    return this.shared.budget;
  }
  get maxWordBytes(): number {
    return this.shared.limits.wordBytes;
  }
  cwd(): string {
    return this.vars.cwd;
  }
  positional(): string[] {
    return this.vars.positional;
  }
  homeOf(user: string): string | undefined {
    if (user === "" || user === this.shared.user) return this.shared.home;
    if (user === "root") return "/root";
    return undefined;
  }

  lookup(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.vars.lastStatus);
      case "$":
        return String(this.shared.pid);
      case "#":
        return String(this.vars.positional.length);
      case "!":
        return undefined;
      case "-":
        return "himBHs";
      case "0":
        return this.vars.scriptName;
      case "@":
      case "*":
        return this.vars.positional.join(" ");
      case "RANDOM":
        if (this.vars.vars.has("RANDOM")) break;
        // A seeded LCG: deterministic, serialised with the shell.
        this.shared.randomState = (Math.imul(this.shared.randomState, 1103515245) + 12345) >>> 0;
        return String((this.shared.randomState >>> 16) & 0x7fff);
      case "SECONDS":
        return String(Math.floor((this.shared.now() - this.shared.startedAt) / 1000));
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.vars.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  assign(name: string, value: string): void {
    if (value.length > this.shared.limits.wordBytes) throw new ExpansionError("xmalloc: cannot allocate memory for a value that large");
    if (!this.vars.set(name, value)) throw new ExpansionError(`${name}: readonly variable`);
  }

  async commandSubstitution(source: string): Promise<string> {
    // $(< file) is bash's shorthand for $(cat file).
    const readOnly = /^\s*<\s*([^\s<>|&;()]+)\s*$/.exec(source);
    if (readOnly) source = `cat ${readOnly[1]}`;
    const sub = this.subshell();
    const buffer = new BufferSink(this.shared.limits.pipeBytes);
    const fds = FdTable.of(this.fds?.stdin ?? new InputStream(""), buffer, this.fds?.out(2) ?? this.shared.terminal.sink("stderr"));
    this.substStatus = await sub.isolated(() => sub.runSource(source, fds));
    return buffer.text();
  }

  /** Temporary files of <( ) in the command being set up; removed when it finishes. */
  private procFiles: string[] = [];

  async processSubstitution(source: string): Promise<string> {
    const output = await this.commandSubstitution(source);
    const name = `/tmp/.bash-procsub-${this.shared.pid}-${this.shared.commandsRun}-${this.procFiles.length}`;
    try {
      this.fs.mkdir("/tmp", { parents: true });
      this.fs.writeFile(name, output);
    } catch (e) {
      throw new ExpansionError(`${name}: ${e instanceof FsError ? strerror(e.code) : String(e)}`);
    }
    this.procFiles.push(name);
    return name;
  }

  // Paths and helpers for commands
  resolve(path: string): string {
    return resolvePath(this.vars.cwd, path);
  }

  terminal(): Sink {
    return this.shared.terminal.sink("stdout");
  }

  subshell(): Interp {
    const sub = new Interp(this.shared, this.vars.clone());
    sub.flavor = this.flavor;
    sub.returnable = this.returnable;
    sub.loopDepth = this.loopDepth;
    return sub;
  }

  checkInterrupt(): void {
    if (this.shared.signal.aborted) throw new Interrupted();
  }

  /** Let virtual time pass; Ctrl-C interrupts. */
  async sleep(ms: number): Promise<void> {
    this.checkInterrupt();
    const signal = this.shared.signal;
    if (signal === NEVER) {
      await this.shared.sleep(ms);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(new Interrupted());
      signal.addEventListener("abort", onAbort, { once: true });
      this.shared.sleep(ms).then(
        () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        },
        (e) => {
          signal.removeEventListener("abort", onAbort);
          reject(e);
        },
      );
    });
    this.checkInterrupt();
  }

  /** Run `fn` as a subshell would: exit, return and break end it with a status. */
  async isolated(fn: () => Promise<number>): Promise<number> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExitRequest || e instanceof ReturnRequest) return e.status;
      if (e instanceof LoopControl) return 0;
      if (e instanceof LineAbort) {
        this.errorTo(this.fds, e.message);
        return e.status;
      }
      throw e;
    }
  }

  /** Print `bash: message` on the current stderr. */
  private errorTo(fds: FdTable | undefined, message: string): void {
    const prefix = this.flavor === "sh" ? "sh: 1: " : "bash: ";
    (fds?.out(2) ?? this.shared.terminal.sink("stderr")).write(`${prefix}${message}\n`);
  }

  /** Parse and run text line by line (source, eval, bash -c, watch). Syntax errors print and give 2. */
  async runSource(text: string, fds: FdTable): Promise<number> {
    const parser = new Parser(text, { alias: (n) => this.vars.aliases.get(n) });
    let status = 0;
    for (;;) {
      let list: List | null;
      try {
        list = parser.parseLine();
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        this.errorTo(fds, this.flavor === "sh" ? e.message.replace("syntax error near unexpected token", "Syntax error:").replace(/`(.*)'$/, '"$1" unexpected') : e.message);
        this.vars.lastStatus = e.status;
        return e.status;
      }
      for (const h of parser.unterminatedHeredocs.splice(0)) {
        this.errorTo(fds, `warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delimiter}')`);
      }
      if (!list) return status;
      status = await this.list(list, fds);
    }
  }

  async list(list: List, fds: FdTable): Promise<number> {
    let status = this.vars.lastStatus;
    for (const item of list.items) {
      // There are no background processes in the simulation: `cmd &` runs to completion first.
      if (item.background) this.errorTo(fds, "job control is not available in this terminal; running in the foreground");
      status = await this.andOr(item, fds);
      this.vars.lastStatus = status;
    }
    return status;
  }

  private async andOr(ao: AndOr, fds: FdTable): Promise<number> {
    let status = await this.pipeline(ao.pipelines[0], fds);
    for (let k = 0; k < ao.ops.length; k++) {
      this.vars.lastStatus = status;
      if ((ao.ops[k] === "&&") === (status === 0)) status = await this.pipeline(ao.pipelines[k + 1], fds);
    }
    return status;
  }

  private async pipeline(p: Pipeline, fds: FdTable): Promise<number> {
    let status: number;
    if (p.commands.length === 1) status = await this.command(p.commands[0], fds);
    else {
      const statuses: number[] = [];
      let input = fds.stdin;
      for (let i = 0; i < p.commands.length; i++) {
        const last = i === p.commands.length - 1;
        const stage = fds.clone();
        stage.set(0, { kind: "in", input });
        let buffer: BufferSink | undefined;
        if (!last) {
          buffer = new BufferSink(this.shared.limits.pipeBytes);
          stage.set(1, { kind: "out", sink: buffer });
          if (p.stderrToo[i]) stage.set(2, { kind: "out", sink: buffer });
        }
        const sub = this.subshell();
        statuses.push(await sub.isolated(() => sub.command(p.commands[i], stage)));
        if (buffer) input = new InputStream(buffer.text());
      }
      status = statuses.at(-1) as number;
      if (this.vars.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  async command(cmd: Command, fds: FdTable): Promise<number> {
    this.checkInterrupt();
    this.shared.budget.spend(1);
    this.fds = fds;
    try {
      if (cmd.type === "simple") return await this.simple(cmd, fds);
      return await runCompound(this, cmd, fds);
    } catch (e) {
      if (e instanceof ExpansionError) throw new LineAbort(e.message, e.status);
      if (e instanceof RedirectError) {
        this.errorTo(fds, e.message);
        return 1;
      }
      throw e;
    }
  }

  /** Apply a command's redirections to a copy of `fds`; undefined (after printing) when one fails. */
  async redirected(cmd: { redirects: SimpleCommand["redirects"] }, fds: FdTable): Promise<FdTable | undefined> {
    if (cmd.redirects.length === 0) return fds;
    const local = fds.clone();
    try {
      await applyRedirects(cmd.redirects, local, this);
      return local;
    } catch (e) {
      if (!(e instanceof RedirectError)) throw e;
      this.errorTo(fds, e.message);
      return undefined;
    }
  }

  private async simple(cmd: SimpleCommand, fds: FdTable): Promise<number> {
    const outer = this.procFiles;
    this.procFiles = [];
    try {
      return await this.simpleCommand(cmd, fds);
    } finally {
      for (const f of this.procFiles) {
        try {
          this.fs.remove(f);
        } catch {
          // Already gone (the command removed it).
        }
      }
      this.procFiles = outer;
    }
  }

  private async simpleCommand(cmd: SimpleCommand, fds: FdTable): Promise<number> {
    this.substStatus = undefined;
    const words = await this.expander.words(cmd.words);
    if (words.length === 0) {
      for (const a of cmd.assigns) {
        const value = await this.assignmentValue(a);
        // As in an interactive bash, assigning a readonly variable abandons the line.
        if (!this.vars.set(a.name, value)) throw new LineAbort(`${a.name}: readonly variable`, 1);
      }
      const status = this.substStatus ?? 0;
      if ((await this.redirected(cmd, fds)) === undefined) return 1;
      return status;
    }
    const temp = new Map<string, string>();
    for (const a of cmd.assigns) temp.set(a.name, await this.assignmentValue(a));
    const local = await this.redirected(cmd, fds);
    if (!local) return 1;
    if (temp.size === 0) return this.execute(words, local);
    // NAME=value cmd: the variable is set (and exported) for this command only.
    const saved = new Map<string, ReturnType<ShellVars["vars"]["get"]>>();
    for (const [name, value] of temp) {
      saved.set(name, this.vars.vars.get(name) && { ...(this.vars.vars.get(name) as { value: string; exported: boolean }) });
      if (!this.vars.set(name, value, true)) {
        this.errorTo(fds, `${name}: readonly variable`);
        return 1;
      }
    }
    try {
      return await this.execute(words, local);
    } finally {
      for (const [name, old] of saved) {
        if (old) this.vars.vars.set(name, old);
        else this.vars.vars.delete(name);
      }
    }
  }

  private async assignmentValue(a: Assignment): Promise<string> {
    const value = await this.expander.string(a.value, true);
    if (!a.append) return value;
    return (this.lookup(a.name) ?? "") + value;
  }

  /** Run a command by its expanded words: function, builtin, program, or a script path. */
  async execute(words: string[], fds: FdTable): Promise<number> {
    const [name, ...args] = words;
    if (++this.shared.commandsRun > this.shared.limits.commands) throw new CpuLimitExceeded();
    this.checkInterrupt();
    if (name.includes("/")) return this.executePath(name, args, fds);
    const fn = this.vars.functions.get(name);
    if (fn) return this.callFunction(fn, args, fds);
    const entry = this.shared.commands.get(name);
    if (entry) return this.invoke(name, args, fds, entry);
    this.errorTo(fds, this.flavor === "sh" ? `${name}: not found` : `${name}: command not found`);
    return 127;
  }

  /** ./script.sh, /usr/bin/ls and the like. */
  private async executePath(name: string, args: string[], fds: FdTable): Promise<number> {
    for (const [cmd, entry] of this.shared.commands) {
      if (entry.path && (entry.path === name || entry.path.replace(/^\/usr/, "") === name)) return this.invoke(cmd, args, fds, entry);
    }
    const path = this.resolve(name);
    const st = this.fs.stat(path);
    if (!st) {
      this.errorTo(fds, `${name}: No such file or directory`);
      return 127;
    }
    if (st.kind === "dir") {
      this.errorTo(fds, `${name}: Is a directory`);
      return 126;
    }
    if ((st.mode & 0o111) === 0) {
      this.errorTo(fds, `${name}: Permission denied`);
      return 126;
    }
    return this.runScript(name, this.fs.readFile(path), args, fds);
  }

  /** A script in a child shell: its own variables, $0 and positional parameters. */
  async runScript(name: string, text: string, args: string[], fds: FdTable, flavor: "bash" | "sh" = "bash"): Promise<number> {
    const sub = this.subshell();
    sub.flavor = flavor;
    sub.vars.scriptName = name;
    sub.vars.positional = args;
    // A child shell does not inherit aliases or unexported variables.
    sub.vars.aliases.clear();
    for (const [k, v] of sub.vars.vars) if (!v.exported) sub.vars.vars.delete(k);
    return this.nested(() => sub.isolated(() => sub.runSource(text, fds)));
  }

  /** Guard recursion (functions calling themselves, scripts sourcing themselves). */
  async nested<T>(fn: () => Promise<T>): Promise<T> {
    if (this.shared.depth >= this.shared.limits.depth) throw new LineAbort("maximum function nesting level exceeded (64)", 1);
    this.shared.depth++;
    try {
      return await fn();
    } finally {
      this.shared.depth--;
    }
  }

  private async callFunction(fn: FunctionDef, args: string[], fds: FdTable): Promise<number> {
    const savedArgs = this.vars.positional;
    this.vars.positional = args;
    this.vars.frames.push(new Map());
    this.returnable++;
    try {
      return await this.nested(() => runCompound(this, fn.body, fds));
    } catch (e) {
      if (e instanceof ReturnRequest) return e.status;
      throw e;
    } finally {
      this.returnable--;
      this.vars.positional = savedArgs;
      const frame = this.vars.frames.pop();
      for (const [name, old] of frame ?? []) {
        if (old) this.vars.vars.set(name, old);
        else this.vars.vars.delete(name);
      }
    }
  }

  /** Call a command implementation; whatever it throws becomes a message and a status. */
  async invoke(name: string, args: string[], fds: FdTable, entry: CommandEntry): Promise<number> {
    const out = fds.out(1);
    const err = fds.out(2);
    const ctx: CommandContext = {
      name,
      args,
      stdin: fds.stdin,
      out,
      err,
      stdout: (t) => out.write(t),
      stderr: (t) => err.write(t),
      sh: this,
      signal: this.shared.signal,
    };
    const prefix = entry.kind === "special" || entry.kind === "builtin" ? "bash: " : "";
    try {
      const status = await entry.impl(ctx);
      return Number.isInteger(status) ? status & 255 : 1;
    } catch (e) {
      if (
        e instanceof ExitRequest ||
        e instanceof LoopControl ||
        e instanceof ReturnRequest ||
        e instanceof Interrupted ||
        e instanceof LineAbort ||
        e instanceof CpuLimitExceeded ||
        e instanceof OutputLimitExceeded
      ) {
        throw e;
      }
      const message = e instanceof WriteError ? `write error: ${e.reason}` : e instanceof FsError ? strerror(e.code) : e instanceof Error ? e.message : String(e);
      try {
        err.write(`${prefix}${name}: ${message}\n`);
      } catch {
        // stderr itself is broken; the status still says what happened.
      }
      return 1;
    }
  }
}

export { NEVER as NEVER_ABORTS };
