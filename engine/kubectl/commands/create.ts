// `kubectl create` (pkg/cmd/create, v1.32): objects from files (`-f FILE|-`)
// and the generators people type: deployment, namespace, configmap, secret
// generic and service clusterip|nodeport|loadbalancer|externalname. Each prints `kind.group/name created` (with ` (dry run)`
// or ` (server dry run)`), or the object with -o.
import type { ResourceType } from "../../api/registry.ts";
import type { KubeObject } from "../../api/types.ts";
import { ApiError } from "../../api/errors.ts";
import { parseSelector } from "../../api/labels.ts";
import { isConfigMapKey, isDNS1123Subdomain, isValidPortName, isValidPortNum } from "../../api/validation/names.ts";
import { base64EncodeText } from "../../util/base64.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL, type FlagDef } from "../flags.ts";
import { SELECTOR_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG } from "../get.ts";
import { buildVisits } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  fieldManagerFlag,
  operationPrinter,
  PRINT_FLAGS,
  printWarnings,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  validationDirective,
  withApplyAnnotation,
  withSource,
} from "../write.ts";

function throwAll(errors: readonly unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}

/** `create -f FILE -l SELECTOR`: only the file's objects whose labels match. */
function labelsMatch(obj: KubeObject, selector: string): boolean {
  try {
    return parseSelector(selector).matches(obj.metadata?.labels);
  } catch (err) {
    throw new KubectlError(err instanceof Error ? err.message : String(err));
  }
}

async function createFromFiles(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const filenames = f.strings("filename");
  if (inv.args.length > 0) throw usageError(inv.path, `Unexpected args: [${inv.args.join(" ")}]`);
  if (f.string("raw") !== "") throw new KubectlError("--raw is not supported by this simulated kubectl");
  if (f.bool("edit")) throw new KubectlError("--edit is not supported by this simulated kubectl");
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  if (filenames.length === 0) throw new KubectlError("must specify one of -f and -k");
  const dryRun = dryRunStrategy(inv);
  const fieldValidation = validationDirective(f);
  const print = operationPrinter(inv, "created", dryRun);
  const built = buildVisits(inv.ctx, {
    args: [],
    filenames,
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace,
    stdin: inv.io.stdin,
  });
  const errors: unknown[] = [...built.errors];
  const selector = f.changedFlag("selector") ? f.string("selector") : "";
  let count = 0;
  for (const visit of built.visits) {
    if (visit.kind !== "name" || !visit.fromFile) continue;
    let obj = fileObject(visit.fromFile, visit.type, visit.namespace);
    if (selector && !labelsMatch(obj, selector)) continue;
    if (f.bool("save-config")) obj = withApplyAnnotation(obj);
    count++;
    if (dryRun === "client") {
      print(obj, { asRead: true });
      continue;
    }
    try {
      const warnings: string[] = [];
      const created = inv.ctx.api.create(visit.type.resource, obj, { namespace: visit.namespace, dryRun: dryRun === "server", fieldValidation, warnings });
      printWarnings(inv, warnings);
      print(created);
    } catch (err) {
      errors.push(withSource("creating", visit.source, err));
    }
  }
  if (count === 0 && errors.length === 0) throw new KubectlError("no objects passed to create");
  throwAll(errors);
  return 0;
}

/** The builder's copy of a file's object, its namespace defaulted (a namespaced kind only). */
export function fileObject(obj: KubeObject, type: ResourceType, namespace: string | undefined): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  if (type.namespaced && namespace !== undefined) {
    const meta = (copy.metadata ??= {} as KubeObject["metadata"]);
    if (!meta.namespace) meta.namespace = namespace;
  }
  return copy;
}

// ---------- the generators ----------

/** NameFromCommandArgs: the one NAME before any `--`. */
function nameArg(inv: Invocation): string {
  const n = inv.argsLenAtDash === -1 ? inv.args.length : inv.argsLenAtDash;
  if (n !== 1) throw usageError(inv.path, `exactly one NAME is required, got ${n}`);
  return inv.args[0]!;
}

/**
 * Send (or, on a client dry run, only print) a generated object. `failure`
 * is how the generator words a server error (`failed to create deployment: `).
 */
function createGenerated(inv: Invocation, resource: string, obj: KubeObject, failure?: string, saveConfig = inv.flags.bool("save-config")): number {
  const dryRun: DryRun = dryRunStrategy(inv);
  const fieldValidation = validationDirective(inv.flags);
  const print = operationPrinter(inv, "created", dryRun, { typed: true });
  const type = inv.ctx.api.registry.get(resource)!;
  if (type.namespaced && inv.explicitNamespace) obj.metadata.namespace = inv.namespace;
  if (saveConfig) obj = withApplyAnnotation(obj, true);
  if (dryRun === "client") {
    print(obj);
    return 0;
  }
  const warnings: string[] = [];
  let created: KubeObject;
  try {
    created = inv.ctx.api.create(resource, obj, { namespace: type.namespaced ? inv.namespace : undefined, dryRun: dryRun === "server", fieldValidation, warnings });
  } catch (err) {
    // The generators wrap the server's error in their own words (even Invalid).
    if (failure === undefined || !(err instanceof ApiError)) throw err;
    throw new KubectlError(`${failure}${err.message}`);
  }
  printWarnings(inv, warnings);
  print(created);
  return 0;
}

function requireFlags(inv: Invocation, ...names: string[]): void {
  const missing = names.filter((n) => !inv.flags.changedFlag(n));
  if (missing.length > 0) throw new KubectlError(`required flag(s) ${missing.map((n) => JSON.stringify(n)).join(", ")} not set`);
}

function generatorFlags(fieldManager = "kubectl-create"): FlagDef[] {
  return [DRY_RUN_FLAG, fieldManagerFlag(fieldManager), ...PRINT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG];
}

/** A short, stable suffix standing in for kubectl's random one (utilrand.String(5)). */
function suffixFor(text: string): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  let out = "";
  for (let i = 0; i < 5; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + i * 7919;
  }
  return out;
}

/** The container name kubectl derives from an image: its last path part without tag or digest. */
function containerName(image: string): string {
  let name = image.split("/").pop()!;
  if (name.includes(":")) name = name.split(":")[0]!;
  if (name.includes("@")) name = name.split("@")[0]!;
  // sanitizeAndUniquify
  if (name.includes("_")) name = name.replaceAll("_", "-") + "-" + suffixFor(image);
  return name;
}

const createDeployment: Command = {
  name: "deployment",
  aliases: ["deploy"],
  short: "Create a deployment with the specified name",
  long: "Create a deployment with the specified name.",
  example: [
    "  # Create a deployment named my-dep that runs the busybox image",
    "  kubectl create deployment my-dep --image=busybox",
    "",
    "  # Create a deployment with a command",
    "  kubectl create deployment my-dep --image=busybox -- date",
    "",
    "  # Create a deployment named my-dep that runs the nginx image with 3 replicas",
    "  kubectl create deployment my-dep --image=nginx --replicas=3",
    "",
    "  # Create a deployment named my-dep that runs the busybox image and expose port 5701",
    "  kubectl create deployment my-dep --image=busybox --port=5701",
  ].join("\n"),
  use: "deployment NAME --image=image -- [COMMAND] [args...]",
  flags: [
    ...generatorFlags(),
    { name: "image", type: "stringSlice", default: "[]", usage: "Image names to run. A deployment can have multiple images set for multi-container pod." },
    { name: "port", type: "int32", default: "-1", usage: "The containerPort that this deployment exposes." },
    { name: "replicas", shorthand: "r", type: "int32", default: "1", usage: "Number of replicas to create. Default is 1." },
  ],
  run(inv) {
    requireFlags(inv, "image");
    const name = nameArg(inv);
    const images = inv.flags.strings("image");
    const command = inv.argsLenAtDash >= 0 ? inv.args.slice(inv.argsLenAtDash) : [];
    if (images.length > 1 && command.length > 0) throw new KubectlError("cannot specify multiple --image options and command");
    const labels = { app: name };
    const containers: Array<Record<string, unknown>> = images.map((image) => ({
      name: containerName(image),
      image,
      ...(command.length > 0 ? { command } : {}),
    }));
    const port = inv.flags.int("port");
    if (port >= 0 && containers.length > 0) containers[0]!.ports = [{ containerPort: port }];
    const obj = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, labels },
      spec: {
        replicas: inv.flags.int("replicas"),
        selector: { matchLabels: { ...labels } },
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
      },
    } as unknown as KubeObject;
    return createGenerated(inv, "deployments", obj, "failed to create deployment: ");
  },
};

const createNamespace: Command = {
  name: "namespace",
  aliases: ["ns"],
  short: "Create a namespace with the specified name",
  long: "Create a namespace with the specified name.",
  example: "  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace",
  use: "namespace NAME [--dry-run=server|client|none]",
  flags: generatorFlags(),
  run(inv) {
    const name = nameArg(inv);
    return createGenerated(inv, "namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } } as KubeObject);
  },
};

/** The learner's file, or kubectl's error for a missing one. */
function readSource(inv: Invocation, path: string): string {
  const text = inv.ctx.readFile(path);
  if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
  return text;
}

/** ParseFileSource: `[key=]path`, the key defaulting to the file's base name. */
function fileSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq < 0) return [source.split("/").filter((s) => s !== "").pop() ?? source, source];
  const key = source.slice(0, eq);
  const path = source.slice(eq + 1);
  if (key === "") throw new KubectlError(`key name for file path ${path} missing`);
  if (path === "") throw new KubectlError(`file path for key name ${key} missing`);
  if (path.includes("=")) throw new KubectlError("key names or file paths cannot contain '='");
  return [key, path];
}

/** ParseLiteralSource: `key=value` (the value may hold more `=`). */
function literalSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq < 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** An env file's `key=value` lines; blank lines and `#` comments skipped. */
function envFileEntries(inv: Invocation, path: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = readSource(inv, path).split("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, "").trimStart();
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq < 0) {
      // Without a value, kubectl takes the variable from its own environment: here, none.
      return;
    }
    const key = line.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
      throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1})`);
    }
    out.push([key, line.slice(eq + 1)]);
  });
  return out;
}

function dataSources(inv: Invocation): Array<[string, string]> {
  const f = inv.flags;
  const envFiles = f.strings("from-env-file");
  if (envFiles.length > 0 && (f.strings("from-file").length > 0 || f.strings("from-literal").length > 0)) {
    throw new KubectlError("from-env-file cannot be combined with from-file or from-literal");
  }
  const entries: Array<[string, string]> = [];
  for (const s of f.strings("from-file")) {
    const [key, path] = fileSource(s);
    entries.push([key, readSource(inv, path)]);
  }
  for (const s of f.strings("from-literal")) entries.push(literalSource(s));
  for (const path of envFiles) entries.push(...envFileEntries(inv, path));
  return entries;
}

const DATA_FLAGS = (what: string): FlagDef[] => [
  BOOL("append-hash", `Append a hash of the ${what} to its name.`),
  { name: "from-env-file", type: "stringSlice", default: "[]", usage: `Specify the path to a file to read lines of key=val pairs to create a ${what}.` },
  { name: "from-literal", type: "stringArray", default: "[]", usage: `Specify a key and literal value to insert in ${what} (i.e. mykey=somevalue)` },
];

const createConfigMap: Command = {
  name: "configmap",
  aliases: ["cm"],
  short: "Create a config map from a local file, directory or literal value",
  long: "Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.",
  example: [
    "  # Create a new config map named my-config with key1=config1 and key2=config2",
    "  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2",
    "",
    "  # Create a new config map named my-config from a file, with a key of your choice",
    "  kubectl create configmap my-config --from-file=my-key=path/to/file.txt",
  ].join("\n"),
  use: "configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  flags: [
    ...generatorFlags(),
    ...DATA_FLAGS("configmap"),
    {
      name: "from-file",
      type: "stringSlice",
      default: "[]",
      usage:
        "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.",
    },
  ],
  run(inv) {
    const name = nameArg(inv);
    if (inv.flags.bool("append-hash")) throw new KubectlError("--append-hash is not supported by this simulated kubectl");
    const data: Record<string, string> = {};
    for (const [key, value] of dataSources(inv)) {
      const errs = isConfigMapKey(key);
      if (errs.length > 0) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(",")}`);
      if (Object.hasOwn(data, key)) {
        throw new KubectlError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
      }
      data[key] = value;
    }
    const obj: Record<string, unknown> = { apiVersion: "v1", kind: "ConfigMap", metadata: { name } };
    if (Object.keys(data).length > 0) obj.data = data;
    return createGenerated(inv, "configmaps", obj as unknown as KubeObject, "failed to create configmap: ");
  },
};

const createSecretGeneric: Command = {
  name: "generic",
  short: "Create a secret from a local file, directory, or literal value",
  long: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.",
  example: [
    "  # Create a new secret named my-secret with key1=supersecret and key2=topsecret",
    "  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret",
    "",
    "  # Create a new secret named my-secret from a file, with a key of your choice",
    "  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa",
  ].join("\n"),
  use: "generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  flags: [
    ...generatorFlags(),
    ...DATA_FLAGS("secret"),
    {
      name: "from-file",
      type: "stringSlice",
      default: "[]",
      usage:
        "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.",
    },
    { name: "type", type: "string", usage: "The type of secret to create" },
  ],
  run(inv) {
    const name = nameArg(inv);
    if (inv.flags.bool("append-hash")) throw new KubectlError("--append-hash is not supported by this simulated kubectl");
    const data: Record<string, string> = {};
    for (const [key, value] of dataSources(inv)) {
      const errs = isConfigMapKey(key);
      if (errs.length > 0) throw new KubectlError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(";")}`);
      if (Object.hasOwn(data, key)) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
      data[key] = base64EncodeText(value);
    }
    const obj: Record<string, unknown> = { apiVersion: "v1", kind: "Secret", metadata: { name } };
    if (Object.keys(data).length > 0) obj.data = data;
    const type = inv.flags.string("type");
    if (type !== "") obj.type = type;
    return createGenerated(inv, "secrets", obj as unknown as KubeObject, "failed to create secret ");
  },
};

const createSecret: Command = {
  name: "secret",
  short: "Create a secret using a specified subcommand",
  long: "Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.",
  use: "secret (docker-registry | generic | tls)",
  subcommands: [createSecretGeneric],
};

// ---------- create service (create_service.go) ----------

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

const createService: Command = {
  name: "service",
  aliases: ["svc"],
  short: "Create a service using a specified subcommand",
  long: "Create a service using a specified subcommand.",
  use: "service [flags] [options]",
  subcommands: [createServiceClusterIP, createServiceExternalName, createServiceLoadBalancer, createServiceNodePort],
};

export const createCommand: Command = {
  name: "create",
  short: "Create a resource from a file or from stdin",
  long: "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.",
  example: [
    "  # Create a pod using the data in pod.json",
    "  kubectl create -f ./pod.json",
    "",
    "  # Create a pod based on the JSON passed into stdin",
    "  cat pod.json | kubectl create -f -",
  ].join("\n"),
  use: "create -f FILENAME",
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    BOOL("edit", "Edit the API resource before creating"),
    fieldManagerFlag("kubectl-create"),
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "Filename, directory, or URL to files to use to create the resource" },
    { ...KUSTOMIZE_FLAG, usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "raw", type: "string", usage: "Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file." },
    RECURSIVE_FLAG,
    SAVE_CONFIG_FLAG,
    SELECTOR_FLAG,
    VALIDATE_FLAG,
    BOOL("windows-line-endings", "Only relevant if --edit=true. Defaults to the line ending native to your platform."),
  ],
  subcommands: [createConfigMap, createDeployment, createNamespace, createSecret, createService],
  run: createFromFiles,
};
