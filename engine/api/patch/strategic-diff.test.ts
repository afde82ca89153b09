import { describe, expect, it } from "vitest";
import { applyStrategicMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from "./strategic.ts";
import { schemaFor } from "./strategic-schema.ts";

// Every expected patch below is the body kubectl v1.32 sent to an API server
// stub for the same objects (`kubectl apply`, `set image`, `set env`, and
// `label` / `annotate`, whose merge-patch bodies equal the two-way SMP here).

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
type Obj = Record<string, any>;

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Obj)[k])]));
  }
  return v;
}

/** The annotation value kubectl writes: the config with empty annotations, keys sorted, plus a newline. */
function lastAppliedOf(config: Obj): string {
  const c = structuredClone(config);
  c.metadata.annotations = { ...(c.metadata.annotations ?? {}) };
  delete c.metadata.annotations[LAST_APPLIED];
  return `${JSON.stringify(sortKeys(c))}\n`;
}

/** What kubectl apply sends as "modified": the config carrying its own last-applied annotation. */
function modifiedOf(config: Obj): Obj {
  const m = structuredClone(config);
  m.metadata.annotations = { ...(m.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(config) };
  return m;
}

function config(): Obj {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", labels: { app: "web", team: "a" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            { name: "web", image: "nginx:1.25", ports: [{ containerPort: 80, name: "http" }], env: [{ name: "A", value: "1" }] },
            { name: "side", image: "busybox", command: ["sleep", "3600"] },
          ],
        },
      },
    },
  };
}

/** The live object: applied from config(), then changed by others (a label, an env var, defaults). */
function live(): Obj {
  const obj = config();
  obj.metadata = {
    ...obj.metadata,
    uid: "u",
    resourceVersion: "9",
    generation: 3,
    labels: { ...obj.metadata.labels, "added-by-hand": "yes" },
    annotations: { [LAST_APPLIED]: lastAppliedOf(config()), "deployment.kubernetes.io/revision": "2", owner: "ops" },
  };
  obj.spec.strategy.rollingUpdate.maxUnavailable = "25%";
  const web = obj.spec.template.spec.containers[0];
  Object.assign(web, { imagePullPolicy: "IfNotPresent", resources: {} });
  web.env.push({ name: "INJECTED", value: "x" });
  Object.assign(obj.spec.template.spec, { restartPolicy: "Always", dnsPolicy: "ClusterFirst", schedulerName: "default-scheduler" });
  obj.status = { replicas: 2 };
  return obj;
}

const ORDER_CONTAINERS = { "$setElementOrder/containers": [{ name: "web" }, { name: "side" }] };
const ORDER_ENV_A = { "$setElementOrder/env": [{ name: "A" }] };
// The live env list has INJECTED, so every apply carries the env order of the config.
const UNTOUCHED_TEMPLATE = { template: { spec: { ...ORDER_CONTAINERS, containers: [{ ...ORDER_ENV_A, name: "web" }] } } };

describe("createThreeWayMergePatch: the patch kubectl apply sends", () => {
  it.each<[string, (c: Obj) => void, (la: string) => Obj]>([
    ["re-applying the same config only restates list order", () => {}, () => ({ spec: UNTOUCHED_TEMPLATE })],
    [
      "changing an image",
      (c) => (c.spec.template.spec.containers[0].image = "nginx:1.26"),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: { template: { spec: { ...ORDER_CONTAINERS, containers: [{ ...ORDER_ENV_A, image: "nginx:1.26", name: "web" }] } } },
      }),
    ],
    [
      "dropping env from the config deletes the whole list, injected entries too",
      (c) => delete c.spec.template.spec.containers[0].env,
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: { template: { spec: { ...ORDER_CONTAINERS, containers: [{ env: null, name: "web" }] } } },
      }),
    ],
    [
      "dropping a label deletes only that label",
      (c) => delete c.metadata.labels.team,
      (la) => ({ metadata: { annotations: { [LAST_APPLIED]: la }, labels: { team: null } }, spec: UNTOUCHED_TEMPLATE }),
    ],
    [
      "switching to Recreate clears rollingUpdate through $retainKeys",
      (c) => (c.spec.strategy = { type: "Recreate" }),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: { strategy: { $retainKeys: ["type"], rollingUpdate: null, type: "Recreate" }, ...UNTOUCHED_TEMPLATE },
      }),
    ],
    [
      "removing a container",
      (c) => c.spec.template.spec.containers.pop(),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: {
          template: {
            spec: {
              "$setElementOrder/containers": [{ name: "web" }],
              containers: [{ ...ORDER_ENV_A, name: "web" }, { $patch: "delete", name: "side" }],
            },
          },
        },
      }),
    ],
    [
      "adding a container first",
      (c) => c.spec.template.spec.containers.unshift({ name: "init", image: "alpine" }),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: {
          template: {
            spec: {
              "$setElementOrder/containers": [{ name: "init" }, { name: "web" }, { name: "side" }],
              containers: [{ image: "alpine", name: "init" }, { ...ORDER_ENV_A, name: "web" }],
            },
          },
        },
      }),
    ],
    [
      "reordering containers",
      (c) => c.spec.template.spec.containers.reverse(),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: {
          template: { spec: { "$setElementOrder/containers": [{ name: "side" }, { name: "web" }], containers: [{ ...ORDER_ENV_A, name: "web" }] } },
        },
      }),
    ],
    [
      "replacing ports: new ones merged by containerPort, the old one deleted",
      (c) => (c.spec.template.spec.containers[0].ports = [{ containerPort: 8080, name: "http" }, { containerPort: 9090, name: "metrics" }]),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: {
          template: {
            spec: {
              ...ORDER_CONTAINERS,
              containers: [
                {
                  ...ORDER_ENV_A,
                  "$setElementOrder/ports": [{ containerPort: 8080 }, { containerPort: 9090 }],
                  name: "web",
                  ports: [{ containerPort: 8080, name: "http" }, { containerPort: 9090, name: "metrics" }, { $patch: "delete", containerPort: 80 }],
                },
              ],
            },
          },
        },
      }),
    ],
    [
      "changing a command (an atomic list)",
      (c) => (c.spec.template.spec.containers[1].command = ["sleep", "10"]),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: { template: { spec: { ...ORDER_CONTAINERS, containers: [{ ...ORDER_ENV_A, name: "web" }, { command: ["sleep", "10"], name: "side" }] } } },
      }),
    ],
    [
      "dropping replicas from the config deletes the field",
      (c) => delete c.spec.replicas,
      (la) => ({ metadata: { annotations: { [LAST_APPLIED]: la } }, spec: { replicas: null, ...UNTOUCHED_TEMPLATE } }),
    ],
    [
      "adding an annotation",
      (c) => (c.metadata.annotations = { note: "hi" }),
      (la) => ({ metadata: { annotations: { [LAST_APPLIED]: la, note: "hi" } }, spec: UNTOUCHED_TEMPLATE }),
    ],
    [
      "rewriting env in a new order",
      (c) => (c.spec.template.spec.containers[0].env = [{ name: "B", value: "2" }, { name: "A", value: "9" }]),
      (la) => ({
        metadata: { annotations: { [LAST_APPLIED]: la } },
        spec: {
          template: {
            spec: {
              ...ORDER_CONTAINERS,
              containers: [
                { "$setElementOrder/env": [{ name: "B" }, { name: "A" }], env: [{ name: "B", value: "2" }, { name: "A", value: "9" }], name: "web" },
              ],
            },
          },
        },
      }),
    ],
  ])("%s", (_name, change, expected) => {
    const c = config();
    change(c);
    const current = live();
    const lastApplied = JSON.parse(current.metadata.annotations[LAST_APPLIED]);
    const patch = createThreeWayMergePatch(lastApplied, modifiedOf(c), current, schemaFor("Deployment"));
    expect(patch).toEqual(expected(lastAppliedOf(c)));
  });

  it("without a last-applied annotation nothing is deleted", () => {
    const current = live();
    delete current.metadata.annotations[LAST_APPLIED];
    const c = config();
    delete c.metadata.labels.team;
    const patch = createThreeWayMergePatch(undefined, modifiedOf(c), current, schemaFor("Deployment"));
    expect(patch).toEqual({ metadata: { annotations: { [LAST_APPLIED]: lastAppliedOf(c) } }, spec: UNTOUCHED_TEMPLATE });
  });

  it("an identical live object gives an empty patch (kubectl prints 'unchanged')", () => {
    const c = config();
    const current = modifiedOf(c);
    expect(createThreeWayMergePatch(c, modifiedOf(c), current, schemaFor("Deployment"))).toEqual({});
  });

  it("applied to the live object, it keeps what others set and drops what the config dropped", () => {
    const c = config();
    c.spec.template.spec.containers[0].image = "nginx:1.26";
    c.spec.template.spec.containers[0].env = [];
    delete c.metadata.labels.team;
    const current = live();
    const patch = createThreeWayMergePatch(JSON.parse(current.metadata.annotations[LAST_APPLIED]), modifiedOf(c), current, schemaFor("Deployment"));
    const result = applyStrategicMergePatch(current, patch, schemaFor("Deployment")) as Obj;
    const web = result.spec.template.spec.containers[0];
    expect(web.image).toBe("nginx:1.26");
    expect(web.imagePullPolicy).toBe("IfNotPresent");
    expect(result.metadata.labels).toEqual({ app: "web", "added-by-hand": "yes" });
    expect(result.metadata.annotations.owner).toBe("ops");
    expect(result.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: "25%" });
    expect(result.metadata.annotations[LAST_APPLIED]).toBe(lastAppliedOf(c));
  });

  it("does not modify its inputs", () => {
    const current = live();
    const lastApplied = JSON.parse(current.metadata.annotations[LAST_APPLIED]);
    const c = config();
    c.metadata.finalizers = ["b", "a"];
    const before = JSON.stringify([lastApplied, c, current]);
    createThreeWayMergePatch(lastApplied, c, current, schemaFor("Deployment"));
    expect(JSON.stringify([lastApplied, c, current])).toBe(before);
  });
});

describe("createTwoWayMergePatch: the patch imperative commands send", () => {
  it.each<[string, (o: Obj) => void, Obj]>([
    [
      "kubectl set image",
      (o) => (o.spec.template.spec.containers[0].image = "nginx:2"),
      { spec: { template: { spec: { ...ORDER_CONTAINERS, containers: [{ image: "nginx:2", name: "web" }] } } } },
    ],
    // kubectl label/annotate send JSON merge patches, whose bodies are the same here.
    ["removing a label", (o) => delete o.metadata.labels.team, { metadata: { labels: { team: null } } }],
    ["adding a label", (o) => (o.metadata.labels.tier = "fe"), { metadata: { labels: { tier: "fe" } } }],
    ["removing an annotation", (o) => delete o.metadata.annotations.owner, { metadata: { annotations: { owner: null } } }],
    [
      "kubectl set env A-",
      (o) => o.spec.template.spec.containers[0].env.shift(),
      {
        spec: {
          template: {
            spec: { ...ORDER_CONTAINERS, containers: [{ "$setElementOrder/env": [{ name: "INJECTED" }], env: [{ $patch: "delete", name: "A" }], name: "web" }] },
          },
        },
      },
    ],
    [
      "kubectl set env NEW=1",
      (o) => o.spec.template.spec.containers[0].env.push({ name: "NEW", value: "1" }),
      {
        spec: {
          template: {
            spec: {
              ...ORDER_CONTAINERS,
              containers: [
                { "$setElementOrder/env": [{ name: "A" }, { name: "INJECTED" }, { name: "NEW" }], env: [{ name: "NEW", value: "1" }], name: "web" },
              ],
            },
          },
        },
      },
    ],
    ["no change", () => {}, {}],
  ])("%s", (_name, change, expected) => {
    const original = live();
    const modified = live();
    change(modified);
    expect(createTwoWayMergePatch(original, modified, schemaFor("Deployment"))).toEqual(expected);
  });

  it.each<[string, (o: Obj) => void]>([
    ["changing an image", (o) => (o.spec.template.spec.containers[0].image = "nginx:2")],
    ["removing a container", (o) => o.spec.template.spec.containers.pop()],
    ["adding and reordering env", (o) => o.spec.template.spec.containers[0].env.unshift({ name: "Z", value: "z" })],
    ["dropping a label and a field", (o) => (delete o.metadata.labels.team, delete o.spec.strategy)],
    ["finalizers reordered and trimmed", (o) => (o.metadata.finalizers = ["y"])],
  ])("applying it to the original gives the modified object: %s", (_name, change) => {
    const original = live();
    original.metadata.finalizers = ["x", "y"];
    const modified = structuredClone(original);
    change(modified);
    const patch = createTwoWayMergePatch(original, modified, schemaFor("Deployment"));
    expect(applyStrategicMergePatch(original, patch, schemaFor("Deployment"))).toEqual(modified);
  });

});

describe("createThreeWayMergePatch: primitive merge lists (finalizers)", () => {
  const cm = (finalizers: string[]) => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "cm", namespace: "default", finalizers },
    data: { a: "1" },
  });
  const liveCm = () => {
    const c = cm(["f1", "f4", "f3"]);
    return { ...c, metadata: { ...c.metadata, uid: "u", annotations: { [LAST_APPLIED]: lastAppliedOf(c) } } };
  };

  it.each<[string, string[], (la: string) => Obj]>([
    [
      "dropping one and reordering sends a deletion list and the order",
      ["f3", "f1"],
      (la) => ({ metadata: { "$deleteFromPrimitiveList/finalizers": ["f4"], "$setElementOrder/finalizers": ["f3", "f1"], annotations: { [LAST_APPLIED]: la } } }),
    ],
    // Upstream sorts the live list in place while diffing, then sees no change in order.
    ["a pure reorder into sorted order is not sent", ["f1", "f3", "f4"], (la) => ({ metadata: { annotations: { [LAST_APPLIED]: la } } })],
  ])("%s", (_name, finalizers, expected) => {
    const current = liveCm();
    const c = cm(finalizers);
    const patch = createThreeWayMergePatch(JSON.parse(current.metadata.annotations[LAST_APPLIED]), modifiedOf(c), current, schemaFor("ConfigMap"));
    expect(patch).toEqual(expected(lastAppliedOf(c)));
  });
});

describe("patch creation errors", () => {
  it("kubectl apply of a container without a name fails to build its patch", () => {
    const c = config();
    delete c.spec.template.spec.containers[1].name;
    const current = live();
    const lastApplied = JSON.parse(current.metadata.annotations[LAST_APPLIED]);
    expect(() => createThreeWayMergePatch(lastApplied, modifiedOf(c), current, schemaFor("Deployment"))).toThrow(
      expect.objectContaining({ message: "map: map[command:[sleep 3600] image:busybox] does not contain declared merge key: name" }),
    );
  });
});
