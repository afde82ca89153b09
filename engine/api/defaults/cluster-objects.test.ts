import { describe, expect, it } from "vitest";
import type { Namespace, Node } from "../types.ts";
import { defaultNamespace, defaultNode } from "./cluster-objects.ts";

describe("defaultNamespace (`kubectl create namespace team-a` then `get -o yaml`)", () => {
  it("adds the name label, the kubernetes finalizer and phase Active", () => {
    const ns: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } };
    defaultNamespace(ns);
    expect(ns).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "team-a", labels: { "kubernetes.io/metadata.name": "team-a" } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  });

  it("the label cannot be set to something else", () => {
    const ns: Namespace = { metadata: { name: "a", labels: { "kubernetes.io/metadata.name": "b", env: "dev" } } };
    defaultNamespace(ns);
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "a", env: "dev" });
  });
});

describe("defaultNode", () => {
  it("allocatable defaults to capacity", () => {
    const node: Node = { metadata: { name: "n" }, spec: {}, status: { capacity: { cpu: "2", memory: "4096Mi", pods: "110" } } };
    defaultNode(node);
    expect(node.status!.allocatable).toEqual({ cpu: "2", memory: "4Gi", pods: "110" });
    expect(node.status!.capacity).toEqual({ cpu: "2", memory: "4Gi", pods: "110" });
  });
});
