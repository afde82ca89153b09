// The simulated container runtime's state for one pod: plain data (no
// closures), so it could be snapshotted with the store and the clock.
import type { ProcessBehaviour } from "./behaviour.ts";

/** Where a container is in its life. */
export type ContainerPhase =
  | "waiting" // not running; `waiting` holds the reason to show, if any
  | "pulling" // image pull under way until dueAt
  | "creating" // CreateContainer until dueAt
  | "starting" // StartContainer until dueAt
  | "running"
  | "exited" // stopped; a restart decision is due at dueAt (unless it is never restarted)
  | "backoff"; // CrashLoopBackOff until retryAt

export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export type ProbeKind = "readiness" | "liveness" | "startup";

export interface ProbeState {
  nextAt: number;
  successRun: number;
  failureRun: number;
  /** The last result that crossed its threshold. */
  result: "success" | "failure" | "unknown";
}

export interface PullState {
  requestedAt: number;
  /** The pull fails with this message, or succeeds. */
  error?: string;
  imageID?: string;
  imageName?: string;
  sizeBytes?: number;
  /** Time actually spent pulling (after waiting for the node's serialized puller). */
  durationMs: number;
}

export interface ContainerRuntime {
  name: string;
  init: boolean;
  /** An init container with restartPolicy Always. */
  sidecar: boolean;
  image: string;
  phase: ContainerPhase;
  dueAt?: number;
  waiting?: { reason: string; message?: string };
  restartCount: number;
  containerID?: string;
  imageID?: string;
  /** The image name the runtime reports (`docker.io/library/nginx:1.14.2`). */
  imageName?: string;
  pull?: PullState;
  startedAt?: number;
  /** Ever started (sidecars unblock the next init container once started). */
  everStarted: boolean;
  behaviour?: ProcessBehaviour;
  /** When the process exits on its own, and with what code. */
  exitAt?: number;
  exitCode?: number;
  /** When it exits after being told to stop, and with what code. */
  stopAt?: number;
  stopExitCode?: number;
  /** The current (latest) termination, while not running. */
  terminated?: Terminated;
  /** The termination before that (lastState). */
  last?: Terminated;
  started: boolean;
  ready: boolean;
  probes: Partial<Record<ProbeKind, ProbeState>>;
  /** Image pull back-off: failures so far, current delay, when it ends, last error. */
  pullBackoffMs: number;
  pullRetryAt?: number;
  lastPullError?: string;
  /** Container restart back-off (flowcontrol.Backoff entry). */
  crashBackoffMs: number;
  crashBackoffUpdatedAt?: number;
  retryAt?: number;
  /** Next BackOff event while waiting out a back-off. */
  tickAt?: number;
  /** Done for good (restart policy says no restart). */
  finished: boolean;
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  admittedAt: number;
  sandbox: "none" | "creating" | "ready" | "stopped";
  sandboxDueAt?: number;
  ip?: string;
  containers: ContainerRuntime[];
  /** Deletion: when the kubelet began stopping the pod. */
  terminatingSince?: number;
  /** All containers stopped and the terminal status written. */
  finalized: boolean;
  /** When to issue the API delete of a deleted pod. */
  deleteAt?: number;
}

export function newContainer(name: string, image: string, init: boolean, sidecar: boolean): ContainerRuntime {
  return {
    name,
    init,
    sidecar,
    image,
    phase: "waiting",
    restartCount: 0,
    everStarted: false,
    started: false,
    ready: false,
    probes: {},
    pullBackoffMs: 0,
    crashBackoffMs: 0,
    finished: false,
  };
}

/** Earliest time anything is due for this container. */
export function containerDueAt(c: ContainerRuntime): number | undefined {
  const times = [c.dueAt, c.retryAt, c.pullRetryAt, c.tickAt];
  if (c.phase === "running") {
    times.push(c.exitAt, c.stopAt);
    for (const p of Object.values(c.probes)) times.push(p?.nextAt);
  }
  let min: number | undefined;
  for (const t of times) if (t !== undefined && (min === undefined || t < min)) min = t;
  return min;
}
