// Bad input never escapes as anything but an API error (a metav1.Status), and
// never leaves the cluster in a state its components choke on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../engine/api/errors.ts";
import { createCluster, type Cluster } from "../../engine/index.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import { deployment } from "./helpers.ts";

const RESOURCES = ["pods", "deployments", "replicasets", "namespaces", "nodes", "events"] as const;
const RUNS = { numRuns: 150, seed: 20261125 };

/** Run `fn`; an ApiError with a proper Status is fine, anything else fails the property. */
function onlyApiErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    expect(err.status.kind).toBe("Status");
    expect(typeof err.status.message).toBe("string");
    expect(err.status.code).toBeGreaterThanOrEqual(400);
  }
}

function healthy(cluster: Cluster): void {
  cluster.advance(30_000);
  expect(cluster.errors).toEqual([]);
}

/** Set `value` at a random path inside a copy of `obj`. */
function mutate(obj: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || obj === null || typeof obj !== "object") return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(obj) ? [...obj] : { ...(obj as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return value;
  const key = keys[path[0] % keys.length];
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}

describe("bad input", () => {
  it("arbitrary JSON as an object of any kind is created or refused with a Status", () => {
    const cluster = createCluster();
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCES), fc.jsonValue(), (resource, value) => {
        onlyApiErrors(() => cluster.api.create(resource as string, value as unknown as KubeObject));
      }),
      RUNS,
    );
    healthy(cluster);
  });

  it("a Deployment with a random field replaced is created or refused, and the cluster copes", () => {
    const cluster = createCluster();
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const d = mutate(deployment({ name: `d${n++}`, replicas: 2 }), path, value) as KubeObject;
        onlyApiErrors(() => cluster.api.create("deployments" as string, d));
      }),
      RUNS,
    );
    healthy(cluster);
  });

  it("random patches of every type to a live Deployment are applied or refused", () => {
    const cluster = createCluster();
    cluster.api.create("deployments", deployment({ replicas: 2 }));
    cluster.settle();
    const patchTypes = ["json", "merge", "strategic"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...patchTypes),
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.array(fc.record({ op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test"), path: fc.string(), value: fc.jsonValue({ maxDepth: 2 }) })),
        ),
        (type, patch) => {
          onlyApiErrors(() => cluster.api.patch("deployments", "default", "web", type, patch));
        },
      ),
      RUNS,
    );
    healthy(cluster);
  });

  it("random selectors are parsed or refused with a Status", () => {
    const cluster = createCluster();
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCES), fc.string(), fc.string(), (resource, labelSelector, fieldSelector) => {
        onlyApiErrors(() => cluster.api.list(resource, { labelSelector, fieldSelector }));
      }),
      RUNS,
    );
  });

  it("updates and deletes of missing or mismatched objects are refused with a Status", () => {
    const cluster = createCluster();
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCES), fc.string(), fc.jsonValue(), fc.integer({ min: -5, max: 100 }), (resource, name, value, grace) => {
        onlyApiErrors(() => cluster.api.update(resource, { ...(value as object), metadata: { name } } as KubeObject));
        onlyApiErrors(() => cluster.api.delete(resource, "default", name, { gracePeriodSeconds: grace }));
        onlyApiErrors(() => cluster.api.get(resource, "default", name));
      }),
      RUNS,
    );
    healthy(cluster);
  });

  it("a field of the wrong JSON type is a 400 with the decoder's words", () => {
    const cluster = createCluster();
    const d = deployment() as unknown as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
    d.spec.replicas = "three";
    try {
      cluster.api.create("deployments", d as unknown as KubeObject as never);
      expect.unreachable();
    } catch (err) {
      expect((err as ApiError).status).toMatchObject({
        code: 400,
        reason: "BadRequest",
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      });
    }
  });

  it("an unknown resource is a NotFound Status", () => {
    const cluster = createCluster();
    try {
      cluster.api.list("widgets");
      expect.unreachable();
    } catch (err) {
      expect((err as ApiError).status).toMatchObject({ code: 404, reason: "NotFound", message: "the server could not find the requested resource" });
    }
  });
});
