// Where the autoscaler reads pod metrics. A real cluster serves them through
// the resource metrics API (metrics.k8s.io, metrics-server); the sandbox has
// no metrics-server, so by default every read fails as it does on a cluster
// without one. A lesson can install a MetricsSource to feed simulated usage
// (say, CPU load that rises when a learner "sends traffic") and watch the
// autoscaler react.
import { milliOf } from "../../api/quantity.ts";
import type { Pod } from "../../api/types.ts";

/** One pod's measured usage of a resource, summed over its containers. */
export interface PodUsage {
  /** Milli-units: millicores for cpu, thousandths of a byte for memory. */
  milli: number;
  /** When the sample was taken (virtual ms); default: now. */
  timestampMs?: number;
  /** The window the sample averages over (ms); default 15 s, metrics-server's resolution. */
  windowMs?: number;
}

export interface MetricsSource {
  /**
   * Usage of `resource` ("cpu", "memory") by the given pods (those the
   * target's selector matches), by pod name; with `container`, that
   * container's usage only. A pod left out has no metrics yet. Return a
   * string to report the metrics API failing with that message.
   */
  podUsage(pods: readonly Pod[], resource: string, nowMs: number, container?: string): Map<string, PodUsage> | string;
}

/** What the resource metrics client answers when metrics.k8s.io is not served. */
export const NO_METRICS_API = "unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)";

/** The metrics the autoscaler reads: none until a lesson installs a source. */
export class MetricsProvider {
  source: MetricsSource | undefined;
}

/**
 * A source where every pod uses `percent(pod)` percent of its request of the
 * resource (a pod without a request reports nothing): the simplest
 * simulated load.
 */
export function utilizationSource(percent: (pod: Pod, resource: string) => number): MetricsSource {
  return {
    podUsage(pods, resource, _nowMs, container) {
      const out = new Map<string, PodUsage>();
      for (const pod of pods) {
        if (pod.status?.phase !== "Running") continue;
        let request = 0;
        for (const c of pod.spec.containers ?? []) {
          if (container !== undefined && c.name !== container) continue;
          request += milliOf(c.resources?.requests?.[resource]);
        }
        if (request > 0) out.set(pod.metadata.name!, { milli: Math.round((request * percent(pod, resource)) / 100) });
      }
      return out;
    },
  };
}
