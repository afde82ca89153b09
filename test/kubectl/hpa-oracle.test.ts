// The differential oracle for HorizontalPodAutoscalers: `kubectl autoscale`
// (which writes autoscaling/v1), `get hpa` and `describe hpa` (which read
// autoscaling/v2), and the autoscaler controller's conditions and events on a
// cluster without metrics-server. Each sequence runs on two fresh scenario
// clusters, ours through the built-in kubectl and real kubectl v1.32 through
// the HTTP shim; `@advance MS` moves both clusters' virtual time. stdout,
// stderr and exit codes must match byte for byte, and so must the objects
// the clusters hold at the end (uids, resourceVersions and times aside).
//
// describe computes event ages on the client from the wall clock, so ours
// runs with the wall clock too (the events are months old in virtual time:
// both print the same number of days).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";

interface Case {
  name: string;
  lines: string[];
}

const FILES: Record<string, string> = {
  "web.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n",
  "hpa-v1.yaml":
    "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: php\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 10\n  targetCPUUtilizationPercentage: 50\n",
  "hpa-v1-changed.yaml":
    "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: php\n  labels:\n    tier: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 6\n  targetCPUUtilizationPercentage: 70\n",
  "hpa-v1-typo.yaml":
    "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: typo\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplica: 3\n",
  "hpa-v2.yaml":
    "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: mem\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: nginx\n  maxReplicas: 4\n  metrics:\n  - type: Resource\n    resource:\n      name: memory\n      target:\n        type: AverageValue\n        averageValue: 100Mi\n  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 60\n",
};

export const HPA_CASES: Case[] = [
  {
    name: "autoscale a deployment, then get and describe the autoscaler",
    lines: ["autoscale deployment web --min=2 --max=5 --cpu-percent=80", "get hpa", "get hpa -o yaml", "get hpa web -o json", "describe hpa web", "get hpa -o wide", "get hpa.v2.autoscaling web -o name"],
  },
  {
    name: "autoscale --dry-run=client prints the v1 object kubectl builds",
    lines: [
      "autoscale deployment web --min=2 --max=5 --cpu-percent=80 --dry-run=client -o yaml",
      "autoscale deployment web --max=5 --dry-run=client -o json",
      "autoscale deployment/web --max=5 --min=-3 --cpu-percent=0 --dry-run=client -o yaml",
      "autoscale deployment web --max=5 --dry-run=client",
      "autoscale deployment web --max=5 --dry-run=client -o name",
      "autoscale deployment web --max=5 --name=other --dry-run=client -o jsonpath={.metadata.name}",
      "get hpa",
    ],
  },
  {
    name: "autoscale answers with the server's v1 object",
    lines: [
      "autoscale deployment nginx --max=3 -o yaml",
      "autoscale deployment web --max=4 --min=0 -o json",
      "autoscale deployment web --max=3 --save-config --record --name=rec -o yaml",
      "autoscale deployment web --max=3 -o name --name=n",
      "get hpa",
    ],
  },
  {
    name: "autoscale several targets, one missing, and a server dry run",
    lines: ["autoscale deployment web nginx --max=3 --dry-run=server", "get hpa", "autoscale deployment/web deployment/nope deployment/nginx --max=3", "get hpa", "autoscale -f web.yaml --max=2 --name=fromfile"],
  },
  {
    name: "autoscale errors",
    lines: [
      "autoscale deployment web",
      "autoscale deployment web --max=0",
      "autoscale deployment web --max=1 --min=3",
      "autoscale deployment web --max=abc",
      "autoscale --max=5",
      "autoscale deploy --max=5",
      "autoscale deployment nope --max=5",
      "autoscale deployment web --max=5 -n dev",
      "autoscale ns default --max=2",
      "autoscale deployment web --max=3 --dry-run=bogus",
      "autoscale deployment web --max=3 --cpu-percent=0",
      "autoscale rs --max=3 -l app=web",
      "autoscale deployment web --max=3 --dry-run=client -o wide",
      "get hpa",
    ],
  },
  {
    name: "autoscale twice: AlreadyExists; a bad -o fails after creating",
    lines: ["autoscale deployment web --max=3", "autoscale deployment web --max=4", "autoscale deployment web --max=3 -o wide --name=w", "get hpa"],
  },
  {
    name: "the controller raises a deployment to minReplicas, then cannot read metrics",
    lines: [
      "autoscale deployment web --min=3 --max=5 --cpu-percent=50",
      "@advance 16000",
      "get hpa",
      "get deploy web",
      "@advance 15000",
      "get hpa web -o yaml",
      "describe hpa web",
      "@advance 45000",
      "describe hpa",
      "get events --field-selector involvedObject.kind=HorizontalPodAutoscaler",
    ],
  },
  {
    name: "the controller lowers a deployment to maxReplicas",
    lines: ["autoscale deployment nginx --max=2", "@advance 31000", "describe hpa nginx", "get hpa nginx", "get deploy nginx", "get horizontalpodautoscalers.v1.autoscaling nginx -o yaml"],
  },
  {
    name: "manifests at autoscaling/v1 and v2",
    lines: [
      "create -f hpa-v1.yaml --validate=false -o yaml",
      "get hpa.v1.autoscaling",
      "get -f hpa-v1.yaml -o yaml",
      "create -f hpa-v2.yaml --validate=false",
      "get hpa mem -o yaml",
      "get horizontalpodautoscalers.v1.autoscaling mem -o json",
      "describe hpa mem",
      "@advance 16000",
      "describe hpa",
      "get hpa",
    ],
  },
  {
    name: "apply a v1 manifest, unchanged, then changed",
    lines: [
      "apply -f hpa-v1.yaml --validate=false",
      "apply -f hpa-v1.yaml --validate=false",
      "apply -f hpa-v1-changed.yaml --validate=false",
      "get hpa php -o yaml",
      "get horizontalpodautoscalers.v1.autoscaling php -o yaml",
      "apply -f hpa-v1-changed.yaml --validate=false --dry-run=server -o json",
      "create -f hpa-v1-typo.yaml --validate=false",
    ],
  },
  {
    name: "discovery lists autoscaling/v1 and v2",
    lines: ["api-versions", "api-resources --api-group=autoscaling", "api-resources --api-group=autoscaling -o wide", "get all"],
  },
];

async function ours(cluster: Cluster, line: string): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { api: cluster.api, now: () => Date.now(), wait: async (ms) => cluster.advance(ms), idle: () => cluster.idle(), readFile: (p) => FILES[p] },
  );
  return { stdout, stderr, exitCode };
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Every object of every kind, without what differs between the clusters by time or order of requests. */
function snapshot(cluster: Cluster): unknown[] {
  const scrub = (v: unknown, key = ""): unknown => {
    if (typeof v === "string") return TIME.test(v) ? "<time>" : key === "uid" || key === "resourceVersion" ? "<id>" : v;
    if (Array.isArray(v)) return v.map((x) => scrub(x));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x, k)]));
    return v;
  };
  return cluster.api.registry
    .all()
    .filter((t) => t.resource !== "events" && t.resource !== "nodes")
    .flatMap((t) => (cluster.api.list(t.resource).items as KubeObject[]).map((o) => scrub(o)));
}

if (oracleSkipReason !== null) {
  describe("kubectl autoscale, get and describe hpa against real kubectl v1.32", () => {
    it.skip(`${HPA_CASES.length} sequences: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl autoscale, get and describe hpa against real kubectl v1.32", () => {
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
          if (line.startsWith("@advance ")) {
            const ms = Number(line.slice("@advance ".length));
            mineCluster.advance(ms);
            realCluster.advance(ms);
            mine.push({ stdout: "", stderr: "", exitCode: 0 });
            real.push({ stdout: "", stderr: "", exitCode: 0 });
            continue;
          }
          mine.push(await ours(mineCluster, line));
          real.push(await server.kubectl(words(line), { files: FILES }));
        }
      } finally {
        await server.stop();
      }
      results.set(c.name, { mine, real, mineState: snapshot(mineCluster), realState: snapshot(realCluster) });
    }

    beforeAll(async () => {
      const queue = [...HPA_CASES];
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
        }),
      );
    }, 300_000);

    afterAll(() => results.clear());

    HPA_CASES.forEach((c) => {
      it(c.name, () => {
        const r = results.get(c.name)!;
        c.lines.forEach((line, i) => expect({ line, ...r.mine[i] }).toEqual({ line, ...r.real[i] }));
        expect(r.mineState).toEqual(r.realState);
      });
    });
  });
}
