// Resource arithmetic the scheduler shares with nobody else: what a pod
// requests (component-helpers PodRequests: containers summed, sidecars added,
// each init container a peak of its own, overhead on top), the "non-zero"
// requests scoring uses so empty pods still spread, and a node's allocatable.
import { milliOf, unitsOf } from "../api/quantity.ts";
import type { Container, Node, Pod } from "../api/types.ts";

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (nvidia.com/gpu, hugepages-2Mi ...), in units. */
  scalar: Record<string, number>;
}

/** Requests a pod with no cpu/memory request is counted with when scoring (DefaultMilliCPURequest, DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

/** A container's request for one resource: requests, else limits (the API defaults requests from limits). */
function request(c: Container, name: string): string | undefined {
  return c.resources?.requests?.[name] ?? c.resources?.limits?.[name];
}

function containerResources(c: Container, nonZero: boolean): Resources {
  const r = emptyResources();
  const cpu = request(c, "cpu");
  const memory = request(c, "memory");
  r.milliCPU = cpu === undefined ? (nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0) : milliOf(cpu);
  r.memory = memory === undefined ? (nonZero ? DEFAULT_MEMORY_REQUEST : 0) : unitsOf(memory);
  r.ephemeralStorage = unitsOf(request(c, "ephemeral-storage"));
  const names = new Set([...Object.keys(c.resources?.requests ?? {}), ...Object.keys(c.resources?.limits ?? {})]);
  for (const name of names) {
    if (name === "cpu" || name === "memory" || name === "ephemeral-storage") continue;
    if (name.startsWith("hugepages-") || name.includes("/")) r.scalar[name] = unitsOf(request(c, name));
  }
  return r;
}

function add(into: Resources, r: Resources): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v;
}

function max(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = Math.max(into.scalar[k] ?? 0, v);
}

/** The pod's effective request; `nonZero` applies the scoring defaults to unset cpu/memory. */
export function podRequests(pod: Pod, nonZero = false): Resources {
  const total = emptyResources();
  for (const c of pod.spec.containers ?? []) add(total, containerResources(c, nonZero));
  const sidecars = emptyResources();
  const initPeak = emptyResources();
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerResources(c, nonZero);
    if (c.restartPolicy === "Always") {
      add(sidecars, r);
      add(total, r);
    } else {
      const peak = emptyResources();
      add(peak, sidecars);
      add(peak, r);
      max(initPeak, peak);
    }
  }
  max(total, initPeak);
  const overhead = (pod.spec as { overhead?: Record<string, string> }).overhead;
  if (overhead) {
    total.milliCPU += milliOf(overhead.cpu);
    total.memory += unitsOf(overhead.memory);
  }
  return total;
}

export interface Allocatable extends Resources {
  pods: number;
}

export function nodeAllocatable(node: Node): Allocatable {
  const a = node.status?.allocatable ?? node.status?.capacity ?? {};
  const r: Allocatable = {
    milliCPU: milliOf(a.cpu),
    memory: unitsOf(a.memory),
    ephemeralStorage: unitsOf(a["ephemeral-storage"]),
    pods: unitsOf(a.pods),
    scalar: {},
  };
  for (const [k, v] of Object.entries(a)) {
    if (k.startsWith("hugepages-") || k.includes("/")) r.scalar[k] = unitsOf(v);
  }
  return r;
}
