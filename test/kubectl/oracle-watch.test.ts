// `kubectl get -w` against real kubectl v1.32: two identical clusters (the
// engine is deterministic), a rollout started in both; real kubectl watches
// one through the HTTP shim while the test steps its clock, our kubectl
// watches the other in fast-forward. Every row must match.
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { words } from "./words.ts";

const LINES = [
  "get pods -w",
  "get pods -w -o wide",
  "get pods --watch-only",
  "get deploy -w",
  "get deploy nginx -w",
  "get rs -w -A",
  "get pods -w -l app=nginx --show-labels",
  "get pods -w -o name",
  "get rs -w -o yaml",
  "get deploy -w -o jsonpath={.status.updatedReplicas}{\"\\n\"}",
  "get pods -w --output-watch-events",
  "get pods -w --output-watch-events -o json",
  "get pods -w --sort-by=.status.podIP",
  "get ev -w",
  "get pods nope -w",
  "get deploy,rs -w",
];

function make(): Cluster {
  const c = createCluster({ seed: 7 });
  c.api.create("deployments", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "nginx", labels: { app: "nginx" } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "nginx" } },
      template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.14.2" }] } },
    },
  });
  c.settle();
  c.advance(30_000);
  // The change the watch sees: a new image, so a rolling update.
  c.api.patch("deployments", "default", "nginx", "strategic", {
    spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } } },
  });
  return c;
}

/** Nothing scheduled on the cluster's clock (what a fast-forward watch stops at). */
function idle(c: Cluster): boolean {
  return (c as unknown as { clock: { nextAt(): number | undefined } }).clock.nextAt() === undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (oracleSkipReason !== null) {
  describe("kubectl get -w against real kubectl v1.32", () => {
    it.skip(`${LINES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl get -w against real kubectl v1.32", () => {
    it.each(LINES)("kubectl %s", async (line) => {
      const args = words(line);
      const theirsCluster = make();
      const server = new SimApiServer(theirsCluster.api);
      await server.start();
      let real;
      try {
        const started = server.nextWatch();
        const proc = server.spawnKubectl(args);
        const exited = await Promise.race([started.then(() => false), proc.exited.then(() => true)]);
        if (!exited) {
          await sleep(200);
          for (let i = 0; i < 2400 && !idle(theirsCluster); i++) {
            theirsCluster.advance(250);
            await sleep(2);
          }
          await sleep(300);
        }
        real = await proc.stop();
      } finally {
        await server.stop();
      }

      const oursCluster = make();
      let stdout = "";
      let stderr = "";
      await runKubectl(args, { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
        api: oursCluster.api,
        now: () => oursCluster.nowMs(),
        wait: async (ms) => oursCluster.advance(ms),
        idle: () => idle(oursCluster),
        readFile: () => undefined,
      });
      // Real kubectl was interrupted; only its output is compared.
      expect({ stdout, stderr }).toEqual({ stdout: real.stdout, stderr: real.stderr });
    }, 60_000);
  });
}
