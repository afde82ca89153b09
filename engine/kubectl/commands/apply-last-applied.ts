// `kubectl apply view-last-applied` (pkg/cmd/apply/apply_view_last_applied.go,
// v1.32): the last-applied-configuration annotations of the objects named, as
// YAML (keys sorted, as sigs.k8s.io/yaml's JSONToYAML gives them) or as the
// annotation's JSON re-indented. Objects are printed one after the other with
// no separator, as kubectl does.
//
// Two upstream quirks are kept: the first error stops the visit before
// anything is printed, and an object named on the command line (not from a
// file) without the annotation is skipped silently (AddSourceToErr turns the
// error into nil when there is no source).
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL } from "../flags.ts";
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG } from "../get.ts";
import { yamlText } from "../output.ts";
import { marshalIndent } from "../printers/go/json.ts";
import type { GoValue } from "../printers/go/value.ts";
import { buildVisits } from "../resources.ts";
import { KubectlError } from "../types.ts";
import { LAST_APPLIED } from "../write.ts";

function lastApplied(inv: Invocation): string[] {
  const f = inv.flags;
  const built = buildVisits(inv.ctx, {
    args: inv.args,
    filenames: f.strings("filename"),
    labelSelector: f.string("selector") || undefined,
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace,
    allowEmptySelector: f.bool("all"),
    stdin: inv.io.stdin,
  });
  if (built.errors.length > 0) throw built.errors[0];
  const out: string[] = [];
  for (const v of built.visits) {
    const objects =
      v.kind === "list"
        ? inv.ctx.api.list(v.type.resource, { namespace: v.namespace, labelSelector: v.labelSelector, fieldSelector: v.fieldSelector }).items
        : [inv.ctx.api.get(v.type.resource, v.namespace, v.name)];
    for (const obj of objects) {
      const annotation = obj.metadata.annotations?.[LAST_APPLIED];
      if (annotation !== undefined) {
        out.push(annotation);
        continue;
      }
      const source = v.kind === "name" ? v.source : undefined;
      if (source) {
        throw new KubectlError(
          `error when no last-applied-configuration annotation found on resource: ${obj.metadata.name}\n ${JSON.stringify(source)}: <nil>`,
        );
      }
    }
  }
  return out;
}

/** json.Indent(dst, src, "", "  "): the annotation re-indented, its trailing newline kept. */
function indentJson(text: string): string {
  const trailing = /\s*$/.exec(text)![0];
  return marshalIndent(JSON.parse(text) as GoValue, "  ") + trailing;
}

export const applyViewLastApplied: Command = {
  name: "view-last-applied",
  short: "View the latest last-applied-configuration annotations of a resource/object",
  long: [
    "View the latest last-applied-configuration annotations by type/name or file.",
    "",
    " The annotation is what the last `kubectl apply` (or `create --save-config`) of the object sent: the next apply compares the file with it. It is printed as YAML by default; -o json shows it as JSON.",
  ].join("\n"),
  example: [
    "  # View the last-applied-configuration annotations by type/name in YAML",
    "  kubectl apply view-last-applied deployment/nginx",
    "",
    "  # View the last-applied-configuration annotations by file in JSON",
    "  kubectl apply view-last-applied -f deploy.yaml -o json",
  ].join("\n"),
  use: "view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)",
  flags: [
    BOOL("all", "Select all resources in the namespace of the specified resource types"),
    {
      name: "filename",
      shorthand: "f",
      type: "stringSlice",
      default: "[]",
      usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations",
    },
    { ...KUSTOMIZE_FLAG, usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", shorthand: "o", type: "string", default: "yaml", usage: "Output format. Must be one of (yaml, json)" },
    RECURSIVE_FLAG,
    {
      name: "selector",
      shorthand: "l",
      type: "string",
      usage:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
  ],
  run(inv) {
    const configs = lastApplied(inv);
    const format = inv.flags.string("output");
    for (const config of configs) {
      if (format === "json") inv.io.stdout(indentJson(config));
      else if (format === "yaml") inv.io.stdout(yamlText(JSON.parse(config)));
      else throw usageError(inv.path, `Unexpected -o output mode: ${format}, the flag 'output' must be one of yaml|json`);
    }
    return 0;
  },
};

/** The other two subcommands, named (help lists them) but not served yet. */
function notYet(name: string, short: string, use: string): Command {
  return {
    name,
    short,
    use,
    run() {
      throw new KubectlError(`"kubectl apply ${name}" is not available in this simulated cluster yet`);
    },
  };
}

export const APPLY_SUBCOMMANDS: Command[] = [
  notYet("edit-last-applied", "Edit latest last-applied-configuration annotations of a resource/object", "edit-last-applied (RESOURCE/NAME | -f FILENAME)"),
  notYet(
    "set-last-applied",
    "Set the last-applied-configuration annotation on a live object to match the contents of a file",
    "set-last-applied -f FILENAME",
  ),
  applyViewLastApplied,
];
