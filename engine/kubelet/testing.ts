// Test-only: a minimal API server with the methods the scheduler and kubelet
// use (get, find, list, watch, create, update, updateStatus, delete, bind) on
// the real Store, so their tests run before the full ApiServer and kinds
// registry are wired. Semantics kept: resourceVersion conflicts, frozen
// objects, graceful pod deletion (deletionTimestamp, then the kubelet's
// delete with grace 0), the binding subresource. Not for production use.
import type { ApiServer } from "../api/server.ts";
import { Store } from "../api/store.ts";
import type { KubeObject, Pod, WatchEvent } from "../api/types.ts";
import { EventRecorder } from "../client/events.ts";
import type { ComponentContext } from "../context.ts";
import { Clock } from "../sim/clock.ts";
import { Random } from "../sim/random.ts";
import { deepClone } from "../util/json.ts";
import { rfc3339 } from "../util/time.ts";
import { computePodQOS } from "../api/validation/qos.ts";
import { nodeObjects } from "./node.ts";

export class TestApiError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const NAMESPACED = new Set(["pods", "events"]);
const KINDS: Record<string, string> = { pods: "Pod", nodes: "Node", events: "Event", namespaces: "Namespace" };

export class TestApiServer {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly random: Random,
  ) {}

  get(resource: string, namespace: string | undefined, name: string): KubeObject {
    const obj = this.find(resource, namespace, name);
    if (!obj) throw new TestApiError("NotFound", `${resource} "${name}" not found`);
    return obj;
  }

  find(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(resource, NAMESPACED.has(resource) ? (namespace ?? "default") : undefined, name);
  }

  list(resource: string, options: { namespace?: string } = {}): { items: KubeObject[]; resourceVersion: string } {
    return { items: this.store.list(resource, options.namespace), resourceVersion: this.store.resourceVersion() };
  }

  watch(resource: string, _options: unknown, handler: (e: WatchEvent) => void): () => void {
    return this.store.subscribe((e) => {
      if (e.resource === resource) handler({ type: e.type, object: e.object });
    });
  }

  create(resource: string, input: KubeObject): KubeObject {
    const obj = deepClone(input);
    obj.kind ??= KINDS[resource];
    obj.apiVersion ??= "v1";
    const meta = obj.metadata;
    if (NAMESPACED.has(resource)) meta.namespace ??= "default";
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.random.string(5);
    if (this.find(resource, meta.namespace, meta.name!)) throw new TestApiError("AlreadyExists", `${resource} "${meta.name}" already exists`);
    meta.uid = this.random.uuid();
    meta.creationTimestamp = rfc3339(this.now());
    if (resource === "pods") {
      const pod = obj as Pod;
      pod.spec.schedulerName ??= "default-scheduler";
      pod.spec.restartPolicy ??= "Always";
      pod.spec.terminationGracePeriodSeconds ??= 30;
      pod.status = { phase: "Pending", qosClass: computePodQOS(pod.spec) };
    }
    meta.resourceVersion = this.store.nextResourceVersion();
    this.store.put(resource, obj);
    return obj;
  }

  update(resource: string, input: KubeObject): KubeObject {
    const old = this.get(resource, input.metadata.namespace, input.metadata.name!);
    const obj = deepClone(input);
    (obj as { status?: unknown }).status = (old as { status?: unknown }).status;
    return this.write(resource, old, obj);
  }

  updateStatus(resource: string, input: KubeObject): KubeObject {
    const old = this.get(resource, input.metadata.namespace, input.metadata.name!);
    const obj = deepClone(old);
    (obj as { status?: unknown }).status = deepClone((input as { status?: unknown }).status);
    obj.metadata.resourceVersion = input.metadata.resourceVersion;
    return this.write(resource, old, obj);
  }

  private write(resource: string, old: KubeObject, obj: KubeObject): KubeObject {
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw new TestApiError("Conflict", "the object has been modified; please apply your changes to the latest version and try again");
    }
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put(resource, obj);
    return obj;
  }

  delete(
    resource: string,
    namespace: string | undefined,
    name: string,
    options: { gracePeriodSeconds?: number; preconditions?: { uid?: string } } = {},
  ): KubeObject {
    const old = this.get(resource, namespace, name);
    if (options.preconditions?.uid && options.preconditions.uid !== old.metadata.uid) {
      throw new TestApiError("Conflict", "Precondition failed");
    }
    const obj = deepClone(old);
    let grace = 0;
    if (resource === "pods") {
      const pod = old as Pod;
      grace = options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      const phase = pod.status?.phase;
      if (!pod.spec.nodeName || phase === "Succeeded" || phase === "Failed") grace = 0;
      if (old.metadata.deletionTimestamp && grace >= (old.metadata.deletionGracePeriodSeconds ?? 0)) return old;
    }
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    if (grace === 0) {
      this.store.remove(resource, obj);
      return obj;
    }
    obj.metadata.deletionTimestamp = rfc3339(this.now() + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    this.store.put(resource, obj);
    return obj;
  }

  bind(namespace: string, name: string, nodeName: string): Pod {
    const old = this.get("pods", namespace, name) as Pod;
    if (old.metadata.deletionTimestamp) throw new TestApiError("Conflict", "pod is being deleted, cannot be assigned to a host");
    if (old.spec.nodeName) throw new TestApiError("Conflict", `pod ${name} is already assigned to node "${old.spec.nodeName}"`);
    const pod = deepClone(old);
    pod.spec.nodeName = nodeName;
    const status = (pod.status ??= {});
    const conditions = (status.conditions ?? []).filter((c) => c.type !== "PodScheduled");
    conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(this.now()) });
    status.conditions = conditions;
    pod.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put("pods", pod);
    return pod;
  }
}

export const TEST_START = Date.parse("2026-01-05T09:00:00Z");

export interface TestCluster {
  api: ApiServer;
  clock: Clock;
  ctx: ComponentContext;
  errors: unknown[];
  /** Run the clock forward by `ms`. */
  advance(ms: number): void;
  /** Run until `predicate` holds (checked after each task), at most `maxMs`. */
  runUntil(predicate: () => boolean, maxMs?: number): boolean;
  pod(name: string, namespace?: string): Pod;
  /** Events about an object, in creation order, as `Type Reason Message` lines. */
  events(name: string): string[];
  /** The full Event objects about a named object. */
  eventObjects(name: string): import("../api/types.ts").Event[];
  /** Every event write (new event or count bump) about a named object, in order: `Type Reason Message`. */
  eventLog(name: string): string[];
}

/** A store, clock, random source, test API server and the cluster's nodes. */
export function testCluster(options: { seed?: number; workers?: number } = {}): TestCluster {
  const clock = new Clock(TEST_START);
  const random = new Random(options.seed ?? 1);
  const now = () => clock.now();
  const store = new Store(now);
  const api = new TestApiServer(store, now, random) as unknown as ApiServer;
  const errors: unknown[] = [];
  const ctx: ComponentContext = {
    api,
    clock,
    random,
    recorder: new EventRecorder(api, now),
    reportError: (_c, err) => {
      errors.push(err);
    },
  };
  const log: Array<{ name: string; line: string; at: number }> = [];
  store.subscribe((e) => {
    if (e.resource !== "events" || e.type === "DELETED") return;
    const ev = e.object as import("../api/types.ts").Event;
    log.push({ name: ev.involvedObject.name ?? "", line: `${ev.type} ${ev.reason} ${ev.message}`, at: e.at });
  });
  for (const node of nodeObjects({ workers: options.workers ?? 3, random, nowMs: TEST_START })) api.create("nodes", node);
  const eventObjects = (name: string) =>
    store
      .list("events")
      .map((e) => e as import("../api/types.ts").Event)
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  return {
    api,
    clock,
    ctx,
    errors,
    advance: (ms) => clock.runUntil(clock.now() + ms),
    runUntil(predicate, maxMs = 600_000) {
      const limit = clock.now() + maxMs;
      while (!predicate()) {
        const next = clock.nextAt();
        if (next === undefined || next > limit) return false;
        clock.runUntil(next);
      }
      return true;
    },
    pod: (name, namespace = "default") => api.get("pods", namespace, name),
    events: (name) => eventObjects(name).map((e) => `${e.type} ${e.reason} ${e.message}`),
    eventObjects,
    eventLog: (name) => log.filter((l) => l.name === name).map((l) => l.line),
  };
}

/** A pod manifest with one container. */
export function podManifest(name: string, spec: Partial<Pod["spec"]> & { image?: string } = {}): Pod {
  const { image, ...rest } = spec;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels: { run: name } },
    spec: { containers: [{ name, image: image ?? "nginx:1.14.2" }], ...rest },
  };
}
