// The oracle: real kubectl v1.32, run against a tiny in-process fake API
// server, so tests can compare our printers with what kubectl really prints.
//
// kubectl cannot print arbitrary objects without a server (`create -f` and
// `get -f` need discovery; `patch --local` has no custom-columns), so each
// test case gets its own namespace on one fake server that answers discovery
// and GET/LIST for the objects put there. `kubectl get` then prints them
// exactly as a learner would see it.
//
// When the binary is missing the oracle tests skip (see `oracleSkipReason`).

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const KUBECTL_PATH = process.env.KUBEDOJO_KUBECTL ?? "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";

/** Why the oracle tests are skipped, or null when the binary is there. */
export const oracleSkipReason: string | null = existsSync(KUBECTL_PATH)
  ? null
  : `real kubectl not found at ${KUBECTL_PATH} (set KUBEDOJO_KUBECTL); kubectl oracle tests skipped`;

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  /** Files written into a fresh temp dir that is the working directory. */
  files?: Record<string, string>;
  /** Extra environment. HOME is always a temp dir (no kubeconfig, no cache reuse). */
  env?: Record<string, string>;
}

/** Run the real kubectl with `args` (no shell); never throws for a non-zero exit. */
export function runKubectl(args: readonly string[], options: RunOptions = {}): Promise<KubectlResult> {
  const dir = mkdtempSync(join(tmpdir(), "kubedojo-oracle-"));
  for (const [name, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return new Promise((resolve) => {
    execFile(
      KUBECTL_PATH,
      [...args],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, ...options.env },
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
  });
}

/** Where a kind lives in the API, for discovery and URL routing. */
interface ResourceInfo {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
}

const RESOURCES: readonly ResourceInfo[] = [
  { group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true, shortNames: ["po"] },
  { group: "", version: "v1", resource: "services", kind: "Service", namespaced: true, shortNames: ["svc"] },
  { group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"] },
  { group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true, shortNames: [] },
  { group: "", version: "v1", resource: "nodes", kind: "Node", namespaced: false, shortNames: ["no"] },
  { group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"] },
  { group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true, shortNames: ["deploy"] },
  { group: "apps", version: "v1", resource: "statefulsets", kind: "StatefulSet", namespaced: true, shortNames: ["sts"] },
  { group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"] },
];

type Obj = Record<string, unknown>;

function resourceList(group: string, version: string): Obj {
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: group === "" ? version : `${group}/${version}`,
    resources: RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
      name: r.resource,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: ["get", "list"],
      shortNames: r.shortNames,
    })),
  };
}

const DISCOVERY: Record<string, Obj> = {
  "/api": { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] },
  "/apis": {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: [
      { name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { groupVersion: "apps/v1", version: "v1" } },
    ],
  },
  "/api/v1": resourceList("", "v1"),
  "/apis/apps/v1": resourceList("apps", "v1"),
};

function notFound(message: string): Obj {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "NotFound", code: 404 };
}

/**
 * A fake API server holding objects per namespace. `kubectl get <resource>
 * [name] -n <ns> --server <url>` lists or gets them.
 */
export class FakeApiServer {
  private server: Server | null = null;
  private readonly objects = new Map<string, Obj[]>();
  private nextNamespace = 0;
  private readonly home = mkdtempSync(join(tmpdir(), "kubedojo-oracle-home-"));
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0]!;
      const [status, body] = this.route(path);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.home, { recursive: true, force: true });
  }

  /**
   * Store `objects` in a namespace (`name`, or a fresh one) and return its
   * name. Like a real server, it sets their metadata.namespace.
   */
  addNamespace(objects: readonly Obj[], name?: string): string {
    const ns = name ?? `case-${this.nextNamespace++}`;
    this.objects.set(
      ns,
      objects.map((o) => {
        const copy = structuredClone(o);
        copy.metadata = { ...(copy.metadata as Obj), namespace: ns };
        return copy;
      }),
    );
    return ns;
  }

  /** The objects of a namespace as the server holds them. */
  objectsIn(ns: string): Obj[] {
    return this.objects.get(ns) ?? [];
  }

  /**
   * `kubectl <args> -n <ns> --server <url>`. The discovery cache is shared
   * between runs (one HOME), which keeps the oracle fast.
   */
  kubectl(ns: string, args: readonly string[], options: RunOptions = {}): Promise<KubectlResult> {
    return runKubectl([...args, "-n", ns, "--server", this.url], { ...options, env: { HOME: this.home, ...options.env } });
  }

  /** Cluster-scoped objects (nodes), the same for every namespace. */
  setClusterObjects(objects: readonly Obj[]): void {
    this.clusterObjects = objects.map((o) => structuredClone(o));
  }

  private clusterObjects: Obj[] = [];

  private route(path: string): [number, unknown] {
    const discovery = DISCOVERY[path];
    if (discovery) return [200, discovery];
    const cluster = /^\/api\/v1\/(nodes|namespaces)(?:\/([^/]+))?$/.exec(path);
    if (cluster) return this.serve(RESOURCES.find((r) => r.resource === cluster[1])!, this.clusterObjects, cluster[2]);
    // /api/v1/namespaces/NS/RES[/NAME] or /apis/G/V/namespaces/NS/RES[/NAME]
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (!m) return [404, notFound(`the server could not find the requested resource (${path})`)];
    const group = m[2] ?? "";
    const version = m[1] ?? m[3]!;
    const ns = m[4]!;
    const info = RESOURCES.find((r) => r.group === group && r.version === version && r.resource === m[5]);
    if (!info) return [404, notFound(`the server could not find the requested resource (${path})`)];
    return this.serve(info, this.objects.get(ns) ?? [], m[6]);
  }

  private serve(info: ResourceInfo, objects: readonly Obj[], name: string | undefined): [number, unknown] {
    const apiVersion = info.group === "" ? info.version : `${info.group}/${info.version}`;
    const items = objects.filter((o) => o.kind === info.kind);
    if (name === undefined) {
      return [200, { kind: `${info.kind}List`, apiVersion, metadata: { resourceVersion: "1" }, items }];
    }
    const found = items.find((o) => (o.metadata as Obj | undefined)?.name === name);
    if (found) return [200, found];
    const what = info.group === "" ? info.resource : `${info.resource}.${info.group}`;
    return [404, notFound(`${what} "${name}" not found`)];
  }
}

/**
 * The object kubectl's printer sees for `kubectl get <several objects>`: the
 * items wrapped in a v1 List (get.go coerces any multi-item result so).
 */
export function kubectlGetList(items: readonly Obj[]): Obj {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/** Run `f` over `items`, at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
