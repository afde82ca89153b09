import { describe, expect, it } from "vitest";
import type { Namespace } from "../types.ts";
import { namespaceTable } from "./namespaces.ts";

const NOW = Date.UTC(2026, 10, 24, 20, 42, 0);

describe("namespace table", () => {
  const cases: [string, Namespace, unknown[]][] = [
    ["active", { metadata: { name: "default", creationTimestamp: "2026-11-22T15:42:00Z" }, status: { phase: "Active" } }, ["default", "Active", "2d5h"]],
    ["terminating", { metadata: { name: "old", creationTimestamp: "2026-11-24T20:41:00Z" }, status: { phase: "Terminating" } }, ["old", "Terminating", "60s"]],
    ["no phase is an empty cell", { metadata: { name: "x" } }, ["x", "", "<unknown>"]],
  ];
  it.each(cases)("%s", (_name, ns, want) => {
    expect(namespaceTable.cells(ns, NOW)).toEqual(want);
  });

  it("has NAME STATUS AGE", () => {
    expect(namespaceTable.columns.map((c) => c.name)).toEqual(["Name", "Status", "Age"]);
  });
});
