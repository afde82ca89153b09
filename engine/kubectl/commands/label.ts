// `kubectl label` (kubectl pkg/cmd/label, v1.32): KEY=VALUE and KEY- changes
// applied to each object's labels and sent as a JSON merge patch. Values are
// checked here, keys by the server. The message is `labeled`, `not labeled`
// (nothing changed) or `unlabeled` (the object got shorter without
// --overwrite); the printed object is the one kubectl changed locally.
import { isValidLabelValue } from "../../api/validation/names.ts";
import type { Command, Invocation } from "../command.ts";
import type { FlagDef } from "../flags.ts";
import { KubectlError } from "../types.ts";
import {
  CHANGE_CAUSE,
  changeCause,
  dryRunStrategy,
  LOCAL_DRY_RUN_SERVER,
  metadataFlags,
  metadataTargets,
  objectPrinter,
  recording,
  resourcesAndPairs,
  visitAll,
} from "./mutation.ts";

const FLAGS: FlagDef[] = metadataFlags({
  fieldManager: "kubectl-label",
  allUsage: "Select all resources, in the namespace of the specified resource types",
  filenameUsage: "identifying the resource to update the labels",
  listUsage: "If true, display the labels for a given resource.",
  localUsage: "If true, label will NOT contact api-server but run locally.",
  overwriteUsage: "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.",
  resourceVersionUsage:
    "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.",
});

/** parseLabels: new values (checked), removals, and kubectl's errors. */
function parseLabels(specs: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes("=")) {
      const parts = spec.split("=");
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(";")}`);
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith("-")) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown label spec: ${spec}`);
    }
  }
  for (const key of remove) if (set.has(key)) throw new KubectlError("can not both modify and remove a label in the same command");
  return { set, remove };
}

/** The object's JSON length, as the message's `unlabeled` test compares it. */
function jsonLength(obj: unknown): number {
  return JSON.stringify(obj).length;
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const { resources, pairs } = resourcesAndPairs(inv.args, "label");
  const { set, remove } = parseLabels(pairs);
  const list = f.bool("list");
  if (list && f.string("output") !== "") throw new KubectlError("--list and --output may not be specified together");
  if (f.bool("all") && f.string("selector") !== "") throw new KubectlError("cannot set --all and --selector at the same time");
  if (f.bool("all") && f.string("field-selector") !== "") throw new KubectlError("cannot set --all and --field-selector at the same time");
  const isLocal = f.bool("local");
  if (isLocal) {
    if (dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
    if (resources.length > 0) throw new KubectlError("can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set");
    if (f.strings("filename").length === 0) throw new KubectlError("one or more files must be specified as -f pod.yaml or --filename=pod.json");
  } else if (resources.length < 1 && f.strings("filename").length === 0) {
    throw new KubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  if (set.size < 1 && remove.length < 1 && !list) throw new KubectlError("at least one label update is required");

  const { entries, single, resourceVersion } = metadataTargets(inv, resources, isLocal);
  const overwrite = f.bool("overwrite");

  await visitAll(entries, (t) => {
    const obj = t.object;
    // A file's object may come without metadata; setting labels makes it.
    obj.metadata ??= {} as typeof obj.metadata;
    if (resourceVersion !== "") obj.metadata.resourceVersion = "";
    const before = jsonLength(obj);
    const oldLabels = { ...(obj.metadata.labels ?? {}) };
    const local = dryRun === "client" || list || isLocal;
    if (!local) {
      for (const key of remove) if (!(key in oldLabels)) inv.io.stdout(`label ${JSON.stringify(key)} not found.\n`);
    }
    // labelFunc: refuse to overwrite, then set and remove.
    if (!overwrite) {
      for (const [key, value] of set) {
        const current = oldLabels[key];
        if (current !== undefined && current !== value) throw new KubectlError(`'${key}' already has a value (${current}), and --overwrite is false`);
      }
    }
    const labels = { ...oldLabels };
    for (const [key, value] of set) labels[key] = value;
    for (const key of remove) delete labels[key];
    obj.metadata.labels = labels;
    if (resourceVersion !== "") obj.metadata.resourceVersion = resourceVersion;
    const patch: { metadata: Record<string, unknown> } = { metadata: {} };
    if (!local && recording(inv)) {
      obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(inv) };
      patch.metadata.annotations = { [CHANGE_CAUSE]: changeCause(inv) };
    }
    const changes: Record<string, string | null> = {};
    for (const key of new Set([...Object.keys(oldLabels), ...Object.keys(labels)])) {
      if (oldLabels[key] !== labels[key]) changes[key] = labels[key] ?? null;
    }
    const changed = Object.keys(changes).length > 0 || resourceVersion !== "" || patch.metadata.annotations !== undefined;
    let message = "not labeled";
    if (changed) message = !overwrite && jsonLength(obj) < before ? "unlabeled" : "labeled";
    if (!local) {
      if (Object.keys(changes).length > 0) patch.metadata.labels = changes;
      if (resourceVersion !== "") patch.metadata.resourceVersion = resourceVersion;
      inv.ctx.api.patch(t.type.resource, t.namespace, t.name, "merge", Object.keys(patch.metadata).length > 0 ? patch : {}, { dryRun: dryRun === "server" });
    }
    if (list) {
      const indent = single ? "" : " ";
      if (!single) inv.io.stdout(`Listing labels for ${t.type.kind}.${t.type.group}/${t.name}:\n`);
      for (const key of Object.keys(labels).sort()) inv.io.stdout(`${indent}${key}=${labels[key]}\n`);
      return;
    }
    objectPrinter(inv, dryRun, { form: isLocal ? "raw" : "wire" }).print(obj, message);
  });
  return 0;
}

export const labelCommand: Command = {
  name: "label",
  short: "Update the labels on a resource",
  long: `Update the labels on a resource.

  *  A label key and value must each begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  Changing a label that already has a value needs --overwrite; without it kubectl refuses.
  *  With --resource-version the change is only made if the object is still at that version.`,
  example: `  # Give the deployment web the label tier=frontend
  kubectl label deployment web tier=frontend
  
  # Change an existing label
  kubectl label --overwrite deployment web tier=backend
  
  # Label every pod in the namespace
  kubectl label pods --all checked=yes
  
  # Remove the label tier
  kubectl label deployment web tier-`,
  use: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  flags: FLAGS,
  run,
};
