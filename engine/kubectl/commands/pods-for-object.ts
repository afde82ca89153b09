// How kubectl finds the pods behind an object (polymorphichelpers): a pod is
// itself; a workload or service has a selector, its pods are listed and
// sorted (ByLogging for logs, newest active first for attach/exec), and if
// none exists yet kubectl watches for one until --pod-running-timeout.
import { ApiError } from "../../api/errors.ts";
import { selectorFromLabelSelector, selectorFromSet } from "../../api/labels.ts";
import type { KubeObject, LabelSelector, Pod } from "../../api/types.ts";
import type { Invocation } from "../command.ts";
import { mappingFor } from "../resources.ts";
import { KubectlError } from "../types.ts";

/** `POD` or `TYPE/NAME` (builder.ResourceNames("pods", arg)): the object, fetched. */
export function objectForArg(inv: Invocation, arg: string): { object: KubeObject; resource: string } {
  const slash = arg.indexOf("/");
  let resource = "pods";
  let name = arg;
  if (slash >= 0) {
    const parts = arg.split("/");
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
      throw new KubectlError("arguments in resource/name form must have a single resource and name");
    }
    resource = mappingFor(inv.ctx, parts[0]!).resource;
    name = parts[1]!;
  }
  const type = inv.ctx.api.registry.get(resource)!;
  return { object: inv.ctx.api.get(resource, type.namespaced ? inv.namespace : undefined, name), resource };
}

/** SelectorsForObject: the selector string of a workload or service. */
export function selectorForObject(object: KubeObject, what: string): string {
  const spec = (object as { spec?: { selector?: unknown } }).spec;
  switch (object.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
      return selectorFromLabelSelector(spec?.selector as LabelSelector).toString();
    case "Service":
    case "ReplicationController": {
      const set = spec?.selector as Record<string, string> | undefined;
      if (!set || Object.keys(set).length === 0) throw new KubectlError(`cannot ${what} *v1.${object.kind}: invalid service '${object.metadata.name}': Service is defined without a selector`);
      return selectorFromSet(set).toString();
    }
    default:
      throw new KubectlError(`cannot ${what} *v1.${object.kind}: selector for *v1.${object.kind} not implemented`);
  }
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

function readyTime(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === "Ready" && x.status === "True");
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/** afterOrZero(t1, t2): t1 after t2, a zero time counting as latest. */
function afterOrZero(t1: number, t2: number): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging: the pod whose logs are most interesting first. */
export function byLogging(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    const ni = i.spec.nodeName ?? "";
    const nj = j.spec.nodeName ?? "";
    if (ni !== nj && (ni === "" || nj === "")) return ni !== "";
    const pi = PHASE_RANK[i.status?.phase ?? ""] ?? 0;
    const pj = PHASE_RANK[j.status?.phase ?? ""] ?? 0;
    if (pi !== pj) return pi < pj;
    if (isReady(i) !== isReady(j)) return isReady(i);
    if (isReady(i) && isReady(j) && readyTime(i) !== readyTime(j)) return afterOrZero(readyTime(j), readyTime(i));
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
    const ci = Date.parse(i.metadata.creationTimestamp ?? "") || 0;
    const cj = Date.parse(j.metadata.creationTimestamp ?? "") || 0;
    if (ci !== cj) return afterOrZero(cj, ci);
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** sort.Reverse(ActivePods): the newest, most alive pod first (attach, exec). */
export function byActiveReversed(a: Pod, b: Pod): number {
  const rank = (p: Pod) => (p.status?.phase === "Running" ? 2 : p.status?.phase === "Pending" ? 1 : 0);
  const active = (i: Pod, j: Pod): boolean => {
    // ActivePods.Less: "less active" first; reversed, the more active come first.
    if ((i.spec.nodeName ?? "") !== (j.spec.nodeName ?? "") && (!i.spec.nodeName || !j.spec.nodeName)) return !i.spec.nodeName;
    if (rank(i) !== rank(j)) return rank(i) < rank(j);
    if (isReady(i) !== isReady(j)) return !isReady(i);
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
    const ci = Date.parse(i.metadata.creationTimestamp ?? "") || 0;
    const cj = Date.parse(j.metadata.creationTimestamp ?? "") || 0;
    return ci > cj;
  };
  return active(b, a) ? -1 : active(a, b) ? 1 : 0;
}

/**
 * GetPodList: the pods matching `selector`, sorted; with none, wait (virtual
 * time) for one to appear, up to `timeoutMs`.
 */
export async function podsForSelector(
  inv: Invocation,
  namespace: string,
  selector: string,
  timeoutMs: number,
  sort: (a: Pod, b: Pod) => number,
): Promise<Pod[]> {
  const api = inv.ctx.api;
  const list = () => api.list("pods", { namespace, labelSelector: selector || undefined }).items;
  let pods = list();
  if (pods.length > 0) return [...pods].sort(sort);
  const deadline = inv.ctx.now() + timeoutMs;
  let seen: Pod | undefined;
  const stop = api.watch("pods", { namespace, labelSelector: selector || undefined }, (e) => {
    if (!seen && (e.type === "ADDED" || e.type === "MODIFIED")) seen = e.object;
  });
  try {
    while (!seen) {
      if (inv.io.signal?.aborted) throw new KubectlError("", 130);
      const left = deadline - inv.ctx.now();
      if (left <= 0) throw new KubectlError("timed out waiting for the condition");
      if (inv.ctx.idle?.()) {
        await inv.ctx.wait(left);
        continue;
      }
      await inv.ctx.wait(Math.min(250, left));
    }
  } finally {
    stop();
  }
  pods = [seen];
  return pods;
}

export function isApiNotFound(err: unknown): err is ApiError {
  return err instanceof ApiError && err.code === 404;
}
