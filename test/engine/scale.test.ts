// The scale subresource: what `kubectl scale` and autoscalers read and write.
import { describe, expect, it } from "vitest";
import { ApiError } from "../../engine/api/errors.ts";
import { createCluster } from "../../engine/index.ts";
import { deployment } from "./helpers.ts";

function setup() {
  const cluster = createCluster();
  cluster.api.create("deployments", deployment({ replicas: 3 }));
  cluster.settle();
  return cluster;
}

function errorOf(f: () => unknown): ApiError {
  try {
    f();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

describe("scale subresource", () => {
  it("reads a Deployment's replicas and selector as an autoscaling/v1 Scale", () => {
    const cluster = setup();
    const d = cluster.api.get("deployments", "default", "web");
    expect(cluster.api.getScale("deployments", "default", "web")).toEqual({
      apiVersion: "autoscaling/v1",
      kind: "Scale",
      metadata: { name: "web", namespace: "default", uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion, creationTimestamp: d.metadata.creationTimestamp },
      spec: { replicas: 3 },
      status: { replicas: 3, selector: "app=web" },
    });
  });

  it("writes replicas through a patch, and the controllers follow", () => {
    const cluster = setup();
    const scale = cluster.api.patchScale("deployments", "default", "web", "merge", { spec: { replicas: 5 } });
    expect(scale.spec.replicas).toBe(5);
    expect(cluster.api.get("deployments", "default", "web").spec.replicas).toBe(5);
    cluster.settle();
    expect(cluster.api.getScale("deployments", "default", "web").status.replicas).toBe(5);
    expect(cluster.api.getScale("replicasets", "default", cluster.api.list("replicasets").items[0]!.metadata.name!).spec.replicas).toBe(5);
  });

  it("scales to zero (spec.replicas omitted, as Go's omitempty prints it)", () => {
    const cluster = setup();
    expect(cluster.api.updateScale("deployments", "default", "web", { spec: { replicas: 0 } }).spec).toEqual({});
  });

  it.each([
    ["a negative count", { spec: { replicas: -1 } }, 422, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ["a stale resourceVersion", { metadata: { resourceVersion: "1" }, spec: { replicas: 2 } }, 409, 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again'],
    ["a string count", { spec: { replicas: "2" } }, 400, 'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32'],
  ])("refuses %s", (_name, body, code, message) => {
    const cluster = setup();
    const err = errorOf(() => cluster.api.updateScale("deployments", "default", "web", body));
    expect([err.code, err.status.message]).toEqual([code, message]);
    expect(cluster.api.get("deployments", "default", "web").spec.replicas).toBe(3);
  });

  it("is not served for pods", () => {
    const cluster = setup();
    const pod = cluster.api.list("pods").items[0]!;
    expect(errorOf(() => cluster.api.getScale("pods", "default", pod.metadata.name!)).code).toBe(404);
  });
});
