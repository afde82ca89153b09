// HorizontalPodAutoscalers: the kind (defaults, validation, the v1 view) and
// the controller on a cluster without metrics-server, then with a simulated
// metrics source. Expected texts are those of Kubernetes 1.32
// (pkg/apis/autoscaling, pkg/controller/podautoscaler).
import { describe, expect, it } from "vitest";
import { hpaFromV1, hpaToV1 } from "../../engine/api/conversion/hpa-v1.ts";
import { ApiError } from "../../engine/api/errors.ts";
import { fromServedVersion, toServedVersion } from "../../engine/api/registry.ts";
import type { Deployment, Event, HorizontalPodAutoscaler } from "../../engine/api/types.ts";
import { createCluster, utilizationSource, type Cluster } from "../../engine/index.ts";
import { deployment } from "./helpers.ts";

const NO_METRICS =
  "failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)";

function hpa(spec: Partial<HorizontalPodAutoscaler["spec"]> = {}, name = "web"): HorizontalPodAutoscaler {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name, namespace: "default" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 5, ...spec },
  };
}

/** A deployment whose pods request 100m of CPU each (utilization needs a request). */
function withCpuRequest(replicas: number): Deployment {
  const d = deployment({ replicas });
  d.spec.template.spec.containers[0]!.resources = { requests: { cpu: "100m" } };
  return d;
}

function cluster(replicas = 2, d: Deployment = deployment({ replicas })): Cluster {
  const c = createCluster();
  c.api.create("deployments", d);
  c.settle();
  return c;
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof ApiError) return err.message;
    throw err;
  }
  throw new Error("expected an ApiError");
}

function hpaEvents(c: Cluster): Array<Pick<Event, "type" | "reason" | "message" | "count">> {
  return c.api
    .list("events", { namespace: "default" })
    .items.filter((e) => e.involvedObject.kind === "HorizontalPodAutoscaler")
    .map(({ type, reason, message, count }) => ({ type, reason, message, count }));
}

function conditions(c: Cluster, name = "web"): string[] {
  return (c.api.get("horizontalpodautoscalers", "default", name).status?.conditions ?? []).map((x) => `${x.type}=${x.status} ${x.reason}: ${x.message}`);
}

function replicas(c: Cluster): number {
  return c.api.get("deployments", "default", "web").spec.replicas ?? 0;
}

describe("HorizontalPodAutoscaler objects", () => {
  it("are defaulted as autoscaling/v2 is: minReplicas 1, 80% CPU, no behavior unless one is given", () => {
    const c = cluster();
    const created = c.api.create("horizontalpodautoscalers", hpa());
    expect(created.spec).toEqual({
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }],
    });
    expect(created.status).toEqual({ desiredReplicas: 0 });
    expect(created.metadata.generation).toBeUndefined();
    const withBehavior = c.api.create("horizontalpodautoscalers", hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }, "b"));
    expect(withBehavior.spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Pods", value: 4, periodSeconds: 15 }, { type: "Percent", value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] },
    });
  });

  it.each([
    // minReplicas is defaulted to 1 first, so 0 is also below it.
    ["maxReplicas 0", { maxReplicas: 0 }, "[spec.maxReplicas: Invalid value: 0: must be greater than 0, spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`]"],
    ["max below min", { minReplicas: 4, maxReplicas: 2 }, "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`"],
    [
      "minReplicas 0 without the feature gate",
      { minReplicas: 0 },
      "[spec.minReplicas: Invalid value: 0: must be greater than or equal to 1, spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas]",
    ],
    ["no target kind or name", { scaleTargetRef: { kind: "", name: "" } }, "[spec.scaleTargetRef.kind: Required value, spec.scaleTargetRef.name: Required value]"],
    ["a target name that breaks a path", { scaleTargetRef: { kind: "Deployment", name: "a/b" } }, `spec.scaleTargetRef.name: Invalid value: "a/b": may not contain '/'`],
    [
      "a zero utilization target",
      { metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 0 } } }] },
      "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
    ],
    [
      "an unknown metric type",
      { metrics: [{ type: "Cpu" }] },
      // Reported twice (the type check and the switch's default); the message lists it once.
      `spec.metrics[0].type: Unsupported value: "Cpu": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"`,
    ],
    ["a scaling rule without policies", { behavior: { scaleUp: { policies: [] } } }, "spec.behavior.scaleUp.policies: Required value: must specify at least one Policy"],
  ] as const)("refuse %s with the 1.32 message", (_, spec, message) => {
    const c = cluster();
    expect(errorOf(() => c.api.create("horizontalpodautoscalers", hpa(spec as Partial<HorizontalPodAutoscaler["spec"]>)))).toBe(
      `HorizontalPodAutoscaler.autoscaling "web" is invalid: ${message}`,
    );
  });

  it("are served as autoscaling/v1: the CPU target as targetCPUUtilizationPercentage, the rest in annotations", () => {
    const v2: HorizontalPodAutoscaler = {
      ...hpa({
        minReplicas: 2,
        metrics: [
          { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
          { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } } },
        ],
      }),
      status: {
        currentReplicas: 2,
        desiredReplicas: 2,
        currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 40, averageValue: "40m" } } }],
        conditions: [{ type: "AbleToScale", status: "True", lastTransitionTime: "2026-01-05T09:20:15Z", reason: "SucceededGetScale", message: "the HPA controller was able to get the target's current scale" }],
      },
    };
    const v1 = hpaToV1(v2);
    expect(v1.apiVersion).toBe("autoscaling/v1");
    expect(v1.spec).toEqual({ scaleTargetRef: v2.spec.scaleTargetRef, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 70 });
    expect(v1.status).toEqual({ currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 40 });
    expect(v1.metadata.annotations).toEqual({
      "autoscaling.alpha.kubernetes.io/metrics": '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]',
      "autoscaling.alpha.kubernetes.io/current-metrics": '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":40,"currentAverageValue":"40m"}}]',
      "autoscaling.alpha.kubernetes.io/conditions":
        '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2026-01-05T09:20:15Z","reason":"SucceededGetScale","message":"the HPA controller was able to get the target\'s current scale"}]',
    });
    // And back: everything v2 had, the annotations gone.
    expect(hpaFromV1(v1)).toEqual(v2);
  });

  it("created at v1 without a CPU target get the 80% default, like v1's implicit one", () => {
    const c = cluster();
    const type = c.api.registry.get("horizontalpodautoscalers")!;
    const v1 = { apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "web" }, spec: { scaleTargetRef: { kind: "Deployment", name: "web", apiVersion: "apps/v1" }, maxReplicas: 3 } };
    const created = c.api.create("horizontalpodautoscalers", fromServedVersion(type, "v1", v1) as HorizontalPodAutoscaler);
    expect(created.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }]);
    expect(toServedVersion(type, "v1", created)).toMatchObject({ spec: { minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 80 }, status: { currentReplicas: 0, desiredReplicas: 0 } });
  });
});

describe("autoscalers written at autoscaling/v1", () => {
  const v1 = (spec: Record<string, unknown>) =>
    ({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "php" }, spec: { scaleTargetRef: { kind: "Deployment", name: "web", apiVersion: "apps/v1" }, ...spec } }) as unknown as HorizontalPodAutoscaler;

  it("are stored as v2", () => {
    const c = cluster();
    const created = c.api.create("horizontalpodautoscalers", v1({ maxReplicas: 4, targetCPUUtilizationPercentage: 60 }));
    expect(created.apiVersion).toBe("autoscaling/v2");
    expect(created.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 60 } } }]);
  });

  it("are decoded as v1 first: an unknown v1 field is the strict decoder's error", () => {
    const c = cluster();
    expect(errorOf(() => c.api.create("horizontalpodautoscalers", v1({ maxReplica: 4 }), { fieldValidation: "Strict" }))).toBe(
      'HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.maxReplica"',
    );
  });

  it("are patched as v1 shows them when the patch names that version", () => {
    const c = cluster();
    c.api.create("horizontalpodautoscalers", v1({ maxReplicas: 4, targetCPUUtilizationPercentage: 60 }));
    const patched = c.api.patch("horizontalpodautoscalers", "default", "php", "merge", { spec: { targetCPUUtilizationPercentage: 75 } }, { version: "v1" });
    expect(patched.spec.metrics![0]!.resource!.target.averageUtilization).toBe(75);
  });
});

describe("the autoscaler controller without metrics-server", () => {
  it("schedules nothing while no autoscaler exists, and syncs every 15 s while one does", () => {
    const c = cluster();
    expect(c.idle()).toBe(true);
    c.api.create("horizontalpodautoscalers", hpa({ minReplicas: 2 }));
    c.advance(14_999);
    expect(c.api.get("horizontalpodautoscalers", "default", "web").status?.conditions).toBeUndefined();
    c.advance(1);
    expect(conditions(c)).toHaveLength(2);
    expect(c.idle()).toBe(false);
    c.api.delete("horizontalpodautoscalers", "default", "web");
    c.advance(15_000);
    expect(c.idle()).toBe(true);
  });

  it("scales a target below minReplicas up, then reports it cannot read metrics", () => {
    const c = cluster(2);
    c.api.create("horizontalpodautoscalers", hpa({ minReplicas: 3 }));
    c.advance(15_000);
    expect(replicas(c)).toBe(3);
    const after = c.api.get("horizontalpodautoscalers", "default", "web").status!;
    expect(after).toMatchObject({ currentReplicas: 2, desiredReplicas: 3, lastScaleTime: c.now().toISOString().replace(/\.\d+Z$/, "Z") });
    expect(conditions(c)).toEqual(["AbleToScale=True SucceededRescale: the HPA controller was able to update the target scale to 3"]);
    expect(hpaEvents(c)).toEqual([{ type: "Normal", reason: "SuccessfulRescale", message: "New size: 3; reason: Current number of replicas below Spec.MinReplicas", count: 1 }]);

    c.advance(15_000);
    expect(conditions(c)).toEqual([
      "AbleToScale=True SucceededGetScale: the HPA controller was able to get the target's current scale",
      `ScalingActive=False FailedGetResourceMetric: the HPA was unable to compute the replica count: ${NO_METRICS}`,
    ]);
    expect(c.api.get("horizontalpodautoscalers", "default", "web").status).toMatchObject({ currentReplicas: 3, desiredReplicas: 3 });
    c.advance(30_000);
    expect(hpaEvents(c).slice(1)).toEqual([
      { type: "Warning", reason: "FailedGetResourceMetric", message: NO_METRICS, count: 3 },
      { type: "Warning", reason: "FailedComputeMetricsReplicas", message: `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${NO_METRICS}`, count: 3 },
    ]);
    expect(replicas(c)).toBe(3);
  });

  it("scales a target above maxReplicas down", () => {
    const c = cluster(4);
    c.api.create("horizontalpodautoscalers", hpa({ maxReplicas: 2 }));
    c.advance(15_000);
    expect(replicas(c)).toBe(2);
    expect(hpaEvents(c)[0]!.message).toBe("New size: 2; reason: Current number of replicas above Spec.MaxReplicas");
  });

  it.each([
    ["a target with zero replicas", hpa(), 0, ["AbleToScale=True SucceededGetScale: the HPA controller was able to get the target's current scale", "ScalingActive=False ScalingDisabled: scaling is disabled since the replica count of the target is zero"], undefined],
    [
      "a missing target",
      hpa({ scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "nope" } }),
      2,
      [`AbleToScale=False FailedGetScale: the HPA controller was unable to get the target's current scale: deployments.apps "nope" not found`],
      'deployments.apps "nope" not found',
    ],
    [
      "a kind without a scale subresource",
      hpa({ scaleTargetRef: { apiVersion: "v1", kind: "Pod", name: "x" } }),
      2,
      ["AbleToScale=False FailedGetScale: the HPA controller was unable to get the target's current scale: could not find scale subresource for /v1, Resource=pods in discovery information"],
      "could not find scale subresource for /v1, Resource=pods in discovery information",
    ],
    [
      "an unknown kind",
      hpa({ scaleTargetRef: { apiVersion: "apps/v1", kind: "Widget", name: "x" } }),
      2,
      [`AbleToScale=False FailedGetScale: the HPA controller was unable to get the target's current scale: no matches for kind "Widget" in group "apps"`],
      'no matches for kind "Widget" in group "apps"',
    ],
  ] as const)("reports %s", (_, object, targetReplicas, expected, failedGetScale) => {
    const c = cluster(targetReplicas);
    c.api.create("horizontalpodautoscalers", object);
    c.advance(15_000);
    expect(conditions(c)).toEqual(expected);
    if (failedGetScale) expect(hpaEvents(c)).toEqual([{ type: "Warning", reason: "FailedGetScale", message: failedGetScale, count: 1 }]);
    else expect(hpaEvents(c)).toEqual([]);
    expect(replicas(c)).toBe(targetReplicas);
  });
});

describe("the autoscaler controller with a metrics source", () => {
  it("scales on CPU utilization, at most doubling, and waits out the downscale stabilization window", () => {
    const c = cluster(2, withCpuRequest(2));
    let load = 160;
    c.setMetricsSource(utilizationSource(() => load));
    c.api.create("horizontalpodautoscalers", hpa({ maxReplicas: 10 }));
    c.advance(15_000);
    // 160% against 80%: twice the pods.
    expect(replicas(c)).toBe(4);
    expect(hpaEvents(c)).toEqual([{ type: "Normal", reason: "SuccessfulRescale", message: "New size: 4; reason: cpu resource utilization (percentage of request) above target", count: 1 }]);
    const status = c.api.get("horizontalpodautoscalers", "default", "web").status!;
    expect(status.currentMetrics).toEqual([{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 160, averageValue: "160m" } } }]);
    expect(c.api.table("horizontalpodautoscalers", [c.api.get("horizontalpodautoscalers", "default", "web")]).rows[0]!.cells[2]).toBe("cpu: 160%/80%");

    load = 10;
    c.advance(60_000);
    expect(replicas(c)).toBe(4);
    expect(conditions(c)[0]).toBe("AbleToScale=True ScaleDownStabilized: recent recommendations were higher than current one, applying the highest recent recommendation");
    c.advance(5 * 60_000);
    expect(replicas(c)).toBe(1);
    expect(hpaEvents(c).at(-1)!.message).toBe("New size: 1; reason: All metrics below target");
  });

  it("leaves the count alone within the 10% tolerance", () => {
    const c = cluster(3, withCpuRequest(3));
    c.setMetricsSource(utilizationSource(() => 85));
    c.api.create("horizontalpodautoscalers", hpa());
    c.advance(30_000);
    expect(replicas(c)).toBe(3);
    expect(conditions(c)).toEqual([
      "AbleToScale=True ReadyForNewScale: recommended size matches current size",
      "ScalingActive=True ValidMetricFound: the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
      "ScalingLimited=False DesiredWithinRange: the desired count is within the acceptable range",
    ]);
  });

  it("reports pods without a CPU request", () => {
    const c = cluster(2);
    c.setMetricsSource({ podUsage: (pods) => new Map(pods.map((p) => [p.metadata.name!, { milli: 50 }])) });
    c.api.create("horizontalpodautoscalers", hpa());
    c.advance(15_000);
    expect(conditions(c)[1]).toMatch(/^ScalingActive=False FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-/);
  });
});
