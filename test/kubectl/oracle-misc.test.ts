// Differential cases for logs, cordon/uncordon/drain, top, exec and attach:
// real kubectl v1.32 runs each sequence against one scenario cluster served
// over HTTP, ours against an identical second one (the scenario is
// deterministic), so commands that change the cluster can be compared too.
// Drains compared here evict at most one pod with --grace-period=0: real
// kubectl evicts several pods from goroutines in no fixed order, and the
// shim's cluster does not advance time for graceful termination.
// Several pods logged at once (a selector) come out in Go map order: not compared.
import { describe, it } from "vitest";
import { runKubectl } from "../../engine/kubectl/index.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";

const WEB_NODE = buildScenario().api.list("pods", { namespace: "default", labelSelector: "app=web" }).items[0]!.spec.nodeName!;

const SEQUENCES: string[][] = [
  [
    "logs nope",
    "logs deploy/nginx",
    "logs deploy/web",
    "logs deploy/web -c app --tail=3",
    "logs deploy/web --all-containers --prefix --tail=2",
    "logs deploy/web -c nope",
    "logs deploy/crash",
    "logs deploy/crash -p --timestamps",
    "logs deploy/broken",
    "logs -l app=nginx",
    "logs deploy/web -c app --prefix --tail=1",
    "logs -l app=zzz",
    "logs",
    "logs a b c",
    "logs x -l app=web",
    "logs node/node-1",
    "logs deploy/web --since=1h --tail=1",
    "logs deploy/web --limit-bytes=20 -c app",
    "logs deploy/web --tail=-2",
    "top pods",
    "top node",
    "top",
    "top pod --sort-by=x",
    "exec x -- ls",
    "exec",
    "exec deploy/web ls",
    "attach x",
    "attach",
  ],
  ["cordon node-1", "cordon node-1", "get nodes", "uncordon node-1", "uncordon node/node-1", "cordon nope", "cordon", "cordon pod/x"],
  ["cordon node-2 --dry-run=client", "cordon node-2 --dry-run=server", "cordon -l kubernetes.io/hostname=node-3", "cordon node-1 -l a=b", "cordon node-1 --dry-run"],
  // The node that runs a web pod (which has an emptyDir): drain refuses it without --delete-emptydir-data.
  // (A drain that evicts would wait forever on the shim, whose clock stands still.)
  [`drain ${WEB_NODE}`, `drain ${WEB_NODE} --delete-emptydir-data --dry-run=client`, "drain", "drain nope", `drain ${WEB_NODE} -l x=y`],
];

/** klog headers carry a wall time and a pid. */
function normalise(r: KubectlResult): KubectlResult {
  return { ...r, stderr: r.stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1 ") };
}

if (oracleSkipReason !== null) {
  describe("logs, drain, top, exec against real kubectl v1.32", () => {
    it.skip(`${SEQUENCES.flat().length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("logs, drain, top, exec against real kubectl v1.32", () => {
    SEQUENCES.forEach((lines, i) => {
      it.concurrent(`sequence ${i + 1}: ${lines[0]} ...`, async ({ expect: exp }) => {
        const theirs = buildScenario();
        const mine = buildScenario();
        const server = new SimApiServer(theirs.api);
        await server.start();
        try {
          for (const line of lines) {
            const real = normalise(await server.kubectl(words(line)));
            let stdout = "";
            let stderr = "";
            const exitCode = await runKubectl(words(line), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
              api: mine.api,
              now: () => mine.nowMs(),
              wait: async (ms) => mine.advance(ms),
              idle: () => mine.idle(),
              readFile: () => undefined,
            });
            exp({ line, ...normalise({ stdout, stderr, exitCode }) }).toEqual({ line, ...real });
          }
        } finally {
          await server.stop();
        }
      }, 120_000);
    });
  });
}
