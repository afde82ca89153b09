// The API server's own endpoints (pkg/controlplane/reconcilers, the lease
// reconciler, 1.32): the `kubernetes` Service in `default` has no selector;
// the API server writes its Endpoints (labelled skip-mirror) and the
// matching EndpointSlice itself, pointing at the control plane's address and
// port 6443. It puts them back when they go (every 10 s on a real cluster).
import type { EndpointSlice, Endpoints, Node } from "../../api/types.ts";
import type { ComponentContext } from "../../context.ts";
import { deepEqual } from "../../util/json.ts";

const COMPONENT = "kubernetes-endpoints";
const NAME = "kubernetes";
const NAMESPACE = "default";
/** The reconciler's interval (EndpointInterval). */
const INTERVAL_MS = 10_000;
const PORTS = [{ name: "https", port: 6443, protocol: "TCP" }];

export function startKubernetesEndpointsReconciler(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  const isOurs = (ns: string | undefined, name: string | undefined) => ns === NAMESPACE && name === NAME;
  /** Set while writing: its own writes schedule nothing. */
  let writing = false;
  api.watchAll((e) => {
    if (e.type !== "DELETED" && isOurs(e.object.metadata.namespace, e.object.metadata.name)) clock.schedule(COMPONENT, NAME, 0);
  }, "services");
  for (const resource of ["endpoints", "endpointslices"]) {
    api.watchAll((e) => {
      if (isOurs(e.object.metadata.namespace, e.object.metadata.name) && !writing) clock.schedule(COMPONENT, NAME, INTERVAL_MS);
    }, resource);
  }
  clock.on(COMPONENT, () => {
    writing = true;
    try {
      reconcile(ctx);
    } catch (err) {
      ctx.reportError(COMPONENT, err);
    } finally {
      writing = false;
    }
  });
}

/** The control plane's InternalIP: the API server advertises it. */
function controlPlaneIP(ctx: ComponentContext): string | undefined {
  for (const node of ctx.api.list("nodes").items as Node[]) {
    if (node.metadata.labels?.["node-role.kubernetes.io/control-plane"] === undefined) continue;
    const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    if (ip) return ip;
  }
  return undefined;
}

function reconcile(ctx: ComponentContext): void {
  const { api } = ctx;
  if (!api.find("services", NAMESPACE, NAME)) return;
  const ip = controlPlaneIP(ctx);
  if (!ip) return;

  const subsets = [{ addresses: [{ ip }], ports: PORTS }];
  const current = api.find("endpoints", NAMESPACE, NAME) as Endpoints | undefined;
  const labels = { ...(current?.metadata.labels ?? {}), "endpointslice.kubernetes.io/skip-mirror": "true" };
  if (!current) {
    api.create("endpoints", { apiVersion: "v1", kind: "Endpoints", metadata: { name: NAME, namespace: NAMESPACE, labels }, subsets } as Endpoints);
  } else if (!deepEqual(current.subsets, subsets) || !deepEqual(current.metadata.labels, labels)) {
    api.update("endpoints", { ...current, metadata: { ...current.metadata, labels }, subsets });
  }

  // endpointSliceFromEndpoints: the same address as one ready endpoint.
  const slice: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: NAME, namespace: NAMESPACE, labels: { "kubernetes.io/service-name": NAME } },
    addressType: "IPv4",
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: PORTS,
  };
  const currentSlice = api.find("endpointslices", NAMESPACE, NAME) as EndpointSlice | undefined;
  if (!currentSlice) api.create("endpointslices", slice);
  else if (!deepEqual([currentSlice.endpoints, currentSlice.ports, currentSlice.metadata.labels], [slice.endpoints, slice.ports, slice.metadata.labels])) {
    api.update("endpointslices", { ...currentSlice, metadata: { ...currentSlice.metadata, labels: slice.metadata.labels }, endpoints: slice.endpoints, ports: slice.ports });
  }
}
