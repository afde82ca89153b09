// The writing commands in-process: what the oracle cannot show yet (strict
// field validation needs OpenAPI in the shim) and the API server's side of
// it, ConfigMap/Secret validation, and delete waiting in virtual time.
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { ApiError } from "../../engine/api/errors.ts";
import { words } from "./words.ts";
import { WRITE_FILES } from "./write-files.ts";

async function kubectl(cluster: Cluster, line: string) {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { api: cluster.api, now: () => cluster.now().getTime(), wait: async (ms) => cluster.advance(ms), idle: () => cluster.idle(), readFile: (p) => WRITE_FILES[p] },
  );
  return { stdout, stderr, exitCode };
}

describe("field validation (fieldValidation on writes)", () => {
  it.each([
    [
      "strict (kubectl's default) refuses an unknown field",
      "create -f unknown.yaml",
      {
        stdout: "",
        stderr:
          'Error from server (BadRequest): error when creating "unknown.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"\n',
        exitCode: 1,
      },
    ],
    ["warn prints the server's warning and creates", "create -f unknown.yaml --validate=warn", { stdout: "deployment.apps/hello created\n", stderr: 'Warning: unknown field "spec.foo"\n', exitCode: 0 }],
    ["ignore says nothing", "create -f unknown.yaml --validate=false", { stdout: "deployment.apps/hello created\n", stderr: "", exitCode: 0 }],
    ["apply strict refuses it too", "apply -f unknown.yaml", { exitCode: 1 }],
    ["a bad --validate value", "create -f d.yaml --validate=maybe", { stderr: 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n', exitCode: 1 }],
  ])("%s", async (_name, line, want) => {
    const cluster = createCluster({ seed: 1 });
    expect(await kubectl(cluster, line)).toMatchObject(want);
  });

  it("the server drops unknown fields it was told to ignore or warn about", () => {
    const cluster = createCluster({ seed: 1 });
    const warnings: string[] = [];
    const cm = cluster.api.create(
      "configmaps",
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { a: "b" } }, data: { k: "v" }, extra: 1 } as never,
      { fieldValidation: "Warn", warnings },
    );
    expect(warnings).toEqual(['unknown field "extra"']);
    expect(cm).not.toHaveProperty("extra");
    expect(cm.metadata.labels).toEqual({ a: "b" });
  });
});

describe("ConfigMap and Secret", () => {
  function invalid(f: () => unknown): string {
    try {
      f();
    } catch (err) {
      if (err instanceof ApiError) return err.status.message ?? "";
    }
    return "no error";
  }
  it.each([
    [
      "a config key with a space",
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "a b": "1" } },
      `ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
    [
      "a key in both data and binaryData",
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { k: "1" }, binaryData: { k: "MQ==" } },
      `ConfigMap "c" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData`,
    ],
    [
      "a TLS secret without its key",
      { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "kubernetes.io/tls", data: { "tls.crt": "eA==" } },
      `Secret "s" is invalid: data[tls.key]: Required value`,
    ],
  ])("%s is refused", (_name, obj, message) => {
    const cluster = createCluster({ seed: 1 });
    const resource = obj.kind === "Secret" ? "secrets" : "configmaps";
    expect(invalid(() => cluster.api.create(resource, obj as never))).toBe(message);
  });

  it("a Secret's stringData is written into data and its type defaults to Opaque", () => {
    const cluster = createCluster({ seed: 1 });
    const s = cluster.api.create("secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { pw: "s3cret" } } as never);
    expect(s).toMatchObject({ data: { pw: "czNjcmV0" }, type: "Opaque" });
    expect(s).not.toHaveProperty("stringData");
  });

  it("an immutable ConfigMap keeps its data", async () => {
    const cluster = createCluster({ seed: 1 });
    cluster.api.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, immutable: true, data: { k: "1" } } as never);
    const cm = cluster.api.get("configmaps", "default", "c");
    expect(invalid(() => cluster.api.update("configmaps", { ...cm, data: { k: "2" } } as never))).toBe(
      'ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
  });

  it("get prints their tables", async () => {
    const cluster = createCluster({ seed: 1 });
    await kubectl(cluster, "create -f list.yaml --validate=false");
    expect((await kubectl(cluster, "get cm,secret")).stdout).toBe(
      "NAME            DATA   AGE\nconfigmap/one   1      0s\n\nNAME         TYPE     DATA   AGE\nsecret/two   Opaque   1      0s\n",
    );
  });
});

describe("delete waits in virtual time", () => {
  it("a pod's graceful termination passes before delete returns; --wait=false returns at once", async () => {
    const cluster = createCluster({ seed: 1 });
    await kubectl(cluster, "create -f pod.yaml --validate=false");
    cluster.settle();
    const before = cluster.now().getTime();
    expect(await kubectl(cluster, "delete pod solo")).toEqual({ stdout: 'pod "solo" deleted\n', stderr: "", exitCode: 0 });
    expect(cluster.api.find("pods", "default", "solo")).toBeUndefined();
    expect(cluster.now().getTime()).toBeGreaterThan(before);

    await kubectl(cluster, "create -f pod.yaml --validate=false");
    cluster.settle();
    const t = cluster.now().getTime();
    expect((await kubectl(cluster, "delete pod solo --wait=false")).exitCode).toBe(0);
    expect(cluster.now().getTime()).toBe(t);
    expect(cluster.api.find("pods", "default", "solo")?.metadata.deletionTimestamp).toBeDefined();
  });

  it("gives up at --timeout on an object a finalizer keeps", async () => {
    const cluster = createCluster({ seed: 1 });
    cluster.api.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "held", finalizers: ["example.com/hold"] } } as never);
    expect(await kubectl(cluster, "delete cm held --timeout=5s")).toEqual({
      stdout: 'configmap "held" deleted\n',
      stderr: "error: timed out waiting for the condition on configmaps/held\n",
      exitCode: 1,
    });
  });
});
