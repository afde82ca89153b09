// An HTTP server that serves what `kubectl explain` reads: discovery for the
// registry's kinds and our OpenAPI documents (/openapi/v3 and its
// group-version documents; /openapi/v2 as the protobuf kubectl asks for).
// Real kubectl v1.32 pointed at it renders OUR documents, so its output can
// be compared byte for byte with our `kubectl explain`.

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApiDocuments } from "../../engine/api/openapi/index.ts";
import type { Registry } from "../../engine/api/registry.ts";
import { discoveryOrder, discoveryResources, SERVER_VERSION } from "../../engine/kubectl/discovery.ts";
import { KUBECTL_PATH, type KubectlResult } from "./kubectl.ts";
import { swaggerProtobuf } from "./openapi-v2-proto.ts";

export { oracleSkipReason } from "./kubectl.ts";

export class OpenApiServer {
  private server: Server | null = null;
  private readonly home = mkdtempSync(join(tmpdir(), "kubedojo-openapi-home-"));
  private v2Bytes: Uint8Array | undefined;
  url = "";

  constructor(private readonly registry: Registry) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    mkdirSync(join(this.home, ".kube"), { recursive: true });
    writeFileSync(
      join(this.home, ".kube", "config"),
      [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: kubedojo",
        "  cluster:",
        `    server: ${this.url}`,
        "contexts:",
        "- name: kubedojo",
        "  context:",
        "    cluster: kubedojo",
        "    user: learner",
        "current-context: kubedojo",
        "users:",
        "- name: learner",
        "  user:",
        "    token: kubedojo-sandbox-token",
        "",
      ].join("\n"),
    );
    mkdirSync(join(this.home, "bin"));
    symlinkSync(KUBECTL_PATH, join(this.home, "bin", "kubectl"));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.home, { recursive: true, force: true });
  }

  /** Real kubectl with `args` against this server. */
  kubectl(args: readonly string[]): Promise<KubectlResult> {
    return new Promise((resolve) => {
      execFile(
        join(this.home, "bin", "kubectl"),
        [...args],
        { cwd: this.home, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: this.home }, encoding: "utf8", maxBuffer: 16 << 20, timeout: 20_000 },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ stdout, stderr, exitCode });
        },
      );
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.replace(/\/$/, "");
    const docs = openApiDocuments(discoveryOrder(this.registry));
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (path === "/openapi/v2") {
      this.v2Bytes ??= swaggerProtobuf(docs.v2());
      res.writeHead(200, { "content-type": "application/com.github.proto-openapi.spec.v2.v1.0+protobuf" });
      res.end(Buffer.from(this.v2Bytes));
      return;
    }
    if (path === "/openapi/v3") return json(200, docs.v3Index());
    if (path.startsWith("/openapi/v3/")) {
      const doc = docs.v3(path.slice("/openapi/v3/".length));
      return doc ? json(200, doc) : json(404, notFound());
    }
    if (path === "/version") return json(200, SERVER_VERSION);
    const discovery = this.discovery(path);
    if (discovery) return json(200, discovery);
    json(404, notFound());
  }

  private discovery(path: string): unknown {
    const types = this.registry.all();
    if (path === "/api") return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:6443" }] };
    const groups = [...new Set(types.filter((t) => t.group !== "").map((t) => t.group))].sort();
    if (path === "/apis") {
      return {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: groups.map((g) => {
          const version = types.find((t) => t.group === g)!.version;
          const gv = { groupVersion: `${g}/${version}`, version };
          return { name: g, versions: [gv], preferredVersion: gv };
        }),
      };
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m) return undefined;
    const group = m[2] ?? "";
    const version = m[1] ?? m[3]!;
    const resources = discoveryResources(this.registry, group, version);
    if (!resources) return undefined;
    return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
  }
}

function notFound(): unknown {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the server could not find the requested resource", reason: "NotFound", code: 404 };
}
