// Probe results from the container's behaviour: an httpGet answers with the
// status the listener gives for the path, a closed port refuses the
// connection, an exec probe's `cat`/`ls`/`test` sees the files the process
// made. Messages are the prober's and Go's net/http's. A lesson can force a
// result through ProbeOverride data.
import type { Container, Pod, Probe } from "../api/types.ts";
import { fileExists, httpStatus, type ProcessBehaviour } from "./behaviour.ts";
import type { ImageRecord } from "./images.ts";
import type { ProbeKind } from "./runtime.ts";

export interface ProbeOverride {
  namespace?: string;
  /** Pod name, or a prefix ending in `*` (`web-*`). */
  pod?: string;
  container?: string;
  probe: ProbeKind;
  result: "success" | "failure";
  /** Failure output (default: connection refused on the probe's port). */
  message?: string;
}

export interface ProbeOutcome {
  ok: boolean;
  message: string;
}

export const PROBE_DEFAULTS = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };

export function probeOf(container: Container, kind: ProbeKind): Probe | undefined {
  return kind === "readiness" ? container.readinessProbe : kind === "liveness" ? container.livenessProbe : container.startupProbe;
}

export function probeTitle(kind: ProbeKind): string {
  return kind === "readiness" ? "Readiness" : kind === "liveness" ? "Liveness" : "Startup";
}

function resolvePort(container: Container, port: number | string): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function listening(b: ProcessBehaviour, port: number, sinceStart: number) {
  if (sinceStart < (b.listenAfterMs ?? 0)) return undefined;
  return b.listens?.find((l) => l.port === port);
}

function refused(ip: string, port: number | undefined): string {
  return `dial tcp ${ip}:${port ?? 0}: connect: connection refused`;
}

export interface ProbeContext {
  pod: Pod;
  container: Container;
  behaviour: ProcessBehaviour;
  image: ImageRecord | undefined;
  podIP: string;
  /** Milliseconds since the container started. */
  sinceStart: number;
  overrides: readonly ProbeOverride[];
}

function overrideFor(ctx: ProbeContext, kind: ProbeKind): ProbeOverride | undefined {
  const name = ctx.pod.metadata.name ?? "";
  return ctx.overrides.find(
    (o) =>
      o.probe === kind &&
      (o.namespace === undefined || o.namespace === (ctx.pod.metadata.namespace ?? "default")) &&
      (o.container === undefined || o.container === ctx.container.name) &&
      (o.pod === undefined || (o.pod.endsWith("*") ? name.startsWith(o.pod.slice(0, -1)) : o.pod === name)),
  );
}

/** Run one probe of `kind` at the current moment of the container's life. */
export function runProbe(probe: Probe, kind: ProbeKind, ctx: ProbeContext): ProbeOutcome {
  const forced = overrideFor(ctx, kind);
  const natural = naturalOutcome(probe, ctx);
  if (!forced) return natural;
  if (forced.result === "success") return { ok: true, message: "" };
  return { ok: false, message: forced.message ?? (natural.ok ? refused(ctx.podIP, portOf(probe, ctx.container)) : natural.message) };
}

function portOf(probe: Probe, container: Container): number | undefined {
  if (probe.httpGet) return resolvePort(container, probe.httpGet.port);
  if (probe.tcpSocket) return resolvePort(container, probe.tcpSocket.port);
  if (probe.grpc) return probe.grpc.port;
  return undefined;
}

function naturalOutcome(probe: Probe, ctx: ProbeContext): ProbeOutcome {
  const ip = ctx.podIP;
  if (probe.httpGet) {
    const port = resolvePort(ctx.container, probe.httpGet.port);
    const path = probe.httpGet.path || "/";
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const host = probe.httpGet.host || ip;
    const url = `${scheme}://${host}:${port ?? 0}${path}`;
    const listener = port === undefined ? undefined : listening(ctx.behaviour, port, ctx.sinceStart);
    if (!listener) return { ok: false, message: `Get "${url}": ${refused(host, port)}` };
    const status = httpStatus(listener, path, ctx.sinceStart);
    if (status === undefined) return { ok: false, message: `Get "${url}": EOF` };
    if (status >= 200 && status < 400) return { ok: true, message: "" };
    return { ok: false, message: `HTTP probe failed with statuscode: ${status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(ctx.container, probe.tcpSocket.port);
    const host = probe.tcpSocket.host || ip;
    const ok = port !== undefined && listening(ctx.behaviour, port, ctx.sinceStart) !== undefined;
    return ok ? { ok, message: "" } : { ok, message: refused(host, port) };
  }
  if (probe.grpc) {
    const ok = listening(ctx.behaviour, probe.grpc.port, ctx.sinceStart) !== undefined;
    return ok ? { ok, message: "" } : { ok, message: `timeout: failed to connect service "${ip}:${probe.grpc.port}" within 1s` };
  }
  if (probe.exec) return execOutcome(probe.exec.command ?? [], ctx);
  return { ok: true, message: "" };
}

const FILE_COMMANDS = new Set(["cat", "ls", "test", "stat", "["]);

function execOutcome(argv: readonly string[], ctx: ProbeContext): ProbeOutcome {
  let words = [...argv];
  const first = words[0] ?? "";
  const isShell = /(^|\/)(sh|bash|ash)$/.test(first);
  if ((isShell || !FILE_COMMANDS.has(first.replace(/^.*\//, ""))) && ctx.image && !ctx.image.shell) {
    return {
      ok: false,
      message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${first}": executable file not found in $PATH: unknown`,
    };
  }
  if (isShell) {
    const c = words.indexOf("-c");
    words = c >= 0 ? (words[c + 1] ?? "").trim().split(/\s+/) : [];
  }
  const program = (words[0] ?? "").replace(/^.*\//, "");
  if (program === "false" || (program === "exit" && words[1] !== "0")) return { ok: false, message: "" };
  if (!FILE_COMMANDS.has(program)) return { ok: true, message: "" };
  const path = words.filter((w) => !w.startsWith("-") && w !== "]").at(-1) ?? "";
  if (program !== "ls" && program !== "cat" && program !== "stat" && words.length < 2) return { ok: false, message: "" };
  if (fileExists(ctx.behaviour, path, ctx.sinceStart)) return { ok: true, message: "" };
  if (program === "test" || program === "[") return { ok: false, message: "" };
  const busybox = ctx.image?.shell === "busybox";
  if (program === "cat") {
    return { ok: false, message: busybox ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory` };
  }
  if (program === "ls") {
    return { ok: false, message: busybox ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory` };
  }
  return { ok: false, message: busybox ? `stat: can't stat '${path}': No such file or directory` : `stat: cannot statx '${path}': No such file or directory` };
}
