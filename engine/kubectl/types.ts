// What the built-in kubectl is given: the cluster's API server, its virtual
// clock, a way to let virtual time pass, the learner's files, and the
// kubeconfig it pretends to have read.
import type { ApiServer } from "../api/server.ts";

export interface KubectlIO {
  /** Standard input (`-f -`). */
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Ctrl-C: a blocking command (a watch) stops; the exit code is then 130. */
  signal?: AbortSignal;
}

/** The kubeconfig the simulated kubectl behaves as if it had loaded. */
export interface Kubeconfig {
  /** current-context. */
  context: string;
  cluster: string;
  user: string;
  /** The cluster's server URL (`cluster-info`, `config view`). */
  server: string;
  /** The context's namespace; "" or absent means "default". */
  namespace?: string;
}

export const DEFAULT_KUBECONFIG: Kubeconfig = {
  context: "kubedojo",
  cluster: "kubedojo",
  user: "learner",
  server: "https://127.0.0.1:6443",
};

export interface KubectlContext {
  api: ApiServer;
  /** Virtual time, ms since the epoch. */
  now(): number;
  /**
   * Let `ms` of virtual time pass (a blocking command waiting for the
   * cluster). Fast-forward runs the cluster at once; an interactive session
   * sleeps on the wall clock at the lesson's speed.
   */
  wait(ms: number): Promise<void>;
  /**
   * Fast-forward only: whether nothing is scheduled in the cluster. A watch
   * (`get -w`) then ends as soon as the cluster is idle, or after 60 virtual
   * seconds with nothing new. Leave undefined in an interactive session: a
   * watch then runs until the signal aborts it.
   */
  idle?(): boolean;
  /** A file of the learner's virtual file system (relative to the working directory), for `-f`. */
  readFile(path: string): string | undefined;
  /** The names of the regular files in a directory, sorted (`--from-file=dir/`); undefined when `path` is no directory. */
  readDir?(path: string): string[] | undefined;
  /** Write a file of the learner's file system (kubectl edit keeps a copy of failed edits); false if it cannot. */
  writeFile?(path: string, content: string): boolean;
  /**
   * The terminal's editor (`kubectl edit`): the saved content, or null when
   * the learner quit without saving. Absent when the terminal has none.
   */
  editor?(path: string, content: string): Promise<string | null>;
  /** The current namespace of the kubeconfig context; default "default". */
  namespace?: string;
  /** The kubeconfig; default DEFAULT_KUBECONFIG. */
  kubeconfig?: Kubeconfig;
}

/**
 * An error kubectl prints as `error: <message>` (cmdutil.CheckErr adds the
 * prefix when the message lacks it), exit code 1 unless given.
 */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "KubectlError";
  }
}

/** Several errors reported together, one per line (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join(", "));
    this.name = "AggregateError";
  }
}

/** Text already formatted for stderr, printed as is (e.g. cobra's unknown command). */
export class RawError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
  ) {
    super(text);
    this.name = "RawError";
  }
}
