// The decoder against real kubectl v1.32 (skipped when the binary is missing).
//
// kubectl is pointed at a throwaway API server whose create handler is our
// decodeBody: it answers discovery and just enough OpenAPI v3 for kubectl to
// know that the server takes ?fieldValidation (so kubectl sends Strict, or
// Warn with --validate=warn, instead of validating on its side).
//
// That checks three things: (1) kubectl's own check of metadata before it
// sends anything (decodeMetadataOnly; this is Go 1.23's decoder and time.Parse,
// the same code the API server runs); (2) what kubectl sends for a manifest
// (the body and fieldValidation); (3) how kubectl prints our 400 Status and
// our Warning headers.

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_CASES, BAD_OTHER_CASES, GOOD_OBJECTS } from "./decode.fixtures.ts";
import { decodeBody, decodeMetadataOnly, type FieldValidation } from "./decode.ts";
import { goTimeParseError, RFC3339 } from "./go-time.ts";
import { kindInfo } from "./schema.ts";

const KUBECTL = process.env.KUBEDOJO_KUBECTL ?? "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
type Obj = Record<string, unknown>;

const RESOURCES = [
  { group: "", version: "v1", resource: "pods", kind: "Pod" },
  { group: "", version: "v1", resource: "services", kind: "Service" },
  { group: "", version: "v1", resource: "configmaps", kind: "ConfigMap" },
  { group: "", version: "v1", resource: "secrets", kind: "Secret" },
  { group: "", version: "v1", resource: "events", kind: "Event" },
  { group: "apps", version: "v1", resource: "deployments", kind: "Deployment" },
  { group: "apps", version: "v1", resource: "statefulsets", kind: "StatefulSet" },
];

function openapi(group: string, version: string): Obj {
  const paths: Obj = {};
  for (const r of RESOURCES.filter((x) => x.group === group && x.version === version)) {
    const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
    paths[`${prefix}/namespaces/{namespace}/${r.resource}/{name}`] = {
      patch: {
        operationId: `patch${r.kind}`,
        "x-kubernetes-action": "patch",
        "x-kubernetes-group-version-kind": { group, version, kind: r.kind },
        parameters: [{ name: "fieldValidation", in: "query", schema: { type: "string", uniqueItems: true } }],
        responses: { "200": { description: "OK" } },
      },
    };
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.32.0" }, paths, components: { schemas: {} } };
}

function route(method: string, url: URL, body: string): [number, Obj, Record<string, string>] {
  const p = url.pathname;
  if (p === "/api") return [200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] }, {}];
  if (p === "/apis") {
    const gv = { groupVersion: "apps/v1", version: "v1" };
    return [200, { kind: "APIGroupList", apiVersion: "v1", groups: [{ name: "apps", versions: [gv], preferredVersion: gv }] }, {}];
  }
  if (p === "/api/v1" || p === "/apis/apps/v1") {
    const group = p === "/api/v1" ? "" : "apps";
    const resources = RESOURCES.filter((r) => r.group === group).map((r) => ({ name: r.resource, singularName: r.kind.toLowerCase(), namespaced: true, kind: r.kind, verbs: ["create", "get", "patch"] }));
    return [200, { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? "apps/v1" : "v1", resources }, {}];
  }
  if (p === "/openapi/v3") return [200, { paths: { "api/v1": { serverRelativeURL: "/openapi/v3/api/v1?hash=A" }, "apis/apps/v1": { serverRelativeURL: "/openapi/v3/apis/apps/v1?hash=B" } } }, {}];
  if (p === "/openapi/v3/api/v1") return [200, openapi("", "v1"), {}];
  if (p === "/openapi/v3/apis/apps/v1") return [200, openapi("apps", "v1"), {}];
  const m = /^\/(?:api\/v1|apis\/(apps)\/v1)\/namespaces\/[^/]+\/([^/]+)$/.exec(p);
  const r = m && RESOURCES.find((x) => x.group === (m[1] ?? "") && x.resource === m[2]);
  if (method === "POST" && r) {
    const obj = JSON.parse(body) as Obj;
    const mode = (url.searchParams.get("fieldValidation") ?? "Warn") as FieldValidation;
    const result = decodeBody(kindInfo(r.group ? `${r.group}/${r.version}` : r.version, r.kind)!, obj, mode, body);
    if (result.error) return [400, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: result.error, reason: "BadRequest", code: 400 }, {}];
    const headers: Record<string, string> = {};
    if (result.warnings.length) headers.Warning = result.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(", ");
    return [201, obj, headers];
  }
  return [404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404 }, {}];
}

let server: Server | null = null;
let base = "";
let home = "";

function kubectl(manifest: Obj, extra: readonly string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "kubedojo-decode-"));
  writeFileSync(join(dir, "m.json"), JSON.stringify(manifest));
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      [`--server=${base}`, "--kubeconfig=/dev/null", "create", "-f", "m.json", ...extra],
      { cwd: dir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home }, timeout: 20_000 },
      (_err, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        resolve(stderr + stdout);
      },
    );
  });
}

/** What kubectl prints for `create -f m.json` when the server is decodeBody. */
function expected(obj: Obj, mode: FieldValidation = "Strict"): string {
  const client = decodeMetadataOnly(obj);
  if (client) return `error: unable to decode "m.json": ${client}\n`;
  const r = decodeBody(kindInfo(obj.apiVersion as string, obj.kind as string)!, obj, mode);
  if (r.error) return `Error from server (BadRequest): error when creating "m.json": ${r.error}\n`;
  const what = obj.kind === "Deployment" || obj.kind === "StatefulSet" ? `${(obj.kind as string).toLowerCase()}.apps` : (obj.kind as string).toLowerCase();
  return r.warnings.map((w) => `Warning: ${w}\n`).join("") + `${what}/${(obj.metadata as Obj).name as string} created\n`;
}

const withTimestamp = (t: string): Obj => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", creationTimestamp: t } });
const TIMES = [
  "2024-05-01T10:00:00Z",
  "2024-01-01T7:00:00Z",
  "2024-05-01T10:00:00.1234567891Z",
  "4xcW^%Upqj",
  "1..2",
  "",
  "é2024",
  "2024-13-01T00:00:00Z",
  "2024-02-30T00:00:00Z",
  "2023-02-29T00:00:00Z",
  "2024-01-01T24:00:00Z",
  "2024-01-01T00:60:00Z",
  "2024-01-01T00:00:00+25:00",
  "2024-01-01T00:00:00+01:61",
  "2024-01-01T00:00:00.5+01:0",
  "2024-01-01T00:00:00Zjunk",
  "2024-01-01",
  "2024/01/01T00:00:00Z",
  '"quoted"',
];
const METADATA: readonly Obj[] = [
  { apiVersion: "v1", kind: "ConfigMap", metadata: 5 },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: 5 } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", labels: ["a"] } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", annotations: { a: true } } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", ownerReferences: [{ uid: 5 }] } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", generation: 1.5 } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", finalizers: "a" } },
];
const UNKNOWN: Obj = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "u" },
  spec: { foo: 1, selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i", imagePullPolice: "Always" }] } } },
};

interface Run {
  name: string;
  obj: Obj;
  args: readonly string[];
  want: string;
  got?: string;
}
const runs: Run[] = [
  ...TIMES.map((t) => ({ name: `creationTimestamp ${JSON.stringify(t)}`, obj: withTimestamp(t), args: [], want: "" })),
  ...METADATA.map((o) => ({ name: `metadata ${JSON.stringify(o.metadata)}`, obj: o, args: [], want: "" })),
  ...[...BAD_CASES, ...BAD_OTHER_CASES].filter(([, o]) => RESOURCES.some((r) => r.kind === o.kind)).map(([name, obj]) => ({ name, obj, args: [], want: "" })),
  ...GOOD_OBJECTS.filter((o) => RESOURCES.some((r) => r.kind === o.kind)).map((obj) => ({ name: `good ${obj.kind as string}`, obj, args: [], want: "" })),
  { name: "unknown fields, --validate=strict (the default)", obj: UNKNOWN, args: [], want: "" },
  { name: "unknown fields, --validate=warn", obj: UNKNOWN, args: ["--validate=warn"], want: "" },
  { name: "unknown fields, --validate=false", obj: UNKNOWN, args: ["--validate=false"], want: "" },
];
for (const r of runs) {
  const mode: FieldValidation = r.args.includes("--validate=warn") ? "Warn" : r.args.includes("--validate=false") ? "Ignore" : "Strict";
  r.want = expected(r.obj, mode);
}

describe.skipIf(!existsSync(KUBECTL))("typed decoding matches kubectl v1.32 (oracle)", () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "kubedojo-decode-home-"));
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        const [code, obj, headers] = route(req.method ?? "GET", new URL(req.url ?? "/", "http://x"), body);
        res.writeHead(code, { "Content-Type": "application/json", ...headers });
        res.end(JSON.stringify(obj));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // One run fills the discovery cache; then the rest in parallel.
    runs[0]!.got = await kubectl(runs[0]!.obj, runs[0]!.args);
    const queue = runs.slice(1);
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) r.got = await kubectl(r.obj, r.args);
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it.each(runs.map((r) => [r.name, r] as const))("%s", (_name, r) => {
    expect(r.got).toBe(r.want);
  });

  it("the time cases are kubectl's own time.Parse", () => {
    for (const t of TIMES) {
      const err = goTimeParseError(RFC3339, t);
      const r = runs.find((x) => x.obj.metadata && (x.obj.metadata as Obj).creationTimestamp === t)!;
      if (err) expect(r.got).toBe(`error: unable to decode "m.json": ${err}\n`);
      else expect(r.got).toBe("configmap/cm created\n");
    }
  });
});

if (!existsSync(KUBECTL)) {
  describe("kubectl oracle", () => {
    it.skip(`skipped: ${KUBECTL} not installed`, () => {});
  });
}
