import { describe, expect, it } from "vitest";
import { Clock } from "../../engine/sim/clock.ts";
import { Random, SAFE_ALPHABET } from "../../engine/sim/random.ts";

describe("Clock", () => {
  it("runs tasks in (time, sequence) order and moves time to each task", () => {
    const clock = new Clock(1000);
    const seen: string[] = [];
    clock.on("a", (key) => seen.push(`a:${key}@${clock.now()}`));
    clock.on("b", (key) => seen.push(`b:${key}@${clock.now()}`));
    clock.schedule("a", "x", 20);
    clock.schedule("b", "y", 10);
    clock.schedule("a", "z", 10);
    clock.runUntil(1015);
    expect(seen).toEqual(["b:y@1010", "a:z@1010"]);
    expect(clock.now()).toBe(1015);
    clock.runUntil(2000);
    expect(seen).toEqual(["b:y@1010", "a:z@1010", "a:x@1020"]);
    expect(clock.idle()).toBe(true);
  });

  it("queues a key once, at its earliest time", () => {
    const clock = new Clock(0);
    let runs = 0;
    clock.on("c", () => runs++);
    clock.schedule("c", "k", 50);
    clock.schedule("c", "k", 100);
    clock.schedule("c", "k", 10);
    expect(clock.queued()).toEqual([{ component: "c", key: "k", at: 10 }]);
    clock.runUntil(1000);
    expect(runs).toBe(1);
  });

  it("lets a task schedule work that runs in the same advance", () => {
    const clock = new Clock(0);
    const seen: number[] = [];
    clock.on("c", (key) => {
      seen.push(clock.now());
      if (key === "first") clock.schedule("c", "second", 5);
    });
    clock.schedule("c", "first", 0);
    clock.runUntil(100);
    expect(seen).toEqual([0, 5]);
  });
});

describe("Random", () => {
  it("is deterministic per seed", () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
  });

  it("draws name suffixes from Kubernetes' alphabet", () => {
    const r = new Random(1);
    for (let i = 0; i < 200; i++) {
      const s = r.string(5);
      expect(s).toHaveLength(5);
      for (const ch of s) expect(SAFE_ALPHABET).toContain(ch);
    }
  });

  it("makes version-4 UUIDs", () => {
    const r = new Random(3);
    const uuid = r.uuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.uuid()).not.toBe(uuid);
  });

  it("spreads int(n) over the whole range", () => {
    const r = new Random(11);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[r.int(4)]++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });
});

describe("Clock idleness", () => {
  it("is idle once the only entries left were superseded", () => {
    const clock = new Clock(0);
    clock.on("c", () => {});
    clock.schedule("c", "k", 100);
    clock.schedule("c", "k", 10);
    clock.runUntil(50);
    expect(clock.idle()).toBe(true);
    expect(clock.nextAt()).toBeUndefined();
  });
});
