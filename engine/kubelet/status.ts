// The pod status a 1.32 kubelet writes (generateAPIPodStatus): container
// statuses sorted by name, the phase from getPhase, and the kubelet-owned
// conditions in its order — PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, PodScheduled — after any condition the kubelet does not own.
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from "../api/types.ts";
import { computePodQOS } from "../api/validation/qos.ts";
import { rfc3339 } from "../util/time.ts";
import type { ContainerRuntime, PodRuntime, Terminated } from "./runtime.ts";

const KUBELET_CONDITIONS = new Set(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]);

function terminatedState(t: Terminated): ContainerState {
  const s: NonNullable<ContainerState["terminated"]> = { exitCode: t.exitCode, reason: t.reason };
  if (t.message) s.message = t.message;
  s.startedAt = rfc3339(t.startedAt);
  s.finishedAt = rfc3339(t.finishedAt);
  s.containerID = `containerd://${t.containerID}`;
  return { terminated: s };
}

/** What the container's status shows; `defaultReason` is ContainerCreating or PodInitializing. */
function containerStatus(spec: Container, c: ContainerRuntime, defaultReason: string): ContainerStatus {
  let state: ContainerState;
  let last: ContainerState = {};
  if (c.phase === "running") {
    state = { running: { startedAt: rfc3339(c.startedAt!) } };
    if (c.last) last = terminatedState(c.last);
  } else if (c.terminated && !c.waiting) {
    state = terminatedState(c.terminated);
    if (c.last) last = terminatedState(c.last);
  } else if (c.terminated) {
    state = { waiting: { ...c.waiting! } };
    last = terminatedState(c.terminated);
  } else {
    state = { waiting: c.waiting ? { ...c.waiting } : { reason: defaultReason } };
    if (c.last) last = terminatedState(c.last);
  }
  const running = c.phase === "running";
  const status: ContainerStatus = {
    name: spec.name,
    state,
    lastState: last,
    ready: running && c.ready,
    restartCount: c.restartCount,
    // Until a container was created the runtime knows nothing of it: the spec's image and no id.
    image: (c.everStarted && c.imageName) || spec.image || "",
    imageID: (c.everStarted && c.imageID) || "",
  };
  const id = running ? c.containerID : c.terminated?.containerID && !c.waiting ? c.terminated.containerID : undefined;
  if (id) status.containerID = `containerd://${id}`;
  status.started = running && c.started;
  const mounts = (spec.volumeMounts ?? []).map((m) => {
    const v: NonNullable<ContainerStatus["volumeMounts"]>[number] = { name: m.name, mountPath: m.mountPath };
    if (m.readOnly) {
      v.readOnly = true;
      v.recursiveReadOnly = "Disabled";
    }
    return v;
  });
  if (mounts.length > 0) status.volumeMounts = mounts;
  return status;
}

/** getPhase (kubelet_pods.go) over API container statuses. */
export function podPhase(pod: Pod, statuses: ContainerStatus[], initStatuses: ContainerStatus[], podIsTerminal: boolean): NonNullable<PodStatus["phase"]> {
  const spec = pod.spec;
  let pendingInit = 0;
  let failedInit = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.initContainers ?? []) {
    const s = find(initStatuses, c.name);
    if (c.restartPolicy === "Always") {
      if (!s) unknown++;
      else if (s.state?.running) {
        if (!s.started) pendingInit++;
        running++;
      } else if (s.state?.waiting && !s.lastState?.terminated) {
        pendingInit++;
        waiting++;
      }
      continue;
    }
    if (!s) pendingInit++;
    else if (s.state?.running) pendingInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInit++;
      } else pendingInit++;
    } else pendingInit++;
  }
  for (const c of spec.containers) {
    const s = find(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit > 0 && spec.restartPolicy === "Never") return "Failed";
  const anyRegularStarted = statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  if ((pendingInit > 0 && !anyRegularStarted) || waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (spec.restartPolicy === "Always" || spec.restartPolicy === undefined) return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (spec.restartPolicy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

function find(list: ContainerStatus[], name: string): ContainerStatus | undefined {
  for (const s of list) if (s.name === name) return s;
  return undefined;
}

function sortByName(a: ContainerStatus, b: ContainerStatus): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function names(list: string[]): string {
  return `[${list.join(" ")}]`;
}

function cond(type: string, status: PodCondition["status"], reason?: string, message?: string): PodCondition {
  // lastProbeTime is always null for these; the API server stores no nulls, so it is left out.
  const c: PodCondition = { type, status };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** Sort container `c` into `unknown` (no status) or `unready`. */
function readiness(c: Container, list: ContainerStatus[], unknown: string[], unready: string[]): void {
  const s = find(list, c.name);
  if (!s) unknown.push(c.name);
  else if (!s.ready) unready.push(c.name);
}

function containersReady(pod: Pod, statuses: ContainerStatus[], initStatuses: ContainerStatus[], phase: string): PodCondition {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of pod.spec.initContainers ?? []) if (c.restartPolicy === "Always") readiness(c, initStatuses, unknown, unready);
  for (const c of pod.spec.containers) readiness(c, statuses, unknown, unready);
  if (phase === "Succeeded" && unknown.length === 0) return cond("ContainersReady", "False", "PodCompleted");
  if (phase === "Failed") return cond("ContainersReady", "False", "PodFailed");
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${names(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${names(unready)}`);
  if (messages.length > 0) return cond("ContainersReady", "False", "ContainersNotReady", messages.join(", "));
  return cond("ContainersReady", "True");
}

function readyCondition(pod: Pod, containers: PodCondition, others: PodCondition[]): PodCondition {
  if (containers.status !== "True") return cond("Ready", containers.status, containers.reason, containers.message);
  const unready: string[] = [];
  for (const g of pod.spec.readinessGates ?? []) {
    const c = others.find((x) => x.type === g.conditionType);
    if (!c) unready.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
    else if (c.status !== "True") unready.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`);
  }
  if (unready.length > 0) return cond("Ready", "False", "ReadinessGatesNotReady", unready.join(", "));
  return cond("Ready", "True");
}

function initializedCondition(pod: Pod, initStatuses: ContainerStatus[], statuses: ContainerStatus[], phase: string): PodCondition {
  const init = pod.spec.initContainers ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of init) {
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (c.restartPolicy === "Always" ? !s.started : !(s.state?.terminated?.exitCode === 0)) incomplete.push(c.name);
  }
  if (phase === "Succeeded" && unknown.length === 0) return cond("Initialized", "True", "PodCompleted");
  if (statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)) return cond("Initialized", "True");
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${names(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${names(incomplete)}`);
  if (messages.length > 0) return cond("Initialized", "False", "ContainersNotInitialized", messages.join(", "));
  return cond("Initialized", "True");
}

export interface StatusInput {
  pod: Pod;
  runtime: PodRuntime;
  hostIP: string;
  nowMs: number;
  /** The pod is being deleted and all its containers have stopped. */
  podIsTerminal: boolean;
}

/** The whole status, with lastTransitionTime carried over from `pod.status` where a condition did not change. */
export function buildPodStatus({ pod, runtime, hostIP, nowMs, podIsTerminal }: StatusInput): PodStatus {
  const byName = new Map(runtime.containers.map((c) => [`${c.init ? "i" : "c"}/${c.name}`, c]));
  const hasInit = (pod.spec.initContainers?.length ?? 0) > 0;
  const statuses = pod.spec.containers
    .map((spec) => containerStatus(spec, byName.get(`c/${spec.name}`)!, hasInit ? "PodInitializing" : "ContainerCreating"))
    .sort(sortByName);
  const initStatuses = (pod.spec.initContainers ?? []).map((spec) =>
    containerStatus(spec, byName.get(`i/${spec.name}`)!, "PodInitializing"),
  );
  if (podIsTerminal) {
    // TerminatePod: a container that never ran is reported as lost, and the pod ends in a terminal phase.
    for (const s of [...statuses, ...initStatuses]) {
      if (!s.state?.terminated) {
        s.state = {
          terminated: { exitCode: 137, reason: "ContainerStatusUnknown", message: "The container could not be located when the pod was terminated" },
        };
        s.ready = false;
        s.started = false;
      }
    }
  }
  let phase = podPhase(pod, statuses, initStatuses, podIsTerminal);
  const apiPhase = pod.status?.phase;
  if (apiPhase === "Succeeded" || apiPhase === "Failed") phase = apiPhase;
  if (podIsTerminal && (phase === "Pending" || phase === "Running")) phase = "Failed";

  const others = (pod.status?.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type));
  const ready = containersReady(pod, statuses, initStatuses, phase);
  const scheduled = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
  const conditions = [
    ...others,
    cond("PodReadyToStartContainers", runtime.sandbox === "ready" ? "True" : "False"),
    initializedCondition(pod, initStatuses, statuses, phase),
    readyCondition(pod, ready, others),
    ready,
    cond("PodScheduled", "True"),
  ];
  for (const c of conditions) {
    const old = pod.status?.conditions?.find((x) => x.type === c.type);
    c.lastTransitionTime = old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(nowMs);
    if (c.type === "PodScheduled" && scheduled?.status === "True") c.lastTransitionTime = scheduled.lastTransitionTime;
  }

  const status: PodStatus = { phase, conditions };
  if (pod.status?.message) status.message = pod.status.message;
  if (pod.status?.reason) status.reason = pod.status.reason;
  if (pod.status?.nominatedNodeName) status.nominatedNodeName = pod.status.nominatedNodeName;
  status.hostIP = hostIP;
  status.hostIPs = [{ ip: hostIP }];
  if (runtime.ip) {
    status.podIP = runtime.ip;
    status.podIPs = [{ ip: runtime.ip }];
  }
  status.startTime = rfc3339(runtime.admittedAt);
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = pod.status?.qosClass ?? computePodQOS(pod.spec);
  return status;
}
