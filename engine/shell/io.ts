// File descriptors of the simulated processes: where a command's output goes
// (the terminal, a pipe, a file, /dev/null) and where its input comes from.
// Pipes are buffers: a pipeline runs its commands one after another.
import { FsError, utf8Length, type VirtualFs } from "./fs.ts";

/** A write that cannot complete (a full filesystem); the command reports "write error". */
export class WriteError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "WriteError";
  }
}

/** The line produced more output or data than the terminal keeps; it stops. */
export class OutputLimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputLimitExceeded";
  }
}

export interface Sink {
  write(text: string): void;
  readonly isTerminal: boolean;
}

export class InputStream {
  private pos = 0;
  /** Set when the input is a regular file (`< file`): wc pads its counts differently for pipes. */
  regularFileSize: number | undefined;
  constructor(
    private readonly text: string,
    readonly isTerminal = false,
  ) {}

  /** Everything not yet read. */
  readAll(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  /** The next line without its newline, or undefined at end of input. */
  readLine(): { line: string; newline: boolean } | undefined {
    if (this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf("\n", this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    return { line, newline: nl >= 0 };
  }

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}

export const EMPTY_INPUT = (): InputStream => new InputStream("", true);

/** Where the terminal's two streams end up: the run's result and the live onOutput callback. */
export class TerminalOutput {
  stdout = "";
  stderr = "";
  private bytes = 0;
  constructor(
    private readonly onOutput: ((text: string, stream: "stdout" | "stderr") => void) | undefined,
    private readonly maxBytes: number,
  ) {}

  write(text: string, stream: "stdout" | "stderr"): void {
    if (text === "") return;
    this.bytes += text.length;
    if (this.bytes > this.maxBytes) {
      throw new OutputLimitExceeded(`output limit exceeded: a line may print at most ${Math.round(this.maxBytes / 1024)} KiB`);
    }
    if (stream === "stdout") this.stdout += text;
    else this.stderr += text;
    try {
      this.onOutput?.(text, stream);
    } catch {
      // A failing listener must not break the shell.
    }
  }

  sink(stream: "stdout" | "stderr"): Sink {
    return { write: (t) => this.write(t, stream), isTerminal: true };
  }
}

export class BufferSink implements Sink {
  readonly isTerminal = false;
  private parts: string[] = [];
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  write(text: string): void {
    this.bytes += text.length;
    if (this.bytes > this.maxBytes) throw new OutputLimitExceeded(`pipe limit exceeded: a pipe may carry at most ${Math.round(this.maxBytes / 1024)} KiB`);
    this.parts.push(text);
  }

  text(): string {
    return this.parts.join("");
  }
}

export const NULL_SINK: Sink = { write: () => {}, isTerminal: false };

/** Appends each write to a file as it happens, so `cmd >> f; cat f` sees it. */
export class FileSink implements Sink {
  readonly isTerminal = false;
  constructor(
    private readonly fs: VirtualFs,
    readonly path: string,
  ) {}

  write(text: string): void {
    if (text === "") return;
    try {
      this.fs.writeFile(this.path, text, { append: true });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.code === "ENOSPC") {
        // A full disk takes what fits, then the write fails.
        const fit = prefixWithin(text, this.fs.limits.maxBytes - this.fs.usage().bytes);
        if (fit !== "") this.fs.writeFile(this.path, fit, { append: true });
      }
      throw new WriteError(e.message);
    }
  }
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `bytes`. */
function prefixWithin(text: string, bytes: number): string {
  let used = 0;
  let i = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (used + n > bytes) break;
    used += n;
    i += ch.length;
  }
  return text.slice(0, i);
}

/** A closed descriptor (`>&-`): writing to it fails. */
export const CLOSED_SINK: Sink = {
  write: () => {
    throw new WriteError("Bad file descriptor");
  },
  isTerminal: false,
};

export type Fd = { kind: "in"; input: InputStream } | { kind: "out"; sink: Sink };

/** Descriptors 0-9 of one command. Copies share the streams, as dup(2) does. */
export class FdTable {
  private readonly fds: Array<Fd | undefined>;
  constructor(fds: Array<Fd | undefined>) {
    this.fds = fds.slice(0, 10);
  }

  static of(stdin: InputStream, stdout: Sink, stderr: Sink): FdTable {
    return new FdTable([
      { kind: "in", input: stdin },
      { kind: "out", sink: stdout },
      { kind: "out", sink: stderr },
    ]);
  }

  clone(): FdTable {
    return new FdTable(this.fds);
  }

  get(fd: number): Fd | undefined {
    return this.fds[fd];
  }

  set(fd: number, value: Fd | undefined): void {
    this.fds[fd] = value;
  }

  get stdin(): InputStream {
    const fd = this.fds[0];
    return fd?.kind === "in" ? fd.input : new InputStream("");
  }

  out(fd: 1 | 2): Sink {
    const d = this.fds[fd];
    return d?.kind === "out" ? d.sink : CLOSED_SINK;
  }
}
