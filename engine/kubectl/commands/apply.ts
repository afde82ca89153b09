// `kubectl apply -f` (pkg/cmd/apply, v1.32), client-side: an object that
// does not exist is created with the kubectl.kubernetes.io/last-applied-
// configuration annotation; one that does is patched with the three-way
// strategic merge patch between that annotation, the file and the live
// object ("configured"), or left alone when the patch is empty ("unchanged").
import { APPLY_SUBCOMMANDS } from "./apply-last-applied.ts";
import { isConflict, isNotFound } from "../../api/errors.ts";
import { schemaFor } from "../../api/patch/strategic-schema.ts";
import { createThreeWayMergePatch } from "../../api/patch/strategic.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { KubeObject } from "../../api/types.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL } from "../flags.ts";
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from "../get.ts";
import { atVisitedVersion, buildVisits } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { toWire } from "../wire.ts";
import { CASCADE_FLAG, FORCE_FLAG, GRACE_PERIOD_FLAG, TIMEOUT_FLAG } from "./delete.ts";
import { fileObject } from "./create.ts";
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  fieldManagerFlag,
  LAST_APPLIED,
  modifiedConfiguration,
  operationPrinter,
  PRINT_FLAGS,
  printWarnings,
  VALIDATE_FLAG,
  validationDirective,
  withApplyAnnotation,
  withSource,
} from "../write.ts";
import { parseSelector } from "../../api/labels.ts";

const WARN_NO_ANNOTATION = (objectName: string) =>
  `Warning: resource ${objectName} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

/** How often kubectl retries a patch that met a conflict. */
const MAX_PATCH_RETRIES = 5;

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  if (inv.args.length > 0) throw usageError(inv.path, `Unexpected args: [${inv.args.join(" ")}]`);
  const filenames = f.strings("filename");
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  if (filenames.length === 0) throw new KubectlError("must specify one of -f and -k");
  if (f.bool("server-side")) throw new KubectlError("--server-side is not supported by this simulated kubectl yet; use client-side apply");
  if (f.bool("prune")) throw new KubectlError("--prune is not supported by this simulated kubectl");
  const dryRun = dryRunStrategy(inv);
  const fieldValidation = validationDirective(f);
  const selector = f.changedFlag("selector") ? f.string("selector") : "";
  const printObject = f.string("output") !== "" || f.string("template") !== "";

  const built = buildVisits(inv.ctx, {
    args: [],
    filenames,
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace,
    stdin: inv.io.stdin,
  });
  const api = inv.ctx.api;
  const errors: unknown[] = [...built.errors];
  const created = operationPrinter(inv, "created", dryRun);
  const configured = operationPrinter(inv, "configured", dryRun);
  const unchanged = operationPrinter(inv, "unchanged", dryRun);
  let count = 0;
  for (const visit of built.visits) {
    if (visit.kind !== "name" || !visit.fromFile) continue;
    const obj = fileObject(visit.fromFile, visit.type, visit.namespace);
    if (selector && !parseSelector(selector).matches(obj.metadata?.labels)) continue;
    count++;
    const resource = visit.type.resource;
    try {
      const stored = api.find(resource, visit.namespace, visit.name);
      // A manifest at another served version (autoscaling/v1) is compared with that version's view.
      const live = stored && atVisitedVersion(inv.ctx, visit.type, stored);
      if (!live) {
        const annotated = withApplyAnnotation(obj);
        if (dryRun === "client") {
          created(annotated, { asRead: true });
          continue;
        }
        const warnings: string[] = [];
        let result: KubeObject;
        try {
          result = api.create(resource, annotated, { namespace: visit.namespace, dryRun: dryRun === "server", fieldValidation, warnings });
        } catch (err) {
          throw withSource("creating", visit.source, err);
        }
        printWarnings(inv, warnings);
        created(atVisitedVersion(inv.ctx, visit.type, result));
        continue;
      }
      if (dryRun === "client") {
        configured(live);
        continue;
      }
      if (live.metadata.annotations?.[LAST_APPLIED] === undefined) {
        inv.io.stderr(WARN_NO_ANNOTATION(`${resource}/${visit.name}`));
      }
      const modified = JSON.parse(modifiedConfiguration(obj, true).json) as unknown;
      const { patch, result } = patchWithRetries(inv, visit.type, visit.namespace, visit.name, modified, dryRun === "server", fieldValidation, visit.source);
      if (Object.keys(patch).length === 0 && !printObject) {
        unchanged(result);
        continue;
      }
      configured(result);
    } catch (err) {
      errors.push(err);
    }
  }
  if (count === 0 && errors.length === 0) throw new KubectlError("no objects passed to apply");
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return 0;
}

/** Patcher.Patch: the three-way patch against the live object, sent; retried on a conflict. */
function patchWithRetries(
  inv: Invocation,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  modified: unknown,
  dryRun: boolean,
  fieldValidation: ReturnType<typeof validationDirective>,
  source: string | undefined,
): { patch: Record<string, unknown>; result: KubeObject } {
  const api = inv.ctx.api;
  const resource = type.resource;
  for (let attempt = 1; ; attempt++) {
    const current = toWire(atVisitedVersion(inv.ctx, type, api.get(resource, namespace, name)));
    const lastApplied = current.metadata.annotations?.[LAST_APPLIED];
    let original: unknown = null;
    if (lastApplied) {
      try {
        original = JSON.parse(lastApplied);
      } catch {
        original = null;
      }
    }
    const patch = createThreeWayMergePatch(original, modified, current, schemaFor(current.kind ?? ""));
    if (Object.keys(patch).length === 0) return { patch, result: current };
    try {
      const warnings: string[] = [];
      const result = atVisitedVersion(inv.ctx, type, api.patch(resource, namespace, name, "strategic", patch, { dryRun, fieldValidation, warnings, version: type.version }));
      printWarnings(inv, warnings);
      return { patch, result };
    } catch (err) {
      if (isConflict(err) && attempt < MAX_PATCH_RETRIES) continue;
      if (isNotFound(err)) throw withSource("patching", source, err);
      throw withSource(`applying patch:\n${JSON.stringify(patch)}\nto:\n${resource}/${name}\nfor:`, source, err);
    }
  }
}

export const applyCommand: Command = {
  name: "apply",
  short: "Apply a configuration to a resource by file name or stdin",
  long: [
    "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.",
    "",
    " JSON and YAML formats are accepted.",
    "",
    " kubectl keeps what it applied in the kubectl.kubernetes.io/last-applied-configuration annotation: the next apply compares the file with it and with the live object, and removes only the fields it had set itself.",
  ].join("\n"),
  example: [
    "  # Apply the configuration in pod.json to a pod",
    "  kubectl apply -f ./pod.json",
    "",
    "  # Apply the JSON passed into stdin to a pod",
    "  cat pod.json | kubectl apply -f -",
  ].join("\n"),
  use: "apply (-f FILENAME | -k DIRECTORY)",
  subcommands: APPLY_SUBCOMMANDS,
  flags: [
    BOOL("all", "Select all resources in the namespace of the specified resource types."),
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-client-side-apply"),
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "The files that contain the configurations to apply." },
    FORCE_FLAG,
    BOOL("force-conflicts", "If true, server-side apply will force the changes against conflicts."),
    GRACE_PERIOD_FLAG,
    { ...KUSTOMIZE_FLAG, usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    BOOL(
      "openapi-patch",
      "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.",
      { default: "true" },
    ),
    BOOL("overwrite", "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration", { default: "true" }),
    BOOL("prune", "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all."),
    { name: "prune-allowlist", type: "stringArray", default: "[]", usage: "Overwrite the default allowlist with <group/version/kind> for --prune" },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    BOOL("server-side", "If true, apply runs in the server instead of the client."),
    {
      name: "subresource",
      type: "string",
      usage: "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.",
    },
    TIMEOUT_FLAG,
    VALIDATE_FLAG,
    BOOL("wait", "If true, wait for resources to be gone before returning. This waits for finalizers."),
    ...PRINT_FLAGS,
  ],
  run,
};
