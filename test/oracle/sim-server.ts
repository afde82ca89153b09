// The differential oracle: a minimal HTTP shim in front of one simulated
// cluster's API server, so real kubectl v1.32 can talk to the very objects
// our built-in kubectl prints. The shim answers what kubectl asks for:
// legacy discovery for the registry's kinds, /version, get and list (as a
// Table when kubectl asks for `application/json;as=Table`, else the objects
// in their wire form), with label and field selectors, watches, writes
// (create, update, the three patch types, delete, dry run), and Status
// bodies for errors.
//
// Ages: the server-side Table cells are computed by the simulated API server
// (virtual time) for both kubectls, so `get` tables compare byte for byte.
// `describe` computes ages on the client from its own clock: compare with our
// kubectl run at the wall time real kubectl ran at (see `wallClockWindow`).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiError } from "../../engine/api/errors.ts";
import { decodeProtobufBody, PROTOBUF_CONTENT_TYPE } from "../../engine/api/protobuf/decode.ts";
import { fromServedVersion, servedVersions, servesVersion, toServedVersion, type ResourceType } from "../../engine/api/registry.ts";
import type { ApiServer } from "../../engine/api/server.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import { discoveryResources, SERVER_VERSION } from "../../engine/kubectl/discovery.ts";
import { nodeLease } from "../../engine/kubectl/describe/describers.ts";
import { toWire } from "../../engine/kubectl/wire.ts";
import { KUBECTL_PATH, type KubectlResult, type RunOptions } from "./kubectl.ts";

export { oracleSkipReason } from "./kubectl.ts";
import { parseGoJson } from "../../engine/kubectl/commands/go-json.ts";

type Obj = Record<string, unknown>;

function status(code: number, reason: string, message: string): Obj {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

/** Resources kubectl's describers list that the simulated cluster does not serve: answered empty. */
const EMPTY_LISTS: Record<string, { apiVersion: string; kind: string }> = {
  resourcequotas: { apiVersion: "v1", kind: "ResourceQuotaList" },
  limitranges: { apiVersion: "v1", kind: "LimitRangeList" },
  services: { apiVersion: "v1", kind: "ServiceList" },
  persistentvolumeclaims: { apiVersion: "v1", kind: "PersistentVolumeClaimList" },
};

export interface SimRunOptions extends RunOptions {
  /** Standard input for the command (`-f -`). */
  stdin?: string;
}

export interface SimServerOptions {
  /** The clock leases are renewed by (default: the wall clock, which real kubectl's ages use). */
  clock?: () => number;
  /** The kubeconfig context's namespace (default: none, i.e. "default"). */
  namespace?: string;
  /** Log each request's method, URL and Accept header (for exploring what kubectl asks). */
  log?: (line: string) => void;
}

export class SimApiServer {
  private server: Server | null = null;
  private readonly home = mkdtempSync(join(tmpdir(), "kubedojo-sim-home-"));
  url = "";

  constructor(
    private readonly api: ApiServer,
    private readonly options: SimServerOptions = {},
  ) {}

  private clock(): number {
    return this.options.clock?.() ?? Date.now();
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    // A kubeconfig like the simulated kubectl's (context, cluster and user
    // names), pointing at this server; and the binary linked as `kubectl`, so
    // messages that quote os.Args[0] say `kubectl`.
    mkdirSync(join(this.home, ".kube"), { recursive: true });
    writeFileSync(join(this.home, ".kube", "config"), kubeconfigYaml(this.url, this.options.namespace));
    mkdirSync(join(this.home, "bin"));
    symlinkSync(KUBECTL_PATH, join(this.home, "bin", "kubectl"));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.home, { recursive: true, force: true });
  }

  /**
   * Real kubectl with `args` against this server (through the kubeconfig in
   * its HOME). TZ is UTC so describe's timestamps match ours. `files` are
   * written to a fresh working directory.
   */
  kubectl(args: readonly string[], options: SimRunOptions = {}): Promise<KubectlResult> {
    const dir = mkdtempSync(join(tmpdir(), "kubedojo-sim-cwd-"));
    for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), text);
    return new Promise((resolve) => {
      const child = execFile(
        join(this.home, "bin", "kubectl"),
        [...args],
        {
          cwd: dir,
          env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: this.home, TZ: "UTC", ...options.env },
          encoding: "utf8",
          maxBuffer: 16 << 20,
          timeout: 20_000,
        },
        (error, stdout, stderr) => {
          rmSync(dir, { recursive: true, force: true });
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ stdout, stderr, exitCode: code });
        },
      );
      if (options.stdin !== undefined) child.stdin?.end(options.stdin);
      else child.stdin?.end();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://x");
    const accept = String(req.headers.accept ?? "");
    this.options.log?.(`${req.method} ${url.pathname}${url.search} [${accept}]`);
    let code = 200;
    let body: unknown;
    try {
      if (this.podSubresource(req, url, res)) return;
      if (req.method !== "GET") {
        void this.readBody(req).then((raw) => {
          let [c, b]: [number, unknown] = [500, undefined];
          try {
            [c, b] = this.write(req.method ?? "", url, String(req.headers["content-type"] ?? ""), raw);
          } catch (err) {
            if (err instanceof ApiError) [c, b] = [err.code, err.status];
            else [c, b] = [500, status(500, "InternalError", String(err))];
          }
          res.writeHead(c, { "content-type": "application/json" });
          res.end(JSON.stringify(b));
        });
        return;
      } else if (url.searchParams.get("watch") === "true" || url.searchParams.get("watch") === "1") {
        if (this.startWatch(url, accept.includes("as=Table"), res)) return;
        [code, body] = [404, status(404, "NotFound", "the server could not find the requested resource")];
      } else {
        [code, body] = this.route(url, accept.includes("as=Table"));
      }
    } catch (err) {
      if (err instanceof ApiError) [code, body] = [err.code, err.status];
      else [code, body] = [500, status(500, "InternalError", String(err))];
    }
    res.writeHead(code, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  /** pods/log (plain text, kubelet errors as a Status) and pods/eviction (a protobuf body is read as "no options"). */
  private podSubresource(req: IncomingMessage, url: URL, res: ServerResponse): boolean {
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(log|eviction)$/.exec(url.pathname);
    if (!m) return false;
    const [namespace, name] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
    const reply = (fn: () => [number, string, string]) => {
      let [code, type, text] = [500, "application/json", ""];
      try {
        [code, type, text] = fn();
      } catch (err) {
        [code, type, text] = err instanceof ApiError ? [err.code, "application/json", JSON.stringify(err.status)] : [500, "application/json", JSON.stringify(status(500, "InternalError", String(err)))];
      }
      res.writeHead(code, { "content-type": type });
      res.end(text);
    };
    if (m[3] === "log") {
      const q = url.searchParams;
      const num = (k: string) => (q.get(k) === null ? undefined : Number(q.get(k)));
      reply(() => {
        const r = this.api.podLogs(namespace, name, {
          container: q.get("container") ?? undefined,
          previous: q.get("previous") === "true",
          timestamps: q.get("timestamps") === "true",
          tailLines: num("tailLines"),
          sinceSeconds: num("sinceSeconds"),
          sinceTime: q.get("sinceTime") ?? undefined,
          limitBytes: num("limitBytes"),
        });
        return [200, "text/plain", r.text];
      });
      return true;
    }
    void this.readBody(req).then((raw) => {
      const text = new TextDecoder().decode(raw);
      reply(() => {
        let body: { deleteOptions?: Record<string, unknown> } = {};
        if (String(req.headers["content-type"] ?? "").includes("json") && text) body = JSON.parse(text);
        return [201, "application/json", JSON.stringify(this.api.evict(namespace, name, body))];
      });
    });
    return true;
  }

  private readBody(req: IncomingMessage): Promise<Uint8Array> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (d: Buffer) => chunks.push(d));
      req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  }

  /**
   * POST (create), PUT (update, also /status), PATCH (json, merge,
   * strategic) and DELETE, with dryRun; enough for kubectl's write commands.
   */
  private write(method: string, url: URL, contentType: string, raw: Uint8Array): [number, unknown] {
    const text = new TextDecoder().decode(raw);
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+)(?=\/))?\/([^/]+)(?:\/([^/]+))?(?:\/(status|scale))?\/?$/.exec(url.pathname);
    if (!m) return [404, status(404, "NotFound", "the server could not find the requested resource")];
    const group = m[2] ?? "";
    const version = m[1] ?? m[3]!;
    const namespace = m[4] === undefined ? undefined : decodeURIComponent(m[4]);
    const name = m[6] === undefined ? undefined : decodeURIComponent(m[6]);
    const type = this.api.registry.all().find((t) => t.group === group && t.resource === m[5] && servesVersion(t, version));
    if (!type) return [404, status(404, "NotFound", "the server could not find the requested resource")];
    // Objects are read and answered in the version the URL names.
    const out = (o: KubeObject) => toWire(toServedVersion(type, version, o));
    const input = (o: unknown) => fromServedVersion(type, version, o as KubeObject);
    const dryRun = url.searchParams.get("dryRun") === "All";
    const subresource = m[7];
    let body: unknown;
    // kubectl's typed clients (create deployment, ...) send protobuf: decoded to the JSON of the same object.
    if (contentType.startsWith(PROTOBUF_CONTENT_TYPE)) {
      const target = subresource === "scale" ? { apiVersion: "autoscaling/v1", kind: "Scale" } : { apiVersion: group ? `${group}/${version}` : version, kind: type.kind };
      const decoded = decodeProtobufBody(raw, target);
      if ("error" in decoded) return [400, status(400, "BadRequest", decoded.error)];
      body = decoded.object;
    } else if (text !== "") {
      // Go's encoding/json syntax errors, as a real API server answers malformed bodies.
      body = parseGoJson(text);
    }
    if (method === "POST" && name === undefined) {
      const created = this.api.create(type.resource, input(body), { namespace, dryRun });
      return [201, out(created)];
    }
    if (name === undefined) return [405, status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")];
    if (subresource === "scale") {
      if (method === "PUT") return [200, this.api.updateScale(type.resource, namespace, name, body, { dryRun })];
      if (method === "PATCH") {
        const patchType = patchTypeOf(contentType);
        if (!patchType) return [415, unsupportedPatch()];
        return [200, this.api.patchScale(type.resource, namespace, name, patchType, body, { dryRun })];
      }
    }
    if (method === "PUT") {
      const obj = input(body);
      if (type.namespaced && obj?.metadata && !obj.metadata.namespace) obj.metadata.namespace = namespace;
      const updated = this.api.update(type.resource, obj, { dryRun, subresource: subresource === "status" ? "status" : undefined });
      return [200, out(updated)];
    }
    if (method === "PATCH") {
      const patchType = patchTypeOf(contentType);
      if (!patchType) return [415, unsupportedPatch()];
      const patched = this.api.patch(type.resource, namespace, name, patchType, body, { dryRun, subresource: subresource === "status" ? "status" : undefined, version });
      return [200, out(patched)];
    }
    if (method === "DELETE") {
      const opts = (body ?? {}) as { propagationPolicy?: "Background" | "Foreground" | "Orphan"; gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string } };
      const q = url.searchParams;
      const grace = q.get("gracePeriodSeconds");
      const deleted = this.api.delete(type.resource, namespace, name, {
        dryRun: dryRun || (opts as { dryRun?: string[] }).dryRun?.includes("All"),
        propagationPolicy: opts.propagationPolicy ?? ((q.get("propagationPolicy") as "Background" | null) ?? undefined),
        gracePeriodSeconds: opts.gracePeriodSeconds ?? (grace === null ? undefined : Number(grace)),
        preconditions: opts.preconditions,
      });
      return [200, out(deleted)];
    }
    return [405, status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")];
  }

  private route(url: URL, asTable: boolean): [number, unknown] {
    const path = url.pathname.replace(/\/$/, "");
    const discovery = this.discovery(path);
    if (discovery) return [200, discovery];
    if (path === "/version") return [200, SERVER_VERSION];
    // The kubelets' node leases (describe node reads them): served as a real cluster has them.
    const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(path);
    if (lease) {
      const node = this.api.get("nodes", undefined, lease[1]!);
      const l = nodeLease(node, this.clock());
      return [
        200,
        {
          kind: "Lease",
          apiVersion: "coordination.k8s.io/v1",
          metadata: { name: lease[1], namespace: "kube-node-lease" },
          spec: { holderIdentity: l.holderIdentity, leaseDurationSeconds: 40, renewTime: l.renewTime },
        },
      ];
    }

    // /api/v1[/namespaces/NS]/RES[/NAME] or /apis/G/V[/namespaces/NS]/RES[/NAME]
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+)(?=\/))?\/([^/]+)(?:\/([^/]+))?(?:\/(scale))?$/.exec(path);
    if (!m) return [404, status(404, "NotFound", "the server could not find the requested resource")];
    const group = m[2] ?? "";
    const version = m[1] ?? m[3]!;
    // (/api/v1/namespaces/NAME is the namespace itself: namespace stays undefined.)
    const namespace = m[4] === undefined ? undefined : decodeURIComponent(m[4]);
    const resource = m[5]!;
    const name = m[6] === undefined ? undefined : decodeURIComponent(m[6]);
    const type = this.api.registry.all().find((t) => t.group === group && t.resource === resource && servesVersion(t, version));
    if (!type) {
      const empty = EMPTY_LISTS[resource];
      if (empty && name === undefined) return [200, { ...empty, metadata: { resourceVersion: "1" }, items: [] }];
      if (name !== undefined) return [404, status(404, "NotFound", `${resource}${group ? "." + group : ""} "${name}" not found`)];
      return [404, status(404, "NotFound", "the server could not find the requested resource")];
    }
    if (name !== undefined && m[7] === "scale") {
      return [200, this.api.getScale(type.resource, namespace, name)];
    }
    if (name !== undefined) {
      const obj = this.api.get(type.resource, namespace, name);
      return [200, asTable ? this.table(type, [obj], url, version) : toWire(toServedVersion(type, version, obj))];
    }
    const list = this.api.list(type.resource, {
      namespace,
      labelSelector: url.searchParams.get("labelSelector") ?? undefined,
      fieldSelector: url.searchParams.get("fieldSelector") ?? undefined,
    });
    if (asTable) return [200, this.table(type, list.items, url, version)];
    return [
      200,
      {
        kind: `${type.kind}List`,
        apiVersion: type.group ? `${type.group}/${version}` : version,
        metadata: { resourceVersion: list.resourceVersion },
        // A real server's list items carry no apiVersion/kind.
        items: list.items.map((o) => {
          const { apiVersion: _a, kind: _k, ...rest } = toWire(toServedVersion(type, version, o)) as unknown as Obj;
          return rest;
        }),
      },
    ];
  }

  /** Active watch streams; `watching` resolves once one has started. */
  private readonly streams = new Set<ServerResponse>();
  private watchStarted: (() => void) | undefined;

  /** Resolves when the next watch request has been answered with its headers. */
  nextWatch(): Promise<void> {
    return new Promise((resolve) => (this.watchStarted = resolve));
  }

  /** End every open watch stream (the kubectl watching sees the server close it). */
  endWatches(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  /**
   * A watch: one JSON event per line as the simulated API server reports
   * changes (Tables when asked for them, rows built at the moment of the
   * change). From resourceVersion 0 the current objects come first as ADDED.
   */
  private startWatch(url: URL, asTable: boolean, res: ServerResponse): boolean {
    const path = url.pathname.replace(/\/$/, "");
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+)(?=\/))?\/([^/]+)$/.exec(path);
    if (!m) return false;
    const group = m[2] ?? "";
    const version = m[1] ?? m[3]!;
    const type = this.api.registry.all().find((t) => t.group === group && t.resource === m[5] && servesVersion(t, version));
    if (!type) return false;
    const options = {
      namespace: m[4],
      labelSelector: url.searchParams.get("labelSelector") ?? undefined,
      fieldSelector: url.searchParams.get("fieldSelector") ?? undefined,
    };
    res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
    // Headers at once, as a real API server sends them: a client watching with an
    // uncancellable context (rollout status) only closes a watch it has received.
    res.flushHeaders();
    const send = (eventType: string, obj: KubeObject) => {
      const object = asTable ? this.table(type, [obj], url, version) : toWire(toServedVersion(type, version, obj));
      res.write(JSON.stringify({ type: eventType, object }) + "\n");
    };
    if (url.searchParams.get("resourceVersion") === "0") {
      for (const obj of this.api.list(type.resource, options).items) send("ADDED", obj);
    }
    const unsubscribe = this.api.watch(type.resource, options, (e) => send(e.type, e.object));
    this.streams.add(res);
    res.on("close", () => {
      unsubscribe();
      this.streams.delete(res);
    });
    const started = this.watchStarted;
    this.watchStarted = undefined;
    started?.();
    return true;
  }

  /**
   * Start real kubectl and leave it running (a watch): `stop()` interrupts it
   * (SIGINT, as Ctrl-C) and returns what it printed.
   */
  spawnKubectl(args: readonly string[]): { stop(): Promise<KubectlResult>; exited: Promise<number> } {
    let stdout = "";
    let stderr = "";
    const child = spawn(join(this.home, "bin", "kubectl"), [...args], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: this.home, TZ: "UTC" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 130)));
    return {
      exited,
      async stop() {
        child.kill("SIGINT");
        const exitCode = await exited;
        return { stdout, stderr, exitCode };
      },
    };
  }

  private table(type: ResourceType, objects: readonly KubeObject[], url: URL, version: string): unknown {
    const table = this.api.table(type.resource, objects);
    const include = url.searchParams.get("includeObject") ?? "Metadata";
    return {
      ...table,
      rows: table.rows.map((row) => ({
        cells: row.cells,
        object:
          include === "None"
            ? undefined
            : include === "Object"
              ? toWire(toServedVersion(type, version, row.object!))
              : { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: toWire(row.object!).metadata },
      })),
    };
  }

  private discovery(path: string): unknown {
    const types = this.api.registry.all();
    if (path === "/api") return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:6443" }] };
    const groups = [...new Set(types.filter((t) => t.group !== "").map((t) => t.group))].sort();
    if (path === "/apis") {
      return {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: groups.map((g) => {
          const versions = [...new Set(types.filter((t) => t.group === g).flatMap(servedVersions))];
          const gvs = versions.map((version) => ({ groupVersion: `${g}/${version}`, version }));
          return { name: g, versions: gvs, preferredVersion: gvs[0] };
        }),
      };
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m) return undefined;
    const group = m[2] ?? "";
    const version = m[1] ?? m[3]!;
    const resources = discoveryResources(this.api.registry, group, version);
    if (!resources) return undefined;
    return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
  }
}

function patchTypeOf(contentType: string): "json" | "merge" | "strategic" | undefined {
  if (contentType.startsWith("application/json-patch+json")) return "json";
  if (contentType.startsWith("application/merge-patch+json")) return "merge";
  if (contentType.startsWith("application/strategic-merge-patch+json")) return "strategic";
  return undefined;
}

function unsupportedPatch(): Obj {
  return status(
    415,
    "UnsupportedMediaType",
    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json",
  );
}

/** The kubeconfig real kubectl reads: DEFAULT_KUBECONFIG's names, this server's URL. */
function kubeconfigYaml(server: string, namespace: string | undefined): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: kubedojo",
    "  cluster:",
    `    server: ${server}`,
    "contexts:",
    "- name: kubedojo",
    "  context:",
    "    cluster: kubedojo",
    "    user: learner",
    ...(namespace ? [`    namespace: ${namespace}`] : []),
    "current-context: kubedojo",
    "users:",
    "- name: learner",
    "  user:",
    "    token: kubedojo-sandbox-token",
    "",
  ].join("\n");
}

/** Milliseconds of the wall clock, for comparing client-side ages (describe). */
export function wallNow(): number {
  return Date.now();
}
