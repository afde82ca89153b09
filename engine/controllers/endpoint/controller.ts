// The Endpoints controller (pkg/controller/endpoint, 1.32): for every Service
// with a selector, an Endpoints object of the same name listing the ready
// and not-ready addresses of the pods it selects (terminating pods left
// out), deleted with the Service.
import { ApiError, isNotFound } from "../../api/errors.ts";
import type { EndpointPort, EndpointSubset, Endpoints, Pod, Service } from "../../api/types.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";
import { deepEqual } from "../../util/json.ts";
import { rfc3339 } from "../../util/time.ts";
import { findPort, isServiceIPSet, shouldPodBeInEndpoints, shouldSetHostname } from "../endpointutil/pod.ts";
import { watchServicePods } from "../endpointutil/service-pods.ts";
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker } from "../endpointutil/trigger-time.ts";
import { LABEL_HEADLESS } from "../endpointslice/utils.ts";
import { addEndpointSubset, MAX_CAPACITY, mergeUniform, podToEndpointAddress, repackSubsets, truncateSubsets } from "./subsets.ts";

const COMPONENT = "endpoints";
const SOURCE = { component: "endpoint-controller" };
const OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
const MAX_RETRIES = 15;

export function startEndpointsController(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  const tracker = new TriggerTimeTracker();
  const retries = new Map<string, number>();
  const enqueue = (ns: string, name: string) => clock.schedule(COMPONENT, `${ns}/${name}`, REACTION_MS.endpoints);
  const index = watchServicePods(api, enqueue);


  clock.on(COMPONENT, (key) => {
    try {
      syncService(key);
      retries.delete(key);
    } catch (err) {
      const n = retries.get(key) ?? 0;
      if (n >= MAX_RETRIES) retries.delete(key);
      else {
        retries.set(key, n + 1);
        clock.schedule(COMPONENT, key, Math.min(1000 * 2 ** n, 1000_000));
      }
      if (!(err instanceof ApiError)) ctx.reportError(COMPONENT, err);
    }
  });

  function syncService(key: string): void {
    const slash = key.indexOf("/");
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const svc = api.find("services", namespace, name) as Service | undefined;
    if (!svc) {
      // The Service is gone: so are its Endpoints (they carry no owner reference).
      try {
        api.delete("endpoints", namespace, name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      tracker.delete(key);
      return;
    }
    if (svc.spec.type === "ExternalName" || !svc.spec.selector) return;

    const pods: Pod[] = index.pods(namespace, name);
    const triggerTime = tracker.compute(svc, pods);
    const publishNotReady = Boolean(svc.spec.publishNotReadyAddresses);
    let subsets: EndpointSubset[] = [];
    // Pods that all offer the same ports (one template, the usual case) make
    // one subset: what repacking gives, built directly.
    let uniformPorts: string | undefined;
    let uniform = true;
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
      const addr = podToEndpointAddress(svc, pod);
      if (!addr) continue;
      if (shouldSetHostname(pod, svc)) addr.hostname = pod.spec.hostname;
      const ports = svc.spec.ports ?? [];
      if (ports.length === 0) {
        // A headless service may have no ports.
        if (svc.spec.clusterIP === "None") addEndpointSubset(subsets, pod, addr, undefined, publishNotReady);
        continue;
      }
      let offered = "";
      for (const [i, sp] of ports.entries()) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        offered += `${i}:${port},`;
        const epp: EndpointPort = { port, protocol: sp.protocol ?? "TCP" };
        if (sp.name) epp.name = sp.name;
        if (sp.appProtocol !== undefined) epp.appProtocol = sp.appProtocol;
        addEndpointSubset(subsets, pod, addr, epp, publishNotReady);
      }
      if (uniformPorts === undefined) uniformPorts = offered;
      else if (offered !== uniformPorts) uniform = false;
    }
    subsets = uniform && uniformPorts ? mergeUniform(subsets) : repackSubsets(subsets);

    const current = api.find("endpoints", namespace, name) as Endpoints | undefined;
    const svcLabels = svc.metadata.labels ?? {};
    if (current) {
      const labels = { ...(current.metadata.labels ?? {}) };
      delete labels[LABEL_HEADLESS];
      if (
        deepEqual(current.subsets ?? [], subsets) &&
        deepEqual(labels, svcLabels) &&
        capacityAnnotationSetCorrectly(current)
      ) {
        return;
      }
    }

    const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
    if (triggerTime !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = rfc3339(triggerTime);
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    if (truncateSubsets(subsets)) annotations[OVER_CAPACITY] = "truncated";
    else delete annotations[OVER_CAPACITY];
    const labels: Record<string, string> = { ...svcLabels };
    if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = "";
    else delete labels[LABEL_HEADLESS];

    const next: Endpoints = current
      ? { ...current, metadata: { ...current.metadata } }
      : { apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace } };
    next.metadata.labels = labels;
    next.metadata.annotations = annotations;
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    if (subsets.length > 0) next.subsets = subsets;
    else delete next.subsets;
    try {
      if (current) api.update("endpoints", next);
      else api.create("endpoints", next, { namespace });
    } catch (err) {
      // A namespace on its way out refuses new objects: nothing more to do.
      if (!current && err instanceof Error && /because it is being terminated/.test(err.message)) return;
      const message = err instanceof Error ? err.message : String(err);
      if (current) ctx.recorder.record(SOURCE, next, "Warning", "FailedToUpdateEndpoint", `Failed to update endpoint ${key}: ${message}`);
      else ctx.recorder.record(SOURCE, next, "Warning", "FailedToCreateEndpoint", `Failed to create endpoint for service ${key}: ${message}`);
      throw err;
    }
  }
}

/** capacityAnnotationSetCorrectly: within capacity and not marked over it. */
function capacityAnnotationSetCorrectly(ep: Endpoints): boolean {
  let n = 0;
  for (const ss of ep.subsets ?? []) n += (ss.addresses?.length ?? 0) + (ss.notReadyAddresses?.length ?? 0);
  if (n > MAX_CAPACITY) return false;
  return ep.metadata.annotations?.[OVER_CAPACITY] === undefined;
}
