// The cluster's DNS, as CoreDNS's kubernetes plugin answers it on a kubeadm
// cluster (zone cluster.local, `pods insecure`), computed from the API on each
// question: nothing is stored, so it is always what the Services and
// EndpointSlices say at that moment. The pod shell's nslookup, curl and wget
// ask here; a lesson can list the records.
//
//   <svc>.<ns>.svc.cluster.local       A: the cluster IP; headless: each ready endpoint
//                                      ExternalName: CNAME to spec.externalName
//   <host>.<svc>.<ns>.svc.cluster.local A: a headless endpoint with a hostname
//                                      (a StatefulSet's pods: web-0.nginx.default...)
//   _<port>._<proto>.<svc>.<ns>.svc... SRV: one per named port (and endpoint, when headless)
//   a-b-c-d.<ns>.pod.cluster.local     A: a.b.c.d (any such name: `pods insecure`)
import type { ApiServer } from "../api/server.ts";
import type { DiscoveryEndpoint, EndpointSlice, Service } from "../api/types.ts";

export const CLUSTER_DOMAIN = "cluster.local";
const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

export interface DnsRecord {
  name: string;
  type: "A" | "CNAME" | "SRV";
  /** A: the address; CNAME: the target name; SRV: the target host. */
  value: string;
  /** SRV only. */
  port?: number;
}

/** What a lookup of one name gives: addresses (after following a CNAME), or nothing. */
export interface DnsAnswer {
  /** The fully qualified name that answered (the search path applied), or the name asked. */
  name: string;
  addresses: string[];
  /** An ExternalName Service's target, when the answer is a CNAME. */
  cname?: string;
  /** No such name (NXDOMAIN). */
  notFound: boolean;
}

function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === "None";
}

/** The endpoints CoreDNS publishes for a Service: ready ones (no condition counts as ready), from its slices. */
function readyEndpoints(api: ApiServer, svc: Service): Array<{ ep: DiscoveryEndpoint; slice: EndpointSlice }> {
  const out: Array<{ ep: DiscoveryEndpoint; slice: EndpointSlice }> = [];
  for (const slice of api.list("endpointslices", { namespace: svc.metadata.namespace }).items as EndpointSlice[]) {
    if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== svc.metadata.name) continue;
    if (slice.addressType !== "IPv4") continue;
    for (const ep of slice.endpoints ?? []) if (ep.conditions?.ready !== false) out.push({ ep, slice });
  }
  return out;
}

/** The name CoreDNS gives an endpoint without a hostname: its address with dashes. */
function endpointHost(ep: DiscoveryEndpoint, address: string): string {
  return ep.hostname ?? address.replaceAll(".", "-");
}

/** Every record of one Service. */
export function serviceRecords(api: ApiServer, svc: Service): DnsRecord[] {
  const base = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  if (svc.spec.type === "ExternalName") {
    return svc.spec.externalName ? [{ name: base, type: "CNAME", value: svc.spec.externalName }] : [];
  }
  const records: DnsRecord[] = [];
  const named = (svc.spec.ports ?? []).filter((p) => p.name);
  if (!isHeadless(svc)) {
    const ip = svc.spec.clusterIP;
    if (!ip) return [];
    records.push({ name: base, type: "A", value: ip });
    for (const p of named) records.push({ name: `_${p.name}._${(p.protocol ?? "TCP").toLowerCase()}.${base}`, type: "SRV", value: base, port: p.port });
    return records;
  }
  const endpoints = readyEndpoints(api, svc);
  for (const { ep } of endpoints) {
    for (const address of ep.addresses) {
      records.push({ name: base, type: "A", value: address });
      if (ep.hostname) records.push({ name: `${ep.hostname}.${base}`, type: "A", value: address });
    }
  }
  // A headless Service's SRV records name each endpoint, at the port the slice gives.
  for (const { ep, slice } of endpoints) {
    for (const port of slice.ports ?? []) {
      if (!port.name || port.port === undefined) continue;
      for (const address of ep.addresses) {
        records.push({
          name: `_${port.name}._${(port.protocol ?? "TCP").toLowerCase()}.${base}`,
          type: "SRV",
          value: `${endpointHost(ep, address)}.${base}`,
          port: port.port,
        });
      }
    }
  }
  return records;
}

/** Every Service record of the cluster (or of one namespace), Services in name order. */
export function dnsRecords(api: ApiServer, namespace?: string): DnsRecord[] {
  const services = api.list("services", namespace === undefined ? {} : { namespace }).items as Service[];
  return services.flatMap((svc) => serviceRecords(api, svc));
}

const POD_NAME = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.([a-z0-9-]+)\.pod\.cluster\.local$/;

/** The answer for one fully qualified name (no trailing dot). */
export function resolveName(api: ApiServer, fqdn: string): DnsAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, "");
  const pod = POD_NAME.exec(name);
  if (pod) {
    const octets = pod.slice(1, 5).map(Number);
    if (octets.every((o) => o <= 255)) return { name, addresses: [octets.join(".")], notFound: false };
  }
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return { name, addresses: [], notFound: true };
  const labels = name.slice(0, -suffix.length).split(".");
  // <svc>.<ns> or <host>.<svc>.<ns>
  if (labels.length < 2 || labels.length > 3) return { name, addresses: [], notFound: true };
  const namespace = labels[labels.length - 1]!;
  const service = labels[labels.length - 2]!;
  const svc = api.find("services", namespace, service) as Service | undefined;
  if (!svc) return { name, addresses: [], notFound: true };
  const records = serviceRecords(api, svc);
  const cname = records.find((r) => r.type === "CNAME" && r.name === name);
  if (cname) return { name, addresses: [], cname: cname.value, notFound: false };
  const addresses = records.filter((r) => r.type === "A" && r.name === name).map((r) => r.value);
  // CoreDNS answers NXDOMAIN when nothing matches, a headless Service with no ready endpoint included.
  return { name, addresses, notFound: addresses.length === 0 };
}

/**
 * Look a name up from a pod in `namespace`, as its resolv.conf has it
 * (search <ns>.svc.cluster.local svc.cluster.local cluster.local, ndots:5):
 * a name with fewer than five dots tries the search domains first.
 */
export function lookupHost(api: ApiServer, host: string, namespace: string): DnsAnswer {
  const name = host.toLowerCase();
  if (name.endsWith(".")) return resolveName(api, name);
  const dots = name.split(".").length - 1;
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const candidates = dots >= 5 ? [name, ...search.map((d) => `${name}.${d}`)] : [...search.map((d) => `${name}.${d}`), name];
  for (const candidate of candidates) {
    const answer = resolveName(api, candidate);
    if (!answer.notFound) return answer;
  }
  return { name, addresses: [], notFound: true };
}
