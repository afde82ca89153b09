// `kubectl run` against real kubectl v1.32. Its help needs no server (real
// kubectl runs offline); everything else needs discovery, so each sequence
// runs on a fresh pair of scenario clusters: ours with the built-in kubectl,
// real kubectl through the HTTP shim. stdout, stderr and the exit code of
// every step must match byte for byte, and so must the clusters' objects at
// the end (uids, resourceVersions and times aside).
//
// Not here: attaching to a running pod (real kubectl opens a stream the shim
// does not serve; ours says the pod shell is not there yet) and --expose
// (the Service kind is not in the cluster yet). test/kubectl/run.test.ts
// covers them.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { createCluster } from "../../engine/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { type KubectlResult, mapLimit, runKubectl as runReal } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";

const DRY = "--dry-run=client";

export const RUN_CASES: Array<{ name: string; lines: string[] }> = [
  {
    name: "the generated pod, client dry run",
    lines: [
      `run nginx --image=nginx ${DRY} -o yaml`,
      `run web --image=nginx --port=80 --labels=app=web,tier=fe --env=A=1 --env=B=x=y --command ${DRY} -o json -- sleep 3600`,
      `run b --image=busybox:1.36 --restart=Never --privileged --image-pull-policy=IfNotPresent --annotations=note=hi --annotations=x=a=b ${DRY} -o yaml -- echo hi`,
      `run b --image=busybox --restart=OnFailure --leave-stdin-open ${DRY} -o yaml -- sh -c 'echo hi'`,
      `run n --image=nginx ${DRY}`,
      `run n --image=nginx ${DRY} -o name`,
      `run n --image=nginx -n dev ${DRY} -o yaml`,
      `run n --image=nginx --save-config ${DRY} -o yaml`,
      `run n --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --port=8080 ${DRY} -o jsonpath={.spec.containers[0].ports}`,
      `run n --image=nginx ${DRY} -o go-template --template={{.metadata.name}}`,
      `run n --image=nginx --port=+80 ${DRY} -o jsonpath={.spec.containers[0].ports}`,
      `run n --image=nginx --port=99999999999 ${DRY} -o jsonpath={.spec.containers[0].ports}`,
      `run n --image=nginx --port=99999999999999999999 ${DRY}`,
      `run n --image=nginx '--port= 80' ${DRY}`,
      `run n extra args --image=nginx ${DRY} -o jsonpath={.spec.containers[0].args}`,
      `run n --image=nginx --env=A= --labels=a= --annotations=b= ${DRY} -o json`,
      `run n --image=nginx --restart= ${DRY} -o jsonpath={.spec.restartPolicy}`,
      "run n --image=nginx --dry-run -o name",
      "run n --image=nginx --dry-run=true -o name",
      "run n --image=nginx --dry-run=false --record -o name",
    ],
  },
  {
    name: "--overrides: merge, strategic and json",
    lines: [
      `run n --image=nginx ${DRY} -o yaml --overrides={"spec":{"nodeName":"node-1","containers":[{"name":"other","image":"redis"}]}}`,
      `run n --image=nginx ${DRY} -o yaml --override-type=strategic --overrides={"spec":{"containers":[{"name":"n","image":"redis"}]}}`,
      `run n --image=nginx ${DRY} -o yaml --override-type=json --overrides=[{"op":"add","path":"/spec/hostname","value":"h"}]`,
      `run n --image=nginx ${DRY} -o yaml --overrides={"spec":{"foo":1},"metadata":{"labels":{"extra":"yes"}}}`,
      `run n --image=nginx ${DRY} -o yaml --overrides={"kind":"Service"}`,
    ],
  },
  {
    name: "--overrides errors",
    lines: [
      `run n --image=nginx ${DRY} --overrides={bad`,
      `run n --image=nginx ${DRY} --overrides={bad --override-type=strategic`,
      `run n --image=nginx ${DRY} --overrides={bad --override-type=json`,
      `run n --image=nginx ${DRY} --overrides={} --override-type=foo`,
      `run n --image=nginx ${DRY} --overrides={"spec":{"containers":1}}`,
      `run n --image=nginx ${DRY} --overrides={"apiVersion":"v2"}`,
      `run n --image=nginx ${DRY} --overrides={"kind":null}`,
      `run n --image=nginx ${DRY} --overrides={"apiVersion":null}`,
      `run n --image=nginx ${DRY} --overrides=[]`,
      `run n --image=nginx ${DRY} --override-type=json --overrides={}`,
      `run n --image=nginx ${DRY} --override-type=json --overrides=[{"op":"remove","path":"/spec/foo"}]`,
    ],
  },
  {
    name: "flag and argument errors, in kubectl's order",
    lines: [
      "run",
      "run nginx",
      "run --image=nginx",
      "run -- nginx --image=nginx",
      "run '' --image=nginx",
      "run nginx --image=",
      "run nginx --image=NGINX",
      "run nginx --image=nginx:1.14.2:bad",
      "run nginx --image=nginx -t",
      "run nginx --image=nginx --expose",
      "run nginx --image=nginx --restart=never",
      "run nginx --image=nginx --rm",
      "run nginx --image=nginx -i --dry-run=client",
      "run nginx --image=nginx --attach --dry-run=server",
      "run nginx --image=nginx --image-pull-policy=always",
      "run nginx --image=nginx --pod-running-timeout=0s",
      "run nginx --image=nginx --cascade=bad",
      "run nginx --image=nginx -o wide",
      "run nginx --image=nginx --dry-run=bad",
      "run nginx --image=nginx --env=1A=b",
      "run nginx --image=nginx --env=A",
      "run nginx --image=nginx --annotations=foo --annotations==x",
      "run nginx --image=nginx --labels=a",
      "run nginx --image=nginx --labels==b",
      "run nginx --image=nginx --labels=a=b=c",
      "run nginx --image=nginx --port=abc",
      "run nginx --image=nginx --nope",
    ],
  },
  {
    name: "creating: created, AlreadyExists, invalid",
    lines: [
      "run nginx --image=nginx",
      "run nginx --image=nginx",
      "get pod nginx -o yaml",
      "run web --image=nginx --port=80 --labels=app=web,tier=fe --env=A=1 --command -- sleep 3600",
      "get pod web -o json",
      "run Bad --image=nginx",
      "run p --image=nginx --port=99999",
      "run p --image=nginx --labels=app=web!",
      "run q --image=nginx -n nothere",
    ],
  },
  {
    name: "creating with -o, --save-config, --record, --dry-run=server, -n",
    lines: [
      "run s --image=nginx --save-config -o name",
      "get pod s -o jsonpath={.metadata.annotations}",
      "run r --image=nginx --record",
      "get pod r -o jsonpath={.metadata.annotations}",
      "run d --image=nginx --dry-run=server",
      "run d --image=nginx --dry-run=server -o jsonpath={.spec.containers[0].imagePullPolicy}",
      "get pods d",
      "run d --image=busybox -n dev -o yaml -- sleep 60",
      "run o --image=nginx --overrides={\"spec\":{\"restartPolicy\":\"Never\"}}",
      "get pod o -o jsonpath={.spec.restartPolicy}",
    ],
  },
  {
    name: "a pod that runs to completion, then its logs",
    lines: ["run hi --image=busybox --restart=Never -- sh -c 'echo hi'", "wait --for=jsonpath={.status.phase}=Succeeded pod/hi", "logs hi", "get pod hi"],
  },
  {
    // The pod is done before kubectl could attach: its logs, then its exit code.
    name: "attached to a pod that finishes at once: logs, exit code, --rm",
    lines: [
      "run -i --rm t --image=busybox --restart=Never -- echo hello",
      "run --attach t2 --image=busybox --restart=Never -- sh -c 'echo bad; exit 3'",
      "run --attach t3 --image=busybox --restart=OnFailure -q -- sh -c 'echo ok'",
      "get pods t t2 t3 -o name",
    ],
  },
];

// ---------- help (offline) ----------

/** klog's time and pid differ between the runs. */
function normaliseKlog(r: KubectlResult): KubectlResult {
  return { ...r, stderr: r.stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1mmdd hh:mm:ss.uuuuuu pid ") };
}

function helpTail(s: string): string {
  const i = s.indexOf("\nOptions:");
  return i >= 0 ? s.slice(i) : s.slice(s.indexOf("\nUsage:"));
}

async function ours(cluster: Cluster, line: string): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { api: cluster.api, now: () => cluster.now().getTime(), wait: async (ms) => cluster.advance(ms), idle: () => cluster.idle(), readFile: () => undefined },
  );
  return normaliseKlog({ stdout, stderr, exitCode });
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
  const out: unknown[] = [];
  for (const t of cluster.api.registry.all()) {
    if (t.resource === "events" || t.resource === "nodes") continue;
    for (const o of cluster.api.list(t.resource).items as KubeObject[]) out.push(scrub(o));
  }
  return out;
}

if (oracleSkipReason !== null) {
  describe("kubectl run against real kubectl v1.32", () => {
    it.skip(`help and ${RUN_CASES.length} sequences: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl run against real kubectl v1.32", () => {
    it("run --help: options and usage", async () => {
      const real = await runReal(["run", "--help"]);
      const mine = await ours(createCluster(), "run --help");
      expect({ exitCode: mine.exitCode, stderr: mine.stderr }).toEqual({ exitCode: real.exitCode, stderr: real.stderr });
      expect(helpTail(mine.stdout)).toBe(helpTail(real.stdout));
      expect(helpTail(mine.stdout)).toContain("--restart='Always'");
    });

    const results = new Map<string, { mine: KubectlResult[]; real: KubectlResult[]; mineState: unknown[]; realState: unknown[] }>();

    async function runCase(c: (typeof RUN_CASES)[number]): Promise<void> {
      const mineCluster = buildScenario();
      const realCluster = buildScenario();
      const server = new SimApiServer(realCluster.api, { clock: () => realCluster.now().getTime() });
      await server.start();
      const mine: KubectlResult[] = [];
      const real: KubectlResult[] = [];
      try {
        for (const line of c.lines) {
          mine.push(await ours(mineCluster, line));
          // Real kubectl's virtual time runs only once it watches (wait).
          let done = false;
          let pump: ReturnType<typeof setInterval> | undefined;
          void server.nextWatch().then(() => {
            if (!done) pump = setInterval(() => realCluster.advance(250), 5);
          });
          try {
            real.push(normaliseKlog(await server.kubectl(words(line), { files: {} })));
          } finally {
            done = true;
            clearInterval(pump);
          }
          // Both clusters continue from the same virtual time.
          const t = Math.max(mineCluster.now().getTime(), realCluster.now().getTime()) + 1000;
          mineCluster.advance(t - mineCluster.now().getTime());
          realCluster.advance(t - realCluster.now().getTime());
        }
      } finally {
        await server.stop();
      }
      results.set(c.name, { mine, real, mineState: snapshot(mineCluster), realState: snapshot(realCluster) });
    }

    beforeAll(async () => {
      await mapLimit(RUN_CASES, 3, runCase);
    }, 300_000);

    afterAll(() => results.clear());

    RUN_CASES.forEach((c) => {
      it(c.name, () => {
        const r = results.get(c.name)!;
        c.lines.forEach((line, i) => {
          expect({ line, ...r.mine[i] }).toEqual({ line, ...r.real[i] });
        });
        expect(r.mineState).toEqual(r.realState);
      });
    });
  });
}
