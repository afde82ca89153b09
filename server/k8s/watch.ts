// Watches over HTTP: newline-delimited JSON events on a chunked response, with
// resourceVersion semantics. Each API server gets a cache of recent events (a
// real apiserver's watch cache), so a watch that starts from the
// resourceVersion of an earlier list misses nothing written in between.
import type { ApiServer } from "../../engine/api/server.ts";
import type { StoreEvent } from "../../engine/api/store.ts";
import type { KubeObject, WatchEventType } from "../../engine/api/types.ts";
import { failure } from "./status.ts";

/** Events kept per cluster: enough for any client that lists and then watches. */
const CACHE_SIZE = 10_000;

type Listener = (event: StoreEvent) => void;

export class WatchCache {
  private events: StoreEvent[] = [];
  private listeners = new Set<Listener>();
  /** Events after this resourceVersion are all in the cache. */
  private oldest: number;

  constructor(private readonly api: ApiServer) {
    this.oldest = Number(currentResourceVersion(api));
    api.watchAll((event) => {
      this.events.push(event);
      if (this.events.length > CACHE_SIZE) {
        const dropped = this.events.splice(0, this.events.length - CACHE_SIZE);
        this.oldest = rvOf(dropped[dropped.length - 1]!.object);
      }
      for (const l of [...this.listeners]) l(event);
    });
  }

  /**
   * Replay the cached events after `from` to `listener`, then keep it
   * informed. Undefined when `from` is older than the cache: 410 Expired.
   */
  subscribe(from: number, listener: Listener): (() => void) | undefined {
    if (from < this.oldest) return undefined;
    for (const e of this.events) if (rvOf(e.object) > from) listener(e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  oldestResourceVersion(): number {
    return this.oldest;
  }
}

const caches = new WeakMap<ApiServer, WatchCache>();

/** The cache of `api`, started on its first request (before any list it could follow). */
export function watchCacheFor(api: ApiServer): WatchCache {
  let cache = caches.get(api);
  if (!cache) caches.set(api, (cache = new WatchCache(api)));
  return cache;
}

export function currentResourceVersion(api: ApiServer): string {
  return api.list("namespaces").resourceVersion;
}

function rvOf(obj: KubeObject): number {
  return Number(obj.metadata.resourceVersion ?? 0);
}

export interface WatchFilter {
  resource: string;
  namespace?: string;
  match?: (obj: KubeObject) => boolean;
}

/**
 * What a watcher with this filter sees of a store event, as the apiserver
 * reports it: an object that stops matching the selectors is DELETED, one
 * that starts matching is ADDED.
 */
export function filterEvent(filter: WatchFilter, event: StoreEvent): WatchEventType | undefined {
  if (event.resource !== filter.resource) return undefined;
  const obj = event.object;
  if (filter.namespace !== undefined && obj.metadata.namespace !== filter.namespace) return undefined;
  if (!filter.match) return event.type;
  const now = filter.match(obj);
  const before = event.old !== undefined && filter.match(event.old);
  if (event.type === "DELETED") return before || now ? "DELETED" : undefined;
  if (now) return before ? event.type : "ADDED";
  return before ? "DELETED" : undefined;
}

export interface WatchStreamOptions {
  /** Objects sent first as ADDED (resourceVersion unset or 0, or sendInitialEvents). */
  initial: readonly KubeObject[];
  /** Start after this resourceVersion. */
  from: number;
  /** sendInitialEvents: a bookmark marks the end of the initial events. */
  initialEventsEnd?: { kind: string; apiVersion: string; resourceVersion: string };
  /** Close the stream after this many (wall) seconds. */
  timeoutSeconds?: number;
  /** The JSON for an event's object (the wire form, or a one-row Table). */
  encode(obj: KubeObject): unknown;
  /** Keep virtual time moving while the stream is open. */
  hold?: () => () => void;
}

/** The chunked response of a watch. */
export function watchResponse(cache: WatchCache, filter: WatchFilter, options: WatchStreamOptions): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (type: string, object: unknown) => {
        if (!closed) controller.enqueue(encoder.encode(JSON.stringify({ type, object }) + "\n"));
      };
      for (const obj of options.initial) write("ADDED", options.encode(obj));
      if (options.initialEventsEnd) {
        const end = options.initialEventsEnd;
        write("BOOKMARK", {
          kind: end.kind,
          apiVersion: end.apiVersion,
          metadata: { resourceVersion: end.resourceVersion, creationTimestamp: null, annotations: { "k8s.io/initial-events-end": "true" } },
        });
      }
      const unsubscribe = cache.subscribe(options.from, (event) => {
        const type = filterEvent(filter, event);
        if (type) write(type, options.encode(event.object));
      });
      if (!unsubscribe) {
        // The client relists on this (client-go's reflector does).
        write("ERROR", failure(410, "Expired", `too old resource version: ${options.from} (${cache.oldestResourceVersion()})`));
        closed = true;
        controller.close();
        return;
      }
      const release = options.hold?.() ?? (() => {});
      const timer =
        options.timeoutSeconds !== undefined && options.timeoutSeconds > 0
          ? setTimeout(() => {
              stop();
              try {
                controller.close();
              } catch {
                // already closed by the client
              }
            }, options.timeoutSeconds * 1000)
          : undefined;
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        release();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": "application/json", "cache-control": "no-cache, private"},
  });
}
