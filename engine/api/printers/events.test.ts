import { describe, expect, it } from "vitest";
import type { Event } from "../types.ts";
import { eventColumns, eventTable } from "./events.ts";

const NOW = Date.UTC(2026, 10, 24, 20, 42, 0);

function event(over: Partial<Event> & Record<string, unknown> = {}): Event {
  return {
    metadata: { name: "nginx-deployment.187a9c3e2b1d4f00", namespace: "default" },
    involvedObject: { kind: "Deployment", name: "nginx-deployment", namespace: "default", apiVersion: "apps/v1" },
    reason: "ScalingReplicaSet",
    message: "Scaled up replica set nginx-deployment-7c5ddbdf54 to 1",
    source: { component: "deployment-controller" },
    firstTimestamp: "2026-11-24T20:39:57Z",
    lastTimestamp: "2026-11-24T20:39:57Z",
    count: 1,
    type: "Normal",
    ...over,
  } as Event;
}

describe("event table", () => {
  it("has the 1.32 columns in wide order", () => {
    expect(eventColumns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Last Seen:0",
      "Type:0",
      "Reason:0",
      "Object:0",
      "Subobject:1",
      "Source:1",
      "Message:0",
      "First Seen:1",
      "Count:1",
      "Name:1",
    ]);
    expect(eventColumns.find((c) => c.name === "Name")?.format).toBe("name");
  });

  it("renders a deployment event", () => {
    expect(eventTable.cells(event(), NOW)).toEqual([
      "2m3s",
      "Normal",
      "ScalingReplicaSet",
      "deployment/nginx-deployment",
      "",
      "deployment-controller",
      "Scaled up replica set nginx-deployment-7c5ddbdf54 to 1",
      "2m3s",
      1,
      "nginx-deployment.187a9c3e2b1d4f00",
    ]);
  });

  const cases: [string, Partial<Event> & Record<string, unknown>, number, unknown][] = [
    ["LAST SEEN from lastTimestamp", { firstTimestamp: "2026-11-24T19:41:00Z", lastTimestamp: "2026-11-24T20:41:48Z" }, 0, "12s"],
    ["FIRST SEEN from firstTimestamp", { firstTimestamp: "2026-11-24T19:41:00Z", lastTimestamp: "2026-11-24T20:41:48Z" }, 7, "61m"],
    ["LAST SEEN falls back to FIRST SEEN", { firstTimestamp: "2026-11-24T19:41:00Z", lastTimestamp: null }, 0, "61m"],
    ["FIRST SEEN falls back to eventTime", { firstTimestamp: null, lastTimestamp: null, eventTime: "2026-11-24T20:41:55.123456Z" }, 7, "4s"],
    ["LAST SEEN via eventTime too", { firstTimestamp: null, lastTimestamp: null, eventTime: "2026-11-24T20:41:55.123456Z" }, 0, "4s"],
    ["no times at all", { firstTimestamp: null, lastTimestamp: null }, 0, "<unknown>"],
    [
      "a series overrides LAST SEEN",
      { series: { count: 7, lastObservedTime: "2026-11-24T20:41:30.000000Z" } },
      0,
      "30s",
    ],
    ["a series overrides COUNT", { count: 2, series: { count: 7, lastObservedTime: "2026-11-24T20:41:30.000000Z" } }, 8, 7],
    ["COUNT as recorded", { count: 5 }, 8, 5],
    ["COUNT defaults to 1", { count: undefined }, 8, 1],
    ["OBJECT is lower-case kind/name", { involvedObject: { kind: "ReplicaSet", name: "nginx-7c5ddbdf54" } }, 3, "replicaset/nginx-7c5ddbdf54"],
    ["OBJECT without a name is just the kind", { involvedObject: { kind: "Node" } }, 3, "node"],
    ["SUBOBJECT is the field path", { involvedObject: { kind: "Pod", name: "web-0", fieldPath: "spec.containers{nginx}" } }, 4, "spec.containers{nginx}"],
    ["SOURCE with a host", { source: { component: "kubelet", host: "node-1" } }, 5, "kubelet, node-1"],
    ["SOURCE falls back to reportingComponent/Instance", { source: {}, reportingComponent: "kubelet", reportingInstance: "node-2" }, 5, "kubelet, node-2"],
    ["MESSAGE is trimmed", { message: "  Back-off pulling image \"nginx:nope\"\n" }, 6, 'Back-off pulling image "nginx:nope"'],
  ];
  it.each(cases)("%s", (_name, over, index, want) => {
    expect(eventTable.cells(event(over), NOW)[index]).toEqual(want);
  });
});
