// The replica count a resource utilization target asks for
// (replica_calculator.go GetResourceReplicas, 1.32): usage over requests of
// the target's pods, with pods that are starting, unready or unmeasured
// counted so that they never push the scale the wrong way.
import { milliOf } from "../../api/quantity.ts";
import type { Pod } from "../../api/types.ts";
import { parseTime } from "../../util/time.ts";
import { podReadyCondition } from "../pod-util.ts";
import { NO_METRICS_API, type MetricsSource, type PodUsage } from "./metrics.ts";

/** --horizontal-pod-autoscaler-tolerance: changes within 10% are not made. */
const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
const CPU_INITIALIZATION_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
const INITIAL_READINESS_DELAY_MS = 30_000;
const DEFAULT_WINDOW_MS = 15_000;

export interface ResourceReplicas {
  replicas: number;
  /** Average utilization, percent of requests. */
  utilization: number;
  /** Average usage per pod, in milli-units. */
  rawMilli: number;
}

export class ReplicaCalcError extends Error {}

function fail(message: string): never {
  throw new ReplicaCalcError(message);
}

interface Grouped {
  ready: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

function groupPods(pods: readonly Pod[], metrics: Map<string, PodUsage>, resource: string, nowMs: number): Grouped {
  const g: Grouped = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name!;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === "Failed") {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === "Pending") {
      g.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    if (resource === "cpu") {
      const ready = podReadyCondition(pod);
      const start = parseTime(pod.status?.startTime);
      let unready: boolean;
      if (!ready || Number.isNaN(start)) {
        unready = true;
      } else {
        const transition = parseTime(ready.lastTransitionTime);
        if (start + CPU_INITIALIZATION_MS > nowMs) {
          const sampled = metric.timestampMs ?? nowMs;
          unready = ready.status === "False" || sampled < transition + (metric.windowMs ?? DEFAULT_WINDOW_MS);
        } else {
          unready = ready.status === "False" && start + INITIAL_READINESS_DELAY_MS > transition;
        }
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.ready++;
  }
  return g;
}

function podRequests(pods: readonly Pod[], resource: string, container: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    let total = 0;
    for (const c of pod.spec.containers ?? []) {
      if (container !== undefined && c.name !== container) continue;
      const q = c.resources?.requests?.[resource];
      if (q === undefined) fail(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      total += milliOf(q);
    }
    out.set(pod.metadata.name!, total);
  }
  return out;
}

function utilizationRatio(metrics: Map<string, number>, requests: Map<string, number>, target: number): { ratio: number; utilization: number; raw: number } {
  let usage = 0;
  let requested = 0;
  let n = 0;
  for (const [name, value] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    usage += value;
    requested += request;
    n++;
  }
  if (requested === 0) fail("no metrics returned matched known pods");
  const utilization = Math.trunc((usage * 100) / requested);
  return { ratio: utilization / target, utilization, raw: Math.trunc(usage / n) };
}

/**
 * The replicas for `target` percent of `resource` over `pods`, or a
 * ReplicaCalcError with the controller's words.
 */
export function resourceReplicas(
  source: MetricsSource | undefined,
  pods: readonly Pod[],
  current: number,
  target: number,
  resource: string,
  nowMs: number,
  container?: string,
): ResourceReplicas {
  const answer = source ? source.podUsage(pods, resource, nowMs, container) : NO_METRICS_API;
  if (typeof answer === "string") fail(`unable to get metrics for resource ${resource}: ${answer}`);
  if (answer.size === 0) fail(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  if (pods.length === 0) fail("no pods returned by selector while calculating replica count");

  const g = groupPods(pods, answer, resource, nowMs);
  const metrics = new Map<string, number>();
  for (const [name, usage] of answer) if (!g.ignored.has(name) && !g.unready.has(name)) metrics.set(name, usage.milli);
  const requests = podRequests(pods, resource, container);
  if (metrics.size === 0) fail("did not receive metrics for targeted pods (pods might be unready)");

  const first = utilizationRatio(metrics, requests, target);
  const result = (replicas: number): ResourceReplicas => ({ replicas, utilization: first.utilization, rawMilli: first.raw });
  const scaleUpWithUnready = g.unready.size > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return result(current);
    return result(Math.ceil(first.ratio * g.ready));
  }
  // Missing pods count as idle on a scale-up, as fully busy on a scale-down;
  // unready ones as idle on a scale-up.
  if (g.missing.size > 0) {
    for (const name of g.missing) {
      if (first.ratio < 1) metrics.set(name, Math.trunc(((requests.get(name) ?? 0) * Math.max(100, target)) / 100));
      else if (first.ratio > 1) metrics.set(name, 0);
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, 0);
  const second = utilizationRatio(metrics, requests, target);
  if (Math.abs(1 - second.ratio) <= TOLERANCE || (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1)) {
    return result(current);
  }
  const replicas = Math.ceil(second.ratio * metrics.size);
  if ((second.ratio < 1 && replicas > current) || (second.ratio > 1 && replicas < current)) return result(current);
  return result(replicas);
}
