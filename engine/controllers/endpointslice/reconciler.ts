// The EndpointSlice reconciler (k8s.io/endpointslice reconciler.go, 1.32):
// given a Service, the pods it selects and its current slices, create,
// update and delete slices so that every ready, not-ready and terminating
// pod with an IP is one endpoint, at most maxEndpointsPerSlice to a slice,
// changing as few slices as it can. Go walks its endpoint sets in random
// order; here they keep the pods' order, so the result is deterministic.
import { isNotFound } from "../../api/errors.ts";
import type { ApiServer } from "../../api/server.ts";
import type { DiscoveryEndpoint, DiscoveryEndpointPort, EndpointSlice, Node, ObjectMeta, Pod, Service } from "../../api/types.ts";
import { deepEqual } from "../../util/json.ts";
import { rfc3339 } from "../../util/time.ts";
import { shouldPodBeInEndpoints } from "../endpointutil/pod.ts";
import { LAST_CHANGE_TRIGGER_TIME } from "../endpointutil/trigger-time.ts";
import {
  type AddressType,
  addressTypesForService,
  endpointKey,
  endpointPorts,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  sliceLabels,
} from "./utils.ts";

/** The controller's default --max-endpoints-per-slice. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

interface Plan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

export class Reconciler {
  constructor(
    private readonly api: ApiServer,
    private readonly maxEndpointsPerSlice = MAX_ENDPOINTS_PER_SLICE,
  ) {}

  /** Reconcile; returns the problems met (pods skipped), after doing what could be done. */
  reconcile(svc: Service, pods: readonly Pod[], existing: readonly EndpointSlice[], triggerTime: number | undefined): string[] {
    const errors: string[] = [];
    const types = addressTypesForService(svc);
    const unsupported: EndpointSlice[] = [];
    const byType = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      if (!types.includes(slice.addressType as AddressType)) unsupported.push(slice);
      else {
        const list = byType.get(slice.addressType);
        if (list) list.push(slice);
        else byType.set(slice.addressType, [slice]);
      }
    }
    for (const t of types) this.reconcileByAddressType(svc, pods, byType.get(t) ?? [], triggerTime, t, errors);
    for (const slice of unsupported) this.deleteSlice(slice);
    return errors;
  }

  private reconcileByAddressType(
    svc: Service,
    pods: readonly Pod[],
    existing: readonly EndpointSlice[],
    triggerTime: number | undefined,
    addressType: AddressType,
    errors: string[],
  ): void {
    const plan: Plan = { create: [], update: [], delete: [] };
    const existingByPorts = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      if (!ownedBy(slice, svc)) {
        plan.delete.push(slice);
        continue;
      }
      const key = portMapKey(slice.ports);
      const list = existingByPorts.get(key);
      if (list) list.push(slice);
      else existingByPorts.set(key, [slice]);
    }

    const desiredPorts = new Map<string, DiscoveryEndpointPort[]>();
    const desired = new Map<string, Map<string, DiscoveryEndpoint>>();
    // Numeric target ports are the same for every pod: worked out once.
    const numeric = (svc.spec.ports ?? []).every((p) => typeof (p.targetPort ?? p.port) === "number");
    const fixedPorts = numeric && pods.length > 0 ? endpointPorts(svc, pods[0]!) : undefined;
    const fixedKey = fixedPorts && portMapKey(fixedPorts);
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const ports = fixedPorts ?? endpointPorts(svc, pod);
      const key = fixedKey ?? portMapKey(ports);
      let set = desired.get(key);
      if (!set) {
        desired.set(key, (set = new Map()));
        desiredPorts.set(key, ports);
      }
      const node = pod.spec.nodeName ? (this.api.find("nodes", undefined, pod.spec.nodeName) as Node | undefined) : undefined;
      if (!node && !svc.spec.publishNotReadyAddresses) {
        errors.push(`skipping Pod ${pod.metadata.name} for Service ${svc.metadata.namespace}/${svc.metadata.name}: Node ${pod.spec.nodeName ?? ""} Not Found`);
        continue;
      }
      const ep = podToEndpoint(pod, node, svc, addressType);
      if (ep.addresses.length > 0) set.set(endpointKey(ep), ep);
    }

    for (const [key, set] of desired) {
      const part = this.reconcileByPortMapping(svc, existingByPorts.get(key) ?? [], set, desiredPorts.get(key)!, addressType);
      plan.create.push(...part.create);
      plan.update.push(...part.update);
      plan.delete.push(...part.delete);
    }
    // Slices of a set of ports no pod has any more go.
    for (const [key, slices] of existingByPorts) if (!desired.has(key)) plan.delete.push(...slices);

    // A Service with no endpoints keeps one empty placeholder slice.
    if (existing.length === plan.delete.length && plan.create.length < 1) {
      const placeholder = newEndpointSlice(svc, [], addressType);
      if (plan.delete.length === 1 && samePlaceholder(plan.delete[0]!, placeholder)) plan.delete = [];
      else plan.create.push(placeholder);
    }
    this.finalize(svc, plan, triggerTime);
  }

  /**
   * The slices of one set of ports: (1) drop endpoints no longer desired and
   * refresh changed ones, (2) top up the slices being updated anyway, fullest
   * first, (3) put what is left into the unchanged slice it fits best, or new slices.
   */
  private reconcileByPortMapping(
    svc: Service,
    existing: readonly EndpointSlice[],
    desired: Map<string, DiscoveryEndpoint>,
    ports: DiscoveryEndpointPort[],
    addressType: AddressType,
  ): Plan {
    const max = this.maxEndpointsPerSlice;
    const byName = new Map<string, EndpointSlice>();
    const unchanged = new Set<string>();
    const toUpdate = new Set<string>();
    const toDelete = new Set<string>();

    for (const slice of existing) {
      const name = slice.metadata.name!;
      byName.set(name, slice);
      const kept: DiscoveryEndpoint[] = [];
      let changed = false;
      for (const ep of slice.endpoints ?? []) {
        const key = endpointKey(ep);
        const want = desired.get(key);
        if (!want) continue;
        // An endpoint that did not change stays the stored object: the server
        // then keeps it as it was (and need not check it again).
        if (equalBeyondHash(want, ep)) kept.push(ep);
        else {
          kept.push(want);
          changed = true;
        }
        desired.delete(key);
      }
      const [labels, labelsChanged] = sliceLabels(slice, svc);
      if (changed || (slice.endpoints?.length ?? 0) !== kept.length) {
        if (kept.length === 0) toDelete.add(name);
        else {
          byName.set(name, { ...slice, metadata: { ...slice.metadata, labels }, endpoints: kept });
          toUpdate.add(name);
        }
      } else if (labelsChanged) {
        byName.set(name, { ...slice, metadata: { ...slice.metadata, labels }, endpoints: [...(slice.endpoints ?? [])] });
        toUpdate.add(name);
      } else {
        unchanged.add(name);
      }
    }

    const take = (): DiscoveryEndpoint => {
      const [key, ep] = desired.entries().next().value as [string, DiscoveryEndpoint];
      desired.delete(key);
      return ep;
    };

    if (desired.size > 0 && toUpdate.size > 0) {
      // Fullest first (a stable sort keeps equal ones in order).
      const slices = [...toUpdate].map((n) => byName.get(n)!).sort((a, b) => b.endpoints!.length - a.endpoints!.length);
      for (const slice of slices) while (desired.size > 0 && slice.endpoints!.length < max) slice.endpoints!.push(take());
    }

    const create: EndpointSlice[] = [];
    while (desired.size > 0) {
      let fill: EndpointSlice | undefined;
      if (desired.size < max && unchanged.size > 0) fill = sliceToFill([...unchanged].map((n) => byName.get(n)!), desired.size, max);
      if (!fill) fill = newEndpointSlice(svc, ports, addressType);
      else {
        fill = { ...fill, metadata: { ...fill.metadata }, endpoints: [...(fill.endpoints ?? [])] };
        byName.set(fill.metadata.name!, fill);
      }
      while (desired.size > 0 && fill.endpoints!.length < max) fill.endpoints!.push(take());
      if (fill.metadata.name) {
        toUpdate.add(fill.metadata.name);
        unchanged.delete(fill.metadata.name);
      } else {
        create.push(fill);
      }
    }
    return { create, update: [...toUpdate].map((n) => byName.get(n)!), delete: [...toDelete].map((n) => byName.get(n)!) };
  }

  /** finalize: creates become updates of slices that would be deleted; then create, update, delete. */
  private finalize(svc: Service, plan: Plan, triggerTime: number | undefined): void {
    const { create, update } = plan;
    const del = plan.delete;
    for (let i = 0; i < del.length && create.length > 0; ) {
      const old = del[i]!;
      const slice = create[create.length - 1]!;
      if (old.addressType === slice.addressType && ownedBy(old, svc)) {
        slice.metadata.name = old.metadata.name;
        // An unconditional update (AllowUnconditionalUpdate): the server takes the stored version.
        slice.metadata.resourceVersion = old.metadata.resourceVersion;
        create.pop();
        update.push(slice);
        del.splice(i, 1);
      } else {
        i++;
      }
    }
    const namespace = svc.metadata.namespace;
    // No new slices for a Service on its way out (the garbage collector is deleting them).
    if (!svc.metadata.deletionTimestamp) {
      for (const slice of create) {
        try {
          this.api.create("endpointslices", withTriggerTime(slice, triggerTime), { namespace });
        } catch (err) {
          // A namespace on its way out refuses new objects: nothing more to do here.
          if (err instanceof Error && err.message.includes("because it is being terminated")) return;
          throw err;
        }
      }
    }
    for (const slice of update) this.api.update("endpointslices", withTriggerTime(slice, triggerTime));
    for (const slice of del) this.deleteSlice(slice);
  }

  private deleteSlice(slice: EndpointSlice): void {
    try {
      this.api.delete("endpointslices", slice.metadata.namespace, slice.metadata.name!);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

/** addTriggerTimeAnnotation: set, or cleared when there is no new trigger time. */
function withTriggerTime(slice: EndpointSlice, triggerTime: number | undefined): EndpointSlice {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = rfc3339(triggerTime);
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const metadata: ObjectMeta = { ...slice.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return { ...slice, metadata };
}

/** getSliceToFill: the unchanged slice the remaining endpoints fill most closely, if any fits them all. */
function sliceToFill(slices: readonly EndpointSlice[], count: number, max: number): EndpointSlice | undefined {
  let closestDiff = max;
  let closest: EndpointSlice | undefined;
  for (const slice of slices) {
    const diff = max - (count + (slice.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

/** EndpointsEqualBeyondHash: same node, zone, conditions, hints and target. */
function equalBeyondHash(a: DiscoveryEndpoint, b: DiscoveryEndpoint): boolean {
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.conditions?.ready === b.conditions?.ready &&
    a.conditions?.serving === b.conditions?.serving &&
    a.conditions?.terminating === b.conditions?.terminating &&
    deepEqual(a.hints, b.hints) &&
    deepEqual(a.targetRef, b.targetRef)
  );
}

/** placeholderSliceCompare: same namespace, labels, address type, and no endpoints or ports. */
function samePlaceholder(a: EndpointSlice, b: EndpointSlice): boolean {
  const la = a.metadata.labels ?? {};
  const lb = b.metadata.labels ?? {};
  return (
    a.metadata.namespace === b.metadata.namespace &&
    Object.keys(la).length === Object.keys(lb).length &&
    Object.keys(la).every((k) => la[k] === lb[k]) &&
    a.addressType === b.addressType &&
    !a.endpoints?.length &&
    !b.endpoints?.length &&
    !a.ports?.length &&
    !b.ports?.length
  );
}
