// The differential oracle for the built-in kubectl: real kubectl v1.32 talks
// to the simulated cluster through an HTTP shim (test/oracle/sim-server.ts),
// and our runKubectl runs the same command line against the same cluster.
// stdout, stderr and the exit code must match byte for byte.
//
// Ages: `get` tables are built by the simulated API server for both. Ages
// that kubectl computes itself (describe) use its wall clock, so ours runs
// with `now` set to the wall time the real one started or finished and
// either must match. klog's fatal lines carry a wall time and a pid: their
// headers are normalised. Without the binary every case is skipped, saying why.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { type KubectlResult, mapLimit } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";

interface Case {
  args: string[];
  files?: Record<string, string>;
  stdin?: string;
}

const FILES: Record<string, string> = {
  "deploys.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n",
  "list.yaml":
    "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: dev\n",
  "unknown-kind.yaml": "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n",
  "no-kind.yaml": "apiVersion: v1\nmetadata:\n  name: x\n",
  "missing.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nope\n",
  "names.tmpl": "{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}",
  "columns.txt": "NAME IMAGE\n.metadata.name .spec.template.spec.containers[0].image\n",
};

const GET_LINES = [
  // default tables, several types, all
  "get pods",
  "get deploy,rs",
  "get all",
  "get all -A",
  "get deployments.apps",
  "get deploy.v1.apps",
  "get deploy.app",
  "get PODS",
  "get Deployment.apps",
  "get no",
  "get ns",
  "get ev",
  "get rs -n dev",
  "get deploy nginx web",
  "get deploy/nginx rs",
  "get deploy/nginx pods/nope deploy/web",
  "get deploy,rs nginx",
  "get pods -o wide",
  "get deploy -o wide",
  "get rs -o wide -A",
  "get nodes -o wide",
  "get pods -A",
  "get pods --all-namespaces --show-labels",
  "get pods --show-labels",
  "get deploy -L app -L tier",
  "get pods -Lapp,pod-template-hash",
  "get pods --no-headers",
  "get deploy,rs --no-headers",
  "get deploy --show-kind",
  "get pods -l app=nginx",
  "get pods -l 'app in (web,crash)'",
  "get pods -l app!=nginx,tier",
  "get pods --field-selector status.phase=Running",
  "get pods --field-selector spec.nodeName=node-1 -o wide",
  "get pods -n dev",
  "get pods -n nothere",
  "get nodes -l nope=1",
  "get pods -A -l nope=1",
  // objects
  "get deploy nginx -o yaml",
  "get deploy nginx -o json",
  "get pods -o yaml -l app=web",
  "get rs -o json -n dev",
  "get ns dev -o yaml",
  "get node node-1 -o yaml",
  "get ev -o yaml -n dev",
  "get deploy odd -n dev -o yaml",
  "get deploy odd -n dev -o json",
  "get deploy odd -n dev -o jsonpath={.metadata.annotations}",
  "get deploy -n dev --show-labels",
  "get deploy nginx web -o yaml",
  "get pods -o yaml -n nothere",
  "get pods -o json -n nothere",
  "get pods -o name",
  "get deploy,rs -o name",
  "get all -o name",
  // templates
  "get pods -o jsonpath={.items[*].metadata.name}",
  "get deploy nginx -o jsonpath={.spec.template.spec.containers[0].image}",
  "get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'",
  "get pods -o jsonpath-as-json={.items[*].status.podIP}",
  "get deploy nginx -o jsonpath={.metadata.labels}",
  "get deploy -o custom-columns=NAME:.metadata.name,IMAGES:.spec.template.spec.containers[*].image,READY:.status.readyReplicas",
  "get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --no-headers",
  "get deploy -o custom-columns-file=columns.txt",
  "get deploy -o go-template='{{range .items}}{{.metadata.name}} {{.spec.replicas}}{{\"\\n\"}}{{end}}'",
  "get deploy nginx --template={{.metadata.name}}",
  "get deploy -o go-template-file=names.tmpl",
  "get deploy -o templatefile=nope.tmpl",
  "get deploy nginx -o jsonpath={.nope}",
  "get deploy nginx -o go-template={{.nope}}",
  "get deploy nginx -o go-template={{.nope}} --allow-missing-template-keys=false",
  "get deploy nginx -o jsonpath='{.metadata.name' ",
  // sorting
  "get pods --sort-by=.metadata.name",
  "get pods --sort-by=.status.podIP -o wide",
  "get pods --sort-by=.metadata.creationTimestamp",
  "get pods --sort-by={.status.containerStatuses[0].restartCount}",
  "get pods -o name --sort-by=.status.podIP",
  "get pods -o yaml --sort-by=.metadata.name",
  "get pods -n bulk --sort-by=.metadata.creationTimestamp",
  "get pods -n bulk -o name --sort-by=.metadata.creationTimestamp",
  "get pods -n bulk --sort-by=.spec.nodeName -o wide",
  "get pods -n bulk -o name --sort-by=.spec.nodeName",
  "get pods -A --sort-by=.status.phase",
  "get pods --sort-by=.zzz",
  "get pods -o name --sort-by=.zzz",
  "get deploy,rs --sort-by=.metadata.name",
  "get pods --sort-by={{",
  "get pods -o yaml --sort-by={{",
  // files
  "get -f deploys.yaml",
  "get -f deploys.yaml -o name",
  "get -f list.yaml",
  "get -f list.yaml -o yaml",
  "get -f unknown-kind.yaml",
  "get -f no-kind.yaml",
  "get -f missing.yaml",
  "get -f missing.yaml -o yaml",
  "get -f nothere.yaml",
  "get pods -f deploys.yaml",
  "get -f - -o name",
  // errors
  "get",
  "get foo",
  "get foo,pods",
  "get Deployments.Apps",
  "get deploy nope",
  "get deploy nope nope2",
  "get deploy nope -o yaml",
  "get deploy nginx nope -o yaml",
  "get deploy nginx nope -o name",
  "get deploy nope --ignore-not-found",
  "get deploy nginx nope --ignore-not-found",
  "get po/x",
  "get pods x -A",
  "get pods/x pods",
  "get pods/x/y",
  "get pods,deploy/x",
  "get pods -l app=x nginx",
  "get pods -l 'a b'",
  "get pods --field-selector foo=bar",
  "get pods -o foo",
  "get pods -o foo -n nothere",
  "get deploy nope -o foo",
  "get pods --show-labels -o yaml",
  "get pods --output-watch-events",
  "get --foo",
  "get pods --foo=bar",
  "get pods -Z",
  "get pods -n",
  "get pods --chunk-size=abc",
  "get pods --chunk-size=99999999999999999999",
  "get pods -w=abc",
  "get pods ---foo",
  "get pods --=x",
  "get pods --label-columns",
  "get deploy,rs -w",
  "get pods --context=nope",
];

const DESCRIBE_LINES = [
  "describe deploy",
  "describe deploy nginx",
  "describe deployments.apps web",
  "describe deploy/crash deploy/broken",
  "describe rs",
  "describe rs -n dev",
  "describe pods",
  "describe pods -l app=web",
  "describe pods -l app=zzz",
  "describe pods ngi",
  "describe pods crash",
  "describe po --show-events=false",
  "describe nodes",
  "describe node node-1",
  "describe ns",
  "describe ns dev",
  "describe ev -n dev",
  "describe deploy odd -n dev",
  "describe deploy -A",
  "describe deploy,rs",
  "describe -f deploys.yaml",
  "describe",
  "describe foo",
  "describe deploy nope",
  "describe deploy/nope",
  "describe deploy nginx nope",
  "describe po x -A",
  "describe deploy nginx --foo",
];

const OTHER_LINES = [
  "",
  "get pods -h --foo",
  "help",
  "options",
  "version",
  "version --client",
  "version -o yaml",
  "version -o json",
  "version --client -o json",
  "version -o foo",
  "version x",
  "api-resources",
  "api-resources -o wide",
  "api-resources -o name",
  "api-resources --namespaced=false",
  "api-resources --namespaced=true --sort-by=name",
  "api-resources --api-group=apps",
  "api-resources --sort-by=kind",
  "api-resources --verbs=deletecollection",
  "api-resources --no-headers",
  "api-resources x",
  "api-versions",
  "config current-context",
  "config get-contexts",
  "config foo",
  "foo",
  "gett",
  "desc",
  "a",
  "ps",
  "list",
  "rm",
  "-n",
  "--foo get pods",
  "-n dev get pods",
  "--namespace=dev get deploy",
  "get pods --namespace dev",
];

const CASES: Case[] = [...GET_LINES, ...DESCRIBE_LINES, ...OTHER_LINES].map((line) => ({
  args: words(line),
  files: FILES,
  stdin: FILES["deploys.yaml"],
}));

/**
 * klog headers carry a wall time and a pid: keep the level, file and message.
 * `kubectl options` shows the cache directory under $HOME.
 */
function normalise(r: KubectlResult): KubectlResult {
  return {
    ...r,
    stdout: r.stdout.replace(/--cache-dir='[^']*'/, "--cache-dir='$HOME/.kube/cache'"),
    stderr: r.stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1mmdd hh:mm:ss.uuuuuu pid "),
  };
}

/** Ages (`57m`, `5m3s`, `2d3h`) and lease renewal times blanked, for the fallback comparison. */
function withoutAges(r: KubectlResult): KubectlResult {
  const blank = (t: string) => t.replace(/\b\d+[smhdy](\d+[smhd])?\b/g, "<age>").replace(/(RenewTime: +).*/g, "$1<time>");
  return { ...r, stdout: blank(r.stdout), stderr: blank(r.stderr) };
}

async function ours(cluster: Cluster, c: Case, nowMs: number): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    c.args,
    { stdin: c.stdin ?? "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    {
      api: cluster.api,
      now: () => nowMs,
      wait: async (ms) => cluster.advance(ms),
      idle: () => true,
      readFile: (p) => c.files?.[p],
    },
  );
  return normalise({ stdout, stderr, exitCode });
}


if (oracleSkipReason !== null) {
  describe("kubectl against real kubectl v1.32", () => {
    it.skip(`${CASES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl against real kubectl v1.32", () => {
    let cluster: Cluster;
    let server: SimApiServer;
    const theirs: Array<{ result: KubectlResult; startMs: number; endMs: number }> = [];

    beforeAll(async () => {
      // Objects about an hour old by the wall clock, so kubectl's own ages are stable.
      const start = new Date(Math.floor((Date.now() - 3_600_000) / 1000) * 1000).toISOString().replace(".000Z", "Z");
      cluster = buildScenario(start);
      server = new SimApiServer(cluster.api);
      await server.start();
      theirs.push(
        ...(await mapLimit(CASES, 6, async (c) => {
          const startMs = Date.now();
          const result = normalise(await server.kubectl(c.args, { files: c.files, stdin: c.stdin }));
          return { result, startMs, endMs: Date.now() };
        })),
      );
    }, 300_000);

    afterAll(async () => {
      await server?.stop();
    });

    CASES.forEach((c, i) => {
      it(`kubectl ${c.args.join(" ")}`, async () => {
        const real = theirs[i]!;
        // Real kubectl read the wall clock (ages) and the shim renewed node
        // leases by it somewhere between start and end: try those times, then
        // every tenth of a second in between (a slow run can span a lease
        // renewal, and two ages of one output change at different instants).
        let mine = await ours(cluster, c, real.startMs);
        if (!equal(mine, real.result)) mine = await ours(cluster, c, real.endMs);
        for (let t = real.startMs + 100; !equal(mine, real.result) && t < real.endMs; t += 100) mine = await ours(cluster, c, t);
        // CI has seen real kubectl print an age, and a lease renewal, earlier
        // than its start time allows (twice in a day, cause not found): if no
        // instant matches, everything but those wall-clock values must match.
        if (!equal(mine, real.result)) expect(withoutAges(mine)).toEqual(withoutAges(real.result));
      });
    });
  });
}

/** Help: our own prose, kubectl's layout. The options and usage (from "Options:" or "Usage:" on) must match. */
const HELP_LINES = [
  "get --help",
  "get -h",
  "describe --help",
  "version --help",
  "api-resources --help",
  "api-versions --help",
  "cluster-info --help",
  "config --help",
  "config view --help",
  "config current-context -h",
  "config get-contexts -h",
  "help get",
  "create service clusterip --help",
  "create service nodeport --help",
  "create service loadbalancer -h",
  "create service externalname --help",
  "expose --help",
  "delete --help",
  "replace --help",
  "apply --help",
  "apply view-last-applied --help",
  "create deployment --help",
  "create namespace -h",
  "create configmap --help",
  "scale --help",
  "logs --help",
  "rollout status --help",
];

function helpTail(s: string): string {
  const i = s.indexOf("\nOptions:");
  return i >= 0 ? s.slice(i) : s.slice(s.indexOf("\nUsage:"));
}

if (oracleSkipReason === null) {
  describe("kubectl help against real kubectl v1.32", () => {
    const cluster = buildScenario();
    const server = new SimApiServer(cluster.api);
    beforeAll(() => server.start());
    afterAll(() => server.stop());
    it.each(HELP_LINES)("kubectl %s", async (line) => {
      const real = await server.kubectl(words(line));
      const mine = await ours(cluster, { args: words(line) }, 0);
      expect(mine.exitCode).toBe(real.exitCode);
      expect(mine.stderr).toBe(real.stderr);
      expect(helpTail(mine.stdout)).toBe(helpTail(real.stdout));
      expect(helpTail(mine.stdout).length).toBeGreaterThan(0);
    });
  });
}

function equal(a: KubectlResult, b: KubectlResult): boolean {
  return a.stdout === b.stdout && a.stderr === b.stderr && a.exitCode === b.exitCode;
}
