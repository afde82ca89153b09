import { describe, expect, it } from "vitest";
import type { Deployment } from "../types.ts";
import { deploymentColumns, deploymentTable } from "./deployments.ts";

const NOW = Date.UTC(2026, 10, 24, 20, 42, 0);

function deployment(over: Partial<Deployment["spec"]> = {}, status: Deployment["status"] = {}): Deployment {
  return {
    metadata: { name: "nginx-deployment", creationTimestamp: "2026-11-24T19:41:00Z" },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "nginx" } },
      template: { spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } },
      ...over,
    },
    status,
  };
}

describe("deployment table", () => {
  it("has the 1.32 columns", () => {
    expect(deploymentColumns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0",
      "Ready:0",
      "Up-to-date:0",
      "Available:0",
      "Age:0",
      "Containers:1",
      "Images:1",
      "Selector:1",
    ]);
  });

  const cases: [string, Deployment, unknown[]][] = [
    [
      "READY is ready (not available) over desired",
      deployment({}, { replicas: 4, readyReplicas: 3, updatedReplicas: 1, availableReplicas: 2 }),
      ["nginx-deployment", "3/3", 1, 2, "61m", "nginx", "nginx:1.16.1", "app=nginx"],
    ],
    ["no status yet counts zero", deployment({}, undefined), ["nginx-deployment", "0/3", 0, 0, "61m", "nginx", "nginx:1.16.1", "app=nginx"]],
    [
      "several containers and an expression selector",
      deployment({
        selector: { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["b", "a"] }] },
        template: { spec: { containers: [{ name: "web", image: "web:1" }, { name: "log", image: "fluentd" }] } },
      }),
      ["nginx-deployment", "0/3", 0, 0, "61m", "web,log", "web:1,fluentd", "app=web,tier in (a,b)"],
    ],
    [
      "an unparsable selector is <invalid>",
      deployment({ selector: { matchExpressions: [{ key: "x", operator: "Bogus" }] } }),
      ["nginx-deployment", "0/3", 0, 0, "61m", "nginx", "nginx:1.16.1", "<invalid>"],
    ],
    ["an empty selector is an empty cell", deployment({ selector: {} }), ["nginx-deployment", "0/3", 0, 0, "61m", "nginx", "nginx:1.16.1", ""]],
  ];
  it.each(cases)("%s", (_name, d, want) => {
    expect(deploymentTable.cells(d, NOW)).toEqual(want);
  });
});
