// What kubectl's commands that change objects share (scale, label, annotate,
// patch, set, rollout): the print flags with the "<kind>/<name> <operation>"
// message, --dry-run and its strategies, the deprecated --record, the -f/-k/-R
// flags, and fetching the objects a command line names, errors kept for the
// end as the builder's ContinueOnError does.
import { ApiError } from "../../api/errors.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { KubeObject } from "../../api/types.ts";
import { deepClone } from "../../util/json.ts";
import type { Invocation } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { SELECTOR_FLAG } from "../get.ts";
import { choosePrinter } from "../output.ts";
import { buildVisits } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { toWire } from "../wire.ts";
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy, PRINT_FLAGS } from "../write.ts";

export { DRY_RUN_FLAG, type DryRun, dryRunStrategy, PRINT_FLAGS };

export { SELECTOR_FLAG };

export const CHANGE_CAUSE = "kubernetes.io/change-cause";

/** The -o formats of commands without tables, as their printer error lists them. */
export const FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";



export const RECORD_FLAG: FlagDef = BOOL(
  "record",
  "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.",
  { hidden: true, deprecated: "--record will be removed in the future" },
);

export function filenameFlags(usage: string): FlagDef[] {
  return [
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: `Filename, directory, or URL to files ${usage}` },
    STRING("kustomize", "Process the kustomization directory. This flag can't be used together with -f or -R.", { shorthand: "k" }),
    BOOL(
      "recursive",
      "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
      { shorthand: "R" },
    ),
  ];
}

export function fieldManagerFlag(manager: string): FlagDef {
  return STRING("field-manager", "Name of the manager used to track field ownership.", { default: manager });
}


/** `deployment.apps/web` for an object (NamePrinter without an operation). */
export function objectRef(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? "";
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const kind = (obj.kind ?? "").toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata?.name ?? ""}`;
}

export interface ObjectPrinter {
  /** Print `obj` as -o asks, or `kind.group/name <operation>` (with the dry-run suffix). */
  print(obj: KubeObject, operation: string): void;
  /** Whether -o was given with a format (not the operation message). */
  custom: boolean;
}

/** PrintFlags.ToPrinter for a mutating command (checked before anything is sent). */
export function objectPrinter(inv: Invocation, dryRun: DryRun, options: { dryRunSuffix?: boolean } = {}): ObjectPrinter {
  const output = inv.flags.string("output");
  const template = inv.flags.string("template");
  const suffix = options.dryRunSuffix === false ? "" : dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  if (output === "" && template === "") {
    return { custom: false, print: (obj, op) => inv.io.stdout(`${objectRef(obj)} ${op}${suffix}\n`) };
  }
  const p = choosePrinter({
    output,
    template,
    outputSpecified: inv.flags.changedFlag("output"),
    noHeaders: false,
    allowMissingKeys: inv.flags.bool("allow-missing-template-keys"),
    readFile: (path) => inv.ctx.readFile(path),
    allowedFormats: FORMATS,
    humanReadable: false,
  });
  if (p.kind !== "object") throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${FORMATS}`);
  return { custom: true, print: (obj) => inv.io.stdout(p.print(toWire(obj))) };
}

/** What --record writes: `kubectl` and the arguments, then every flag as --name=value. */
export function changeCause(inv: Invocation): string {
  const words = ["kubectl", ...inv.path.split(" ").slice(1), ...inv.args];
  let flags = "";
  for (const { name, value } of inv.flags.setLog) flags += ` --${name}=${name === "record" && value === "" ? "true" : value}`;
  return words.join(" ") + flags;
}

/** Whether --record=true was given (the flag is deprecated but still honoured). */
export function recording(inv: Invocation): boolean {
  return inv.flags.has("record") && inv.flags.bool("record");
}

/** An object a command line names, fetched from the server (a private copy). */
export interface Target {
  type: ResourceType;
  object: KubeObject;
  namespace: string | undefined;
  name: string;
}

export interface TargetOptions {
  args: readonly string[];
  /** --all, or a command (rollout status) that takes a bare type as every object. */
  all?: boolean;
  selector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
  filenames?: readonly string[];
}

/** One visit's outcome, in the builder's order: an object, or the error fetching it. */
export type Entry = { target: Target; error?: undefined } | { target?: undefined; error: unknown };

export interface Targets {
  entries: Entry[];
  targets: Target[];
  /** Errors fetching single objects (NotFound...), reported after the others are done. */
  errors: unknown[];
  /** One object was named (IntoSingleItemImplied). */
  single: boolean;
}

/** The builder's Do(): the objects the command line names, fetched in kubectl's order. */
export function fetchTargets(inv: Invocation, o: TargetOptions): Targets {
  const selector = o.selector === undefined || o.selector === "" ? undefined : o.selector;
  const built = buildVisits(inv.ctx, {
    args: o.args,
    filenames: o.filenames,
    labelSelector: selector,
    fieldSelector: o.fieldSelector || undefined,
    allNamespaces: o.allNamespaces,
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace,
    allowEmptySelector: o.all,
    stdin: inv.io.stdin,
  });
  const entries: Entry[] = built.errors.map((error) => ({ error }));
  for (const v of built.visits) {
    if (v.kind === "list") {
      const items = inv.ctx.api.list(v.type.resource, { namespace: v.namespace, labelSelector: v.labelSelector, fieldSelector: v.fieldSelector }).items;
      for (const obj of items) {
        entries.push({ target: { type: v.type, object: deepClone(obj), namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" } });
      }
      continue;
    }
    try {
      const obj = inv.ctx.api.get(v.type.resource, v.namespace, v.name);
      entries.push({ target: { type: v.type, object: deepClone(obj), namespace: v.namespace, name: v.name } });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      entries.push({ error: err });
    }
  }
  return {
    entries,
    targets: entries.flatMap((e) => (e.target ? [e.target] : [])),
    errors: entries.flatMap((e) => (e.target ? [] : [e.error])),
    single: built.singleItemImplied,
  };
}

/**
 * Visit with ContinueOnError: `fn` runs for every object; errors (fetching or
 * from `fn`) are collected and thrown together once all are done.
 */
export async function visitAll(entries: readonly Entry[], fn: (t: Target) => void | Promise<void>): Promise<void> {
  const errors: unknown[] = [];
  for (const e of entries) {
    if (!e.target) {
      errors.push(e.error);
      continue;
    }
    try {
      await fn(e.target);
    } catch (err) {
      if (err instanceof TypeError || err instanceof RangeError) throw err;
      errors.push(err);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

/** cmdutil.GetResourcesAndPairs: resource words first, then KEY=VALUE / KEY- pairs. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}
