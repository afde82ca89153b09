// End to end: `npm start`'s app on a free port (HTTPS: kubectl sends its
// bearer token only over TLS), a session created over HTTP, its kubeconfig,
// and REAL kubectl v1.32 running the Deployment workflow against it. The
// session runs at 30x wall-clock speed so rollouts finish in about a second.
import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { SessionStore } from "../../server/sessions.ts";
import { KUBECTL_PATH, oracleSkipReason } from "../oracle/kubectl.ts";

function opensslMissing(): string | null {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return null;
  } catch {
    return "openssl not found (needed for the test server's certificate); HTTP end-to-end test skipped";
  }
}

const skip = oracleSkipReason ?? opensslMissing();
if (skip) console.warn(skip);

interface Result {
  stdout: string;
  stderr: string;
  exitCode: number;
}

describe.skipIf(skip !== null)("real kubectl v1.32 against a sandbox over HTTPS", () => {
  const home = mkdtempSync(join(tmpdir(), "kubedojo-e2e-"));
  let server: ServerType;
  let store: SessionStore;

  function kubectl(args: string[], stdin?: string): Promise<Result> {
    return new Promise((resolve) => {
      const child = execFile(
        KUBECTL_PATH,
        args,
        { cwd: home, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, TZ: "UTC" }, encoding: "utf8", timeout: 15_000 },
        (error, stdout, stderr) => resolve({ stdout, stderr, exitCode: error ? (typeof error.code === "number" ? error.code : 1) : 0 }),
      );
      child.stdin?.end(stdin ?? "");
    });
  }

  beforeAll(async () => {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", join(home, "key.pem"), "-out", join(home, "cert.pem"), "-days", "1",
      "-subj", "/CN=kubedojo", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ], { stdio: "ignore" });
    const { readFileSync } = await import("node:fs");
    const cert = readFileSync(join(home, "cert.pem"), "utf8");
    const key = readFileSync(join(home, "key.pem"), "utf8");
    store = new SessionStore({ speed: 30 });
    const app = createApp({ sessions: store, certificateAuthority: cert });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1", createServer, serverOptions: { cert, key } }, () => resolve(s));
    });
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The test's own requests trust the certificate the way kubectl does: by the CA the kubeconfig carries.
    const call = (method: string, path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpsRequest(`${base}${path}`, { method, headers, ca: cert }, (res) => {
          let body = "";
          res.setEncoding("utf8").on("data", (d: string) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
    const post = await call("POST", "/api/sessions");
    expect(post.status).toBe(201);
    const { id, token } = JSON.parse(post.body) as { id: string; token: string };
    const kc = await call("GET", `/api/sessions/${id}/kubeconfig`, { authorization: `Bearer ${token}` });
    expect(kc.status).toBe(200);
    mkdirSync(join(home, ".kube"), { recursive: true });
    writeFileSync(join(home, ".kube", "config"), kc.body);
  }, 20_000);

  afterAll(async () => {
    store?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(home, { recursive: true, force: true });
  });

  it("follows a pod's log as it is written, until the container exits (logs -f)", async () => {
    const pod = [
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: counter}",
      "spec:",
      "  restartPolicy: Never",
      "  containers:",
      "  - name: count",
      "    image: busybox:1.36",
      `    command: ["sh", "-c", "echo line 1; sleep 30; echo line 2; sleep 30; echo line 3"]`,
      "",
    ].join("\n");
    expect((await kubectl(["create", "-f", "-"], pod)).stdout).toBe("pod/counter created\n");
    const running = await kubectl(["wait", "--for=jsonpath={.status.phase}=Running", "pod/counter", "--timeout=20s"]);
    expect(running.stdout).toBe("pod/counter condition met\n");
    // 30x speed: the three lines come a second apart; the stream ends when the script does.
    const started = Date.now();
    const follow = await kubectl(["logs", "-f", "counter"]);
    expect(follow).toEqual({ stdout: "line 1\nline 2\nline 3\n", stderr: "", exitCode: 0 });
    expect(Date.now() - started).toBeGreaterThan(1000);
  }, 30_000);

  it("runs the Deployment workflow", async () => {
    const ok = async (args: string[], stdout: string | RegExp, stdin?: string) => {
      const r = await kubectl(args, stdin);
      expect({ args, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ args, stderr: "", exitCode: 0 });
      if (typeof stdout === "string") expect(r.stdout).toBe(stdout);
      else expect(r.stdout).toMatch(stdout);
      return r;
    };
    const fails = async (args: string[], stderr: string | RegExp, stdin?: string) => {
      const r = await kubectl(args, stdin);
      expect({ args, exitCode: r.exitCode, stdout: r.stdout }).toEqual({ args, exitCode: 1, stdout: "" });
      if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
      else expect(r.stderr).toMatch(stderr);
    };
    const manifest = (image: string, replicas: number, extra = "") =>
      [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "spec:",
        `  replicas: ${replicas}`,
        "  selector:",
        "    matchLabels: {app: web}",
        "  template:",
        "    metadata:",
        "      labels: {app: web}",
        "    spec:",
        "      containers:",
        "      - name: nginx",
        `        image: ${image}`,
        extra,
      ].join("\n");

    // Typed commands send protobuf bodies.
    await ok(["create", "deployment", "hello", "--image=nginx:1.27", "--replicas=2"], "deployment.apps/hello created\n");
    await ok(["create", "namespace", "dev"], "namespace/dev created\n");
    await ok(["get", "deployment", "hello", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}"], "2 nginx:1.27");
    // kubectl autoscale writes autoscaling/v1 (protobuf); the autoscaler is stored, and read, as v2.
    await ok(["autoscale", "deployment", "hello", "--min=2", "--max=4", "--cpu-percent=60"], "horizontalpodautoscaler.autoscaling/hello autoscaled\n");
    await ok(["get", "hpa", "hello", "-o", "jsonpath={.apiVersion} {.spec.metrics[0].resource.target.averageUtilization}"], "autoscaling/v2 60");
    await ok(["get", "horizontalpodautoscalers.v1.autoscaling", "hello", "-o", "jsonpath={.apiVersion} {.spec.targetCPUUtilizationPercentage}"], "autoscaling/v1 60");
    await ok(["api-versions"], /^apps\/v1\nautoscaling\/v1\nautoscaling\/v2\ndiscovery.k8s.io\/v1\nv1\n$/);
    // kubectl validates -f input against the OpenAPI documents (and asks the server for strict field validation).
    await ok(["apply", "-f", "-"], "deployment.apps/web created\n", manifest("nginx:1.27", 3));
    await ok(["explain", "deployment.spec.replicas"], /^GROUP: +apps\nKIND: +Deployment\nVERSION: +v1\n\nFIELD: +replicas <integer>\n/);
    await ok(["get", "deploy,rs,pods"], /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/hello +\d\/2 .*\ndeployment\.apps\/web +\d\/3 /);
    await ok(["get", "deployment", "web", "-o", "yaml"], /kind: Deployment\n[\s\S]*  name: web\n[\s\S]*  replicas: 3\n/);
    await ok(["scale", "deployment/web", "--replicas=5"], "deployment.apps/web scaled\n");
    await ok(["set", "image", "deployment/web", "nginx=nginx:1.26"], "deployment.apps/web image updated\n");
    await ok(["rollout", "status", "deployment/web", "--timeout=10s"], /deployment "web" successfully rolled out\n$/);
    await ok(["rollout", "history", "deployment/web"], "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
    await ok(["rollout", "undo", "deployment/web"], "deployment.apps/web rolled back\n");
    await ok(["label", "deployment", "web", "tier=frontend"], "deployment.apps/web labeled\n");
    await ok(["annotate", "deployment", "web", "note=hello"], "deployment.apps/web annotated\n");
    await ok(["patch", "deployment", "web", "-p", '{"spec":{"minReadySeconds":1}}'], "deployment.apps/web patched\n");
    await ok(["patch", "deployment", "web", "--type=merge", "-p", '{"metadata":{"labels":{"tier":"web"}}}'], "deployment.apps/web patched\n");
    await ok(["patch", "deployment", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/revisionHistoryLimit","value":5}]'], "deployment.apps/web patched\n");
    await ok(["get", "deployment", "web", "-o", "jsonpath={.metadata.labels.tier} {.spec.minReadySeconds} {.spec.revisionHistoryLimit}"], "web 1 5");
    await ok(["apply", "-f", "-"], "deployment.apps/web configured\n", manifest("nginx:1.27", 2));
    await ok(["replace", "-f", "-"], "deployment.apps/web replaced\n", manifest("nginx:1.27", 2));

    // Errors, as a real server words them.
    await fails(["get", "deployment", "nope"], 'Error from server (NotFound): deployments.apps "nope" not found\n');
    await fails(["create", "-f", "-"], 'Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n', manifest("nginx:1.27", 2));
    await fails(["create", "deployment", "hello", "--image=nginx:1.27"], 'error: failed to create deployment: deployments.apps "hello" already exists\n');
    await fails(
      ["apply", "-f", "-"],
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.bogus"\n',
      manifest("nginx:1.27", 2).replace("name: web", "name: other").replace("spec:\n  replicas", "spec:\n  bogus: 1\n  replicas"),
    );
    await fails(["patch", "deployment", "web", "-p", '{"spec":{"replicas":-1}}'], /^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n$/);
    // kubectl patch leaves fieldValidation to the server's default (Warn): a Warning header.
    const warned = await kubectl(["patch", "deployment", "web", "--type=merge", "-p", '{"spec":{"bogus":1}}']);
    expect(warned).toEqual({ stdout: expect.any(String), stderr: 'Warning: unknown field "spec.bogus"\n', exitCode: 0 });
    // "(no change)" only when no controller wrote the object between kubectl's GET and PATCH.
    expect(warned.stdout).toMatch(/^deployment\.apps\/web patched( \(no change\))?\n$/);

    // get -w: the current state, then the changes as they happen.
    const watcher = spawn(KUBECTL_PATH, ["get", "pods", "-w"], { env: { PATH: process.env.PATH ?? "", HOME: home, TZ: "UTC" } });
    let watched = "";
    watcher.stdout.setEncoding("utf8").on("data", (d: string) => (watched += d));
    await new Promise((r) => setTimeout(r, 800));
    await ok(["scale", "deployment/web", "--replicas=3"], "deployment.apps/web scaled\n");
    await new Promise((r) => setTimeout(r, 800));
    watcher.kill("SIGINT");
    await new Promise((r) => watcher.on("close", r));
    expect(watched).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n/);
    expect(watched.split("\n").filter((l) => l.startsWith("web-")).length).toBeGreaterThan(2);

    // Logs come from the kubelet of the pod's node; drain evicts through pods/eviction.
    const logs = await kubectl(["logs", "deployment/web", "--tail=1"]);
    expect(logs.exitCode).toBe(0);
    expect(logs.stderr).toMatch(/^Found 3 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(logs.stdout).toMatch(/^\S.*\n$/);
    await ok(["cordon", "node-1"], "node/node-1 cordoned\n");
    await ok(["uncordon", "node-1"], "node/node-1 uncordoned\n");
    await ok(["drain", "node-2", "--ignore-daemonsets", "--timeout=20s"], /^node\/node-2 cordoned\n[\s\S]*node\/node-2 drained\n$/);

    await ok(["delete", "deployment", "web"], 'deployment.apps "web" deleted\n');
    await fails(["get", "deployment", "web"], 'Error from server (NotFound): deployments.apps "web" not found\n');
  }, 60_000);
});
