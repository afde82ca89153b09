// `kubectl create service clusterip|nodeport|loadbalancer|externalname`
// (create_service.go): a Service with the given ports, selecting app=NAME.
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from "../../api/validation/names.ts";
import type { KubeObject } from "../../api/types.ts";
import type { Command, Invocation } from "../command.ts";
import type { FlagDef } from "../flags.ts";
import { KubectlError } from "../types.ts";
import { createGenerated, generatorFlags, nameArg, requireFlags } from "./create-generate.ts";

/** parsePorts: `port[:targetPort]`; the port as strconv.ParseUint reads it, the target a number or a name. */
function parseServicePort(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(":");
  const first = parts[0]!;
  if (!/^\d+$/.test(first)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(first)}: invalid syntax`);
  const port = Number(first);
  if (port > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(first)}: value out of range`);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1]!;
  // strconv.Atoi: an optional sign, then digits.
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target);
    const errs = isValidPortNum(n);
    if (errs.length > 0) throw new KubectlError(errs.join(","));
    return { port, targetPort: n };
  }
  const errs = isValidPortName(target);
  if (errs.length > 0) throw new KubectlError(errs.join(","));
  return { port, targetPort: target };
}

type ServiceKind = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

function runCreateService(inv: Invocation, type: ServiceKind): number {
  const name = nameArg(inv);
  const f = inv.flags;
  const tcp = f.strings("tcp");
  const clusterIP = type === "ClusterIP" ? f.string("clusterip") : "";
  const externalName = type === "ExternalName" ? f.string("external-name") : "";
  if (clusterIP === "None" && type !== "ClusterIP") throw new KubectlError("ClusterIP=None can only be used with ClusterIP service type");
  if (clusterIP !== "None" && tcp.length === 0 && type !== "ExternalName") throw new KubectlError("at least one tcp port specifier must be provided");
  if (type === "ExternalName" && isDNS1123Subdomain(externalName).length > 0) {
    throw new KubectlError(`invalid service external name ${externalName}`);
  }
  const nodePort = type === "NodePort" ? f.int("node-port") : 0;
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parseServicePort(spec);
    return { name: spec.replaceAll(":", "-"), protocol: "TCP", port, targetPort, ...(nodePort !== 0 ? { nodePort } : {}) };
  });
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: name };
  if (clusterIP !== "") spec.clusterIP = clusterIP;
  spec.type = type;
  if (externalName !== "") spec.externalName = externalName;
  const obj = { apiVersion: "v1", kind: "Service", metadata: { name, labels: { app: name } }, spec, status: { loadBalancer: {} } };
  // kubectl 1.32 accepts --save-config here but never reads it: no annotation is written.
  return createGenerated(inv, "services", obj as unknown as KubeObject, `failed to create ${type} service: `, false);
}

const TCP_FLAG: FlagDef = { name: "tcp", type: "stringSlice", default: "[]", usage: "Port pairs can be specified as '<port>:<targetPort>'." };

const createServiceClusterIP: Command = {
  name: "clusterip",
  short: "Create a ClusterIP service",
  long: "Create a ClusterIP service with the specified name.",
  example: [
    "  # Create a new ClusterIP service named my-cs",
    "  kubectl create service clusterip my-cs --tcp=5678:8080",
    "",
    "  # Create a new ClusterIP service named my-cs (in headless mode)",
    '  kubectl create service clusterip my-cs --clusterip="None"',
  ].join("\n"),
  use: "clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
  flags: [
    ...generatorFlags(),
    TCP_FLAG,
    { name: "clusterip", type: "string", usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." },
  ],
  run: (inv) => runCreateService(inv, "ClusterIP"),
};

const createServiceNodePort: Command = {
  name: "nodeport",
  short: "Create a NodePort service",
  long: "Create a NodePort service with the specified name.",
  example: "  # Create a new NodePort service named my-ns\n  kubectl create service nodeport my-ns --tcp=5678:8080",
  use: "nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  flags: [
    ...generatorFlags(),
    TCP_FLAG,
    { name: "node-port", type: "int", default: "0", usage: "Port used to expose the service on each node in a cluster." },
  ],
  run: (inv) => runCreateService(inv, "NodePort"),
};

const createServiceLoadBalancer: Command = {
  name: "loadbalancer",
  short: "Create a LoadBalancer service",
  long: "Create a LoadBalancer service with the specified name.",
  example: "  # Create a new LoadBalancer service named my-lbs\n  kubectl create service loadbalancer my-lbs --tcp=5678:8080",
  use: "loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  flags: [...generatorFlags(), TCP_FLAG],
  run: (inv) => runCreateService(inv, "LoadBalancer"),
};

const createServiceExternalName: Command = {
  name: "externalname",
  short: "Create an ExternalName service",
  long: [
    "Create an ExternalName service with the specified name.",
    "",
    " An ExternalName service is a DNS alias: its name resolves to an address outside",
    "the cluster (a service off platform, in another cluster, or local) rather than",
    "to pods.",
  ].join("\n"),
  example: "  # Create a new ExternalName service named my-ns\n  kubectl create service externalname my-ns --external-name bar.com",
  use: "externalname NAME --external-name external.name [--dry-run=server|client|none] [options]",
  flags: [...generatorFlags(), TCP_FLAG, { name: "external-name", type: "string", usage: "External name of service" }],
  run(inv) {
    requireFlags(inv, "external-name");
    return runCreateService(inv, "ExternalName");
  },
};

export const createService: Command = {
  name: "service",
  aliases: ["svc"],
  short: "Create a service using a specified subcommand",
  long: "Create a service using a specified subcommand.",
  use: "service [flags] [options]",
  subcommands: [createServiceClusterIP, createServiceExternalName, createServiceLoadBalancer, createServiceNodePort],
};
