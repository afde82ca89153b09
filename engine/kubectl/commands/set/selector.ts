// `kubectl set selector` (kubectl pkg/cmd/set/set_selector.go, v1.32): replace
// a Service's spec.selector with the equality terms of the last argument
// (set-based terms are refused). Only Services have a selector kubectl will
// set; the patch is sent, and the object printed, even when nothing changed.
import { parseSelector, SelectorParseError } from "../../../api/labels.ts";
import type { Command, Invocation } from "../../command.ts";
import { BOOL, type FlagDef, STRING } from "../../flags.ts";
import { KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  fetchTargets,
  fieldManagerFlag,
  LOCAL_RESOURCE_ERROR,
  localTargets,
  objectPrinter,
  PRINT_FLAGS,
  RECORD_FLAG,
  visitAll,
} from "../mutation.ts";
import { sendChange } from "./common.ts";

const FLAGS: FlagDef[] = [
  BOOL("all", "Select all resources in the namespace of the specified resource types"),
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  fieldManagerFlag("kubectl-set"),
  { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "identifying the resource." },
  // ResourceBuilderFlags gives set selector the annotate wording.
  BOOL("local", "If true, annotation will NOT contact api-server but run locally."),
  BOOL(
    "recursive",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
    { shorthand: "R", default: "true" },
  ),
  RECORD_FLAG,
  STRING(
    "resource-version",
    "If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.",
  ),
];

/** metav1.LabelSelectorRequirement as Go's %v prints it: `{tier In [a b]}`. */
function requirementText(key: string, op: string, values: readonly string[]): string {
  return `{${key} ${op} [${values.join(" ")}]}`;
}

const OPERATORS: Record<string, string> = { in: "In", notin: "NotIn", exists: "Exists", "!": "DoesNotExist" };

/** metav1.ParseToLabelSelector: match labels, and the expressions kubectl will refuse. */
function parseToLabelSelector(text: string): { matchLabels: Record<string, string>; expressions: string[] } {
  let requirements;
  try {
    requirements = parseSelector(text).requirements() ?? [];
  } catch (err) {
    if (err instanceof SelectorParseError) throw new KubectlError(`couldn't parse the selector string "${text}": ${err.message}`);
    throw err;
  }
  const matchLabels: Record<string, string> = {};
  const expressions: string[] = [];
  for (const r of requirements) {
    if (r.operator === "=" || r.operator === "==") {
      matchLabels[r.key] = r.values[0]!;
      continue;
    }
    if (r.operator === "gt" || r.operator === "lt") throw new KubectlError(`"${r.operator}" isn't supported in label selectors`);
    const op = OPERATORS[r.operator];
    if (!op) throw new KubectlError(`"${r.operator}" is not a valid label selector operator`);
    expressions.push(requirementText(r.key, op, [...r.values].sort()));
  }
  return { matchLabels, expressions };
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const args = inv.args;
  const resources = args.slice(0, -1);
  const selector = args.length > 0 ? parseToLabelSelector(args[args.length - 1]!) : undefined;
  const local = f.bool("local");
  const printer = objectPrinter(inv, dryRun, { form: "typed" });
  if (!selector) throw new KubectlError("one selector is required");
  if (local && resources.length > 0) throw new KubectlError(LOCAL_RESOURCE_ERROR);
  const { entries } = local
    ? localTargets(inv, f.strings("filename"), { typed: true })
    : fetchTargets(inv, { args: resources, all: f.bool("all"), filenames: f.strings("filename") });
  const resourceVersion = f.string("resource-version");
  await visitAll(entries, (t) => {
    if (resourceVersion !== "") t.object.metadata.resourceVersion = "";
    const original = toWire(t.object);
    if (resourceVersion !== "") t.object.metadata.resourceVersion = resourceVersion;
    if (t.type.kind !== "Service" || t.type.group !== "") throw new KubectlError("setting a selector is only supported for Services");
    if (selector.expressions.length > 0) throw new KubectlError(`match expression [${selector.expressions.join(" ")}] not supported on this object`);
    const spec = ((t.object as { spec?: Record<string, unknown> }).spec ??= {});
    if (Object.keys(selector.matchLabels).length > 0) spec.selector = { ...selector.matchLabels };
    else delete spec.selector;
    const err = sendChange({ inv, target: t, original, dryRun, printer, operation: "selector updated", always: true });
    if (err) throw err;
  });
  return 0;
}

export const setSelectorCommand: Command = {
  name: "selector",
  short: "Set the selector on a resource",
  long: `Set the selector on a resource. The new selector replaces the one the resource had before, if any.

 A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. With --resource-version the update is only made if the object is still at that version; otherwise the object's current version is used. Note: only Services have a selector kubectl can set.`,
  example: `  # Point the service web at the pods labelled app=web2
  kubectl set selector service web app=web2
  
  # Change a service manifest on disk without the server, and create it
  kubectl set selector --local -f web-svc.yaml 'app=web2' -o yaml | kubectl create -f -`,
  use: "selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]",
  flags: FLAGS,
  run,
};
