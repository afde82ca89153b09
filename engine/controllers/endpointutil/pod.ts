// What the endpoints and endpointslice controllers ask of a pod
// (k8s.io/endpointslice/util and pkg/api/v1/pod, 1.32).
import type { Pod, Service, ServicePort } from "../../api/types.ts";
import { deepEqual } from "../../util/json.ts";
import { isPodReady } from "../pod-util.ts";

/**
 * ShouldPodBeInEndpoints: not finished, has an IP, and (unless terminating
 * pods are wanted) not being deleted.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * FindPort: the pod's port a service port targets. A number is taken as it
 * is; a name is looked up among the containers' (and sidecars') ports of the
 * same protocol. Undefined when no port has that name.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === "number") return target;
  const protocol = svcPort.protocol ?? "TCP";
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  }
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== "Always") continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  }
  return undefined;
}

/** ShouldSetHostname: the pod asked for a hostname under this service's subdomain. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return Boolean(pod.spec.hostname) && pod.spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

/** helper.IsServiceIPSet: a ClusterIP other than None. */
export function isServiceIPSet(svc: Service): boolean {
  return Boolean(svc.spec.clusterIP) && svc.spec.clusterIP !== "None";
}

export function isIPv6(ip: string): boolean {
  return ip.includes(":");
}

/**
 * podEndpointsChanged: [the pod's endpoint changed (deletion, readiness,
 * IPs), its labels (or hostname/subdomain) changed].
 */
export function podEndpointsChanged(old: Pod, pod: Pod): [boolean, boolean] {
  const labelsChanged =
    (old.metadata.labels !== pod.metadata.labels && !deepEqual(old.metadata.labels ?? {}, pod.metadata.labels ?? {})) ||
    old.spec.hostname !== pod.spec.hostname ||
    old.spec.subdomain !== pod.spec.subdomain;
  if (old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) return [true, labelsChanged];
  if (isPodReady(old) !== isPodReady(pod)) return [true, labelsChanged];
  const a = old.status?.podIPs ?? [];
  const b = pod.status?.podIPs ?? [];
  if (a.length !== b.length) return [true, labelsChanged];
  for (let i = 0; i < a.length; i++) if (a[i]!.ip !== b[i]!.ip) return [true, labelsChanged];
  return [false, labelsChanged];
}
