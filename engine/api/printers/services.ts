// `kubectl get services` columns (printers.go printService, 1.32). The server
// prints the wide form (SELECTOR included, load-balancer addresses never
// shortened); kubectl drops priority-1 columns unless -o wide.

import { formatLabels } from "../labels.ts";
import type { TableConvertor } from "../registry.ts";
import type { LoadBalancerIngress, Service, ServicePort, TableColumnDefinition } from "../types.ts";
import { translateTimestampSince } from "./duration.ts";
import { byteOrder } from "../label-selector.ts";

export const serviceColumns: TableColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name of the service.", priority: 0 },
  { name: "Type", type: "string", format: "", description: "How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.", priority: 0 },
  { name: "Cluster-IP", type: "string", format: "", description: "The virtual IP inside the cluster that the service answers on.", priority: 0 },
  { name: "External-IP", type: "string", format: "", description: "Addresses outside the cluster that reach the service.", priority: 0 },
  { name: "Port(s)", type: "string", format: "", description: "The ports the service exposes, with their node ports.", priority: 0 },
  { name: "Age", type: "string", format: "", description: "Time since the service was created.", priority: 0 },
  { name: "Selector", type: "string", format: "", description: "Labels of the pods the service sends traffic to.", priority: 1 },
];

/** `80/TCP`, or `80:30080/TCP` with a node port; several joined by commas. */
export function servicePortsString(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(",");
}

/** The load balancer's IPs (or hostnames), sorted and de-duplicated. */
export function loadBalancerAddresses(ingress: readonly LoadBalancerIngress[] | undefined): string {
  const set = new Set<string>();
  for (const ing of ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort(byteOrder).join(",");
}

function externalIP(svc: Service): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case "ClusterIP":
    case "NodePort":
      return external.length > 0 ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      if (external.length > 0) return [...(lb ? lb.split(",") : []), ...external].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec.externalName ?? "";
  }
  return "<unknown>";
}

export const serviceTable: TableConvertor<Service> = {
  columns: serviceColumns,
  cells(svc, nowMs) {
    const spec = svc.spec ?? {};
    return [
      svc.metadata.name ?? "",
      spec.type ?? "",
      spec.clusterIPs?.[0] ?? "<none>",
      externalIP(svc),
      servicePortsString(spec.ports) || "<none>",
      translateTimestampSince(svc.metadata.creationTimestamp, nowMs),
      formatLabels(spec.selector),
    ];
  },
};
