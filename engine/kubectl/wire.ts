// An object as a real API server sends it: Go's encoding/json writes every
// field that has no `omitempty`, and every struct-typed field even with one,
// so zero values show up on the wire (`creationTimestamp: null` in a pod
// template, `lastProbeTime: null` in pod conditions, `resources: {}`,
// `eventTime: null`, `status: {}`). The simulated API server stores objects
// without those zero values; kubectl's printers (and an HTTP front end) see
// them through toWire. Key order is irrelevant: kubectl decodes into maps.
//
// Covered: the kinds the simulated server serves (Pod, ReplicaSet,
// Deployment, Node, Namespace, Event, Endpoints, EndpointSlice) and the structs inside them that carry
// such fields. TODO(api/schema): move to the typed encoder when it exists.
import type { KubeObject } from "../api/types.ts";
import { deepClone } from "../util/json.ts";

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Set `key` to `zero` when absent; return the (possibly new) value if it is an object. */
function ensure(obj: Rec, key: string, zero: unknown): unknown {
  if (obj[key] === undefined) obj[key] = typeof zero === "object" && zero !== null ? deepClone(zero) : zero;
  return obj[key];
}

function each(list: unknown, f: (item: Rec) => void): void {
  if (Array.isArray(list)) for (const item of list) if (isRec(item)) f(item);
}

function objectMeta(meta: unknown): void {
  if (!isRec(meta)) return;
  ensure(meta, "creationTimestamp", null);
  each(meta.ownerReferences, (ref) => {
    for (const k of ["apiVersion", "kind", "name", "uid"]) ensure(ref, k, "");
  });
}

function labelSelector(sel: unknown): void {
  if (!isRec(sel)) return;
  each(sel.matchExpressions, (e) => {
    ensure(e, "key", "");
    ensure(e, "operator", "");
  });
}

function container(c: Rec): void {
  ensure(c, "name", "");
  ensure(c, "resources", {});
  each(c.ports, (p) => ensure(p, "containerPort", 0));
  each(c.env, (e) => ensure(e, "name", ""));
  each(c.volumeMounts, (m) => {
    ensure(m, "name", "");
    ensure(m, "mountPath", "");
  });
}

function podSpec(spec: unknown): void {
  if (!isRec(spec)) return;
  ensure(spec, "containers", null);
  each(spec.containers, container);
  each(spec.initContainers, container);
  each(spec.ephemeralContainers, container);
  each(spec.volumes, (v) => ensure(v, "name", ""));
}

function podTemplate(t: unknown): void {
  if (!isRec(t)) return;
  objectMeta(ensure(t, "metadata", {}));
  podSpec(ensure(t, "spec", {}));
}

function containerState(s: unknown): void {
  if (!isRec(s)) return;
  if (isRec(s.running)) ensure(s.running, "startedAt", null);
  if (isRec(s.terminated)) {
    ensure(s.terminated, "exitCode", 0);
    ensure(s.terminated, "startedAt", null);
    ensure(s.terminated, "finishedAt", null);
  }
}

function containerStatus(cs: Rec): void {
  for (const [k, zero] of [["name", ""], ["ready", false], ["restartCount", 0], ["image", ""], ["imageID", ""]] as const) {
    ensure(cs, k, zero);
  }
  containerState(ensure(cs, "state", {}));
  containerState(ensure(cs, "lastState", {}));
}

function conditions(list: unknown, times: readonly string[]): void {
  each(list, (c) => {
    ensure(c, "type", "");
    ensure(c, "status", "");
    for (const t of times) ensure(c, t, null);
  });
}

const KINDS: Record<string, (obj: Rec) => void> = {
  Pod(obj) {
    podSpec(ensure(obj, "spec", {}));
    const status = ensure(obj, "status", {}) as Rec;
    conditions(status.conditions, ["lastProbeTime", "lastTransitionTime"]);
    each(status.containerStatuses, containerStatus);
    each(status.initContainerStatuses, containerStatus);
    each(status.ephemeralContainerStatuses, containerStatus);
  },
  ReplicaSet(obj) {
    const spec = ensure(obj, "spec", {}) as Rec;
    labelSelector(spec.selector);
    podTemplate(ensure(spec, "template", {}));
    const status = ensure(obj, "status", {}) as Rec;
    ensure(status, "replicas", 0);
    conditions(status.conditions, ["lastTransitionTime"]);
  },
  Deployment(obj) {
    const spec = ensure(obj, "spec", {}) as Rec;
    labelSelector(spec.selector);
    podTemplate(ensure(spec, "template", {}));
    ensure(spec, "strategy", {});
    const status = ensure(obj, "status", {}) as Rec;
    conditions(status.conditions, ["lastUpdateTime", "lastTransitionTime"]);
  },
  Node(obj) {
    ensure(obj, "spec", {});
    const status = ensure(obj, "status", {}) as Rec;
    conditions(status.conditions, ["lastHeartbeatTime", "lastTransitionTime"]);
    const endpoints = ensure(status, "daemonEndpoints", {}) as Rec;
    ensure(ensure(endpoints, "kubeletEndpoint", {}) as Rec, "Port", 0);
    const info = ensure(status, "nodeInfo", {}) as Rec;
    for (const k of [
      "machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "containerRuntimeVersion",
      "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture",
    ]) {
      ensure(info, k, "");
    }
    each(status.addresses, (a) => {
      ensure(a, "type", "");
      ensure(a, "address", "");
    });
    each(status.images, (i) => ensure(i, "names", null));
  },
  Namespace(obj) {
    ensure(obj, "spec", {});
    ensure(obj, "status", {});
  },
  Endpoints(obj) {
    each(obj.subsets, (ss) => {
      each(ss.addresses, (a) => ensure(a, "ip", ""));
      each(ss.notReadyAddresses, (a) => ensure(a, "ip", ""));
      each(ss.ports, (p) => ensure(p, "port", 0));
    });
  },
  EndpointSlice(obj) {
    // No omitempty on these three: an empty slice shows `endpoints: null`, `ports: null`.
    ensure(obj, "addressType", "");
    ensure(obj, "endpoints", null);
    ensure(obj, "ports", null);
    each(obj.endpoints, (e) => {
      ensure(e, "addresses", null);
      ensure(e, "conditions", {});
    });
  },
  Event(obj) {
    ensure(obj, "involvedObject", {});
    ensure(obj, "source", {});
    for (const k of ["firstTimestamp", "lastTimestamp", "eventTime"]) ensure(obj, k, null);
    ensure(obj, "reportingComponent", "");
    ensure(obj, "reportingInstance", "");
  },
};

/** A copy of `obj` with the zero-valued fields a real server's JSON has. */
export function toWire<T extends KubeObject>(obj: T): T {
  const copy = deepClone(obj) as unknown as Rec;
  objectMeta(ensure(copy, "metadata", {}));
  KINDS[String(copy.kind)]?.(copy);
  return copy as unknown as T;
}
