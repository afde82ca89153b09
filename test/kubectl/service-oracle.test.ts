// Services against real kubectl v1.32: each sequence runs on a fresh pair of
// scenario clusters, ours with the built-in kubectl and real kubectl through
// the HTTP shim (test/oracle/sim-server.ts). Every line's stdout, stderr and
// exit code must match byte for byte, and so must the Services at the end
// (uids, resourceVersions and times aside) — the allocated cluster IPs and
// node ports included, since both clusters draw from the same seed.
//
// Creates use --validate=false: the shim serves no OpenAPI document.

import { beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { SERVICE_FILES } from "./service-files.ts";
import { words } from "./words.ts";

interface Case {
  name: string;
  lines: string[];
}

const V = "--validate=false";
const create = (file: string) => `create -f ${file} ${V}`;

export const SERVICE_CASES: Case[] = [
  {
    name: "every type: get, wide, yaml, json, describe, all",
    lines: [
      `apply -f svcs.yaml ${V}`,
      "get svc",
      "get svc -o wide",
      "get services -A",
      "get svc -A -o wide --show-labels",
      "get svc web -o yaml",
      "get svc np -o json",
      "get svc lb ext hl -o yaml",
      "get svc ips -o yaml",
      "get svc dns -n dev -o yaml",
      "get svc kubernetes -o yaml",
      "describe svc",
      "describe svc kubernetes",
      "describe svc np lb",
      "describe service dns -n dev",
      "get all",
      "get svc,deploy -o name",
    ],
  },
  {
    name: "node ports: taken, out of range, on ClusterIP, shared within one Service",
    lines: [create("np.yaml"), create("np-taken.yaml"), create("np-range.yaml"), create("np-on-clusterip.yaml"), create("np-dup.yaml"), create("np-auto.yaml"), "get svc"],
  },
  {
    name: "a deleted Service's node port is free again",
    lines: [create("np.yaml"), create("np-taken.yaml"), "delete svc np", create("np-taken.yaml"), "get svc np2"],
  },
  {
    name: "requested cluster IPs: taken, out of range, malformed, free",
    lines: [create("ip-taken.yaml"), create("ip-range.yaml"), create("ip-bad.yaml"), create("ip-ok.yaml"), "get svc ip3 -o wide"],
  },
  {
    name: "validation errors",
    lines: [
      create("bad-type.yaml"),
      create("no-names.yaml"),
      create("dup-names.yaml"),
      create("dup-ports.yaml"),
      create("no-ports.yaml"),
      create("no-extname.yaml"),
      create("bad-extname.yaml"),
      create("bad-ports.yaml"),
      create("bad-selector.yaml"),
      create("bad-name.yaml"),
      create("headless-np.yaml"),
      create("bad-affinity.yaml"),
      "get svc -o name",
    ],
  },
  {
    name: "apply: clusterIP may not change, the type can",
    lines: [
      `apply -f web.yaml ${V}`,
      `apply -f web.yaml ${V}`,
      `apply -f web-ip.yaml ${V}`,
      `apply -f web-np.yaml ${V}`,
      "get svc web",
      `apply -f web.yaml ${V}`,
      "get svc web -o yaml",
    ],
  },
  {
    name: "dry runs allocate nothing",
    lines: [`${create("np-auto.yaml")} --dry-run=server -o yaml`, `${create("np.yaml")} --dry-run=server -o jsonpath={.spec}`, "get svc"],
  },
];

async function ours(cluster: Cluster, line: string): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    {
      api: cluster.api,
      now: () => cluster.now().getTime(),
      wait: async (ms) => cluster.advance(ms),
      idle: () => cluster.idle(),
      readFile: (p) => SERVICE_FILES[p],
    },
  );
  return { stdout, stderr, exitCode };
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function services(cluster: Cluster): unknown[] {
  const scrub = (v: unknown, key = ""): unknown => {
    if (typeof v === "string") return TIME.test(v) ? "<time>" : key === "uid" || key === "resourceVersion" ? "<id>" : v;
    if (Array.isArray(v)) return v.map((x) => scrub(x));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x, k)]));
    return v;
  };
  return (cluster.api.list("services").items as KubeObject[]).map((s) => scrub(s));
}

if (oracleSkipReason !== null) {
  describe("Services against real kubectl v1.32", () => {
    it.skip(`${SERVICE_CASES.length} sequences: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("Services against real kubectl v1.32", () => {
    const results = new Map<string, { mine: KubectlResult[]; real: KubectlResult[]; mineState: unknown[]; realState: unknown[] }>();

    async function runCase(c: Case): Promise<void> {
      const mineCluster = buildScenario();
      const realCluster = buildScenario();
      const server = new SimApiServer(realCluster.api, { clock: () => realCluster.now().getTime() });
      await server.start();
      const mine: KubectlResult[] = [];
      const real: KubectlResult[] = [];
      try {
        for (const line of c.lines) {
          mine.push(await ours(mineCluster, line));
          real.push(await server.kubectl(words(line), { files: SERVICE_FILES }));
          // Both clusters go on from the same virtual time.
          const t = Math.max(mineCluster.now().getTime(), realCluster.now().getTime()) + 1000;
          mineCluster.advance(t - mineCluster.now().getTime());
          realCluster.advance(t - realCluster.now().getTime());
        }
      } finally {
        await server.stop();
      }
      results.set(c.name, { mine, real, mineState: services(mineCluster), realState: services(realCluster) });
    }

    beforeAll(async () => {
      const queue = [...SERVICE_CASES];
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
        }),
      );
    }, 300_000);

    SERVICE_CASES.forEach((c) => {
      it(c.name, () => {
        const r = results.get(c.name)!;
        c.lines.forEach((line, i) => expect({ line, ...r.mine[i] }).toEqual({ line, ...r.real[i] }));
        expect(r.mineState).toEqual(r.realState);
      });
    });
  });
}
