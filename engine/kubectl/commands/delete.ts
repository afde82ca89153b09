// `kubectl delete` (pkg/cmd/delete, v1.32): by TYPE NAME, TYPE/NAME, -f,
// -l, --all (-A), with --grace-period, --now, --force (and its warning),
// --cascade, --dry-run, --ignore-not-found, and --wait: after deleting,
// kubectl waits until every deleted object is gone, letting virtual time
// pass (a pod's graceful termination, a namespace being emptied).
import { isNotFound } from "../../api/errors.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { DeleteOptions } from "../../api/server.ts";
import { type Command, type Invocation } from "../command.ts";
import { BOOL } from "../flags.ts";
import { ALL_NAMESPACES_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from "../get.ts";
import { buildVisits } from "../resources.ts";
import { AggregateError, KubectlError } from "../types.ts";
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy, withSource } from "../write.ts";

export const CASCADE_FLAG = {
  name: "cascade",
  type: "string" as const,
  default: "background",
  noOptDefVal: "background",
  usage:
    'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
};
export const FORCE_FLAG = BOOL(
  "force",
  "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.",
);
export const GRACE_PERIOD_FLAG = {
  name: "grace-period",
  type: "int" as const,
  default: "-1",
  usage:
    "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).",
};
export const TIMEOUT_FLAG = {
  name: "timeout",
  type: "duration" as const,
  default: "0s",
  usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object",
};

export type Propagation = NonNullable<DeleteOptions["propagationPolicy"]>;

/** GetCascadingStrategy: the propagation policy of --cascade (true/false are old spellings). */
export function cascadeStrategy(value: string): Propagation {
  switch (value.toLowerCase()) {
    case "background":
    case "true":
      return "Background";
    case "foreground":
      return "Foreground";
    case "orphan":
    case "false":
      return "Orphan";
  }
  throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}

/** The grace period kubectl sends: --now is 1, --force without one is 0, 0 without --force is 1. */
export function effectiveGracePeriod(inv: Invocation): number {
  const f = inv.flags;
  let grace = f.int("grace-period");
  if (f.has("now") && f.bool("now")) {
    if (grace !== -1) throw new KubectlError("--now and --grace-period cannot be specified together");
    grace = 1;
  }
  const force = f.bool("force");
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace;
}

const WARN_FORCE =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  source?: string;
}

/** A deleted object kubectl waits for: gone, or replaced by one with another uid. */
interface Deleted extends Target {
  uid: string | undefined;
}

function kindString(type: ResourceType): string {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  if (f.string("raw") !== "") throw new KubectlError("--raw is not supported by this simulated kubectl");
  if (f.string("kustomize") !== "") throw new KubectlError("kustomize is not supported by this simulated kubectl");
  if (f.bool("interactive")) throw new KubectlError("--interactive is not supported by this simulated kubectl");
  const output = f.string("output");
  if (output !== "" && output !== "name") {
    throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  }
  const propagation = cascadeStrategy(f.string("cascade"));
  const deleteAll = f.bool("all");
  const selector = f.changedFlag("selector") ? f.string("selector") : undefined;
  const fieldSelector = f.string("field-selector");
  const grace = effectiveGracePeriod(inv);
  const dryRun = dryRunStrategy(inv);
  const ignoreNotFound = f.changedFlag("ignore-not-found") ? f.bool("ignore-not-found") : deleteAll;
  const allNamespaces = f.bool("all-namespaces");

  if (deleteAll && selector) throw new KubectlError("cannot set --all and --selector at the same time");
  if (deleteAll && fieldSelector) throw new KubectlError("cannot set --all and --field-selector at the same time");
  if (grace === 0 && f.bool("force")) inv.io.stderr(WARN_FORCE);
  else if (grace > 0 && f.bool("force")) throw new KubectlError("--force and --grace-period greater than 0 cannot be specified together");

  const built = buildVisits(inv.ctx, {
    args: inv.args,
    filenames: f.strings("filename"),
    labelSelector: deleteAll ? "" : selector,
    fieldSelector,
    allNamespaces,
    namespace: inv.namespace,
    explicitNamespace: inv.explicitNamespace && !allNamespaces,
    stdin: inv.io.stdin,
  });

  const api = inv.ctx.api;
  const errors: unknown[] = [...built.errors];
  const targets: Target[] = [];
  for (const visit of built.visits) {
    if (visit.kind === "name") {
      targets.push({ type: visit.type, namespace: visit.namespace, name: visit.name, source: visit.source });
      continue;
    }
    try {
      const items = api.list(visit.type.resource, {
        namespace: visit.namespace,
        labelSelector: visit.labelSelector || undefined,
        fieldSelector: visit.fieldSelector || undefined,
      }).items;
      for (const o of items) targets.push({ type: visit.type, namespace: o.metadata.namespace, name: o.metadata.name ?? "" });
    } catch (err) {
      errors.push(err);
    }
  }

  const options: DeleteOptions = { propagationPolicy: propagation, dryRun: dryRun === "server" };
  if (grace >= 0) options.gracePeriodSeconds = grace;
  let warnClusterScope = inv.explicitNamespace && !allNamespaces;
  const deleted: Deleted[] = [];
  let found = 0;
  for (const t of targets) {
    found++;
    if (warnClusterScope && !t.type.namespaced) {
      inv.io.stderr("warning: deleting cluster-scoped resources, not scoped to the provided namespace\n");
      warnClusterScope = false;
    }
    if (dryRun === "client") {
      printDeletion(inv, t, grace, dryRun);
      continue;
    }
    try {
      const obj = api.delete(t.type.resource, t.namespace, t.name, options);
      printDeletion(inv, t, grace, dryRun);
      deleted.push({ ...t, uid: obj.metadata.uid });
    } catch (err) {
      if (ignoreNotFound && isNotFound(err)) continue;
      errors.push(withSource("deleting", t.source, err));
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  if (found === 0) {
    inv.io.stdout("No resources found\n");
    return 0;
  }
  if (!f.bool("wait") || dryRun !== "none") return 0;
  await waitForDeletion(inv, deleted, f.duration("timeout"));
  return 0;
}

function printDeletion(inv: Invocation, t: Target, grace: number, dryRun: DryRun): void {
  const kind = kindString(t.type);
  if (inv.flags.string("output") === "name") {
    inv.io.stdout(`${kind}/${t.name}\n`);
    return;
  }
  let operation = grace === 0 ? "force deleted" : "deleted";
  if (dryRun === "client") operation += " (dry run)";
  else if (dryRun === "server") operation += " (server dry run)";
  inv.io.stdout(`${kind} ${JSON.stringify(t.name)} ${operation}\n`);
}

const WEEK_MS = 168 * 3600 * 1000;
const POLL_MS = 1000;

/** `wait --for=delete` on what was deleted: returns when each is gone; kubectl's error on timeout. */
async function waitForDeletion(inv: Invocation, deleted: readonly Deleted[], timeoutMs: number): Promise<void> {
  const api = inv.ctx.api;
  const timeout = timeoutMs > 0 ? timeoutMs : WEEK_MS;
  const start = inv.ctx.now();
  const stillThere = (d: Deleted): boolean => {
    const o = api.find(d.type.resource, d.namespace, d.name);
    return o !== undefined && (d.uid === undefined || o.metadata.uid === d.uid);
  };
  for (const d of deleted) {
    while (stillThere(d)) {
      if (inv.io.signal?.aborted) throw new KubectlError("", 130);
      const elapsed = inv.ctx.now() - start;
      if (elapsed >= timeout) {
        throw new KubectlError(`timed out waiting for the condition on ${d.type.resource}/${d.name}`);
      }
      // Fast-forward with nothing left to happen: the object stays; jump to the timeout.
      const step = inv.ctx.idle?.() ? timeout - elapsed : Math.min(POLL_MS, timeout - elapsed);
      await inv.ctx.wait(step);
    }
  }
}

export const deleteCommand: Command = {
  name: "delete",
  suggestFor: ["rm"],
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  long: [
    "Delete resources by file names, stdin, resources and names, or by resources and label selector.",
    "",
    " JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.",
    "",
    " Some resources, such as pods, support graceful deletion: they get a grace period (30 seconds for a pod unless it says otherwise) to shut down before they are removed. --grace-period overrides it; --force with --grace-period=0 removes the object from the API at once, without waiting for the kubelet to confirm that its containers stopped.",
    "",
    " Deleting a namespace deletes everything in it. kubectl waits for what it deleted to be gone unless --wait=false is given.",
  ].join("\n"),
  example: [
    "  # Delete a pod using the type and name specified in pod.json",
    "  kubectl delete -f ./pod.json",
    "",
    "  # Delete pods and services with same names \"baz\" and \"foo\"",
    "  kubectl delete pod,service baz foo",
    "",
    "  # Delete pods and services with label name=myLabel",
    "  kubectl delete pods,services -l name=myLabel",
    "",
    "  # Delete a pod with minimal delay",
    "  kubectl delete pod foo --now",
    "",
    "  # Force delete a pod on a dead node",
    "  kubectl delete pod foo --force",
    "",
    "  # Delete all pods",
    "  kubectl delete pods --all",
  ].join("\n"),
  use: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])",
  flags: [
    BOOL("all", "Delete all resources, in the namespace of the specified resource types."),
    ALL_NAMESPACES_FLAG,
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    {
      name: "field-selector",
      type: "string",
      usage:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "containing the resource to delete." },
    FORCE_FLAG,
    GRACE_PERIOD_FLAG,
    BOOL("ignore-not-found", 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.'),
    BOOL("interactive", "If true, delete resource only when user confirms.", { shorthand: "i" }),
    { ...KUSTOMIZE_FLAG, usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    BOOL("now", "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."),
    { name: "output", shorthand: "o", type: "string", usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: "raw", type: "string", usage: "Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file." },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    TIMEOUT_FLAG,
    BOOL("wait", "If true, wait for resources to be gone before returning. This waits for finalizers.", { default: "true" }),
  ],
  run,
};
