// `kubectl edit`: the objects as YAML (or JSON) in the terminal's editor,
// then a strategic merge patch of what changed, as kubectl 1.32's
// editoptions.go does it — the comment header, "Edit cancelled" answers, the
// file reopened with the server's complaints until it is valid or left alone,
// and a copy of failed edits kept under /tmp.
import { ApiError } from "../../api/errors.ts";
import { createTwoWayMergePatch } from "../../api/patch/strategic.ts";
import { schemaFor } from "../../api/patch/strategic-schema.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { KubeObject } from "../../api/types.ts";
import type { Command, Invocation } from "../command.ts";
import { BOOL, STRING } from "../flags.ts";
import { compactJson, ManifestError, readManifests } from "../manifest.ts";
import { choosePrinter, jsonText, yamlText } from "../output.ts";
import { buildVisits, fileErrors } from "../resources.ts";
import { KubectlError } from "../types.ts";
import { printWarnings, validationDirective } from "../write.ts";
import { canonicalJson } from "../../util/json.ts";
import { toWire } from "../wire.ts";
import { parse as parseYaml } from "yaml";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** A reason the file is reopened: a head line and, for invalid objects, one line per cause. */
interface EditReason {
  head: string;
  other: string[];
}

interface Original {
  type: ResourceType;
  object: KubeObject;
}

/** ManualStrip: drop comment lines (`#`, but not `#!`). */
function manualStrip(text: string): string {
  return text
    .split("\n")
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith("#") && !t.startsWith("#!"));
    })
    .join("\n");
}

/** StripComments: the file as JSON when it parses (so layout and comments do not count), else ManualStrip. */
function stripComments(text: string): string {
  try {
    return compactJson(parseYaml(text, { version: "1.1", uniqueKeys: false }) ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: some line that is neither blank nor a comment. */
function hasLines(text: string): boolean {
  return text.split("\n").some((line) => {
    const t = line.trim();
    return t.length > 0 && t[0] !== "#";
  });
}

/** A multi-line message inside the header: continuation lines get a `# ` too. */
function hashOnLineBreak(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    out += ch === "\n" && i + 1 < s.length && s[i + 1] !== "#" ? "\n# " : ch;
  }
  return out;
}

function headerText(reasons: readonly EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += "#\n";
  }
  return out;
}

function resourceString(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

/** NamePrinter with an operation: `deployment.apps/web edited`. */
function namedLine(type: ResourceType, name: string, operation: string): string {
  const kind = type.kind.toLowerCase();
  return `${type.group ? `${kind}.${type.group}` : kind}/${name} ${operation}\n`;
}

/** The object as the editor shows it: its wire form without managedFields. */
function editable(obj: KubeObject): Record<string, unknown> {
  const wire = structuredClone(toWire(obj)) as unknown as { metadata?: Record<string, unknown> };
  delete wire.metadata?.managedFields;
  return wire as Record<string, unknown>;
}

/** The keys a patch may not touch (mergepatch preconditions). */
function changesIdentity(original: Record<string, unknown>, edited: Record<string, unknown>): boolean {
  const meta = (o: Record<string, unknown>) => (o.metadata ?? {}) as Record<string, unknown>;
  return (
    compactJson(original.apiVersion) !== compactJson(edited.apiVersion) ||
    compactJson(original.kind) !== compactJson(edited.kind) ||
    compactJson(meta(original).name) !== compactJson(meta(edited).name) ||
    compactJson(meta(original).managedFields) !== compactJson(meta(edited).managedFields)
  );
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const output = flags.string("output");
  const json = output === "json";
  const outputPatch = flags.bool("output-patch");
  const saveConfig = flags.bool("save-config");
  const fieldValidation = validationDirective(flags);

  const built = buildVisits(ctx, {
    args: inv.args,
    filenames: flags.strings("filename"),
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace,
    allowEmptySelector: true,
    stdin: io.stdin,
  });
  const fileError = fileErrors(built.errors);
  if (fileError) throw fileError;
  // Latest(): objects named in files are read again from the server.
  const originals: Original[] = [];
  for (const visit of built.visits) {
    if (visit.kind === "name") {
      originals.push({ type: visit.type, object: ctx.api.get(visit.type.resource, visit.namespace, visit.name) });
    } else {
      for (const object of ctx.api.list(visit.type.resource, { namespace: visit.namespace }).items) originals.push({ type: visit.type, object });
    }
  }
  if (originals.length === 0) throw new KubectlError("edit cancelled, no objects found");
  const editor = ctx.editor;
  if (!editor) {
    throw new KubectlError(
      "the full-screen editor is not available in this terminal; change objects with kubectl patch, kubectl set or kubectl apply -f instead",
    );
  }

  const printResult = (type: ResourceType, obj: KubeObject, operation: string) => {
    if (!flags.changedFlag("output") || output === "" || output === "name") {
      io.stdout(namedLine(type, obj.metadata.name ?? "", operation));
      return;
    }
    const printer = choosePrinter({
      output,
      template: flags.string("template"),
      outputSpecified: true,
      noHeaders: false,
      allowMissingKeys: flags.bool("allow-missing-template-keys"),
      readFile: (p) => ctx.readFile(p),
      allowedFormats: "json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file",
      humanReadable: false,
    });
    if (printer.kind === "object") io.stdout(printer.print(toWire(obj)));
  };

  const file = `/tmp/kubectl-edit-${String(ctx.now() % 4294967296).padStart(10, "0")}${json ? ".json" : ".yaml"}`;
  const preserve = (text: string) => {
    if (ctx.writeFile?.(file, text)) io.stderr(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
  };

  let reasons: EditReason[] = [];
  let containsError = false;
  let original = "";
  let edited = "";
  for (;;) {
    const shown =
      originals.length === 1
        ? editable(originals[0]!.object)
        : { apiVersion: "v1", items: originals.map((o) => editable(o.object)), kind: "List", metadata: {} };
    let buffer = json ? "" : headerText(reasons);
    if (!containsError) {
      original = buffer + (json ? jsonText(shown) : yamlText(shown));
      buffer = original;
    } else {
      buffer += manualStrip(edited);
    }
    const previous = edited;
    // Quitting without saving leaves the file as it was.
    edited = (await editor(file, buffer)) ?? buffer;

    if (containsError && stripComments(previous) === stripComments(edited)) {
      preserve(edited);
      throw new KubectlError("Edit cancelled, no valid changes were saved.");
    }
    if (stripComments(original) === stripComments(edited)) {
      io.stderr("Edit cancelled, no changes made.\n");
      return 0;
    }
    if (!hasLines(edited)) {
      io.stderr("Edit cancelled, saved file was empty.\n");
      return 0;
    }

    reasons = [];
    let updated;
    try {
      updated = readManifests(edited, "edited-file");
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${err.message}`, other: [] });
      continue;
    }
    containsError = false;

    let retryable = 0;
    let notFound = 0;
    let invalid = 0;
    for (const { object } of updated) {
      const ns = object.metadata?.namespace;
      if (ns && ns !== inv.namespace && originals.every((o) => o.object.metadata.namespace !== ns)) {
        preserve(edited);
        throw new KubectlError(
          `the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ${JSON.stringify(inv.namespace)}. You must pass '--namespace=${ns}' to perform this operation.`,
        );
      }
      const match = originals.find((o) => o.object.metadata.uid === object.metadata?.uid);
      if (!match) {
        preserve(edited);
        throw new KubectlError(`no original object found for ${compactJson(object)}`);
      }
      const before = editable(match.object);
      const after = structuredClone(object) as unknown as Record<string, unknown>;
      if (saveConfig) setLastApplied(after);
      // encoding/json writes map keys sorted: the comparison ignores key order.
      if (canonicalJson(before) === canonicalJson(after)) {
        io.stdout(namedLine(match.type, match.object.metadata.name ?? "", "skipped"));
        continue;
      }
      if (changesIdentity(before, after)) {
        preserve(edited);
        throw new KubectlError("At least one of apiVersion, kind and name was changed");
      }
      const patch = createTwoWayMergePatch(before, after, schemaFor(match.type.kind));
      if (outputPatch) io.stdout(`Patch: ${compactJson(patch)}\n`);
      const name = match.object.metadata.name ?? "";
      try {
        const warnings: string[] = [];
        const patched = ctx.api.patch(match.type.resource, match.object.metadata.namespace, name, "strategic", patch, {
          subresource: flags.string("subresource") === "status" ? "status" : undefined,
          fieldValidation,
          warnings,
        });
        printWarnings(inv, warnings);
        printResult(match.type, patched, "edited");
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const what = `${resourceString(match.type)} ${JSON.stringify(name)}`;
        if (err.status.reason === "Invalid") {
          invalid++;
          reasons.push({
            head: `${what} was not valid`,
            other: (err.status.details?.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message ?? ""}`),
          });
          io.stderr(`error: ${what} is invalid\n`);
        } else if (err.code === 404) {
          notFound++;
          io.stderr(`error: ${what} could not be found on the server\n`);
        } else {
          retryable++;
          io.stderr(`error: ${what} could not be patched: ${err.status.message}\n`);
        }
      }
    }
    if (retryable > 0) {
      ctx.writeFile?.(file, edited);
      io.stderr(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (notFound > 0) {
      ctx.writeFile?.(file, edited);
      io.stderr(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      return 1;
    }
    if (invalid === 0) return 0;
    containsError = true;
  }
}

/** --save-config: the object's own JSON (without this annotation) in the last-applied annotation. */
function setLastApplied(obj: Record<string, unknown>): void {
  const meta = (obj.metadata ??= {}) as { annotations?: Record<string, string> };
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const copy = { ...obj, metadata: { ...meta, annotations: Object.keys(annotations).length > 0 ? annotations : undefined } };
  meta.annotations = { ...annotations, [LAST_APPLIED]: compactJson(JSON.parse(JSON.stringify(copy))) + "\n" };
}

export const editCommand: Command = {
  name: "edit",
  group: "Basic Commands (Intermediate):",
  short: "Edit a resource on the server",
  long: `Edit a resource from the default editor.

 The edit command opens any object you can get with kubectl in the terminal's editor. Save and quit to send your changes to the server; quit without saving, or save the file unchanged, and nothing happens.

 You can edit several objects at once; they come as a List and are changed one at a time. Files given with -f name the objects to edit (they are read again from the server first).

 The default format is YAML. To edit in JSON, specify "-o json".

 When the server refuses a change (an invalid field), the file opens again with the reasons at the top. If the update fails for another reason (someone else changed the object meanwhile), a copy of your changes is kept under /tmp so that you can apply it again with kubectl replace -f.`,
  example: `  # Edit the deployment named 'web'
  kubectl edit deployment/web
  
  # Edit it in JSON
  kubectl edit deployment web -o json
  
  # Edit it and save the result in its last-applied annotation, for kubectl apply later
  kubectl edit deployment/web -o yaml --save-config
  
  # Edit the 'status' subresource of the 'web' deployment
  kubectl edit deployment web --subresource='status'`,
  use: "edit (RESOURCE/NAME | -f FILENAME) [options]",
  flags: [
    BOOL(
      "allow-missing-template-keys",
      "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
      { default: "true" },
    ),
    STRING("field-manager", "Name of the manager used to track field ownership.", { default: "kubectl-edit" }),
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "Filename, directory, or URL to files to use to edit the resource" },
    STRING("kustomize", "Process the kustomization directory. This flag can't be used together with -f or -R.", { shorthand: "k" }),
    STRING(
      "output",
      "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).",
      { shorthand: "o" },
    ),
    BOOL("output-patch", "Output the patch if the resource is edited."),
    BOOL(
      "recursive",
      "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
      { shorthand: "R" },
    ),
    BOOL(
      "save-config",
      "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
    ),
    BOOL("show-managed-fields", "If true, keep the managedFields when printing objects in JSON or YAML format."),
    STRING("subresource", "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future."),
    STRING(
      "template",
      "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].",
    ),
    {
      name: "validate",
      type: "string",
      default: "strict",
      noOptDefVal: "strict",
      usage:
        'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    },
    BOOL("windows-line-endings", "Defaults to the line ending native to your platform."),
  ],
  run,
};
