// `kubectl get` (kubectl pkg/cmd/get/get.go, v1.32): server-side tables for
// the default and wide output (several types each with their own header,
// `kind.group/` prefixes and a blank line between groups), the generic
// printers over objects (one object, or a `List` of several), sorting,
// partial results with NotFound errors, and watching (`-w`, `--watch-only`).
import { ApiError } from "../api/errors.ts";
import type { ResourceType } from "../api/registry.ts";
import type { KubeObject, Table } from "../api/types.ts";
import type { Command, Invocation } from "./command.ts";
import { usageError } from "./command.ts";
import { reportError } from "./errors.ts";
import { BOOL, type FlagDef } from "./flags.ts";
import { choosePrinter, type Printer } from "./output.ts";
import { relaxedJsonPathExpression } from "./printers/jsonpath.ts";
import { jsonString, marshal } from "./printers/go/json.ts";
import type { GoValue } from "./printers/go/value.ts";
import { PrinterError } from "./printers/printer-error.ts";
import { renderTable, type TablePrintOptions, WatchTablePrinter } from "./printers/table.ts";
import { atVisitedVersion, type BuilderResult, buildVisits, type Visit } from "./resources.ts";
import { compileSortField, SortFatal, sortByField } from "./sort.ts";
import { AggregateError, KubectlError } from "./types.ts";
import { toWire } from "./wire.ts";

export const SELECTOR_FLAG: FlagDef = {
  name: "selector",
  shorthand: "l",
  type: "string",
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const ALL_NAMESPACES_FLAG: FlagDef = BOOL(
  "all-namespaces",
  "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
  { shorthand: "A" },
);

export const CHUNK_SIZE_FLAG: FlagDef = {
  name: "chunk-size",
  type: "int64",
  default: "500",
  usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.",
};

export const KUSTOMIZE_FLAG: FlagDef = {
  name: "kustomize",
  shorthand: "k",
  type: "string",
  usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
};

export const RECURSIVE_FLAG: FlagDef = BOOL(
  "recursive",
  "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
  { shorthand: "R" },
);

const GET_FLAGS: FlagDef[] = [
  ALL_NAMESPACES_FLAG,
  BOOL(
    "allow-missing-template-keys",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
    { default: "true" },
  ),
  CHUNK_SIZE_FLAG,
  {
    name: "field-selector",
    type: "string",
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
  {
    name: "filename",
    shorthand: "f",
    type: "stringSlice",
    default: "[]",
    usage: "Filename, directory, or URL to files identifying the resource to get from a server.",
  },
  BOOL("ignore-not-found", "If the requested object does not exist the command will return exit code 0."),
  KUSTOMIZE_FLAG,
  {
    name: "label-columns",
    shorthand: "L",
    type: "stringSlice",
    default: "[]",
    usage:
      "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...",
  },
  BOOL("no-headers", "When using the default or custom-column output format, don't print headers (default print headers)."),
  {
    name: "output",
    shorthand: "o",
    type: "string",
    usage:
      "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].",
  },
  BOOL(
    "output-watch-events",
    "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.",
  ),
  { name: "raw", type: "string", usage: "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file." },
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  BOOL("server-print", "If true, have the server return the appropriate table output. Supports extension APIs and CRDs.", { default: "true" }),
  BOOL("show-kind", "If present, list the resource type for the requested object(s)."),
  BOOL("show-labels", "When printing, show all labels as the last column (default hide labels column)"),
  BOOL("show-managed-fields", "If true, keep the managedFields when printing objects in JSON or YAML format."),
  {
    name: "sort-by",
    type: "string",
    usage:
      "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
  },
  {
    name: "subresource",
    type: "string",
    usage: "If specified, gets the subresource of the requested object. This flag is beta and may change in the future.",
  },
  {
    name: "template",
    type: "string",
    usage:
      "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].",
  },
  BOOL("watch", "After listing/getting the requested object, watch for changes.", { shorthand: "w" }),
  BOOL("watch-only", "Watch for changes to the requested object(s), without listing/getting first."),
];

/** One fetched result: a Table (list or one object) or, for generic printers, objects. */
interface Info {
  type: ResourceType;
  /** Objects as the server returned them, in list order. */
  objects: KubeObject[];
}

function listOrGet(inv: Invocation, visit: Visit): KubeObject[] {
  const api = inv.ctx.api;
  if (visit.kind === "name") {
    if (visit.badPath) {
      throw new ApiError({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "the server could not find the requested resource",
        reason: "NotFound",
        details: {},
        code: 404,
      });
    }
    return [api.get(visit.type.resource, visit.namespace, visit.name)];
  }
  try {
    return api.list(visit.type.resource, {
      namespace: visit.namespace,
      labelSelector: visit.labelSelector || undefined,
      fieldSelector: visit.fieldSelector || undefined,
    }).items;
  } catch (err) {
    // The builder's selector visitor names the request in BadRequest and NotFound errors.
    if (err instanceof ApiError && (err.code === 400 || err.code === 404)) {
      const gvr = `${visit.type.group}/${visit.type.version}, Resource=${visit.type.resource}`;
      const message =
        visit.labelSelector === "" && visit.fieldSelector === ""
          ? `Unable to list ${JSON.stringify(gvr)}: ${err.status.message}`
          : `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(visit.labelSelector)}, field selector ${JSON.stringify(visit.fieldSelector)}: ${err.status.message}`;
      throw new ApiError({ ...err.status, message });
    }
    throw err;
  }
}

/** Visit everything (ContinueOnError): the infos found and the errors met. */
function fetch(inv: Invocation, built: BuilderResult, ignoreNotFound: boolean): { infos: Info[]; errors: unknown[] } {
  const infos: Info[] = [];
  const errors: unknown[] = [...built.errors];
  for (const visit of built.visits) {
    try {
      infos.push({ type: visit.type, objects: listOrGet(inv, visit) });
    } catch (err) {
      if (ignoreNotFound && err instanceof ApiError && err.code === 404) continue;
      errors.push(err);
    }
  }
  return { infos, errors };
}

function throwAll(errors: readonly unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}

function tableOptions(inv: Invocation, type: ResourceType, wide: boolean, withKind: boolean): TablePrintOptions {
  const f = inv.flags;
  return {
    wide,
    noHeaders: f.bool("no-headers"),
    withNamespace: f.bool("all-namespaces") && type.namespaced,
    showLabels: f.bool("show-labels"),
    columnLabels: f.strings("label-columns"),
    withKind: withKind ? { kind: type.kind, group: type.group } : undefined,
  };
}

/** A Table as kubectl holds it before decoding (an unstructured object), for RuntimeSorter. */
function tableObject(table: Table): Record<string, unknown> {
  return {
    apiVersion: table.apiVersion,
    kind: table.kind,
    metadata: { ...table.metadata },
    columnDefinitions: table.columnDefinitions,
    rows: table.rows.map((r) => ({ cells: r.cells, object: r.object ? toWire(r.object) : undefined })),
  };
}

/** The table path of get.go Run: tables grouped by resource type. */
function printTables(inv: Invocation, infos: Info[], wide: boolean, errors: unknown[]): void {
  const f = inv.flags;
  const sortBy = f.string("sort-by");
  const withKind = f.bool("show-kind") || (infos.length >= 2 && infos.some((i) => i.type !== infos[0]!.type));
  const tables: Array<{ type: ResourceType; table: Table; failed?: boolean }> = infos.map((info) => ({
    type: info.type,
    table: inv.ctx.api.table(info.type.resource, info.objects),
  }));
  if (sortBy) {
    const sort = compileSortField(sortBy);
    // RuntimeSorter: several Tables are sorted as objects first (their fields rarely exist).
    if (tables.length >= 2) {
      sortByField(tables, sort, (t) => tableObject(t.table), {
        requireFound: true,
        typeName: "*unstructured.Unstructured",
        fatalLine: RUNTIME_SORT_FATAL_LINE,
      });
    }
    // SortingPrinter: the rows of each table; an error there prints nothing for that table.
    for (const t of tables) {
      if (t.table.rows.length <= 1) continue;
      const rows = [...t.table.rows];
      try {
        sortByField(rows, sort, (row) => toWire(row.object!), { requireFound: true, typeName: "[][][]reflect.Value", fatalLine: 375 });
        t.table = { ...t.table, rows };
      } catch (err) {
        if (err instanceof SortFatal) throw err;
        t.failed = true;
      }
    }
  }
  let out = "";
  let written = false;
  let allNamespaced = !f.bool("all-namespaces");
  for (let i = 0; i < tables.length; ) {
    const type = tables[i]!.type;
    allNamespaced = allNamespaced && type.namespaced;
    let j = i;
    const group: Table = { ...tables[i]!.table, rows: [] };
    for (; j < tables.length && tables[j]!.type === type; j++) {
      allNamespaced = allNamespaced && tables[j]!.type.namespaced;
      if (!tables[j]!.failed) group.rows.push(...tables[j]!.table.rows);
    }
    const text = renderTable(group, tableOptions(inv, type, wide, withKind));
    if (i > 0 && !f.bool("no-headers") && written && text.length > 0) out += "\n";
    if (text.length > 0) written = true;
    out += text;
    i = j;
  }
  inv.io.stdout(out);
  if (!written && !f.bool("ignore-not-found") && errors.length === 0) {
    inv.io.stderr(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : "No resources found\n");
  }
}

/** sorter.go's line of RuntimeSort.Less's Exitf (shown in the fatal log line). */
const RUNTIME_SORT_FATAL_LINE = 329;

/** The `List` kubectl prints for several objects (or none). */
export function listOf(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/** printGeneric: one object, or a List of everything found. */
function printGeneric(inv: Invocation, printer: () => Printer, built: BuilderResult, infos: Info[], errors: unknown[]): void {
  const objects = infos.flatMap((i) => i.objects.map((o) => toWire(atVisitedVersion(inv.ctx, i.type, o))));
  if (errors.length > 0 && built.singleItemImplied) throw new AggregateError(errors);
  if (objects.length === 0 && inv.flags.bool("ignore-not-found")) return throwAll(errors);
  const p = printer();
  const sortBy = inv.flags.string("sort-by");
  const single = built.singleItemImplied && objects.length === 1;
  try {
    // SortingPrinter: a List's items are sorted (SortObjects); an error is the printer's.
    if (sortBy && !single && objects.length > 0) {
      const sort = compileSortField(sortBy);
      // SortObjects does not fall back to the raw field when it is not a relaxed path.
      relaxedJsonPathExpression(sortBy);
      sortByField(objects, sort, (o) => o, {
        requireFound: true,
        typeName: "*unstructured.Unstructured",
        fatalLine: RUNTIME_SORT_FATAL_LINE,
      });
    }
    const obj: unknown = single ? objects[0] : listOf(objects);
    if (p.kind === "custom-columns") inv.io.stdout(p.printer.print(obj));
    else if (p.kind === "object") inv.io.stdout(p.print(obj));
  } catch (err) {
    if (err instanceof PrinterError) {
      inv.io.stdout(err.stdout);
      errors.push(new PrinterError(err.message));
    } else if (err instanceof KubectlError) {
      errors.push(err);
    } else throw err;
  }
  throwAll(errors);
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const output = f.string("output");
  if (f.string("raw") !== "") throw new KubectlError("--raw is not supported by this simulated kubectl");
  if (f.bool("show-labels") && output !== "" && output !== "wide") {
    throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  }
  const watch = f.bool("watch") || f.bool("watch-only");
  if (f.bool("output-watch-events") && !watch) {
    throw new KubectlError("--output-watch-events option can only be used with --watch or --watch-only");
  }
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  const filenames = f.strings("filename");
  if (f.bool("watch")) {
    if (f.string("sort-by") !== "") inv.io.stderr("warning: --watch requested, --sort-by will be ignored for watch events received\n");
  } else if (f.bool("watch-only")) {
    if (f.string("sort-by") !== "") inv.io.stderr("warning: --watch-only requested, --sort-by will be ignored\n");
  } else if (inv.args.length === 0 && filenames.length === 0) {
    inv.io.stderr(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    throw usageError(
      inv.path,
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }

  const template = f.string("template");
  const humanReadable = (output === "" && template === "") || output === "wide";
  const printer = (): Printer =>
    choosePrinter({
      output,
      template,
      outputSpecified: f.changedFlag("output"),
      noHeaders: f.bool("no-headers"),
      allowMissingKeys: f.bool("allow-missing-template-keys"),
      readFile: (p) => inv.ctx.readFile(p),
    });

  const selector = f.changedFlag("selector") ? f.string("selector") : undefined;
  const built = buildVisits(inv.ctx, {
    args: inv.args,
    filenames,
    labelSelector: selector,
    fieldSelector: f.string("field-selector"),
    allNamespaces: f.bool("all-namespaces"),
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace && !f.bool("all-namespaces"),
    allowEmptySelector: true,
    stdin: inv.io.stdin,
  });
  if (watch) return watchCommand(inv, built, printer);

  const { infos, errors } = fetch(inv, built, f.bool("ignore-not-found"));
  if (selector) filterBySelector(inv, built, infos, selector);
  if (!humanReadable) {
    printGeneric(inv, printer, built, infos, errors);
    return 0;
  }
  const p = printer();
  printTables(inv, infos, p.kind === "table" && p.wide, errors);
  // get.go aggregates the visit errors (an aggregate) into its own: each prints on its own line.
  if (errors.length > 0) throw new AggregateError([new AggregateError(errors)]);
  return 0;
}

/** `-f FILE -l SELECTOR`: the files' objects that match. */
function filterBySelector(inv: Invocation, built: BuilderResult, infos: Info[], selector: string): void {
  if (!built.visits.some((v) => v.kind === "name" && v.fromFile)) return;
  for (const info of infos) {
    const matching = inv.ctx.api.list(info.type.resource, { labelSelector: selector }).items;
    info.objects = info.objects.filter((o) => matching.some((m) => m.metadata.uid === o.metadata.uid));
  }
}

// ---------- watch ----------

const WATCH_STEP_MS = 250;
const WATCH_QUIET_MS = 60_000;

async function watchCommand(inv: Invocation, built: BuilderResult, printer: () => Printer): Promise<number> {
  const f = inv.flags;
  const types = new Set(built.visits.map((v) => v.type));
  if (types.size > 1) throw new KubectlError("you may only specify a single resource type");
  if (built.visits.length === 0) throwAll(built.errors);
  const visit = built.visits[0]!;
  const type = visit.type;
  // SingleResourceType: several names of one type are still one watch.
  const { infos, errors } = fetch(inv, built, false);
  throwAll([...errors]);
  const objects = infos.flatMap((i) => i.objects);
  const api = inv.ctx.api;
  const watchEvents = f.bool("output-watch-events");
  const chosen = printer();
  const tablePrinter =
    chosen.kind === "table" ? new WatchTablePrinter(tableOptions(inv, type, chosen.wide, false)) : undefined;
  const generic = tablePrinter ? undefined : chosen;
  const print = (obj: KubeObject, eventType?: string): string => {
    if (tablePrinter) return tablePrinter.print(api.table(type.resource, [obj]), watchEvents ? eventType : undefined);
    const wire = toWire(obj);
    // JSONPrinter writes a WatchEvent compactly, its fields in struct order.
    if (watchEvents && f.string("output") === "json") return `{"type":${jsonString(eventType ?? "")},"object":${marshal(wire as unknown as GoValue)}}\n`;
    // NamePrinter prints the event's object.
    const target = watchEvents && f.string("output") !== "name" ? { object: wire, type: eventType } : wire;
    if (generic!.kind === "custom-columns") return generic!.printer.print(target);
    if (generic!.kind === "object") return generic!.print(target);
    return "";
  };

  let out = "";
  if (!f.bool("watch-only")) {
    if (tablePrinter && !watchEvents) {
      let table = api.table(type.resource, objects);
      const sortBy = f.string("sort-by");
      if (sortBy && table.rows.length > 1) {
        // SortingPrinter sorts the initial table; an error stops the watch.
        const rows = [...table.rows];
        try {
          sortByField(rows, compileSortField(sortBy), (row) => toWire(row.object!), {
            requireFound: true,
            typeName: "[][][]reflect.Value",
            fatalLine: 375,
          });
        } catch (err) {
          if (err instanceof KubectlError) throw new KubectlError(`unable to output the provided object: ${err.message}`);
          throw err;
        }
        table = { ...table, rows };
      }
      out += tablePrinter.print(table);
    } else for (const o of objects) out += print(o, "ADDED");
  } else if (tablePrinter) {
    out += tablePrinter.print({ ...api.table(type.resource, objects), rows: [] });
  }
  if (out) inv.io.stdout(out);

  const names = built.visits.flatMap((v) => (v.kind === "name" ? [v.name] : []));
  const listVisit = visit.kind === "list" ? visit : undefined;
  const pending: string[] = [];
  const unsubscribe = api.watch(
    type.resource,
    {
      namespace: type.namespaced ? visit.namespace : undefined,
      labelSelector: listVisit?.labelSelector || undefined,
      fieldSelector: listVisit?.fieldSelector || undefined,
    },
    (event) => {
      if (names.length > 0 && !names.includes(event.object.metadata.name ?? "")) return;
      try {
        pending.push(print(event.object, event.type));
      } catch (err) {
        pending.push("");
        inv.io.stderr(reportError(err).stderr);
      }
    },
  );
  try {
    let quietSince = inv.ctx.now();
    for (;;) {
      if (pending.length > 0) {
        inv.io.stdout(pending.join(""));
        pending.length = 0;
        quietSince = inv.ctx.now();
      }
      if (inv.io.signal?.aborted) return 130;
      if (inv.ctx.idle) {
        if (inv.ctx.idle()) break;
        if (inv.ctx.now() - quietSince >= WATCH_QUIET_MS) break;
      } else if (!inv.io.signal && inv.ctx.now() - quietSince >= WATCH_QUIET_MS) {
        // Interactive without a way to interrupt it: do not watch forever.
        break;
      }
      await inv.ctx.wait(WATCH_STEP_MS);
    }
    if (pending.length > 0) inv.io.stdout(pending.join(""));
  } finally {
    unsubscribe();
  }
  return 0;
}

export const getCommand: Command = {
  name: "get",
  group: "Basic Commands (Intermediate):",
  suggestFor: ["list", "ps"],
  short: "Display one or many resources",
  long: `Display one or many resources.

 Prints a table with the most useful fields of the resources you name. Narrow the list with a label selector (--selector); for a namespaced type you see the current namespace unless you choose another with --namespace or all of them with --all-namespaces.

 With -o you get the objects themselves (yaml, json), just their names, or any fields you pick with a JSONPath, a Go template or custom columns.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Every pod in the current namespace, as a table
  kubectl get pods
  
  # The same, with the node and IP of each pod
  kubectl get pods -o wide
  
  # One deployment, as YAML
  kubectl get deployment nginx -o yaml
  
  # Deployments and their replica sets together
  kubectl get deploy,rs
  
  # Objects named by type and name
  kubectl get deployment/nginx pod/web-0
  
  # Pods carrying a label, with that label as a column
  kubectl get pods -l app=nginx -L app
  
  # Only the image of each container of a pod
  kubectl get pod web-0 -o jsonpath='{.spec.containers[*].image}'
  
  # Your own columns
  kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName
  
  # Pods, oldest first
  kubectl get pods --sort-by=.metadata.creationTimestamp
  
  # Pods in every namespace, then follow changes
  kubectl get pods -A -w`,
  use: "get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  flags: GET_FLAGS,
  run,
};
