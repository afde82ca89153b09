// One container's way through the kubelet (SyncPod → startContainer and the
// restart/back-off logic of kuberuntime): ensure the image, create, start,
// run until it exits or is stopped, then restart under the restart policy with
// the crash back-off. Each call makes at most one transition that is due and
// says whether it made one; the kubelet loops until nothing is due.
import type { Container, Pod } from "../api/types.ts";
import type { Random } from "../sim/random.ts";
import { goDuration } from "./duration.ts";
import { type ImageCatalogue, type ImageRecord, isPullFailure, PULL, pullDurationMs } from "./images.ts";
import { probeOf, probeTitle, PROBE_DEFAULTS, runProbe, type ProbeOverride } from "./probes.ts";
import { resolveProcess } from "./process.ts";
import { fullImageName, parseImageReference, repositoryOf, type ImageReference } from "./reference.ts";
import { randomHex64 } from "./ids.ts";
import type { ContainerRuntime, PodRuntime, ProbeKind } from "./runtime.ts";
import type { KubeletTimings } from "./timings.ts";

/** What a container step needs from its node's kubelet. */
export interface NodeRuntime {
  readonly timings: KubeletTimings;
  readonly catalogue: ImageCatalogue;
  readonly allowUnknownImages: boolean;
  readonly probeOverrides: readonly ProbeOverride[];
  readonly random: Random;
  /** Image names (`docker.io/library/nginx:1.14.2`) and ids on the node. */
  readonly images: Set<string>;
  /** The node's image puller is serialized: when it is free again. */
  pullFreeAt: number;
  event(pod: Pod, c: ContainerRuntime, type: "Normal" | "Warning", reason: string, message: string): void;
  addImage(name: string, imageID: string, sizeBytes: number): void;
}

export function specOf(pod: Pod, c: ContainerRuntime): Container {
  const list = c.init ? pod.spec.initContainers : pod.spec.containers;
  return list!.find((x) => x.name === c.name)!;
}

function podRef(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? "default"}(${pod.metadata.uid})`;
}

/** imagePullPolicy's default, if the API server did not already apply it. */
function pullPolicy(spec: Container, ref: ImageReference): string {
  if (spec.imagePullPolicy) return spec.imagePullPolicy;
  return !ref.tag && !ref.digest ? "Always" : ref.tag === "latest" ? "Always" : "IfNotPresent";
}

function resolveImage(node: NodeRuntime, ref: ImageReference): ReturnType<ImageCatalogue["resolve"]> {
  const found = node.catalogue.resolve(ref);
  if (!isPullFailure(found) || !node.allowUnknownImages) return found;
  const record: ImageRecord = { repository: repositoryOf(ref), tags: {}, run: { stopAfterMs: 100 } };
  return { record, tag: ref.tag ?? "latest", sizeBytes: 48_000_000, imageID: `${repositoryOf(ref)}@sha256:${"0".repeat(64)}` };
}

/** The catalogue entry of an image reference, if any. */
export function imageRecordOf(node: Pick<NodeRuntime, "catalogue">, image: string): ImageRecord | undefined {
  try {
    return node.catalogue.record(repositoryOf(parseImageReference(image)));
  } catch {
    return undefined;
  }
}

/** The next start step for a waiting container: ensure its image (EnsureImageExists). */
function beginStart(node: NodeRuntime, pod: Pod, c: ContainerRuntime, now: number): boolean {
  const spec = specOf(pod, c);
  const image = spec.image ?? "";
  let ref: ImageReference;
  try {
    ref = parseImageReference(image);
  } catch (err) {
    const msg = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${(err as Error).message}`;
    node.event(pod, c, "Warning", "InspectFailed", msg);
    node.event(pod, c, "Warning", "Failed", "Error: InvalidImageName");
    c.waiting = { reason: "InvalidImageName", message: msg };
    c.finished = true;
    return true;
  }
  const full = fullImageName(ref);
  const present = node.images.has(full);
  const policy = pullPolicy(spec, ref);
  if (policy === "Never" && !present) {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    node.event(pod, c, "Warning", "ErrImageNeverPull", msg);
    node.event(pod, c, "Warning", "Failed", "Error: ErrImageNeverPull");
    c.waiting = { reason: "ErrImageNeverPull", message: msg };
    c.finished = true;
    return true;
  }
  const resolved = resolveImage(node, ref);
  if (present && policy !== "Always" && !isPullFailure(resolved)) {
    node.event(pod, c, "Normal", "Pulled", `Container image "${image}" already present on machine`);
    c.imageID = resolved.imageID;
    c.imageName = full;
    c.phase = "creating";
    c.dueAt = now + node.timings.createContainerMs;
    return true;
  }
  node.event(pod, c, "Normal", "Pulling", `Pulling image "${image}"`);
  const startAt = Math.max(now, node.pullFreeAt);
  if (isPullFailure(resolved)) {
    c.pull = { requestedAt: now, error: resolved.message, durationMs: resolved.durationMs };
  } else {
    const layersHere = present || node.images.has(resolved.imageID);
    const durationMs = layersHere ? PULL.layersPresentMs : pullDurationMs(resolved.sizeBytes, node.random.uint32() / 4294967296);
    c.pull = { requestedAt: now, imageID: resolved.imageID, imageName: full, sizeBytes: resolved.sizeBytes, durationMs };
  }
  node.pullFreeAt = startAt + c.pull.durationMs;
  c.phase = "pulling";
  c.dueAt = node.pullFreeAt;
  return true;
}

function finishPull(node: NodeRuntime, pod: Pod, c: ContainerRuntime): boolean {
  const t = c.dueAt!;
  const pull = c.pull!;
  const image = specOf(pod, c).image ?? "";
  c.pull = undefined;
  c.dueAt = undefined;
  if (pull.error !== undefined) {
    node.event(pod, c, "Warning", "Failed", `Failed to pull image "${image}": ${pull.error}`);
    node.event(pod, c, "Warning", "Failed", "Error: ErrImagePull");
    const first = c.pullBackoffMs === 0;
    c.pullBackoffMs = first ? node.timings.backoffInitialMs : Math.min(2 * c.pullBackoffMs, node.timings.backoffMaxMs);
    c.waiting = { reason: "ErrImagePull", message: pull.error };
    c.lastPullError = pull.error;
    c.pullRetryAt = t + c.pullBackoffMs;
    // The first failure is followed at once by a PLEG-driven sync (the sandbox is new); later ones by the re-sync.
    const tick = t + (first ? node.timings.relistMs : node.timings.resyncMs);
    c.tickAt = tick < c.pullRetryAt ? tick : undefined;
    c.phase = "waiting";
    return true;
  }
  node.event(
    pod,
    c,
    "Normal",
    "Pulled",
    `Successfully pulled image "${image}" in ${goDuration(pull.durationMs)} (${goDuration(t - pull.requestedAt)} including waiting). Image size: ${pull.sizeBytes} bytes.`,
  );
  node.addImage(pull.imageName!, pull.imageID!, pull.sizeBytes!);
  c.imageID = pull.imageID;
  c.imageName = pull.imageName;
  c.phase = "creating";
  c.dueAt = t + node.timings.createContainerMs;
  return true;
}

function started(node: NodeRuntime, pod: Pod, c: ContainerRuntime): boolean {
  const t = c.dueAt!;
  const spec = specOf(pod, c);
  node.event(pod, c, "Normal", "Started", `Started container ${c.name}`);
  if (c.everStarted) {
    c.restartCount++;
    if (c.terminated) c.last = c.terminated;
  }
  c.terminated = undefined;
  c.waiting = undefined;
  c.phase = "running";
  c.dueAt = undefined;
  c.startedAt = t;
  c.everStarted = true;
  c.behaviour = resolveProcess(imageRecordOf(node, spec.image ?? ""), spec);
  c.exitAt = c.behaviour.exitAfterMs === undefined ? undefined : t + c.behaviour.exitAfterMs;
  c.exitCode = c.behaviour.exitCode ?? 0;
  c.stopAt = undefined;
  c.probes = {};
  for (const kind of ["startup", "readiness", "liveness"] as const) {
    const probe = probeOf(spec, kind);
    if (!probe) continue;
    const delay = (probe.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds) * 1000;
    c.probes[kind] = { nextAt: t + delay, successRun: 0, failureRun: 0, result: kind === "readiness" ? "failure" : "unknown" };
  }
  c.started = !spec.startupProbe;
  c.ready = c.started && !spec.readinessProbe;
  return true;
}

/** The container's process has ended at `t`. */
export function exitContainer(node: NodeRuntime, pod: Pod, rt: PodRuntime, c: ContainerRuntime, t: number, exitCode: number): void {
  c.terminated = {
    exitCode,
    reason: exitCode === 0 ? "Completed" : "Error",
    startedAt: c.startedAt!,
    finishedAt: t,
    containerID: c.containerID!,
  };
  c.phase = "exited";
  c.ready = false;
  c.started = false;
  c.probes = {};
  c.exitAt = undefined;
  c.stopAt = undefined;
  c.waiting = undefined;
  if (rt.terminatingSince !== undefined || !shouldRestart(pod, c, exitCode)) {
    c.finished = true;
    c.dueAt = undefined;
  } else {
    c.dueAt = t + node.timings.relistMs;
  }
}

function shouldRestart(pod: Pod, c: ContainerRuntime, exitCode: number): boolean {
  if (c.sidecar) return true;
  const policy = pod.spec.restartPolicy ?? "Always";
  if (c.init) return exitCode !== 0 && policy !== "Never";
  return policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
}

/** doBackOff: restart at once, or wait out the back-off in CrashLoopBackOff. */
function decideRestart(node: NodeRuntime, pod: Pod, c: ContainerRuntime): boolean {
  const t = c.dueAt!;
  const finished = c.terminated!.finishedAt;
  const T = node.timings;
  const entryLive = c.crashBackoffUpdatedAt !== undefined && finished - c.crashBackoffUpdatedAt <= T.backoffResetMs;
  c.dueAt = undefined;
  if (entryLive && t - finished < c.crashBackoffMs) {
    c.phase = "backoff";
    c.retryAt = finished + c.crashBackoffMs;
    c.tickAt = t;
    c.waiting = {
      reason: "CrashLoopBackOff",
      message: `back-off ${goDuration(c.crashBackoffMs)} restarting failed container=${c.name} pod=${podRef(pod)}`,
    };
    return true;
  }
  c.crashBackoffMs = entryLive ? Math.min(2 * c.crashBackoffMs, T.backoffMaxMs) : T.backoffInitialMs;
  c.crashBackoffUpdatedAt = t;
  c.phase = "waiting";
  return true;
}

function runDueProbe(node: NodeRuntime, pod: Pod, rt: PodRuntime, c: ContainerRuntime, kind: ProbeKind): boolean {
  const state = c.probes[kind]!;
  const t = state.nextAt;
  const spec = specOf(pod, c);
  const probe = probeOf(spec, kind)!;
  state.nextAt = t + Math.max(1, probe.periodSeconds || PROBE_DEFAULTS.periodSeconds) * 1000;
  // Readiness and liveness wait for the startup probe to succeed.
  if (kind !== "startup" && !c.started) return true;
  if (kind === "startup" && c.started) {
    delete c.probes.startup;
    return true;
  }
  const outcome = runProbe(probe, kind, {
    pod,
    container: spec,
    behaviour: c.behaviour ?? {},
    image: imageRecordOf(node, spec.image ?? ""),
    podIP: rt.ip ?? "",
    sinceStart: t - c.startedAt!,
    overrides: node.probeOverrides,
  });
  if (outcome.ok) {
    state.successRun++;
    state.failureRun = 0;
  } else {
    state.failureRun++;
    state.successRun = 0;
    node.event(pod, c, "Warning", "Unhealthy", `${probeTitle(kind)} probe failed: ${outcome.message}`);
  }
  const successThreshold = kind === "readiness" ? (probe.successThreshold ?? PROBE_DEFAULTS.successThreshold) : 1;
  const failureThreshold = probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold;
  if (outcome.ok && state.successRun >= successThreshold) state.result = "success";
  if (!outcome.ok && state.failureRun >= failureThreshold) state.result = "failure";
  if (kind === "readiness") c.ready = state.result === "success";
  if (kind === "startup" && state.result === "success") {
    c.started = true;
    c.ready = !spec.readinessProbe;
  }
  if ((kind === "liveness" || kind === "startup") && state.result === "failure") {
    node.event(pod, c, "Normal", "Killing", `Container ${c.name} failed ${kind} probe, will be restarted`);
    const grace = Math.max(
      (probe.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000,
      node.timings.minKillGraceMs,
    );
    stopContainer(c, t, grace);
  }
  return true;
}

/** Send the stop signal at `t`: the process exits per its behaviour, or is killed when `graceMs` runs out. */
export function stopContainer(c: ContainerRuntime, t: number, graceMs: number): void {
  const after = c.behaviour?.stopAfterMs;
  if (after !== undefined && after <= graceMs) {
    c.stopAt = t + after;
    c.stopExitCode = c.behaviour?.stopExitCode ?? 0;
  } else {
    c.stopAt = t + graceMs;
    c.stopExitCode = 137;
  }
  c.probes = {};
}

const PROBE_KINDS = ["startup", "readiness", "liveness"] as const;

function stepRunning(node: NodeRuntime, pod: Pod, rt: PodRuntime, c: ContainerRuntime, now: number): boolean {
  // The earliest due of: the process exiting, the stop signal's end, each
  // probe; on a tie the first in that order. (No closures: this runs for
  // every running container at every step of its pod.)
  let bestT = Infinity;
  let act: "exit" | "stop" | ProbeKind | undefined;
  if (c.exitAt !== undefined && c.exitAt <= now) {
    bestT = c.exitAt;
    act = "exit";
  }
  if (c.stopAt !== undefined && c.stopAt <= now && c.stopAt < bestT) {
    bestT = c.stopAt;
    act = "stop";
  }
  if (rt.terminatingSince === undefined) {
    for (const kind of PROBE_KINDS) {
      const t = c.probes[kind]?.nextAt;
      if (t !== undefined && t <= now && t < bestT) {
        bestT = t;
        act = kind;
      }
    }
  }
  if (act === undefined) return false;
  if (act === "exit") exitContainer(node, pod, rt, c, c.exitAt!, c.exitCode ?? 0);
  else if (act === "stop") exitContainer(node, pod, rt, c, c.stopAt!, c.stopExitCode ?? 137);
  else return runDueProbe(node, pod, rt, c, act);
  return true;
}

/** Make the one transition of `c` that is due at `now`, if any. `canStart`: the pod's sequential starter is free. */
export function stepContainer(node: NodeRuntime, pod: Pod, rt: PodRuntime, c: ContainerRuntime, now: number, canStart: boolean): boolean {
  const T = node.timings;
  switch (c.phase) {
    case "waiting": {
      if (c.finished) return false;
      if (c.pullRetryAt !== undefined) {
        if (c.tickAt !== undefined && c.tickAt <= now) {
          const image = specOf(pod, c).image ?? "";
          node.event(pod, c, "Normal", "BackOff", `Back-off pulling image "${image}"`);
          node.event(pod, c, "Warning", "Failed", "Error: ImagePullBackOff");
          c.waiting = { reason: "ImagePullBackOff", message: `Back-off pulling image "${image}": ErrImagePull: ${c.lastPullError}` };
          const next = c.tickAt + T.resyncMs;
          c.tickAt = next < c.pullRetryAt ? next : undefined;
          return true;
        }
        if (c.pullRetryAt > now) return false;
        c.pullRetryAt = undefined;
        c.tickAt = undefined;
      }
      if (!canStart) return false;
      return beginStart(node, pod, c, now);
    }
    case "pulling":
      return c.dueAt! <= now ? finishPull(node, pod, c) : false;
    case "creating":
      if (c.dueAt! > now) return false;
      c.containerID = randomHex64(node.random);
      node.event(pod, c, "Normal", "Created", `Created container ${c.name}`);
      c.phase = "starting";
      c.dueAt = c.dueAt! + T.startContainerMs;
      return true;
    case "starting":
      return c.dueAt! <= now ? started(node, pod, c) : false;
    case "running":
      return stepRunning(node, pod, rt, c, now);
    case "exited":
      if (c.finished || c.dueAt === undefined || c.dueAt > now) return false;
      return decideRestart(node, pod, c);
    case "backoff": {
      if (c.tickAt !== undefined && c.tickAt <= now && c.tickAt < c.retryAt!) {
        node.event(pod, c, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${podRef(pod)}`);
        const next = c.tickAt + T.resyncMs;
        c.tickAt = next < c.retryAt! ? next : undefined;
        return true;
      }
      if (c.retryAt! > now) return false;
      c.crashBackoffMs = Math.min(2 * c.crashBackoffMs, T.backoffMaxMs);
      c.crashBackoffUpdatedAt = now;
      c.retryAt = undefined;
      c.tickAt = undefined;
      c.phase = "waiting";
      return true;
    }
  }
}

