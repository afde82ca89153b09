// Endpoints (core ValidateEndpoints) and EndpointSlice (discovery
// ValidateEndpointSlice) validation, 1.32: the checks a hand-written object
// meets (addresses, ports, protocols, address types); the controllers' own
// objects always pass them.
import type { DiscoveryEndpoint, EndpointAddress, EndpointPort, EndpointSlice, Endpoints } from "../types.ts";
import { unlessPassed } from "./memo.ts";
import { child, duplicate, index, invalid, notSupported, required, tooMany, type FieldError } from "./field.ts";
import { isDNS1123Subdomain, isQualifiedName, isValidPortNum, nameIsDNSSubdomain } from "./names.ts";
import { validateDNS1123Label, validateLabels, validateObjectMeta, validateObjectMetaUpdate, FIELD_IMMUTABLE_ERROR_MSG } from "./object-meta.ts";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];
/** discovery validation limits. */
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_TOPOLOGY_LABELS = 16;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The four bytes of a dotted IPv4 address (leading zeros allowed, as ParseIPSloppy does), or undefined. */
export function parseIPv4(s: string): number[] | undefined {
  const m = IPV4.exec(s);
  if (!m) return undefined;
  const bytes = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** The sixteen bytes of an IPv6 address (an embedded IPv4 tail allowed), or undefined. */
export function parseIPv6(s: string): number[] | undefined {
  if (!s.includes(":")) return undefined;
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === "") return [];
    const out: number[] = [];
    const items = part.split(":");
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (i === items.length - 1 && item.includes(".")) {
        const v4 = parseIPv4(item);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(item)) return undefined;
        out.push(parseInt(item, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** ValidateNonSpecialIP: not unspecified, loopback or link-local. */
function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const v4 = parseIPv4(ip);
  const v6 = v4 ? undefined : parseIPv6(ip);
  if (!v4 && !v6) return [invalid(path, ip, "must be a valid IP address")];
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const b = v4 ?? (v6!.slice(0, 10).every((x) => x === 0) && v6![10] === 0xff && v6![11] === 0xff ? v6!.slice(12) : undefined);
  const errs: FieldError[] = [];
  if (b) {
    if (b.every((x) => x === 0)) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
    if (b[0] === 127) errs.push(invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
    if (b[0] === 169 && b[1] === 254) errs.push(invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) errs.push(invalid(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
    return errs;
  }
  const x = v6!;
  if (x.every((y) => y === 0)) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (x.slice(0, 15).every((y) => y === 0) && x[15] === 1) errs.push(invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (x[0] === 0xfe && (x[1]! & 0xc0) === 0x80) errs.push(invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (x[0] === 0xff && (x[1]! & 0x0f) === 0x02) errs.push(invalid(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errs;
}

function validateNodeName(name: string, path: string): FieldError[] {
  return isDNS1123Subdomain(name).map((m) => invalid(path, name, m));
}

// ---------- Endpoints ----------

function validateEndpointAddress(a: EndpointAddress, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ip = a.ip ?? "";
  if (!parseIPv4(ip) && !parseIPv6(ip)) errs.push(invalid(child(path, "ip"), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
  if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, child(path, "hostname")));
  if (a.nodeName !== undefined) errs.push(...validateNodeName(a.nodeName, child(path, "nodeName")));
  errs.push(...validateNonSpecialIP(ip, child(path, "ip")));
  return errs;
}

function validateEndpointPort(p: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = p.name ?? "";
  if (requireName && name === "") errs.push(required(child(path, "name")));
  else if (name !== "") errs.push(...validateDNS1123Label(name, child(path, "name")));
  for (const m of isValidPortNum(p.port ?? 0)) errs.push(invalid(child(path, "port"), p.port ?? 0, m));
  if (!p.protocol) errs.push(required(child(path, "protocol")));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(child(path, "protocol"), p.protocol, PROTOCOLS));
  if (p.appProtocol !== undefined) errs.push(...isQualifiedName(p.appProtocol).map((m) => invalid(child(path, "appProtocol"), p.appProtocol!, m)));
  return errs;
}

function validateSubsets(ep: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const path = index("subsets", i);
    const ready = ss.addresses ?? [];
    const notReady = ss.notReadyAddresses ?? [];
    if (ready.length === 0 && notReady.length === 0) errs.push(required(path, "must specify `addresses` or `notReadyAddresses`"));
    ready.forEach((a, j) => errs.push(...validateEndpointAddress(a, index(child(path, "addresses"), j))));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, index(child(path, "notReadyAddresses"), j))));
    const ports = ss.ports ?? [];
    ports.forEach((p, j) => errs.push(...validateEndpointPort(p, ports.length > 1, index(child(path, "ports"), j))));
  });
  return errs;
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  return [...validateObjectMeta(ep.metadata, nameIsDNSSubdomain), ...validateSubsets(ep)];
}

export function validateEndpointsUpdate(ep: Endpoints, old: Endpoints): FieldError[] {
  return [...validateObjectMetaUpdate(ep.metadata, old.metadata), ...validateSubsets(ep)];
}

/** SetDefaults_Endpoints: a port's protocol defaults to TCP. */
export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = "TCP";
}

// ---------- EndpointSlice ----------

function validateSliceEndpoints(slice: EndpointSlice): FieldError[] {
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany("endpoints", endpoints.length, MAX_ENDPOINTS)];
  const errs: FieldError[] = [];
  endpoints.forEach((ep, i) => {
    const path = index("endpoints", i);
    // A stored endpoint that an update keeps passed these checks before (a pass does not depend on its index).
    errs.push(...unlessPassed(ep, `endpoint\u0000${slice.addressType}`, () => validateSliceEndpoint(ep, slice.addressType, path)));
  });
  return errs;
}

function validateSliceEndpoint(ep: DiscoveryEndpoint, addressType: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const addrPath = child(path, "addresses");
  const addresses = ep.addresses ?? [];
  if (addresses.length === 0) errs.push(required(addrPath, "must contain at least 1 address"));
  else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(addrPath, addresses.length, MAX_ADDRESSES));
  addresses.forEach((a, j) => {
    const p = index(addrPath, j);
    if (addressType === "IPv4") {
      if (!parseIPv4(a)) errs.push(invalid(p, a, "must be a valid IPv4 address"));
      else errs.push(...validateNonSpecialIP(a, p));
    } else if (addressType === "IPv6") {
      if (!parseIPv6(a)) errs.push(invalid(p, a, "must be a valid IPv6 address"));
      else errs.push(...validateNonSpecialIP(a, p));
    } else if (addressType === "FQDN") {
      for (const m of isDNS1123Subdomain(a)) errs.push(invalid(p, a, m));
    }
  });
  if (ep.nodeName !== undefined) errs.push(...validateNodeName(ep.nodeName, child(path, "nodeName")));
  const topoPath = child(path, "deprecatedTopology");
  const topo = ep.deprecatedTopology;
  if (topo && Object.keys(topo).length > MAX_TOPOLOGY_LABELS) errs.push(tooMany(topoPath, Object.keys(topo).length, MAX_TOPOLOGY_LABELS));
  errs.push(...validateLabels(topo, topoPath));
  if (ep.hostname !== undefined) errs.push(...validateDNS1123Label(ep.hostname, child(path, "hostname")));
  return errs;
}

function validateSlicePorts(slice: EndpointSlice): FieldError[] {
  const ports = slice.ports ?? [];
  if (ports.length > MAX_PORTS) return [tooMany("ports", ports.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = index("ports", i);
    const name = p.name ?? "";
    if (name !== "") errs.push(...validateDNS1123Label(name, child(path, "name")));
    if (names.has(name)) errs.push(duplicate(child(path, "name"), name));
    else names.add(name);
    if (p.protocol === undefined) errs.push(required(child(path, "protocol")));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(child(path, "protocol"), p.protocol, PROTOCOLS));
    if (p.appProtocol !== undefined) errs.push(...isQualifiedName(p.appProtocol).map((m) => invalid(child(path, "appProtocol"), p.appProtocol!, m)));
  });
  return errs;
}

function validateSliceBody(slice: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  if (!slice.addressType) errs.push(required("addressType"));
  else if (!ADDRESS_TYPES.includes(slice.addressType)) errs.push(notSupported("addressType", slice.addressType, ADDRESS_TYPES));
  return [...errs, ...validateSliceEndpoints(slice), ...validateSlicePorts(slice)];
}

export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  return [...validateObjectMeta(slice.metadata, nameIsDNSSubdomain), ...validateSliceBody(slice)];
}

export function validateEndpointSliceUpdate(slice: EndpointSlice, old: EndpointSlice): FieldError[] {
  const errs = [...validateObjectMetaUpdate(slice.metadata, old.metadata), ...validateSliceBody(slice)];
  if (slice.addressType !== old.addressType) errs.push(invalid("addressType", slice.addressType ?? "", FIELD_IMMUTABLE_ERROR_MSG));
  return errs;
}

/**
 * SetDefaults_EndpointPort (discovery/v1): a port's name defaults to "" and
 * its protocol to TCP. An empty list is stored as none (null on the wire), as
 * the protobuf round trip through etcd leaves it.
 */
export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    if (p.name === undefined) p.name = "";
    if (p.protocol === undefined) p.protocol = "TCP";
  }
  if (slice.ports?.length === 0) delete slice.ports;
  if (slice.endpoints?.length === 0) delete slice.endpoints;
}
