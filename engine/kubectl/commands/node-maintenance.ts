// `kubectl cordon`, `uncordon` and `drain` (pkg/cmd/drain and pkg/drain,
// v1.32): the node's spec.unschedulable set by a strategic merge patch, and
// drain's pod filters (DaemonSet-managed, mirror, local storage, unmanaged),
// its warnings and errors, evictions through pods/eviction, and the wait for
// each evicted pod to be gone (virtual time passes, polled every second).
import { ApiError } from "../../api/errors.ts";
import type { Node, Pod } from "../../api/types.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { CHUNK_SIZE_FLAG, SELECTOR_FLAG } from "../get.ts";
import { mappingFor } from "../resources.ts";
import { klogLine } from "../klog.ts";
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy } from "../write.ts";
import { KubectlError, RawError } from "../types.ts";


function suffix(dry: DryRun): string {
  return dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "";
}

/** The nodes named by the arguments or the selector (builder.ResourceNames("nodes", args...)). */
function nodesFor(inv: Invocation, use: string): Node[] {
  const args = inv.args;
  const selector = inv.flags.string("selector");
  if (args.length === 0 && !inv.flags.changedFlag("selector")) throw usageError(inv.path, `USAGE: ${use} [flags]`);
  if (args.length > 0 && selector !== "") throw usageError(inv.path, "error: cannot specify both a node name and a --selector option");
  const api = inv.ctx.api;
  if (args.length === 0) return api.list("nodes", { labelSelector: selector }).items;
  const nodes: Node[] = [];
  for (const arg of args) {
    let name = arg;
    const slash = arg.indexOf("/");
    if (slash >= 0) {
      const type = mappingFor(inv.ctx, arg.slice(0, slash));
      name = arg.slice(slash + 1);
      if (type.resource !== "nodes") {
        api.get(type.resource, type.namespaced ? inv.namespace : undefined, name);
        throw new KubectlError(`error: expected resource of type node, got "${type.group}/${type.version}, Resource=${type.resource}"`);
      }
    }
    nodes.push(api.get("nodes", undefined, name));
  }
  return nodes;
}

/** RunCordonOrUncordon. */
function cordonOrUncordon(inv: Invocation, nodes: Node[], desired: boolean, dry: DryRun): void {
  const verb = desired ? "cordon" : "uncordon";
  for (const node of nodes) {
    const name = node.metadata.name!;
    if ((node.spec?.unschedulable ?? false) === desired) {
      inv.io.stdout(`node/${name} already ${verb}ed${suffix(dry)}\n`);
      continue;
    }
    if (dry !== "client") {
      try {
        inv.ctx.api.patch("nodes", undefined, name, "strategic", { spec: { unschedulable: desired ? true : null } }, { dryRun: dry === "server" });
      } catch (err) {
        inv.io.stderr(`error: unable to ${verb} node ${JSON.stringify(name)}: ${err instanceof Error ? err.message : String(err)}\n`);
        continue;
      }
    }
    inv.io.stdout(`node/${name} ${verb}ed${suffix(dry)}\n`);
  }
}

function cordonCommand(desired: boolean): Command {
  const name = desired ? "cordon" : "uncordon";
  return {
    name,
    group: "Cluster Management Commands:",
    short: desired ? "Mark node as unschedulable" : "Mark node as schedulable",
    long: desired ? "Mark node as unschedulable." : "Mark node as schedulable.",
    example: desired ? '  # Mark node "foo" as unschedulable\n  kubectl cordon foo' : '  # Mark node "foo" as schedulable\n  kubectl uncordon foo',
    use: `${name} NODE [options]`,
    flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
    run(inv) {
      const dry = dryRunStrategy(inv);
      cordonOrUncordon(inv, nodesFor(inv, `${name} NODE`), desired, dry);
      return 0;
    },
  };
}

export const cordonCommandDef = cordonCommand(true);
export const uncordonCommandDef = cordonCommand(false);

// ---------- drain ----------

const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";

interface PodDecision {
  pod: Pod;
  delete: boolean;
  reason: "Okay" | "Skip" | "Warning" | "Error";
  message?: string;
}

function controllerOf(pod: Pod) {
  return pod.metadata.ownerReferences?.find((r) => r.controller);
}

function terminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** The drain helper's filters, in order; the first that does not delete decides. */
function decide(inv: Invocation, pod: Pod): PodDecision {
  const f = inv.flags;
  const okay: PodDecision = { pod, delete: true, reason: "Okay" };
  const filters: Array<() => PodDecision> = [
    // skipDeletedFilter
    () => {
      const skip = f.int("skip-wait-for-delete-timeout");
      const ts = pod.metadata.deletionTimestamp;
      if (skip > 0 && ts && Math.floor((inv.ctx.now() - Date.parse(ts)) / 1000) > skip) return { pod, delete: false, reason: "Skip" };
      return okay;
    },
    // daemonSetFilter
    () => {
      const ref = controllerOf(pod);
      if (!ref || ref.kind !== "DaemonSet" || terminal(pod)) return okay;
      const ds = inv.ctx.api.registry.get("daemonsets") ? inv.ctx.api.find("daemonsets", pod.metadata.namespace, ref.name) : undefined;
      if (!ds) {
        const message = `daemonsets.apps ${JSON.stringify(ref.name)} not found`;
        return f.bool("force") ? { pod, delete: true, reason: "Warning", message } : { pod, delete: false, reason: "Error", message };
      }
      if (!f.bool("ignore-daemonsets")) return { pod, delete: false, reason: "Error", message: DAEMONSET_FATAL };
      return { pod, delete: false, reason: "Warning", message: DAEMONSET_WARNING };
    },
    // mirrorPodFilter
    () => (pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined ? { pod, delete: false, reason: "Skip" } : okay),
    // localStorageFilter
    () => {
      if (!(pod.spec.volumes ?? []).some((v) => v.emptyDir) || terminal(pod)) return okay;
      if (!f.bool("delete-emptydir-data")) return { pod, delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL };
      return { pod, delete: true, reason: "Warning", message: LOCAL_STORAGE_WARNING };
    },
    // unreplicatedFilter
    () => {
      if (terminal(pod) || controllerOf(pod)) return okay;
      if (f.bool("force")) return { pod, delete: true, reason: "Warning", message: UNMANAGED_WARNING };
      return { pod, delete: false, reason: "Error", message: UNMANAGED_FATAL };
    },
  ];
  let status = okay;
  for (const filter of filters) {
    status = filter();
    if (!status.delete) break;
  }
  return status;
}

/** Messages grouped as the helper groups them: `message: ns/a, ns/b`. */
function grouped(decisions: PodDecision[], reason: "Warning" | "Error"): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const d of decisions) {
    if (d.reason !== reason) continue;
    const msg = d.message || "unexpected error";
    if (!groups.has(msg)) groups.set(msg, []);
    groups.get(msg)!.push(`${d.pod.metadata.namespace}/${d.pod.metadata.name}`);
  }
  return [...groups];
}

function podsForDeletion(inv: Invocation, node: string): { pods: Pod[]; warnings: string; errors: Error[] } {
  const podSelector = inv.flags.string("pod-selector");
  const list = inv.ctx.api.list("pods", { labelSelector: podSelector || undefined, fieldSelector: `spec.nodeName=${node}` }).items;
  const decisions = list.map((p) => decide(inv, p));
  const warnings = grouped(decisions, "Warning")
    .map(([m, pods]) => `${m}: ${pods.join(", ")}`)
    .join("; ");
  const errors = grouped(decisions, "Error").map(([m, pods]) => new Error(`cannot delete ${m}: ${pods.join(", ")}`));
  return { pods: decisions.filter((d) => d.delete).map((d) => d.pod), warnings, errors };
}

function errorText(errors: readonly Error[]): string {
  return errors.length === 1 ? errors[0]!.message : `[${errors.map((e) => e.message).join(", ")}]`;
}

/** evictPods: evict each, then poll (1 s) until each is gone or the timeout passes. */
async function evictPods(inv: Invocation, pods: Pod[], dry: DryRun): Promise<Error | undefined> {
  const api = inv.ctx.api;
  const grace = inv.flags.int("grace-period");
  const timeoutMs = inv.flags.duration("timeout");
  const deadline = timeoutMs === 0 ? Infinity : inv.ctx.now() + timeoutMs;
  const errors: Error[] = [];
  const waiting: Pod[] = [];
  const disableEviction = inv.flags.bool("disable-eviction");
  // One goroutine per pod: Go runs the newest first, then the others in order.
  const order = disableEviction || pods.length < 2 ? pods : [pods[pods.length - 1]!, ...pods.slice(0, -1)];
  for (const pod of order) {
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    if (!disableEviction) inv.io.stdout(`evicting pod ${ns}/${name}${dry === "server" ? " (server dry run)" : ""}\n`);
    try {
      const deleteOptions = grace >= 0 ? { gracePeriodSeconds: grace } : {};
      if (disableEviction) api.delete("pods", ns, name, { ...deleteOptions, dryRun: dry === "server" });
      else api.evict(ns, name, { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace: ns }, deleteOptions: { ...deleteOptions, ...(dry === "server" ? { dryRun: ["All"] } : {}) } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 404) continue;
      const message = err instanceof Error ? err.message : String(err);
      errors.push(new Error(disableEviction ? message : `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${message}`));
      if (disableEviction) return errors[0];
      continue;
    }
    if (dry !== "server") waiting.push(pod);
  }
  const verb = disableEviction ? "deleted" : "evicted";
  let pending = waiting;
  for (;;) {
    const still: Pod[] = [];
    for (const pod of pending) {
      const p = api.find("pods", pod.metadata.namespace, pod.metadata.name!);
      if (!p || p.metadata.uid !== pod.metadata.uid) inv.io.stdout(`pod/${pod.metadata.name} ${verb}\n`);
      else still.push(pod);
    }
    pending = still;
    if (pending.length === 0) break;
    if (inv.io.signal?.aborted) throw new KubectlError("", 130);
    if (inv.ctx.now() + 1000 > deadline) {
      if (inv.ctx.now() < deadline) await inv.ctx.wait(deadline - inv.ctx.now());
      for (const pod of pending) {
        const what = disableEviction ? "" : `error when waiting for pod ${JSON.stringify(pod.metadata.name)} in namespace ${JSON.stringify(pod.metadata.namespace)} to terminate: `;
        errors.push(new Error(`${what}context deadline exceeded`));
      }
      break;
    }
    await inv.ctx.wait(1000);
  }
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : new Error(errorText(errors));
}

async function runDrain(inv: Invocation): Promise<number> {
  const dry = dryRunStrategy(inv);
  const podSelector = inv.flags.string("pod-selector");
  if (podSelector !== "" && !/^[\w./\-=!,\s()]*$/.test(podSelector)) {
    throw new KubectlError("--pod-selector=<pod_selector> must be a valid label selector");
  }
  const nodes = nodesFor(inv, "drain NODE");
  cordonOrUncordon(inv, nodes, true, dry);
  const fatal: Error[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name!;
    let err: Error | undefined;
    const found = podsForDeletion(inv, name);
    if (found.errors.length > 0) err = new Error(errorText(found.errors));
    else {
      if (found.warnings) inv.io.stderr(`Warning: ${found.warnings}\n`);
      if (dry === "client") {
        for (const p of found.pods) inv.io.stdout(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
      } else if (found.pods.length > 0) {
        err = await evictPods(inv, found.pods, dry);
        if (err) {
          const left = podsForDeletion(inv, name).pods;
          if (left.length > 0) {
            inv.io.stderr(`There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${err.message}\n`);
            for (const p of left) inv.io.stderr(`pod/${p.metadata.name}\n`);
          }
        }
      }
    }
    if (!err) {
      inv.io.stdout(`node/${name} drained${suffix(dry)}\n`);
      continue;
    }
    inv.io.stderr(`error: unable to drain node ${JSON.stringify(name)} due to error: ${err.message}, continuing command...\n`);
    fatal.push(err);
    remaining.push(name);
  }
  if (remaining.length > 0) {
    inv.io.stderr(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
  }
  // The aggregate is printed one error a line, without the "error: " prefix.
  if (fatal.length > 0) throw new RawError(fatal.map((e) => `${e.message}\n`).join(""));
  return 0;
}

export const drainCommand: Command = {
  name: "drain",
  group: "Cluster Management Commands:",
  short: "Drain node in preparation for maintenance",
  long: `Drain node in preparation for maintenance.

 The node is first marked unschedulable so that no new pods arrive. Its pods are then evicted through the eviction API (https://kubernetes.io/docs/concepts/workloads/pods/disruptions/), which respects PodDisruptionBudgets, or deleted if eviction is disabled.

 Mirror pods (which the API server cannot delete) are left alone. DaemonSet-managed pods block the drain unless --ignore-daemonsets is given, and are never evicted: their DaemonSet would put them straight back. Pods that declare no controller (no ReplicationController, ReplicaSet, DaemonSet, StatefulSet or Job) block it unless --force is given; --force also lets the drain go on when a pod's controller is missing.

 Drain waits for each pod to terminate gracefully: do not work on the machine until it returns. When the node is ready for work again, make it schedulable with kubectl uncordon.

 ![Workflow](https://kubernetes.io/images/docs/kubectl_drain.svg)`,
  example: `  # Drain node "foo", evicting even pods that no controller manages
  kubectl drain foo --force
  
  # Drain node "foo", stopping at unmanaged pods, with a 15 minute grace period
  kubectl drain foo --grace-period=900`,
  use: "drain NODE [options]",
  flags: [
    CHUNK_SIZE_FLAG,
    BOOL("delete-emptydir-data", "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."),
    BOOL("disable-eviction", "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution."),
    DRY_RUN_FLAG,
    BOOL("force", "Continue even if there are pods that do not declare a controller."),
    {
      name: "grace-period",
      type: "int",
      default: "-1",
      usage: "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.",
    },
    BOOL("ignore-daemonsets", "Ignore DaemonSet-managed pods."),
    STRING("pod-selector", "Label selector to filter pods on the node"),
    SELECTOR_FLAG,
    {
      name: "skip-wait-for-delete-timeout",
      type: "int",
      default: "0",
      usage: "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.",
    },
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before giving up, zero means infinite" },
  ],
  run: runDrain,
};
