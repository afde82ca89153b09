// An Endpoints object's subsets as the endpoints controller builds them
// (pkg/controller/endpoint and pkg/api/v1/endpoints, 1.32): one subset per
// pod and port, then repacked so that addresses sharing the same ports share
// a subset, sorted, and truncated at 1000 addresses.
import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from "../../api/types.ts";
import { isPodReady } from "../pod-util.ts";
import { isIPv6 } from "../endpointutil/pod.ts";

/** maxCapacity: the most addresses an Endpoints object keeps. */
export const MAX_CAPACITY = 1000;

/** podToEndpointAddressForService: the pod's IP of the service's (first) family; undefined when it has none. */
export function podToEndpointAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  let v6: boolean;
  const families = svc.spec.ipFamilies ?? [];
  if (families.length > 0) v6 = families[0] === "IPv6";
  else if (svc.spec.clusterIP && svc.spec.clusterIP !== "None") v6 = isIPv6(svc.spec.clusterIP);
  else v6 = isIPv6(pod.status?.podIP ?? "");
  const ip = (pod.status?.podIPs ?? []).find((p) => isIPv6(p.ip) === v6)?.ip;
  if (!ip) return undefined;
  return {
    ip,
    nodeName: pod.spec.nodeName ?? "",
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/** addEndpointSubset: the address as ready (or tolerated) or not ready, with this one port. */
export function addEndpointSubset(subsets: EndpointSubset[], pod: Pod, addr: EndpointAddress, port: EndpointPort | undefined, tolerateUnready: boolean): boolean {
  const ports = port ? [port] : [];
  const ready = tolerateUnready || isPodReady(pod);
  subsets.push(ready ? { addresses: [addr], ports } : { notReadyAddresses: [addr], ports });
  return ready;
}

const addrKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ""}`;
const portKey = (p: EndpointPort) => JSON.stringify([p.name ?? "", p.port, p.protocol ?? "", p.appProtocol ?? null]);

/** LessEndpointAddress: by IP (bytes), then target uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? "";
  const ub = b.targetRef?.uid ?? "";
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * RepackSubsets: map each port to the addresses offering it (ready wins
 * over not ready), group ports with the same addresses, and sort. Go orders
 * ports and subsets by a hash of their contents; here by their contents.
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  const portToAddrs = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, boolean> }>();
  const mapAddress = (addr: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const key = addrKey(addr);
    if (!allAddrs.has(key)) allAddrs.set(key, addr);
    const pk = port ? portKey(port) : "";
    let entry = portToAddrs.get(pk);
    if (!entry) portToAddrs.set(pk, (entry = { port, addrs: new Map() }));
    if (!entry.addrs.get(key)) entry.addrs.set(key, ready);
  };
  for (const ss of subsets) {
    const ports: Array<EndpointPort | undefined> = ss.ports?.length ? ss.ports : [undefined];
    for (const port of ports) {
      for (const a of ss.addresses ?? []) mapAddress(a, port, true);
      for (const a of ss.notReadyAddresses ?? []) mapAddress(a, port, false);
    }
  }
  // Ports whose address sets (with readiness) are the same share a subset.
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, addrs } of portToAddrs.values()) {
    const key = JSON.stringify([...addrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { addrs, ports: [] }));
    if (port) group.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const { addrs, ports } of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [key, isReady] of addrs) (isReady ? ready : notReady).push(allAddrs.get(key)!);
    const ss: EndpointSubset = {};
    if (ready.length > 0) ss.addresses = ready.sort(compareAddresses);
    if (notReady.length > 0) ss.notReadyAddresses = notReady.sort(compareAddresses);
    if (ports.length > 0) ss.ports = ports.sort((a, b) => (portKey(a) < portKey(b) ? -1 : portKey(a) > portKey(b) ? 1 : 0));
    out.push(ss);
  }
  const subsetKey = (ss: EndpointSubset) => JSON.stringify(ss);
  return out.sort((a, b) => (subsetKey(a) < subsetKey(b) ? -1 : subsetKey(a) > subsetKey(b) ? 1 : 0));
}

/**
 * RepackSubsets when every address offers the same ports: one subset with
 * all of them, ready and not ready, sorted, and the ports sorted.
 */
export function mergeUniform(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  const ports: EndpointPort[] = [];
  const seenPorts = new Set<string>();
  let last = "";
  for (const ss of subsets) {
    // addEndpointSubset gives one address per subset, repeated (in a row) for each port.
    const addr = (ss.addresses?.[0] ?? ss.notReadyAddresses?.[0])!;
    const key = addrKey(addr);
    if (key !== last) (ss.addresses ? ready : notReady).push(addr);
    last = key;
    for (const p of ss.ports ?? []) {
      const key = portKey(p);
      if (!seenPorts.has(key)) {
        seenPorts.add(key);
        ports.push(p);
      }
    }
  }
  if (ready.length + notReady.length === 0) return [];
  const ss: EndpointSubset = {};
  if (ready.length > 0) ss.addresses = ready.sort(compareAddresses);
  if (notReady.length > 0) ss.notReadyAddresses = notReady.sort(compareAddresses);
  ss.ports = ports.sort((a, b) => (portKey(a) < portKey(b) ? -1 : portKey(a) > portKey(b) ? 1 : 0));
  return [ss];
}

/**
 * truncateEndpoints: over MAX_CAPACITY addresses, keep a share of each
 * subset in proportion (ready addresses first; not-ready ones only if room
 * is left). Returns whether anything was cut.
 */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const ss of subsets) {
    totalReady += ss.addresses?.length ?? 0;
    totalNotReady += ss.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MAX_CAPACITY) return false;
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const ss of subsets) {
    const inSubset = truncateReady ? ss.addresses?.length ?? 0 : ss.notReadyAddresses?.length ?? 0;
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      if (ss.addresses) ss.addresses = ss.addresses.slice(0, toBeAdded);
      delete ss.notReadyAddresses;
      canBeAdded -= ss.addresses?.length ?? 0;
    } else {
      if (ss.notReadyAddresses) ss.notReadyAddresses = ss.notReadyAddresses.slice(0, toBeAdded);
      canBeAdded -= ss.notReadyAddresses?.length ?? 0;
    }
    if (ss.addresses?.length === 0) delete ss.addresses;
    if (ss.notReadyAddresses?.length === 0) delete ss.notReadyAddresses;
  }
  return true;
}
