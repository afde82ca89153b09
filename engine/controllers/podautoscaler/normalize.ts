// From the replica count the metrics ask for to the one the autoscaler sets
// (horizontal.go normalizeDesiredReplicas and ...WithBehaviors, 1.32):
// stabilization over recent recommendations, bounds and rate limits. Each
// step names the condition it leaves on the autoscaler.
import type { HPAScalingRules, HorizontalPodAutoscaler } from "../../api/types.ts";

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 5 * 60_000;

interface Recommendation {
  replicas: number;
  atMs: number;
}

interface ScaleEvent {
  change: number;
  atMs: number;
}

export interface ConditionChange {
  type: "AbleToScale" | "ScalingActive" | "ScalingLimited";
  status: "True" | "False";
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  conditions: ConditionChange[];
}

const READY = { reason: "ReadyForNewScale", message: "recommended size matches current size" };
const WITHIN = { reason: "DesiredWithinRange", message: "the desired count is within the acceptable range" };

/** The controller's memory of one autoscaler: its recent recommendations and scale changes. */
export class AutoscalerHistory {
  private recommendations: Recommendation[] = [];
  private ups: ScaleEvent[] = [];
  private downs: ScaleEvent[] = [];

  /** The first recommendation is the current size (recordInitialRecommendation). */
  start(current: number, nowMs: number): void {
    if (this.recommendations.length === 0) this.recommendations.push({ replicas: current, atMs: nowMs });
  }

  /** Remember a scale change, for the rate policies (only kept with a behavior). */
  scaled(from: number, to: number, nowMs: number, behavior: HorizontalPodAutoscaler["spec"]["behavior"]): void {
    if (!behavior) return;
    const up = to > from;
    const rules = up ? behavior.scaleUp : behavior.scaleDown;
    const longest = Math.max(0, ...(rules?.policies ?? []).map((p) => p.periodSeconds)) * 1000;
    const list = up ? this.ups : this.downs;
    // Outdated events are replaced, as markScaleEventsOutdated lets them be.
    const kept = list.filter((e) => e.atMs > nowMs - longest);
    kept.push({ change: Math.abs(to - from), atMs: nowMs });
    if (up) this.ups = kept;
    else this.downs = kept;
  }

  /** normalizeDesiredReplicas: no behavior, the controller-wide rules. */
  normalize(current: number, desired: number, min: number, max: number, nowMs: number): Normalized {
    let stabilized = desired;
    const cutoff = nowMs - DOWNSCALE_STABILIZATION_MS;
    let oldIndex = -1;
    this.recommendations.forEach((r, i) => {
      if (r.atMs < cutoff) oldIndex = i;
      else if (r.replicas > stabilized) stabilized = r.replicas;
    });
    this.record(oldIndex, desired, nowMs);
    const conditions: ConditionChange[] = [];
    if (stabilized !== desired) {
      conditions.push({ type: "AbleToScale", status: "True", reason: "ScaleDownStabilized", message: "recent recommendations were higher than current one, applying the highest recent recommendation" });
    } else {
      conditions.push({ type: "AbleToScale", status: "True", ...READY });
    }
    // Never more than double (or 4) at once, against bogus usage spikes.
    const scaleUpLimit = Math.max(2 * current, 4);
    let upper = max;
    let limit = { reason: "TooManyReplicas", message: "the desired replica count is more than the maximum replica count" };
    if (max > scaleUpLimit) {
      upper = scaleUpLimit;
      limit = { reason: "ScaleUpLimit", message: "the desired replica count is increasing faster than the maximum scale rate" };
    }
    let replicas = stabilized;
    let why = WITHIN;
    if (stabilized < min) {
      replicas = min;
      why = { reason: "TooFewReplicas", message: "the desired replica count is less than the minimum replica count" };
    } else if (stabilized > upper) {
      replicas = upper;
      why = limit;
    }
    conditions.push({ type: "ScalingLimited", status: replicas === stabilized ? "False" : "True", ...why });
    return { replicas, conditions };
  }

  /** normalizeDesiredReplicasWithBehaviors: the autoscaler's own scaling rules. */
  normalizeWithBehavior(current: number, desired: number, min: number, max: number, up: Required<HPAScalingRules>, down: Required<HPAScalingRules>, nowMs: number): Normalized {
    const upCutoff = nowMs - up.stabilizationWindowSeconds * 1000;
    const downCutoff = nowMs - down.stabilizationWindowSeconds * 1000;
    let upRec = desired;
    let downRec = desired;
    let oldIndex = -1;
    this.recommendations.forEach((r, i) => {
      if (r.atMs > upCutoff) upRec = Math.min(r.replicas, upRec);
      if (r.atMs > downCutoff) downRec = Math.max(r.replicas, downRec);
      if (r.atMs < upCutoff && r.atMs < downCutoff) oldIndex = i;
    });
    let stabilized = current;
    if (stabilized < upRec) stabilized = upRec;
    if (stabilized > downRec) stabilized = downRec;
    this.record(oldIndex, desired, nowMs);
    const conditions: ConditionChange[] = [];
    if (stabilized !== desired) {
      conditions.push(
        desired >= current
          ? { type: "AbleToScale", status: "True", reason: "ScaleUpStabilized", message: "recent recommendations were lower than current one, applying the lowest recent recommendation" }
          : { type: "AbleToScale", status: "True", reason: "ScaleDownStabilized", message: "recent recommendations were higher than current one, applying the highest recent recommendation" },
      );
    } else {
      conditions.push({ type: "AbleToScale", status: "True", ...READY });
    }
    let replicas = stabilized;
    let why = WITHIN;
    if (stabilized > current) {
      const limit = Math.max(current, this.scaleUpLimit(current, up, nowMs));
      let upper = max;
      let reason = { reason: "TooManyReplicas", message: "the desired replica count is more than the maximum replica count" };
      if (upper > limit) {
        upper = limit;
        reason = { reason: "ScaleUpLimit", message: "the desired replica count is increasing faster than the maximum scale rate" };
      }
      if (stabilized > upper) [replicas, why] = [upper, reason];
    } else if (stabilized < current) {
      const limit = Math.min(current, this.scaleDownLimit(current, down, nowMs));
      let lower = min;
      let reason = { reason: "TooFewReplicas", message: "the desired replica count is less than the minimum replica count" };
      if (lower < limit) {
        lower = limit;
        reason = { reason: "ScaleDownLimit", message: "the desired replica count is decreasing faster than the maximum scale rate" };
      }
      if (stabilized < lower) [replicas, why] = [lower, reason];
    }
    conditions.push({ type: "ScalingLimited", status: replicas === stabilized ? "False" : "True", ...why });
    return { replicas, conditions };
  }

  private record(oldIndex: number, replicas: number, nowMs: number): void {
    if (oldIndex >= 0) this.recommendations[oldIndex] = { replicas, atMs: nowMs };
    else this.recommendations.push({ replicas, atMs: nowMs });
  }

  private changedWithin(events: readonly ScaleEvent[], periodSeconds: number, nowMs: number): number {
    const cutoff = nowMs - periodSeconds * 1000;
    let total = 0;
    for (const e of events) if (e.atMs > cutoff) total += e.change;
    return total;
  }

  private scaleUpLimit(current: number, rules: Required<HPAScalingRules>, nowMs: number): number {
    if (rules.selectPolicy === "Disabled") return current;
    const pickMin = rules.selectPolicy === "Min";
    let result = pickMin ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
    for (const p of rules.policies) {
      const start = current - this.changedWithin(this.ups, p.periodSeconds, nowMs) + this.changedWithin(this.downs, p.periodSeconds, nowMs);
      const proposed = p.type === "Pods" ? start + p.value : Math.ceil(start * (1 + p.value / 100));
      result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  private scaleDownLimit(current: number, rules: Required<HPAScalingRules>, nowMs: number): number {
    if (rules.selectPolicy === "Disabled") return current;
    const pickMin = rules.selectPolicy === "Min";
    let result = pickMin ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    for (const p of rules.policies) {
      const start = current - this.changedWithin(this.ups, p.periodSeconds, nowMs) + this.changedWithin(this.downs, p.periodSeconds, nowMs);
      const proposed = p.type === "Pods" ? start - p.value : Math.trunc(start * (1 - p.value / 100));
      result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }
}
