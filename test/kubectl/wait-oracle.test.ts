// kubectl wait against real kubectl v1.32: the same line on two identical,
// settled clusters (one served to real kubectl through the shim), stdout,
// stderr and exit code compared byte for byte. Waits that time out run their
// --timeout on real kubectl's wall clock and on our virtual one.
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { deployment } from "../engine/helpers.ts";
import { words } from "./words.ts";

const CASES = [
  "wait --for=condition=Available deploy/web",
  "wait --for=condition=available=TRUE deployment web",
  "wait --for=condition=Available deployment web api",
  "wait --for=jsonpath={.status.readyReplicas}=2 deploy/web",
  "wait --for=jsonpath='{.status.readyReplicas}'=2 deploy/web",
  "wait --for=jsonpath={.status.readyReplicas} deploy/web",
  "wait --for=jsonpath={.spec.template.spec.containers[0].image}=nginx:1.14.2 deploy/web",
  "wait --for=jsonpath={.spec}=x deploy/web",
  "wait --for=jsonpath={.status.readyReplicas}= deploy/web",
  "wait --for=jsonpath={.spec.template.spec.containers[*].name}=nginx deploy/web",
  "wait --for=condition=Ready pod -l app=web",
  "wait --for=condition=Ready pods --all",
  "wait --for=condition=Ready pod -l app=nope",
  "wait --for=delete deploy/nope",
  "wait --for=condition=Available deploy/nope",
  "wait --for=bogus deploy/web",
  "wait deploy/web",
  "wait --for=condition=Available deploy/web --timeout=0",
  "wait --for=condition=Progressing=False deploy/web --timeout=0",
  "wait --for=condition=Progressing=False deploy/web --timeout=1s",
  "wait --for=delete deploy/web --timeout=0",
  "wait --for=create deploy/web",
  "wait --for=condition=Available deploy/web -o name",
  "wait --for=condition=Available deploy/web -o jsonpath={.metadata.name}",
  "wait --for=condition=Available deploy",
  "wait --for=condition=Available deploy/web --timeout=abc",
];

function cluster(): Cluster {
  const c = createCluster({ seed: 5 });
  c.api.create("deployments", deployment({ replicas: 2 }));
  c.api.create("deployments", deployment({ name: "api", replicas: 1 }));
  c.settle();
  return c;
}

if (oracleSkipReason !== null) {
  describe("kubectl wait against real kubectl v1.32", () => {
    it.skip(`${CASES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl wait against real kubectl v1.32", () => {
    it.each(CASES)("kubectl %s", async (line) => {
      const theirs = cluster();
      const server = new SimApiServer(theirs.api);
      await server.start();
      let real;
      try {
        real = await server.kubectl(words(line));
      } finally {
        await server.stop();
      }
      const mine = await cluster().exec(`kubectl ${words(line).map((w) => `'${w}'`).join(" ")}`);
      expect(mine).toEqual(real);
    });

    it("kubectl wait --help: options and usage as kubectl's", async () => {
      const c = cluster();
      const server = new SimApiServer(c.api);
      await server.start();
      try {
        const real = await server.kubectl(["wait", "--help"]);
        const mine = await c.exec("kubectl wait --help");
        const tail = (s: string) => s.slice(s.indexOf("\nOptions:"));
        expect(tail(mine.stdout)).toBe(tail(real.stdout));
      } finally {
        await server.stop();
      }
    });
  });
}

describe("kubectl wait in virtual time", () => {
  it("waits for a rollout to make the Deployment available", async () => {
    const c = createCluster({ seed: 5 });
    await c.exec("kubectl create deployment web --image=nginx:1.14.2 --replicas=3");
    const start = c.nowMs();
    const r = await c.exec("kubectl wait --for=condition=Available deployment/web --timeout=60s");
    expect(r).toEqual({ stdout: "deployment.apps/web condition met\n", stderr: "", exitCode: 0 });
    const waited = c.nowMs() - start;
    expect(waited).toBeGreaterThan(1000);
    expect(waited).toBeLessThan(60_000);
    expect(c.api.get("deployments", "default", "web").status?.availableReplicas).toBe(3);
  });

  it("waits for a deleted pod to be gone", async () => {
    const c = cluster();
    const pod = c.api.list("pods", { labelSelector: "app=web" }).items[0]!.metadata.name!;
    await c.exec(`kubectl delete pod ${pod} --wait=false`);
    const r = await c.exec(`kubectl wait --for=delete pod/${pod} --timeout=60s`);
    expect(r).toEqual({ stdout: `pod/${pod} condition met\n`, stderr: "", exitCode: 0 });
    expect(c.api.find("pods", "default", pod)).toBeUndefined();
  });

  it("times out on the virtual clock", async () => {
    const c = cluster();
    const start = c.nowMs();
    const r = await c.exec("kubectl wait --for=condition=Progressing=False deploy/web --timeout=45s");
    expect(r).toEqual({ stdout: "", stderr: "error: timed out waiting for the condition on deployments/web\n", exitCode: 1 });
    expect(c.nowMs() - start).toBe(45_000);
  });
});
