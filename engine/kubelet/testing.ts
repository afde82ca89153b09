// Test helpers for the scheduler and kubelet: the real API server and kinds
// registry on a store, clock and random source of their own, with the
// cluster's nodes registered and no controllers, so a test drives pods
// directly and watches only the components it starts.
import { createRegistry } from "../api/kinds/index.ts";
import { ApiServer } from "../api/server.ts";
import { Store } from "../api/store.ts";
import type { Event, Namespace, Pod } from "../api/types.ts";
import { EventRecorder } from "../client/events.ts";
import type { ComponentContext } from "../context.ts";
import { Clock } from "../sim/clock.ts";
import { Random } from "../sim/random.ts";
import { nodeObjects, registerNodes } from "./node.ts";

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
  eventObjects(name: string): Event[];
  /** Every event write (new event or count bump) about a named object, in order: `Type Reason Message`. */
  eventLog(name: string): string[];
}

/** A store, clock, random source, test API server and the cluster's nodes. */
export function testCluster(options: { seed?: number; workers?: number } = {}): TestCluster {
  const clock = new Clock(TEST_START);
  const random = new Random(options.seed ?? 1);
  const now = () => clock.now();
  const store = new Store(now);
  const api = new ApiServer(createRegistry(), store, now, random);
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
    const ev = e.object as Event;
    log.push({ name: ev.involvedObject.name ?? "", line: `${ev.type} ${ev.reason} ${ev.message}`, at: e.at });
  });
  api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } } as Namespace);
  registerNodes(api, nodeObjects({ workers: options.workers ?? 3, random, nowMs: TEST_START }));
  const eventObjects = (name: string) =>
    store
      .list("events")
      .map((e) => e as Event)
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
