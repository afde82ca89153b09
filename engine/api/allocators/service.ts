// A Service's cluster IPs and node ports, allocated as the 1.32 API server's
// service registry does it (pkg/registry/core/service: storage/alloc.go, the
// bitmap ipallocator and portallocator): after defaulting, before validation.
//
// Nothing is remembered between requests: what is taken is read from the
// Services in the store, so deleting a Service releases its IP and ports, and
// a restored snapshot needs no allocator state.
//
// The choice of a free value follows the real allocator's "random scan with
// offset": the first `offset` values of the range are kept for values users
// ask for (the `kubernetes` Service's 10.96.0.1, a DNS Service's 10.96.0.10),
// a new value is drawn at random from the rest and the scan moves forward to
// the first free one. The draw comes from the cluster's seeded Random, so the
// same seed and inputs give the same IPs and ports.
import type { Random } from "../../sim/random.ts";
import { ApiError, internalError } from "../errors.ts";
import type { Service, ServicePort } from "../types.ts";
import { goStringSlice } from "../validation/go-value.ts";
import { invalid, invalidStatus, type FieldError } from "../validation/field.ts";
import { validateClusterIPsRelatedFields } from "../validation/service.ts";

/** kubeadm's default --service-cluster-ip-range. */
export const SERVICE_CIDR = "10.96.0.0/12";
const CIDR_BASE = ipToNumber("10.96.0.0")!;
const CIDR_SIZE = 1 << 20;
/** Usable addresses: the network and broadcast addresses are never handed out. */
const IP_MAX = CIDR_SIZE - 2;
/** min(max(16, size/16), 256): the low block reserved for requested IPs. */
const IP_OFFSET = Math.min(Math.max(16, CIDR_SIZE / 16), 256);

/** The default --service-node-port-range. */
export const NODE_PORT_BASE = 30000;
export const NODE_PORT_SIZE = 2768;
export const NODE_PORT_RANGE = `${NODE_PORT_BASE}-${NODE_PORT_BASE + NODE_PORT_SIZE - 1}`;
/** min(max(16, size/32), 128): the low block reserved for requested ports. */
const PORT_OFFSET = Math.min(Math.max(16, Math.floor(NODE_PORT_SIZE / 32)), 128);

export interface ServiceAllocationContext {
  random: Random;
  dryRun: boolean;
  /** Every stored Service (all namespaces); the one being written is skipped by namespace/name. */
  services: readonly Service[];
}

export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) return undefined;
    n = n * 256 + part;
  }
  return n;
}

function numberToIP(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

export function needsClusterIP(svc: Service): boolean {
  return svc.spec?.type !== "ExternalName";
}

export function needsNodePort(svc: Service): boolean {
  return svc.spec?.type === "NodePort" || svc.spec?.type === "LoadBalancer";
}

function isHeadless(svc: Service): boolean {
  const ips = svc.spec?.clusterIPs;
  return ips !== undefined && ips.length === 1 && ips[0] === "None";
}

function nodePortsOf(svc: Service | undefined): number[] {
  const out: number[] = [];
  for (const p of svc?.spec?.ports ?? []) if (p.nodePort) out.push(p.nodePort);
  if (svc?.spec?.healthCheckNodePort) out.push(svc.spec.healthCheckNodePort);
  return out;
}

/** What the other Services hold. */
function taken(ctx: ServiceAllocationContext, self: Service): { ips: Set<number>; ports: Set<number> } {
  const ips = new Set<number>();
  const ports = new Set<number>();
  for (const s of ctx.services) {
    if (s.metadata.namespace === self.metadata.namespace && s.metadata.name === self.metadata.name) continue;
    for (const ip of s.spec?.clusterIPs ?? []) {
      const n = ipToNumber(ip);
      if (n !== undefined) ips.add(n);
    }
    for (const p of nodePortsOf(s)) ports.add(p);
  }
  return { ips, ports };
}

/** The random scan with offset: a random start in the upper block, then the lower block. */
function scanFree(random: Random, max: number, offset: number, isFree: (i: number) => boolean): number | undefined {
  const upper = max - offset;
  let start = random.int(upper);
  for (let i = 0; i < upper; i++) {
    const at = offset + ((start + i) % upper);
    if (isFree(at)) return at;
  }
  start = random.int(offset);
  for (let i = 0; i < offset; i++) {
    const at = (start + i) % offset;
    if (isFree(at)) return at;
  }
  return undefined;
}

function invalidService(svc: Service, errors: FieldError[]): ApiError {
  return new ApiError(invalidStatus("Service", "", svc.metadata.name ?? "", errors));
}

// ---------- normalisation before allocation (storage.go) ----------

/** normalizeClusterIPs: keep clusterIP and clusterIPs in step for clients that set only one. */
function normalizeClusterIPs(svc: Service, old: Service | undefined): void {
  const spec = svc.spec;
  if (!old) {
    if (spec.clusterIP && !(spec.clusterIPs?.length)) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  const oldSpec = old.spec;
  if ((oldSpec.clusterIPs?.length ?? 0) > 0 && !(spec.clusterIPs?.length) && oldSpec.clusterIP === spec.clusterIP) {
    spec.clusterIPs = oldSpec.clusterIPs;
  }
  if ((oldSpec.clusterIP ?? "") !== (spec.clusterIP ?? "")) {
    const same = sameStrings(oldSpec.clusterIPs, spec.clusterIPs);
    if (oldSpec.clusterIP && !spec.clusterIP) {
      if (same) delete spec.clusterIPs;
    } else if (same) {
      spec.clusterIPs = [spec.clusterIP ?? ""];
    }
  }
}

/** patchAllocatedValues: a re-applied manifest without clusterIP or nodePort keeps what was allocated. */
function patchAllocatedValues(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && old.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if (!(spec.clusterIPs?.length) && (old.spec.clusterIPs?.length ?? 0) > 0) spec.clusterIPs = old.spec.clusterIPs;
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const inNew = new Set((spec.ports ?? []).map((p) => p.nodePort).filter((n) => n));
    const used = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((n) => n && inNew.has(n)));
    const byName = new Map<string, number | undefined>();
    for (const p of old.spec.ports ?? []) byName.set(p.name ?? "", p.nodePort);
    spec.ports = (spec.ports ?? []).map((p) => {
      if (p.nodePort) return p;
      const prev = byName.get(p.name ?? "");
      return prev && !used.has(prev) ? { ...p, nodePort: prev } : p;
    });
  }
  if (needsHCNodePort(old) && needsHCNodePort(svc) && !spec.healthCheckNodePort && old.spec.healthCheckNodePort) {
    spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  }
}

function needsHCNodePort(svc: Service): boolean {
  return svc.spec?.type === "LoadBalancer" && svc.spec.externalTrafficPolicy === "Local";
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * initIPFamilyFields for this single-stack IPv4 cluster: the policy defaults to
 * SingleStack (RequireDualStack for a headless Service without selector), the
 * families to [IPv4]; a dual-stack request is refused as the real server does.
 */
function initIPFamilyFields(svc: Service, old: Service | undefined): void {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return;
  if (spec.ipFamilyPolicy === undefined) {
    if (old?.spec.ipFamilyPolicy !== undefined) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else if (spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0) spec.ipFamilyPolicy = "RequireDualStack";
    else spec.ipFamilyPolicy = "SingleStack";
  }
  // The real allocator's loose pre-validation: clusterIP and clusterIPs agree, known families and policy.
  const early = validateClusterIPsRelatedFields(svc);
  if (early.length > 0) throw invalidService(svc, early);
  const errs: FieldError[] = [];
  if (spec.ipFamilyPolicy === "SingleStack") {
    if (spec.clusterIPs?.length === 2) {
      errs.push(invalidPolicy(spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    }
    if (spec.ipFamilies?.length === 2) {
      errs.push(invalidPolicy(spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
    }
  }
  const families = [...(spec.ipFamilies ?? [])];
  for (const [i, ip] of (spec.clusterIPs ?? []).entries()) {
    if (ip === "None") break;
    if (i < families.length) continue;
    if (ip.includes(":")) errs.push(invalid(`spec.clusterIPs[${i}]`, goStringSlice(spec.clusterIPs), "IPv6 is not configured on this cluster"));
    else families.push("IPv4");
  }
  if (families.length > (spec.ipFamilies?.length ?? 0)) spec.ipFamilies = families;
  if (errs.length > 0) throw invalidService(svc, errs);

  if (spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0) {
    // Headless without selector: any families are allowed; fill the rest.
    if (!(spec.ipFamilies?.length)) spec.ipFamilies = ["IPv4"];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== "SingleStack") {
      spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === "IPv4" ? "IPv6" : "IPv4"];
    }
    return;
  }
  if (spec.ipFamilyPolicy === "RequireDualStack") {
    errs.push(invalidPolicy(spec.ipFamilyPolicy, "this cluster is not configured for dual-stack services"));
  }
  for (const [i, family] of (spec.ipFamilies ?? []).entries()) {
    if (family !== "IPv4") errs.push(invalid(`spec.ipFamilies[${i}]`, family, "not configured on this cluster"));
  }
  if (errs.length > 0) throw invalidService(svc, errs);
  if (!(spec.ipFamilies?.length)) spec.ipFamilies = ["IPv4"];
}

/** The value is a *IPFamilyPolicy, which the error prints dereferenced: `"SingleStack"`. */
function invalidPolicy(policy: string, detail: string): FieldError {
  return invalid("spec.ipFamilyPolicy", policy, detail);
}

// ---------- cluster IPs ----------

function allocateIP(svc: Service, requested: string, ctx: ServiceAllocationContext, used: Set<number>): string {
  if (requested === "") {
    if (ctx.dryRun) return numberToIP(CIDR_BASE); // the real dry run answers the range's network address
    const at = scanFree(ctx.random, IP_MAX, IP_OFFSET, (i) => !used.has(CIDR_BASE + 1 + i));
    if (at === undefined) throw internalError("failed to allocate a serviceIP: range is full");
    return numberToIP(CIDR_BASE + 1 + at);
  }
  const n = ipToNumber(requested);
  const offset = n === undefined ? -1 : n - CIDR_BASE - 1;
  let problem: string | undefined;
  if (offset < 0 || offset >= IP_MAX) {
    problem = `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  } else if (!ctx.dryRun && used.has(n!)) {
    problem = "provided IP is already allocated";
  }
  if (problem) {
    throw invalidService(svc, [invalid("spec.clusterIPs", goStringSlice(svc.spec.clusterIPs), `failed to allocate IP ${requested}: ${problem}`)]);
  }
  return requested;
}

function allocClusterIPs(svc: Service, ctx: ServiceAllocationContext, used: Set<number>): void {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return;
  if (spec.clusterIPs?.[0] === "None") return;
  // Only IPv4 is configured, so there is one family and one IP to settle.
  const requested = spec.clusterIPs?.[0] ?? "";
  const ip = allocateIP(svc, requested, ctx, used);
  spec.clusterIPs = [ip, ...(spec.clusterIPs ?? []).slice(1)];
  spec.clusterIP = ip;
}

// ---------- node ports ----------

class PortOperation {
  readonly allocated: number[] = [];
  constructor(
    private readonly svc: Service,
    private readonly ctx: ServiceAllocationContext,
    private readonly used: Set<number>,
  ) {}

  /** Reserve a requested port; the message is the allocator's error text. */
  allocate(port: number): string | undefined {
    if (this.ctx.dryRun) {
      // A dry run checks only what is held, not the range.
      if (this.used.has(port) || this.allocated.includes(port)) return "provided port is already allocated";
      this.allocated.push(port);
      return undefined;
    }
    if (port < NODE_PORT_BASE || port >= NODE_PORT_BASE + NODE_PORT_SIZE) {
      return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE}`;
    }
    if (this.used.has(port) || this.allocated.includes(port)) return "provided port is already allocated";
    this.allocated.push(port);
    return undefined;
  }

  next(): number {
    if (this.ctx.dryRun) {
      // The real dry run invents a placeholder past the range: 32769, 32770, ...
      const last = this.allocated.length === 0 ? 32768 : Math.max(...this.allocated);
      this.allocated.push(last + 1);
      return last + 1;
    }
    const at = scanFree(this.ctx.random, NODE_PORT_SIZE, PORT_OFFSET, (i) => {
      const p = NODE_PORT_BASE + i;
      return !this.used.has(p) && !this.allocated.includes(p);
    });
    if (at === undefined) throw internalError("failed to allocate a nodePort: range is full");
    this.allocated.push(NODE_PORT_BASE + at);
    return NODE_PORT_BASE + at;
  }

  refuse(i: number, port: number, message: string): ApiError {
    return invalidService(this.svc, [invalid(`spec.ports[${i}].nodePort`, port, message)]);
  }
}

/** Whether ports without a nodePort get one (a LoadBalancer may opt out). */
function shouldAllocateNodePorts(svc: Service): boolean {
  if (svc.spec.type === "NodePort") return true;
  if (svc.spec.type === "LoadBalancer") return svc.spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

/** initNodePorts: ports that share a port number share one node port. */
function initNodePorts(svc: Service, op: PortOperation): void {
  const byPort = new Map<number, number>();
  const ports = (svc.spec.ports ?? []).map((p) => ({ ...p }));
  svc.spec.ports = ports;
  for (const [i, sp] of ports.entries()) {
    if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
    const already = byPort.get(sp.port);
    if (already === undefined) {
      const requested = ports.slice(i).find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
      if (requested) {
        const err = op.allocate(requested);
        if (err) throw op.refuse(i, requested, err);
        sp.nodePort = requested;
      } else {
        sp.nodePort = op.next();
      }
      byPort.set(sp.port, sp.nodePort);
    } else if (sp.nodePort !== already) {
      if (!sp.nodePort) sp.nodePort = already;
      else {
        const err = op.allocate(sp.nodePort);
        if (err) throw op.refuse(i, sp.nodePort, err);
      }
    }
  }
}

/** updateNodePorts: keep the ports the Service already held, allocate the new ones. */
function updateNodePorts(svc: Service, old: Service, op: PortOperation): void {
  const held = new Set(nodePortsOf(old));
  const done = new Set<number>();
  const ports = (svc.spec.ports ?? []).map((p) => ({ ...p }));
  svc.spec.ports = ports;
  for (const [i, sp] of ports.entries()) {
    if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
    if (sp.nodePort) {
      if (!held.has(sp.nodePort) && !done.has(sp.nodePort)) {
        const err = op.allocate(sp.nodePort);
        if (err) throw op.refuse(i, sp.nodePort, err);
        done.add(sp.nodePort);
      }
    } else {
      sp.nodePort = op.next();
    }
  }
}

function allocHealthCheckNodePort(svc: Service, op: PortOperation): void {
  const requested = svc.spec.healthCheckNodePort;
  if (requested) {
    const err = op.allocate(requested);
    if (err) throw internalError(`failed to allocate requested HealthCheck NodePort ${requested}: ${err}`);
  } else {
    svc.spec.healthCheckNodePort = op.next();
  }
}

// ---------- entry points ----------

/** BeginCreate: IP families, cluster IPs, node ports. Throws the API error a real server answers. */
export function allocateServiceCreate(svc: Service, ctx: ServiceAllocationContext): void {
  svc.spec ??= {};
  normalizeClusterIPs(svc, undefined);
  initIPFamilyFields(svc, undefined);
  const { ips, ports } = taken(ctx, svc);
  allocClusterIPs(svc, ctx, ips);
  const op = new PortOperation(svc, ctx, ports);
  if (needsNodePort(svc)) initNodePorts(svc, op);
  if (needsHCNodePort(svc)) allocHealthCheckNodePort(svc, op);
}

/** BeginUpdate and the strategy's PrepareForUpdate: keep, allocate or drop what the new type needs. */
export function allocateServiceUpdate(svc: Service, old: Service, ctx: ServiceAllocationContext): void {
  svc.spec ??= {};
  patchAllocatedValues(svc, old);
  normalizeClusterIPs(svc, old);
  initIPFamilyFields(svc, old);
  const { ips, ports } = taken(ctx, svc);
  if (old.spec.type === "ExternalName" && svc.spec.type !== "ExternalName") allocClusterIPs(svc, ctx, ips);
  const op = new PortOperation(svc, ctx, ports);
  if (needsNodePort(svc)) updateNodePorts(svc, old, op);
  if (needsHCNodePort(svc) && !needsHCNodePort(old)) allocHealthCheckNodePort(svc, op);
  dropTypeDependentFields(svc, old);
}

/** The strategy's dropTypeDependentFields: what a type change leaves behind, unless the user changed it too. */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (old.spec.clusterIP === spec.clusterIP && sameStrings(old.spec.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameStrings(old.spec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (old.spec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    const oldPorts = new Set(nodePortsOf({ ...old, spec: { ...old.spec, healthCheckNodePort: undefined } }));
    const newPorts = (spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n);
    if (newPorts.every((n) => oldPorts.has(n))) {
      spec.ports = (spec.ports ?? []).map((p: ServicePort) => {
        const { nodePort: _dropped, ...rest } = p;
        return rest;
      });
    }
  }
  if (needsHCNodePort(old) && !needsHCNodePort(svc) && old.spec.healthCheckNodePort === spec.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  if (old.spec.type === "LoadBalancer" && spec.type !== "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (spec.loadBalancerClass === old.spec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(svc) && old.spec.externalTrafficPolicy === spec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== "LoadBalancer") svc.status = { ...svc.status, loadBalancer: {} };
}

export function externallyAccessible(svc: Service): boolean {
  const t = svc.spec?.type;
  return t === "LoadBalancer" || t === "NodePort" || (t === "ClusterIP" && (svc.spec.externalIPs?.length ?? 0) > 0);
}
