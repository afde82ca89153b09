import { describe, expect, it } from "vitest";
import { basename, dirname, FsError, normalizePath, resolvePath, utf8Length, VirtualFs } from "./fs.ts";

describe("paths", () => {
  it.each([
    ["/", "/"],
    ["/a/b/../c", "/a/c"],
    ["/a/./b//c/", "/a/b/c/"],
    ["/..", "/"],
    ["/a/b/.", "/a/b"],
  ])("normalizePath(%j) = %j", (p, expected) => expect(normalizePath(p)).toBe(expected));

  it.each([
    ["/home/learner", "x.yaml", "/home/learner/x.yaml"],
    ["/home/learner", "../other", "/home/other"],
    ["/home/learner", "/etc", "/etc"],
    ["/", "a", "/a"],
  ])("resolvePath(%j, %j) = %j", (cwd, p, expected) => expect(resolvePath(cwd, p)).toBe(expected));

  it.each([
    ["/a/b/c.yaml", "/a/b", "c.yaml"],
    ["c", ".", "c"],
    ["/", "/", "/"],
    ["dir/", ".", "dir"],
  ])("dirname/basename of %j", (p, dir, base) => {
    expect(dirname(p)).toBe(dir);
    expect(basename(p)).toBe(base);
  });

  it.each([
    ["abc", 3],
    ["é", 2],
    ["€", 3],
    ["😀", 4],
  ])("utf8Length(%j) = %d", (s, n) => expect(utf8Length(s)).toBe(n));
});

function fsWith(files: Record<string, string>, limits = {}): VirtualFs {
  let t = 1000;
  const fs = new VirtualFs({ now: () => t++, limits });
  for (const [p, c] of Object.entries(files)) {
    fs.mkdir(dirname(p), { parents: true });
    fs.writeFile(p, c);
  }
  return fs;
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe("errors", () => {
  const fs = fsWith({ "/d/f": "x" });
  it.each([
    ["read a missing file", () => fs.readFile("/d/nope"), "ENOENT"],
    ["read a directory", () => fs.readFile("/d"), "EISDIR"],
    ["read through a file", () => fs.readFile("/d/f/x"), "ENOTDIR"],
    ["read a file as a directory", () => fs.readFile("/d/f/"), "ENOTDIR"],
    ["write into a missing directory", () => fs.writeFile("/nope/f", "x"), "ENOENT"],
    ["write over a directory", () => fs.writeFile("/d", "x"), "EISDIR"],
    ["mkdir an existing name", () => fs.mkdir("/d/f"), "EEXIST"],
    ["mkdir -p through a file", () => fs.mkdir("/d/f/g", { parents: true }), "ENOTDIR"],
    ["remove a non-empty directory", () => fs.remove("/d"), "ENOTEMPTY"],
    ["remove the root", () => fs.remove("/"), "EBUSY"],
    ["a name over 255 bytes", () => fs.writeFile(`/${"n".repeat(256)}`, ""), "ENAMETOOLONG"],
    ["move a directory into itself", () => fs.rename("/d", "/d/inner"), "EINVAL"],
    ["readdir a file", () => fs.readdir("/d/f"), "ENOTDIR"],
  ])("%s: %s", (_name, fn, expected) => expect(code(fn)).toBe(expected));
});

describe("operations", () => {
  it("readdir sorts in byte order", () => {
    const fs = fsWith({ "/b": "", "/a": "", "/Z": "", "/.h": "", "/a-b": "", "/a.b": "" });
    expect(fs.readdir("/")).toEqual([".h", "Z", "a", "a-b", "a.b", "b"]);
  });

  it("stat reports sizes, links and mtimes", () => {
    const fs = fsWith({ "/d/f": "héllo", "/d/sub/g": "" });
    expect(fs.stat("/d/f")).toMatchObject({ kind: "file", size: 6, nlink: 1, mode: 0o644 });
    expect(fs.stat("/d")).toMatchObject({ kind: "dir", size: 4096, nlink: 3, mode: 0o755 });
    expect(fs.stat("/nope")).toBeUndefined();
  });

  it("append, rename over a file and remove keep usage right", () => {
    const fs = fsWith({ "/a": "12345", "/b": "12" });
    fs.writeFile("/a", "678", { append: true });
    expect(fs.readFile("/a")).toBe("12345678");
    expect(fs.usage()).toEqual({ bytes: 10, nodes: 3 });
    fs.rename("/a", "/b");
    expect(fs.usage()).toEqual({ bytes: 8, nodes: 2 });
    expect(fs.readFile("/b")).toBe("12345678");
    fs.remove("/b");
    expect(fs.usage()).toEqual({ bytes: 0, nodes: 1 });
  });
});

describe("limits", () => {
  it("bytes", () => {
    const fs = fsWith({}, { maxBytes: 10 });
    fs.writeFile("/a", "12345");
    expect(code(() => fs.writeFile("/b", "123456"))).toBe("ENOSPC");
    expect(code(() => fs.writeFile("/a", "x".repeat(6), { append: true }))).toBe("ENOSPC");
    fs.writeFile("/a", "1234567890");
    expect(fs.usage().bytes).toBe(10);
  });

  it("nodes", () => {
    const fs = fsWith({}, { maxNodes: 3 });
    fs.writeFile("/a", "");
    fs.mkdir("/d");
    expect(code(() => fs.writeFile("/b", ""))).toBe("ENOSPC");
    expect(code(() => fs.mkdir("/d/e/f", { parents: true }))).toBe("ENOSPC");
  });

  it("depth", () => {
    const fs = fsWith({}, { maxDepth: 3 });
    fs.mkdir("/a/b/c", { parents: true });
    expect(code(() => fs.mkdir("/a/b/c/d"))).toBe("ENAMETOOLONG");
  });
});

describe("snapshots", () => {
  it("round-trip every name, mode and mtime", () => {
    const fs = fsWith({ "/home/learner/__proto__": "odd", "/home/learner/constructor/x": "y", "/tmp/é": "ü" });
    fs.chmod("/tmp/é", 0o755);
    const copy = new VirtualFs();
    copy.restore(JSON.parse(JSON.stringify(fs.snapshot())));
    expect(copy.snapshot()).toEqual(fs.snapshot());
    expect(copy.readFile("/home/learner/__proto__")).toBe("odd");
    expect(copy.usage()).toEqual(fs.usage());
  });

  it.each([
    ["a name with a slash", { version: 1, root: { t: "d", m: 0, p: 0o755, e: [["a/b", { t: "f", m: 0, p: 0o644, c: "" }]] } }],
    ["a file as the root", { version: 1, root: { t: "f", m: 0, p: 0o644, c: "" } }],
    ["a future version", { version: 2, root: { t: "d", m: 0, p: 0o755, e: [] } }],
  ])("rejects %s", (_name, snapshot) => {
    const fs = fsWith({ "/keep": "me" });
    expect(() => fs.restore(snapshot as never)).toThrow(FsError);
    expect(fs.readFile("/keep")).toBe("me");
  });

  it("rejects a snapshot over the limits", () => {
    const big = fsWith({ "/a": "x".repeat(100) });
    const small = new VirtualFs({ limits: { maxBytes: 10 } });
    expect(code(() => small.restore(big.snapshot()))).toBe("ENOSPC");
  });
});
