// Pod QoS class (pkg/apis/core/helper/qos ComputePodQOS). The pod strategy
// stores it in status.qosClass at create, and pod updates may not change it.
import type { Pod, PodSpec } from "../types.ts";
import { compareQuantity, tryParseQuantity } from "./quantity.ts";
import type { Quantity } from "./quantity.ts";

export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";

const QOS_RESOURCES = new Set(["cpu", "memory"]);

function add(a: Quantity | undefined, b: Quantity): Quantity {
  if (a === undefined) return b;
  const s = Math.min(a.scale, b.scale);
  const mantissa = a.mantissa * 10n ** BigInt(a.scale - s) + b.mantissa * 10n ** BigInt(b.scale - s);
  return { mantissa, scale: s, format: a.format, int64Path: true };
}

function positive(v: string | undefined): Quantity | null {
  if (v === undefined) return null;
  const q = tryParseQuantity(v);
  return q !== null && q.mantissa > 0n ? q : null;
}

/** Guaranteed: cpu and memory limits everywhere, requests equal to limits; BestEffort: no cpu/memory at all. */
export function computePodQOS(spec: PodSpec): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const [name, v] of Object.entries(c.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = positive(v);
      if (q) requests.set(name, add(requests.get(name), q));
    }
    const found = new Set<string>();
    for (const [name, v] of Object.entries(c.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = positive(v);
      if (q) {
        found.add(name);
        limits.set(name, add(limits.get(name), q));
      }
    }
    if (!found.has("memory") || !found.has("cpu")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

/** GetPodQOS: the stored class if any, else computed. */
export function getPodQOS(pod: Pod): QOSClass {
  const stored = pod.status?.qosClass;
  return stored ? stored : computePodQOS(pod.spec);
}
