// cluster.exec: one line of the learner's shell, with kubectl wired to the
// cluster's API server. Virtual time passes only through `wait`: by default it
// fast-forwards at once; an interactive caller's wait paces it on the wall clock.
import type { ApiServer } from "./api/server.ts";
import { runKubectl } from "./kubectl/index.ts";
import { Shell, type ShellEnvView } from "./shell/index.ts";

export interface ExecOptions {
  /** Output as it is produced. */
  onOutput?: (text: string, stream: "stdout" | "stderr") => void;
  /** Ctrl-C: the running command stops with exit code 130. */
  signal?: AbortSignal;
  /**
   * How a blocking command lets `virtualMs` pass. The engine advances the
   * cluster's clock itself after this resolves; by default nothing is awaited
   * (fast-forward).
   */
  wait?: (virtualMs: number) => Promise<void>;
  /**
   * The terminal's full-screen editor (vi, nano, `kubectl edit`): given the
   * file's path and content, resolves to the saved content, or null when the
   * learner quit without saving. Without it those commands say there is none.
   */
  editor?: (path: string, content: string, info: { program: string }) => Promise<string | null>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecHost {
  api: ApiServer;
  nowMs(): number;
  advance(ms: number): void;
  idle(): boolean;
}

/** The learner's shell session of one cluster, created on first use. */
export class ExecSession {
  private readonly shell: Shell;
  /** The current exec's options: the shell and kubectl reach them through these closures. */
  private current: ExecOptions = {};

  constructor(private readonly host: ExecHost) {
    const wait = (ms: number) => this.wait(ms);
    this.shell = new Shell({
      commands: {
        kubectl: (args, io, env) =>
          runKubectl(args, io, {
            api: host.api,
            now: () => host.nowMs(),
            wait,
            idle: this.current.wait ? undefined : () => host.idle(),
            readFile: (path) => readFile(env, path),
            readDir: (path) => readDir(env, path),
            editor: env.editor,
            writeFile: (path, content) => writeFile(env, path, content),
          }),
      },
      sleep: wait,
      now: () => host.nowMs(),
    });
  }

  async exec(line: string, options: ExecOptions = {}): Promise<ExecResult> {
    this.current = options;
    const editor = options.editor;
    this.shell.setEditor(editor ? (path, content, info) => editor(path, content, { program: info.program }) : undefined);
    try {
      const { stdout, stderr, exitCode } = await this.shell.run(line, { onOutput: options.onOutput, signal: options.signal });
      return { stdout, stderr, exitCode };
    } catch (err) {
      // The shell never throws by design; this is the last line of defence.
      const text = `kubedojo: internal error: ${err instanceof Error ? err.message : String(err)}\n`;
      options.onOutput?.(text, "stderr");
      return { stdout: "", stderr: text, exitCode: 1 };
    } finally {
      this.current = {};
    }
  }

  prompt(): string {
    return this.shell.prompt();
  }

  private async wait(ms: number): Promise<void> {
    if (!(ms > 0)) return;
    if (this.current.wait) await this.current.wait(ms);
    this.host.advance(ms);
  }
}

function writeFile(env: ShellEnvView, path: string, content: string): boolean {
  try {
    env.fs.writeFile(env.resolve(path), content);
    return true;
  } catch {
    return false;
  }
}

function readDir(env: ShellEnvView, path: string): string[] | undefined {
  const dir = env.resolve(path);
  if (!env.fs.isDir(dir)) return undefined;
  return env.fs.readdir(dir).filter((name) => !env.fs.isDir(`${dir.replace(/\/$/, "")}/${name}`));
}

function readFile(env: ShellEnvView, path: string): string | undefined {
  try {
    return env.fs.readFile(env.resolve(path));
  } catch {
    return undefined;
  }
}
