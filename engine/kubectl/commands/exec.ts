// `kubectl exec` and `kubectl attach` (pkg/cmd/exec, pkg/cmd/attach, v1.32):
// the arguments, the pod (POD or TYPE/NAME) and its container, and kubectl's
// errors for a missing or finished pod come first, as on a real cluster. The
// session itself needs the pod shell, which a later version of the simulator
// brings: until then the command says so plainly.
import type { Pod } from "../../api/types.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { KubectlError } from "../types.ts";
import { byActiveReversed, objectForArg, podsForSelector, selectorForObject } from "./pods-for-object.ts";

const CONTAINER_FLAG = STRING(
  "container",
  "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
  { shorthand: "c" },
);
const TIMEOUT_FLAG: FlagDef = {
  name: "pod-running-timeout",
  type: "duration",
  default: "1m0s",
  usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
};
const SESSION_FLAGS: FlagDef[] = [
  BOOL("quiet", "Only print output from the remote session", { shorthand: "q" }),
  BOOL("stdin", "Pass stdin to the container", { shorthand: "i" }),
  BOOL("tty", "Stdin is a TTY", { shorthand: "t" }),
];

/** What the simulator answers once kubectl would open the stream. */
export const POD_SHELL_MESSAGE =
  "error: this simulated cluster cannot open a session in a container yet: the pod shell (kubectl exec, attach, run -it) comes in a later version\n";

async function podFor(inv: Invocation, arg: string, what: string): Promise<Pod> {
  const { object } = objectForArg(inv, arg);
  if (object.kind === "Pod") return object as Pod;
  const selector = selectorForObject(object, what);
  const pods = await podsForSelector(inv, object.metadata.namespace ?? inv.namespace, selector, inv.flags.duration("pod-running-timeout"), byActiveReversed);
  return pods[0]!;
}

/** podcmd.FindOrDefaultContainerByName, with its notice. */
function containerFor(inv: Invocation, pod: Pod): string {
  const name = inv.flags.string("container");
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  if (name !== "") {
    if (!all.some((c) => c.name === name)) throw new KubectlError(`container ${name} not found in pod ${pod.metadata.name}`);
    return name;
  }
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0]!.name;
  if (!inv.flags.bool("quiet") && (pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0)) {
    const names = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
    inv.io.stderr(`Defaulted container ${JSON.stringify(first)} out of: ${names.join(", ")}\n`);
  }
  return first;
}

/** The kubelet refuses a stream to a container that is not running. */
function requireRunning(pod: Pod, container: string): void {
  const s = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container);
  if (!s?.state?.running) throw new KubectlError(`unable to upgrade connection: container not found (${JSON.stringify(container)})`);
}

async function runExec(inv: Invocation): Promise<number> {
  const args = inv.args;
  const dash = inv.argsLenAtDash;
  if (dash === -1 && args.length > 1) throw usageError(inv.path, "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
  const files = inv.flags.strings("filename");
  const resource = dash === 0 ? "" : (args[0] ?? "");
  const command = dash >= 0 ? args.slice(dash) : [];
  if (resource === "" && files.length === 0) throw new KubectlError("pod, type/name or --filename must be specified");
  if (command.length === 0) throw new KubectlError("you must specify at least one command for the container");
  if (files.length > 0) throw new KubectlError("-f is not supported by this simulated kubectl exec");
  const pod = await podFor(inv, resource, "exec into");
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const container = containerFor(inv, pod);
  requireRunning(pod, container);
  inv.io.stderr(POD_SHELL_MESSAGE);
  return 1;
}

async function runAttach(inv: Invocation): Promise<number> {
  if (inv.args.length === 0) throw new KubectlError("at least 1 argument is required for attach");
  if (inv.args.length > 2) throw usageError(inv.path, "expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: " + JSON.stringify(inv.args));
  const arg = inv.args.length === 2 ? `${inv.args[0]}/${inv.args[1]}` : inv.args[0]!;
  const pod = await podFor(inv, arg, "attach to");
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    throw new KubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  }
  const container = containerFor(inv, pod);
  requireRunning(pod, container);
  inv.io.stderr(POD_SHELL_MESSAGE);
  return 1;
}

export const execCommand: Command = {
  name: "exec",
  group: "Troubleshooting and Debugging Commands:",
  short: "Execute a command in a container",
  long: "Execute a command in a container.",
  example: `  # Run 'date' in pod mypod, in its first container
  kubectl exec mypod -- date
  
  # Run 'date' in container ruby of pod mypod
  kubectl exec mypod -c ruby-container -- date
  
  # An interactive shell in container ruby of pod mypod
  kubectl exec mypod -c ruby-container -i -t -- bash -il
  
  # Run 'ls' in the first pod of deployment mydeployment
  kubectl exec deploy/mydeployment -- ls`,
  use: "exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]",
  flags: [
    CONTAINER_FLAG,
    { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "to use to exec into the resource" },
    TIMEOUT_FLAG,
    ...SESSION_FLAGS,
  ],
  run: runExec,
};

export const attachCommand: Command = {
  name: "attach",
  group: "Troubleshooting and Debugging Commands:",
  short: "Attach to a running container",
  long: "Attach to a process that is already running inside an existing container.",
  example: `  # The output of pod mypod's first container
  kubectl attach mypod
  
  # The output of container ruby-container of pod mypod
  kubectl attach mypod -c ruby-container
  
  # Send input to container ruby-container too, with a terminal
  kubectl attach mypod -c ruby-container -i -t
  
  # The first pod of replica set my-rs
  kubectl attach rs/my-rs`,
  use: "attach (POD | TYPE/NAME) -c CONTAINER [options]",
  flags: [CONTAINER_FLAG, TIMEOUT_FLAG, ...SESSION_FLAGS],
  run: runAttach,
};
