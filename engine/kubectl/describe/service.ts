// `kubectl describe service` (kubectl pkg/describe/describe.go
// describeService, v0.32). The per-port `Endpoints:` line comes from the
// Service's EndpointSlices (label kubernetes.io/service-name), read through
// the API as kubectl does; where the server serves no EndpointSlices the list
// is empty and the line reads `<none>`, as a failed list leaves it.
import { formatLabels } from "../../api/labels.ts";
import type { Event, LoadBalancerIngress, Service } from "../../api/types.ts";
import type { DescribeEnv } from "./describers.ts";
import { describeEvents, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from "./writer.ts";

/** The parts of a discovery.k8s.io/v1 EndpointSlice that describe reads. */
interface SliceView {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[] | null;
  ports?: { name?: string; port?: number }[] | null;
}

const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

function endpointSlicesOf(env: DescribeEnv, svc: Service): SliceView[] {
  if (!env.api.registry.get("endpointslices")) return [];
  try {
    const list = env.api.list("endpointslices", {
      namespace: svc.metadata.namespace,
      labelSelector: `${SERVICE_NAME_LABEL}=${svc.metadata.name}`,
    });
    return list.items as unknown as SliceView[];
  } catch {
    return [];
  }
}

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpointSlices for one port name: up to three ready addresses
 * (host:port), then `+ N more...`. Slices without ports (a headless Service
 * with no ports) list bare addresses.
 */
export function formatEndpointSlices(slices: readonly SliceView[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const MAX = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const take = (address: string, ready: boolean | undefined) => {
    if (list.length === MAX) more = true;
    if (ready === false) return;
    if (!more) list.push(address);
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const ep of endpoints) take(ep.addresses[0] ?? "", ep.conditions?.ready);
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? "") !== portName) continue;
      for (const ep of endpoints) take(joinHostPort(ep.addresses[0] ?? "", port.port ?? 0), ep.conditions?.ready);
    }
  }
  const joined = list.join(",");
  return more ? `${joined} + ${count - MAX} more...` : joined;
}

/** buildIngressString: addresses (with their IP mode) or hostnames, comma-separated. */
function ingressString(ingress: readonly LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ""))).join(", ");
}

export function describeService(env: DescribeEnv, svc: Service, events: Event[] | undefined): string {
  const spec = svc.spec ?? {};
  const slices = endpointSlicesOf(env, svc);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", svc.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ""}\n`);
    if (spec.ipFamilyPolicy !== undefined) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const sp of spec.ports ?? []) {
      const name = sp.name || "<unset>";
      const protocol = sp.protocol ?? "";
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port ?? 0}/${protocol}\n`);
      const target = sp.targetPort ?? 0;
      w.write(LEVEL_0, `TargetPort:\t${target}/${protocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? "")}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy !== undefined) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (events) describeEvents(events, w, env.nowMs);
  });
}
