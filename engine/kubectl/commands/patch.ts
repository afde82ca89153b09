// `kubectl patch` (kubectl pkg/cmd/patch, v1.32): a strategic, merge or JSON
// patch from -p or --patch-file (YAML is converted; text that starts like
// JSON goes as is and the server judges it), sent to the object or its
// status/scale subresource. `patched (no change)` when the server's answer
// equals what was read. A client dry run applies the patch locally.
import { parse as parseYaml } from "yaml";
import { ApiError } from "../../api/errors.ts";
import { applyJsonPatch } from "../../api/patch/json.ts";
import { applyMergePatch } from "../../api/patch/merge.ts";
import { applyStrategicMergePatch } from "../../api/patch/strategic.ts";
import { schemaFor } from "../../api/patch/strategic-schema.ts";
import type { PatchType } from "../../api/server.ts";
import type { KubeObject } from "../../api/types.ts";
import { deepEqual } from "../../util/json.ts";
import type { Command, Invocation } from "../command.ts";
import { type FlagDef, STRING } from "../flags.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { toWire } from "../wire.ts";
import { isSchemeKind } from "../local-typed.ts";
import { parseGoJson } from "./go-json.ts";
import {
  CHANGE_CAUSE,
  changeCause,
  changeFlags,
  dryRunStrategy,
  fetchTargets,
  LOCAL_DRY_RUN_SERVER,
  localTargets,
  objectPrinter,
  recording,
  type Target,
  visitAll,
} from "./mutation.ts";

const FLAGS: FlagDef[] = [
  ...changeFlags({
    fieldManager: "kubectl-patch",
    filenameUsage: "identifying the resource to update",
    localUsage: "If true, patch will operate on the content of the file, not the server-side resource.",
  }),
  STRING("patch", "The patch to be applied to the resource JSON file.", { shorthand: "p" }),
  STRING("patch-file", "A file containing a patch to be applied to the resource."),
  STRING(
    "subresource",
    "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.",
  ),
  STRING("type", "The type of patch being provided; one of [json merge strategic]", { default: "strategic" }),
];

const PATCH_TYPES = ["json", "merge", "strategic"];

function notFoundResource(): ApiError {
  return new ApiError({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: "the server could not find the requested resource",
    reason: "NotFound",
    code: 404,
  });
}

/** yaml.ToJSON: JSON-looking text is kept; YAML is converted, or kubectl's parse error. */
function patchBody(text: string): unknown {
  if (/^\s*\{/.test(text)) return parseGoJson(text);
  let value: unknown;
  try {
    value = parseYaml(text, { version: "1.1", uniqueKeys: false, prettyErrors: false, customTags: (tags) => tags.filter((t) => typeof t === "object" && t.tag !== "tag:yaml.org,2002:timestamp") });
  } catch (err) {
    const e = err as { message?: string; linePos?: Array<{ line: number }> };
    const why = (e.message ?? "").split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    // go-yaml's scanner reports this one without a line.
    if (/Nested mappings are not allowed|Implicit map keys need to be/.test(why)) {
      throw new KubectlError(`unable to parse ${JSON.stringify(text)}: yaml: mapping values are not allowed in this context`);
    }
    const goWhy = /Flow sequence must end/.test(why)
      ? "did not find expected ',' or ']'"
      : /Flow map must end/.test(why)
        ? "did not find expected ',' or '}'"
        : why;
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: yaml: line ${e.linePos?.[0]?.line ?? 1}: ${goWhy}`);
  }
  return value ?? null;
}

/** GET of the object or its subresource, as the builder does with Subresource(...). */
function readSubresource(inv: Invocation, t: Target, subresource: string): KubeObject {
  if (subresource === "") return t.object;
  if (subresource === "scale") return inv.ctx.api.getScale(t.type.resource, t.namespace, t.name) as unknown as KubeObject;
  if (subresource === "status" && t.type.hasStatus) return t.object;
  throw notFoundResource();
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const patchText = f.string("patch");
  const patchFile = f.string("patch-file");
  const isLocal = f.bool("local");
  if (patchText !== "" && patchFile !== "") throw new KubectlError("cannot specify --patch and --patch-file together");
  if (patchText === "" && patchFile === "") throw new KubectlError("must specify --patch or --patch-file containing the contents of the patch");
  if (isLocal && inv.args.length > 0) throw new KubectlError("cannot specify --local and server resources");
  if (isLocal && dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
  const typeName = f.string("type").toLowerCase();
  if (f.string("type") !== "" && !PATCH_TYPES.includes(typeName)) {
    throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(f.string("type"))}`);
  }
  const patchType = (typeName === "" ? "strategic" : typeName) as PatchType;
  let text = patchText;
  if (patchFile !== "") {
    const content = inv.ctx.readFile(patchFile);
    if (content === undefined) throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = content;
  }
  const body = patchBody(text);
  const subresource = f.string("subresource");

  const { entries } = isLocal
    ? localTargets(inv, f.strings("filename"), { typed: false })
    : fetchTargets(inv, { args: inv.args, filenames: f.strings("filename") });
  // The builder reads the subresource: a failure there is the object's error.
  const read = entries.map((e) => {
    if (!e.target) return e;
    try {
      return { target: { ...e.target, object: readSubresource(inv, e.target, subresource) } };
    } catch (err) {
      return { error: err };
    }
  });
  let count = 0;
  await visitAll(read, (t) => {
    count++;
    const api = inv.ctx.api;
    if (isLocal || dryRun === "client") {
      // Patched on the client: the object as read (a file's as written).
      const before = isLocal ? t.object : toWire(t.object);
      const patched = applyLocally(before, patchType, body);
      const form = isLocal ? "raw" : "wire";
      objectPrinter(inv, dryRun, { dryRunSuffix: false, form }).print(patched, deepEqual(before, patched) ? "patched (no change)" : "patched");
      return;
    }
    const server = dryRun === "server";
    let patched: KubeObject;
    if (subresource === "scale") {
      patched = api.patchScale(t.type.resource, t.namespace, t.name, patchType, body, { dryRun: server }) as unknown as KubeObject;
    } else {
      patched = api.patch(t.type.resource, t.namespace, t.name, patchType, body, { dryRun: server, subresource: subresource === "status" ? "status" : undefined });
    }
    const changed = !deepEqual(toWire(t.object), toWire(patched));
    if (recording(inv) && subresource === "") {
      try {
        patched = api.patch(t.type.resource, t.namespace, t.name, "merge", { metadata: { annotations: { [CHANGE_CAUSE]: changeCause(inv) } } });
      } catch {
        // kubectl only logs a failed record.
      }
    }
    objectPrinter(inv, dryRun, { dryRunSuffix: false }).print(patched, changed ? "patched" : "patched (no change)");
  });
  if (count === 0) throw new KubectlError("no objects passed to patch");
  return 0;
}

/** getPatchedJSON: the patch applied to the object as read, on the client. */
function applyLocally(wire: KubeObject, patchType: PatchType, body: unknown): KubeObject {
  const apiVersion = wire.apiVersion ?? "";
  if (patchType === "strategic" && !isSchemeKind(apiVersion, wire.kind ?? "")) {
    const slash = apiVersion.indexOf("/");
    const gvk = `${slash >= 0 ? apiVersion.slice(0, slash) : ""}/${apiVersion.slice(slash + 1)}, Kind=${wire.kind ?? ""}`;
    throw new KubectlError(`strategic merge patch is not supported for ${gvk} locally, try --type merge`);
  }
  try {
    if (patchType === "json") return applyJsonPatch(wire, body) as KubeObject;
    if (patchType === "merge") return applyMergePatch(wire, body) as KubeObject;
    return applyStrategicMergePatch(wire, body, schemaFor(wire.kind ?? "")) as KubeObject;
  } catch (err) {
    if (err instanceof AggregateError || err instanceof KubectlError) throw err;
    throw new KubectlError(err instanceof Error ? err.message : String(err));
  }
}

export const patchCommand: Command = {
  name: "patch",
  short: "Update fields of a resource",
  long: `Update fields of a resource using a strategic merge patch, a JSON merge patch, or a JSON patch.

 The patch may be JSON or YAML. A strategic merge patch (the default) merges lists of named items such as containers by name; a JSON merge patch replaces lists whole; a JSON patch is a list of operations.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: `  # Run four replicas of the deployment web
  kubectl patch deployment web -p '{"spec":{"replicas":4}}'
  
  # The same in YAML
  kubectl patch deployment web -p $'spec:\\n  replicas: 4'
  
  # Change the image of the container named app (strategic merge by container name)
  kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.25"}]}}}}'
  
  # Replace one field with a JSON patch
  kubectl patch deployment web --type='json' -p='[{"op": "replace", "path": "/spec/replicas", "value": 2}]'
  
  # Change the replicas through the scale subresource
  kubectl patch deployment web --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  use: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  flags: FLAGS,
  run,
};
