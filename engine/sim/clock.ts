// The cluster's discrete-event clock. Work is queued as data (a component name
// and a key), never as closures, so the queue can be snapshotted; entries run
// in (time, sequence) order. Nothing here reads the wall clock.

export interface Task {
  /** Which component handles the task, e.g. "deployment" or "kubelet". */
  readonly component: string;
  /** What to work on, usually "namespace/name". */
  readonly key: string;
}

interface Entry extends Task {
  at: number;
  seq: number;
}

export type TaskHandler = (key: string) => void;

export class Clock {
  private nowMs: number;
  private seq = 0;
  private heap: Entry[] = [];
  /** component -> key -> earliest queued time, so a key is queued once (a work queue). */
  private pending = new Map<string, Map<string, number>>();
  private handlers = new Map<string, TaskHandler>();

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  on(component: string, handler: TaskHandler): void {
    this.handlers.set(component, handler);
  }

  /**
   * Queue `key` for `component` after `delayMs`. Like a client-go work queue, a
   * key already queued at or before that time is not queued twice.
   */
  schedule(component: string, key: string, delayMs = 0): void {
    const at = this.nowMs + Math.max(0, delayMs);
    let keys = this.pending.get(component);
    if (!keys) {
      keys = new Map();
      this.pending.set(component, keys);
    }
    const queued = keys.get(key);
    if (queued !== undefined && queued <= at) return;
    keys.set(key, at);
    this.push({ component, key, at, seq: this.seq++ });
  }

  /** True when nothing is queued. */
  idle(): boolean {
    return this.nextAt() === undefined;
  }

  /** Virtual time of the next queued task, or undefined. */
  nextAt(): number | undefined {
    // Entries superseded by an earlier schedule of the same key are dropped here.
    while (this.heap.length > 0 && !this.live(this.heap[0])) this.pop();
    return this.heap[0]?.at;
  }

  private live(entry: Entry): boolean {
    return this.pending.get(entry.component)?.get(entry.key) === entry.at;
  }

  /** Run every task due up to `untilMs` (inclusive), then set the clock to `untilMs`. */
  runUntil(untilMs: number): void {
    while (this.heap.length > 0 && this.heap[0].at <= untilMs) {
      const entry = this.pop();
      // A later schedule at an earlier time supersedes this entry.
      if (!this.live(entry)) continue;
      this.pending.get(entry.component)!.delete(entry.key);
      if (entry.at > this.nowMs) this.nowMs = entry.at;
      this.handlers.get(entry.component)?.(entry.key);
    }
    if (untilMs > this.nowMs) this.nowMs = untilMs;
  }

  /** Queued tasks in run order (for snapshots and debugging). */
  queued(): Array<Task & { at: number }> {
    return [...this.heap]
      .sort((x, y) => x.at - y.at || x.seq - y.seq)
      .filter((e) => this.live(e))
      .map(({ component, key, at }) => ({ component, key, at }));
  }

  private push(entry: Entry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Entry, y: Entry): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}
