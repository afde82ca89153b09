// `kubectl describe` (kubectl pkg/cmd/describe, v1.32): find the objects
// like `get` does, describe each (two blank lines between descriptions),
// and for `describe TYPE NAME` with no such object, describe every object of
// that type whose name starts with NAME (each followed by one blank line).
import { ApiError } from "../../api/errors.ts";
import type { Command, Invocation } from "../command.ts";
import { BOOL, type FlagDef } from "../flags.ts";
import { ALL_NAMESPACES_FLAG, CHUNK_SIZE_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from "../get.ts";
import { buildVisits, mappingFor, type Visit } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { describerFor, type DescriberSettings, type DescribeEnv } from "./describers.ts";

const DESCRIBE_FLAGS: FlagDef[] = [
  ALL_NAMESPACES_FLAG,
  CHUNK_SIZE_FLAG,
  {
    name: "filename",
    shorthand: "f",
    type: "stringSlice",
    default: "[]",
    usage: "Filename, directory, or URL to files containing the resource to describe",
  },
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  BOOL("show-events", "If true, display events related to the described object.", { default: "true" }),
];

function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.code === 404 && err.reason === "NotFound";
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const filenames = f.strings("filename");
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  if (inv.args.length === 0 && filenames.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  const settings: DescriberSettings = { showEvents: f.bool("show-events") };
  const env: DescribeEnv = { api: inv.ctx.api, nowMs: inv.ctx.now() };
  const selector = f.changedFlag("selector") ? f.string("selector") : undefined;
  const built = buildVisits(inv.ctx, {
    args: inv.args,
    filenames,
    labelSelector: selector,
    allNamespaces: f.bool("all-namespaces"),
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace && !f.bool("all-namespaces"),
    allowEmptySelector: true,
    stdin: inv.io.stdin,
  });

  // The builder's fetch: every object named or listed (Flatten), with the errors met.
  const infos: Array<{ visit: Visit; namespace: string | undefined; name: string }> = [];
  const errors: unknown[] = [...built.errors];
  for (const visit of built.visits) {
    try {
      if (visit.kind === "name") {
        const obj = inv.ctx.api.get(visit.type.resource, visit.namespace, visit.name);
        infos.push({ visit, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" });
      } else {
        const list = inv.ctx.api.list(visit.type.resource, {
          namespace: visit.namespace,
          labelSelector: visit.labelSelector || undefined,
          fieldSelector: visit.fieldSelector || undefined,
        });
        for (const obj of list.items) infos.push({ visit, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" });
      }
    } catch (err) {
      errors.push(err);
    }
  }

  if (errors.length > 0 && infos.length === 0 && inv.args.length === 2 && errors.every(isNotFound) && errors.length === 1) {
    return describeMatching(inv, env, settings, errors[0], inv.args[0]!, inv.args[1]!);
  }

  const allErrors: unknown[] = [];
  if (errors.length > 0) allErrors.push(new AggregateError(errors));
  const seen = new Set<string>();
  let first = true;
  let out = "";
  for (const info of infos) {
    let text: string;
    try {
      text = describerFor(info.visit.type)(env, info.namespace, info.name, settings);
    } catch (err) {
      const key = err instanceof Error ? err.message : String(err);
      if (!seen.has(key)) {
        seen.add(key);
        allErrors.push(err);
      }
      continue;
    }
    out += first ? text : `\n\n${text}`;
    first = false;
  }
  inv.io.stdout(out);
  if (infos.length === 0 && allErrors.length === 0) {
    inv.io.stderr(f.bool("all-namespaces") ? "No resources found\n" : `No resources found in ${inv.namespace} namespace.\n`);
  }
  if (allErrors.length === 1) throw allErrors[0];
  if (allErrors.length > 1) throw new AggregateError(allErrors);
  return 0;
}

/** DescribeMatchingResources: every object of the type whose name starts with the prefix. */
function describeMatching(
  inv: Invocation,
  env: DescribeEnv,
  settings: DescriberSettings,
  originalError: unknown,
  resource: string,
  prefix: string,
): number {
  if (resource.includes(",")) throw new KubectlError("you may only specify a single resource type");
  const type = mappingFor(inv.ctx, resource);
  const describer = describerFor(type);
  const list = inv.ctx.api.list(type.resource, { namespace: type.namespaced ? inv.namespace : undefined }).items;
  let found = false;
  let out = "";
  for (const obj of list) {
    const name = obj.metadata.name ?? "";
    if (!name.startsWith(prefix)) continue;
    found = true;
    out += `${describer(env, obj.metadata.namespace, name, settings)}\n`;
  }
  inv.io.stdout(out);
  if (!found) throw originalError;
  return 0;
}

export const describeCommand: Command = {
  name: "describe",
  group: "Troubleshooting and Debugging Commands:",
  short: "Show details of a specific resource or group of resources",
  long: `Show details of a specific resource or group of resources.

 Print everything worth knowing about the resources you select, in a readable layout, including related objects such as their events or their controller. Select one object by name, every object of a type, objects whose names start with a prefix, or objects matching a label selector:

        $ kubectl describe TYPE NAME_PREFIX
        
 looks for an object of TYPE named exactly NAME_PREFIX first; when there is none, it describes every object of TYPE whose name begins with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # One deployment, with its replica sets and events
  kubectl describe deployment nginx
  
  # A pod, named in type/name form
  kubectl describe pods/nginx-7c5ddbdf54-2xlxk
  
  # Every pod whose name starts with "nginx-"
  kubectl describe pods nginx-
  
  # Pods carrying a label
  kubectl describe pods -l app=nginx
  
  # The objects a file defines
  kubectl describe -f deployment.yaml
  
  # A node, without its events
  kubectl describe node node-1 --show-events=false`,
  use: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
  flags: DESCRIBE_FLAGS,
  run,
};
