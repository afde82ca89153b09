// Containers, volumes and pod templates as describe prints them (shared by
// the pod, replica set and deployment describers).
import { canonicalQuantity, isQuantity } from "../../api/quantity.ts";
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, PodTemplateSpec, Probe, Volume } from "../../api/types.ts";
import {
  byteCompare,
  goSortSlice,
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  type PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  sortedKeys,
} from "./writer.ts";

type Rec = Record<string, unknown>;

function rec(v: unknown): Rec | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

/** IntOrString.String(). */
function intOrString(v: unknown): string {
  if (v === undefined || v === null) return "";
  return String(v);
}

/** Quantity.String() of a resource value as stored (canonical already; re-canonicalised if not). */
export function quantityString(v: string | number | undefined): string {
  if (v === undefined) return "0";
  return isQuantity(v) ? canonicalQuantity(v) : String(v);
}

/** DescribeProbe. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "").toLowerCase();
    const port = intOrString(p.httpGet.port);
    const host = p.httpGet.host ?? "";
    const hostPort = port.length > 0 ? (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`) : host;
    let path = p.httpGet.path ?? "";
    if (path !== "" && !path.startsWith("/") && hostPort !== "") path = "/" + path;
    const url = `${scheme ? scheme + ":" : ""}${hostPort !== "" || scheme === "file" ? "//" + hostPort : ""}${path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

/** fieldpath.ExtractFieldPathAsString for the fields a pod's env may reference. */
function podField(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? "";
  switch (path) {
    case "metadata.name":
      return pod.metadata.name ?? "";
    case "metadata.namespace":
      return pod.metadata.namespace ?? "";
    case "metadata.uid":
      return pod.metadata.uid ?? "";
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec.serviceAccountName ?? "";
    case "status.hostIP":
      return pod.status?.hostIP ?? "";
    case "status.podIP":
      return pod.status?.podIP ?? "";
    case "status.hostIPs":
      return (pod.status?.hostIPs ?? []).map((i) => i.ip).join(",");
    case "status.podIPs":
      return (pod.status?.podIPs ?? []).map((i) => i.ip).join(",");
    default:
      return "";
  }
}

/** ExtractContainerResourceValue with the default divisor. */
function containerResourceValue(container: Container, resource: string, divisor: string | undefined): string {
  const [kind, name] = resource.split(".") as [string, string];
  const list = kind === "limits" ? container.resources?.limits : container.resources?.requests;
  const raw = list?.[name];
  if (raw === undefined) return "0";
  try {
    const value = Number(canonicalQuantity(raw).replace(/m$/, "")) / (canonicalQuantity(raw).endsWith("m") ? 1000 : 1);
    const d = divisor ? Number(canonicalQuantity(divisor).replace(/m$/, "")) / (canonicalQuantity(divisor).endsWith("m") ? 1000 : 1) : 1;
    if (Number.isFinite(value) && d > 0) return String(Math.ceil(value / d));
  } catch {
    // fall through
  }
  return quantityString(raw);
}

function describeEnv(container: Container, pod: Pod | undefined, w: PrefixWriter): void {
  const env: EnvVar[] = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const from = rec(e.valueFrom);
    if (!from) {
      (e.value ?? "").split("\n").forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const fieldRef = rec(from.fieldRef);
    const resourceFieldRef = rec(from.resourceFieldRef);
    const secretKeyRef = rec(from.secretKeyRef);
    const configMapKeyRef = rec(from.configMapKeyRef);
    if (fieldRef) {
      const value = pod ? podField(pod, String(fieldRef.fieldPath ?? "")) : "";
      w.write(LEVEL_3, `${e.name}:\t${value} (${String(fieldRef.apiVersion ?? "")}:${String(fieldRef.fieldPath ?? "")})\n`);
    } else if (resourceFieldRef) {
      const resource = String(resourceFieldRef.resource ?? "");
      let value = containerResourceValue(container, resource, resourceFieldRef.divisor as string | undefined);
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory")) value = "node allocatable";
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (secretKeyRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${String(secretKeyRef.key ?? "")}' in secret '${String(secretKeyRef.name ?? "")}'>\tOptional: ${secretKeyRef.optional === true}\n`,
      );
    } else if (configMapKeyRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${String(configMapKeyRef.key ?? "")}' of config map '${String(configMapKeyRef.name ?? "")}'>\tOptional: ${configMapKeyRef.optional === true}\n`,
      );
    }
  }
}

function describeEnvFrom(container: Container, w: PrefixWriter): void {
  const list = (container.envFrom ?? []) as Rec[];
  w.write(LEVEL_2, `Environment Variables from:${list.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of list) {
    let from = "";
    let name = "";
    let optional = false;
    const cm = rec(e.configMapRef);
    const secret = rec(e.secretRef);
    if (cm) {
      from = "ConfigMap";
      name = String(cm.name ?? "");
      optional = cm.optional === true;
    } else if (secret) {
      from = "Secret";
      name = String(secret.name ?? "");
      optional = secret.optional === true;
    }
    const prefix = typeof e.prefix === "string" ? e.prefix : "";
    if (prefix === "") w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

function describeState(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeResources(resources: Container["resources"], w: PrefixWriter, level: number): void {
  const limits = resources?.limits ?? {};
  const requests = resources?.requests ?? {};
  if (Object.keys(limits).length > 0) w.write(level, "Limits:\n");
  for (const name of sortedKeys(limits)) w.write(level + 1, `${name}:\t${quantityString(limits[name])}\n`);
  if (Object.keys(requests).length > 0) w.write(level, "Requests:\n");
  for (const name of sortedKeys(requests)) w.write(level + 1, `${name}:\t${quantityString(requests[name])}\n`);
}

/** describeContainers: a label line, then each container's block. */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  pod: Pod | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  const nameIndent = space.length > 0 ? " " : "";
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ""}`).join(", ");
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ""}`).join(", ");
    if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
    else w.write(LEVEL_2, `Port:\t${ports || "<none>"}\n`);
    if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
    else w.write(LEVEL_2, `Host Port:\t${hostPorts || "<none>"}\n`);
    const seccomp = rec(rec(c.securityContext)?.seccompProfile);
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${String(seccomp.type ?? "")}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_3, `LocalhostProfile:\t${String(seccomp.localhostProfile ?? "")}\n`);
    }
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, "Command:\n");
      for (const part of c.command!) for (const s of part.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, "Args:\n");
      for (const part of c.args!) for (const s of part.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeState("State", status.state, w);
      if (status.lastState?.terminated) describeState("Last State", status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${status.ready ? "True" : "False"}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(c.resources, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(c, w);
    describeEnv(c, pod, w);
    const mounts = [...(c.volumeMounts ?? [])];
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    goSortSlice(mounts, (a, b) => byteCompare(a.mountPath, b.mountPath) < 0);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw"];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
    const devices = [...(((c as unknown as Rec).volumeDevices as Array<{ name: string; devicePath: string }> | undefined) ?? [])];
    if (devices.length > 0) {
      w.write(LEVEL_2, `Devices:${mounts.length === 0 ? "\t<none>" : ""}\n`);
      goSortSlice(devices, (a, b) => byteCompare(a.devicePath, b.devicePath) < 0);
      for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

function optionalPtr(v: unknown): string {
  return v === undefined || v === null ? "<nil>" : String(v);
}

/** describeVolumes. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? " " : "";
  for (const v of list) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    const hostPath = rec(v.hostPath);
    const emptyDir = rec(v.emptyDir);
    const secret = rec(v.secret);
    const configMap = rec(v.configMap);
    const pvc = rec(v.persistentVolumeClaim);
    const downward = rec(v.downwardAPI);
    const projected = rec(v.projected);
    if (hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${String(hostPath.path ?? "")}\n    HostPathType:\t${hostPath.type === undefined ? "<none>" : String(hostPath.type)}\n`,
      );
    } else if (emptyDir) {
      const size = emptyDir.sizeLimit !== undefined && quantityString(emptyDir.sizeLimit as string) !== "0" ? quantityString(emptyDir.sizeLimit as string) : "<unset>";
      w.write(
        LEVEL_2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${String(emptyDir.medium ?? "")}\n    SizeLimit:\t${size}\n`,
      );
    } else if (secret) {
      w.write(
        LEVEL_2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${String(secret.secretName ?? "")}\n    Optional:\t${secret.optional === true}\n`,
      );
    } else if (configMap) {
      w.write(
        LEVEL_2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${String(configMap.name ?? "")}\n    Optional:\t${configMap.optional === true}\n`,
      );
    } else if (pvc) {
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${String(pvc.claimName ?? "")}\n    ReadOnly:\t${pvc.readOnly === true}\n`,
      );
    } else if (downward) {
      w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
      for (const item of (downward.items ?? []) as Rec[]) {
        const fieldRef = rec(item.fieldRef);
        const resourceRef = rec(item.resourceFieldRef);
        if (fieldRef) w.write(LEVEL_3, `${String(fieldRef.fieldPath ?? "")} -> ${String(item.path ?? "")}\n`);
        if (resourceRef) w.write(LEVEL_3, `${String(resourceRef.resource ?? "")} -> ${String(item.path ?? "")}\n`);
      }
    } else if (projected) {
      w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (const source of (projected.sources ?? []) as Rec[]) {
        const s = rec(source.secret);
        const cm = rec(source.configMap);
        const token = rec(source.serviceAccountToken);
        if (s) w.write(LEVEL_2, `SecretName:\t${String(s.name ?? "")}\n    SecretOptionalName:\t${optionalPtr(s.optional)}\n`);
        else if (source.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
        else if (cm) w.write(LEVEL_2, `ConfigMapName:\t${String(cm.name ?? "")}\n    ConfigMapOptional:\t${optionalPtr(cm.optional)}\n`);
        else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${Number(token.expirationSeconds ?? 0)}\n`);
      }
    } else {
      w.write(LEVEL_1, "<unknown>\n");
    }
  }
}

/** describeTopologySpreadConstraints. */
export function describeTopologySpread(constraints: unknown[] | undefined, w: PrefixWriter, space: string, formatSelector: (s: unknown) => string): void {
  const list = [...((constraints ?? []) as Rec[])];
  if (list.length === 0) return;
  goSortSlice(list, (a, b) => byteCompare(String(a.topologyKey ?? ""), String(b.topologyKey ?? "")) < 0);
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, "\t");
    }
    w.write(LEVEL_0, `${String(t.topologyKey ?? "")}:`);
    w.write(LEVEL_0, String(t.whenUnsatisfiable ?? ""));
    w.write(LEVEL_0, ` when max skew ${Number(t.maxSkew ?? 0)} is exceeded`);
    if (t.labelSelector) w.write(LEVEL_0, ` for selector ${formatSelector(t.labelSelector)}`);
    w.write(LEVEL_0, "\n");
  });
}

/** DescribePodTemplate. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter, formatSelector: (s: unknown) => string): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, "  Labels", meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) printAnnotationsMultiline(w, "  Annotations", meta.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers!, undefined, undefined, w, "  ");
  describeContainers("Containers", spec.containers ?? [], undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpread(spec.topologySpreadConstraints, w, "  ", formatSelector);
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}
