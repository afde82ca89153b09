// Endpoints and EndpointSlices against real kubectl v1.32: real kubectl
// talks to a simulated cluster through the HTTP shim (test/oracle/sim-server.ts)
// and our runKubectl runs the same line against the same cluster; stdout,
// stderr and exit code must match byte for byte. The cluster's Services
// cover what the printers and describers branch on: more than three
// endpoints, named and several ports, not-ready and terminating pods, a headless Service
// without ports, a Service that selects nothing, the API server's own.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import type { Deployment, Service } from "../../engine/api/types.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { type KubectlResult, mapLimit } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { words } from "./words.ts";

function deployment(name: string, namespace: string, replicas: number, containers: Deployment["spec"]["template"]["spec"]["containers"]): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers } } },
  };
}

function service(name: string, namespace: string, spec: Partial<Service["spec"]>, labels?: Record<string, string>): Service {
  const svc: Service = { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec: { selector: { app: name }, ...spec } };
  if (labels) svc.metadata.labels = labels;
  return svc;
}

/** The cluster: Services next to Deployments, an hour old by the wall clock so describe's ages hold still. */
export function buildCluster(): Cluster {
  const start = new Date(Math.floor((Date.now() - 3_600_000) / 1000) * 1000).toISOString().replace(".000Z", "Z");
  const c = createCluster({ seed: 5, startTime: start });
  const api = c.api;
  api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
  api.create("deployments", deployment("nginx", "default", 5, [{ name: "nginx", image: "nginx:1.14.2", ports: [{ containerPort: 80 }] }]));
  api.create(
    "deployments",
    deployment("api", "default", 2, [
      {
        name: "api",
        image: "nginx:1.16.1",
        ports: [
          { name: "http", containerPort: 8080 },
          { name: "metrics", containerPort: 9090 },
        ],
      },
    ]),
  );
  api.create("deployments", deployment("crash", "default", 2, [{ name: "main", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }]));
  api.create("deployments", deployment("one", "dev", 1, [{ name: "one", image: "nginx:1.14.2" }]));
  // `sleep` ignores SIGTERM: a deleted pod stays terminating for its grace period.
  api.create("deployments", deployment("slow", "default", 2, [{ name: "main", image: "busybox:1.36", command: ["sleep", "3600"] }]));
  api.create("services", service("nginx", "default", { ports: [{ port: 80, targetPort: 80 }] }, { app: "nginx" }));
  api.create(
    "services",
    service("api", "default", {
      ports: [
        { name: "web", port: 80, targetPort: "http" },
        { name: "metrics", port: 9090, targetPort: "metrics", protocol: "TCP" },
      ],
    }, { app: "api", tier: "back" }),
  );
  api.create("services", service("crash", "default", { ports: [{ port: 8080 }] }));
  api.create("services", service("headless", "default", { clusterIP: "None", selector: { app: "nginx" } }));
  api.create("services", service("nothing", "default", { selector: { app: "none" }, ports: [{ port: 80 }] }));
  api.create("services", service("one", "dev", { ports: [{ port: 80, targetPort: 80 }] }));
  api.create("services", service("slow", "default", { ports: [{ name: "http", port: 80, targetPort: 8080 }] }));
  c.settle(120_000);
  c.advance(60_000);
  const victim = api.list("pods", { namespace: "default", labelSelector: "app=slow" }).items[0]!;
  api.delete("pods", "default", victim.metadata.name!);
  c.advance(3_000);
  return c;
}

const LINES = [
  "get ep",
  "get endpoints -A",
  "get ep -o wide",
  "get ep nginx crash --show-labels",
  "get ep nginx -o yaml",
  "get ep api -o json",
  "get ep headless crash nothing -o yaml",
  "get ep kubernetes -o yaml",
  "get ep -n dev",
  "get endpointslices",
  "get endpointslices -A",
  "get endpointslice -o wide",
  "get endpointslices.discovery.k8s.io -n dev",
  "get endpointslices.v1.discovery.k8s.io --show-labels",
  "get endpointslices -l kubernetes.io/service-name=api -o yaml",
  "get endpointslices -l kubernetes.io/service-name=crash -o json",
  "get endpointslices -l 'kubernetes.io/service-name in (headless,nothing)' -o yaml",
  "get endpointslice kubernetes -o yaml",
  "get endpointslices -o name",
  "get ep,endpointslices -n dev",
  "get ep,endpointslices -l app=api -o name",
  "get endpointslices -o custom-columns=NAME:.metadata.name,SVC:.metadata.labels.kubernetes\\.io/service-name,READY:.endpoints[*].conditions.ready",
  "get ep -o jsonpath={.items[*].subsets[*].addresses[*].ip}",
  "describe ep",
  "describe endpoints api",
  "describe ep crash headless nothing",
  "describe ep -n dev",
  "describe endpointslices",
  "describe endpointslice -l kubernetes.io/service-name=api",
  "describe endpointslices.discovery.k8s.io -n dev",
  "describe endpointslice kubernetes",
  "get endpointslices -l kubernetes.io/service-name=slow -o yaml",
  "describe endpointslices -l kubernetes.io/service-name=slow",
  "get ep slow -o wide",
  "describe ep slow",
  "get ep nope",
  "get endpointslice nope",
  "describe ep nope",
  "api-resources --api-group=discovery.k8s.io",
  "api-resources --namespaced=true --api-group=",
  "api-resources -o name",
];

async function ours(cluster: Cluster, args: string[], nowMs: number): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    args,
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { api: cluster.api, now: () => nowMs, wait: async (ms) => cluster.advance(ms), idle: () => true, readFile: () => undefined },
  );
  return { stdout, stderr, exitCode };
}

function equal(a: KubectlResult, b: KubectlResult): boolean {
  return a.stdout === b.stdout && a.stderr === b.stderr && a.exitCode === b.exitCode;
}

if (oracleSkipReason !== null) {
  describe("Endpoints and EndpointSlices against real kubectl v1.32", () => {
    it.skip(`${LINES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("Endpoints and EndpointSlices against real kubectl v1.32", () => {
    let cluster: Cluster;
    let server: SimApiServer;
    const theirs: Array<{ result: KubectlResult; startMs: number; endMs: number }> = [];

    beforeAll(async () => {
      cluster = buildCluster();
      server = new SimApiServer(cluster.api);
      await server.start();
      theirs.push(
        ...(await mapLimit(LINES, 4, async (line) => {
          const startMs = Date.now();
          const result = await server.kubectl(words(line));
          return { result, startMs, endMs: Date.now() };
        })),
      );
    }, 300_000);

    afterAll(async () => {
      await server?.stop();
    });

    it("the cluster has what the cases need", () => {
      const slices = cluster.api.list("endpointslices").items;
      expect(slices.some((s) => (s.endpoints?.length ?? 0) > 3)).toBe(true);
      expect(slices.some((s) => s.endpoints?.some((e) => e.conditions?.ready === false))).toBe(true);
      expect(slices.some((s) => s.endpoints === undefined)).toBe(true);
      expect(slices.some((s) => s.endpoints?.some((e) => e.conditions?.terminating === true && e.conditions.serving === true))).toBe(true);
      expect(cluster.errors).toEqual([]);
    });

    LINES.forEach((line, i) => {
      it(`kubectl ${line}`, async () => {
        const real = theirs[i]!;
        // Describe's ages come from kubectl's clock: try the instants real kubectl ran at.
        let mine = await ours(cluster, words(line), real.startMs);
        for (let t = real.startMs + 100; !equal(mine, real.result) && t <= real.endMs + 100; t += 100) mine = await ours(cluster, words(line), t);
        expect(mine).toEqual(real.result);
      });
    });
  });
}
