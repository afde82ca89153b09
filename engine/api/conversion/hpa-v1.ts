// autoscaling/v1 <-> autoscaling/v2 HorizontalPodAutoscaler conversion
// (pkg/apis/autoscaling/v1/conversion.go, 1.32). v1 only has a CPU target;
// everything else v2 holds travels in annotations so that a v1 client's
// read-modify-write keeps it: the other metrics, the current metrics, the
// conditions and the behavior. Going back to v2 those annotations are read
// and dropped.
import type {
  CrossVersionObjectReference,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerCondition,
  HPAScalingRules,
  LabelSelector,
  MetricTarget,
  MetricSpec,
  MetricStatus,
  ObjectMeta,
} from "../types.ts";

export const OTHER_METRICS_ANNOTATION = "autoscaling.alpha.kubernetes.io/metrics";
export const CURRENT_METRICS_ANNOTATION = "autoscaling.alpha.kubernetes.io/current-metrics";
export const CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";
export const BEHAVIOR_ANNOTATION = "autoscaling.alpha.kubernetes.io/behavior";
const ROUND_TRIP = [OTHER_METRICS_ANNOTATION, CURRENT_METRICS_ANNOTATION, CONDITIONS_ANNOTATION, BEHAVIOR_ANNOTATION];

/** autoscaling.DefaultCPUUtilization: the target when an HPA names no metric. */
export const DEFAULT_CPU_UTILIZATION = 80;

export interface HorizontalPodAutoscalerV1 {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: {
    scaleTargetRef: CrossVersionObjectReference;
    minReplicas?: number;
    maxReplicas: number;
    targetCPUUtilizationPercentage?: number;
  };
  status?: {
    observedGeneration?: number;
    lastScaleTime?: string;
    currentReplicas: number;
    desiredReplicas: number;
    currentCPUUtilizationPercentage?: number;
  };
}

type Obj = Record<string, unknown>;

/** Drop undefined members, keeping key order (what JSON.stringify would print). */
function compact<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function isCpuUtilization(m: MetricSpec): boolean {
  return m.type === "Resource" && m.resource?.name === "cpu" && m.resource.target?.averageUtilization !== undefined;
}

// ---------- v2 → v1 ----------

/** autoscalingv1.MetricSpec (the v2beta1 shape: targetAverageUtilization, metricName ...). */
function metricSpecToV1(m: MetricSpec): Obj {
  const out: Obj = { type: m.type };
  if (m.object) {
    out.object = compact({
      target: m.object.describedObject,
      metricName: m.object.metric?.name,
      targetValue: m.object.target?.value,
      selector: m.object.metric?.selector,
      averageValue: m.object.target?.averageValue,
    });
  }
  if (m.pods) {
    out.pods = compact({ metricName: m.pods.metric?.name, targetAverageValue: m.pods.target?.averageValue, selector: m.pods.metric?.selector });
  }
  if (m.resource) {
    out.resource = compact({
      name: m.resource.name,
      targetAverageUtilization: m.resource.target?.averageUtilization,
      targetAverageValue: m.resource.target?.averageValue,
    });
  }
  if (m.containerResource) {
    out.containerResource = compact({
      name: m.containerResource.name,
      targetAverageUtilization: m.containerResource.target?.averageUtilization,
      targetAverageValue: m.containerResource.target?.averageValue,
      container: m.containerResource.container,
    });
  }
  if (m.external) {
    out.external = compact({
      metricName: m.external.metric?.name,
      metricSelector: m.external.metric?.selector,
      targetValue: m.external.target?.value,
      targetAverageValue: m.external.target?.averageValue,
    });
  }
  return out;
}

function metricStatusToV1(m: MetricStatus): Obj {
  const out: Obj = { type: m.type };
  if (m.object) {
    out.object = compact({
      target: m.object.describedObject,
      metricName: m.object.metric?.name,
      currentValue: m.object.current?.value ?? "0",
      selector: m.object.metric?.selector,
      averageValue: m.object.current?.averageValue,
    });
  }
  if (m.pods) {
    out.pods = compact({ metricName: m.pods.metric?.name, currentAverageValue: m.pods.current?.averageValue ?? "0", selector: m.pods.metric?.selector });
  }
  if (m.resource) {
    out.resource = compact({
      name: m.resource.name,
      currentAverageUtilization: m.resource.current?.averageUtilization,
      currentAverageValue: m.resource.current?.averageValue ?? "0",
    });
  }
  if (m.containerResource) {
    out.containerResource = compact({
      name: m.containerResource.name,
      currentAverageUtilization: m.containerResource.current?.averageUtilization,
      currentAverageValue: m.containerResource.current?.averageValue ?? "0",
      container: m.containerResource.container,
    });
  }
  if (m.external) {
    out.external = compact({
      metricName: m.external.metric?.name,
      metricSelector: m.external.metric?.selector,
      currentValue: m.external.current?.value ?? "0",
      currentAverageValue: m.external.current?.averageValue,
    });
  }
  return out;
}

function conditionToV1(c: HorizontalPodAutoscalerCondition): Obj {
  return compact({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime ?? null, reason: c.reason || undefined, message: c.message || undefined });
}

/** The behavior annotation holds the internal type, which has no JSON tags: Go field names. */
function rulesToInternalJson(r: HPAScalingRules | undefined): Obj | null {
  if (!r) return null;
  return {
    StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
    SelectPolicy: r.selectPolicy ?? null,
    Policies: r.policies ? r.policies.map((p) => ({ Type: p.type, Value: p.value, PeriodSeconds: p.periodSeconds })) : null,
  };
}

function rulesFromInternalJson(r: unknown): HPAScalingRules | undefined {
  if (r === null || typeof r !== "object") return undefined;
  const o = r as Obj;
  const out: HPAScalingRules = {};
  if (typeof o.StabilizationWindowSeconds === "number") out.stabilizationWindowSeconds = o.StabilizationWindowSeconds;
  if (typeof o.SelectPolicy === "string") out.selectPolicy = o.SelectPolicy;
  if (Array.isArray(o.Policies)) {
    out.policies = o.Policies.map((p: Obj) => ({ type: String(p.Type ?? ""), value: Number(p.Value ?? 0), periodSeconds: Number(p.PeriodSeconds ?? 0) }));
  }
  return out;
}

/** The v1 view of a stored (v2) HorizontalPodAutoscaler. */
export function hpaToV1(hpa: HorizontalPodAutoscaler): HorizontalPodAutoscalerV1 {
  const metrics = hpa.spec.metrics ?? [];
  const annotations: Record<string, string> = { ...hpa.metadata.annotations };
  const other = metrics.filter((m) => !isCpuUtilization(m));
  if (other.length > 0) annotations[OTHER_METRICS_ANNOTATION] = JSON.stringify(other.map(metricSpecToV1));
  const current = hpa.status?.currentMetrics ?? [];
  if (current.length > 0) annotations[CURRENT_METRICS_ANNOTATION] = JSON.stringify(current.map(metricStatusToV1));
  const conditions = hpa.status?.conditions ?? [];
  if (conditions.length > 0) annotations[CONDITIONS_ANNOTATION] = JSON.stringify(conditions.map(conditionToV1));
  const behavior = hpa.spec.behavior;
  if (behavior) {
    annotations[BEHAVIOR_ANNOTATION] = JSON.stringify({ ScaleUp: rulesToInternalJson(behavior.scaleUp), ScaleDown: rulesToInternalJson(behavior.scaleDown) });
  }

  const spec: HorizontalPodAutoscalerV1["spec"] = compact({
    scaleTargetRef: hpa.spec.scaleTargetRef,
    minReplicas: hpa.spec.minReplicas,
    maxReplicas: hpa.spec.maxReplicas,
    targetCPUUtilizationPercentage: undefined as number | undefined,
  });
  // The first CPU resource metric decides, as the upstream loop breaks there.
  const cpu = metrics.find((m) => m.type === "Resource" && m.resource?.name === "cpu");
  if (cpu?.resource?.target?.averageUtilization !== undefined) spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;

  const s = hpa.status;
  const status: NonNullable<HorizontalPodAutoscalerV1["status"]> = compact({
    observedGeneration: s?.observedGeneration,
    lastScaleTime: s?.lastScaleTime,
    currentReplicas: s?.currentReplicas ?? 0,
    desiredReplicas: s?.desiredReplicas ?? 0,
    currentCPUUtilizationPercentage: undefined as number | undefined,
  });
  for (const m of current) {
    if (m.type === "Resource" && m.resource?.name === "cpu" && m.resource.current?.averageUtilization !== undefined) {
      status.currentCPUUtilizationPercentage = m.resource.current.averageUtilization;
    }
  }

  const metadata: ObjectMeta = { ...hpa.metadata };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  return { apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata, spec, status };
}

// ---------- v1 → v2 ----------

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function metricSpecFromV1(m: Obj): MetricSpec {
  const out: MetricSpec = { type: String(m.type ?? "") };
  const o = m.object as Obj | undefined;
  if (o) {
    out.object = {
      describedObject: o.target as CrossVersionObjectReference,
      metric: { name: String(o.metricName ?? "") },
      target: compact({ type: o.averageValue !== undefined ? "AverageValue" : "Value", value: o.targetValue as string | undefined, averageValue: o.averageValue as string | undefined }),
    };
    if (o.selector) out.object.metric.selector = o.selector as LabelSelector;
  }
  const p = m.pods as Obj | undefined;
  if (p) {
    out.pods = { metric: { name: String(p.metricName ?? "") }, target: compact({ type: "AverageValue", averageValue: p.targetAverageValue as string | undefined }) };
    if (p.selector) out.pods.metric.selector = p.selector as LabelSelector;
  }
  const r = m.resource as Obj | undefined;
  if (r) {
    out.resource = { name: String(r.name ?? ""), target: utilizationTarget(r) };
  }
  const c = m.containerResource as Obj | undefined;
  if (c) {
    out.containerResource = { name: String(c.name ?? ""), container: String(c.container ?? ""), target: utilizationTarget(c) };
  }
  const e = m.external as Obj | undefined;
  if (e) {
    out.external = {
      metric: { name: String(e.metricName ?? "") },
      target: compact({ type: e.targetAverageValue !== undefined ? "AverageValue" : "Value", value: e.targetValue as string | undefined, averageValue: e.targetAverageValue as string | undefined }),
    };
    if (e.metricSelector) out.external.metric.selector = e.metricSelector as LabelSelector;
  }
  return out;
}

function utilizationTarget(r: Obj): MetricTarget {
  if (r.targetAverageUtilization !== undefined) return { type: "Utilization", averageUtilization: Number(r.targetAverageUtilization) };
  return compact({ type: "AverageValue", averageValue: r.targetAverageValue as string | undefined });
}

function metricStatusFromV1(m: Obj): MetricStatus {
  const out: MetricStatus = { type: String(m.type ?? "") };
  const r = m.resource as Obj | undefined;
  if (r) {
    out.resource = {
      name: String(r.name ?? ""),
      current: compact({ averageValue: r.currentAverageValue as string | undefined, averageUtilization: r.currentAverageUtilization as number | undefined }),
    };
  }
  const c = m.containerResource as Obj | undefined;
  if (c) {
    out.containerResource = {
      name: String(c.name ?? ""),
      container: String(c.container ?? ""),
      current: compact({ averageValue: c.currentAverageValue as string | undefined, averageUtilization: c.currentAverageUtilization as number | undefined }),
    };
  }
  const p = m.pods as Obj | undefined;
  if (p) out.pods = { metric: { name: String(p.metricName ?? "") }, current: { averageValue: String(p.currentAverageValue ?? "0") } };
  const o = m.object as Obj | undefined;
  if (o) {
    out.object = {
      describedObject: o.target as CrossVersionObjectReference,
      metric: { name: String(o.metricName ?? "") },
      current: compact({ value: o.currentValue as string | undefined, averageValue: o.averageValue as string | undefined }),
    };
  }
  const e = m.external as Obj | undefined;
  if (e) {
    out.external = {
      metric: { name: String(e.metricName ?? "") },
      current: compact({ value: e.currentValue as string | undefined, averageValue: e.currentAverageValue as string | undefined }),
    };
  }
  return out;
}

/**
 * The stored (v2) form of a v1 HorizontalPodAutoscaler. The round-trip
 * annotations are read, then dropped; with no metric at all, the CPU default
 * applies (as v1 always had it implicitly).
 */
export function hpaFromV1(v1: HorizontalPodAutoscalerV1): HorizontalPodAutoscaler {
  const annotations = v1.metadata?.annotations ?? {};
  const metrics: MetricSpec[] = [];
  if (v1.spec?.targetCPUUtilizationPercentage !== undefined && v1.spec.targetCPUUtilizationPercentage !== null) {
    metrics.push({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: v1.spec.targetCPUUtilizationPercentage } } });
  }
  const other = parseJson(annotations[OTHER_METRICS_ANNOTATION]);
  if (Array.isArray(other)) for (const m of other) if (m && typeof m === "object") metrics.push(metricSpecFromV1(m as Obj));
  if (metrics.length === 0) {
    metrics.push({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: DEFAULT_CPU_UTILIZATION } } });
  }

  const spec: HorizontalPodAutoscaler["spec"] = { scaleTargetRef: v1.spec?.scaleTargetRef } as HorizontalPodAutoscaler["spec"];
  if (v1.spec?.minReplicas !== undefined) spec.minReplicas = v1.spec.minReplicas;
  spec.maxReplicas = v1.spec?.maxReplicas;
  spec.metrics = metrics;
  const behavior = parseJson(annotations[BEHAVIOR_ANNOTATION]) as Obj | undefined;
  if (behavior && typeof behavior === "object") {
    spec.behavior = compact({ scaleUp: rulesFromInternalJson(behavior.ScaleUp), scaleDown: rulesFromInternalJson(behavior.ScaleDown) });
  }

  const s = v1.status;
  const status: NonNullable<HorizontalPodAutoscaler["status"]> = compact({
    observedGeneration: s?.observedGeneration,
    lastScaleTime: s?.lastScaleTime,
    currentReplicas: s?.currentReplicas || undefined,
    desiredReplicas: s?.desiredReplicas ?? 0,
    currentMetrics: undefined as MetricStatus[] | undefined,
    conditions: undefined as HorizontalPodAutoscalerCondition[] | undefined,
  });
  if (s?.currentCPUUtilizationPercentage !== undefined) {
    status.currentMetrics = [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: s.currentCPUUtilizationPercentage } } }];
  }
  const current = parseJson(annotations[CURRENT_METRICS_ANNOTATION]);
  if (Array.isArray(current)) status.currentMetrics = current.filter((m) => m && typeof m === "object").map((m) => metricStatusFromV1(m as Obj));
  const conditions = parseJson(annotations[CONDITIONS_ANNOTATION]);
  if (Array.isArray(conditions)) {
    status.conditions = conditions
      .filter((c) => c && typeof c === "object")
      .map((c: Obj) => compact({ type: String(c.type ?? ""), status: String(c.status ?? ""), lastTransitionTime: (c.lastTransitionTime as string | undefined) ?? undefined, reason: c.reason as string | undefined, message: c.message as string | undefined }));
  }

  const metadata: ObjectMeta = { ...v1.metadata };
  const kept = Object.fromEntries(Object.entries(annotations).filter(([k]) => !ROUND_TRIP.includes(k)));
  if (Object.keys(kept).length > 0) metadata.annotations = kept;
  else delete metadata.annotations;
  const out: HorizontalPodAutoscaler = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata, spec };
  if (s !== undefined) out.status = status;
  return out;
}
