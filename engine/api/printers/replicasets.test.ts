import { describe, expect, it } from "vitest";
import type { ReplicaSet } from "../types.ts";
import { replicaSetColumns, replicaSetTable } from "./replicasets.ts";

const NOW = Date.UTC(2026, 10, 24, 20, 42, 0);

function rs(selector: ReplicaSet["spec"]["selector"], status?: ReplicaSet["status"]): ReplicaSet {
  return {
    metadata: { name: "nginx-deployment-7c5ddbdf54", creationTimestamp: "2026-11-24T20:39:52Z" },
    spec: { replicas: 3, selector, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } } },
    ...(status ? { status } : {}),
  };
}

describe("replicaset table", () => {
  it("has the 1.32 columns, counts typed as integers", () => {
    expect(replicaSetColumns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      "Name:string:0",
      "Desired:integer:0",
      "Current:integer:0",
      "Ready:integer:0",
      "Age:string:0",
      "Containers:string:1",
      "Images:string:1",
      "Selector:string:1",
    ]);
  });

  const cases: [string, ReplicaSet, unknown[]][] = [
    [
      "DESIRED, CURRENT, READY from spec and status; selector with the hash",
      rs({ matchLabels: { app: "nginx", "pod-template-hash": "7c5ddbdf54" } }, { replicas: 3, readyReplicas: 2 }),
      ["nginx-deployment-7c5ddbdf54", 3, 3, 2, "2m8s", "nginx", "nginx:1.16.1", "app=nginx,pod-template-hash=7c5ddbdf54"],
    ],
    ["no status yet", rs({ matchLabels: { app: "nginx" } }), ["nginx-deployment-7c5ddbdf54", 3, 0, 0, "2m8s", "nginx", "nginx:1.16.1", "app=nginx"]],
    ["an empty selector is <none>", rs({}), ["nginx-deployment-7c5ddbdf54", 3, 0, 0, "2m8s", "nginx", "nginx:1.16.1", "<none>"]],
    [
      "an invalid selector is <error>",
      rs({ matchExpressions: [{ key: "a", operator: "In" }] }),
      ["nginx-deployment-7c5ddbdf54", 3, 0, 0, "2m8s", "nginx", "nginx:1.16.1", "<error>"],
    ],
  ];
  it.each(cases)("%s", (_name, r, want) => {
    expect(replicaSetTable.cells(r, NOW)).toEqual(want);
  });
});
