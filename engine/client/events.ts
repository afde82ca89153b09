// The event recorder controllers and the kubelet use (client-go's
// tools/record): writes core/v1 Events, merges repeats into a count, folds
// floods of similar events into "(combined from similar events)", and drops
// events beyond the per-object spam budget. See deployment-controller.md §14.
import type { ApiServer } from "../api/server.ts";
import type { Event, KubeObject, ObjectReference } from "../api/types.ts";
import { LruMap } from "../util/lru.ts";
import { rfc3339 } from "../util/time.ts";

const AGGREGATE_MAX_DISTINCT = 10;
const AGGREGATE_WINDOW_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
/** client-go keeps its correlation caches in LRUs of this size. */
const CACHE_SIZE = 4096;

interface Similar {
  localKeys: Set<string>;
  lastMs: number;
}

interface Bucket {
  tokens: number;
  lastMs: number;
}

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private seen = new LruMap<string, { name: string; namespace: string; count: number; first: string }>(CACHE_SIZE);
  private similar = new LruMap<string, Similar>(CACHE_SIZE);
  private buckets = new LruMap<string, Bucket>(CACHE_SIZE);
  private lastMs = -1;
  private sameMsCount = 0;

  constructor(
    private readonly api: ApiServer,
    private readonly now: () => number,
  ) {}

  /**
   * Record an event about `obj` (a stored object) from `source`. Like
   * client-go's recorder, a failed write (say, in a namespace being deleted)
   * is dropped, never passed on to the component.
   */
  record(
    source: EventSource,
    obj: KubeObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    try {
      this.write(source, obj, type, reason, message, fieldPath);
    } catch {
      // dropped, as a real recorder drops events it cannot write
    }
  }

  /**
   * client-go's EventCorrelate, in its order: aggregate similar events,
   * observe repeats (the count goes up even for a repeat the spam filter then
   * drops, so the next one written carries it), and only then the spam filter.
   * Keys name the object by uid (unique in a cluster, so it stands for the
   * kind, namespace, name and apiVersion client-go's keys spell out): short
   * keys are cheaper to hash than long concatenations.
   */
  private write(
    source: EventSource,
    obj: KubeObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    const ref = referenceTo(obj, fieldPath);
    const nowMs = this.now();
    const objectId = ref.uid || `${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
    const spamKey = `${source.component}\u0000${source.host ?? ""}\u0000${objectId}\u0000${type}`;

    // Similar events (same object, type, reason; new message) fold after 10 distinct messages.
    const aggregateKey = `${spamKey}\u0000${reason}`;
    const localKey = `${fieldPath ?? ""}\u0000${message}`;
    let group = this.similar.get(aggregateKey);
    if (!group || nowMs - group.lastMs > AGGREGATE_WINDOW_MS) group = { localKeys: new Set(), lastMs: nowMs };
    group.localKeys.add(localKey);
    group.lastMs = nowMs;
    this.similar.set(aggregateKey, group);
    let dedupKey = `${aggregateKey}\u0000${localKey}`;
    let combined = false;
    if (group.localKeys.size >= AGGREGATE_MAX_DISTINCT) {
      // Go pops an arbitrary key here (map order); we drop the oldest.
      group.localKeys.delete(group.localKeys.values().next().value!);
      message = `(combined from similar events): ${message}`;
      dedupKey = aggregateKey;
      combined = true;
    }

    const timestamp = rfc3339(nowMs);
    const previous = this.seen.get(dedupKey);
    const count = previous ? previous.count + 1 : 1;
    const name = previous?.name ?? `${ref.name}.${this.uniqueNanos(nowMs)}`;
    const first = previous?.first ?? timestamp;
    const namespace = ref.namespace || "default";
    this.seen.set(dedupKey, { name, namespace, count, first });

    if (!this.allow(spamKey, nowMs)) return;

    const current = previous ? this.api.find("events", namespace, name) : undefined;
    if (current) {
      this.api.update("events", { ...current, count, lastTimestamp: timestamp, message }, { fromEngine: true });
      return;
    }
    // A first occurrence, or a repeat whose event is gone: written whole (client-go
    // creates it again, with the name and count it would have patched).
    const event: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: first,
      lastTimestamp: timestamp,
      count,
      type,
      eventTime: null,
      // client-go's combined event is built without the reporting fields.
      reportingComponent: combined ? "" : source.component,
      reportingInstance: combined ? "" : (source.host ?? ""),
    };
    this.api.create("events", event, { fromEngine: true });
  }

  /** Token bucket per source, object and type: 25 events, then one per 5 minutes. */
  private allow(key: string, nowMs: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: SPAM_BURST, lastMs: nowMs };
      this.buckets.set(key, bucket);
    }
    const refill = Math.floor((nowMs - bucket.lastMs) / SPAM_REFILL_MS);
    if (refill > 0) {
      bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + refill);
      bucket.lastMs += refill * SPAM_REFILL_MS;
    }
    if (bucket.tokens <= 0) return false;
    bucket.tokens--;
    return true;
  }

  /** Event names end in the creation time in hex nanoseconds; keep them unique within a millisecond. */
  private uniqueNanos(nowMs: number): string {
    if (nowMs === this.lastMs) this.sameMsCount++;
    else {
      this.lastMs = nowMs;
      this.sameMsCount = 0;
    }
    return (BigInt(nowMs) * 1_000_000n + BigInt(this.sameMsCount * 1000)).toString(16);
  }
}

export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (!ref.namespace) delete ref.namespace;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
