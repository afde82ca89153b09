// The cluster's timeline: every write, in order, with its virtual time. Grading
// marks the start of a step and reads what happened since. Entries share the
// stored (frozen) objects, so an entry costs a few fields, not a copy.
import type { StoreEvent } from "./api/store.ts";
import type { KubeObject, WatchEventType } from "./api/types.ts";

export interface TimelineEntry {
  /** Virtual time, ms since the epoch. */
  at: number;
  type: WatchEventType;
  resource: string;
  namespace?: string;
  name: string;
  resourceVersion: string;
  object: KubeObject;
}

/** Past this many entries since the last mark, the oldest are dropped. */
const MAX_ENTRIES = 100_000;

export class Timeline {
  private list: TimelineEntry[] = [];
  private dropped = 0;

  record(e: StoreEvent): void {
    const m = e.object.metadata;
    this.list.push({
      at: e.at,
      type: e.type,
      resource: e.resource,
      namespace: m.namespace,
      name: m.name!,
      resourceVersion: m.resourceVersion!,
      object: e.object,
    });
    if (this.list.length > MAX_ENTRIES) {
      const excess = this.list.length - MAX_ENTRIES;
      this.list.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** Forget everything so far: entries() now starts here. */
  mark(): void {
    this.list = [];
    this.dropped = 0;
  }

  /** Writes since the last mark, in order. */
  entries(): readonly TimelineEntry[] {
    return this.list;
  }

  /** How many early entries were dropped to stay within the cap. */
  get truncated(): number {
    return this.dropped;
  }
}
