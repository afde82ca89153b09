import { describe, expect, it } from "vitest";
import { applyMergePatch } from "./merge.ts";

// Expected results come from kubectl v1.32 (`kubectl patch --local
// --type=merge`, the same json-patch v4 MergePatch the API server runs) and
// RFC 7386's own examples.

function pod() {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", labels: { app: "web", tier: "fe" } },
    spec: { containers: [{ name: "c1", image: "nginx" }], nodeSelector: { disk: "ssd" } },
  };
}

describe("applyMergePatch", () => {
  it.each<[string, unknown, unknown]>([
    ["null deletes a key, others merge", { metadata: { labels: { app: null, x: "1" } } }, { name: "p", labels: { tier: "fe", x: "1" } }],
    ["null deletes a whole map", { metadata: { labels: null } }, { name: "p" }],
    ["nulls inside a new value are pruned", { metadata: { newmap: { a: null, b: { c: null, d: 1 } } } }, { name: "p", labels: { app: "web", tier: "fe" }, newmap: { b: { d: 1 } } }],
    ["an object replacing a string loses its nulls", { metadata: { name: { a: null, b: 1 } } }, { name: { b: 1 }, labels: { app: "web", tier: "fe" } }],
    ["an array replacing an object keeps its nulls", { metadata: { labels: [{ a: null }] } }, { name: "p", labels: [{ a: null }] }],
    ["an array replacing a string loses nulls inside its objects", { metadata: { name: [{ a: null }] } }, { name: [{}], labels: { app: "web", tier: "fe" } }],
    ["null for an absent key is a no-op", { metadata: { annotations: null } }, { name: "p", labels: { app: "web", tier: "fe" } }],
    ["an empty patch changes nothing", {}, pod().metadata],
  ])("%s", (_name, patch, expectedMetadata) => {
    expect((applyMergePatch(pod(), patch) as ReturnType<typeof pod>).metadata).toEqual(expectedMetadata);
  });

  it.each<[string, unknown, unknown]>([
    ["lists replace wholesale, nulls inside pruned", { spec: { containers: [{ name: "x", image: null }] } }, { containers: [{ name: "x" }], nodeSelector: { disk: "ssd" } }],
    ["null elements of a list stay", { spec: { x: [null, 1] } }, { containers: [{ name: "c1", image: "nginx" }], nodeSelector: { disk: "ssd" }, x: [null, 1] }],
    ["a map can become a string", { spec: { nodeSelector: "x" } }, { containers: [{ name: "c1", image: "nginx" }], nodeSelector: "x" }],
  ])("%s", (_name, patch, expectedSpec) => {
    expect((applyMergePatch(pod(), patch) as ReturnType<typeof pod>).spec).toEqual(expectedSpec);
  });

  // RFC 7386 appendix A.
  it.each<[unknown, unknown, unknown]>([
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])("RFC 7386: %j + %j", (doc, patch, expected) => {
    expect(applyMergePatch(doc, patch)).toEqual(expected);
  });

  it("an array patch becomes the whole result (the server then cannot decode it)", () => {
    expect(applyMergePatch(pod(), [1, { a: null }])).toEqual([1, {}]);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["a string", "x"],
    ["a number", 5],
    ["a boolean", true],
  ])("a patch that is %s is a 400 Invalid JSON Patch", (_name, patch) => {
    expect(() => applyMergePatch(pod(), patch)).toThrow(expect.objectContaining({ message: "Invalid JSON Patch", code: 400, reason: "BadRequest" }));
  });

  it("does not modify its inputs", () => {
    const doc = pod();
    const patch = { metadata: { labels: { app: null } }, spec: { extra: { a: null, b: 1 } } };
    applyMergePatch(doc, patch);
    expect(doc).toEqual(pod());
    expect(patch).toEqual({ metadata: { labels: { app: null } }, spec: { extra: { a: null, b: 1 } } });
  });
});
