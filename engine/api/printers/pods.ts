// `kubectl get pods` columns, computed server-side as printers.go printPod does:
// READY counts regular containers plus sidecars (restartable init containers),
// STATUS is the phase refined by init/container states, RESTARTS carries the
// age of the most recent restart.

import type { Container, ContainerStatus, Pod, PodStatus, TableColumnDefinition } from "../types.ts";
import type { TableConvertor } from "../registry.ts";
import { humanDuration, parseTimestamp, translateTimestampSince } from "./duration.ts";

export const podColumns: TableColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name of the pod.", priority: 0 },
  { name: "Ready", type: "string", format: "", description: "Ready containers out of all containers.", priority: 0 },
  { name: "Status", type: "string", format: "", description: "Summary of the pod's phase and container states.", priority: 0 },
  { name: "Restarts", type: "string", format: "", description: "Container restarts, and how long ago the last one was.", priority: 0 },
  { name: "Age", type: "string", format: "", description: "Time since the pod was created.", priority: 0 },
  { name: "IP", type: "string", format: "", description: "The pod's IP address.", priority: 1 },
  { name: "Node", type: "string", format: "", description: "Node the pod is bound to.", priority: 1 },
  { name: "Nominated Node", type: "string", format: "", description: "Node the scheduler nominated after preemption.", priority: 1 },
  { name: "Readiness Gates", type: "string", format: "", description: "Readiness gates that are true, out of all gates.", priority: 1 },
];

/** A sidecar: an init container with restartPolicy Always. */
function isRestartable(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function hasCondition(status: PodStatus | undefined, type: string): boolean {
  return (status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

/** Initialized condition: the first one of that type decides. */
function isInitialized(status: PodStatus | undefined): boolean {
  const c = (status?.conditions ?? []).find((c) => c.type === "Initialized");
  return c?.status === "True";
}

function terminatedReason(prefix: string, t: { reason?: string; signal?: number; exitCode: number }): string {
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

/** Tracks the latest lastState.terminated.finishedAt; unset times never win. */
class LastRestart {
  ms: number | undefined;
  see(cs: ContainerStatus): void {
    const t = parseTimestamp(cs.lastState?.terminated?.finishedAt);
    if (t !== undefined && (this.ms === undefined || this.ms < t)) this.ms = t;
  }
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS of a pod at `nowMs`. */
export function summarizePod(pod: Pod, nowMs: number): PodSummary {
  const status = pod.status;
  const phase = status?.phase ?? "";
  let reason: string = status?.reason || phase;

  for (const c of status?.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initSpecs = new Map<string, Container>();
  let total = pod.spec.containers.length;
  for (const c of pod.spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isRestartable(c)) total++;
  }

  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let last = new LastRestart();
  const lastSidecar = new LastRestart();

  // The first init container that has not finished decides the status.
  let initializing = false;
  const initStatuses = status?.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += cs.restartCount;
    last.see(cs);
    const sidecar = isRestartable(initSpecs.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecar.see(cs);
    }
    const term = cs.state?.terminated;
    const wait = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      reason = terminatedReason("Init:", term);
    } else if (wait?.reason && wait.reason !== "PodInitializing") {
      reason = "Init:" + wait.reason;
    } else {
      reason = `Init:${i}/${(pod.spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isInitialized(status)) {
    // Plain init containers' restarts stop counting once the pod is initialized.
    restarts = sidecarRestarts;
    last = lastSidecar;
    let hasRunning = false;
    const statuses = status?.containerStatuses ?? [];
    // Walked backwards, so the first container with a reason has the last word.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += cs.restartCount;
      last.see(cs);
      const wait = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (wait?.reason) {
        reason = wait.reason;
      } else if (term) {
        reason = terminatedReason("", term);
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
    }
  }

  if (pod.metadata.deletionTimestamp && status?.reason === "NodeLost") {
    reason = "Unknown";
  } else if (pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") {
    reason = "Terminating";
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && last.ms !== undefined) {
    restartsText = `${restarts} (${humanDuration(nowMs - last.ms)} ago)`;
  }
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}

/** Wide cells: the first pod IP (podIP wins, as in the v1 conversion), node, nominated node, gates. */
function wideCells(pod: Pod): string[] {
  const status = pod.status;
  const ip = status?.podIP || status?.podIPs?.[0]?.ip || "<none>";
  const node = pod.spec.nodeName || "<none>";
  const nominated = status?.nominatedNodeName || "<none>";
  let gates = "<none>";
  const readinessGates = pod.spec.readinessGates ?? [];
  if (readinessGates.length > 0) {
    let trueCount = 0;
    for (const gate of readinessGates) {
      // Only the first condition of the gate's type is looked at.
      const cond = (status?.conditions ?? []).find((c) => c.type === gate.conditionType);
      if (cond?.status === "True") trueCount++;
    }
    gates = `${trueCount}/${readinessGates.length}`;
  }
  return [ip, node, nominated, gates];
}

export const podTable: TableConvertor<Pod> = {
  columns: podColumns,
  cells(pod, nowMs) {
    const s = summarizePod(pod, nowMs);
    return [
      pod.metadata.name ?? "",
      s.ready,
      s.status,
      s.restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
      ...wideCells(pod),
    ];
  },
};
