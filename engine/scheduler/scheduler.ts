// kube-scheduler's default profile for the simulated cluster. It watches pods
// that have no node and name the default scheduler, filters and scores the
// nodes, and binds each pod through the pods/binding subresource.
//
// Retries (documented choice): a pod that fits nowhere is retried when
// something that could help happens — an assigned pod is deleted or finishes,
// a node is added or its schedulable properties change, or the pod itself is
// updated — after the real per-pod back-off (1 s doubling to 10 s). Without
// such a change the real scheduler also retries every ~5 minutes (the
// unschedulable-pods flush, a 30 s tick for pods older than 5 min); we do that
// `flushRetries` times (default 1) and then wait for a change, so a cluster
// whose only news is a pending pod goes idle instead of polling forever.
import type { ComponentContext } from "../context.ts";
import { REACTION_MS } from "../context.ts";
import type { Node, Pod, PodCondition } from "../api/types.ts";
import { rfc3339 } from "../util/time.ts";
import { filterNode, type FilterStatus } from "./filters.ts";
import { fitErrorMessage } from "./fit-error.ts";
import { holdsResources, NodeInfoCache, RequestCache, type NodeInfo } from "./node-info.ts";
import { scoreNodes } from "./scoring.ts";

export const SCHEDULER_NAME = "default-scheduler";
const COMPONENT = "scheduler";

export interface SchedulerOptions {
  /** Unschedulable-pod flush retries without a cluster change (default 1). */
  flushRetries?: number;
}

const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const FLUSH_AFTER_MS = 300_000;
const FLUSH_TICK_MS = 30_000;

interface Pending {
  uid: string;
  attempts: number;
  lastAttemptMs: number;
  flushes: number;
  /** Why the queued retry was queued. */
  trigger: "new" | "event" | "flush";
}

export interface Scheduler {
  stop(): void;
}

export function startScheduler(ctx: ComponentContext, options: SchedulerOptions = {}): Scheduler {
  return new DefaultScheduler(ctx, options);
}

class DefaultScheduler implements Scheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly requests = new RequestCache();
  private readonly cache = new NodeInfoCache(this.requests);
  private readonly terminal = new Set<string>();
  private readonly nodeShapes = new Map<string, string>();
  private readonly startMs: number;
  private readonly flushRetries: number;
  private readonly unwatch: Array<() => void> = [];
  /** Key of the pod whose status we are writing: its watch event is our own echo. */
  private writing: string | undefined;

  constructor(
    private readonly ctx: ComponentContext,
    options: SchedulerOptions,
  ) {
    this.startMs = ctx.clock.now();
    this.flushRetries = options.flushRetries ?? 1;
    ctx.clock.on(COMPONENT, (key) => this.run(key));
    for (const node of ctx.api.list("nodes").items) {
      this.nodeShapes.set(node.metadata.name!, nodeShape(node));
      this.cache.setNode(node);
    }
    for (const pod of ctx.api.list("pods").items) this.cache.setPod(pod, false);
    this.unwatch.push(ctx.api.watch("pods", {}, (e) => this.onPod(e.type, e.object)));
    this.unwatch.push(ctx.api.watch("nodes", {}, (e) => this.onNode(e.type, e.object)));
    for (const pod of ctx.api.list("pods").items) if (this.responsibleFor(pod)) this.enqueueNew(pod);
  }

  stop(): void {
    for (const u of this.unwatch.splice(0)) u();
  }

  private responsibleFor(pod: Pod): boolean {
    const phase = pod.status?.phase;
    return (
      !pod.spec.nodeName &&
      (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
      !pod.metadata.deletionTimestamp &&
      phase !== "Succeeded" &&
      phase !== "Failed"
    );
  }

  private enqueueNew(pod: Pod): void {
    const key = podKey(pod);
    const existing = this.pending.get(key);
    if (existing && existing.uid === pod.metadata.uid) return;
    this.pending.set(key, { uid: pod.metadata.uid!, attempts: 0, lastAttemptMs: 0, flushes: 0, trigger: "new" });
    this.ctx.clock.schedule(COMPONENT, key, REACTION_MS.scheduler);
  }

  // ---------- watches: only queue work, never write ----------

  private onPod(type: string, pod: Pod): void {
    const key = podKey(pod);
    const uid = pod.metadata.uid ?? "";
    this.cache.setPod(pod, type === "DELETED");
    if (type === "DELETED") {
      this.terminal.delete(uid);
      if (this.pending.get(key)?.uid === uid) this.pending.delete(key);
      if (holdsResources(pod)) this.retryAll();
      return;
    }
    if (this.responsibleFor(pod)) {
      // Our own condition write comes back as a watch event: nothing changed for us.
      if (this.writing === key) return;
      const entry = this.pending.get(key);
      if (!entry || entry.uid !== uid) return this.enqueueNew(pod);
      if (entry.attempts > 0) this.retry(key, entry);
      return;
    }
    if (pod.spec.nodeName && !holdsResources(pod) && !this.terminal.has(uid)) {
      // A pod on a node finished: its requests are free again.
      this.terminal.add(uid);
      this.retryAll();
    }
  }

  private onNode(type: string, node: Node): void {
    const name = node.metadata.name!;
    if (type === "DELETED") {
      this.nodeShapes.delete(name);
      this.cache.removeNode(name);
      return;
    }
    this.cache.setNode(node);
    const shape = nodeShape(node);
    if (this.nodeShapes.get(name) === shape) return;
    this.nodeShapes.set(name, shape);
    this.retryAll();
  }

  private retryAll(): void {
    for (const [key, entry] of this.pending) if (entry.attempts > 0) this.retry(key, entry);
  }

  /** Move a pod back to the active queue once its back-off has passed. */
  private retry(key: string, entry: Pending): void {
    const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, entry.attempts - 1));
    const now = this.ctx.clock.now();
    const at = Math.max(now + REACTION_MS.scheduler, entry.lastAttemptMs + backoff);
    entry.trigger = "event";
    this.ctx.clock.schedule(COMPONENT, key, at - now);
  }

  // ---------- the scheduling cycle ----------

  private run(key: string): void {
    try {
      this.scheduleOne(key);
    } catch (err) {
      this.ctx.reportError(COMPONENT, err);
    }
  }

  private scheduleOne(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.api.find("pods", namespace, name);
    if (!pod || pod.metadata.uid !== entry.uid || !this.responsibleFor(pod)) {
      this.pending.delete(key);
      return;
    }
    if (entry.trigger === "flush") entry.flushes++;
    else if (entry.trigger === "event") entry.flushes = 0;

    const infos = this.cache.infos();
    const request = this.requests.get(pod);
    const statuses: FilterStatus[] = [];
    const feasible: NodeInfo[] = [];
    for (const info of infos) {
      const status = filterNode(pod, request.exact, info);
      if (status) statuses.push(status);
      else feasible.push(info);
    }
    if (feasible.length === 0) {
      const priority = pod.spec.priority ?? 0;
      const message = fitErrorMessage(pod, statuses, (i) =>
        countLowerPriority(infos[i]!, priority),
      );
      this.failed(pod, key, entry, message);
      return;
    }
    const chosen = feasible.length === 1 ? feasible[0]!.name : this.selectHost(pod, feasible, infos, request);
    this.pending.delete(key);
    try {
      this.ctx.api.bind(namespace, name, chosen);
    } catch (err) {
      // Deleted or bound by someone else in the meantime: nothing to do.
      return;
    }
    this.ctx.recorder.record({ component: SCHEDULER_NAME }, pod, "Normal", "Scheduled", `Successfully assigned ${namespace}/${name} to ${chosen}`);
  }

  /** Highest total score; ties broken uniformly at random, as selectHost's reservoir sampling does. */
  private selectHost(pod: Pod, feasible: NodeInfo[], infos: NodeInfo[], request: ReturnType<RequestCache["get"]>): string {
    const scores = scoreNodes(pod, feasible, infos, request);
    let best = scores[0]!;
    let ties = 1;
    for (let i = 1; i < scores.length; i++) {
      const s = scores[i]!;
      if (s.total > best.total) {
        best = s;
        ties = 1;
      } else if (s.total === best.total) {
        ties++;
        if (this.ctx.random.int(ties) === 0) best = s;
      }
    }
    return best.name;
  }

  private failed(pod: Pod, key: string, entry: Pending, message: string): void {
    const now = this.ctx.clock.now();
    entry.attempts++;
    entry.lastAttemptMs = now;
    this.ctx.recorder.record({ component: SCHEDULER_NAME }, pod, "Warning", "FailedScheduling", truncate(message));
    this.writeCondition(pod, key, {
      type: "PodScheduled",
      status: "False",
      lastTransitionTime: rfc3339(now),
      reason: "Unschedulable",
      message,
    });
    if (entry.flushes < this.flushRetries) {
      entry.trigger = "flush";
      this.ctx.clock.schedule(COMPONENT, key, this.nextFlushMs(now) - now);
    }
  }

  /** The first flush tick (every 30 s since start) at which the pod has waited more than 5 minutes. */
  private nextFlushMs(lastAttemptMs: number): number {
    const due = lastAttemptMs + FLUSH_AFTER_MS;
    const ticks = Math.floor((due - this.startMs) / FLUSH_TICK_MS) + 1;
    return this.startMs + ticks * FLUSH_TICK_MS;
  }

  /** Set a condition as podutil.UpdatePodCondition does (no write when nothing changes). */
  private writeCondition(pod: Pod, key: string, condition: PodCondition): void {
    const conditions = [...(pod.status?.conditions ?? [])];
    const i = conditions.findIndex((c) => c.type === condition.type);
    if (i >= 0) {
      const old = conditions[i]!;
      if (old.status === condition.status) condition.lastTransitionTime = old.lastTransitionTime;
      if (old.status === condition.status && old.reason === condition.reason && old.message === condition.message) return;
      conditions[i] = condition;
    } else {
      conditions.push(condition);
    }
    this.writing = key;
    try {
      this.ctx.api.updateStatus("pods", { ...pod, status: { ...pod.status, conditions } }, { fromEngine: true });
    } finally {
      this.writing = undefined;
    }
  }
}

/** Event notes are capped at 1024 bytes (NoteLengthLimit); the condition keeps the whole text. */
function truncate(message: string): string {
  return message.length <= 1024 ? message : `${message.slice(0, 1020)} ...`;
}

/** What about a node can change a scheduling decision. */
function nodeShape(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === "Ready")?.status;
  return JSON.stringify([
    node.spec.unschedulable ?? false,
    node.spec.taints ?? [],
    node.metadata.labels ?? {},
    node.status?.allocatable ?? {},
    ready,
  ]);
}

function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

function countLowerPriority(info: NodeInfo, priority: number): number {
  let n = 0;
  for (const p of info.pods.values()) if ((p.spec.priority ?? 0) < priority) n++;
  return n;
}
