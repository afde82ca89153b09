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
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from "../get.ts";
import { choosePrinter } from "../output.ts";
import { isSchemeKind, typedForm } from "../local-typed.ts";
import { buildVisits, readFileObjects } from "../resources.ts";
import { typedJson } from "../typed-json.ts";
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

/**
 * The flags every command that changes existing objects has (label,
 * annotate, patch, set): -o and its companions, --dry-run, --field-manager,
 * -f/-k/-R, --local and the hidden --record. Each adds its own.
 */
export function changeFlags(o: { fieldManager: string; filenameUsage: string; localUsage: string; record?: boolean }): FlagDef[] {
  return [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag(o.fieldManager),
    ...filenameFlags(o.filenameUsage),
    BOOL("local", o.localUsage),
    ...(o.record === false ? [] : [RECORD_FLAG]),
  ];
}

/** The flags label and annotate share, in their own words. */
export function metadataFlags(o: {
  fieldManager: string;
  allUsage: string;
  filenameUsage: string;
  listUsage: string;
  localUsage: string;
  overwriteUsage: string;
  resourceVersionUsage: string;
}): FlagDef[] {
  return [
    ...changeFlags(o),
    BOOL("all", o.allUsage),
    { ...ALL_NAMESPACES_FLAG, usage: "If true, check the specified action in all namespaces." },
    STRING(
      "field-selector",
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    ),
    BOOL("list", o.listUsage),
    BOOL("overwrite", o.overwriteUsage),
    STRING("resource-version", o.resourceVersionUsage),
    SELECTOR_FLAG,
  ];
}


/** `deployment.apps/web` for an object (NamePrinter without an operation). */
export function objectRef(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? "";
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const kind = (obj.kind ?? "").toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata?.name || "<unknown>"}`;
}

/**
 * How an object is shown with -o: as the server sent it (`wire`), as
 * kubectl's typed encoder writes an object it decoded itself (`typed`: zero
 * values, JSON fields in struct order), or as read from a file (`raw`).
 */
export type ObjectForm = "wire" | "typed" | "raw";

export interface ObjectPrinter {
  /** Print `obj` as -o asks, or `kind.group/name <operation>` (with the dry-run suffix). */
  print(obj: KubeObject, operation: string): void;
  /** Whether -o was given with a format (not the operation message). */
  custom: boolean;
}

/** PrintFlags.ToPrinter for a mutating command (checked before anything is sent). */
export function objectPrinter(inv: Invocation, dryRun: DryRun, options: { dryRunSuffix?: boolean; form?: ObjectForm } = {}): ObjectPrinter {
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
  const form = options.form ?? "wire";
  if (form === "typed" && output === "json") return { custom: true, print: (obj) => inv.io.stdout(typedJson(typedForm(obj), "    ") + "\n") };
  return { custom: true, print: (obj) => inv.io.stdout(p.print(form === "raw" ? obj : form === "typed" ? typedForm(obj) : toWire(obj))) };
}

/** What --record writes: `kubectl` and the arguments, then every flag as --name=value. */
export function changeCause(inv: Invocation): string {
  const words = [...(inv.typedPath ?? inv.path).split(" "), ...inv.args];
  let flags = "";
  for (const { name, value } of inv.flags.setLog) flags += ` --${name}=${name === "record" && value === "" ? "true" : value}`;
  return words.join(" ") + flags;
}

/** Whether --record=true was given (the flag is deprecated but still honoured). */
export function recording(inv: Invocation): boolean {
  return inv.flags.has("record") && inv.flags.bool("record");
}

/** An object a command line names, fetched from the server (a private copy), or read from a file with --local. */
export interface Target {
  type: ResourceType;
  object: KubeObject;
  namespace: string | undefined;
  name: string;
  /** Read from a file without asking the server (--local): `type` only has group, version and kind. */
  local?: boolean;
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
 * label and annotate: the objects to change (the -f files as read with
 * --local, else from the server) and --resource-version, which needs a
 * single one.
 */
export function metadataTargets(inv: Invocation, resources: readonly string[], isLocal: boolean): { entries: Entry[]; single: boolean; resourceVersion: string } {
  const f = inv.flags;
  const { entries, single } = isLocal
    ? localTargets(inv, f.strings("filename"), { typed: false })
    : fetchTargets(inv, {
        args: resources,
        all: f.bool("all"),
        selector: f.string("selector"),
        fieldSelector: f.string("field-selector"),
        allNamespaces: f.bool("all-namespaces"),
        filenames: f.strings("filename"),
      });
  const resourceVersion = f.string("resource-version");
  if (!single && resourceVersion !== "") throw new KubectlError("--resource-version may only be used with a single resource");
  return { entries, single, resourceVersion };
}

export const LOCAL_DRY_RUN_SERVER = "cannot specify --local and --dry-run=server - did you mean --dry-run=client?";

/** resource.LocalResourceError: --local with objects named on the command line. */
export const LOCAL_RESOURCE_ERROR =
  "you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/**
 * A builder with Local(): the objects of the -f files, as read, never sent
 * anywhere. `typed` decodes them into kubectl's scheme (the set commands),
 * which refuses kinds it does not know; label and annotate take any kind.
 */
export function localTargets(inv: Invocation, filenames: readonly string[], options: { typed: boolean }): Targets {
  if (filenames.length === 0) {
    throw new KubectlError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { objects, errors } = readFileObjects(inv.ctx, filenames, inv.io.stdin);
  const entries: Entry[] = errors.map((error) => ({ error }));
  for (const { object, source } of objects) {
    const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
    const kind = object.kind ?? "";
    if (options.typed && !isSchemeKind(apiVersion, kind)) {
      entries.push({ error: new KubectlError(`unable to decode ${JSON.stringify(source)}: no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/scheme/scheme.go:28"`) });
      continue;
    }
    const objNamespace = object.metadata?.namespace;
    if (inv.explicitNamespace && objNamespace && objNamespace !== inv.namespace) {
      entries.push({
        error: new KubectlError(
          `the namespace from the provided object ${JSON.stringify(objNamespace)} does not match the namespace ${JSON.stringify(inv.namespace)}. You must pass '--namespace=${objNamespace}' to perform this operation.`,
        ),
      });
      continue;
    }
    const slash = apiVersion.indexOf("/");
    const type = { group: slash >= 0 ? apiVersion.slice(0, slash) : "", version: apiVersion.slice(slash + 1), kind, resource: kind.toLowerCase() } as ResourceType;
    const copy = deepClone(object);
    // kubectl's accessors give a file's object metadata as soon as they touch it.
    if (options.typed) copy.metadata ??= {} as KubeObject["metadata"];
    entries.push({ target: { type, object: copy, namespace: copy.metadata?.namespace || inv.namespace, name: copy.metadata?.name ?? "", local: true } });
  }
  return {
    entries,
    targets: entries.flatMap((e) => (e.target ? [e.target] : [])),
    errors: entries.flatMap((e) => (e.target ? [] : [e.error])),
    single: filenames.length === 1 && objects.length === 1,
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
