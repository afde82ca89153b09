// `kubectl create` (pkg/cmd/create, v1.32): objects from files (`-f FILE|-`)
// and the generators people type: deployment, namespace, configmap,
// secret (create-secret.ts) and service (create-service.ts). Each prints `kind.group/name created` (with ` (dry run)`
// or ` (server dry run)`), or the object with -o.
import type { ResourceType } from "../../api/registry.ts";
import type { KubeObject } from "../../api/types.ts";
import { parseSelector } from "../../api/labels.ts";
import { isConfigMapKey } from "../../api/validation/names.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL } from "../flags.ts";
import { SELECTOR_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG } from "../get.ts";
import { atVisitedVersion, buildVisits } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { appendHash, createGenerated, DATA_FLAGS, dataSources, generatorFlags, nameArg, requireFlags } from "./create-generate.ts";
import { createSecret } from "./create-secret.ts";
import { createService } from "./create-service.ts";
import {
  DRY_RUN_FLAG,
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
      print(atVisitedVersion(inv.ctx, visit.type, created));
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
  use: "deployment NAME --image=image -- [COMMAND] [args...] [options]",
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
  use: "namespace NAME [--dry-run=server|client|none] [options]",
  flags: generatorFlags(),
  run(inv) {
    const name = nameArg(inv);
    return createGenerated(inv, "namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } } as KubeObject);
  },
};

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
  use: "configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
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
    if (inv.flags.bool("append-hash")) appendHash(obj as unknown as KubeObject);
    return createGenerated(inv, "configmaps", obj as unknown as KubeObject, "failed to create configmap: ");
  },
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
  use: "create -f FILENAME [options]",
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
