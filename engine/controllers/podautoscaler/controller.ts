// The horizontal pod autoscaler controller (pkg/controller/podautoscaler,
// 1.32). Every autoscaler is reconciled once per sync period (15 s,
// --horizontal-pod-autoscaler-sync-period), counted from when it was
// created; nothing is scheduled while no autoscaler exists. A reconcile reads
// the target's scale, keeps it within minReplicas..maxReplicas, and otherwise
// sizes it from the metrics: without a metrics source (no metrics-server),
// that fails as on a real cluster, with the same conditions and events.
import { ApiError } from "../../api/errors.ts";
import { parseSelector } from "../../api/labels.ts";
import { canonicalQuantity, milliOf } from "../../api/quantity.ts";
import type { Scale } from "../../api/scale.ts";
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, HPAScalingRules, MetricSpec, MetricStatus } from "../../api/types.ts";
import type { ComponentContext } from "../../context.ts";
import { rfc3339 } from "../../util/time.ts";
import { deepEqual } from "../../util/json.ts";
import type { MetricsProvider } from "./metrics.ts";
import { AutoscalerHistory, DOWNSCALE_STABILIZATION_MS, type ConditionChange } from "./normalize.ts";
import { ReplicaCalcError, resourceReplicas } from "./replicas.ts";

const COMPONENT = "horizontal-pod-autoscaler";
const SOURCE = { component: "horizontal-pod-autoscaler" };
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;

type Status = NonNullable<HorizontalPodAutoscaler["status"]>;

export function startHorizontalPodAutoscalerController(ctx: ComponentContext, metrics: MetricsProvider): void {
  const { api, clock } = ctx;
  const histories = new Map<string, AutoscalerHistory>();
  // Every add or update waits out a sync period (the queue's fixed-interval
  // rate limiter); a key already waiting keeps its earlier turn.
  api.watch("horizontalpodautoscalers", {}, (e) => {
    const key = `${e.object.metadata.namespace}/${e.object.metadata.name}`;
    if (e.type === "DELETED") return;
    clock.schedule(COMPONENT, key, HPA_SYNC_PERIOD_MS);
  });
  clock.on(COMPONENT, (key) => {
    const slash = key.indexOf("/");
    const hpa = api.find("horizontalpodautoscalers", key.slice(0, slash), key.slice(slash + 1));
    if (!hpa) {
      histories.delete(key);
      return;
    }
    clock.schedule(COMPONENT, key, HPA_SYNC_PERIOD_MS);
    let history = histories.get(key);
    if (!history) histories.set(key, (history = new AutoscalerHistory()));
    try {
      new Reconcile(ctx, metrics, history, hpa).run();
    } catch (err) {
      ctx.reportError(COMPONENT, err);
    }
  });
}

/** One pass over one autoscaler (reconcileAutoscaler). */
class Reconcile {
  private readonly status: Status;
  private readonly original: Status;
  private readonly nowMs: number;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly metrics: MetricsProvider,
    private readonly history: AutoscalerHistory,
    private readonly hpa: HorizontalPodAutoscaler,
  ) {
    this.original = hpa.status ?? { desiredReplicas: 0 };
    this.status = structuredClone(this.original);
    this.nowMs = ctx.clock.now();
  }

  run(): void {
    const { hpa } = this;
    const spec = hpa.spec;
    const scale = this.readScale();
    if (!scale) return this.writeStatus();
    this.setCondition("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
    const current = scale.scale.spec.replicas ?? 0;
    this.history.start(current, this.nowMs);
    const min = spec.minReplicas ?? 1;

    let desired = 0;
    let reason = "";
    let rescale = true;
    let metricStatuses: MetricStatus[] | undefined;
    if (current === 0 && min !== 0) {
      rescale = false;
      this.setCondition("ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
    } else if (current > spec.maxReplicas) {
      reason = "Current number of replicas above Spec.MaxReplicas";
      desired = spec.maxReplicas;
    } else if (current < min) {
      reason = "Current number of replicas below Spec.MinReplicas";
      desired = min;
    } else {
      const computed = this.fromMetrics(scale.scale, current);
      if (typeof computed === "string") {
        this.status.currentReplicas = current || undefined;
        this.writeStatus();
        this.event("Warning", "FailedComputeMetricsReplicas", computed);
        return;
      }
      metricStatuses = computed.statuses;
      desired = computed.replicas;
      if (desired > current) reason = `${computed.metric} above target`;
      if (desired < current) reason = "All metrics below target";
      const normalized = spec.behavior
        ? this.history.normalizeWithBehavior(current, desired, min, spec.maxReplicas, withWindow(spec.behavior.scaleUp, 0), withWindow(spec.behavior.scaleDown, DOWNSCALE_STABILIZATION_MS / 1000), this.nowMs)
        : this.history.normalize(current, desired, min, spec.maxReplicas, this.nowMs);
      for (const c of normalized.conditions) this.setCondition(c.type, c.status, c.reason, c.message);
      desired = normalized.replicas;
      rescale = desired !== current;
    }

    if (rescale) {
      try {
        this.ctx.api.updateScale(scale.resource, hpa.metadata.namespace, spec.scaleTargetRef.name, { ...scale.scale, spec: { replicas: desired } });
      } catch (err) {
        const message = errorText(err);
        this.event("Warning", "FailedRescale", `New size: ${desired}; reason: ${reason}; error: ${message}`);
        this.setCondition("AbleToScale", "False", "FailedUpdateScale", `the HPA controller was unable to update the target scale: ${message}`);
        this.status.currentReplicas = current || undefined;
        return this.writeStatus();
      }
      this.setCondition("AbleToScale", "True", "SucceededRescale", `the HPA controller was able to update the target scale to ${desired}`);
      this.event("Normal", "SuccessfulRescale", `New size: ${desired}; reason: ${reason}`);
      this.history.scaled(current, desired, this.nowMs, spec.behavior);
      this.status.lastScaleTime = rfc3339(this.nowMs);
    } else {
      desired = current;
    }
    this.status.currentReplicas = current || undefined;
    this.status.desiredReplicas = desired;
    if (metricStatuses) this.status.currentMetrics = metricStatuses;
    else delete this.status.currentMetrics;
    this.writeStatus();
  }

  /** The target's scale, or undefined after recording why it could not be read. */
  private readScale(): { scale: Scale; resource: string } | undefined {
    const ref = this.hpa.spec.scaleTargetRef;
    const fail = (message: string) => {
      this.event("Warning", "FailedGetScale", message);
      this.setCondition("AbleToScale", "False", "FailedGetScale", `the HPA controller was unable to get the target's current scale: ${message}`);
      return undefined;
    };
    const apiVersion = ref.apiVersion ?? "";
    const parts = apiVersion.split("/");
    if (parts.length > 2) return fail(`unexpected GroupVersion string: ${apiVersion}`);
    const group = parts.length === 2 ? parts[0]! : "";
    const type = this.ctx.api.registry.all().find((t) => t.group === group && t.kind === ref.kind);
    if (!type) return fail(`no matches for kind "${ref.kind}" in group "${group}"`);
    if (!type.scalable) {
      return fail(`could not find scale subresource for ${group}/${type.version}, Resource=${type.resource} in discovery information`);
    }
    try {
      return { scale: this.ctx.api.getScale(type.resource, this.hpa.metadata.namespace, ref.name), resource: type.resource };
    } catch (err) {
      return fail(errorText(err));
    }
  }

  /** computeReplicasForMetrics: the largest count any metric asks for, or the error to report. */
  private fromMetrics(scale: Scale, current: number): { replicas: number; metric: string; statuses: MetricStatus[] } | string {
    const selectorText = scale.status.selector ?? "";
    if (selectorText === "") {
      this.event("Warning", "SelectorRequired", "selector is required");
      this.setCondition("ScalingActive", "False", "InvalidSelector", "the HPA target's scale is missing a selector");
      return "selector is required";
    }
    const selector = parseSelector(selectorText);
    // Without a metrics source every read fails first: the pods are not needed.
    const pods = this.metrics.source
      ? this.ctx.api.list("pods", { namespace: this.hpa.metadata.namespace }).items.filter((p) => selector.matches(p.metadata.labels))
      : [];
    const specs = this.hpa.spec.metrics ?? [];
    const statuses: MetricStatus[] = specs.map(() => ({ type: "" }));
    let best: { replicas: number; metric: string } | undefined;
    let firstError: { condition: ConditionChange; message: string } | undefined;
    let invalid = 0;
    specs.forEach((spec, i) => {
      const r = this.forMetric(spec, pods, current);
      if ("error" in r) {
        invalid++;
        firstError ??= { condition: r.condition, message: r.error };
        return;
      }
      statuses[i] = r.status;
      if (!best || r.replicas > best.replicas) best = { replicas: r.replicas, metric: r.metric };
    });
    if (invalid >= specs.length || !best) {
      const c = firstError!.condition;
      this.setCondition(c.type, c.status, c.reason, c.message);
      return `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError!.message}`;
    }
    this.setCondition("ScalingActive", "True", "ValidMetricFound", `the HPA was able to successfully calculate a replica count from ${best.metric}`);
    return { ...best, statuses };
  }

  /** computeReplicasForMetric for one metric. */
  private forMetric(
    spec: MetricSpec,
    pods: Parameters<typeof resourceReplicas>[1],
    current: number,
  ): { replicas: number; metric: string; status: MetricStatus } | { error: string; condition: ConditionChange } {
    const unable = (reason: string, message: string, wrapped = message) => {
      this.event("Warning", reason, message);
      return { error: wrapped, condition: { type: "ScalingActive", status: "False", reason, message: `the HPA was unable to compute the replica count: ${message}` } as ConditionChange };
    };
    if (spec.type === "Resource" || spec.type === "ContainerResource") {
      const src = spec.type === "Resource" ? spec.resource! : spec.containerResource!;
      const container = spec.type === "ContainerResource" ? spec.containerResource!.container : undefined;
      const reason = spec.type === "Resource" ? "FailedGetResourceMetric" : "FailedGetContainerResourceMetric";
      const wrap = (m: string) => (spec.type === "Resource" ? `failed to get ${src.name} resource metric value: ${m}` : `failed to get ${container} container metric value: ${m}`);
      if (src.target.averageUtilization === undefined) {
        // A raw average value target: the usage per pod against it.
        return this.rawResource(spec, src.name, src.target.averageValue ?? "0", pods, current, container, reason, wrap);
      }
      try {
        const r = resourceReplicas(this.metrics.source, pods, current, src.target.averageUtilization, src.name, this.nowMs, container);
        const currentValue = { averageUtilization: r.utilization, averageValue: canonicalQuantity(`${r.rawMilli}m`) };
        const status: MetricStatus =
          spec.type === "Resource"
            ? { type: "Resource", resource: { name: src.name, current: currentValue } }
            : { type: "ContainerResource", containerResource: { name: src.name, container: container!, current: currentValue } };
        const metric = spec.type === "Resource" ? `${src.name} resource utilization (percentage of request)` : `${src.name} container resource utilization (percentage of request)`;
        return { replicas: r.replicas, metric, status };
      } catch (err) {
        if (!(err instanceof ReplicaCalcError)) throw err;
        const message = `failed to get ${src.name} utilization: ${err.message}`;
        return unable(reason, message, wrap(message));
      }
    }
    // Pods, Object and External metrics come from the custom and external
    // metrics APIs, which the sandbox does not serve.
    if (spec.type === "Pods") {
      const name = spec.pods?.metric?.name ?? "";
      const message = `unable to get metric ${name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return unable("FailedGetPodsMetric", message, `failed to get pods metric value: ${message}`);
    }
    if (spec.type === "Object") {
      const name = spec.object?.metric?.name ?? "";
      const message = `unable to get metric ${name}: ${spec.object?.describedObject?.kind} on ${this.hpa.metadata.namespace} ${spec.object?.describedObject?.name}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return unable("FailedGetObjectMetric", message, `failed to get object metric value: ${message}`);
    }
    if (spec.type === "External") {
      const name = spec.external?.metric?.name ?? "";
      const message = `unable to get external metric ${this.hpa.metadata.namespace}/${name}/nil: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`;
      return unable("FailedGetExternalMetric", message, `failed to get ${name} external metric value: ${message}`);
    }
    const message = `unknown metric source type "${spec.type}"`;
    return unable("InvalidMetricSourceType", message);
  }

  /** A resource metric with an averageValue target (GetRawResourceReplicas). */
  private rawResource(
    spec: MetricSpec,
    resource: string,
    target: string,
    pods: Parameters<typeof resourceReplicas>[1],
    current: number,
    container: string | undefined,
    reason: string,
    wrap: (m: string) => string,
  ): { replicas: number; metric: string; status: MetricStatus } | { error: string; condition: ConditionChange } {
    const answer = this.metrics.source ? this.metrics.source.podUsage(pods, resource, this.nowMs, container) : undefined;
    const fetchError = answer === undefined ? "unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)" : typeof answer === "string" ? answer : answer.size === 0 ? "no metrics returned from resource metrics API" : undefined;
    if (fetchError !== undefined || typeof answer !== "object") {
      const message = `failed to get ${resource} usage: unable to get metrics for resource ${resource}: ${fetchError}`;
      this.event("Warning", reason, message);
      return { error: wrap(message), condition: { type: "ScalingActive", status: "False", reason, message: `the HPA was unable to compute the replica count: ${message}` } };
    }
    let total = 0;
    for (const u of answer.values()) total += u.milli;
    const average = Math.trunc(total / answer.size);
    const targetMilli = milliOf(target);
    const ratio = average / targetMilli;
    const replicas = Math.abs(1 - ratio) <= 0.1 ? current : Math.ceil(ratio * answer.size);
    const value = { averageValue: canonicalQuantity(`${average}m`) };
    const status: MetricStatus =
      spec.type === "Resource" ? { type: "Resource", resource: { name: resource, current: value } } : { type: "ContainerResource", containerResource: { name: resource, container: container!, current: value } };
    return { replicas, metric: `${resource} resource`, status };
  }

  private setCondition(type: string, status: "True" | "False", reason: string, message: string): void {
    const list = (this.status.conditions ??= []);
    let c = list.find((x) => x.type === type);
    if (!c) {
      c = { type, status: "" } as HorizontalPodAutoscalerCondition;
      list.push(c);
    }
    if (c.status !== status) c.lastTransitionTime = rfc3339(this.nowMs);
    c.status = status;
    c.reason = reason;
    c.message = message;
  }

  private event(type: "Normal" | "Warning", reason: string, message: string): void {
    this.ctx.recorder.record(SOURCE, this.hpa, type, reason, message);
  }

  /** updateStatusIfNeeded: write only what changed. */
  private writeStatus(): void {
    if (this.status.currentReplicas === undefined) delete this.status.currentReplicas;
    if (deepEqual(this.status, this.original)) return;
    try {
      this.ctx.api.updateStatus("horizontalpodautoscalers", { ...this.hpa, status: this.status }, { fromEngine: true });
    } catch (err) {
      if (err instanceof ApiError) {
        this.event("Warning", "FailedUpdateStatus", err.message);
        return;
      }
      throw err;
    }
  }
}

function withWindow(rules: HPAScalingRules | undefined, defaultWindow: number): Required<HPAScalingRules> {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? defaultWindow,
    selectPolicy: rules?.selectPolicy ?? "Max",
    policies: rules?.policies ?? [],
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
