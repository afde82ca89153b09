// `kubectl expose` (kubectl pkg/cmd/expose, v1.32): a Service for a pod,
// service, deployment or replica set, its selector, ports, protocols and
// labels taken from the object unless flags give them.
import type { KubeObject, LabelSelector, PodSpec, Service, ServicePort } from "../../api/types.ts";
import type { Command, Invocation } from "../command.ts";
import { type FlagDef, STRING } from "../flags.ts";
import { KubectlError } from "../types.ts";
import { dryRunStrategy, fieldManagerFlag, operationPrinter, PRINT_FLAGS, printWarnings, SAVE_CONFIG_FLAG, withApplyAnnotation, DRY_RUN_FLAG } from "../write.ts";
import { CHANGE_CAUSE, changeCause, fetchTargets, filenameFlags, RECORD_FLAG, recording, visitAll } from "./mutation.ts";

const FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  RECORD_FLAG,
  STRING("protocol", "The network protocol for the service to be created. Default is 'TCP'."),
  STRING("port", "The port that the service should serve on. Copied from the resource being exposed, if unspecified"),
  STRING("type", "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."),
  STRING("load-balancer-ip", "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)."),
  STRING(
    "selector",
    "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)",
  ),
  STRING("labels", "Labels to apply to the service created by this call.", { shorthand: "l" }),
  STRING("target-port", "Name or number for the port on the container that the service should direct traffic to. Optional."),
  STRING(
    "external-ip",
    "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.",
  ),
  STRING("name", "The name for the newly created object."),
  STRING("session-affinity", "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"),
  STRING("cluster-ip", "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."),
  fieldManagerFlag("kubectl-expose"),
  STRING("overrides", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."),
  STRING("override-type", "The method used to override the generated object: json, merge, or strategic.", { default: "merge" }),
  DRY_RUN_FLAG,
  SAVE_CONFIG_FLAG,
  ...filenameFlags("identifying the resource to expose a service"),
];

/** validation.DNS1035LabelMaxLength: a longer object name is cut for the Service. */
const NAME_MAX = 63;

/** polymorphichelpers.CanBeExposed: the kinds expose knows how to read. */
const EXPOSABLE = new Set(["/Pod", "/Service", "/ReplicationController", "apps/Deployment", "apps/ReplicaSet"]);

/** `k=v,k=v` (MakeLabels: Go map order; parsed back into a map, so any order does). */
function makeLabels(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

/** MapBasedSelectorForObject. */
function selectorFor(obj: KubeObject): string {
  const o = obj as unknown as { kind: string; metadata: { labels?: Record<string, string> }; spec?: { selector?: unknown } };
  switch (o.kind) {
    case "Pod":
      if (Object.keys(o.metadata.labels ?? {}).length === 0) throw new Error("the pod has no labels and cannot be exposed");
      return makeLabels(o.metadata.labels);
    case "Service":
      if (o.spec?.selector == null) throw new Error("the service has no pod selector set");
      return makeLabels(o.spec.selector as Record<string, string>);
    default: {
      const sel = (o.spec?.selector ?? {}) as LabelSelector;
      // apps/v1 objects must select by matchLabels: expressions alone do not do.
      if (Object.keys(sel.matchLabels ?? {}).length === 0) {
        throw new Error(`invalid ${o.kind.toLowerCase()}: no selectors, therefore cannot be exposed`);
      }
      if ((sel.matchExpressions?.length ?? 0) > 0) {
        const exprs = sel.matchExpressions!.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(" ")}]}`).join(" ");
        throw new Error(`couldn't convert expressions - "[${exprs}]" to map-based selector format`);
      }
      return makeLabels(sel.matchLabels);
    }
  }
}

function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as unknown as { kind: string; spec?: { template?: { spec?: PodSpec } } & PodSpec };
  return o.kind === "Pod" ? o.spec : o.spec?.template?.spec;
}

/** PortsForObject and MultiProtocolsForObject: container ports (or a Service's ports) with their protocols. */
function portsOf(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number | undefined, protocol: string | undefined) => {
    const p = String(port ?? 0);
    // A port number listed twice (53/UDP and 53/TCP) is one port with two protocols.
    if (!protocols.has(p)) ports.push(p);
    protocols.set(p, [...(protocols.get(p) ?? []), protocol || "TCP"]);
  };
  if (obj.kind === "Service") {
    for (const sp of ((obj as unknown as { spec?: { ports?: ServicePort[] } }).spec?.ports ?? [])) add(sp.port, sp.protocol);
  } else {
    for (const c of podSpecOf(obj)?.containers ?? []) for (const cp of c.ports ?? []) add(cp.containerPort, cp.protocol);
  }
  return { ports, protocols };
}

/** parseLabels: `k=v,k=v`, each with exactly one `=` and a key. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(",")) {
    const kv = part.split("=");
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === "") throw new KubectlError("unexpected empty label key");
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** strconv.Atoi as expose reads --port. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

interface ExposeInput {
  name: string;
  selector: string;
  labels: string;
  /** --port, or the object's one port. */
  port: string;
  /** The object's ports when there are several and no --port. */
  ports: string;
  protocols: Map<string, string[]>;
}

/** createService: the Service object, before it is sent. */
function generate(inv: Invocation, input: ExposeInput): KubeObject {
  const f = inv.flags;
  const selector = parseLabels(input.selector);
  const labels = input.labels !== "" ? parseLabels(input.labels) : undefined;
  const protocolFlag = f.string("protocol");
  const portString = input.ports !== "" ? input.ports : input.port;
  const ports: ServicePort[] = [];
  if (portString !== "") {
    const list = portString.split(",");
    list.forEach((p, i) => {
      const port = atoi(p);
      const name = list.length > 1 ? `port-${i + 1}` : "";
      let protocol = protocolFlag;
      if (protocol === "" && input.protocols.size === 0) protocol = "TCP";
      else if (protocol === "" && input.protocols.size > 0) {
        protocol = "TCP";
        const found = input.protocols.get(p);
        if (found && found.length > 1) {
          for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, port, protocol: proto });
          return;
        }
        if (found) protocol = found[0]!;
      }
      ports.push({ ...(name ? { name } : {}), port, protocol });
    });
  }
  const target = f.string("target-port");
  for (const sp of ports) sp.targetPort = target !== "" ? (/^[+-]?\d+$/.test(target) ? Number(target) : target) : sp.port;
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = selector;
  const cluster = f.string("cluster-ip");
  if (cluster !== "") spec.clusterIP = cluster;
  const type = f.string("type");
  if (type !== "") spec.type = type;
  const externalIP = f.string("external-ip");
  if (externalIP !== "") spec.externalIPs = [externalIP];
  if (type === "LoadBalancer" && f.string("load-balancer-ip") !== "") spec.loadBalancerIP = f.string("load-balancer-ip");
  const affinity = f.string("session-affinity");
  if (affinity !== "") {
    if (affinity !== "None" && affinity !== "ClientIP") throw new KubectlError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  const metadata: Record<string, unknown> = { name: input.name };
  if (labels) metadata.labels = labels;
  return { apiVersion: "v1", kind: "Service", metadata, spec, status: { loadBalancer: {} } } as unknown as KubeObject;
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  if (f.string("overrides") !== "") throw new KubectlError("--overrides is not supported by this simulated kubectl");
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  const dryRun = dryRunStrategy(inv);
  const print = operationPrinter(inv, "exposed", dryRun, { typed: true });
  const { entries } = fetchTargets(inv, { args: inv.args, filenames: f.strings("filename") });
  await visitAll(entries, (t) => {
    if (!EXPOSABLE.has(`${t.type.group}/${t.type.kind}`)) throw new KubectlError(`cannot expose a ${t.type.kind}`);
    let selector = f.string("selector");
    if (selector === "") {
      try {
        selector = selectorFor(t.object);
      } catch (err) {
        throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(err as Error).message}`);
      }
    }
    let port = f.string("port");
    let ports = "";
    const found = portsOf(t.object);
    if (port === "") {
      if (found.ports.length === 0 && f.string("cluster-ip") !== "None") throw new KubectlError("couldn't find port via --port flag or introspection");
      if (found.ports.length === 1) port = found.ports[0]!;
      else ports = found.ports.join(",");
    }
    if (selector === "") throw new KubectlError("selector must be specified");
    const name = f.string("name") || t.name.slice(0, NAME_MAX);
    let svc = generate(inv, {
      name,
      selector,
      labels: f.string("labels") || makeLabels(t.object.metadata.labels),
      port,
      ports,
      protocols: found.protocols,
    });
    if (recording(inv)) svc.metadata.annotations = { ...svc.metadata.annotations, [CHANGE_CAUSE]: changeCause(inv) };
    if (dryRun === "client") {
      if (inv.explicitNamespace) svc.metadata.namespace = inv.namespace;
      print(svc);
      return;
    }
    if (f.bool("save-config")) svc = withApplyAnnotation(svc, true);
    const warnings: string[] = [];
    const created = inv.ctx.api.create("services", svc as Service, { namespace: inv.namespace, dryRun: dryRun === "server", warnings });
    printWarnings(inv, warnings);
    print(created);
  });
  return 0;
}

export const exposeCommand: Command = {
  name: "expose",
  short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  long: [
    "Expose a resource as a new Kubernetes service.",
    "",
    " Finds a deployment, service, replica set, replication controller or pod by name and makes its selector the",
    "selector of a new service on the given port. A deployment or replica set can be exposed only when its selector",
    "uses matchLabels alone. Without --port, every port of the exposed resource is reused; without --labels, its",
    "labels are.",
    "",
    " Possible resources include (case insensitive):",
    "",
    " pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)",
  ].join("\n"),
  example: [
    "  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000",
    "  kubectl expose rc nginx --port=80 --target-port=8000",
    "",
    "  # Create a service for a pod valid-pod, which serves on port 444 with the name \"frontend\"",
    "  kubectl expose pod valid-pod --port=444 --name=frontend",
    "",
    "  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name \"nginx-https\"",
    "  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https",
    "",
    "  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000",
    "  kubectl expose deployment nginx --port=80 --target-port=8000",
  ].join("\n"),
  use: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]",
  flags: FLAGS,
  run,
};
