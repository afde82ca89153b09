// `kubectl replace -f` (pkg/cmd/replace, v1.32): each file's object
// replaces the live one (PUT, with the live resourceVersion when the file has
// none) and prints "replaced". --force deletes the objects, waits until they
// are gone, and creates them again.
import type { KubeObject } from "../../api/types.ts";
import { type Command, type Invocation } from "../command.ts";
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG } from "../get.ts";
import { buildVisits, type Visit } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { CASCADE_FLAG, cascadeStrategy, FORCE_FLAG, GRACE_PERIOD_FLAG, TIMEOUT_FLAG } from "./delete.ts";
import { fileObject } from "./create.ts";
import { BOOL } from "../flags.ts";
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  fieldManagerFlag,
  LAST_APPLIED,
  operationPrinter,
  PRINT_FLAGS,
  printWarnings,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  validationDirective,
  withApplyAnnotation,
  withSource,
} from "../write.ts";

type FileVisit = Extract<Visit, { kind: "name" }> & { fromFile: KubeObject };

/** CreateOrUpdateAnnotation: --save-config writes the annotation; an object that has one gets it refreshed. */
function annotated(inv: Invocation, obj: KubeObject): KubeObject {
  if (inv.flags.bool("save-config") || obj.metadata?.annotations?.[LAST_APPLIED]) return withApplyAnnotation(obj);
  return obj;
}

function throwAll(errors: readonly unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const filenames = f.strings("filename");
  if (f.string("raw") !== "") throw new KubectlError("--raw is not supported by this simulated kubectl");
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  if (filenames.length === 0) throw new KubectlError("must specify one of -f and -k");
  const dryRun = dryRunStrategy(inv);
  const fieldValidation = validationDirective(f);
  const force = f.bool("force");
  if (force && dryRun !== "none") throw new KubectlError("--dry-run can not be used when --force is set");
  if (!force && f.int("grace-period") >= 0) throw new KubectlError("--grace-period must have --force specified");
  if (!force && f.duration("timeout") !== 0) throw new KubectlError("--timeout must have --force specified");

  const built = buildVisits(inv.ctx, {
    args: inv.args,
    filenames,
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace,
    stdin: inv.io.stdin,
  });
  const visits = built.visits.filter((v): v is FileVisit => v.kind === "name" && v.fromFile !== undefined);
  if (force) return forceReplace(inv, visits, built.errors);

  const api = inv.ctx.api;
  const print = operationPrinter(inv, "replaced", dryRun);
  const errors: unknown[] = [...built.errors];
  for (const visit of visits) {
    const obj = annotated(inv, fileObject(visit.fromFile, visit.type, visit.namespace));
    if (dryRun === "client") {
      print(obj, { asRead: true });
      continue;
    }
    try {
      // Helper.Replace with overwrite: the live resourceVersion when the file has none.
      if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = api.get(visit.type.resource, visit.namespace, visit.name).metadata.resourceVersion;
      const warnings: string[] = [];
      const result = api.update(visit.type.resource, obj, { dryRun: dryRun === "server", fieldValidation, warnings });
      printWarnings(inv, warnings);
      print(result);
    } catch (err) {
      errors.push(withSource("replacing", visit.source, err));
    }
  }
  throwAll(errors);
  return 0;
}

/** Delete what the files name, wait until it is gone, create it again. */
async function forceReplace(inv: Invocation, visits: readonly FileVisit[], fileErrors: readonly unknown[]): Promise<number> {
  throwAll(fileErrors);
  const api = inv.ctx.api;
  // Unlike delete, replace --force keeps the grace period as given (-1: the object's own).
  const grace = inv.flags.int("grace-period");
  const propagationPolicy = cascadeStrategy(inv.flags.string("cascade"));
  const errors: unknown[] = [];
  for (const v of visits) {
    try {
      api.delete(v.type.resource, v.namespace, v.name, { propagationPolicy, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) });
      const kind = v.type.group ? `${v.type.kind.toLowerCase()}.${v.type.group}` : v.type.kind.toLowerCase();
      inv.io.stdout(`${kind} ${JSON.stringify(v.name)} ${grace === 0 ? "force deleted" : "deleted"}\n`);
    } catch (err) {
      errors.push(withSource("deleting", v.source, err));
    }
  }
  throwAll(errors);
  const timeout = inv.flags.duration("timeout") || 5 * 60_000;
  for (const v of visits) {
    const start = inv.ctx.now();
    while (api.find(v.type.resource, v.namespace, v.name)) {
      if (inv.ctx.now() - start >= timeout) throw new KubectlError("timed out waiting for the condition");
      await inv.ctx.wait(1000);
    }
  }
  const print = operationPrinter(inv, "replaced", "none");
  let count = 0;
  for (const v of visits) {
    const obj = annotated(inv, fileObject(v.fromFile, v.type, v.namespace));
    const warnings: string[] = [];
    const result = api.create(v.type.resource, obj, { namespace: v.namespace, fieldValidation: validationDirective(inv.flags), warnings });
    count++;
    printWarnings(inv, warnings);
    print(result);
  }
  if (count === 0) throw new KubectlError("no objects passed to replace");
  return 0;
}

export const replaceCommand: Command = {
  name: "replace",
  short: "Replace a resource by file name or stdin",
  long: [
    "Replace a resource by file name or stdin.",
    "",
    " JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by",
    "",
    "  $ kubectl get TYPE NAME -o yaml",
  ].join("\n"),
  example: [
    "  # Replace a pod using the data in pod.json",
    "  kubectl replace -f ./pod.json",
    "",
    "  # Force replace, delete and then re-create the resource",
    "  kubectl replace --force -f ./pod.json",
  ].join("\n"),
  use: "replace -f FILENAME",
  flags: [
    ...PRINT_FLAGS,
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-replace"),
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "The files that contain the configurations to replace." },
    FORCE_FLAG,
    GRACE_PERIOD_FLAG,
    { ...KUSTOMIZE_FLAG, usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: "raw", type: "string", usage: "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file." },
    RECURSIVE_FLAG,
    SAVE_CONFIG_FLAG,
    {
      name: "subresource",
      type: "string",
      usage: "If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.",
    },
    TIMEOUT_FLAG,
    VALIDATE_FLAG,
    BOOL("wait", "If true, wait for resources to be gone before returning. This waits for finalizers."),
  ],
  run,
};
