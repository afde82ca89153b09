// The pods/log subresource. As on a real cluster the API server checks the
// pod and the container name (LogLocation in pkg/registry/core/pod), then asks
// the kubelet of the pod's node for the log; the kubelet answers with the
// container's lines, and the options (tail, since, limitBytes, timestamps)
// are applied to them. A kubelet registers itself here as its node's source.
import { badRequest, notFound } from "./errors.ts";
import type { ApiServer } from "./server.ts";
import type { Pod } from "./types.ts";
import { forbidden, invalid, invalidStatus, type FieldError } from "./validation/field.ts";
import { ApiError } from "./errors.ts";

/** PodLogOptions (core/v1), the query of `GET /api/v1/namespaces/NS/pods/NAME/log`. */
export interface PodLogOptions {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  timestamps?: boolean;
  tailLines?: number;
  limitBytes?: number;
}

/** One line of a container's log; `atNs` is the time it was written, in ns since the epoch. */
export interface LogLine {
  atNs: bigint;
  text: string;
}

/** What a node's kubelet answers for one container of one of its pods. */
export interface ContainerLog {
  lines: LogLine[];
  /** The container instance is no longer running: a follower stops after these lines. */
  ended: boolean;
}

/**
 * A kubelet's log endpoint: the log of `container` in `pod` (the instance the
 * pod's status names as current, or the previous one) written up to `untilMs`.
 * Throws a BadRequest for a container with no log to show (waiting to start...).
 */
export type LogSource = (pod: Pod, container: string, previous: boolean, untilMs: number) => ContainerLog;

const sources = new WeakMap<ApiServer, Map<string, LogSource>>();

/** A kubelet registers its node's log endpoint; the returned function unregisters it. */
export function registerLogSource(api: ApiServer, nodeName: string, source: LogSource): () => void {
  let byNode = sources.get(api);
  if (!byNode) sources.set(api, (byNode = new Map()));
  byNode.set(nodeName, source);
  return () => {
    if (byNode!.get(nodeName) === source) byNode!.delete(nodeName);
  };
}

/** The result of a log read: the text, and whether a follower should stop. */
export interface PodLogResult {
  text: string;
  /** The container instance ended (or the pod has no node yet): nothing more will come. */
  ended: boolean;
}

function validateOptions(name: string, o: PodLogOptions): void {
  const errors: FieldError[] = [];
  if (o.tailLines !== undefined && o.tailLines < 0) errors.push(invalid("tailLines", o.tailLines, "must be greater than or equal to 0"));
  if (o.limitBytes !== undefined && o.limitBytes < 1) errors.push(invalid("limitBytes", o.limitBytes, "must be greater than 0"));
  if (o.sinceSeconds !== undefined && o.sinceTime !== undefined) {
    errors.push(forbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified"));
  } else if (o.sinceSeconds !== undefined && o.sinceSeconds < 1) {
    errors.push(invalid("sinceSeconds", o.sinceSeconds, "must be greater than 0"));
  }
  if (errors.length > 0) throw new ApiError(invalidStatus("PodLogOptions", "", name, errors));
}

/** The container a log request is for (LogLocation's choice and its errors). */
export function logContainer(pod: Pod, container: string | undefined): string {
  const name = pod.metadata.name ?? "";
  if (container) {
    const all = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
    if (!all.some((c) => c.name === container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
    return container;
  }
  const containers = pod.spec.containers ?? [];
  if (containers.length === 1) return containers[0]!.name;
  if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
  let message = `a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(" ")}]`;
  const inits = pod.spec.initContainers ?? [];
  if (inits.length > 0) message += ` or one of the init containers: [${inits.map((c) => c.name).join(" ")}]`;
  throw badRequest(message);
}

/** Lines that pass the since/tail options, as text (with timestamps if asked). */
export function formatLog(lines: readonly LogLine[], o: PodLogOptions, nowMs: number): string {
  let selected = lines;
  const sinceMs = o.sinceTime !== undefined ? Date.parse(o.sinceTime) : o.sinceSeconds !== undefined ? nowMs - o.sinceSeconds * 1000 : undefined;
  if (sinceMs !== undefined && !Number.isNaN(sinceMs)) {
    const sinceNs = BigInt(Math.floor(sinceMs)) * 1_000_000n;
    selected = selected.filter((l) => l.atNs >= sinceNs);
  }
  if (o.tailLines !== undefined) selected = o.tailLines === 0 ? [] : selected.slice(-o.tailLines);
  let text = "";
  for (const l of selected) text += (o.timestamps ? `${rfc3339Nano(l.atNs)} ` : "") + l.text + "\n";
  if (o.limitBytes !== undefined) text = truncateBytes(text, o.limitBytes);
  return text;
}

function truncateBytes(text: string, limit: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limit) return text;
  return new TextDecoder().decode(bytes.slice(0, limit));
}

/** Go's time.RFC3339Nano in UTC: trailing zeros of the fraction dropped. */
export function rfc3339Nano(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const base = new Date(ms).toISOString().slice(0, 19);
  let frac = String(ns % 1_000_000_000n).padStart(9, "0").replace(/0+$/, "");
  if (frac) frac = "." + frac;
  return `${base}${frac}Z`;
}

/**
 * `GET pods/NAME/log`: the pod's container log, as the kubelet of its node
 * serves it. A pod not yet on a node has an empty log.
 */
export function readPodLog(api: ApiServer, nowMs: number, namespace: string, name: string, options: PodLogOptions = {}): PodLogResult {
  const pod = api.find("pods", namespace, name);
  if (!pod) throw notFound({ group: "", resource: "pods" }, name);
  validateOptions(name, options);
  const container = logContainer(pod, options.container);
  const node = pod.spec.nodeName;
  if (!node) return { text: "", ended: true };
  const source = sources.get(api)?.get(node);
  if (!source) {
    throw new ApiError({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: `Get "https://${node}:10250/containerLogs/${namespace}/${name}/${container}": dial tcp: lookup ${node}: no such host`,
      code: 500,
    });
  }
  const log = source(pod, container, options.previous ?? false, nowMs);
  return { text: formatLog(log.lines, options, nowMs), ended: log.ended };
}

/**
 * A follower of one container's log (`logs -f`): each read returns the lines
 * written since the previous one. It ends when the instance it follows ends.
 */
export class PodLogFollower {
  private printed = 0;
  private containerID?: string;
  ended = false;

  constructor(
    private readonly api: ApiServer,
    private readonly namespace: string,
    private readonly name: string,
    private readonly options: PodLogOptions,
  ) {}

  /** The first read: the log so far, with the options applied. */
  first(nowMs: number): string {
    const pod = this.api.find("pods", this.namespace, this.name);
    if (!pod) throw notFound({ group: "", resource: "pods" }, this.name);
    validateOptions(this.name, this.options);
    const container = logContainer(pod, this.options.container);
    const log = this.read(pod, container, nowMs);
    if (!log) {
      this.ended = true;
      return "";
    }
    this.printed = log.lines.length;
    this.ended = log.ended;
    return formatLog(log.lines, this.options, nowMs);
  }

  /** Lines written since the last read ("" when none). */
  next(nowMs: number): string {
    if (this.ended) return "";
    const pod = this.api.find("pods", this.namespace, this.name);
    if (!pod || pod.metadata.uid === undefined) {
      this.ended = true;
      return "";
    }
    let log: ContainerLog | undefined;
    try {
      log = this.read(pod, logContainer(pod, this.options.container), nowMs);
    } catch {
      this.ended = true;
      return "";
    }
    if (!log) return "";
    const fresh = log.lines.slice(this.printed);
    this.printed = log.lines.length;
    this.ended = log.ended;
    return formatLog(fresh, { timestamps: this.options.timestamps }, nowMs);
  }

  private read(pod: Pod, container: string, nowMs: number): ContainerLog | undefined {
    const node = pod.spec.nodeName;
    if (!node) return undefined;
    const source = sources.get(this.api)?.get(node);
    if (!source) return undefined;
    const id = currentContainerID(pod, container, this.options.previous ?? false);
    // Another instance than the one followed: the stream of the old one has ended.
    if (this.containerID !== undefined && id !== this.containerID) return { lines: [], ended: true };
    this.containerID = id;
    return source(pod, container, this.options.previous ?? false, nowMs);
  }
}

function currentContainerID(pod: Pod, container: string, previous: boolean): string | undefined {
  const s = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container);
  if (!s) return undefined;
  if (previous) return s.lastState?.terminated?.containerID;
  return s.state?.running ? s.containerID : (s.state?.terminated?.containerID ?? s.lastState?.terminated?.containerID);
}
