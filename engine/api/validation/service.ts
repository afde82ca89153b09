// Service validation (core ValidateService / ValidateServiceUpdate and
// ValidateServiceClusterIPsRelatedFields, 1.32), in the order the real
// function reports errors. Allocation errors (a taken IP or node port) come
// earlier, from allocators/service.ts.
import type { Service, ServicePort } from "../types.ts";
import { child, duplicate, forbidden, index, invalid, notSupported, required, type FieldError } from "./field.ts";
import { goQuote, goRaw, goStringSlice, type GoValue } from "./go-value.ts";
import { isDNS1123Subdomain, isQualifiedName, nameIsDNS1035Label } from "./names.ts";
import { validateDNS1123Label, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import { validatePortNumOrName } from "./probes.ts";
import { isValidPortNum } from "./names.ts";

// sets.List order: sorted.
const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const SESSION_AFFINITIES = ["ClientIP", "None"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const TRAFFIC_POLICIES = ["Cluster", "Local"];
const IP_FAMILIES = ["IPv4", "IPv6"];
const IP_FAMILY_POLICIES = ["PreferDualStack", "RequireDualStack", "SingleStack"];
/** core.MaxClientIPServiceAffinitySeconds: one day. */
const MAX_CLIENT_IP_TIMEOUT = 86400;
const IP_EXAMPLE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const CIDR_EXAMPLE = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

const TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";
const TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
const LB_SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";

function isHeadless(svc: Service): boolean {
  const ips = svc.spec.clusterIPs;
  return ips !== undefined && ips.length === 1 && ips[0] === "None";
}

function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return t === "LoadBalancer" || t === "NodePort" || (t === "ClusterIP" && (svc.spec.externalIPs?.length ?? 0) > 0);
}

function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === "LoadBalancer" && svc.spec.externalTrafficPolicy === "Local";
}

// ---------- IP addresses (netutils.ParseIPSloppy: IPv4 parts may have leading zeros) ----------

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    out.push(Number(p));
  }
  return out;
}

function isIPv6(s: string): boolean {
  if (!s.includes(":") || s.includes(":::")) return false;
  let rest = s;
  let groups = 0;
  const lastColon = rest.lastIndexOf(":");
  const tail = rest.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!parseIPv4(tail)) return false;
    rest = rest.slice(0, lastColon + 1) + "0:0";
  }
  const halves = rest.split("::");
  if (halves.length > 2) return false;
  for (const half of halves) {
    if (half === "") continue;
    for (const g of half.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
      groups++;
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}

export function isIP(s: string): boolean {
  return parseIPv4(s) !== undefined || isIPv6(s);
}

function isCIDR(s: string): boolean {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (parseIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

/** ValidateNonSpecialIP: addresses a Service may not send traffic to. */
function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const v4 = parseIPv4(ip);
  const lower = ip.toLowerCase();
  if ((v4 && v4.every((b) => b === 0)) || /^[0:]+$/.test(lower)) return [invalid(path, ip, "may not be unspecified (0.0.0.0, ::)")];
  if ((v4 && v4[0] === 127) || lower === "::1") return [invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)")];
  if ((v4 && v4[0] === 169 && v4[1] === 254) || /^fe[89ab]/.test(lower)) {
    return [invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)")];
  }
  if ((v4 && v4[0] === 224 && v4[1] === 0 && v4[2] === 0) || lower.startsWith("ff02:")) {
    return [invalid(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")];
  }
  return [];
}

// ---------- pieces ----------

/** A `(protocol, port)` key as %#v prints a core.ServicePort holding only those two. */
function goPortKey(p: ServicePort): string {
  return (
    `core.ServicePort{Name:"", Protocol:${goQuote(p.protocol ?? "")}, AppProtocol:(*string)(nil), Port:${p.port ?? 0}, ` +
    `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
  );
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = sp.name ?? "";
  if (requireName && name === "") {
    errs.push(required(child(path, "name")));
  } else if (name !== "") {
    errs.push(...validateDNS1123Label(name, child(path, "name")));
    if (names.has(name)) errs.push(duplicate(child(path, "name"), name));
    else names.add(name);
  }
  const port = sp.port ?? 0;
  for (const m of isValidPortNum(port)) errs.push(invalid(child(path, "port"), port, m));
  if (!sp.protocol) errs.push(required(child(path, "protocol")));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(child(path, "protocol"), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, child(path, "targetPort")));
  if (sp.appProtocol !== undefined) {
    for (const m of isQualifiedName(sp.appProtocol)) errs.push(invalid(child(path, "appProtocol"), sp.appProtocol, m));
  }
  return errs;
}

function validateClientIPAffinityConfig(svc: Service, path: string): FieldError[] {
  const why = "when session affinity type is ClientIP";
  const config = svc.spec.sessionAffinityConfig;
  if (!config) return [required(path, why)];
  if (!config.clientIP) return [required(child(path, "clientIP"), why)];
  const timeout = config.clientIP.timeoutSeconds;
  const tpath = child(path, "clientIP", "timeoutSeconds");
  if (timeout === undefined) return [required(tpath, why)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_TIMEOUT) {
    return [invalid(tpath, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_TIMEOUT}`)];
  }
  return [];
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs agree, families and policy are known values. */
export function validateClusterIPsRelatedFields(svc: Service): FieldError[] {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs;
  const ipsValue = goStringSlice(ips);
  if (spec.clusterIP) {
    if (!ips?.length) errs.push(required("spec.clusterIPs"));
    else if (ips[0] !== spec.clusterIP) errs.push(invalid("spec.clusterIPs", ipsValue, "first value must match `clusterIP`"));
  } else if (ips?.length) {
    errs.push(invalid("spec.clusterIPs", ipsValue, "must be empty when `clusterIP` is not specified"));
  }
  const seen = new Set<string>();
  for (const [i, family] of (spec.ipFamilies ?? []).entries()) {
    if (!IP_FAMILIES.includes(family)) errs.push(notSupported(index("spec.ipFamilies", i), family, IP_FAMILIES));
    if (seen.has(family)) errs.push(duplicate(index("spec.ipFamilies", i), family));
    seen.add(family);
  }
  if (spec.ipFamilyPolicy !== undefined && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported("spec.ipFamilyPolicy", spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  let badIPs = false;
  for (const [i, ip] of (ips ?? []).entries()) {
    if (i === 0 && ip === "None") {
      if (ips!.length > 1) {
        badIPs = true;
        errs.push(invalid("spec.clusterIPs", ipsValue, "'None' must be the first and only value"));
      }
      continue;
    }
    if (!isIP(ip)) {
      badIPs = true;
      errs.push(invalid(index("spec.clusterIPs", i), ip, IP_EXAMPLE));
    }
  }
  if ((ips?.length ?? 0) > 2) errs.push(invalid("spec.clusterIPs", ipsValue, "may only hold up to 2 values"));
  if (badIPs) return errs;
  if (ips && ips.length > 1 && isIPv6(ips[0]!) === isIPv6(ips[1]!)) {
    errs.push(invalid("spec.clusterIPs", ipsValue, "may specify no more than one IP for each IP family"));
  }
  if (!isHeadless(svc) && ips?.length && spec.ipFamilies?.length) {
    for (const [i, ip] of ips.entries()) {
      const family = spec.ipFamilies[i];
      if (family === undefined) break;
      if (family === "IPv4" && isIPv6(ip)) errs.push(invalid(index("spec.clusterIPs", i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (family === "IPv6" && !isIPv6(ip)) errs.push(invalid(index("spec.clusterIPs", i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    }
  }
  return errs;
}

function validateLoadBalancerClass(svc: Service, old: Service | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const cls = svc.spec.loadBalancerClass;
  if (old && old.spec.type === "LoadBalancer" && svc.spec.type === "LoadBalancer" && old.spec.loadBalancerClass !== cls) {
    errs.push(invalid("spec.loadBalancerClass", cls ?? null, "may not change once set"));
  }
  if (svc.spec.type === "LoadBalancer") {
    if (cls !== undefined) for (const m of isQualifiedName(cls)) errs.push(invalid("spec.loadBalancerClass", cls, m));
  } else if (cls !== undefined) {
    errs.push(forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateTrafficPolicies(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec;
  if (!externallyAccessible(svc)) {
    if (spec.externalTrafficPolicy) {
      errs.push(invalid("spec.externalTrafficPolicy", spec.externalTrafficPolicy, "may only be set for externally-accessible services"));
    }
  } else if (!spec.externalTrafficPolicy) {
    errs.push(required("spec.externalTrafficPolicy"));
  } else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(svc)) {
    if (hc !== 0) {
      errs.push(invalid("spec.healthCheckNodePort", hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (hc === 0) {
    errs.push(required("spec.healthCheckNodePort"));
  } else {
    for (const m of isValidPortNum(hc)) errs.push(invalid("spec.healthCheckNodePort", hc, m));
  }
  const t = spec.type;
  if (spec.internalTrafficPolicy === undefined) {
    if (t === "NodePort" || t === "LoadBalancer" || t === "ClusterIP") errs.push(required("spec.internalTrafficPolicy"));
  } else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== "PreferClose") {
    errs.push(notSupported("spec.trafficDistribution", spec.trafficDistribution, ["PreferClose"]));
  }
  return errs;
}

// ---------- ValidateService ----------

export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, nameIsDNS1035Label);
  return [...errs, ...validateServiceBody(svc)];
}

function validateServiceBody(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const annotations = svc.metadata.annotations ?? {};
  const hints = annotations[TOPOLOGY_HINTS];
  const mode = annotations[TOPOLOGY_MODE];
  if (hints !== undefined && mode !== undefined && hints !== mode) {
    errs.push(invalid(`metadata.annotations[${TOPOLOGY_MODE}]`, mode, `must match annotations[${TOPOLOGY_HINTS}] when both are specified`));
  }
  const ports = spec.ports ?? [];
  const headless = isHeadless(svc);
  if (ports.length === 0 && !headless && spec.type !== "ExternalName") errs.push(required("spec.ports"));
  if (spec.type === "LoadBalancer" && headless) {
    errs.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"));
  } else if (spec.type === "NodePort" && headless) {
    errs.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
  } else if (spec.type === "ExternalName") {
    if (spec.clusterIPs?.length) errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    if (spec.ipFamilies?.length) errs.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
    if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
    const cname = (spec.externalName ?? "").replace(/\.$/, "");
    if (cname.length > 0) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid("spec.externalName", cname, m));
    else errs.push(required("spec.externalName"));
  }

  const names = new Set<string>();
  for (const [i, p] of ports.entries()) errs.push(...validateServicePort(p, ports.length > 1, names, index("spec.ports", i)));
  if (spec.selector) errs.push(...validateLabels(spec.selector, "spec.selector"));

  if (!spec.sessionAffinity) errs.push(required("spec.sessionAffinity"));
  else if (!SESSION_AFFINITIES.includes(spec.sessionAffinity)) errs.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, SESSION_AFFINITIES));
  if (spec.sessionAffinity === "ClientIP") errs.push(...validateClientIPAffinityConfig(svc, "spec.sessionAffinityConfig"));
  else if (spec.sessionAffinity === "None" && spec.sessionAffinityConfig) {
    errs.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }

  errs.push(...validateClusterIPsRelatedFields(svc));

  for (const [i, ip] of (spec.externalIPs ?? []).entries()) {
    const path = index("spec.externalIPs", i);
    if (!isIP(ip)) errs.push(invalid(path, ip, IP_EXAMPLE));
    else errs.push(...validateNonSpecialIP(ip, path));
  }

  if (!spec.type) errs.push(required("spec.type"));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported("spec.type", spec.type, SERVICE_TYPES));

  if (spec.type === "ClusterIP") {
    for (const [i, p] of ports.entries()) {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    }
  }
  const nodePorts = new Set<string>();
  for (const [i, p] of ports.entries()) {
    if (!p.nodePort) continue;
    const k = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(k);
  }
  const seenPorts = new Set<string>();
  for (const [i, p] of ports.entries()) {
    const k = `${p.protocol}/${p.port}`;
    if (seenPorts.has(k)) errs.push(duplicate(index("spec.ports", i), goRaw(goPortKey(p))));
    seenPorts.add(k);
  }

  if ((spec.loadBalancerSourceRanges?.length ?? 0) > 0) {
    // The field path is spelled with a capital L in the real server.
    const path = "spec.LoadBalancerSourceRanges";
    if (spec.type !== "LoadBalancer") errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    for (const [i, v] of spec.loadBalancerSourceRanges!.entries()) {
      const value = v.trim();
      if (!isCIDR(value)) errs.push(invalid(index(path, i), value, CIDR_EXAMPLE));
    }
  } else if (annotations[LB_SOURCE_RANGES] !== undefined) {
    const path = `metadata.annotations[${LB_SOURCE_RANGES}]`;
    if (spec.type !== "LoadBalancer") errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    const val = annotations[LB_SOURCE_RANGES]!.trim();
    if (val !== "") for (const c of val.split(",")) if (!isCIDR(c.trim())) errs.push(invalid(path, c.trim(), CIDR_EXAMPLE));
  }

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== "LoadBalancer") {
    errs.push(forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required("allocateLoadBalancerNodePorts"));
  errs.push(...validateLoadBalancerClass(svc, undefined));
  errs.push(...validateTrafficPolicies(svc));
  return errs;
}

// ---------- ValidateServiceUpdate ----------

function validateUpgradeDowngradeClusterIPs(old: Service, svc: Service): FieldError[] {
  if (svc.spec.type === "ExternalName" || old.spec.type === "ExternalName") return [];
  if (isHeadless(old) && isHeadless(svc)) return [];
  const errs: FieldError[] = [];
  const before = old.spec.clusterIPs ?? [];
  const after = svc.spec.clusterIPs ?? [];
  const value = goStringSlice(svc.spec.clusterIPs);
  if (before.length === after.length) {
    for (const [i, ip] of before.entries()) {
      if (ip !== after[i]) errs.push(invalid(index("spec.clusterIPs", i), value, "may not change once set"));
    }
  } else if (before.length > after.length) {
    if (after.length === 0) errs.push(invalid("spec.clusterIPs[0]", value, "primary clusterIP can not be unset"));
    if (before.length > 0 && after.length > 0 && after[0] !== before[0]) errs.push(invalid("spec.clusterIPs[0]", value, "may not change once set"));
    if (after.length === 1 && svc.spec.ipFamilyPolicy !== "SingleStack") {
      errs.push(invalid("spec.ipFamilyPolicy", svc.spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (before.length > 0 && after[0] !== before[0]) {
    errs.push(invalid("spec.clusterIPs[0]", value, "may not change once set"));
  }
  return errs;
}

/** A []core.IPFamily in %#v form. */
function goFamilies(families: readonly string[] | undefined): GoValue {
  return goRaw(families === undefined ? "[]core.IPFamily(nil)" : `[]core.IPFamily{${families.map(goQuote).join(", ")}}`);
}

function validateUpgradeDowngradeIPFamilies(old: Service, svc: Service): FieldError[] {
  if (svc.spec.type === "ExternalName" || old.spec.type === "ExternalName") return [];
  if (isHeadless(old) !== isHeadless(svc) || isHeadless(svc)) return [];
  const errs: FieldError[] = [];
  const before = old.spec.ipFamilies ?? [];
  const after = svc.spec.ipFamilies ?? [];
  if (before.length === after.length) {
    for (const [i, f] of before.entries()) {
      if (f !== after[i]) errs.push(invalid("spec.ipFamilies[0]", goFamilies(svc.spec.ipFamilies), "may not change once set"));
    }
  } else if (before.length > after.length) {
    if ((svc.spec.clusterIPs?.length ?? 0) === 0) {
      errs.push(invalid("spec.ipFamilies[0]", goFamilies(svc.spec.ipFamilies), "primary ipFamily can not be unset"));
    }
    if (after.length > 0 && after[0] !== before[0]) errs.push(invalid("spec.ipFamilies[0]", goStringSlice(svc.spec.clusterIPs), "may not change once set"));
    if (after.length === 1 && svc.spec.ipFamilyPolicy !== "SingleStack") {
      errs.push(invalid("spec.ipFamilyPolicy", svc.spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (before.length > 0 && after.length > 0 && after[0] !== before[0]) {
    errs.push(invalid("spec.ipFamilies[0]", goStringSlice(svc.spec.clusterIPs), "may not change once set"));
  }
  return errs;
}

export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  errs.push(...validateUpgradeDowngradeClusterIPs(old, svc));
  errs.push(...validateUpgradeDowngradeIPFamilies(old, svc));
  // validateLoadBalancerClassField(old, new) runs here and again (with no old) inside ValidateService.
  errs.push(...validateLoadBalancerClass(svc, old));
  if (needsHealthCheck(old) && needsHealthCheck(svc) && svc.spec.healthCheckNodePort !== old.spec.healthCheckNodePort) {
    errs.push(forbidden("spec.healthCheckNodePort", "field is immutable"));
  }
  return [...errs, ...validateService(svc)];
}
