// The differential oracle for kubectl's writing commands (create, apply,
// replace, delete). Each case is a sequence of command lines run on a fresh
// scenario cluster: ours with the built-in kubectl, real kubectl v1.32 on an
// identical cluster through the HTTP shim. Every step's stdout, stderr and
// exit code must match byte for byte, and so must the clusters' objects at
// the end (uids, resourceVersions and times aside: real kubectl's waits let
// a different amount of virtual time pass).
//
// Once real kubectl watches (a waiting `delete`), its cluster's virtual time
// is pumped forward so it sees pods finish terminating; after each step both
// clusters are brought to the same virtual time.
//
// Not here yet: YAML syntax errors (manifest.ts words them as the `yaml`
// package does, not as go-yaml: `yaml: line 1: All mapping items must start
// at the same column` where kubectl says `yaml: line 4: did not find expected
// key`). `create -f`, `apply` and `replace` validate against OpenAPI
// by default, which this shim does not serve (test/oracle/openapi-server.ts
// does, without writes): those cases use --validate=false, so the strict
// field validation path (`strict decoding error: unknown field`) is covered
// by the unit tests instead.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";
import { WRITE_FILES } from "./write-files.ts";

interface Case {
  name: string;
  lines: string[];
  stdin?: string;
  /**
   * Real kubectl polls (no watch) after deleting: pump its cluster's time
   * from the first DELETE. Its cluster's later history then differs in
   * timing, so only the command output is compared.
   */
  pumpAfterDelete?: boolean;
}

const V = "--validate=false";

/** Sequences: each runs on its own fresh pair of clusters. */
export const WRITE_CASES: Case[] = [
  // create -f
  { name: "create -f, then AlreadyExists", lines: [`create -f d.yaml ${V}`, `create -f d.yaml ${V}`, "get deploy hello -o name"] },
  { name: "create -f several documents and -o yaml", lines: [`create -f cm.yaml ${V} -o yaml`] },
  { name: "create -f a List, stringData merged", lines: [`create -f list.yaml ${V}`, "get secret two -o yaml", "get cm one -o json"] },
  { name: "create -f - from stdin", lines: [`create -f - ${V}`], stdin: WRITE_FILES["cm.yaml"] },
  { name: "create -f with -o name and -o json", lines: [`create -f cm.yaml ${V} -o name`, `create -f pod.yaml ${V} -o json`] },
  { name: "create -f --dry-run=server", lines: [`create -f cm.yaml ${V} --dry-run=server`, "get cm -o name"] },
  { name: "create -f --dry-run=client", lines: [`create -f cm.yaml ${V} --dry-run=client`, `create -f d.yaml ${V} --dry-run=client -o yaml`] },
  { name: "create -f --save-config", lines: [`create -f cm2.yaml ${V} --save-config`, "get cm cfg -o yaml"] },
  { name: "create -f an invalid object", lines: [`create -f invalid.yaml ${V}`] },
  { name: "create -f an unknown field, dropped", lines: [`create -f unknown.yaml ${V}`, "get deploy hello -o jsonpath={.spec}"] },
  { name: "create -f an unknown kind", lines: [`create -f foo.yaml ${V}`] },
  { name: "create -f a missing file", lines: [`create -f nope.yaml ${V}`] },
  { name: "create -f into another namespace", lines: [`create -f ns-dev.yaml ${V}`, `create -f ns-dev.yaml ${V} -n default`, `create -f d.yaml ${V} -n dev`] },
  { name: "create -f into a missing namespace", lines: [`create -f d.yaml ${V} -n nothere`] },
  { name: "create without -f", lines: ["create", "create foo", `create -f d.yaml ${V} --dry-run=foo`] },
  // create generators, client side
  {
    name: "create deployment --dry-run=client",
    lines: [
      "create deployment web2 --image=nginx --dry-run=client -o yaml",
      "create deployment web2 --image=nginx --image=redis:7 --port=80 -r 3 --dry-run=client -o json",
      "create deployment web2 --image=busybox --dry-run=client -o yaml -- sleep 3600",
      "create deployment web2 --image=nginx -n dev --dry-run=client -o yaml",
      "create deployment web2 --image=nginx --dry-run=client",
      "create deployment web2 --image=nginx --dry-run=client -o name",
      "create deploy web2 --image=nginx --dry-run=client",
    ],
  },
  {
    name: "create deployment errors",
    lines: [
      "create deployment web2 --dry-run=client",
      "create deployment --image=x --dry-run=client",
      "create deployment a b --image=x --dry-run=client",
      "create deployment web2 --image=a --image=b --dry-run=client -- sleep 1",
      "create deployment web2 --image=nginx --dry-run=foo",
    ],
  },
  {
    name: "create namespace, configmap and secret --dry-run=client",
    lines: [
      "create ns team --dry-run=client -o yaml",
      "create namespace team --dry-run=client",
      "create cm cfg --from-literal=a=1 --from-literal=b=x=y --from-file=app.properties --from-file=k2=app.properties --dry-run=client -o yaml",
      "create configmap cfg --from-env-file=app.properties --dry-run=client -o yaml",
      "create configmap c --dry-run=client -o yaml",
      "create secret generic s --from-literal=pw=s3cret --from-file=app.properties --dry-run=client -o yaml",
      "create secret generic s --from-literal=pw=s3cret --type=kubernetes.io/basic-auth --dry-run=client -o json",
      "create secret generic s --dry-run=client",
      "create secret generic s --from-literal=a=1 --save-config --dry-run=client -o yaml",
      "create cm c --from-literal=a=1 --save-config --dry-run=client -o json",
    ],
  },
  {
    name: "create generators on the server (protobuf bodies)",
    lines: [
      "create deployment web2 --image=nginx",
      "create deployment web2 --image=nginx",
      "create ns team",
      "create cm cfg --from-literal=a=1 -o yaml",
      "create cm cfg --from-literal=a=1",
      "create secret generic s --from-literal=pw=x --from-file=app.properties",
      "create secret generic s --from-literal=pw=x",
      "create ns team",
      "create deployment web3 --image=nginx -r 2 --port=80 --dry-run=server -o json",
      "create deployment Bad --image=nginx",
      "create ns dev",
      "create cm c2 -n nothere --from-literal=a=1",
      "create deployment saved --image=nginx --save-config",
      "get deploy saved -o yaml",
    ],
  },
  {
    name: "create configmap and secret errors",
    lines: [
      "create cm cfg --from-literal=a --dry-run=client",
      "create cm cfg --from-file=nope --dry-run=client",
      "create cm x --from-literal=a=1 --from-literal=a=2 --dry-run=client",
      "create cm x '--from-literal=b c=2' --dry-run=client",
      "create secret generic x '--from-literal=b c=2' --dry-run=client",
      "create cm x --from-env-file=app.properties --from-literal=a=1 --dry-run=client",
      "create ns",
    ],
  },
  // delete
  { name: "delete by TYPE NAME and TYPE/NAME", lines: [`create -f cm.yaml ${V}`, "delete cm cfg", "delete ns/team", "get ns -o name"] },
  { name: "delete a deployment", lines: ["delete deploy nginx", "get deploy -o name"] },
  { name: "delete NotFound and --ignore-not-found", lines: ["delete pod nope", "delete deploy nope nginx", "delete deploy nope --ignore-not-found"] },
  { name: "delete usage errors", lines: ["delete deploy", "delete", "delete deploy nginx --all", "delete deploy -l app=nginx nginx"] },
  { name: "delete --all --dry-run=server", lines: ["delete deploy --all --dry-run=server", "delete deploy --all --dry-run=client", "get deploy -o name"] },
  { name: "delete -l, pods terminate", lines: ["delete pods -l app=nginx", "get pods -l app=nginx -o name"] },
  { name: "delete -l, nothing matches", lines: ["delete pods -l app=nope", "delete pods -l app=nope -A"] },
  { name: "delete --wait=false and -o name", lines: ["delete deploy web --wait=false", "delete deploy crash -o name"] },
  { name: "delete --force --grace-period=0", lines: ["delete pods -l app=broken --force --grace-period=0"] },
  { name: "delete --now and --cascade=orphan", lines: ["delete deploy nginx --cascade=orphan", "get rs -l app=nginx -o name", "delete rs -l app=nginx --now"] },
  { name: "delete --cascade=foreground", lines: ["delete deploy crash --cascade=foreground"] },
  { name: "delete bad flag values", lines: ["delete deploy nginx --cascade=nope", "delete deploy nginx --grace-period=0", "delete deploy nginx --now --grace-period=3"] },
  { name: "delete -f", lines: [`create -f list.yaml ${V}`, "delete -f list.yaml", "delete -f list.yaml", "delete -f list.yaml --ignore-not-found"] },
  { name: "delete a namespace", lines: ["delete ns dev", "get ns -o name", "delete ns default"] },
  // apply
  { name: "apply: created, unchanged, configured", lines: [`apply -f d.yaml ${V}`, `apply -f d.yaml ${V}`, `apply -f d2.yaml ${V}`, "get deploy hello -o yaml"] },
  { name: "apply removes a field it had set", lines: [`apply -f d3.yaml ${V}`, `apply -f d.yaml ${V}`, "get deploy hello -o jsonpath={.metadata.labels}{.spec.template.spec.containers}"] },
  { name: "apply to an object created without the annotation", lines: [`apply -f nginx.yaml ${V}`, "get deploy nginx -o jsonpath={.spec.replicas}"] },
  { name: "apply several objects and a List", lines: [`apply -f cm.yaml ${V}`, `apply -f cm2.yaml ${V}`, `apply -f list.yaml ${V} -o name`, "get cm cfg -o yaml"] },
  { name: "apply --dry-run", lines: [`apply -f d.yaml ${V} --dry-run=client`, `apply -f d.yaml ${V} --dry-run=server`, `apply -f d.yaml ${V}`, `apply -f d2.yaml ${V} --dry-run=server -o jsonpath={.spec.replicas}`, "get deploy hello -o jsonpath={.spec.replicas}"] },
  { name: "apply an invalid change", lines: [`apply -f d.yaml ${V}`, `apply -f invalid.yaml ${V}`] },
  { name: "apply errors", lines: ["apply", `apply -f nope.yaml ${V}`, `apply -f foo.yaml ${V}`] },
  {
    name: "apply view-last-applied",
    lines: [
      `apply -f d.yaml ${V}`,
      `apply -f cm.yaml ${V}`,
      "apply view-last-applied deploy/hello",
      "apply view-last-applied deploy hello -o json",
      "apply view-last-applied -f d.yaml",
      "apply view-last-applied deploy,cm --all",
      "apply view-last-applied deploy/nginx",
      "apply view-last-applied -f nginx.yaml",
      "apply view-last-applied deploy/hello -o wide",
      "apply view-last-applied deploy/nope -o wide",
      "apply view-last-applied",
      "apply view-last-applied -l app=hello deploy",
    ],
  },
  // replace
  { name: "replace", lines: [`create -f cm.yaml ${V}`, `replace -f cm2.yaml ${V}`, "get cm cfg -o jsonpath={.data}", `replace -f d.yaml ${V}`] },
  { name: "replace --force", lines: [`create -f cm.yaml ${V}`, `replace --force -f cm2.yaml ${V}`, "get cm cfg -o jsonpath={.data}"] },
  { name: "replace errors", lines: ["replace", `replace -f d.yaml ${V} --force --dry-run=client`, `replace -f d.yaml ${V} --grace-period=3`, `replace -f nope.yaml ${V}`, `replace -f invalid.yaml ${V}`] },
  { name: "replace --force of a pod waits for it to go", pumpAfterDelete: true, lines: [`create -f pod.yaml ${V}`, `replace --force -f pod.yaml ${V}`, "get pod solo -o name"] },
  { name: "replace --save-config and -o", lines: [`create -f cm.yaml ${V}`, `replace -f cm2.yaml ${V} --save-config -o yaml`] },
];

function normaliseKlog(r: KubectlResult): KubectlResult {
  return { ...r, stderr: r.stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1mmdd hh:mm:ss.uuuuuu pid ") };
}

async function ours(cluster: Cluster, line: string, stdin: string): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    {
      api: cluster.api,
      now: () => cluster.now().getTime(),
      wait: async (ms) => cluster.advance(ms),
      idle: () => cluster.idle(),
      readFile: (p) => WRITE_FILES[p],
    },
  );
  return normaliseKlog({ stdout, stderr, exitCode });
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Every object of every kind, without what differs between the clusters by time or order of requests. */
function snapshot(cluster: Cluster): unknown[] {
  const out: unknown[] = [];
  const scrub = (v: unknown, key = ""): unknown => {
    if (typeof v === "string") {
      if (TIME.test(v)) return "<time>";
      if (key === "uid" || key === "resourceVersion") return "<id>";
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => scrub(x));
    if (v !== null && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = scrub(x, k);
      return o;
    }
    return v;
  };
  for (const t of cluster.api.registry.all()) {
    if (t.resource === "events" || t.resource === "nodes") continue;
    for (const o of cluster.api.list(t.resource).items as KubeObject[]) out.push(scrub(o));
  }
  return out;
}

if (oracleSkipReason !== null) {
  describe("kubectl writes against real kubectl v1.32", () => {
    it.skip(`${WRITE_CASES.length} sequences: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl writes against real kubectl v1.32", () => {
    const results = new Map<string, { mine: KubectlResult[]; real: KubectlResult[]; mineState: unknown[]; realState: unknown[] }>();

    async function runCase(c: Case): Promise<void> {
      const mineCluster = buildScenario();
      const realCluster = buildScenario();
      let onDelete = (): void => {};
      const server = new SimApiServer(realCluster.api, {
        clock: () => realCluster.now().getTime(),
        log: (line) => {
          if (c.pumpAfterDelete && line.startsWith("DELETE ")) onDelete();
        },
      });
      await server.start();
      const mine: KubectlResult[] = [];
      const real: KubectlResult[] = [];
      try {
        for (const line of c.lines) {
          mine.push(await ours(mineCluster, line, c.stdin ?? ""));
          // Real kubectl's virtual time runs only once it watches (a waiting delete).
          let done = false;
          let pump: ReturnType<typeof setInterval> | undefined;
          const startPump = (): void => {
            if (!done && pump === undefined) pump = setInterval(() => realCluster.advance(500), 5);
          };
          void server.nextWatch().then(startPump);
          onDelete = startPump;
          try {
            real.push(normaliseKlog(await server.kubectl(words(line), { files: WRITE_FILES, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}) })));
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
      const queue = [...WRITE_CASES];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
        }),
      );
    }, 300_000);

    afterAll(() => results.clear());

    WRITE_CASES.forEach((c) => {
      it(c.name, () => {
        const r = results.get(c.name)!;
        c.lines.forEach((line, i) => {
          expect({ line, ...r.mine[i] }).toEqual({ line, ...r.real[i] });
        });
        if (!c.pumpAfterDelete) expect(r.mineState).toEqual(r.realState);
      });
    });
  });
}
