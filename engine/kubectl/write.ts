// What kubectl's writing commands (create, apply, replace, delete) share:
// --dry-run and --validate as kubectl reads them, the -o printers with the
// "created"/"configured" operation lines, `error when creating "f.yaml": `
// on errors about a file's object, server warnings on stderr, and the
// last-applied-configuration annotation as kubectl writes it.
import { ApiError } from "../api/errors.ts";
import type { FieldValidation } from "../api/schema/decode.ts";
import type { KubeObject } from "../api/types.ts";
import type { Invocation } from "./command.ts";
import { BOOL, type FlagDef, type FlagSet } from "./flags.ts";
import { klogLine } from "./klog.ts";
import { choosePrinter, nameText } from "./output.ts";
import { jsonString } from "./printers/go/json.ts";
import { KubectlError } from "./types.ts";
import { typedJson } from "./typed-json.ts";
import { toWire } from "./wire.ts";

export type DryRun = "none" | "client" | "server";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

export const WRITE_FORMATS = "json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file";

export const DRY_RUN_FLAG: FlagDef = {
  name: "dry-run",
  type: "string",
  default: "none",
  noOptDefVal: "unchanged",
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const VALIDATE_FLAG: FlagDef = {
  name: "validate",
  type: "string",
  default: "strict",
  noOptDefVal: "strict",
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};

export const OUTPUT_FLAG: FlagDef = { name: "output", shorthand: "o", type: "string", usage: `Output format. One of: (${WRITE_FORMATS}).` };

export const PRINT_FLAGS: FlagDef[] = [
  BOOL(
    "allow-missing-template-keys",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
    { default: "true" },
  ),
  OUTPUT_FLAG,
  BOOL("show-managed-fields", "If true, keep the managedFields when printing objects in JSON or YAML format."),
  {
    name: "template",
    type: "string",
    usage:
      "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].",
  },
];

export function fieldManagerFlag(name: string): FlagDef {
  return { name: "field-manager", type: "string", default: name, usage: "Name of the manager used to track field ownership." };
}

export const SAVE_CONFIG_FLAG: FlagDef = BOOL(
  "save-config",
  "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
);

/**
 * cmdutil.GetDryRunStrategy: a bare `--dry-run` and the boolean spellings are
 * deprecated forms of client and none (klog warns).
 */
export function dryRunStrategy(inv: Invocation): DryRun {
  const v = inv.flags.string("dry-run");
  // klog names the line of helpers.go (v1.32) that warns.
  const warn = (line: number, m: string) => inv.io.stderr(klogLine("W", inv.ctx.now(), `helpers.go:${line}`, m));
  const asBool = ["1", "t", "T", "TRUE", "true", "True"].includes(v) ? true : ["0", "f", "F", "FALSE", "false", "False"].includes(v) ? false : undefined;
  if (asBool !== undefined) {
    warn(asBool ? 716 : 719, `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${asBool ? "client" : "none"}.`);
    return asBool ? "client" : "none";
  }
  switch (v) {
    case "unchanged":
      warn(702, "--dry-run is deprecated and can be replaced with --dry-run=client.");
      return "client";
    case "client":
    case "server":
    case "none":
      return v;
  }
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** cmdutil.GetValidationDirective: the fieldValidation sent with the request. */
export function validationDirective(flags: FlagSet): FieldValidation {
  const v = flags.string("validate").toLowerCase();
  switch (v) {
    case "strict":
    case "true":
      return "Strict";
    case "warn":
      return "Warn";
    case "ignore":
    case "false":
      return "Ignore";
  }
  throw new KubectlError(`invalid - validate option ${JSON.stringify(flags.string("validate"))}; must be one of: strict (or true), warn, ignore (or false)`);
}

/** The suffix of operation lines: ` (dry run)`, ` (server dry run)`. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
}

/**
 * PrintFlags.ToPrinter for a writing command: with -o, the object in that
 * format; without, `kind.group/name <operation>`. Printer errors (an unknown
 * format) are thrown when the printer is made, before anything is sent.
 */
export type ObjectPrinter = (obj: KubeObject, options?: { asRead?: boolean }) => void;

/**
 * `asRead`: the object as kubectl read it from a file (unstructured), printed
 * as it is rather than in a server's wire form.
 */
export function operationPrinter(inv: Invocation, operation: string, dryRun: DryRun, options: { typed?: boolean; formats?: string } = {}): ObjectPrinter {
  const f = inv.flags;
  const output = f.string("output");
  const template = f.has("template") ? f.string("template") : "";
  if (output === "" && template === "") {
    const suffix = dryRunSuffix(dryRun);
    return (obj) => inv.io.stdout(nameText(obj).replace(/\n$/, "") + ` ${operation}${suffix}\n`);
  }
  if (output === "name") return (obj) => inv.io.stdout(nameText(obj));
  // A typed object (a generator's) prints its fields in struct order.
  if (output === "json" && options.typed) return (obj) => inv.io.stdout(typedJson(printable(inv, obj), "    ") + "\n");
  const printer = choosePrinter({
    output,
    template,
    outputSpecified: f.changedFlag("output"),
    noHeaders: false,
    allowMissingKeys: f.has("allow-missing-template-keys") ? f.bool("allow-missing-template-keys") : true,
    readFile: (p) => inv.ctx.readFile(p),
    allowedFormats: options.formats ?? WRITE_FORMATS,
    humanReadable: false,
  });
  return (obj, options) => {
    if (printer.kind === "object") inv.io.stdout(printer.print(options?.asRead ? obj : printable(inv, obj)));
  };
}

/** What the printers see: the wire form, without managedFields unless asked for. */
function printable(inv: Invocation, obj: KubeObject): KubeObject {
  const wire = toWire(obj);
  if (!(inv.flags.has("show-managed-fields") && inv.flags.bool("show-managed-fields"))) delete wire.metadata?.managedFields;
  return wire;
}

/** cmdutil.AddSourceToErr: an error about a file's object names the file. */
export function withSource(verb: string, source: string | undefined, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof ApiError) {
    return new ApiError({ ...err.status, message: `error when ${verb} ${JSON.stringify(source)}: ${err.status.message ?? ""}` });
  }
  if (err instanceof Error && !(err instanceof TypeError)) return new KubectlError(`error when ${verb} ${JSON.stringify(source)}: ${err.message}`);
  return err;
}

/** Print the server's warnings as kubectl's warning handler does. */
export function printWarnings(inv: Invocation, warnings: readonly string[]): void {
  for (const w of warnings) inv.io.stderr(`Warning: ${w}\n`);
}

/** Go's json.Marshal of decoded JSON: compact, map keys sorted, HTML-safe. */
export function sortedJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(",")}]`;
  const rec = v as Record<string, unknown>;
  return `{${Object.keys(rec)
    .filter((k) => rec[k] !== undefined)
    .sort()
    .map((k) => `${jsonString(k)}:${sortedJson(rec[k])}`)
    .join(",")}}`;
}

/**
 * util.GetModifiedConfiguration: the object's JSON without the last-applied
 * annotation (an emptied annotations map stays, as `{}`), as the encoder
 * writes it with its newline. With `annotate`, the object carrying that text
 * as its annotation. The object itself is not changed.
 */
export function modifiedConfiguration(obj: KubeObject, annotate: boolean): { json: string; object: KubeObject } {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  const meta = (copy.metadata ??= {} as KubeObject["metadata"]);
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  const json = sortedJson(copy) + "\n";
  if (!annotate) return { json, object: copy };
  meta.annotations = { ...annotations, [LAST_APPLIED]: json };
  return { json: sortedJson(copy) + "\n", object: copy };
}

/**
 * CreateApplyAnnotation / --save-config: the object with its own
 * configuration as the annotation. A typed object (a generator's) is encoded
 * in struct order with its zero values, and its emptied annotations vanish.
 */
export function withApplyAnnotation(obj: KubeObject, typed = false): KubeObject {
  let { json } = modifiedConfiguration(obj, false);
  if (typed) {
    const wire = toWire(JSON.parse(json) as KubeObject);
    if (Object.keys(wire.metadata.annotations ?? {}).length === 0) delete wire.metadata.annotations;
    json = typedJson(wire, null) + "\n";
  }
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  copy.metadata = { ...(copy.metadata ?? {}), annotations: { ...(copy.metadata?.annotations ?? {}), [LAST_APPLIED]: json } };
  return copy;
}
