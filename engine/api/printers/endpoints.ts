// `kubectl get endpoints` and `kubectl get endpointslices` columns (printers.go
// printEndpoints, printEndpointSlice, 1.32): at most three entries, then
// "+ N more...".

import type { TableConvertor } from "../registry.ts";
import type { DiscoveryEndpoint, DiscoveryEndpointPort, EndpointSlice, Endpoints, TableColumnDefinition } from "../types.ts";
import { translateTimestampSince } from "./duration.ts";

const MAX = 3;
const name: TableColumnDefinition = { name: "Name", type: "string", format: "name", description: "Name of the object.", priority: 0 };
const age: TableColumnDefinition = { name: "Age", type: "string", format: "", description: "Time since the object was created.", priority: 0 };

/** net.JoinHostPort: an IPv6 host is bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints: ready addresses (with each port, when there are ports); `<none>` without subsets. */
export function formatEndpoints(ep: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      // A headless service may have no ports: bare addresses.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? "")) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const joined = list.join(",");
  return more ? `${joined} + ${count - MAX} more...` : joined;
}

/** listWithMoreString: "<unset>" when empty. */
function listWithMore(list: string[], more: boolean, count: number): string {
  const joined = list.join(",");
  if (more) return `${joined} + ${count - MAX} more...`;
  return joined === "" ? "<unset>" : joined;
}

export function formatDiscoveryPorts(ports: readonly DiscoveryEndpointPort[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < MAX) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : "*");
    else more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

export function formatDiscoveryEndpoints(endpoints: readonly DiscoveryEndpoint[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of endpoints ?? []) {
    for (const a of ep.addresses ?? []) {
      if (list.length < MAX) list.push(a);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

export const endpointsTable: TableConvertor<Endpoints> = {
  columns: [name, { name: "Endpoints", type: "string", format: "", description: "The ready addresses, with their ports.", priority: 0 }, age],
  cells(ep, nowMs) {
    return [ep.metadata.name ?? "", formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, nowMs)];
  },
};

export const endpointSliceTable: TableConvertor<EndpointSlice> = {
  columns: [
    name,
    { name: "AddressType", type: "string", format: "", description: "The type of address the endpoints carry: IPv4, IPv6 or FQDN.", priority: 0 },
    { name: "Ports", type: "string", format: "", description: "The network ports every endpoint of the slice exposes.", priority: 0 },
    { name: "Endpoints", type: "string", format: "", description: "The endpoints of the slice.", priority: 0 },
    age,
  ],
  cells(slice, nowMs) {
    return [
      slice.metadata.name ?? "",
      slice.addressType ?? "",
      formatDiscoveryPorts(slice.ports),
      formatDiscoveryEndpoints(slice.endpoints),
      translateTimestampSince(slice.metadata.creationTimestamp, nowMs),
    ];
  },
};
