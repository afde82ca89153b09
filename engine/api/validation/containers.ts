// Container validation (core validateContainers / validateInitContainers /
// validateContainerCommon, 1.32). Input is a defaulted v1 container list.
import type { Container, ContainerPort, VolumeMount } from "../types.ts";
import { child, duplicate, forbidden, index, invalid, notFound, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { inclusiveRangeError, isValidPortName, isValidPortNum } from "./names.ts";
import { validateEnv, validateEnvFrom } from "./env.ts";
import { validateProbes } from "./probes.ts";
import { validateDNS1123Label } from "./object-meta.ts";
import { validateResourceRequirements } from "./resources.ts";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" ? (v as Obj) : undefined);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

const SUPPORTED_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(child(p, "name"), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(child(p, "name"), port.name));
      else names.add(port.name);
    }
    const cp = port.containerPort ?? 0;
    if (cp === 0) errs.push(required(child(p, "containerPort")));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(child(p, "containerPort"), cp, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(child(p, "hostPort"), port.hostPort, m));
    if (!port.protocol) errs.push(required(child(p, "protocol")));
    else if (!SUPPORTED_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, "protocol"), port.protocol, SUPPORTED_PROTOCOLS));
  });
  return errs;
}

function validatePathNoBacksteps(target: string, path: string): FieldError[] {
  return target.split("/").includes("..") ? [invalid(path, target, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative, no `..` elements. */
export function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith("/")) errs.push(invalid(path, target, "must be a relative path"));
  errs.push(...validatePathNoBacksteps(target, path));
  return errs;
}

function validateVolumeMounts(mounts: VolumeMount[] | undefined, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((mnt, i) => {
    const p = index(path, i);
    const m = mnt as VolumeMount & Obj;
    if (!mnt.name) errs.push(required(child(p, "name")));
    if (!volumes.has(mnt.name ?? "")) errs.push(notFound(child(p, "name"), mnt.name ?? ""));
    if (!mnt.mountPath) errs.push(required(child(p, "mountPath")));
    if (mountPoints.has(mnt.mountPath ?? "")) errs.push(invalid(child(p, "mountPath"), mnt.mountPath ?? "", "must be unique"));
    mountPoints.add(mnt.mountPath ?? "");
    // upstream reports subPath problems on `volumeMounts.subPath`, without the index
    if (mnt.subPath) errs.push(...validateLocalDescendingPath(mnt.subPath, child(path, "subPath")));
    const expr = str(m["subPathExpr"]);
    if (expr) {
      if (mnt.subPath) errs.push(invalid(child(p, "subPathExpr"), expr, "subPathExpr and subPath are mutually exclusive"));
      errs.push(...validateLocalDescendingPath(expr, child(path, "subPathExpr")));
    }
    const rro = m["recursiveReadOnly"];
    if (typeof rro === "string") {
      const rp = child(path, "recursiveReadOnly");
      if (rro === "Enabled" || rro === "IfPossible") {
        if (!mnt.readOnly) errs.push(forbidden(rp, "may only be specified when readOnly is true"));
      } else if (rro !== "Disabled") {
        errs.push(notSupported(rp, rro, ["Disabled", "Enabled", "IfPossible"]));
      }
    }
  });
  return errs;
}

function validatePullPolicy(policy: string | undefined, path: string): FieldError[] {
  if (!policy) return [required(path)];
  return PULL_POLICIES.includes(policy) ? [] : [notSupported(path, policy, PULL_POLICIES)];
}

function validateSecurityContext(sc: unknown, path: string): FieldError[] {
  const s = obj(sc);
  if (!s) return [];
  const errs: FieldError[] = [];
  for (const f of ["runAsUser", "runAsGroup"]) {
    const v = s[f];
    if (typeof v === "number" && (v < 0 || v > 2147483647)) errs.push(invalid(child(path, f), v, inclusiveRangeError(0, 2147483647)));
  }
  return errs;
}

function validateContainerCommon(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = child(path, "name");
  if (!c.name) errs.push(required(namePath));
  else errs.push(...validateDNS1123Label(c.name, namePath));
  if (!c.image) errs.push(required(child(path, "image")));
  const tmp = c.terminationMessagePolicy ?? "";
  if (tmp === "") errs.push(required(child(path, "terminationMessagePolicy")));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError") {
    errs.push(notSupported(child(path, "terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]));
  }
  errs.push(...validateContainerPorts(c.ports, child(path, "ports")));
  errs.push(...validateEnv(c.env, child(path, "env")));
  errs.push(...validateEnvFrom(c.envFrom, child(path, "envFrom")));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, child(path, "volumeMounts")));
  errs.push(...validatePullPolicy(c.imagePullPolicy, child(path, "imagePullPolicy")));
  errs.push(...validateResourceRequirements(c.resources, child(path, "resources")));
  errs.push(...validateSecurityContext(c.securityContext, child(path, "securityContext")));
  return errs;
}

// Host ports must be unique per protocol/hostIP/port (AccumulateUniqueHostPorts).
function checkHostPortConflicts(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const k = `${port.protocol ?? ""}/${port.hostIP ?? ""}/${port.hostPort}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), "ports"), pi), "hostPort"), k));
      else seen.add(k);
    });
  });
  return errs;
}

export function validateContainers(containers: Container[] | undefined, volumes: ReadonlySet<string>, gracePeriod: number | undefined, path: string): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name ?? "")) errs.push(duplicate(child(p, "name"), c.name ?? ""));
    else names.add(c.name ?? "");
    errs.push(...validateProbes(c, gracePeriod, p));
    if (c.restartPolicy != null) errs.push(forbidden(child(p, "restartPolicy"), "may not be set for non-init containers"));
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

export function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name ?? ""));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (c.restartPolicy != null) {
      if (c.restartPolicy !== "Always") errs.push(notSupported(child(p, "restartPolicy"), c.restartPolicy, ["Always"]));
      restartAlways = c.restartPolicy === "Always";
    }
    if (names.has(c.name ?? "")) errs.push(duplicate(child(p, "name"), c.name ?? ""));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      errs.push(...validateProbes(c, gracePeriod, p));
    } else {
      const why = "may not be set for init containers without restartPolicy=Always";
      if (c.lifecycle != null) errs.push(forbidden(child(p, "lifecycle"), why));
      if (c.livenessProbe != null) errs.push(forbidden(child(p, "livenessProbe"), why));
      if (c.readinessProbe != null) errs.push(forbidden(child(p, "readinessProbe"), why));
      if (c.startupProbe != null) errs.push(forbidden(child(p, "startupProbe"), why));
    }
  });
  return errs;
}

/** Pod-only container check (not applied to templates): no whitespace around the image. */
export function validateContainersOnlyForPod(containers: Container[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    const image = c.image ?? "";
    if (image.length !== image.trim().length) {
      errs.push(invalid(child(index(path, i), "image"), image, "must not have leading or trailing whitespace"));
    }
  });
  return errs;
}
