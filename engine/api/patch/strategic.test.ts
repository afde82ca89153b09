import { describe, expect, it } from "vitest";
import { PANIC_MESSAGE, UNPROCESSABLE_MESSAGE } from "./errors.ts";
import { applyStrategicMergePatch } from "./strategic.ts";
import { schemaFor } from "./strategic-schema.ts";

// Expected results and error texts come from kubectl v1.32 (`kubectl patch
// --local --type=strategic` runs the same apimachinery strategicpatch code,
// with the Go struct tags the schema table mirrors).

interface Container {
  name: string;
  image?: string | null;
  env?: { name: string; value?: string | null }[];
  ports?: { containerPort: number; name?: string }[];
  volumeMounts?: { name: string; mountPath: string }[];
}

function pod() {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "p",
      namespace: "default",
      labels: { app: "web", tier: "fe" } as Record<string, string>,
      finalizers: ["a", "b"],
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u1", controller: true }],
    },
    spec: {
      containers: [
        {
          name: "c1",
          image: "nginx",
          env: [{ name: "A", value: "1" }, { name: "B", value: "2" }],
          ports: [{ containerPort: 80 }, { containerPort: 443 }],
          volumeMounts: [{ name: "v", mountPath: "/data" }],
        },
        { name: "c2", image: "redis" },
      ] as Container[],
      volumes: [{ name: "v", emptyDir: {} }, { name: "w", configMap: { name: "cm" } }] as Record<string, unknown>[],
      tolerations: [{ key: "k", operator: "Exists" }],
      nodeSelector: { disk: "ssd" } as Record<string, string> | string,
    },
  };
}
type Pod = ReturnType<typeof pod> & { metadata: Record<string, unknown> };

const deployment = () => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "d", namespace: "default" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "web" } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } } as Record<string, unknown>,
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] as Container[] } },
  },
});

const service = () => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "s", namespace: "default" },
  spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: 8080 }, { name: "https", port: 443 }] as Record<string, unknown>[] },
});

const smp = (patch: unknown) => applyStrategicMergePatch(pod(), patch, schemaFor("Pod")) as Pod;
const containers = (p: Pod) => p.spec.containers;
const names = (p: Pod) => p.spec.containers.map((c) => c.name);
const c1 = (p: Pod) => p.spec.containers.find((c) => c.name === "c1")!;

describe("applyStrategicMergePatch: lists merged by key", () => {
  it.each<[string, unknown, (p: Pod) => unknown, unknown]>([
    ["a container is matched by name", { spec: { containers: [{ name: "c1", image: "nginx:2" }] } }, (p) => [c1(p).image, c1(p).env?.length], ["nginx:2", 2]],
    ["a new container goes before the existing ones", { spec: { containers: [{ name: "c3", image: "x" }] } }, names, ["c3", "c1", "c2"]],
    ["$patch: delete removes the matching item", { spec: { containers: [{ name: "c1", $patch: "delete" }] } }, names, ["c2"]],
    ["$patch: replace replaces the whole list", { spec: { containers: [{ name: "c9", image: "x" }, { $patch: "replace" }] } }, containers, [{ name: "c9", image: "x" }]],
    ["an empty list changes nothing", { spec: { containers: [] } }, names, ["c1", "c2"]],
    [
      "env is merged by name, deletions and additions together",
      { spec: { containers: [{ name: "c1", env: [{ name: "A", $patch: "delete" }, { name: "D", value: "4" }] }] } },
      (p) => c1(p).env,
      [{ name: "D", value: "4" }, { name: "B", value: "2" }],
    ],
    [
      "ports are merged by containerPort",
      { spec: { containers: [{ name: "c1", ports: [{ containerPort: 443, name: "https" }, { containerPort: 8080 }] }] } },
      (p) => c1(p).ports,
      [{ containerPort: 80 }, { containerPort: 443, name: "https" }, { containerPort: 8080 }],
    ],
    [
      "volume mounts are merged by mountPath",
      { spec: { containers: [{ name: "c1", volumeMounts: [{ name: "w", mountPath: "/data" }] }] } },
      (p) => c1(p).volumeMounts,
      [{ name: "w", mountPath: "/data" }],
    ],
    [
      "owner references are merged by uid",
      { metadata: { ownerReferences: [{ apiVersion: "v1", kind: "X", name: "x", uid: "u2" }] } },
      (p) => (p.metadata.ownerReferences as { uid: string }[]).map((o) => o.uid),
      ["u2", "u1"],
    ],
    [
      "volumes honour $retainKeys: the old source goes",
      { spec: { volumes: [{ name: "w", $retainKeys: ["name", "secret"], secret: { secretName: "s" } }] } },
      (p) => p.spec.volumes,
      [{ name: "v", emptyDir: {} }, { name: "w", secret: { secretName: "s" } }],
    ],
    ["tolerations have no merge key: replaced", { spec: { tolerations: [{ key: "z", operator: "Exists" }] } }, (p) => p.spec.tolerations, [{ key: "z", operator: "Exists" }]],
    [
      "a null inside an appended item is kept (only the typed decode drops it)",
      { spec: { containers: [{ name: "c3", image: null }] } },
      (p) => p.spec.containers[0],
      { name: "c3", image: null },
    ],
    [
      "a null inside an item merged into a new list entry is kept",
      { spec: { containers: [{ name: "c1", env: [{ name: "Z", value: null }] }] } },
      (p) => c1(p).env![0],
      { name: "Z", value: null },
    ],
    ["a merge key of another type is a new item", { spec: { containers: [{ name: 5, image: "q" }] } }, (p) => p.spec.containers[0], { name: 5, image: "q" }],
  ])("%s", (_name, patch, project, expected) => {
    expect(project(smp(patch))).toEqual(expected);
  });

  it("service ports are merged by port", () => {
    const out = applyStrategicMergePatch(service(), { spec: { ports: [{ port: 443, targetPort: 8443 }, { port: 8080, name: "alt" }] } }, schemaFor("Service"));
    expect((out as ReturnType<typeof service>).spec.ports).toEqual([
      { name: "http", port: 80, targetPort: 8080 },
      { name: "https", port: 443, targetPort: 8443 },
      { name: "alt", port: 8080 },
    ]);
  });
});

describe("applyStrategicMergePatch: primitive lists and ordering directives", () => {
  it.each<[string, unknown, (p: Pod) => unknown, unknown]>([
    ["finalizers merge as a set, patch items first", { metadata: { finalizers: ["c", "a"] } }, (p) => p.metadata.finalizers, ["c", "a", "b"]],
    ["duplicates collapse", { metadata: { finalizers: ["b", "b", "c"] } }, (p) => p.metadata.finalizers, ["a", "b", "c"]],
    ["$deleteFromPrimitiveList removes values", { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] } }, (p) => p.metadata.finalizers, ["b"]],
    ["$deleteFromPrimitiveList for an absent list is a no-op", { metadata: { "$deleteFromPrimitiveList/zzz": ["a"] } }, (p) => p.metadata.zzz, undefined],
    ["$setElementOrder orders a primitive list", { metadata: { finalizers: ["z"], "$setElementOrder/finalizers": ["z", "b", "a"] } }, (p) => p.metadata.finalizers, ["z", "b", "a"]],
    [
      "$setElementOrder orders a merged list",
      { spec: { containers: [{ name: "c1", env: [{ name: "C", value: "3" }], "$setElementOrder/env": [{ name: "C" }, { name: "B" }, { name: "A" }] }] } },
      (p) => c1(p).env!.map((e) => e.name),
      ["C", "B", "A"],
    ],
    ["$setElementOrder alone reorders", { spec: { "$setElementOrder/containers": [{ name: "c2" }, { name: "c1" }] } }, names, ["c2", "c1"]],
  ])("%s", (_name, patch, project, expected) => {
    expect(project(smp(patch))).toEqual(expected);
  });
});

describe("applyStrategicMergePatch: maps, nulls and $patch on maps", () => {
  it.each<[string, unknown, (p: Pod) => unknown, unknown]>([
    ["null deletes a key", { metadata: { labels: { tier: null } } }, (p) => p.metadata.labels, { app: "web" }],
    ["null for an absent key creates an empty map", { metadata: { annotations: { x: null } } }, (p) => p.metadata.annotations, {}],
    ["null deletes a list", { spec: { volumes: null } }, (p) => "volumes" in p.spec, false],
    ["$patch: replace on a map", { spec: { nodeSelector: { $patch: "replace", zone: "a" } } }, (p) => p.spec.nodeSelector, { zone: "a" }],
    ["$patch: delete on a map empties it", { spec: { nodeSelector: { $patch: "delete" } } }, (p) => p.spec.nodeSelector, {}],
    ["a value of another type replaces", { spec: { nodeSelector: "x" } }, (p) => p.spec.nodeSelector, "x"],
    [
      "a new map drops its nulls and directive-bearing children",
      { spec: { affinity: { nodeAffinity: { $patch: "delete" }, x: { y: null } } } },
      (p) => (p.spec as Record<string, unknown>).affinity,
      { x: {} },
    ],
    [
      "$patch: replace at the top replaces the object",
      { $patch: "replace", apiVersion: "v1", kind: "Pod", metadata: { name: "p" } },
      (p) => p,
      { apiVersion: "v1", kind: "Pod", metadata: { name: "p" } },
    ],
    ["a null patch changes nothing", null, (p) => p, pod()],
  ])("%s", (_name, patch, project, expected) => {
    expect(project(smp(patch))).toEqual(expected);
  });

  it.each<[string, unknown, unknown]>([
    ["with $retainKeys the other strategy fields go", { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } }, { type: "Recreate" }],
    [
      "without $retainKeys rollingUpdate stays",
      { spec: { strategy: { type: "Recreate" } } },
      { type: "Recreate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
    ],
  ])("deployment strategy: %s", (_name, patch, expected) => {
    const out = applyStrategicMergePatch(deployment(), patch, schemaFor("Deployment")) as ReturnType<typeof deployment>;
    expect(out.spec.strategy).toEqual(expected);
  });

  it("the pod template's containers merge by name inside a deployment", () => {
    const patch = { spec: { template: { spec: { containers: [{ name: "web", env: [{ name: "A", value: "1" }] }] } } } };
    const out = applyStrategicMergePatch(deployment(), patch, schemaFor("Deployment")) as ReturnType<typeof deployment>;
    expect(out.spec.template.spec.containers).toEqual([{ name: "web", image: "nginx:1.25", ports: [{ containerPort: 80 }], env: [{ name: "A", value: "1" }] }]);
  });

  it("does not modify its inputs", () => {
    const doc = pod();
    const patch = { spec: { containers: [{ name: "c1", image: "x", env: [{ name: "A", $patch: "delete" }] }] }, metadata: { finalizers: ["z"] } };
    const before = JSON.stringify(patch);
    applyStrategicMergePatch(doc, patch, schemaFor("Pod"));
    expect(doc).toEqual(pod());
    expect(JSON.stringify(patch)).toBe(before);
  });
});

describe("applyStrategicMergePatch: errors as the API server reports them", () => {
  it.each<[string, unknown, string, number, string]>([
    ["list item without its merge key", { spec: { containers: [{ image: "x" }] } }, "map: map[image:x] does not contain declared merge key: name", 500, ""],
    ["delete directive without the merge key", { spec: { containers: [{ $patch: "delete" }] } }, "map: map[$patch:delete] does not contain declared merge key: name", 500, ""],
    ["$patch: merge on a map", { spec: { nodeSelector: { $patch: "merge" } } }, "unknown patch type: merge in map: map[$patch:merge]", 500, ""],
    ["$patch: merge in a list", { spec: { containers: [{ $patch: "merge" }] } }, "merging lists cannot yet be specified in the patch", 500, ""],
    ["unknown list directive", { spec: { containers: [{ name: "c1", $patch: "bogus" }] } }, "unknown patch type: bogus in map: map[$patch:bogus name:c1]", 500, ""],
    ["mixed element types", { metadata: { finalizers: [1] } }, "list element types are not identical: [[a b] [1]]", 500, ""],
    ["a list next to strings", { metadata: { finalizers: [["x"]] } }, "list element types are not identical: [[a b] [[x]]]", 500, ""],
    [
      "numbers print as Go's %v prints int64 and float64",
      { metadata: { finalizers: [1, 1000000, 123456, 0.0001, 0.00001, 1.5, 100000000, 1e21, 12345678, -0.5, 1234567.5] } },
      "list element types are not identical: [[a b] [1 1000000 123456 0.0001 1e-05 1.5 100000000 1e+21 12345678 -0.5 1.2345675e+06]]",
      500,
      "",
    ],
    [
      "patch items out of $setElementOrder order",
      { spec: { containers: [{ name: "c1", env: [{ name: "C", value: "3" }, { name: "A", value: "9" }], "$setElementOrder/env": [{ name: "A" }, { name: "C" }] }] } },
      "The order in patch list:\n[map[name:C value:3] map[name:A value:9]]\n doesn't match $setElementOrder list:\n[map[name:A] map[name:C]]\n",
      500,
      "",
    ],
    ["$setElementOrder that is not a list", { spec: { "$setElementOrder/containers": "x" } }, "expected a []interface {}, but received a string", 500, ""],
    ["$retainKeys missing a patched field", { spec: { volumes: [{ name: "w", $retainKeys: ["name"], secret: { secretName: "s" } }] } }, "invalid patch format of retainKeys", 400, "BadRequest"],
    ["$retainKeys that is not a list", { spec: { volumes: [{ name: "w", $retainKeys: "name" }] } }, "invalid patch format of retainKeys", 400, "BadRequest"],
    ["malformed $setElementOrder key", { spec: { "$setElementOrderX/containers": [] } }, "invalid patch format of setElementOrder list", 400, "BadRequest"],
    ["malformed $deleteFromPrimitiveList key", { metadata: { $deleteFromPrimitiveList: ["a"] } }, "invalid patch format of primitive list", 400, "BadRequest"],
    ["a patch that is an array", [1], "json: cannot unmarshal array into Go value of type map[string]interface {}", 400, "BadRequest"],
    ["a patch that is a string", "x", "json: cannot unmarshal string into Go value of type map[string]interface {}", 400, "BadRequest"],
  ])("%s", (_name, patch, message, code, reason) => {
    expect(() => smp(patch)).toThrow(expect.objectContaining({ message, code, reason, detail: message }));
  });

  it("a list of lists is a 422 with the generic message", () => {
    const doc = { ...pod(), metadata: { ...pod().metadata, finalizers: [] } };
    expect(() => applyStrategicMergePatch(doc, { metadata: { finalizers: [["x"]] } }, schemaFor("Pod"))).toThrow(
      expect.objectContaining({ detail: "lists of lists are not supported", code: 422, reason: "Invalid", message: UNPROCESSABLE_MESSAGE }),
    );
  });

  it("a null next to strings is a type mismatch", () => {
    expect(() => smp({ metadata: { finalizers: [null] } })).toThrow(
      expect.objectContaining({ message: "list element types are not identical: [[a b] [<nil>]]", code: 500 }),
    );
  });

  it("a list whose first element is null crashes the handler (Go panics on a nil reflect.Type)", () => {
    const doc = { ...pod(), metadata: { ...pod().metadata, finalizers: [] } };
    expect(() => applyStrategicMergePatch(doc, { metadata: { finalizers: [null] } }, schemaFor("Pod"))).toThrow(
      expect.objectContaining({ code: 500, reason: "InternalError", message: PANIC_MESSAGE }),
    );
  });
});
