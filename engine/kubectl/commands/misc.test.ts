// logs, drain, cordon, top and exec against a simulated cluster (fast-forward).
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../index.ts";
import { runKubectl } from "../index.ts";

async function kubectl(c: Cluster, line: string) {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(line.split(" "), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
    api: c.api,
    now: () => c.nowMs(),
    wait: async (ms) => c.advance(ms),
    idle: () => c.idle(),
    readFile: () => undefined,
  });
  return { stdout, stderr, exitCode };
}

function pod(c: Cluster, name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  c.api.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "main", ...container }], ...extra } } as never);
}

describe("kubectl logs", () => {
  it("says a container is waiting to start, then prints its output", async () => {
    const c = createCluster();
    pod(c, "hello", { image: "busybox:1.36", command: ["sh", "-c", "echo hello; sleep 3600"] });
    c.advance(500);
    expect(await kubectl(c, "logs hello")).toEqual({
      stdout: "",
      stderr: 'Error from server (BadRequest): container "main" in pod "hello" is waiting to start: ContainerCreating\n',
      exitCode: 1,
    });
    c.advance(10_000);
    expect(await kubectl(c, "logs hello")).toEqual({ stdout: "hello\n", stderr: "", exitCode: 0 });
    expect((await kubectl(c, "logs hello -p")).stderr).toBe('Error from server (BadRequest): previous terminated container "main" in pod "hello" not found\n');
  });

  it("shows a crash loop's last run, and --previous the one before", async () => {
    const c = createCluster();
    pod(c, "crash", { image: "busybox:1.36", command: ["sh", "-c", "echo starting; exit 3"] });
    c.advance(60_000);
    expect((await kubectl(c, "logs crash")).stdout).toBe("starting\n");
    expect((await kubectl(c, "logs crash -p")).stdout).toBe("starting\n");
  });

  it("prints nginx's start-up and the kubelet's probe requests; --tail and --timestamps", async () => {
    const c = createCluster();
    pod(c, "web", { image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 } });
    c.advance(30_000);
    const all = (await kubectl(c, "logs web")).stdout;
    expect(all).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(all).toMatch(/"GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.32" "-"\n$/);
    const tail = (await kubectl(c, "logs web --tail=1 --timestamps")).stdout;
    expect(tail).toMatch(/^2026-01-05T09:00:\d\d\.\d+Z 10\.244\.\d+\.1 - - \[05\/Jan\/2026:09:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615/);
    expect(tail.split("\n")).toHaveLength(2);
  });

  it("-f follows a counter as virtual time passes and stops when the container exits", async () => {
    const c = createCluster();
    pod(c, "count", { image: "busybox:1.36", command: ["sh", "-c", "echo 1; sleep 2; echo 2; sleep 2; echo 3"] }, { restartPolicy: "Never" });
    c.advance(4_000);
    const r = await kubectl(c, "logs -f count");
    expect(r).toEqual({ stdout: "1\n2\n3\n", stderr: "", exitCode: 0 });
  });

  it("picks a pod of a deployment and names it", async () => {
    const c = createCluster();
    c.api.create("deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.14.2" }] } } },
    } as never);
    c.advance(30_000);
    const r = await kubectl(c, "logs deploy/web");
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(r.exitCode).toBe(0);
  });
});

describe("kubectl cordon and drain", () => {
  it("evicts a node's pods, which their ReplicaSet recreates elsewhere", async () => {
    const c = createCluster();
    c.api.create("deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    } as never);
    c.settle();
    const before = c.api.list("pods", { fieldSelector: "spec.nodeName=node-1" }).items.map((p) => p.metadata.name);
    const r = await kubectl(c, "drain node-1 --ignore-daemonsets");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("node/node-1 cordoned");
    for (const name of before) expect(r.stdout).toContain(`pod/${name} evicted\n`);
    expect(r.stdout.endsWith("node/node-1 drained\n")).toBe(true);
    c.settle();
    expect(c.api.list("pods", { fieldSelector: "spec.nodeName=node-1" }).items).toEqual([]);
    expect(c.api.list("pods").items).toHaveLength(3);
    expect((await kubectl(c, "cordon node-1")).stdout).toBe("node/node-1 already cordoned\n");
    expect((await kubectl(c, "uncordon node-1")).stdout).toBe("node/node-1 uncordoned\n");
  });

  it("refuses unmanaged pods without --force, listing them", async () => {
    const c = createCluster();
    pod(c, "lonely", { image: "nginx:1.27" }, { nodeName: "node-2" });
    c.advance(5_000);
    const r = await kubectl(c, "drain node-2");
    expect(r).toEqual({
      stdout: "node/node-2 cordoned\n",
      stderr:
        'error: unable to drain node "node-2" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/lonely, continuing command...\nThere are pending nodes to be drained:\n node-2\ncannot delete cannot delete Pods that declare no controller (use --force to override): default/lonely\n',
      exitCode: 1,
    });
  });
});

describe("kubectl top, exec", () => {
  it.each([
    ["top pod", "error: Metrics API not available\n"],
    ["top nodes", "error: Metrics API not available\n"],
    ["exec nope -- ls", 'Error from server (NotFound): pods "nope" not found\n'],
  ])("%s", async (line, stderr) => {
    expect(await kubectl(createCluster(), line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
