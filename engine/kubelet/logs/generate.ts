// A container instance's log, generated on read: from the instance's start
// (and end, if it ended), its image's log model and its command line, up to
// a moment. Nothing is stored; the same instance always gives the same lines.
import type { Container, Pod } from "../../api/types.ts";
import type { LogLine } from "../../api/logs.ts";
import { httpStatus, type ProcessBehaviour } from "../behaviour.ts";
import type { ImageCatalogue, ImageRecord } from "../images.ts";
import { resolveProcess } from "../process.ts";
import { PROBE_DEFAULTS } from "../probes.ts";
import { parseImageReference, repositoryOf } from "../reference.ts";
import { pickModel, LOG_MODELS, NGINX_DIRECT, type LogModel, type TimedLine } from "./model.ts";
import { commandOutput, type TimedText } from "./script.ts";

/** One run of a container: what the runtime knows of it. */
export interface Instance {
  containerID: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
}

export interface LogInput {
  pod: Pod;
  container: Container;
  instance: Instance;
  catalogue: ImageCatalogue;
  untilMs: number;
  /** CPUs of the node (nginx starts a worker per CPU). */
  cpus: number;
  kernel: string;
}

/** Lines kept per container (the kubelet rotates logs; a follower reads the newest). */
export const MAX_LOG_LINES = 5_000;

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const two = (n: number) => String(n).padStart(2, "0");

function formatTime(kind: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const hms = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const milli = String(d.getUTCMilliseconds()).padStart(3, "0");
  switch (kind) {
    case "nginx":
      return `${Y}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${hms}`;
    case "clf":
      return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${Y}:${hms} +0000`;
    case "redis":
      return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${Y} ${hms}.${milli}`;
    case "httpd":
      return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${hms}.${milli}${String((ms * 7) % 1000).padStart(3, "0")} ${Y}`;
    case "entrypoint":
      return `${Y}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hms}+00:00`;
    case "epoch":
      return String(Math.floor(ms / 1000));
    default:
      return d.toISOString();
  }
}

function fill(template: string, vars: Record<string, string>, ms: number): string {
  return template.replace(/\{(time:)?([a-zA-Z]+)\}/g, (all, time: string | undefined, name: string) =>
    time ? formatTime(name, ms) : (vars[name] ?? all),
  );
}

/** The version a tag names: `1.27.3`, `1.25-alpine` → `1.25`. */
function versionOf(tag: string): string {
  return tag.split("-")[0]!;
}

function resolveTag(record: ImageRecord, tag: string): string {
  for (let hops = 0; hops < 4; hops++) {
    const entry = record.tags[tag];
    if (typeof entry === "string") tag = entry;
    else break;
  }
  return tag;
}

interface Source {
  record?: ImageRecord;
  version: string;
  model?: LogModel;
}

function imageSource(catalogue: ImageCatalogue, container: Container): Source {
  let record: ImageRecord | undefined;
  let tag = "latest";
  try {
    const ref = parseImageReference(container.image ?? "");
    record = catalogue.record(repositoryOf(ref));
    tag = ref.tag ?? "latest";
  } catch {
    return { version: "" };
  }
  if (!record) return { version: "" };
  const version = versionOf(resolveTag(record, tag));
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const program = argv[0]?.slice(argv[0].lastIndexOf("/") + 1);
  const repository = record.repository;
  // nginx started directly (not through the entrypoint script) prints only its own notices.
  if (program === "nginx" && repository === "docker.io/library/nginx") return { record, version, model: pickModel(NGINX_DIRECT, version) };
  if (argv.length > 0 && !(record.programs?.includes(argv[0]!) || (program && record.programs?.includes(program)))) {
    return { record, version };
  }
  return { record, version, model: pickModel(LOG_MODELS[repository], version) };
}

function portOf(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === "number") return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** The kubelet's httpGet probes: the requests a container in the sandbox serves. */
function probeRequests(input: LogInput, behaviour: ProcessBehaviour, model: LogModel, vars: Record<string, string>, end: number): TimedText[] {
  const out: TimedText[] = [];
  const { container, instance } = input;
  const probes = [container.startupProbe, container.readinessProbe, container.livenessProbe];
  const requests: Array<{ at: number; path: string; port: number }> = [];
  for (const probe of probes) {
    const get = probe?.httpGet;
    if (!probe || !get) continue;
    const port = portOf(container, get.port);
    if (port === undefined) continue;
    const period = Math.max(1, probe.periodSeconds || PROBE_DEFAULTS.periodSeconds) * 1000;
    let at = instance.startedAt + (probe.initialDelaySeconds ?? 0) * 1000;
    for (let n = 0; at <= end && n < MAX_LOG_LINES; n++, at += period) requests.push({ at, path: get.path || "/", port });
  }
  requests.sort((a, b) => a.at - b.at);
  let count = 0;
  for (const r of requests) {
    const since = r.at - instance.startedAt;
    if (since < (behaviour.listenAfterMs ?? 0)) continue;
    const listener = behaviour.listens?.find((l) => l.port === r.port);
    if (!listener) continue;
    const status = httpStatus(listener, r.path, since);
    if (status === undefined || !model.request) continue;
    count++;
    const ok = status < 400;
    const lines = ok ? model.request.ok : model.request.notFound;
    const v = {
      ...vars,
      path: r.path,
      status: String(status),
      bytes: String(ok ? model.request.okBytes : model.request.notFoundBytes),
      host: `${vars.podIP}:${r.port}`,
      request: String(count),
    };
    for (const l of lines) out.push({ atMs: r.at + 1, text: fill(l, v, r.at) });
  }
  return out;
}

function timedLines(lines: readonly TimedLine[] | undefined, base: number, vars: Record<string, string>, workers: number[]): TimedText[] {
  const out: TimedText[] = [];
  for (const l of lines ?? []) {
    const at = base + l.afterMs;
    if (l.perWorker) for (const w of workers) out.push({ atMs: at, text: fill(l.text, { ...vars, worker: String(w) }, at) });
    else out.push({ atMs: at, text: fill(l.text, { ...vars, worker: String(workers[0]) }, at) });
  }
  return out;
}

/** The instance's log lines written up to input.untilMs. */
export function containerLog(input: LogInput): LogLine[] {
  const { pod, container, instance } = input;
  const end = Math.min(input.untilMs, instance.finishedAt ?? Infinity);
  if (end < instance.startedAt) return [];
  const source = imageSource(input.catalogue, container);
  const behaviour = resolveProcess(source.record, container);
  const podIP = pod.status?.podIP ?? "";
  const client = podIP ? podIP.replace(/\.\d+$/, ".1") : "";
  const vars: Record<string, string> = { version: source.version, podIP, client, kernel: input.kernel };
  const workers = Array.from({ length: Math.max(1, input.cpus) }, (_, i) => 29 + i);

  let lines: TimedText[] = [];
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const env: Record<string, string> = { HOSTNAME: pod.metadata.name ?? "" };
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const scripted = source.model ? undefined : commandOutput(argv, { vars: env, startMs: instance.startedAt, untilMs: end, maxLines: MAX_LOG_LINES });
  if (scripted) lines = scripted;
  else if (source.model) {
    lines.push(...timedLines(source.model.start, instance.startedAt, vars, workers));
    lines.push(...probeRequests(input, behaviour, source.model, vars, end));
    const cleanStop =
      instance.finishedAt !== undefined && behaviour.exitAfterMs === undefined && behaviour.stopAfterMs !== undefined && instance.exitCode === (behaviour.stopExitCode ?? 0);
    if (cleanStop) lines.push(...timedLines(source.model.stop, instance.finishedAt! - behaviour.stopAfterMs!, vars, workers));
  }
  // Messages the behaviour itself carries (an entrypoint refusing to start without its environment).
  if (!source.model && !scripted && behaviour.requiresEnv && behaviour.logs) {
    for (const text of behaviour.logs) lines.push({ atMs: instance.startedAt + 5, text: fill(text, vars, instance.startedAt + 5) });
  }
  lines = lines.filter((l) => l.atMs <= end);
  lines.sort((a, b) => a.atMs - b.atMs);
  if (lines.length > MAX_LOG_LINES) lines = lines.slice(-MAX_LOG_LINES);

  // Sub-millisecond parts of the times: fixed by the instance, increasing within a millisecond.
  const seed = hash(instance.containerID);
  const out: LogLine[] = [];
  let sameMs = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    sameMs = i > 0 && lines[i - 1]!.atMs === l.atMs ? sameMs + 1 : 0;
    const nanos = ((seed + i * 7_919) % 200_000) + sameMs * 1_000 + 100_000 * Math.min(sameMs, 7);
    out.push({ atNs: BigInt(Math.floor(l.atMs)) * 1_000_000n + BigInt(Math.min(nanos, 999_999)), text: l.text });
  }
  return out;
}
