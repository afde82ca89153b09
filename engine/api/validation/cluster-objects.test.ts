import { describe, expect, it } from "vitest";
import type { Namespace, Node } from "../types.ts";
import { defaultNamespace } from "../defaults/cluster-objects.ts";
import { formatFieldError } from "./field.ts";
import { validateNamespace, validateNamespaceUpdate, validateNode, validateNodeUpdate } from "./cluster-objects.ts";

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("validateNamespace", () => {
  const ns = (name: string, finalizers?: string[]): Namespace => {
    const n: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: finalizers ? { finalizers } : undefined };
    defaultNamespace(n);
    return n;
  };
  it.each([
    ["valid", ns("team-a"), []],
    ["names are DNS labels", ns("team.a"), ['metadata.name: Invalid value: "team.a": must not contain dots']],
    ["capitals", ns("Team_A"), [`metadata.name: Invalid value: "Team_A": ${LABEL_MSG}`]],
    ["unknown unqualified finalizer", ns("a", ["foo"]), ['spec.finalizers: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified']],
    ["qualified finalizer", ns("a", ["example.com/cleanup"]), []],
  ] as [string, Namespace, string[]][])("%s", (_n, obj, want) => {
    expect(validateNamespace(obj).map(formatFieldError)).toEqual(want);
  });

  it("update re-runs create validation and keeps the name", () => {
    const old = ns("a");
    old.metadata.resourceVersion = "1";
    const n = structuredClone(old);
    n.metadata.name = "b";
    expect(validateNamespaceUpdate(n, old).map(formatFieldError)).toEqual(['metadata.name: Invalid value: "b": field is immutable']);
  });
});

describe("validateNode", () => {
  const node = (mutate: (n: Node) => void = () => {}): Node => {
    const n: Node = { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1", resourceVersion: "1" }, spec: {} };
    mutate(n);
    return n;
  };
  it("taint errors are reported under metadata.taints, as upstream", () => {
    const n = node((x) => (x.spec.taints = [{ key: "a", effect: "NoSchedule" }, { key: "a", effect: "NoSchedule" }, { key: "b", effect: "Sometimes" }]));
    expect(validateNode(n).map(formatFieldError)).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      'metadata.taints[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
  it("a taint needs an effect", () => {
    expect(validateNode(node((x) => (x.spec.taints = [{ key: "a", effect: "" }]))).map(formatFieldError)).toEqual(["metadata.taints[0].effect: Required value"]);
  });
  it("podCIDRs cannot change once set", () => {
    const old = node((x) => (x.spec.podCIDRs = ["10.244.1.0/24"]));
    const n = structuredClone(old);
    n.spec.podCIDRs = ["10.244.2.0/24"];
    expect(validateNodeUpdate(n, old).map(formatFieldError)).toEqual(['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
  });
});
