// Which pods each Service selects, kept up to date from the watch stream
// (what the controllers' service and pod informers, and
// GetPodServiceMemberships, give the real ones). Services are indexed by
// namespace, so a pod event in a namespace without Services costs one map
// lookup, and one with Services costs a selector test per Service there.
import type { ApiServer } from "../../api/server.ts";
import type { StoreEvent } from "../../api/store.ts";
import type { Pod, Service } from "../../api/types.ts";
import { deepEqual } from "../../util/json.ts";
import { podEndpointsChanged } from "./pod.ts";

interface Entry {
  /** The selector pods are matched with. */
  selector: Record<string, string>;
  /** Selected pods by name, in the order they came under the Service. */
  pods: Map<string, Pod>;
}

/** A Service's selector as the controllers use it: none for ExternalName (synced to nothing anyway). */
function effectiveSelector(svc: Service): Record<string, string> | undefined {
  if (svc.spec.type === "ExternalName") return undefined;
  return svc.spec.selector ?? undefined;
}

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

export class ServicePodIndex {
  /** namespace -> service name -> entry. */
  private readonly byNamespace = new Map<string, Map<string, Entry>>();

  constructor(private readonly api: ApiServer) {}

  /** The pods `namespace/name` selects (none for an unknown Service). */
  pods(namespace: string, name: string): Pod[] {
    const entry = this.byNamespace.get(namespace)?.get(name);
    return entry ? [...entry.pods.values()] : [];
  }

  /** Feed a Service event; keeps the Service's pods in step with its selector. */
  onService(e: StoreEvent): void {
    const svc = e.object as Service;
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name!;
    let services = this.byNamespace.get(ns);
    if (e.type === "DELETED") {
      services?.delete(name);
      if (services?.size === 0) this.byNamespace.delete(ns);
      return;
    }
    const selector = effectiveSelector(svc);
    if (!selector) {
      // Only Services that select pods are kept: a namespace with none costs a pod event nothing.
      services?.delete(name);
      if (services?.size === 0) this.byNamespace.delete(ns);
      return;
    }
    const entry = services?.get(name);
    if (entry && deepEqual(entry.selector, selector)) return;
    const pods = new Map<string, Pod>();
    for (const pod of this.api.list("pods", { namespace: ns }).items) {
      if (selects(selector, pod.metadata.labels)) pods.set(pod.metadata.name!, pod);
    }
    if (!services) this.byNamespace.set(ns, (services = new Map()));
    services.set(name, { selector, pods });
  }

  /**
   * Feed a pod event; returns the names of the Services to sync, as
   * GetServicesToUpdateOnPodChange decides: every Service that selects the pod
   * (before or after) when its endpoint changed, else those it joined or left.
   */
  onPod(e: StoreEvent): string[] | undefined {
    const pod = e.object as Pod;
    const services = this.byNamespace.get(pod.metadata.namespace!);
    if (!services) return undefined;
    let podChanged = true;
    if (e.type === "MODIFIED" && e.old) podChanged = podEndpointsChanged(e.old as Pod, pod)[0];
    const name = pod.metadata.name!;
    let out: string[] | undefined;
    for (const [svcName, entry] of services) {
      const was = entry.pods.has(name);
      const is = e.type !== "DELETED" && selects(entry.selector, pod.metadata.labels);
      if (is) entry.pods.set(name, pod);
      else if (was) entry.pods.delete(name);
      if (podChanged ? was || is : was !== is) (out ??= []).push(svcName);
    }
    return out;
  }
}

/**
 * An index fed by the watch stream, as both endpoint controllers use it: a
 * Service event queues that Service, a pod event the Services it concerns.
 */
export function watchServicePods(api: ApiServer, enqueue: (namespace: string, name: string) => void): ServicePodIndex {
  const index = new ServicePodIndex(api);
  api.watchAll((e) => {
    index.onService(e);
    enqueue(e.object.metadata.namespace!, e.object.metadata.name!);
  }, "services");
  api.watchAll((e) => {
    const names = index.onPod(e);
    if (names) for (const name of names) enqueue(e.object.metadata.namespace!, name);
  }, "pods");
  return index;
}
