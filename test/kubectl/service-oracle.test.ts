// Services against real kubectl v1.32: each sequence runs on a fresh pair of
// scenario clusters, ours with the built-in kubectl and real kubectl through
// the HTTP shim (test/oracle/sim-server.ts). Every line's stdout, stderr and
// exit code must match byte for byte, and so must the Services at the end
// (uids, resourceVersions and times aside) — the allocated cluster IPs and
// node ports included, since both clusters draw from the same seed.
//
// Creates use --validate=false: the shim serves no OpenAPI document.

import { beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { SERVICE_FILES } from "./service-files.ts";
import { words } from "./words.ts";

interface Case {
  name: string;
  lines: string[];
}

const V = "--validate=false";
const create = (file: string) => `create -f ${file} ${V}`;

export const SERVICE_CASES: Case[] = [
  {
    name: "every type: get, wide, yaml, json, describe, all",
    lines: [
      `apply -f svcs.yaml ${V}`,
      "get svc",
      "get svc -o wide",
      "get services -A",
      "get svc -A -o wide --show-labels",
      "get svc web -o yaml",
      "get svc np -o json",
      "get svc lb ext hl -o yaml",
      "get svc ips -o yaml",
      "get svc dns -n dev -o yaml",
      "get svc kubernetes -o yaml",
      "describe svc",
      "describe svc kubernetes",
      "describe svc np lb",
      "describe service dns -n dev",
      "get all",
      "get svc,deploy -o name",
    ],
  },
  {
    name: "node ports: taken, out of range, on ClusterIP, shared within one Service",
    lines: [create("np.yaml"), create("np-taken.yaml"), create("np-range.yaml"), create("np-on-clusterip.yaml"), create("np-dup.yaml"), create("np-auto.yaml"), "get svc"],
  },
  {
    name: "a deleted Service's node port is free again",
    lines: [create("np.yaml"), create("np-taken.yaml"), "delete svc np", create("np-taken.yaml"), "get svc np2"],
  },
  {
    name: "requested cluster IPs: taken, out of range, malformed, free",
    lines: [create("ip-taken.yaml"), create("ip-range.yaml"), create("ip-bad.yaml"), create("ip-ok.yaml"), "get svc ip3 -o wide"],
  },
  {
    name: "validation errors",
    lines: [
      create("bad-type.yaml"),
      create("no-names.yaml"),
      create("dup-names.yaml"),
      create("dup-ports.yaml"),
      create("no-ports.yaml"),
      create("no-extname.yaml"),
      create("bad-extname.yaml"),
      create("bad-ports.yaml"),
      create("bad-selector.yaml"),
      create("bad-name.yaml"),
      create("headless-np.yaml"),
      create("bad-affinity.yaml"),
      "get svc -o name",
    ],
  },
  {
    name: "apply: clusterIP may not change, the type can",
    lines: [
      `apply -f web.yaml ${V}`,
      `apply -f web.yaml ${V}`,
      `apply -f web-ip.yaml ${V}`,
      `apply -f web-np.yaml ${V}`,
      "get svc web",
      `apply -f web.yaml ${V}`,
      "get svc web -o yaml",
    ],
  },
  {
    name: "patch: type, node port, cluster IP; then delete",
    lines: [
      `apply -f web.yaml ${V}`,
      `patch svc web -p {"spec":{"type":"NodePort"}}`,
      "get svc web -o jsonpath={.spec.type}",
      `patch svc web -p {"spec":{"ports":[{"port":80,"nodePort":30099}]}}`,
      `patch svc web --type=json -p [{"op":"replace","path":"/spec/clusterIP","value":"10.96.9.9"}]`,
      `patch svc web --type=merge -p {"spec":{"type":"Foo"}}`,
      "get svc web -o wide",
      "label svc web tier=front",
      "get svc -l tier=front --show-labels",
      "delete svc web",
      "get svc",
    ],
  },
  {
    name: "create service generators, client side",
    lines: [
      "create service clusterip my-cs --tcp=5678:8080 --dry-run=client -o yaml",
      "create service nodeport my-ns --tcp=80 --tcp=443:https --node-port=30080 --dry-run=client -o yaml",
      "create svc loadbalancer lb --tcp=80,81:http --dry-run=client -o json",
      "create service externalname ext --external-name bar.com --dry-run=client -o yaml",
      "create service clusterip hl --clusterip=None --dry-run=client -o yaml",
      "create service clusterip a --tcp=80 -n dev --dry-run=client -o yaml",
      "create service loadbalancer lb --tcp=80 --dry-run=client",
      "create service",
      "create service foo",
    ],
  },
  {
    name: "create service errors",
    lines: [
      "create service clusterip x --dry-run=client",
      "create service nodeport x --clusterip=None --tcp=80 --dry-run=client",
      "create service externalname x --dry-run=client",
      "create service externalname x --external-name=Bad_Name --dry-run=client",
      "create service clusterip x --tcp=abc --dry-run=client",
      "create service clusterip x --tcp=70000 --dry-run=client",
      "create service clusterip x --tcp=80:0 --dry-run=client",
      "create service clusterip x --tcp=80:Bad_name --dry-run=client",
      "create service clusterip --tcp=80 --dry-run=client",
      "create service clusterip a b --tcp=80",
    ],
  },
  {
    name: "create service on the server",
    lines: [
      "create service nodeport web --tcp=80:8080 --node-port=30080",
      "create service nodeport web2 --tcp=80:8080 --node-port=30080",
      "create service nodeport web3 --tcp=80 --node-port=80",
      "create service clusterip web --tcp=80",
      "create service clusterip hl --clusterip=None",
      "create service clusterip fixed --tcp=80 --clusterip=10.96.0.1",
      "create service externalname db --external-name db.example.com -o yaml",
      "create service loadbalancer lb --tcp=443:8443 --dry-run=server -o yaml",
      "create service clusterip saved --tcp=80 --save-config",
      "get svc -o wide",
      "get svc saved -o yaml",
    ],
  },
  {
    name: "expose, client side",
    lines: [
      "expose deploy nginx --dry-run=client -o yaml",
      "expose deploy web --dry-run=client -o yaml",
      "expose deployment web --port=8080 --target-port=http --type=NodePort --name=web-np --dry-run=client -o json",
      "expose rs -l app=nginx --dry-run=client",
      "expose deploy nginx --selector=app=nginx,tier=web --labels=a=b --session-affinity=ClientIP --cluster-ip=None -n dev --dry-run=client -o yaml",
      "expose deploy crash",
      "expose deploy crash --cluster-ip=None --dry-run=client -o yaml",
      "expose",
      "expose deploy",
      "expose deploy nope",
      "expose ns dev",
      "expose deploy nginx --session-affinity=foo",
      "expose deploy nginx --port=abc",
      "expose deploy nginx --labels=a",
      "expose deploy nginx --labels==b",
    ],
  },
  {
    name: "expose on the server",
    lines: [
      "expose deploy nginx",
      "expose deploy nginx",
      "expose deploy web --type=LoadBalancer --name=web-lb",
      "expose svc nginx --port=443 --target-port=8443 --name=nginx-https",
      "expose deploy nginx --port=8080 --name=n2 --type=NodePort --dry-run=server -o yaml",
      "expose deploy api -n dev --type=LoadBalancer --port=80 --load-balancer-ip=1.2.3.4 --external-ip=5.6.7.8 --cluster-ip=10.96.0.77 --selector=app=api,x=y --labels=a=b",
      "expose deploy broken --port=80 --type=Foo",
      "expose deploy broken --port=80 --save-config -o yaml",
      "get svc -A -o wide",
      "describe svc nginx-https web-lb",
    ],
  },
  {
    name: "expose: several protocols on one port, a pod without labels, a selector with expressions",
    lines: [
      create("dns-pod.yaml"),
      create("bare-pod.yaml"),
      create("expr-deploy.yaml"),
      "expose pod dns --dry-run=client -o yaml",
      "expose pod dns --protocol=UDP --dry-run=client -o yaml",
      "expose pod dns --port=53 --dry-run=client -o yaml",
      "expose pod dns",
      "describe svc dns",
      "expose pod bare",
      "expose pod bare --selector=run=bare",
      "expose deploy expr",
      "expose deploy expr --selector=app=a --dry-run=client -o yaml",
      create("expr2-deploy.yaml"),
      "expose deploy expr2 --port=80",
    ],
  },
  {
    name: "run --expose creates the Service too",
    lines: [
      "run web2 --image=nginx --port=80 --expose --dry-run=client -o yaml",
      "run web2 --image=nginx --port=80 --expose --dry-run=server",
      "run web2 --image=nginx --port=80 --expose",
      "run web2 --image=nginx --port=80 --expose",
      "get svc web2 -o wide",
    ],
  },
  {
    name: "dry runs allocate nothing",
    lines: [`${create("np-auto.yaml")} --dry-run=server -o yaml`, `${create("np.yaml")} --dry-run=server -o jsonpath={.spec}`, "get svc"],
  },
];

async function ours(cluster: Cluster, line: string): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    words(line),
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    {
      api: cluster.api,
      now: () => cluster.now().getTime(),
      wait: async (ms) => cluster.advance(ms),
      idle: () => cluster.idle(),
      readFile: (p) => SERVICE_FILES[p],
    },
  );
  return { stdout, stderr, exitCode };
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function services(cluster: Cluster): unknown[] {
  const scrub = (v: unknown, key = ""): unknown => {
    if (typeof v === "string") return TIME.test(v) ? "<time>" : key === "uid" || key === "resourceVersion" ? "<id>" : v;
    if (Array.isArray(v)) return v.map((x) => scrub(x));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x, k)]));
    return v;
  };
  return (cluster.api.list("services").items as KubeObject[]).map((s) => scrub(s));
}

if (oracleSkipReason !== null) {
  describe("Services against real kubectl v1.32", () => {
    it.skip(`${SERVICE_CASES.length} sequences: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("Services against real kubectl v1.32", () => {
    const results = new Map<string, { mine: KubectlResult[]; real: KubectlResult[]; mineState: unknown[]; realState: unknown[] }>();

    async function runCase(c: Case): Promise<void> {
      const mineCluster = buildScenario();
      const realCluster = buildScenario();
      const server = new SimApiServer(realCluster.api, { clock: () => realCluster.now().getTime() });
      await server.start();
      const mine: KubectlResult[] = [];
      const real: KubectlResult[] = [];
      try {
        for (const line of c.lines) {
          mine.push(await ours(mineCluster, line));
          real.push(await server.kubectl(words(line), { files: SERVICE_FILES }));
          // Both clusters go on from the same virtual time.
          const t = Math.max(mineCluster.now().getTime(), realCluster.now().getTime()) + 1000;
          mineCluster.advance(t - mineCluster.now().getTime());
          realCluster.advance(t - realCluster.now().getTime());
        }
      } finally {
        await server.stop();
      }
      results.set(c.name, { mine, real, mineState: services(mineCluster), realState: services(realCluster) });
    }

    beforeAll(async () => {
      const queue = [...SERVICE_CASES];
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
        }),
      );
    }, 300_000);

    SERVICE_CASES.forEach((c) => {
      it(c.name, () => {
        const r = results.get(c.name)!;
        c.lines.forEach((line, i) => expect({ line, ...r.mine[i] }).toEqual({ line, ...r.real[i] }));
        expect(r.mineState).toEqual(r.realState);
      });
    });
  });
}
