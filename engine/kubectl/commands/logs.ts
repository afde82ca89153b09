// `kubectl logs` (pkg/cmd/logs, v1.32): POD, TYPE/NAME (a pod chosen as
// kubectl chooses it) or -l; the default container and its notice; -c,
// --all-containers, --all-pods, --prefix, --previous, --tail, --since,
// --since-time, --timestamps, --limit-bytes, and -f, which lets virtual time
// pass and ends with the container (or, fast-forwarding, when the cluster is idle).
import { ApiError } from "../../api/errors.ts";
import { PodLogFollower, type PodLogOptions } from "../../api/logs.ts";
import type { KubeObject, Pod } from "../../api/types.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { SELECTOR_FLAG } from "../get.ts";
import { KubectlError } from "../types.ts";
import { byLogging, objectForArg, podsForSelector, selectorForObject } from "./pods-for-object.ts";

const USAGE = "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]";
const USAGE_ERROR = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
const SELECTOR_TAIL = 10;

const FLAGS: FlagDef[] = [
  BOOL("all-containers", "Get all containers' logs in the pod(s)."),
  BOOL("all-pods", "Get logs from all pod(s). Sets prefix to true."),
  STRING("container", "Print the logs of this container", { shorthand: "c" }),
  BOOL("follow", "Specify if the logs should be streamed.", { shorthand: "f" }),
  BOOL("ignore-errors", "If watching / following pod logs, allow for any errors that occur to be non-fatal"),
  BOOL(
    "insecure-skip-tls-verify-backend",
    "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.",
  ),
  { name: "limit-bytes", type: "int64", default: "0", usage: "Maximum bytes of logs to return. Defaults to no limit." },
  { name: "max-log-requests", type: "int", default: "5", usage: "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5." },
  {
    name: "pod-running-timeout",
    type: "duration",
    default: "20s",
    usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
  },
  BOOL("prefix", "Prefix each log line with the log source (pod name and container name)"),
  BOOL("previous", "If true, print the logs for the previous instance of the container in a pod if it exists.", { shorthand: "p" }),
  SELECTOR_FLAG,
  {
    name: "since",
    type: "duration",
    default: "0s",
    usage: "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.",
  },
  STRING("since-time", "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used."),
  {
    name: "tail",
    type: "int64",
    default: "-1",
    usage: "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.",
  },
  BOOL("timestamps", "Include timestamps on each line in the log output"),
];

/** One log request: a container of a pod. */
interface LogRequest {
  pod: Pod;
  container: string;
  /** spec.containers{c}, spec.initContainers{c}: what --prefix names. */
  fieldPath: string;
}

const WATCH_STEP_MS = 250;
const QUIET_MS = 60_000;

function containerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(", ");
}

function fieldPathOf(pod: Pod, name: string): string | undefined {
  if (pod.spec.containers.some((c) => c.name === name)) return `spec.containers{${name}}`;
  if (pod.spec.initContainers?.some((c) => c.name === name)) return `spec.initContainers{${name}}`;
  return undefined;
}

/** logsForObjectWithClient for one pod. */
function requestsForPod(inv: Invocation, pod: Pod, container: string, allContainers: boolean, quiet: boolean): LogRequest[] {
  if (allContainers) {
    return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => ({ pod, container: c.name, fieldPath: fieldPathOf(pod, c.name)! }));
  }
  let name = container;
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (name === "" && annotated) {
    if (fieldPathOf(pod, annotated)) name = annotated;
    else inv.io.stderr(`Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`);
  }
  if (name === "") {
    name = pod.spec.containers[0]?.name ?? "";
    if ((pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0) && !quiet) {
      inv.io.stderr(`Defaulted container ${JSON.stringify(name)} out of: ${containerNames(pod)}\n`);
    }
  }
  const fieldPath = fieldPathOf(pod, name);
  if (!fieldPath) throw new KubectlError(`container ${name} is not valid for pod ${pod.metadata.name}`);
  return [{ pod, container: name, fieldPath }];
}

async function requestsFor(inv: Invocation, object: KubeObject | Pod[], container: string, allContainers: boolean, allPods: boolean): Promise<LogRequest[]> {
  if (Array.isArray(object)) return object.flatMap((p) => requestsForPod(inv, p, container, allContainers, allPods));
  if (object.kind === "Pod") return requestsForPod(inv, object as Pod, container, allContainers, allPods);
  const selector = selectorForObject(object, `get the logs from`);
  const namespace = object.metadata.namespace ?? inv.namespace;
  const pods = await podsForSelector(inv, namespace, selector, inv.flags.duration("pod-running-timeout"), byLogging);
  if (pods.length > 1) {
    if (allPods) return requestsFor(inv, pods, container, allContainers, allPods);
    inv.io.stderr(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`);
  }
  return requestsForPod(inv, pods[0]!, container, allContainers, allPods);
}

/** metav1 ParseRFC3339: RFC3339 with or without a fraction. */
function parseSinceTime(s: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) || Number.isNaN(Date.parse(s))) {
    throw new KubectlError(`parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(s)} as "2006"`);
  }
  return s;
}

function prefixed(text: string, prefix: string): string {
  if (!prefix || text === "") return text;
  return text.replace(/^(?=.)/gm, prefix).replace(/\n(?=\n)/g, `\n${prefix}`);
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const args = inv.args;
  const selector = f.string("selector");
  let resourceArg = "";
  let container = f.string("container");
  switch (args.length) {
    case 0:
      if (selector === "") throw usageError(inv.path, USAGE_ERROR);
      break;
    case 1:
      resourceArg = args[0]!;
      if (selector !== "") throw usageError(inv.path, "only a selector (-l) or a POD name is allowed");
      break;
    case 2:
      resourceArg = args[0]!;
      container = args[1]!;
      break;
    default:
      throw usageError(inv.path, USAGE_ERROR);
  }
  const allPods = f.bool("all-pods");
  const prefix = f.bool("prefix") || allPods;
  const options: PodLogOptions = { follow: f.bool("follow"), previous: f.bool("previous"), timestamps: f.bool("timestamps") };
  if (f.string("since-time") !== "") options.sinceTime = parseSinceTime(f.string("since-time"));
  if (f.int("limit-bytes") !== 0) options.limitBytes = f.int("limit-bytes");
  const since = f.duration("since");
  if (since !== 0) options.sinceSeconds = Math.round(since / 1000);
  const tail = f.int("tail");
  if (selector !== "" && tail === -1 && !f.changedFlag("tail")) options.tailLines = SELECTOR_TAIL;
  else if (tail !== -1) options.tailLines = tail;

  // Complete: the object (a pod, a workload, or the pods of a selector).
  let object: KubeObject | Pod[];
  if (resourceArg !== "") {
    try {
      object = objectForArg(inv, resourceArg).object;
    } catch (err) {
      if (err instanceof ApiError && err.code === 404) {
        throw new KubectlError(`error from server (NotFound): ${err.message} in namespace ${JSON.stringify(inv.namespace)}`);
      }
      throw err;
    }
  } else {
    object = inv.ctx.api.list("pods", { namespace: inv.namespace, labelSelector: selector }).items;
    if (object.length === 0) inv.io.stderr(`No resources found in ${inv.namespace} namespace.\n`);
  }

  // Validate.
  if (f.string("since-time") !== "" && since !== 0) throw new KubectlError("at most one of `sinceTime` or `sinceSeconds` may be specified");
  const allContainers = f.bool("all-containers");
  if (allContainers && container !== "") throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`);
  if (f.changedFlag("container") && args.length === 2) throw new KubectlError("only one of -c or an inline [CONTAINER] arg is allowed");
  if (f.int("limit-bytes") < 0) throw new KubectlError("--limit-bytes must be greater than 0");
  if (options.sinceSeconds !== undefined && options.sinceSeconds < 0) throw new KubectlError("--since must be greater than 0");
  if (options.tailLines !== undefined && options.tailLines < -1) throw new KubectlError("--tail must be greater than or equal to -1");

  const requests = await requestsFor(inv, object, container, allContainers, allPods);
  if (options.follow && requests.length > 1 && requests.length > f.int("max-log-requests")) {
    throw new KubectlError(
      `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${f.int("max-log-requests")}, use --max-log-requests to increase the limit`,
    );
  }
  const prefixOf = (r: LogRequest) => (prefix ? `[pod/${r.pod.metadata.name}/${r.container}] ` : "");
  const ignoreErrors = f.bool("ignore-errors");
  const api = inv.ctx.api;

  if (!options.follow) {
    for (const r of requests) {
      try {
        const result = api.podLogs(r.pod.metadata.namespace ?? inv.namespace, r.pod.metadata.name!, { ...options, container: r.container });
        inv.io.stdout(prefixed(result.text, prefixOf(r)));
      } catch (err) {
        if (!ignoreErrors) throw err;
        inv.io.stdout(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    return 0;
  }

  // -f: every stream at once, each until its container instance ends.
  const followers: Array<{ r: LogRequest; f: PodLogFollower }> = [];
  for (const r of requests) {
    const follower = new PodLogFollower(api, r.pod.metadata.namespace ?? inv.namespace, r.pod.metadata.name!, { ...options, container: r.container });
    try {
      inv.io.stdout(prefixed(follower.first(inv.ctx.now()), prefixOf(r)));
      followers.push({ r, f: follower });
    } catch (err) {
      if (!ignoreErrors) throw err;
      inv.io.stdout(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  let quietSince = inv.ctx.now();
  for (;;) {
    if (followers.every((x) => x.f.ended)) return 0;
    if (inv.io.signal?.aborted) return 130;
    if (inv.ctx.idle) {
      if (inv.ctx.idle()) return 0;
      if (inv.ctx.now() - quietSince >= QUIET_MS) return 0;
    } else if (!inv.io.signal && inv.ctx.now() - quietSince >= QUIET_MS) return 0;
    await inv.ctx.wait(WATCH_STEP_MS);
    for (const x of followers) {
      const text = x.f.next(inv.ctx.now());
      if (text !== "") {
        inv.io.stdout(prefixed(text, prefixOf(x.r)));
        quietSince = inv.ctx.now();
      }
    }
  }
}

export const logsCommand: Command = {
  name: "logs",
  group: "Troubleshooting and Debugging Commands:",
  short: "Print the logs for a container in a pod",
  long: "Print the logs for a container in a pod or specified resource. \nIf the pod has only one container, the container name is optional.",
  example: `  # The logs of pod nginx (it has one container)
  kubectl logs nginx
  
  # The same, each line prefixed with its pod and container
  kubectl logs nginx --prefix
  
  # At most 500 bytes of them
  kubectl logs nginx --limit-bytes=500
  
  # Wait up to 20 seconds for the pod to run, then print its logs
  kubectl logs nginx --pod-running-timeout=20s
  
  # Every container of a pod with several
  kubectl logs nginx --all-containers=true
  
  # Every pod of deployment nginx
  kubectl logs deployment/nginx --all-pods=true
  
  # Every container of the pods labelled app=nginx
  kubectl logs -l app=nginx --all-containers=true
  
  # Ask for the logs of at most 10 pods at once
  kubectl logs -l app=nginx --max-log-requests=10
  
  # The previous, terminated instance of container ruby in pod web-1
  kubectl logs -p -c ruby web-1
  
  # Stream the logs of pod nginx, going on after errors
  kubectl logs nginx -f --ignore-errors=true
  
  # Stream the logs of container ruby in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Stream every container of the pods labelled app=nginx
  kubectl logs -f -l app=nginx --all-containers=true
  
  # Only the last 20 lines
  kubectl logs --tail=20 nginx
  
  # Only what was written in the last hour
  kubectl logs --since=1h nginx
  
  # Since a moment, with each line's time
  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true
  
  # When the kubelet's serving certificate has expired
  kubectl logs --insecure-skip-tls-verify-backend nginx
  
  # The first container of job hello
  kubectl logs job/hello
  
  # Container nginx-1 of a pod of deployment nginx
  kubectl logs deployment/nginx -c nginx-1`,
  use: `${USAGE} [options]`,
  flags: FLAGS,
  run,
};

