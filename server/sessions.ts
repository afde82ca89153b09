// Sandboxes: one simulated cluster per session, kept in memory (persistence
// comes later), each behind its own random bearer token. Virtual time follows
// the wall clock lazily: a request first advances the cluster by the wall
// time since the previous one (times the session's speed); an open watch
// keeps a timer doing so; an idle session costs nothing.
import { createCluster, type Cluster } from "../engine/index.ts";
import type { K8sBackend } from "./k8s/backend.ts";

export interface SessionStoreOptions {
  /** Virtual ms per wall ms (tests run rollouts faster); default 1. */
  speed?: number;
  /** The most virtual time one catch-up may add (a server asleep for days does not replay them); default 1 hour. */
  maxGapMs?: number;
  /** How often an open watch advances the clock, in wall ms; default 100. */
  tickMs?: number;
  /** The wall clock (tests may drive it). */
  wallClock?: () => number;
}

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compare two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ (y[i % Math.max(y.length, 1)] ?? 0);
  return diff === 0;
}

export class Session implements K8sBackend {
  readonly api;
  private lastWall: number;
  private holds = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly id: string,
    private readonly token: string,
    readonly cluster: Cluster,
    private readonly options: Required<SessionStoreOptions>,
  ) {
    this.api = cluster.api;
    this.lastWall = options.wallClock();
  }

  authorized(token: string | undefined): boolean {
    return token !== undefined && constantTimeEqual(token, this.token);
  }

  now(): number {
    return this.cluster.nowMs();
  }

  /** Advance virtual time by the wall time since the last call. */
  sync(): void {
    const wall = this.options.wallClock();
    const gap = Math.min(wall - this.lastWall, this.options.maxGapMs);
    this.lastWall = wall;
    if (gap > 0) this.cluster.advance(gap * this.options.speed);
  }

  /** While a watch is open, time moves on its own. */
  hold(): () => void {
    this.holds++;
    this.timer ??= setInterval(() => this.sync(), this.options.tickMs);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.sync();
      if (--this.holds === 0 && this.timer !== undefined) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /**
   * How a blocking shell command (rollout status, get -w, sleep) lets
   * virtual time pass: on the wall clock at the session's speed. The engine
   * advances the cluster afterwards, so the slept wall time is marked spent.
   */
  async wait(virtualMs: number, signal?: AbortSignal): Promise<void> {
    this.sync();
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, virtualMs / this.options.speed);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done);
    });
    this.lastWall = this.options.wallClock();
  }

  /** Stop the watch timer (server shutdown, tests). */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly options: Required<SessionStoreOptions>;

  constructor(options: SessionStoreOptions = {}) {
    this.options = {
      speed: options.speed ?? 1,
      maxGapMs: options.maxGapMs ?? 3_600_000,
      tickMs: options.tickMs ?? 100,
      wallClock: options.wallClock ?? (() => Date.now()),
    };
    if (!(this.options.speed > 0)) throw new RangeError(`speed must be > 0, got ${options.speed}`);
  }

  /** A new playground: its cluster's clock starts at the wall clock (kubectl computes some ages from its own clock). */
  create(): { session: Session; token: string } {
    let id = randomHex(8);
    while (this.sessions.has(id)) id = randomHex(8);
    const token = randomHex(32);
    const start = new Date(Math.floor(this.options.wallClock() / 1000) * 1000).toISOString();
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]! || 1;
    const session = new Session(id, token, createCluster({ startTime: start, seed }), this.options);
    this.sessions.set(id, session);
    return { session, token };
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
  }
}
