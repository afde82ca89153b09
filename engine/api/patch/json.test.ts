import { describe, expect, it } from "vitest";
import { PANIC_MESSAGE, UNPROCESSABLE_MESSAGE, PatchError } from "./errors.ts";
import { applyJsonPatch } from "./json.ts";

// Expected results and texts come from kubectl v1.32 (`kubectl patch --local
// --type=json`), which applies patches with the same json-patch v4 library as
// the API server.

function pod() {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", labels: { app: "web", tier: "fe" } },
    spec: { containers: [{ name: "c1", image: "nginx" }, { name: "c2", image: "redis" }] },
  };
}

type Doc = ReturnType<typeof pod> & Record<string, unknown>;
const names = (d: unknown) => (d as Doc).spec.containers.map((c) => c.name);
const labels = (d: unknown) => (d as Doc).metadata.labels as Record<string, unknown>;
const metadata = (d: unknown) => (d as Doc).metadata as Record<string, unknown>;

describe("applyJsonPatch: operations", () => {
  it.each<[string, unknown[], (d: unknown) => unknown, unknown]>([
    ["add a label", [{ op: "add", path: "/metadata/labels/x", value: "1" }], labels, { app: "web", tier: "fe", x: "1" }],
    ["~1 and ~0 unescape to / and ~", [{ op: "add", path: "/metadata/labels/a~1b~0c", value: "1" }], (d) => labels(d)["a/b~c"], "1"],
    ["~01 is ~1, not /", [{ op: "add", path: "/metadata/labels/~01", value: "x" }], (d) => labels(d)["~1"], "x"],
    ["other ~ sequences are left alone", [{ op: "add", path: "/metadata/labels/a~2b", value: "x" }], (d) => labels(d)["a~2b"], "x"],
    ["- appends", [{ op: "add", path: "/spec/containers/-", value: { name: "c3" } }], names, ["c1", "c2", "c3"]],
    ["add inserts before the index", [{ op: "add", path: "/spec/containers/1", value: { name: "c3" } }], names, ["c1", "c3", "c2"]],
    ["add at the length appends", [{ op: "add", path: "/spec/containers/2", value: { name: "c3" } }], names, ["c1", "c2", "c3"]],
    ["negative index counts from the end", [{ op: "add", path: "/spec/containers/-1", value: { name: "c3" } }], names, ["c1", "c2", "c3"]],
    ["-length-1 inserts first", [{ op: "add", path: "/spec/containers/-3", value: { name: "z" } }], names, ["z", "c1", "c2"]],
    ["+1 is index 1", [{ op: "add", path: "/spec/containers/+1", value: { name: "z" } }], names, ["c1", "z", "c2"]],
    ["01 is index 1", [{ op: "add", path: "/spec/containers/01", value: { name: "z" } }], names, ["c1", "z", "c2"]],
    ["add without a value adds null", [{ op: "add", path: "/metadata/labels/q" }], (d) => labels(d).q, null],
    ["add null", [{ op: "add", path: "/metadata/labels", value: null }], labels, null],
    ["add replaces an existing key", [{ op: "add", path: "/metadata/name", value: "q" }], (d) => metadata(d).name, "q"],
    ["a path without leading / drops its first segment", [{ op: "add", path: "metadata/x", value: 1 }], (d) => (d as Doc).x, 1],
    ["/ is the empty key at the root", [{ op: "add", path: "/", value: 1 }], (d) => (d as Doc)[""], 1],
    ["remove a key", [{ op: "remove", path: "/metadata/labels/app" }], labels, { tier: "fe" }],
    ["remove an element", [{ op: "remove", path: "/spec/containers/0" }], names, ["c2"]],
    ["remove -1", [{ op: "remove", path: "/spec/containers/-1" }], names, ["c1"]],
    ["replace a value", [{ op: "replace", path: "/spec/containers/0/image", value: "x" }], (d) => (d as Doc).spec.containers[0]!.image, "x"],
    ["replace of an absent key adds it", [{ op: "replace", path: "/metadata/newkey", value: "q" }], (d) => metadata(d).newkey, "q"],
    ["replace -1", [{ op: "replace", path: "/spec/containers/-1", value: { name: "z" } }], names, ["c1", "z"]],
    ["replace the root with a scalar does nothing", [{ op: "replace", path: "", value: 5 }], (d) => d, pod()],
    ["replace the root with an object", [{ op: "replace", path: "", value: { kind: "Pod" } }], (d) => d, { kind: "Pod" }],
    ["move a key", [{ op: "move", from: "/metadata/labels/app", path: "/metadata/labels/application" }], labels, { tier: "fe", application: "web" }],
    ["move an element to the end", [{ op: "move", from: "/spec/containers/0", path: "/spec/containers/-" }], names, ["c2", "c1"]],
    ["move onto itself", [{ op: "move", from: "/metadata/labels/app", path: "/metadata/labels/app" }], labels, { app: "web", tier: "fe" }],
    ["copy an element", [{ op: "copy", from: "/spec/containers/1", path: "/spec/containers/0" }], names, ["c2", "c1", "c2"]],
    ["copy from an absent key copies null", [{ op: "copy", from: "/metadata/labels/zz", path: "/metadata/x" }], (d) => metadata(d).x, null],
    [
      "a passing test lets the next operation run",
      [{ op: "test", path: "/metadata/labels/app", value: "web" }, { op: "replace", path: "/metadata/labels/app", value: "x" }],
      (d) => labels(d).app,
      "x",
    ],
    ["test compares objects deeply", [{ op: "test", path: "/metadata/labels", value: { tier: "fe", app: "web" } }], names, ["c1", "c2"]],
    ["test of an absent key against null passes", [{ op: "test", path: "/metadata/nope", value: null }], names, ["c1", "c2"]],
    ["an empty patch changes nothing", [], (d) => d, pod()],
  ])("%s", (_name, ops, project, expected) => {
    expect(project(applyJsonPatch(pod(), ops))).toEqual(expected);
  });

  it("a null patch changes nothing", () => {
    expect(applyJsonPatch(pod(), null)).toEqual(pod());
  });

  it("does not modify the document or the operations", () => {
    const doc = pod();
    const value = { name: "c3", env: [{ name: "A" }] };
    const ops = [{ op: "add", path: "/spec/containers/-", value }, { op: "remove", path: "/metadata/labels/app" }];
    const out = applyJsonPatch(doc, ops) as Doc;
    expect(doc).toEqual(pod());
    expect(ops[0]!.value).toBe(value);
    (out.spec.containers[2] as unknown as { env: unknown[] }).env.push("x");
    expect(value.env).toHaveLength(1);
  });
});

describe("applyJsonPatch: failing operations are a 422 with a generic message, the library text in detail", () => {
  it.each<[string, unknown[], string]>([
    ["missing parent", [{ op: "add", path: "/spec/foo/bar", value: 1 }], 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value'],
    ["parent is a string", [{ op: "add", path: "/metadata/name/x", value: 1 }], 'add operation does not apply: doc is missing path: "/metadata/name/x": missing value'],
    ["path without any /", [{ op: "add", path: "x", value: 1 }], 'add operation does not apply: doc is missing path: "x": missing value'],
    ["empty path", [{ op: "add", path: "", value: 1 }], 'add operation does not apply: doc is missing path: "": missing value'],
    ["index past the end", [{ op: "add", path: "/spec/containers/3", value: {} }], "error in add for path: '/spec/containers/3': Unable to access invalid index: 3: invalid index referenced"],
    ["negative index too far", [{ op: "add", path: "/spec/containers/-4", value: {} }], "error in add for path: '/spec/containers/-4': Unable to access invalid index: -4: invalid index referenced"],
    [
      "index that is not a number",
      [{ op: "add", path: "/spec/containers/x", value: {} }],
      `error in add for path: '/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    ],
    [
      "index out of int64 range",
      [{ op: "add", path: "/spec/containers/99999999999999999999", value: {} }],
      `error in add for path: '/spec/containers/99999999999999999999': value was not a proper array index: '99999999999999999999': strconv.Atoi: parsing "99999999999999999999": value out of range`,
    ],
    ["remove an absent key", [{ op: "remove", path: "/metadata/labels/zz" }], "error in remove for path: '/metadata/labels/zz': Unable to remove nonexistent key: zz: missing value"],
    ["remove -", [{ op: "remove", path: "/spec/containers/-" }], `error in remove for path: '/spec/containers/-': strconv.Atoi: parsing "-": invalid syntax`],
    ["remove past the end", [{ op: "remove", path: "/spec/containers/2" }], "error in remove for path: '/spec/containers/2': Unable to access invalid index: 2: invalid index referenced"],
    ["remove through a missing parent", [{ op: "remove", path: "/spec/containers/0/name/x" }], 'remove operation does not apply: doc is missing path: "/spec/containers/0/name/x": missing value'],
    ["replace past the end", [{ op: "replace", path: "/spec/containers/7", value: 1 }], "replace operation does not apply: doc is missing key: /spec/containers/7: missing value"],
    ["replace through a missing parent", [{ op: "replace", path: "/spec/foo/bar", value: 1 }], "replace operation does not apply: doc is missing path: /spec/foo/bar: missing value"],
    ["move from an absent key", [{ op: "move", from: "/metadata/labels/zz", path: "/metadata/x" }], "error in move for path: 'zz': Unable to remove nonexistent key: zz: missing value"],
    [
      "move into its own child",
      [{ op: "move", from: "/metadata/labels", path: "/metadata/labels/app" }],
      "move operation does not apply: doc is missing destination path: /metadata/labels/app: missing value",
    ],
    ["move without from", [{ op: "move", path: "/x" }], "move operation failed to decode from: operation, missing from field: missing value"],
    ["copy from past the end", [{ op: "copy", from: "/spec/containers/9", path: "/x" }], "error in copy for from: '/spec/containers/9': Unable to access invalid index: 9: invalid index referenced"],
    ["copy without path", [{ op: "copy", from: "/metadata/name" }], "copy operation failed to decode path: missing value"],
    ["copy to a missing parent", [{ op: "copy", from: "/metadata/name", path: "/a/b" }], "copy operation does not apply: doc is missing destination path: /a/b: missing value"],
    ["failed test", [{ op: "test", path: "/metadata/labels/app", value: "x" }], "testing value /metadata/labels/app failed: test failed"],
    ["test of the root", [{ op: "test", path: "", value: {} }], "testing value  failed: test failed"],
    ["test of an absent key against a value", [{ op: "test", path: "/metadata/nope", value: 1 }], "testing value /metadata/nope failed: test failed"],
    ["test without a value", [{ op: "test", path: "/metadata/name" }], "testing value /metadata/name failed: test failed"],
    ["test through a missing parent", [{ op: "test", path: "/metadata/zz/app", value: "x" }], "test operation does not apply: is missing path: /metadata/zz/app: missing value"],
    ["test past the end", [{ op: "test", path: "/spec/containers/9", value: 1 }], "error in test for path: '/spec/containers/9': Unable to access invalid index: 9: invalid index referenced"],
    ["test without path", [{ op: "test" }], "test operation failed to decode path: operation missing path field: missing value"],
    ["unknown op", [{ op: "bogus", path: "/a" }], "Unexpected kind: bogus"],
    ["missing op", [{ path: "/a" }], "Unexpected kind: unknown"],
    ["op that is not a string", [{ op: 1, path: "/a" }], "Unexpected kind: unknown"],
    ["null operation", [null], "Unexpected kind: unknown"],
    ["add without path", [{ op: "add" }], "add operation failed to decode path: missing value"],
    ["add with a numeric path", [{ op: "add", path: 5, value: 1 }], "add operation failed to decode path: missing value"],
    ["remove without path", [{ op: "remove" }], "remove operation failed to decode path: missing value"],
    ["replace without path", [{ op: "replace" }], "replace operation failed to decode path: operation missing path field: missing value"],
    ["replace with a numeric path", [{ op: "replace", path: 5, value: 1 }], "replace operation failed to decode path: json: cannot unmarshal number into Go value of type string"],
    [
      "the first failing operation stops the patch",
      [{ op: "add", path: "/metadata/labels/q", value: "1" }, { op: "remove", path: "/nope" }],
      "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value",
    ],
  ])("%s", (_name, ops, message) => {
    let error: unknown;
    try {
      applyJsonPatch(pod(), ops);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchError);
    expect(error).toMatchObject({ detail: message, code: 422, reason: "Invalid", message: UNPROCESSABLE_MESSAGE });
  });
});

describe("applyJsonPatch: undecodable patches are a 400 with encoding/json's text", () => {
  it.each<[string, unknown, string]>([
    ["an object", { op: "add" }, "json: cannot unmarshal object into Go value of type jsonpatch.Patch"],
    ["a string", "add", "json: cannot unmarshal string into Go value of type jsonpatch.Patch"],
    ["a number element", [1], "json: cannot unmarshal number into Go value of type jsonpatch.Operation"],
    ["a string element", ["x"], "json: cannot unmarshal string into Go value of type jsonpatch.Operation"],
    ["an array element", [[]], "json: cannot unmarshal array into Go value of type jsonpatch.Operation"],
  ])("%s", (_name, ops, message) => {
    expect(() => applyJsonPatch(pod(), ops)).toThrow(expect.objectContaining({ message, code: 400, reason: "BadRequest" }));
  });
});

describe("applyJsonPatch: limits and crashes", () => {
  it("refuses more than 10000 operations with 413", () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: "test", path: "/kind", value: "Pod" }));
    expect(() => applyJsonPatch(pod(), ops)).toThrow(
      expect.objectContaining({ code: 413, reason: "RequestEntityTooLarge", message: "The allowed maximum operations in a JSON patch is 10000, got 10001" }),
    );
  });

  it("refuses copies adding up to more than 3 MiB (the third 1 MiB string here)", () => {
    const doc = { metadata: { name: "p" }, data: { big: "x".repeat(1024 * 1024) } };
    const ops = Array.from({ length: 4 }, (_, i) => ({ op: "copy", from: "/data/big", path: `/data/c${i}` }));
    expect(() => applyJsonPatch(doc, ops)).toThrow(
      expect.objectContaining({
        code: 422,
        detail: "Unable to complete the copy, the accumulated size increase of copy is 3145734, exceeding the limit 3145728",
      }),
    );
  });

  it.each<[string, unknown[]]>([
    ["test of an absent key without a value", [{ op: "test", path: "/metadata/nope" }]],
    ["replace of the root without a value", [{ op: "replace", path: "" }]],
  ])("%s crashes the handler (a 500 from the panic handler)", (_name, ops) => {
    expect(() => applyJsonPatch(pod(), ops)).toThrow(expect.objectContaining({ code: 500, reason: "InternalError", message: PANIC_MESSAGE }));
  });
});
