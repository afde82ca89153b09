import { describe, expect, it } from "vitest";
import type { LabelSelector } from "../types.ts";
import { formatLabelSelector, formatLabels, labelSelectorString, layoutContainerCells } from "./format.ts";

describe("formatLabels (labels.FormatLabels)", () => {
  const cases: [string, Record<string, string> | undefined, string][] = [
    ["no labels", undefined, "<none>"],
    ["empty map", {}, "<none>"],
    ["one label", { app: "nginx" }, "app=nginx"],
    ["sorted", { "pod-template-hash": "7c5ddbdf54", app: "nginx" }, "app=nginx,pod-template-hash=7c5ddbdf54"],
    // Go sorts the "k=v" strings: '-' (0x2d) sorts before '=' (0x3d).
    ["sorted as whole k=v strings", { a: "1", "a-b": "2" }, "a-b=2,a=1"],
    ["empty value", { "node-role.kubernetes.io/control-plane": "" }, "node-role.kubernetes.io/control-plane="],
  ];
  it.each(cases)("%s", (_name, labels, want) => {
    expect(formatLabels(labels)).toBe(want);
  });
});

describe("label selector string forms", () => {
  const cases: [string, LabelSelector | undefined, string | undefined, string][] = [
    ["missing selector", undefined, "", "<none>"],
    ["empty selector", {}, "", "<none>"],
    ["matchLabels sorted by key", { matchLabels: { tier: "web", app: "nginx" } }, "app=nginx,tier=web", "app=nginx,tier=web"],
    [
      "expressions, values sorted",
      {
        matchExpressions: [
          { key: "env", operator: "In", values: ["prod", "dev"] },
          { key: "canary", operator: "DoesNotExist" },
          { key: "tier", operator: "NotIn", values: ["db"] },
          { key: "app", operator: "Exists" },
        ],
      },
      "app,!canary,env in (dev,prod),tier notin (db)",
      "app,!canary,env in (dev,prod),tier notin (db)",
    ],
    [
      "matchLabels before an expression on the same key",
      { matchLabels: { app: "x" }, matchExpressions: [{ key: "app", operator: "Exists" }] },
      "app=x,app",
      "app=x,app",
    ],
    ["unknown operator", { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }, undefined, "<error>"],
    ["In without values", { matchExpressions: [{ key: "a", operator: "In", values: [] }] }, undefined, "<error>"],
    ["Exists with values", { matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }, undefined, "<error>"],
    ["invalid key", { matchLabels: { "bad key": "x" } }, undefined, "<error>"],
    ["invalid value", { matchLabels: { app: "-x" } }, undefined, "<error>"],
    ["prefixed key", { matchLabels: { "app.kubernetes.io/name": "web" } }, "app.kubernetes.io/name=web", "app.kubernetes.io/name=web"],
  ];
  it.each(cases)("%s", (_name, sel, asString, formatted) => {
    expect(labelSelectorString(sel)).toBe(asString);
    expect(formatLabelSelector(sel)).toBe(formatted);
  });
});

describe("layoutContainerCells", () => {
  it("joins names and images with commas", () => {
    expect(
      layoutContainerCells([
        { name: "nginx", image: "nginx:1.16.1" },
        { name: "sidecar", image: "busybox" },
      ]),
    ).toEqual(["nginx,sidecar", "nginx:1.16.1,busybox"]);
    expect(layoutContainerCells([])).toEqual(["", ""]);
  });
});
