// The EndpointSlice controller (pkg/controller/endpointslice, 1.32): for
// every Service with a selector, EndpointSlices listing the pods it selects.
// Service changes and the pod changes that matter to a Service's endpoints
// queue that Service; there is no batching (endpointUpdatesBatchPeriod 0).
import type { EndpointSlice, Pod, Service } from "../../api/types.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";
import { watchServicePods } from "../endpointutil/service-pods.ts";
import { TriggerTimeTracker } from "../endpointutil/trigger-time.ts";
import { Reconciler } from "./reconciler.ts";
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from "./utils.ts";

const COMPONENT = "endpointslice";
const SOURCE = { component: "endpoint-slice-controller" };
/** The work queue's retries: from 1s (defaultSyncBackOff), doubling up to 1000s, at most 15 times (maxRetries). */
const MAX_RETRIES = 15;

export function startEndpointSliceController(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  const tracker = new TriggerTimeTracker();
  const reconciler = new Reconciler(api);
  const retries = new Map<string, number>();
  const enqueue = (ns: string, name: string, delayMs: number = REACTION_MS.endpointslice) => clock.schedule(COMPONENT, `${ns}/${name}`, delayMs);
  const index = watchServicePods(api, enqueue);

  // Set while this controller writes slices: its own writes need no resync
  // (what the real one's endpointSliceTracker decides).
  let writing = false;
  // A slice of ours changed or removed by someone else brings its Service back in line.
  api.watchAll((e) => {
    const slice = e.object as EndpointSlice;
    const service = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    const old = e.old as EndpointSlice | undefined;
    const managed = slice.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME || old?.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME;
    if (service && managed && !writing) enqueue(slice.metadata.namespace!, service);
  }, "endpointslices");

  clock.on(COMPONENT, (key) => {
    writing = true;
    try {
      const errors = syncService(key);
      if (errors.length === 0) retries.delete(key);
      else retry(key, errors.length === 1 ? errors[0]! : `[${errors.join(", ")}]`);
    } catch (err) {
      retry(key, err instanceof Error ? err.message : String(err));
    } finally {
      writing = false;
    }
  });

  /** syncService: the Service's pods and slices, reconciled. Returns the problems met. */
  function syncService(key: string): string[] {
    const slash = key.indexOf("/");
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const svc = api.find("services", namespace, name) as Service | undefined;
    if (!svc) {
      // Its slices go with it: the garbage collector follows their owner reference.
      tracker.delete(key);
      return [];
    }
    // ExternalName services and services without a selector get no slices from here.
    if (svc.spec.type === "ExternalName" || !svc.spec.selector) return [];
    const pods: Pod[] = index.pods(namespace, name);
    const slices = (api.list("endpointslices", {
      namespace,
      labelSelector: `${LABEL_SERVICE_NAME}=${name},${LABEL_MANAGED_BY}=${CONTROLLER_NAME}`,
    }).items as EndpointSlice[]).filter((s) => !s.metadata.deletionTimestamp);
    const triggerTime = tracker.compute(svc, pods);
    return reconciler.reconcile(svc, pods, slices, triggerTime);
  }

  /** A failed sync: a Warning on the Service, and the key again later, as the rate-limited queue does. */
  function retry(key: string, message: string): void {
    const slash = key.indexOf("/");
    const svc = api.find("services", key.slice(0, slash), key.slice(slash + 1)) as Service | undefined;
    if (svc) ctx.recorder.record(SOURCE, svc, "Warning", "FailedToUpdateEndpointSlices", `Error updating Endpoint Slices for Service ${key}: ${message}`);
    const n = retries.get(key) ?? 0;
    if (n >= MAX_RETRIES) {
      retries.delete(key);
      return;
    }
    retries.set(key, n + 1);
    clock.schedule(COMPONENT, key, Math.min(1000 * 2 ** n, 1000_000));
  }
}
