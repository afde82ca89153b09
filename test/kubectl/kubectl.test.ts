// The built-in kubectl on its own (no real kubectl needed): the command
// framework, the context it is given (namespace, kubeconfig, files, stdin,
// virtual time), and how blocking watches end in fast-forward and interactive
// sessions. Output formats are checked against real kubectl in the oracle tests.
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import { registerCommand, runKubectl, type KubectlContext } from "../../engine/kubectl/index.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";

interface Result {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function idle(c: Cluster): boolean {
  return (c as unknown as { clock: { nextAt(): number | undefined } }).clock.nextAt() === undefined;
}

async function kubectl(cluster: Cluster, line: string, ctx: Partial<KubectlContext> = {}, stdin = "", signal?: AbortSignal): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), signal },
    {
      api: cluster.api,
      now: () => cluster.nowMs(),
      wait: async (ms) => cluster.advance(ms),
      idle: () => idle(cluster),
      readFile: () => undefined,
      ...ctx,
    },
  );
  return { stdout, stderr, exitCode };
}

function deployment(name: string, image: string, command?: string[]) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "main", image, command }] } },
    },
  };
}

describe("runKubectl", () => {
  it("says when there is nothing to list", async () => {
    const c = createCluster();
    expect(await kubectl(c, "get pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
    expect(await kubectl(c, "get deploy -A")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
  });

  it("uses the context's namespace, the kubeconfig's, then -n", async () => {
    const c = createCluster();
    expect((await kubectl(c, "get pods", { namespace: "kube-system" })).stderr).toBe("No resources found in kube-system namespace.\n");
    expect(
      (await kubectl(c, "get pods", { kubeconfig: { context: "kubedojo", cluster: "kubedojo", user: "learner", server: "https://x", namespace: "dev" } }))
        .stderr,
    ).toBe("No resources found in dev namespace.\n");
    expect((await kubectl(c, "get pods -n other", { namespace: "kube-system" })).stderr).toBe("No resources found in other namespace.\n");
  });

  it("reads -f from the learner's files and from stdin", async () => {
    const c = createCluster();
    c.api.create("deployments", deployment("web", "nginx:1.14.2"));
    const files: Record<string, string> = { "web.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n" };
    expect((await kubectl(c, "get -f web.yaml -o name", { readFile: (p) => files[p] })).stdout).toBe("deployment.apps/web\n");
    expect((await kubectl(c, "get -f - -o name", {}, files["web.yaml"]!)).stdout).toBe("deployment.apps/web\n");
    expect(await kubectl(c, "get -f nope.yaml")).toEqual({ stdout: "", stderr: 'error: the path "nope.yaml" does not exist\n', exitCode: 1 });
  });

  it("prints help without arguments and suggests commands for typos", async () => {
    const c = createCluster();
    const help = await kubectl(c, "");
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("Basic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n");
    expect(await kubectl(c, "gett")).toEqual({
      stdout: "",
      stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n',
      exitCode: 1,
    });
    expect((await kubectl(c, "--foo get pods")).stderr).toBe("Error: flags cannot be placed before plugin name: --foo\n");
  });

  it("computes describe's ages from its own clock", async () => {
    const c = buildScenario();
    const at = c.nowMs();
    const out = (await kubectl(c, "describe deploy nginx", { now: () => at + 3 * 3_600_000 })).stdout;
    expect(out).toContain("Normal  ScalingReplicaSet  3h");
    expect(out).toContain("CreationTimestamp:      Mon, 05 Jan 2026 09:00:00 +0000\n");
  });

  it("lets others add commands", async () => {
    const c = createCluster();
    registerCommand({
      name: "scale",
      short: "Set a new size",
      use: "scale [options]",
      run(inv) {
        inv.io.stdout(`scaled ${inv.args.join(" ")} in ${inv.namespace}\n`);
      },
    });
    expect((await kubectl(c, "scale deploy/web -n dev")).stdout).toBe("scaled deploy/web in dev\n");
    expect((await kubectl(c, "scal")).stderr).toContain("\tscale\n");
  });
});

describe("kubectl get --watch", () => {
  it("prints a row per change and ends once the cluster is idle (fast-forward)", async () => {
    const c = createCluster();
    c.api.create("deployments", deployment("web", "nginx:1.14.2"));
    const start = c.nowMs();
    const r = await kubectl(c, "get pods -w");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    expect(lines.at(-1)).toMatch(/^web-\w+-\w+ +1\/1 +Running +0 +\d+s$/);
    expect(lines.length).toBeGreaterThan(3);
    expect(idle(c)).toBe(true);
    expect(c.nowMs() - start).toBeLessThan(60_000);
  });

  it("ends after 60 virtual seconds with nothing new when the cluster never idles", async () => {
    const c = createCluster();
    c.api.create("deployments", deployment("crash", "busybox:1.36", ["sh", "-c", "exit 1"]));
    c.advance(600_000); // the back-off is long now: minutes between restarts
    const start = c.nowMs();
    const r = await kubectl(c, "get pods -w");
    expect(r.exitCode).toBe(0);
    expect(idle(c)).toBe(false);
    const elapsed = c.nowMs() - start;
    expect(elapsed).toBeGreaterThanOrEqual(60_000);
    expect(elapsed).toBeLessThan(400_000);
  });

  it("runs until interrupted in an interactive session (exit 130)", async () => {
    const c = createCluster();
    c.api.create("deployments", deployment("web", "nginx:1.14.2"));
    c.settle();
    const abort = new AbortController();
    let waited = 0;
    const r = await kubectl(
      c,
      "get deploy -w",
      {
        idle: undefined,
        wait: async (ms) => {
          c.advance(ms);
          waited += ms;
          if (waited >= 120_000) abort.abort();
        },
      },
      "",
      abort.signal,
    );
    expect(r.exitCode).toBe(130);
    expect(waited).toBe(120_000);
    expect(r.stdout.split("\n")[0]).toMatch(/^NAME +READY/);
  });
});
