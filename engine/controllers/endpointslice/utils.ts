// The pieces of an EndpointSlice the reconciler builds (k8s.io/endpointslice
// utils.go, 1.32): one endpoint per pod, the ports from the service's target
// ports, the slice labels mirrored from the service, new slices.
import type { DiscoveryEndpoint, DiscoveryEndpointPort, EndpointSlice, Node, Pod, Service } from "../../api/types.ts";
import { isPodReady } from "../pod-util.ts";
import { findPort, isIPv6, isServiceIPSet, shouldSetHostname } from "../endpointutil/pod.ts";

export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const LABEL_HEADLESS = "service.kubernetes.io/headless";
const LABEL_ZONE = "topology.kubernetes.io/zone";

export type AddressType = "IPv4" | "IPv6";

/** getAddressTypesForService: from ipFamilies; else the ClusterIP's family; a headless one gets both. */
export function addressTypesForService(svc: Service): AddressType[] {
  const families = svc.spec.ipFamilies ?? [];
  const out: AddressType[] = [];
  if (families.includes("IPv4")) out.push("IPv4");
  if (families.includes("IPv6")) out.push("IPv6");
  if (out.length > 0) return out;
  const ip = svc.spec.clusterIP;
  if (ip && ip !== "None") return [isIPv6(ip) ? "IPv6" : "IPv4"];
  return ["IPv4", "IPv6"];
}

/** getEndpointPorts: one port per service port whose target the pod has (a headless service may have none). */
export function endpointPorts(svc: Service, pod: Pod): DiscoveryEndpointPort[] {
  const out: DiscoveryEndpointPort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: DiscoveryEndpointPort = { name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/**
 * podToEndpoint: ready is serving and not terminating (or everything, when
 * the service publishes not-ready addresses); serving is the pod's readiness.
 */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service, addressType: AddressType): DiscoveryEndpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = Boolean(svc.spec.publishNotReadyAddresses) || (serving && !terminating);
  const addresses: string[] = [];
  for (const { ip } of pod.status?.podIPs ?? []) if (isIPv6(ip) === (addressType === "IPv6")) addresses.push(ip);
  const ep: DiscoveryEndpoint = {
    addresses,
    conditions: { ready, serving, terminating },
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_ZONE];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  return ep;
}

/** The identity of an endpoint within a slice (endpointHash): its addresses, hostname and target. */
export function endpointKey(ep: DiscoveryEndpoint): string {
  const addresses = ep.addresses.length > 1 ? [...ep.addresses].sort().join(",") : (ep.addresses[0] ?? "");
  return `${addresses}|${ep.hostname ?? ""}|${ep.targetRef?.namespace ?? ""}/${ep.targetRef?.name ?? ""}`;
}

/** NewPortMapKey: slices group by their set of ports, whatever the order. */
export function portMapKey(ports: readonly DiscoveryEndpointPort[] | undefined): string {
  return JSON.stringify((ports ?? []).map((p) => JSON.stringify([p.name ?? null, p.protocol ?? null, p.port ?? null, p.appProtocol ?? null])).sort());
}

const isReservedLabel = (k: string) => k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY;

/**
 * setEndpointSliceLabels: the service's labels, the headless label when it
 * has no ClusterIP, and the two reserved labels; and whether the slice's own
 * (non-reserved) labels differ from the service's.
 */
export function sliceLabels(slice: EndpointSlice | undefined, svc: Service): [Record<string, string>, boolean] {
  const mine: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata.labels ?? {})) if (!isReservedLabel(k)) mine[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!isReservedLabel(k)) labels[k] = v;
  const changed = !sameMap(mine, labels);
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = "";
  else delete labels[LABEL_HEADLESS];
  labels[LABEL_SERVICE_NAME] = svc.metadata.name!;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return [labels, changed];
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (b[k] !== a[k]) return false;
  return true;
}

/** getEndpointSlicePrefix: `<service>-`, or the bare name when that is no valid name. */
function slicePrefix(name: string): string {
  const prefix = `${name}-`;
  return prefix.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*-$/.test(prefix) ? prefix : name;
}

/** newEndpointSlice: an empty slice for `svc`, controlled by it, named by the server from the prefix. */
export function newEndpointSlice(svc: Service, ports: DiscoveryEndpointPort[], addressType: AddressType): EndpointSlice {
  const [labels] = sliceLabels(undefined, svc);
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      generateName: slicePrefix(svc.metadata.name!),
      namespace: svc.metadata.namespace,
      labels,
      ownerReferences: [{ apiVersion: "v1", kind: "Service", name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType,
    endpoints: [],
    ports,
  };
}

/** ownedBy: an owner reference of the slice points at this service. */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((r) => r.kind === "Service" && r.apiVersion === "v1" && r.uid === svc.metadata.uid);
}
