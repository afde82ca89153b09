import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PatchError } from "./errors.ts";
import { applyJsonPatch } from "./json.ts";
import { applyMergePatch } from "./merge.ts";
import { applyStrategicMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from "./strategic.ts";
import { schemaFor } from "./strategic-schema.ts";

// Bounded, seeded fuzzing: whatever a learner sends, the patch code answers
// with a result or a PatchError (never a TypeError), and never touches its
// inputs. Plus the round-trip upstream's own tests rely on: a created patch,
// applied to the object it was computed from, gives the target object.

const RUNS = { numRuns: 300, seed: 20240601 };

function pod() {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", labels: { app: "web" }, finalizers: ["a", "b"], ownerReferences: [{ uid: "u1", name: "rs" }] },
    spec: {
      containers: [
        { name: "c1", image: "nginx", env: [{ name: "A", value: "1" }], ports: [{ containerPort: 80 }] },
        { name: "c2", image: "redis" },
      ],
      volumes: [{ name: "v", emptyDir: {} }],
      nodeSelector: { disk: "ssd" },
    },
  };
}

/** Only a result or a PatchError, and the inputs unchanged. */
function wellBehaved(run: () => unknown, ...inputs: unknown[]): boolean {
  const before = inputs.map((i) => JSON.stringify(i));
  try {
    run();
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
  }
  expect(inputs.map((i) => JSON.stringify(i))).toEqual(before);
  return true;
}

const KEYS = [
  "metadata", "spec", "labels", "finalizers", "ownerReferences", "uid", "containers", "name", "image", "env", "value",
  "ports", "containerPort", "volumes", "emptyDir", "nodeSelector", "$patch", "$retainKeys", "$setElementOrder/containers",
  "$setElementOrder/env", "$deleteFromPrimitiveList/finalizers", "$deleteFromPrimitiveList", "__proto__", "constructor", "x",
];
const scalar = fc.constantFrom<unknown>(null, "delete", "replace", "merge", "c1", "c2", "A", "a", "u1", 80, 1.5, 0, true, "");
const { value: patchValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 4 }),
  ),
}));
const patchObject = fc.dictionary(fc.constantFrom(...KEYS), patchValue, { maxKeys: 4 });

const pointer = fc.oneof(
  fc.constantFrom("", "/", "/metadata", "/metadata/labels/app", "/metadata/finalizers/-", "/spec/containers/0", "/spec/containers/-",
    "/spec/containers/-1", "/spec/containers/1/image", "metadata/x", "/a~1b", "/spec/containers/x", "/spec/containers/0/env/0/value", "/__proto__/x"),
  fc.string({ maxLength: 12 }),
);
const operation = fc.oneof(
  fc.record(
    { op: fc.constantFrom<unknown>("add", "remove", "replace", "move", "copy", "test", "bogus", 1, null), path: fc.oneof(pointer, fc.jsonValue()), from: pointer, value: fc.jsonValue({ maxDepth: 2 }) },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 1 }),
);

describe("fuzz: never a raw exception, never a mutated input", () => {
  it("applyJsonPatch", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(operation, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), (ops) => {
        const doc = pod();
        return wellBehaved(() => applyJsonPatch(doc, ops), doc, ops);
      }),
      RUNS,
    );
  });

  it("applyMergePatch", () => {
    fc.assert(
      fc.property(fc.oneof(patchObject, fc.jsonValue({ maxDepth: 3 })), fc.oneof(fc.constant(pod()), fc.jsonValue({ maxDepth: 2 })), (patch, doc) =>
        wellBehaved(() => applyMergePatch(doc, patch), doc, patch),
      ),
      RUNS,
    );
  });

  it("applyStrategicMergePatch", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: patchObject }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), (patch) => {
        const doc = pod();
        return wellBehaved(() => applyStrategicMergePatch(doc, patch, schemaFor("Pod")), doc, patch);
      }),
      RUNS,
    );
  });

  it("createTwoWayMergePatch and createThreeWayMergePatch", () => {
    fc.assert(
      fc.property(patchObject, patchObject, (a, b) => {
        const doc = pod();
        wellBehaved(() => createTwoWayMergePatch(doc, a, schemaFor("Pod")), doc, a);
        return wellBehaved(() => createThreeWayMergePatch(a, b, doc, schemaFor("Pod")), a, b, doc);
      }),
      RUNS,
    );
  });
});

// Well-formed pods: unique merge keys, no nulls (what a real object looks like).
const envList = fc.uniqueArray(fc.constantFrom("A", "B", "C", "D"), { maxLength: 4 }).map((ns) => ns.map((name, i) => ({ name, value: String(i) })));
const portList = fc.uniqueArray(fc.constantFrom(80, 443, 8080, 9090), { maxLength: 3 }).map((ps) => ps.map((containerPort) => ({ containerPort })));
const container = fc.record(
  { name: fc.constantFrom("web", "side", "init", "proxy"), image: fc.constantFrom("nginx", "redis", "busybox"), env: envList, ports: portList, args: fc.array(fc.constantFrom("-v", "-q", "x"), { maxLength: 3 }) },
  { requiredKeys: ["name", "image"] },
);
const wellFormedPod = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constant("Pod"),
  metadata: fc.record(
    {
      name: fc.constant("p"),
      labels: fc.dictionary(fc.constantFrom("app", "tier", "team"), fc.constantFrom("web", "db", "a")),
      finalizers: fc.uniqueArray(fc.constantFrom("f1", "f2", "f3", "f4"), { maxLength: 4 }),
    },
    { requiredKeys: ["name"] },
  ),
  spec: fc.record(
    {
      containers: fc.uniqueArray(container, { selector: (c) => c.name, minLength: 1, maxLength: 3 }),
      nodeSelector: fc.dictionary(fc.constantFrom("disk", "zone"), fc.constantFrom("ssd", "a")),
      restartPolicy: fc.constantFrom("Always", "Never"),
    },
    { requiredKeys: ["containers"] },
  ),
});

/**
 * Upstream sorts a primitive merge list in place while diffing it, so a pure
 * reorder into sorted order is never sent (strategic-diff.test.ts pins that
 * down against kubectl). Finalizers are therefore compared as sets.
 */
function finalizersAsSet<T extends { metadata: { finalizers?: string[] } }>(pod: T): T {
  const copy = structuredClone(pod);
  copy.metadata.finalizers?.sort();
  return copy;
}

describe("fuzz: created patches take the original to the modified object", () => {
  it("two-way", () => {
    fc.assert(
      fc.property(wellFormedPod, wellFormedPod, (original, modified) => {
        const patch = createTwoWayMergePatch(original, modified, schemaFor("Pod"));
        const result = applyStrategicMergePatch(original, patch, schemaFor("Pod")) as typeof modified;
        expect(finalizersAsSet(result)).toEqual(finalizersAsSet(modified));
      }),
      RUNS,
    );
  });

  it("three-way, when the live object is the last-applied one", () => {
    fc.assert(
      fc.property(wellFormedPod, wellFormedPod, (original, modified) => {
        const patch = createThreeWayMergePatch(original, modified, original, schemaFor("Pod"));
        const result = applyStrategicMergePatch(original, patch, schemaFor("Pod")) as typeof modified;
        expect(finalizersAsSet(result)).toEqual(finalizersAsSet(modified));
      }),
      RUNS,
    );
  });
});
