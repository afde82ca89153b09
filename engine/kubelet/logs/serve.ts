// The kubelet's containerLogs endpoint: which container instance a request
// means (validateContainerLogStatus, with its error messages), and its lines.
import type { ContainerLog } from "../../api/logs.ts";
import { badRequest } from "../../api/errors.ts";
import type { Pod } from "../../api/types.ts";
import { parseTime } from "../../util/time.ts";
import type { ImageCatalogue } from "../images.ts";
import type { PodRuntime } from "../runtime.ts";
import { containerLog, type Instance } from "./generate.ts";

export interface LogNode {
  catalogue: ImageCatalogue;
  cpus: number;
  kernel: string;
  /** The runtime state of one of the node's pods (exact times), if the kubelet has it. */
  runtime(pod: Pod): PodRuntime | undefined;
}

function stripRuntime(id: string): string {
  return id.replace(/^[a-z]+:\/\//, "");
}

/** The container id whose log is asked for, or the kubelet's error. */
function logContainerID(pod: Pod, container: string, previous: boolean): string {
  const podName = pod.metadata.name ?? "";
  const status = pod.status;
  const s =
    status?.containerStatuses?.find((c) => c.name === container) ?? status?.initContainerStatuses?.find((c) => c.name === container);
  const q = JSON.stringify(container);
  const p = JSON.stringify(podName);
  if (!s) throw badRequest(`container ${q} in pod ${p} is not available`);
  const last = s.lastState?.terminated;
  const { waiting, running, terminated } = s.state ?? {};
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container ${q} in pod ${p} not found`);
    return last.containerID;
  }
  if (running) return s.containerID ?? "";
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw badRequest(`container ${q} in pod ${p} is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container ${q} in pod ${p} is terminated`);
    return last.containerID;
  }
  if (waiting) {
    const reason = waiting.reason ?? "";
    if (reason === "ErrImagePull") throw badRequest(`container ${q} in pod ${p} is waiting to start: image can't be pulled`);
    if (reason === "ImagePullBackOff") throw badRequest(`container ${q} in pod ${p} is waiting to start: trying and failing to pull image`);
    throw badRequest(`container ${q} in pod ${p} is waiting to start: ${reason}`);
  }
  throw badRequest(`container ${q} in pod ${p} is waiting to start - no logs yet`);
}

/** The run with this id: exact times from the runtime, else from the pod's status. */
function findInstance(node: LogNode, pod: Pod, container: string, id: string): Instance {
  const rt = node.runtime(pod);
  const c = rt?.containers.find((x) => x.name === container);
  if (c) {
    if (c.phase === "running" && c.containerID === id && c.startedAt !== undefined) return { containerID: id, startedAt: c.startedAt };
    for (const t of [c.terminated, c.last]) {
      if (t && t.containerID === id) return { containerID: id, startedAt: t.startedAt, finishedAt: t.finishedAt, exitCode: t.exitCode };
    }
  }
  const s = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((x) => x.name === container);
  for (const state of [s?.state, s?.lastState]) {
    const t = state?.terminated;
    if (t?.containerID && stripRuntime(t.containerID) === id) {
      return { containerID: id, startedAt: parseTime(t.startedAt), finishedAt: parseTime(t.finishedAt), exitCode: t.exitCode };
    }
  }
  return { containerID: id, startedAt: parseTime(s?.state?.running?.startedAt) };
}

export function serveContainerLog(node: LogNode, pod: Pod, container: string, previous: boolean, untilMs: number): ContainerLog {
  const id = stripRuntime(logContainerID(pod, container, previous));
  const spec = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === container)!;
  const instance = findInstance(node, pod, container, id);
  if (Number.isNaN(instance.startedAt)) return { lines: [], ended: true };
  const lines = containerLog({ pod, container: spec, instance, catalogue: node.catalogue, untilMs, cpus: node.cpus, kernel: node.kernel });
  return { lines, ended: instance.finishedAt !== undefined };
}
