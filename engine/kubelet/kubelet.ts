// The kubelet of one node. It watches the pods bound to its node and keeps,
// per pod, the simulated runtime's state (sandbox, IP, containers). All work
// happens in clock tasks keyed by pod: a task advances the pod through every
// transition that is due (containers.ts), writes the status if it changed,
// and queues the pod again for its next due time. Nothing is queued for a pod
// with nothing left to do, so an idle node costs nothing.
import type { ApiServer } from "../api/server.ts";
import type { ContainerStatus, Node, Pod } from "../api/types.ts";
import type { ComponentContext } from "../context.ts";
import { deepEqual } from "../util/json.ts";
import { parseTime } from "../util/time.ts";
import { exitContainer, imageRecordOf, specOf, stepContainer, stopContainer, type NodeRuntime } from "./containers.ts";
import type { ImageCatalogue } from "./images.ts";
import { PodIPAllocator } from "./ipam.ts";
import type { ProbeOverride } from "./probes.ts";
import { resolveProcess } from "./process.ts";
import { containerDueAt, newContainer, type ContainerRuntime, type PodRuntime, type Terminated } from "./runtime.ts";
import { buildPodStatus } from "./status.ts";
import { registerLogSource } from "../api/logs.ts";
import { serveContainerLog } from "./logs/serve.ts";
import type { KubeletTimings } from "./timings.ts";

/** What every kubelet of a cluster shares: data a lesson can change. */
export interface KubeletShared {
  timings: KubeletTimings;
  catalogue: ImageCatalogue;
  allowUnknownImages: boolean;
  probeOverrides: ProbeOverride[];
}

const MAX_NODE_IMAGES = 50;

export class Kubelet implements NodeRuntime {
  readonly component: string;
  readonly images = new Set<string>();
  pullFreeAt = 0;
  private readonly pods = new Map<string, PodRuntime>();
  private readonly ipam: PodIPAllocator;
  private readonly hostIP: string;
  private readonly unwatch: () => void;
  private readonly unregisterLogs: () => void;
  private readonly api: ApiServer;

  constructor(
    private readonly ctx: ComponentContext,
    readonly nodeName: string,
    private readonly shared: KubeletShared,
  ) {
    this.api = ctx.api;
    this.component = `kubelet/${nodeName}`;
    const node = this.api.get("nodes", undefined, nodeName);
    this.hostIP = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "";
    this.ipam = new PodIPAllocator(node.spec.podCIDR ?? "10.244.0.0/24");
    for (const img of node.status?.images ?? []) for (const n of img.names) this.images.add(n);
    ctx.clock.on(this.component, (key) => this.run(key));
    this.unwatch = this.api.watch("pods", {}, (e) => this.onPod(e.type, e.object));
    // The containerLogs endpoint the API server's pods/log reaches.
    const logNode = {
      catalogue: shared.catalogue,
      cpus: Number.parseInt(String(node.status?.capacity?.cpu ?? "1"), 10) || 1,
      kernel: node.status?.nodeInfo?.kernelVersion ?? "",
      runtime: (pod: Pod) => {
        const rt = this.pods.get(podKey(pod));
        return rt && rt.uid === pod.metadata.uid ? rt : undefined;
      },
    };
    this.unregisterLogs = registerLogSource(this.api, nodeName, (pod, container, previous, until) =>
      serveContainerLog(logNode, pod, container, previous, until),
    );
    for (const pod of this.api.list("pods").items) if (pod.spec.nodeName === nodeName) this.queue(podKey(pod), 0);
  }

  get timings(): KubeletTimings {
    return this.shared.timings;
  }
  get catalogue(): ImageCatalogue {
    return this.shared.catalogue;
  }
  get allowUnknownImages(): boolean {
    return this.shared.allowUnknownImages;
  }
  get probeOverrides(): readonly ProbeOverride[] {
    return this.shared.probeOverrides;
  }
  get random() {
    return this.ctx.random;
  }

  stop(): void {
    this.unwatch();
    this.unregisterLogs();
  }

  event(pod: Pod, c: ContainerRuntime, type: "Normal" | "Warning", reason: string, message: string): void {
    const fieldPath = `spec.${c.init ? "initContainers" : "containers"}{${c.name}}`;
    this.ctx.recorder.record({ component: "kubelet", host: this.nodeName }, pod, type, reason, message, fieldPath);
  }

  /** A pulled image joins node.status.images (largest first, at most 50, as the kubelet reports them). */
  addImage(name: string, imageID: string, sizeBytes: number): void {
    if (this.images.has(name)) return;
    this.images.add(name);
    this.images.add(imageID);
    const node = this.api.get("nodes", undefined, this.nodeName) as Node;
    const images = (node.status?.images ?? []).map((i) => ({ names: [...i.names], sizeBytes: i.sizeBytes }));
    const same = images.find((i) => i.names.includes(imageID));
    if (same) same.names.push(name);
    else images.push({ names: [imageID, name], sizeBytes });
    images.sort((a, b) => b.sizeBytes - a.sizeBytes);
    this.api.updateStatus("nodes", { ...node, status: { ...node.status, images: images.slice(0, MAX_NODE_IMAGES) } }, { fromEngine: true });
  }

  // ---------- watch: queue work only ----------

  private onPod(type: string, pod: Pod): void {
    // Every kubelet sees every pod event; most are for other nodes.
    if (pod.spec.nodeName !== this.nodeName) return;
    const key = podKey(pod);
    const rt = this.pods.get(key);
    const ours = rt !== undefined && rt.uid === pod.metadata.uid;
    if (type === "DELETED") {
      if (ours) this.queue(key, 0);
      return;
    }
    if (pod.spec.nodeName !== this.nodeName) return;
    if (!rt || !ours) this.queue(key, this.timings.reactionMs);
    else if (pod.metadata.deletionTimestamp && rt.terminatingSince === undefined) this.queue(key, this.timings.reactionMs);
  }

  private queue(key: string, delayMs: number): void {
    this.ctx.clock.schedule(this.component, key, delayMs);
  }

  private run(key: string): void {
    try {
      this.sync(key);
    } catch (err) {
      this.ctx.reportError(this.component, err);
    }
  }

  // ---------- the pod worker ----------

  private sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const pod = this.api.find("pods", namespace, name);
    let rt = this.pods.get(key);
    if (!pod || pod.spec.nodeName !== this.nodeName) {
      if (rt) this.forget(key, rt);
      return;
    }
    if (rt && rt.uid !== pod.metadata.uid) {
      this.forget(key, rt);
      rt = undefined;
    }
    const now = this.ctx.clock.now();
    rt ??= this.admit(key, pod, now);
    if (pod.metadata.deletionTimestamp) this.terminate(pod, rt, now);
    else this.advance(pod, rt, now);
    // A process that dies within a relist period of starting is never seen running (PLEG sees it exited).
    const unseen = rt.containers.some(
      (c) => c.phase === "running" && c.startedAt === now && c.exitAt !== undefined && c.exitAt - now < this.timings.relistMs,
    );
    if (!unseen) this.writeStatus(namespace, name, rt, now);
    if (rt.deleteAt !== undefined && rt.deleteAt <= now) {
      this.forget(key, rt);
      try {
        this.api.delete("pods", namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: rt.uid } });
      } catch {
        // Already gone.
      }
      return;
    }
    let next: number | undefined;
    if (rt.sandbox === "creating") next = earlier(next, rt.sandboxDueAt);
    next = earlier(next, rt.deleteAt);
    if (!rt.finalized) for (const c of rt.containers) next = earlier(next, containerDueAt(c));
    if (next !== undefined) this.queue(key, Math.max(0, next - now));
  }

  private forget(key: string, rt: PodRuntime): void {
    this.ipam.release(rt.ip);
    this.pods.delete(key);
  }

  private admit(key: string, pod: Pod, now: number): PodRuntime {
    const rt: PodRuntime = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace ?? "default",
      name: pod.metadata.name!,
      admittedAt: now,
      sandbox: "creating",
      sandboxDueAt: now + this.timings.sandboxMs,
      containers: [
        ...(pod.spec.initContainers ?? []).map((c) => newContainer(c.name, c.image ?? "", true, c.restartPolicy === "Always")),
        ...pod.spec.containers.map((c) => newContainer(c.name, c.image ?? "", false, false)),
      ],
      finalized: false,
    };
    if ((pod.status?.containerStatuses?.length ?? 0) > 0) this.adopt(pod, rt, now);
    this.pods.set(key, rt);
    return rt;
  }

  /** A pod that already has container statuses (a restarted kubelet, a restored cluster): take them as they are. */
  private adopt(pod: Pod, rt: PodRuntime, now: number): void {
    const status = pod.status!;
    const start = parseTime(status.startTime);
    if (!Number.isNaN(start)) rt.admittedAt = start;
    const terminal = status.phase === "Succeeded" || status.phase === "Failed";
    rt.sandbox = terminal ? "stopped" : "ready";
    rt.sandboxDueAt = undefined;
    rt.finalized = terminal;
    if (status.podIP) {
      rt.ip = status.podIP;
      if (!terminal) this.ipam.reserve(status.podIP);
    } else if (!terminal) rt.ip = this.ipam.allocate();
    const all: ContainerStatus[] = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
    for (const c of rt.containers) {
      const s = all.find((x) => x.name === c.name);
      if (!s) continue;
      c.restartCount = s.restartCount;
      if (s.image && s.imageID) {
        c.imageName = s.image;
        c.imageID = s.imageID;
        this.images.add(s.image);
      }
      if (s.lastState?.terminated) c.last = terminatedFrom(s.lastState.terminated);
      const spec = specOf(pod, c);
      if (s.state?.running) {
        c.phase = "running";
        c.everStarted = true;
        c.containerID = stripRuntime(s.containerID);
        c.startedAt = parseTime(s.state.running.startedAt) || now;
        c.behaviour = resolveProcess(imageRecordOf(this, spec.image ?? ""), spec);
        c.exitAt = c.behaviour.exitAfterMs === undefined ? undefined : Math.max(now, c.startedAt + c.behaviour.exitAfterMs);
        c.exitCode = c.behaviour.exitCode ?? 0;
        c.started = s.started ?? true;
        c.ready = s.ready;
      } else if (s.state?.terminated) {
        c.everStarted = true;
        c.containerID = stripRuntime(s.state.terminated.containerID);
        c.terminated = terminatedFrom(s.state.terminated);
        c.phase = "exited";
        c.finished = terminal;
        c.dueAt = terminal ? undefined : now;
      } else if (s.state?.waiting) {
        const r = s.state.waiting.reason;
        if (r && r !== "ContainerCreating" && r !== "PodInitializing") c.waiting = { reason: r, message: s.state.waiting.message };
        c.everStarted = !!s.lastState?.terminated;
      }
    }
  }

  /** Walk every transition that is due, in order, until nothing more is. */
  private advance(pod: Pod, rt: PodRuntime, now: number): void {
    if (rt.finalized) return;
    for (let guard = 0; guard < 10_000; guard++) {
      let progressed = false;
      if (rt.sandbox === "creating" && rt.sandboxDueAt! <= now) {
        rt.sandbox = "ready";
        rt.ip = this.ipam.allocate();
        progressed = true;
      }
      if (rt.sandbox !== "ready") return;
      for (const c of rt.containers) {
        if (!this.mayRun(rt, c)) continue;
        const busy = rt.containers.some((o) => o !== c && (o.phase === "pulling" || o.phase === "creating" || o.phase === "starting"));
        if (stepContainer(this, pod, rt, c, now, !busy)) progressed = true;
      }
      if (this.completed(pod, rt)) {
        rt.sandbox = "stopped";
        this.ipam.release(rt.ip);
        rt.finalized = true;
        return;
      }
      if (!progressed) return;
    }
  }

  /** Init containers run one after another, then the regular containers. */
  private mayRun(rt: PodRuntime, c: ContainerRuntime): boolean {
    for (const o of rt.containers) {
      if (o === c) return true;
      if (!o.init) continue;
      const done = o.sidecar ? o.everStarted : o.phase === "exited" && o.finished && o.terminated?.exitCode === 0;
      if (!done) return false;
    }
    return true;
  }

  /** Nothing left to run: every regular container finished for good, or an init container failed under Never. */
  private completed(pod: Pod, rt: PodRuntime): boolean {
    const initFailed = rt.containers.some((c) => c.init && !c.sidecar && c.finished && (c.terminated?.exitCode ?? 0) !== 0);
    if (initFailed && (pod.spec.restartPolicy ?? "Always") === "Never") return true;
    const regular = rt.containers.filter((c) => !c.init);
    return regular.every((c) => c.phase === "exited" && c.finished);
  }

  /** Graceful deletion: Killing, stop signals bounded by the grace period, final status, then the API delete. */
  private terminate(pod: Pod, rt: PodRuntime, now: number): void {
    if (rt.finalized) {
      rt.deleteAt ??= now;
      return;
    }
    if (rt.terminatingSince === undefined) {
      rt.terminatingSince = now;
      const graceMs = Math.max((pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000, this.timings.minKillGraceMs);
      for (const c of rt.containers) {
        if (c.phase === "running") {
          this.event(pod, c, "Normal", "Killing", `Stopping container ${c.name}`);
          stopContainer(c, now, graceMs);
          if (c.exitAt !== undefined && c.exitAt >= c.stopAt!) c.exitAt = undefined;
        } else {
          if (c.phase !== "exited") c.phase = "waiting";
          c.dueAt = undefined;
          c.retryAt = undefined;
          c.pullRetryAt = undefined;
          c.tickAt = undefined;
          c.finished = true;
        }
      }
    }
    for (const c of rt.containers) {
      if (c.phase !== "running") continue;
      const t = Math.min(c.exitAt ?? Infinity, c.stopAt ?? Infinity);
      if (t <= now) exitContainer(this, pod, rt, c, t, t === c.exitAt ? (c.exitCode ?? 0) : (c.stopExitCode ?? 137));
    }
    if (rt.containers.every((c) => c.phase !== "running")) {
      rt.sandbox = "stopped";
      this.ipam.release(rt.ip);
      rt.finalized = true;
      rt.deleteAt = now + this.timings.cleanupMs;
    }
  }

  private writeStatus(namespace: string, name: string, rt: PodRuntime, now: number): void {
    const pod = this.api.find("pods", namespace, name);
    if (!pod) return;
    const status = buildPodStatus({
      pod,
      runtime: rt,
      hostIP: this.hostIP,
      nowMs: now,
      podIsTerminal: rt.finalized && rt.terminatingSince !== undefined,
    });
    if (deepEqual(status, pod.status)) return;
    this.api.updateStatus("pods", { ...pod, status }, { fromEngine: true });
  }
}

function terminatedFrom(t: NonNullable<ContainerStatus["state"]>["terminated"] & object): Terminated {
  return {
    exitCode: t.exitCode,
    reason: t.reason ?? "",
    message: t.message,
    startedAt: parseTime(t.startedAt) || 0,
    finishedAt: parseTime(t.finishedAt) || 0,
    containerID: stripRuntime(t.containerID) ?? "",
  };
}

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  return b !== undefined && (a === undefined || b < a) ? b : a;
}

function stripRuntime(id: string | undefined): string | undefined {
  return id?.replace(/^[a-z]+:\/\//, "");
}

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}
