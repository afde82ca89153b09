// Random and mutated kubectl command lines and YAML documents thrown at
// cluster.exec: it always resolves with a status, every failure is a message
// in kubectl's or the shell's words (never a JavaScript exception), no
// component of the cluster fails, and the cluster stays consistent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../engine/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import { deployment } from "./helpers.ts";

const COMMANDS = [
  "get", "describe", "create", "apply", "replace", "delete", "edit", "scale", "autoscale", "run", "expose", "set", "image", "env", "resources",
  "label", "annotate", "patch", "rollout", "status", "history", "undo", "pause", "resume", "restart", "logs", "exec", "wait", "explain",
  "cordon", "uncordon", "drain", "top", "api-resources", "api-versions", "version", "config", "view", "current-context", "set-context",
  "cluster-info", "help", "__complete", "deployment", "namespace", "configmap", "secret", "generic",
];
const OPERANDS = [
  "deploy", "deployment", "deployments.apps", "rs", "po", "pods", "pod", "ns", "no", "node-1", "ev", "all", "web", "nginx", "deploy/web",
  "deployment/web", "rs/web", "pod/web", "web-0", "ns/dev", "dev", "default", "kube-system", "nginx=nginx:1.27", "*=busybox", "app=web", "app-",
  "tier=x", "a=b", "--overwrite", "--replicas=5", "--replicas=-1", "--replicas", "3", "0", "--image=nginx:1.27", "--image=", "--to-revision=1",
  "--revision=2", "-p", "'{\"spec\":{\"replicas\":2}}'", "'{\"spec\":'", "'[{\"op\":\"remove\",\"path\":\"/spec\"}]'", "--type=json", "--type=merge",
  "--type", "strategic", "-o", "yaml", "json", "wide", "name", "jsonpath={.items[*].metadata.name}", "'jsonpath={.spec.replicas}'",
  "custom-columns=N:.metadata.name", "go-template={{.metadata.name}}", "-l", "app!=web", "'app in (web)'", "--field-selector", "status.phase=Running",
  "-n", "-A", "--all", "--all-namespaces", "-w", "--watch-only", "--dry-run=client", "--dry-run=server", "--dry-run", "--record", "--force",
  "--grace-period=0", "--grace-period=-1", "--cascade=orphan", "--cascade=foreground", "--timeout=5s", "--timeout=0", "--for=condition=Available",
  "--for=delete", "--for=jsonpath={.status.readyReplicas}=2", "-f", "-", "x.yaml", "--validate=false", "--validate=strict", "-c", "nginx",
  "--previous", "--tail=2", "--since=1m", "--ignore-daemonsets", "--show-labels", "--sort-by=.metadata.name", "--no-headers", "-h", "--help",
  "--", "sh", "-c", "'echo hi'", "--restart=Never", "--rm", "-it", "--current-replicas=2", "--from-literal=a=b", "--port=80", "-v=6", "--", "''",
  "--namespace=dev", "--context=nope", "=", "/", ",", "deploy,rs", "deploy/web,rs", "-o=yaml", "--output", "--limits=cpu=200m", "--requests=memory=64Mi",
];

const line = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.array(fc.constantFrom(...COMMANDS, ...OPERANDS, ...OPERANDS), { maxLength: 7 }))
  .map(([cmd, rest]) => ["kubectl", cmd, ...rest].join(" "));
const garbled = fc.string({ maxLength: 40 }).map((s) => `kubectl ${s}`);

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    app: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: shop
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop-ns
`;

const INSERTS = [":", "-", "  ", "{", "}", "[", "]", "'", '"', "#", "---", "\t", "0", "-1", "null", "~", "&a", "*a", "!!int", "x: y", "\n"];

/** The manifest with a few random edits: characters dropped, text inserted, lines duplicated or removed. */
const mutatedManifest = fc
  .array(
    fc.tuple(fc.constantFrom("drop", "insert", "dupLine", "dropLine"), fc.nat(), fc.constantFrom(...INSERTS)),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let text = MANIFEST;
    for (const [op, at, ins] of edits) {
      const i = at % Math.max(1, text.length);
      if (op === "drop") text = text.slice(0, i) + text.slice(i + 1);
      else if (op === "insert") text = text.slice(0, i) + ins + text.slice(i);
      else {
        const lines = text.split("\n");
        const j = at % lines.length;
        if (op === "dupLine") lines.splice(j, 0, lines[j]!);
        else lines.splice(j, 1);
        text = lines.join("\n");
      }
    }
    return text;
  });

function cluster(): Cluster {
  const c = createCluster({ seed: 7 });
  c.api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
  c.api.create("deployments", deployment({ replicas: 2 }));
  c.settle();
  return c;
}

function wellFormed(r: { stdout: string; stderr: string; exitCode: number }): void {
  expect(Number.isInteger(r.exitCode)).toBe(true);
  expect(r.exitCode).toBeGreaterThanOrEqual(0);
  expect(r.exitCode).toBeLessThanOrEqual(255);
  expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|ReferenceError|undefined is not|Cannot read prop|\n\s+at /);
}

/** After settling: no component failed, owners exist (the garbage collector caught up), pods sit on real nodes. */
function consistent(c: Cluster): void {
  c.settle(120_000);
  expect(c.errors).toEqual([]);
  const all: KubeObject[] = [];
  for (const resource of ["deployments", "replicasets", "pods"]) all.push(...c.api.list(resource).items);
  const uids = new Set(all.map((o) => o.metadata.uid));
  const nodes = new Set(c.api.list("nodes").items.map((n) => n.metadata.name));
  for (const obj of all) {
    expect(Object.isFrozen(obj)).toBe(true);
    const owner = obj.metadata.ownerReferences?.find((r) => r.controller);
    if (owner) expect(uids.has(owner.uid)).toBe(true);
    const node = (obj as { spec?: { nodeName?: string } }).spec?.nodeName;
    if (obj.kind === "Pod" && node) expect(nodes.has(node)).toBe(true);
  }
}

describe("cluster.exec on random kubectl input", () => {
  it("answers random command lines with kubectl's messages and keeps the cluster consistent", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: garbled }), { minLength: 1, maxLength: 6 }), async (lines) => {
        const c = cluster();
        for (const l of lines) wellFormed(await c.exec(l));
        consistent(c);
      }),
      { numRuns: 80, seed: 20261125 },
    );
  });

  it("answers mutated YAML documents given to create, apply and replace", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedManifest, fc.constantFrom("create -f -", "apply -f -", "replace -f -", "apply --dry-run=client -o yaml -f -", "delete -f -"), async (text, verb) => {
        const c = cluster();
        wellFormed(await c.exec(`cat > m.yaml <<'EOF'\n${text}\nEOF`));
        wellFormed(await c.exec(`kubectl ${verb} < m.yaml`));
        wellFormed(await c.exec(`kubectl ${verb.replace(/-f -$/, "-f m.yaml")}`));
        consistent(c);
      }),
      { numRuns: 80, seed: 20261126 },
    );
  });
});
