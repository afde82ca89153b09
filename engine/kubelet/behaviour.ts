// What a container's main process does, as data: when it exits by itself,
// how it reacts to the stop signal, which ports it serves and which files it
// leaves for exec probes. The image catalogue gives each image a default, the
// container's command line may replace it (process.ts), and a lesson may
// override either through data.

/** An HTTP status that can change over time: `[[10_000, 200], [Infinity, 500]]` is 200 for 10 s, then 500. */
export type StatusOverTime = number | ReadonlyArray<readonly [untilMs: number, status: number]>;

export interface Listener {
  port: number;
  /** Answers HTTP (httpGet probes); a plain TCP listener only answers tcpSocket probes. */
  http?: {
    /** Status per path; other paths get `otherPaths`. */
    paths?: Readonly<Record<string, StatusOverTime>>;
    otherPaths: StatusOverTime;
  };
}

export interface FileLifetime {
  path: string;
  /** Exists from this long after start (0: at start) ... */
  fromMs: number;
  /** ... until this long after start (absent: for good). */
  untilMs?: number;
}

export interface EnvRequirement {
  /** One of these variables must be set. */
  anyOf: readonly string[];
  /** Otherwise the process exits this long after starting, with this code. */
  exitAfterMs: number;
  exitCode: number;
  log?: string;
}

export interface ProcessBehaviour {
  /** Exits on its own this long after starting; absent: runs until stopped. */
  exitAfterMs?: number;
  /** Exit code when it exits on its own (default 0). */
  exitCode?: number;
  /**
   * Exits this long after the stop signal (SIGTERM, or the image's STOPSIGNAL);
   * absent: it ignores the signal (PID 1 with no handler, like `sleep` or `sh`)
   * and is killed with SIGKILL when the grace period ends (exit code 137).
   */
  stopAfterMs?: number;
  /** Exit code after a clean stop (default 0). */
  stopExitCode?: number;
  /** Ports served once `listenAfterMs` have passed since start. */
  listens?: readonly Listener[];
  listenAfterMs?: number;
  /** Files present for exec probes. */
  files?: readonly FileLifetime[];
  /** Environment the process cannot start without. */
  requiresEnv?: readonly EnvRequirement[];
  /** First lines it prints (for `kubectl logs`; optional). */
  logs?: readonly string[];
}

/** The HTTP status a listener gives for `path`, `sinceStartMs` after the process started. */
export function httpStatus(listener: Listener, path: string, sinceStartMs: number): number | undefined {
  if (!listener.http) return undefined;
  const spec = listener.http.paths?.[path] ?? listener.http.otherPaths;
  if (typeof spec === "number") return spec;
  for (const [until, status] of spec) if (sinceStartMs < until) return status;
  return spec[spec.length - 1]?.[1];
}

/** Whether `path` exists `sinceStartMs` after start. */
export function fileExists(behaviour: ProcessBehaviour, path: string, sinceStartMs: number): boolean {
  for (const f of behaviour.files ?? []) {
    if (f.path === path && sinceStartMs >= f.fromMs && (f.untilMs === undefined || sinceStartMs < f.untilMs)) return true;
  }
  return false;
}
