// `kubectl annotate` (kubectl pkg/cmd/annotate, v1.32): like label, but any
// value is allowed, the change-cause annotation may always be overwritten,
// the message is always `annotated`, and the printed object is the server's
// answer.
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
  fieldManager: "kubectl-annotate",
  allUsage: "Select all resources, in the namespace of the specified resource types.",
  filenameUsage: "identifying the resource to update the annotation",
  listUsage: "If true, display the annotations for a given resource.",
  localUsage: "If true, annotation will NOT contact api-server but run locally.",
  overwriteUsage: "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.",
  resourceVersionUsage:
    "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.",
});

/** cmdutil.ParsePairs with removals. */
function parsePairs(pairs: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") {
      const i = p.indexOf("=");
      set.set(p.slice(0, i), p.slice(i + 1));
    } else if (p.endsWith("-") && p !== "-") {
      remove.push(p.slice(0, -1));
    } else {
      invalid.push(p);
    }
  }
  if (invalid.length > 0) throw new KubectlError(`invalid annotation format: ${invalid.join(", ")}`);
  return { set, remove };
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const isLocal = f.bool("local");
  const printer = objectPrinter(inv, dryRun, { form: isLocal ? "raw" : "wire" });
  const { resources, pairs } = resourcesAndPairs(inv.args, "annotation");
  const { set, remove } = parsePairs(pairs);
  const list = f.bool("list");
  if (list && f.string("output") !== "") throw new KubectlError("--list and --output may not be specified together");
  if (f.bool("all") && f.string("selector") !== "") throw new KubectlError("cannot set --all and --selector at the same time");
  if (f.bool("all") && f.string("field-selector") !== "") throw new KubectlError("cannot set --all and --field-selector at the same time");
  if (isLocal) {
    if (dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
    if (resources.length > 0) throw new KubectlError("can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set");
    if (f.strings("filename").length === 0) throw new KubectlError("one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json");
  } else if (resources.length < 1 && f.strings("filename").length === 0) {
    throw new KubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  if (set.size < 1 && remove.length < 1 && !list) throw new KubectlError("at least one annotation update is required");
  const both = remove.filter((k) => set.has(k));
  if (both.length > 0) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`);

  const { entries, single, resourceVersion } = metadataTargets(inv, resources, isLocal);
  const overwrite = f.bool("overwrite");

  await visitAll(entries, (t) => {
    const obj = t.object;
    // A file's object may come without metadata; setting labels makes it.
    obj.metadata ??= {} as typeof obj.metadata;
    const local = dryRun === "client" || list || isLocal;
    const old = { ...(obj.metadata.annotations ?? {}) };
    const patchAnnotations: Record<string, string | null> = {};
    if (!local && recording(inv)) {
      // The recorder writes the command first; the update below may still override it.
      old[CHANGE_CAUSE] = changeCause(inv);
      patchAnnotations[CHANGE_CAUSE] = changeCause(inv);
    }
    if (!overwrite) {
      const clashes: string[] = [];
      for (const [key, value] of set) {
        if (key === CHANGE_CAUSE) continue;
        const current = old[key];
        if (current !== undefined && current !== value) clashes.push(`'${key}' already has a value (${current})`);
      }
      if (clashes.length > 0) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${clashes.join("; ")}`);
    }
    const annotations = { ...old };
    for (const [key, value] of set) annotations[key] = value;
    for (const key of remove) delete annotations[key];
    for (const key of new Set([...Object.keys(obj.metadata.annotations ?? {}), ...Object.keys(annotations)])) {
      const was = obj.metadata.annotations?.[key];
      if (was !== annotations[key]) patchAnnotations[key] = annotations[key] ?? null;
    }
    obj.metadata.annotations = annotations;
    if (resourceVersion !== "") obj.metadata.resourceVersion = resourceVersion;
    let out = obj;
    if (!local) {
      const meta: Record<string, unknown> = {};
      if (Object.keys(patchAnnotations).length > 0) meta.annotations = patchAnnotations;
      if (resourceVersion !== "") meta.resourceVersion = resourceVersion;
      out = inv.ctx.api.patch(t.type.resource, t.namespace, t.name, "merge", Object.keys(meta).length > 0 ? { metadata: meta } : {}, {
        dryRun: dryRun === "server",
      });
    }
    if (list) {
      const indent = single ? "" : " ";
      if (!single) inv.io.stdout(`Listing annotations for ${t.type.kind}.${t.type.group}/${t.name}:\n`);
      const shown = out.metadata.annotations ?? {};
      for (const key of Object.keys(shown).sort()) inv.io.stdout(`${indent}${key}=${shown[key]}\n`);
      return;
    }
    printer.print(out, "annotated");
  });
  return 0;
}

export const annotateCommand: Command = {
  name: "annotate",
  short: "Update the annotations on a resource",
  long: `Update the annotations on one or more resources.

 Annotations are key/value pairs for tools and people: unlike labels they are not used to select objects, and their values may be any text, even long or structured data.

 An annotation that already has a value is only changed with --overwrite. With --resource-version the change is only made if the object is still at that version.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Note who owns the deployment web
  kubectl annotate deployment web owner='team blue'
  
  # Change it
  kubectl annotate --overwrite deployment web owner='team green'
  
  # Annotate every pod in the namespace
  kubectl annotate pods --all reviewed=yes
  
  # Remove the annotation
  kubectl annotate deployment web owner-`,
  use: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  flags: FLAGS,
  run,
};
