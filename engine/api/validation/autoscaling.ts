// HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation, 1.32,
// with the HPAScaleToZero feature gate off as on a default cluster).
import { compareQuantityText, isQuantity } from "../quantity.ts";
import type { CrossVersionObjectReference, HorizontalPodAutoscaler, HPAScalingRules, MetricIdentifier, MetricSpec, MetricTarget } from "../types.ts";
import { child, forbidden, index, invalid, notSupported, required, type FieldError } from "./field.ts";
import { nameIsDNSSubdomain } from "./names.ts";
import { validateDNS1123Label, validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const METRIC_SOURCE_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const SELECT_POLICIES = ["Disabled", "Max", "Min"];
const POLICY_TYPES = ["Percent", "Pods"];

/** apimachinery's IsValidPathSegmentName: names that would break a URL path. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

export function validateCrossVersionObjectReference(ref: CrossVersionObjectReference | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const kind = ref?.kind ?? "";
  const name = ref?.name ?? "";
  if (kind === "") errs.push(required(child(path, "kind")));
  else for (const m of isValidPathSegmentName(kind)) errs.push(invalid(child(path, "kind"), kind, m));
  if (name === "") errs.push(required(child(path, "name")));
  else for (const m of isValidPathSegmentName(name)) errs.push(invalid(child(path, "name"), name, m));
  return errs;
}

function positive(q: string | undefined): boolean {
  return q !== undefined && isQuantity(q) && compareQuantityText(q, 0) > 0;
}

function validateMetricTarget(t: MetricTarget | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? "";
  if (type === "") errs.push(required(child(path, "type"), "must specify a metric target type"));
  if (type !== "Utilization" && type !== "Value" && type !== "AverageValue") {
    errs.push(invalid(child(path, "type"), type, "must be either Utilization, Value, or AverageValue"));
  }
  if (t?.value !== undefined && !positive(t.value)) errs.push(invalid(child(path, "value"), t.value, "must be positive"));
  if (t?.averageValue !== undefined && !positive(t.averageValue)) errs.push(invalid(child(path, "averageValue"), t.averageValue, "must be positive"));
  if (t?.averageUtilization !== undefined && t.averageUtilization < 1) {
    errs.push(invalid(child(path, "averageUtilization"), t.averageUtilization, "must be greater than 0"));
  }
  return errs;
}

function validateMetricIdentifier(id: MetricIdentifier | undefined, path: string): FieldError[] {
  const name = id?.name ?? "";
  if (name === "") return [required(child(path, "name"), "must specify a metric name")];
  return isValidPathSegmentName(name).map((m) => invalid(child(path, "name"), name, m));
}

function validateSource(spec: MetricSpec, member: string, path: string): FieldError[] {
  const p = child(path, member);
  const target = child(p, "target");
  switch (member) {
    case "object": {
      const src = spec.object!;
      const errs = [
        ...validateCrossVersionObjectReference(src.describedObject, child(p, "describedObject")),
        ...validateMetricIdentifier(src.metric, child(p, "metric")),
        ...validateMetricTarget(src.target, target),
      ];
      if (src.target?.value === undefined && src.target?.averageValue === undefined) {
        errs.push(required(child(target, "averageValue"), "must set either a target value or averageValue"));
      }
      return errs;
    }
    case "external": {
      const src = spec.external!;
      const errs = [...validateMetricIdentifier(src.metric, child(p, "metric")), ...validateMetricTarget(src.target, target)];
      if (src.target?.value === undefined && src.target?.averageValue === undefined) {
        errs.push(required(child(target, "averageValue"), "must set either a target value for metric or a per-pod target"));
      }
      if (src.target?.value !== undefined && src.target?.averageValue !== undefined) {
        errs.push(forbidden(child(target, "value"), "may not set both a target value for metric and a per-pod target"));
      }
      return errs;
    }
    case "pods": {
      const src = spec.pods!;
      const errs = [...validateMetricIdentifier(src.metric, child(p, "metric")), ...validateMetricTarget(src.target, target)];
      if (src.target?.averageValue === undefined) errs.push(required(child(target, "averageValue"), "must specify a positive target averageValue"));
      return errs;
    }
    default: {
      // resource and containerResource
      const src = (member === "resource" ? spec.resource : spec.containerResource)!;
      const errs: FieldError[] = [];
      if (!src.name) errs.push(required(child(p, "name"), "must specify a resource name"));
      if (member === "containerResource") {
        const container = spec.containerResource!.container ?? "";
        if (container === "") errs.push(required(child(p, "container"), "must specify a container"));
        else errs.push(...validateDNS1123Label(container, child(p, "container")));
      }
      errs.push(...validateMetricTarget(src.target, target));
      if (src.target?.averageUtilization === undefined && src.target?.averageValue === undefined) {
        errs.push(required(child(target, "averageUtilization"), "must set either a target raw value or a target utilization"));
      }
      if (src.target?.averageUtilization !== undefined && src.target?.averageValue !== undefined) {
        errs.push(forbidden(child(target, "averageValue"), "may not set both a target raw value and a target utilization"));
      }
      return errs;
    }
  }
}

function validateMetricSpec(spec: MetricSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? "";
  if (type === "") errs.push(required(child(path, "type"), "must specify a metric source type"));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(notSupported(child(path, "type"), type, METRIC_SOURCE_TYPES));
  // Only the first member present is validated, in this order.
  const present = (["object", "external", "pods", "resource", "containerResource"] as const).filter((m) => spec[m] !== undefined && spec[m] !== null);
  if (present.length > 0) errs.push(...validateSource(spec, present[0]!, path));
  const expected = type === "ContainerResource" ? "containerResource" : type.toLowerCase();
  if (METRIC_SOURCE_TYPES.includes(type)) {
    if (!present.includes(expected as (typeof present)[number])) {
      errs.push(required(child(path, expected), "must populate information for the given metric source"));
    }
  } else {
    errs.push(notSupported(child(path, "type"), type, METRIC_SOURCE_TYPES));
  }
  if (present.length !== 1) {
    for (const m of present) if (m !== expected) errs.push(forbidden(child(path, m), "must populate the given metric source only"));
  }
  return errs;
}

function validateScalingRules(rules: HPAScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) errs.push(invalid(child(path, "stabilizationWindowSeconds"), w, "must be greater than or equal to zero"));
  if (w !== undefined && w > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(invalid(child(path, "stabilizationWindowSeconds"), w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy !== undefined && !SELECT_POLICIES.includes(rules.selectPolicy)) {
    errs.push(notSupported(child(path, "selectPolicy"), rules.selectPolicy, SELECT_POLICIES));
  }
  const policies = child(path, "policies");
  if (!rules.policies || rules.policies.length === 0) errs.push(required(policies, "must specify at least one Policy"));
  (rules.policies ?? []).forEach((p, i) => {
    const ip = index(policies, i);
    if (!POLICY_TYPES.includes(p.type)) errs.push(notSupported(child(ip, "type"), p.type ?? "", POLICY_TYPES));
    if (!(p.value > 0)) errs.push(invalid(child(ip, "value"), p.value ?? 0, "must be greater than zero"));
    if (!(p.periodSeconds > 0)) errs.push(invalid(child(ip, "periodSeconds"), p.periodSeconds ?? 0, "must be greater than zero"));
    if (p.periodSeconds > MAX_PERIOD_SECONDS) {
      errs.push(invalid(child(ip, "periodSeconds"), p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
    }
  });
  return errs;
}

function validateSpec(spec: HorizontalPodAutoscaler["spec"] | undefined, minLowerBound: number): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec?.minReplicas;
  const max = spec?.maxReplicas ?? 0;
  if (min !== undefined && min < minLowerBound) errs.push(invalid("spec.minReplicas", min, `must be greater than or equal to ${minLowerBound}`));
  if (max < 1) errs.push(invalid("spec.maxReplicas", max, "must be greater than 0"));
  if (min !== undefined && max < min) errs.push(invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  errs.push(...validateCrossVersionObjectReference(spec?.scaleTargetRef, "spec.scaleTargetRef"));
  const metrics = spec?.metrics ?? [];
  metrics.forEach((m, i) => errs.push(...validateMetricSpec(m ?? ({} as MetricSpec), index("spec.metrics", i))));
  if (min === 0 && !metrics.some((m) => m?.type === "Object" || m?.type === "External")) {
    errs.push(forbidden("spec.metrics", "must specify at least one Object or External metric to support scaling to zero replicas"));
  }
  if (spec?.behavior) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, "spec.behavior.scaleUp"));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, "spec.behavior.scaleDown"));
  }
  return errs;
}

export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): FieldError[] {
  return [...validateObjectMeta(hpa.metadata, nameIsDNSSubdomain), ...validateSpec(hpa.spec, 1)];
}

export function validateHorizontalPodAutoscalerUpdate(hpa: HorizontalPodAutoscaler, old: HorizontalPodAutoscaler): FieldError[] {
  // An autoscaler that already has minReplicas 0 may keep it.
  const lower = old.spec?.minReplicas === 0 ? 0 : 1;
  return [...validateObjectMetaUpdate(hpa.metadata, old.metadata), ...validateSpec(hpa.spec, lower)];
}
