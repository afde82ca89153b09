// The write commands (scale, label, annotate, patch, set, rollout) against
// real kubectl v1.32. Each story runs its steps on two identical fresh
// clusters: real kubectl talks to one through the HTTP shim, our kubectl to
// the other in-process. Every step's stdout, stderr and exit code must match
// byte for byte, and at the end the Deployments and ReplicaSets must be equal.
//
// Steps: a kubectl command line; `@settle` / `@advance MS` move both clusters;
// `@watch LINE` runs a blocking command (rollout status) while the clocks run
// in 250 ms steps until it exits. Real kubectl stamps `rollout restart` with
// the wall clock and ours with the virtual one: restartedAt values are masked.
// label/annotate --list print a Go map, in random order: their lines are compared sorted.
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { toWire } from "../../engine/kubectl/wire.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildUpdateScenario } from "./update-scenario.ts";
import { words } from "./words.ts";

interface Story {
  name: string;
  steps: string[];
}

const FILES: Record<string, string> = {
  "replicas.json": '{"spec":{"replicas":4}}',
  "replicas.yaml": "spec:\n  replicas: 5\n",
  "nginx.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\n",
};

const STORIES: Story[] = [
  {
    name: "scale by name, type/name, selector and --all",
    steps: [
      "scale deploy/nginx --replicas=5",
      "scale deployment nginx --replicas=5",
      "scale deploy nginx web --replicas=1",
      "scale deploy -l app=web --replicas=3",
      "scale deploy --all --replicas=2",
      "scale deploy --all --replicas=2 -n dev",
      "@settle",
      "scale deploy/nginx --replicas=4 -o name",
      "scale deploy/nginx --replicas=6 --dry-run=client",
      "scale deploy/nginx --replicas=6 --dry-run=server",
      "scale deploy/nginx --replicas=6 --dry-run=client -o jsonpath={.spec.replicas}",
      "scale -f nginx.yaml --replicas=3",
      "scale deploy/nginx --replicas=3 --record",
    ],
  },
  {
    name: "scale preconditions and errors",
    steps: [
      "scale deploy nginx",
      "scale deploy nginx --replicas=-2",
      "scale deploy nginx --replicas=2 --current-replicas=-5",
      "scale deploy nginx --replicas=2 --current-replicas=4",
      "scale deploy nginx --replicas=2 --current-replicas=3",
      "scale deploy nginx --replicas=2 --resource-version=1",
      "scale deploy nginx web --replicas=2 --resource-version=1",
      "scale deploy nope --replicas=1",
      "scale deploy nope nginx --replicas=1",
      "scale pods nope --replicas=1",
      "scale --replicas=1",
      "scale deploy --replicas=1",
      "scale foo/x --replicas=1",
      "scale deploy/nginx --replicas=1 -o wide",
      "scale deploy/nginx --replicas=1 --dry-run=maybe",
      "scale deploy/nginx --replicas=x",
      "scale deploy -l app=zzz --replicas=1",
    ],
  },
  {
    name: "scale waits with --timeout",
    steps: ["@watch scale deploy/nginx --replicas=5 --timeout=1m", "@watch scale deploy/web --replicas=0 --timeout=30s", "@settle"],
  },
  {
    name: "label: add, overwrite, remove, messages",
    steps: [
      "label deploy nginx app=x",
      "label deploy nginx app=x --overwrite",
      "label deploy nginx foo=bar",
      "label deploy nginx foo=bar",
      "label deploy nginx foo-",
      "label deploy nginx foo-",
      "label deploy nginx app-",
      "label deploy nginx app- --overwrite",
      "label deploy nginx --list",
      "label deploy/nginx deploy/web env=prod",
      "label deploy nginx web a=1",
      "label deploy nginx web a=2",
      "label deploy --all b=1 -o name",
      "label deploy -l app=web c=1 -o jsonpath={.metadata.labels.c}",
      "label deploy nginx q=1 --dry-run=client",
      "label deploy nginx q=1 --dry-run=server",
      "label deploy nginx q=1 --dry-run=server -o yaml",
      "label pods -l app=web pod=yes",
      "label deploy nginx d=1 --record",
      "label deploy -A -l app=api e=1",
      "label ns dev team=blue",
    ],
  },
  {
    name: "label: errors",
    steps: [
      "label deploy nginx",
      "label deploy nginx foo",
      "label deploy nginx =x",
      "label deploy nginx a=1 web",
      "label deploy nginx 'bad key=1'",
      "label deploy nginx a=b/c",
      "label deploy nginx a=b=c",
      "label deploy nginx a=1 a-",
      "label deploy nope a=1",
      "label deploy nope nginx a=1",
      "label a=1",
      "label deploy a=1",
      "label deploy --all -l app=web a=1",
      "label deploy nginx a=1 --resource-version=1",
      "label deploy nginx web a=1 --resource-version=1",
      "label deploy nginx --list -o yaml",
      "label deploy nginx a=1 -o wide",
      "label deploy -l app=zzz a=1",
    ],
  },
  {
    name: "annotate",
    steps: [
      "annotate deploy nginx note=hi",
      "annotate deploy nginx note=ho",
      "annotate deploy nginx note=ho --overwrite",
      "annotate deploy nginx note=ho",
      "annotate deploy nginx note-",
      "annotate deploy nginx note-",
      "annotate deploy nginx 'text=hello world' -o jsonpath={.metadata.annotations.text}",
      "annotate deploy/web deploy/nginx a=1 b=2",
      "annotate deploy nginx kubernetes.io/change-cause=manual",
      "annotate deploy nginx x=1 --record",
      "annotate deploy nginx y=1 --dry-run=client",
      "annotate deploy nginx y=1 --dry-run=server -o name",
      "annotate deploy web --list",
      "annotate deploy nginx",
      "annotate deploy nginx a=1 a-",
      "annotate deploy nginx 'a b=1'",
      "annotate deploy nope a=1",
      "annotate deploy nginx a=2 -o wide",
      "annotate deploy --all -n dev z=1",
      "@settle",
    ],
  },
  {
    name: "patch: strategic, merge, json, files, subresources",
    steps: [
      `patch deploy nginx -p '{"spec":{"replicas":4}}'`,
      `patch deploy nginx -p '{"spec":{"replicas":4}}'`,
      `patch deploy/nginx --type merge -p '{"spec":{"replicas":5}}'`,
      `patch deploy nginx --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`,
      `patch deploy nginx --type=JSON -p '[{"op":"add","path":"/metadata/labels/x","value":"y"}]'`,
      "patch deploy nginx -p 'spec: {replicas: 3}'",
      "patch deploy nginx --patch-file=replicas.json",
      "patch deploy nginx --patch-file=replicas.yaml -o name",
      `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.17"}]}}}}'`,
      `patch deploy nginx -p '{"spec":{"replicas":9}}' --dry-run=client -o jsonpath={.spec.replicas}`,
      `patch deploy nginx -p '{"spec":{"replicas":9}}' --dry-run=server`,
      `patch deploy nginx -p '{"spec":{"replicas":9}}' --dry-run=client`,
      `patch deploy nginx --subresource=scale -p '{"spec":{"replicas":2}}'`,
      `patch deploy nginx --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'`,
      `patch -f nginx.yaml -p '{"metadata":{"labels":{"f":"1"}}}'`,
      `patch deploy nginx -p '{"metadata":{"annotations":{"n":"1"}}}' --record`,
      `patch deploy nginx -p '{}'`,
      "@settle",
    ],
  },
  {
    name: "patch: errors",
    steps: [
      "patch deploy nginx",
      `patch deploy nginx -p '{}' --patch-file=replicas.json`,
      "patch deploy nginx --patch-file=nope.json",
      `patch deploy nginx --type foo -p '{}'`,
      `patch deploy nginx -p '{bad'`,
      `patch deploy nginx -p '{"spec":{"replicas":4}'`,
      "patch deploy nginx -p 'a: b: c'",
      "patch deploy nginx -p '[1'",
      "patch deploy nginx -p '[]'",
      `patch deploy nginx -p '{"spec":{"replicas":-1}}'`,
      `patch deploy nginx -p '{"spec":{"replicas":"x"}}'`,
      `patch deploy nginx --type json -p '[{"op":"replace","path":"/spec/nope/x","value":2}]'`,
      `patch deploy nginx --type=json -p '{}'`,
      `patch deploy nope -p '{}'`,
      `patch deploy nope nginx -p '{"spec":{"replicas":1}}'`,
      `patch deploy -p '{}'`,
      `patch -p '{}'`,
      `patch deploy nginx --subresource=foo -p '{}'`,
      `patch deploy nginx -p '{}' -o wide`,
    ],
  },
  {
    name: "rollout history and undo",
    steps: [
      "rollout history deploy/nginx",
      "rollout history deployment nginx --revision=1",
      "rollout history deploy/nginx --revision=2",
      "rollout history deploy/nginx --revision=7",
      "rollout history deploy/nginx --revision=-1",
      "rollout history deploy",
      "rollout history deploy -l app=web",
      "rollout history deploy/nginx -o name",
      "rollout history deploy/nginx -o yaml --revision=1",
      "rollout history deploy/nginx -o jsonpath={.metadata.name} --revision=2",
      "rollout history rs/nope",
      "rollout history",
      "rollout undo deploy/nginx --dry-run=client",
      "rollout undo deploy/nginx --to-revision=2",
      "rollout undo deploy/nginx --to-revision=5",
      "rollout undo deploy/nginx --dry-run=server",
      "rollout undo deploy/nginx",
      "@settle",
      "rollout history deploy/nginx",
      "rollout undo deploy/nginx -o name",
      "@settle",
      "rollout history deploy/nginx",
      "rollout history deploy/nginx --revision=4",
      "rollout undo deploy/web",
      "rollout undo deploy/api -n dev",
      "rollout undo deploy/nope",
      "rollout undo pods/x",
    ],
  },
  {
    name: "rollout pause, resume, restart",
    steps: [
      "rollout pause deploy/nginx",
      "rollout pause deploy/nginx",
      "rollout undo deploy/nginx",
      "rollout restart deploy/nginx",
      "rollout status deploy/nginx --watch=false",
      `patch deploy nginx -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.17"}]}}}}'`,
      "@settle",
      "rollout history deploy/nginx",
      "rollout resume deploy/nginx",
      "rollout resume deploy/nginx",
      "@settle",
      "rollout history deploy/nginx",
      "rollout resume deploy -n dev",
      "rollout pause deploy -l app=web -o name",
      "rollout pause deploy nginx web nope",
      "rollout resume deploy -l app=zzz",
      "rollout pause deploy --all",
      "rollout status",
      "rollout status deploy/nope",
      "rollout status deploy/nginx --revision=-1",
      "rollout pause pods/nope",
    ],
  },
  {
    name: "rollout status follows a rolling update",
    steps: [
      `patch deploy nginx -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.17"}]}}}}'`,
      "@watch rollout status deploy/nginx",
      "rollout status deploy/nginx",
      "rollout status deploy/nginx --revision=3",
      "rollout status deploy/nginx --revision=1",
      "scale deploy/web --replicas=3",
      "@watch rollout status deployment web",
    ],
  },
  {
    name: "rollout status of a Recreate rollout, --watch=false and a progress deadline",
    steps: [
      `patch deploy web -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null},"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.17"}]}}}}'`,
      "rollout status deploy/web --watch=false",
      "@watch rollout status deploy/web",
      `patch deploy nginx -p '{"spec":{"progressDeadlineSeconds":20,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:no-such-tag"}]}}}}'`,
      "@watch rollout status deploy/nginx",
      "rollout status deploy/nginx",
      "rollout status rs -l app=web",
    ],
  },
  {
    name: "set image",
    steps: [
      "set image deploy/nginx nginx=nginx:1.17",
      "set image deploy/nginx nginx=nginx:1.17",
      "set image deploy/web '*=nginx:1.18'",
      "set image deploy/web init=busybox:1.37 sidecar=busybox:1.37",
      "set image deploy/web foo=bar",
      "set image deploy/web app=nginx:1.19 foo=bar",
      "set image deploy web",
      "set image deploy/web app=x --dry-run=client -o jsonpath={.spec.template.spec.containers[0].image}",
      "set image deploy/web app=y --dry-run=server",
      "set image deploy --all nginx=nginx:1.20",
      "set image deploy -l app=nginx nginx=nginx:1.21 -o name",
      "set image pods -l app=web app=nginx:1.22",
      "set image ns/dev a=b",
      "set image deploy/nginx nginx=nginx:1.23 --record",
      "set image deploy/nginx nginx",
      "set image deploy/nope a=b",
      "set image deploy nope nginx nginx=x",
      "set image deploy/nginx '*=a' nginx=b",
      "@settle",
      "rollout history deploy/nginx",
      "rollout history deploy/web",
    ],
  },
  {
    name: "set env",
    steps: [
      "set env deploy/web A=1",
      "set env deploy/web A=1",
      "set env deploy/web A=2 B=3",
      "set env deploy/web A-",
      "set env deploy/web MODE=slow -c app",
      "set env deploy/web --list",
      "set env deploy/web --list -c app",
      "set env deploy/web X=1 -c init",
      "set env deploy/web X=1 -c 'side*'",
      "set env deploy/web X=1 -c foo",
      "set env deploy/nginx --list",
      "set env deploy/web",
      "set env deploy/web 1A=x",
      "set env deploy/web A=1 A-",
      "set env deploy/web A=1 --dry-run=server",
      "set env deploy/web C=1 --dry-run=client -o name",
      "set env deploy --all Z=1",
      "set env deploy/web Q=1 --overwrite=false",
      "set env deploy/web Q=2 --overwrite=false",
      "set env deploy/web -e E=1 --prefix=P_",
      "set env deploy/web A=1 deploy/nginx",
      "set env A=1",
      "set env deploy/nope A=1",
      "@settle",
    ],
  },
  {
    name: "set resources",
    steps: [
      "set resources deploy/nginx --limits=cpu=200m,memory=512Mi",
      "set resources deploy/nginx --limits=cpu=200m,memory=512Mi",
      "set resources deploy/nginx --limits=cpu=0.2",
      "set resources deploy/nginx --requests=cpu=100m -o name",
      "set resources deploy/web -c app --requests=cpu=1",
      "set resources deploy/web -c app --requests=cpu=250m --limits=memory=1Gi",
      "set resources deploy/web -c nope --requests=cpu=1",
      "set resources deploy/web",
      "set resources deploy/web --limits=cpu=abc",
      "set resources deploy/web --limits=cpu",
      "set resources deploy/web --requests=cpu=2 --limits=cpu=1",
      "set resources deploy --all --limits=memory=64Mi --dry-run=server",
      "set resources deploy/nope --limits=cpu=1",
      "set foo",
      "@settle",
    ],
  },
];

/** klog headers carry a wall time and a pid. */
function normalise(r: KubectlResult): KubectlResult {
  return { ...r, stderr: r.stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1mmdd hh:mm:ss.uuuuuu pid ") };
}

function idle(c: Cluster): boolean {
  return (c as unknown as { clock: { nextAt(): number | undefined } }).clock.nextAt() === undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ours(cluster: Cluster, line: string): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    {
      api: cluster.api,
      now: () => cluster.nowMs(),
      wait: async (ms) => cluster.advance(ms),
      idle: () => idle(cluster),
      readFile: (p) => FILES[p],
    },
  );
  return normalise({ stdout, stderr, exitCode });
}

/** Real kubectl on a blocking command: the clock runs in 250 ms steps while it waits. */
async function theirsWatching(server: SimApiServer, cluster: Cluster, line: string): Promise<KubectlResult> {
  // Start the clock once kubectl watches (or, polling instead, after a moment).
  const started = server.nextWatch();
  const proc = server.spawnKubectl(words(line));
  let exited = false;
  void proc.exited.then(() => (exited = true));
  await Promise.race([started, proc.exited, sleep(3000)]);
  await sleep(100);
  for (let i = 0; i < 2400 && !exited; i++) {
    cluster.advance(250);
    await sleep(3);
  }
  return normalise(await proc.stop());
}

/** The apps objects of a cluster, as the wire shows them, restartedAt masked. */
function appsState(cluster: Cluster): string {
  const objs = [...cluster.api.list("deployments").items, ...cluster.api.list("replicasets").items].map((o) => toWire(o));
  // Key order is not state (JSON patches from real kubectl bring their own order).
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sorted(objs), null, 1).replace(/("kubectl\.kubernetes\.io\/restartedAt": )"[^"]*"/g, '$1"<time>"');
}

interface StepResult {
  line: string;
  mine: KubectlResult;
  real: KubectlResult;
}

async function runStory(story: Story): Promise<{ steps: StepResult[]; mineState: string; realState: string }> {
  const mineCluster = buildUpdateScenario();
  const realCluster = buildUpdateScenario();
  const server = new SimApiServer(realCluster.api);
  await server.start();
  const steps: StepResult[] = [];
  try {
    for (const step of story.steps) {
      if (step === "@settle") {
        mineCluster.settle();
        realCluster.settle();
      } else if (step.startsWith("@advance ")) {
        const ms = Number(step.slice("@advance ".length));
        mineCluster.advance(ms);
        realCluster.advance(ms);
      } else if (step.startsWith("@watch ")) {
        const line = step.slice("@watch ".length);
        const t0 = realCluster.nowMs();
        const real = await theirsWatching(server, realCluster, line);
        const m0 = mineCluster.nowMs();
        const mine = await ours(mineCluster, line);
        // Keep the two clocks together for the steps after.
        const diff = realCluster.nowMs() - t0 - (mineCluster.nowMs() - m0);
        if (diff > 0) mineCluster.advance(diff);
        else if (diff < 0) realCluster.advance(-diff);
        steps.push({ line: step, mine, real });
      } else {
        const real = normalise(await server.kubectl(words(step), { files: FILES }));
        const mine = await ours(mineCluster, step);
        steps.push({ line: step, mine, real });
      }
    }
  } finally {
    await server.stop();
  }
  // An engine component that threw (reported, not raised) is a bug even when
  // the outputs agree; a refused write (a conflict, as real controllers meet
  // them too) is not.
  const thrown = [...mineCluster.errors, ...realCluster.errors].map((e) => e.message).filter((m) => !m.startsWith("ApiError"));
  expect(thrown).toEqual([]);
  return { steps, mineState: appsState(mineCluster), realState: appsState(realCluster) };
}

if (oracleSkipReason !== null) {
  describe("write commands against real kubectl v1.32", () => {
    it.skip(`${STORIES.length} stories: ${oracleSkipReason}`, () => {});
  });
} else {
  describe.concurrent("write commands against real kubectl v1.32", () => {
    it.each(STORIES)("$name", async (story) => {
      const { steps, mineState, realState } = await runStory(story);
      // KUBEDOJO_DUMP=1 prints what real kubectl said at every step (for writing new cases).
      if (process.env.KUBEDOJO_DUMP) for (const s of steps) console.log(`$ kubectl ${s.line} [${s.real.exitCode}]\n${s.real.stdout}${s.real.stderr}`);
      for (const s of steps) {
        // label/annotate --list range over a Go map: real kubectl's order is random.
        const mapOrder = /^(label|annotate) .*--list/.test(s.line);
        const fix = (r: KubectlResult) => (mapOrder ? { ...r, stdout: r.stdout.split("\n").sort().join("\n") } : r);
        expect({ step: s.line, ...fix(s.mine) }).toEqual({ step: s.line, ...fix(s.real) });
      }
      expect(mineState).toBe(realState);
    }, 120_000);
  });
}
