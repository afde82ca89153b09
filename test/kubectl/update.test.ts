// The write commands in-process, where real kubectl cannot follow: virtual
// time passing during `rollout status` (fast-forward, --timeout, Ctrl-C, a
// progress deadline), restart stamps from the virtual clock, and odd input
// that must give kubectl's errors, never an internal one.
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { buildUpdateScenario } from "./update-scenario.ts";
import { words } from "./words.ts";

function idle(c: Cluster): boolean {
  return (c as unknown as { clock: { nextAt(): number | undefined } }).clock.nextAt() === undefined;
}

async function kubectl(c: Cluster, line: string, signal?: AbortSignal): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(words(line), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), signal }, {
    api: c.api,
    now: () => c.nowMs(),
    wait: async (ms) => c.advance(ms),
    idle: () => idle(c),
    readFile: () => undefined,
  });
  return { stdout, stderr, exitCode };
}

const NEW_IMAGE = `patch deploy nginx -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.17"}]}}}}'`;
const BAD_IMAGE = `patch deploy nginx -p '{"spec":{"progressDeadlineSeconds":30,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:no-such-tag"}]}}}}'`;

describe("rollout status lets virtual time pass", () => {
  it("follows a rolling update to its end in fast-forward", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, NEW_IMAGE);
    const start = c.nowMs();
    const r = await kubectl(c, "rollout status deploy/nginx");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Waiting for deployment spec update to be observed...");
    expect(lines).toContain('Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...');
    expect(lines.at(-1)).toBe('deployment "nginx" successfully rolled out');
    expect(c.nowMs()).toBeGreaterThan(start);
    expect(c.api.get("deployments", "default", "nginx").status?.updatedReplicas).toBe(3);
  });

  it("fails once the progress deadline is exceeded", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, BAD_IMAGE);
    const r = await kubectl(c, "rollout status deploy/nginx");
    expect(r).toMatchObject({ exitCode: 1, stderr: 'error: deployment "nginx" exceeded its progress deadline\n' });
  });

  it("gives up after --timeout of virtual time", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, BAD_IMAGE);
    const start = c.nowMs();
    const r = await kubectl(c, "rollout status deploy/nginx --timeout=5s");
    expect(r).toMatchObject({ exitCode: 1, stderr: "error: timed out waiting for the condition\n" });
    expect(c.nowMs() - start).toBe(5000);
  });

  it("stops with exit code 130 when interrupted", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, NEW_IMAGE);
    const ac = new AbortController();
    ac.abort();
    const r = await kubectl(c, "rollout status deploy/nginx", ac.signal);
    expect(r.exitCode).toBe(130);
    expect(r.stdout).toBe("Waiting for deployment spec update to be observed...\n");
  });

  it("ends on an idle cluster that will never finish (a paused deployment)", async () => {
    const c = buildUpdateScenario();
    const r = await kubectl(c, "rollout status deploy/api -n dev");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('Waiting for deployment "api" rollout to finish: 0 out of 1 new replicas have been updated...\n');
  });

  it("with --timeout waits for scale to reach the new size", async () => {
    const c = buildUpdateScenario();
    const r = await kubectl(c, "scale deploy/nginx --replicas=5 --timeout=1m");
    expect(r).toEqual({ exitCode: 0, stdout: "deployment.apps/nginx scaled\n", stderr: "" });
    expect(c.api.getScale("deployments", "default", "nginx").status.replicas).toBe(5);
  });
});

describe("rollout restart", () => {
  it("stamps the template with the virtual time and refuses a second restart in the same second", async () => {
    const c = buildUpdateScenario();
    const now = new Date(Math.floor(c.nowMs() / 1000) * 1000).toISOString().replace(".000Z", "Z");
    expect(await kubectl(c, "rollout restart deploy/nginx")).toEqual({ exitCode: 0, stdout: "deployment.apps/nginx restarted\n", stderr: "" });
    const d = c.api.get("deployments", "default", "nginx");
    expect(d.spec.template.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBe(now);
    expect(await kubectl(c, "rollout restart deploy/nginx")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: failed to create patch for nginx: if restart has already been triggered within the past second, please wait before attempting to trigger another\n",
    });
  });
});

describe("odd input gets kubectl's errors, never an internal error", () => {
  const LINES = [
    "scale deploy/nginx --replicas=1 -o jsonpath={.nope",
    "scale ns/dev --replicas=1",
    "scale pods --all --replicas=1",
    "label deploy nginx a=1 --dry-run=maybe",
    "label ns dev a- --overwrite",
    "label deploy -A --all b=1",
    "annotate deploy nginx -- a=1",
    "annotate nodes --all zone=a",
    "patch deploy nginx -p null",
    "patch deploy nginx -p 42",
    "patch deploy nginx --type=merge -p '[1,2]'",
    "patch deploy nginx --type=json -p '[{\"op\":\"move\"}]'",
    "patch deploy nginx --subresource=status --type=merge -p '{\"status\":{\"replicas\":\"x\"}}'",
    "patch ns dev -p '{\"metadata\":{\"labels\":{\"a\":\"b\"}}}' --dry-run=client -o yaml",
    "set image nodes --all a=b",
    "set env pods --all --list",
    "set env deploy/web --list -c nope",
    "set env deploy/web - ",
    "set resources ns/dev --limits=cpu=1",
    "set resources deploy/web --limits=cpu=1,",
    "rollout history deploy/nginx --revision=99 -o yaml",
    "rollout undo deploy/nginx --to-revision=-3",
    "rollout status deploy/nginx --revision=abc",
    "rollout restart ns/dev",
    "rollout status deploy/nginx -w=false --timeout=1s",
  ];
  it.each(LINES)("kubectl %s", async (line) => {
    const c = buildUpdateScenario();
    const r = await kubectl(c, line);
    expect(r.stderr).not.toContain("internal error");
  });
});
