import { describe, expect, it } from "vitest";
import { createCluster } from "../index.ts";
import type { ConfigMap, Event, KubeObject } from "../api/types.ts";
import { EventRecorder } from "./events.ts";

/** A recorder whose clock the test moves, writing to a fresh cluster's API server. */
function setup() {
  const cluster = createCluster({ seed: 1 });
  let nowMs = cluster.now().getTime();
  const recorder = new EventRecorder(cluster.api, () => nowMs);
  const obj = cluster.api.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" } } as ConfigMap) as KubeObject;
  const events = () =>
    (cluster.api.list("events", { namespace: "default" }).items as Event[]).filter((e) => e.involvedObject.name === "cfg");
  return { recorder, obj, events, tick: (ms: number) => (nowMs += ms) };
}

const source = { component: "test-controller" };

describe("event recorder (client-go's correlator)", () => {
  it("writes a repeat as a higher count on the same event", () => {
    const { recorder, obj, events, tick } = setup();
    recorder.record(source, obj, "Normal", "Synced", "all good");
    const first = events()[0]!;
    tick(60_000);
    recorder.record(source, obj, "Normal", "Synced", "all good");
    const all = events();
    expect(all).toHaveLength(1);
    expect(all[0]!.metadata.name).toBe(first.metadata.name);
    expect(all[0]!.count).toBe(2);
    expect(all[0]!.firstTimestamp).toBe(first.firstTimestamp);
    expect(all[0]!.lastTimestamp).not.toBe(first.lastTimestamp);
  });

  it("lets 25 events per object and type through, whatever the field path, then one per 5 minutes", () => {
    const { recorder, obj, events, tick } = setup();
    for (let i = 0; i < 30; i++) recorder.record(source, obj, "Normal", `Step${i}`, "m", `spec.containers{c${i % 3}}`);
    expect(events()).toHaveLength(25);
    tick(299_000);
    recorder.record(source, obj, "Normal", "Late", "m");
    expect(events()).toHaveLength(25);
    tick(1_000);
    recorder.record(source, obj, "Normal", "Later", "m");
    expect(events().map((e) => e.reason)).toContain("Later");
    // Warnings have a budget of their own.
    recorder.record(source, obj, "Warning", "Bad", "m");
    expect(events().map((e) => e.reason)).toContain("Bad");
  });

  it("counts repeats the spam filter dropped in the next one it writes", () => {
    const { recorder, obj, events, tick } = setup();
    for (let i = 0; i < 30; i++) recorder.record(source, obj, "Warning", "BackOff", "Back-off restarting failed container");
    expect(events()[0]!.count).toBe(25);
    tick(300_000);
    recorder.record(source, obj, "Warning", "BackOff", "Back-off restarting failed container");
    expect(events()).toHaveLength(1);
    expect(events()[0]!.count).toBe(31);
  });

  it("combines the tenth distinct message of one reason into a similar-events event", () => {
    const { recorder, obj, events } = setup();
    for (let i = 1; i <= 10; i++) recorder.record(source, obj, "Normal", "Scaled", `scaled to ${i}`, "spec.x");
    const all = events();
    expect(all).toHaveLength(10);
    const combined = all.find((e) => e.message?.startsWith("(combined from similar events)"))!;
    expect(combined.message).toBe("(combined from similar events): scaled to 10");
    expect(combined.involvedObject.fieldPath).toBe("spec.x");
    expect(combined.reportingComponent).toBe("");
    expect(all.find((e) => e.message === "scaled to 9")!.reportingComponent).toBe("test-controller");
    // An eleventh message updates the combined event.
    recorder.record(source, obj, "Normal", "Scaled", "scaled to 11", "spec.x");
    expect(events().find((e) => e.metadata.name === combined.metadata.name)!.count).toBe(2);
  });
});
