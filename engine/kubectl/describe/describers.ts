// The describers for the kinds the simulated cluster serves (kubectl
// pkg/describe/describe.go, v0.32): Pod, ReplicaSet, Deployment, Node,
// Namespace, HorizontalPodAutoscaler (autoscaling.ts), and the generic
// describer for the rest (Event). Each reads
// what it needs through the API server, as kubectl's describers do.
import { formatLabelSelector, selectorFromLabelSelector } from "../../api/labels.ts";
import { parseTimestamp } from "../../api/printers/duration.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { ApiServer } from "../../api/server.ts";
import type { Deployment, Event, KubeObject, Namespace, Node, Pod, PodTemplateSpec, ReplicaSet, Service } from "../../api/types.ts";
import { computePodQOS } from "../../api/validation/qos.ts";
import { deepEqual } from "../../util/json.ts";
import { formatValue } from "../printers/go/fmt.ts";
import type { GoValue } from "../printers/go/value.ts";
import { toWire } from "../wire.ts";
import { describeEndpointSlice, describeEndpoints } from "./endpoints.ts";
import { describeService } from "./service.ts";
import { horizontalPodAutoscalerDescriber } from "./autoscaling.ts";
import { describeContainers, describePodTemplate, describeTopologySpread, describeVolumes, quantityString } from "./containers.ts";
import {
  byteCompare,
  describeEvents,
  goSortSlice,
  LEVEL_0,
  LEVEL_1,
  type PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  since,
  sortedKeys,
  tabbedString,
} from "./writer.ts";
import { addQuantities, quantityValue } from "../../api/quantity.ts";
import { compareQuantity, formatQuantity, milliValue, type Quantity, tryParseQuantity } from "../../api/validation/quantity.ts";

export interface DescriberSettings {
  showEvents: boolean;
}

export interface DescribeEnv {
  api: ApiServer;
  nowMs: number;
}

export type Describer = (env: DescribeEnv, namespace: string | undefined, name: string, settings: DescriberSettings) => string;

function formatSelector(s: unknown): string {
  return formatLabelSelector(s as Parameters<typeof formatLabelSelector>[0]);
}

/** searchEvents: events whose involvedObject is this object (name, namespace, kind, uid). */
function searchEvents(
  env: DescribeEnv,
  ref: { name: string; namespace: string; kind?: string; uid?: string },
): Event[] {
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  try {
    return env.api
      .list("events", { namespace: ref.namespace || undefined, fieldSelector: terms.map(escapeTerm).join(",") })
      .items.map((e) => toWire(e));
  } catch {
    return [];
  }
}

/** fields.Set.AsSelector escapes `\`, `,` and `=` in values. */
function escapeTerm(term: string): string {
  const eq = term.indexOf("=");
  const value = term.slice(eq + 1).replaceAll("\\", "\\\\").replaceAll(",", "\\,").replaceAll("=", "\\=");
  return term.slice(0, eq + 1) + value;
}

export function eventsFor(env: DescribeEnv, obj: KubeObject, kind: string | undefined): Event[] {
  return searchEvents(env, { name: obj.metadata.name ?? "", namespace: obj.metadata.namespace ?? "", kind, uid: obj.metadata.uid });
}

/** metav1.GetControllerOf. */
function controllerRef(obj: KubeObject): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** deploymentutil.EqualIgnoreHash: templates equal once the pod-template-hash label is ignored. */
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined): unknown => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels["pod-template-hash"];
    const metadata = { ...(t?.metadata ?? {}), labels: Object.keys(labels).length > 0 ? labels : undefined };
    return { ...(t ?? {}), metadata };
  };
  return deepEqual(strip(a), strip(b));
}

function printController(obj: KubeObject): string {
  const ref = controllerRef(obj);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

// ---------- Pod ----------

const describePod: Describer = (env, namespace, name, settings) => {
  let pod: Pod;
  try {
    pod = toWire(env.api.get("pods", namespace, name));
  } catch (err) {
    if (settings.showEvents) {
      const events = searchEvents(env, { name, namespace: namespace ?? "" });
      if (events.length > 0) {
        return tabbedString((w) => {
          w.write(LEVEL_0, `Pod '${name}': error '${err instanceof Error ? err.message : String(err)}', but found events.\n`);
          describeEvents(events, w, env.nowMs);
        });
      }
    }
    throw err;
  }
  const events = settings.showEvents ? eventsFor(env, pod, undefined) : undefined;
  const status = pod.status ?? {};
  const spec = pod.spec;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    const runtimeClass = (spec as { runtimeClassName?: string }).runtimeClassName;
    if (runtimeClass) w.write(LEVEL_0, `Runtime Class Name:\t${runtimeClass}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, "Node:\t<none>\n");
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, "Labels", pod.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, env.nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = (spec.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
    if ((status.podIPs ?? []).length === 0) {
      w.write(LEVEL_0, "IPs:\t<none>\n");
    } else {
      w.write(LEVEL_0, "IPs:\n");
      for (const ip of status.podIPs!) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if ((spec.initContainers ?? []).length > 0) {
      describeContainers("Init Containers", spec.initContainers!, status.initContainerStatuses, pod, w, "");
    }
    describeContainers("Containers", spec.containers ?? [], status.containerStatuses, pod, w, "");
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
      for (const g of spec.readinessGates!) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, "");
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computePodQOS(spec)}\n`);
    printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
    printTolerationsMultiline(w, "Tolerations", spec.tolerations);
    describeTopologySpread(spec.topologySpreadConstraints, w, "", formatSelector);
    if (events) describeEvents(events, w, env.nowMs);
  });
};

// ---------- ReplicaSet ----------

function podStatusCounts(env: DescribeEnv, namespace: string | undefined, owner: KubeObject, selector: string): [number, number, number, number] {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of env.api.list("pods", { namespace, labelSelector: selector || undefined }).items) {
    if (controllerRef(pod)?.uid !== owner.metadata.uid) continue;
    switch (pod.status?.phase) {
      case "Running":
        running++;
        break;
      case "Pending":
        waiting++;
        break;
      case "Succeeded":
        succeeded++;
        break;
      case "Failed":
        failed++;
        break;
    }
  }
  return [running, waiting, succeeded, failed];
}

const describeReplicaSet: Describer = (env, namespace, name, settings) => {
  const rs = toWire(env.api.get("replicasets", namespace, name)) as ReplicaSet;
  const selector = selectorFromLabelSelector(rs.spec.selector).toString();
  const [running, waiting, succeeded, failed] = podStatusCounts(env, namespace, rs, selector);
  const events = settings.showEvents ? eventsFor(env, rs, "ReplicaSet") : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", rs.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, "Pods Status:\t");
    w.write(LEVEL_0, `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
    describePodTemplate(rs.spec.template, w, formatSelector);
    if ((rs.status?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of rs.status!.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (events) describeEvents(events, w, env.nowMs);
  });
};

// ---------- Deployment ----------

/** deploymentutil.GetAllReplicaSetsInChunks: (all old, new), old ones by creation time. */
function replicaSetsOf(env: DescribeEnv, d: Deployment): [ReplicaSet[], ReplicaSet | undefined] {
  const selector = selectorFromLabelSelector(d.spec.selector).toString();
  const owned = env.api
    .list("replicasets", { namespace: d.metadata.namespace, labelSelector: selector || undefined })
    .items.filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
  // FindNewReplicaSet sorts the list in place (ReplicaSetsByCreationTimestamp).
  goSortSlice(owned, (a, b) => {
    const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
    const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
    if (ta === tb) return byteCompare(a.metadata.name ?? "", b.metadata.name ?? "") < 0;
    return ta < tb;
  });
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  return [owned.filter((rs) => rs !== newRS), newRS];
}

function replicaSetsByLabels(list: readonly ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(", ");
  return s === "" ? "<none>" : s;
}

const describeDeployment: Describer = (env, namespace, name, settings) => {
  const raw = env.api.get("deployments", namespace, name);
  const d = toWire(raw);
  const events = settings.showEvents ? eventsFor(env, d, "Deployment") : undefined;
  const [oldRSs, newRS] = replicaSetsOf(env, raw);
  const selector = selectorFromLabelSelector(d.spec.selector).toString();
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", d.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    const st = d.status ?? {};
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ""}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const ru = d.spec.strategy?.rollingUpdate;
    if (ru) {
      const show = (v: unknown) => (v === undefined || v === null ? "<nil>" : String(v));
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${show(ru.maxUnavailable)} max unavailable, ${show(ru.maxSurge)} max surge\n`);
    }
    describePodTemplate(d.spec.template, w, formatSelector);
    if ((st.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of st.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(events, w, env.nowMs);
  });
};

const describeHorizontalPodAutoscaler = horizontalPodAutoscalerDescriber((env, hpa) => eventsFor(env, hpa, "HorizontalPodAutoscaler"));

// ---------- Node ----------

const NODE_ROLE_PREFIX = "node-role.kubernetes.io/";

function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort(byteCompare);
}

/** The kubelet's node lease (kube-node-lease/<node>), renewed every 10 s since the node registered. */
export function nodeLease(node: Node, nowMs: number): { holderIdentity: string; renewTime: string } {
  const created = parseTimestamp(node.metadata.creationTimestamp) ?? nowMs;
  const renew = created + Math.max(0, Math.floor((nowMs - created) / 10_000)) * 10_000;
  return { holderIdentity: node.metadata.name ?? "", renewTime: new Date(renew).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z") };
}

interface ResourceTotals {
  requests: Map<string, Quantity>;
  limits: Map<string, Quantity>;
}

/** resourcehelper.PodRequestsAndLimits: containers summed, then each init container as a floor. */
function podRequestsAndLimits(pod: Pod): ResourceTotals {
  const sum = (m: Map<string, Quantity>, list: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(list ?? {})) {
      const q = tryParseQuantity(v);
      if (q) m.set(k, m.has(k) ? addQuantities(m.get(k)!, q) : q);
    }
  };
  const max = (m: Map<string, Quantity>, list: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(list ?? {})) {
      const q = tryParseQuantity(v);
      if (q && (!m.has(k) || compareQuantity(q, m.get(k)!) > 0)) m.set(k, q);
    }
  };
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  for (const c of pod.spec.containers ?? []) {
    sum(requests, c.resources?.requests);
    sum(limits, c.resources?.limits);
  }
  for (const c of pod.spec.initContainers ?? []) {
    max(requests, c.resources?.requests);
    max(limits, c.resources?.limits);
  }
  return { requests, limits };
}

function qString(q: Quantity | undefined): string {
  return q ? formatQuantity({ ...q, cached: undefined }) : "0";
}

/** int64(float64(part) / float64(whole) * 100), of MilliValue for cpu and Value otherwise. */
function fraction(q: Quantity | undefined, whole: Quantity | undefined, resource: string): number {
  const v = (x: Quantity | undefined) => (x ? (resource === "cpu" ? milliValue(x) : quantityValue(x)) : 0n);
  const w = v(whole);
  if (w === 0n) return 0;
  return Math.trunc((Number(v(q)) / Number(w)) * 100);
}

const describeNode: Describer = (env, _namespace, name, settings) => {
  const node = toWire(env.api.get("nodes", undefined, name));
  const pods = env.api
    .list("pods", { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` })
    .items.map((p) => toWire(p));
  let events: Event[] | undefined;
  if (settings.showEvents) {
    events = [
      ...searchEvents(env, { name, namespace: "", kind: "Node", uid: node.metadata.uid }),
      ...searchEvents(env, { name, namespace: "", kind: "Node", uid: name }),
    ];
  }
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
    printLabelsMultiline(w, "Labels", node.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, "Taints", node.spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
    const lease = nodeLease(node, env.nowMs);
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity}\n`);
    w.write(LEVEL_1, "AcquireTime:\t<unset>\n");
    w.write(LEVEL_1, `RenewTime:\t${rfc1123z(lease.renewTime)}\n`);
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of status.conditions!) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
        );
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResources = (list: Record<string, string>) => {
      for (const k of sortedKeys(list)) w.write(LEVEL_0, `  ${k}:\t${quantityString(list[k])}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, "Capacity:\n");
      printResources(status.capacity!);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, "Allocatable:\n");
      printResources(status.allocatable!);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, "System Info:\n");
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
    if (node.spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs!.join(",")}\n`);
    if (node.spec.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);

    // describeNodeResource
    w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
    w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    const allocatableList = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable! : (status.capacity ?? {});
    const allocatable = (r: string): Quantity | undefined =>
      allocatableList[r] !== undefined ? (tryParseQuantity(allocatableList[r]!) ?? undefined) : undefined;
    const totalReq = new Map<string, Quantity>();
    const totalLim = new Map<string, Quantity>();
    for (const pod of pods) {
      const { requests, limits } = podRequestsAndLimits(pod);
      for (const [k, v] of requests) totalReq.set(k, totalReq.has(k) ? addQuantities(totalReq.get(k)!, v) : v);
      for (const [k, v] of limits) totalLim.set(k, totalLim.has(k) ? addQuantities(totalLim.get(k)!, v) : v);
      const cell = (m: Map<string, Quantity>, r: string) => `${qString(m.get(r))} (${fraction(m.get(r), allocatable(r), r)}%)`;
      w.write(
        LEVEL_1,
        `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(requests, "cpu")}\t${cell(limits, "cpu")}\t${cell(requests, "memory")}\t${cell(limits, "memory")}\t${since(pod.metadata.creationTimestamp, env.nowMs)}\n`,
      );
    }
    w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    for (const r of ["cpu", "memory", "ephemeral-storage"]) {
      const req = totalReq.get(r);
      const lim = totalLim.get(r);
      w.write(LEVEL_1, `${r}\t${qString(req)} (${fraction(req, allocatable(r), r)}%)\t${qString(lim)} (${fraction(lim, allocatable(r), r)}%)\n`);
    }
    for (const r of Object.keys(allocatableList).filter((x) => x.startsWith("hugepages-")).sort(byteCompare)) {
      const req = totalReq.get(r);
      const lim = totalLim.get(r);
      w.write(LEVEL_1, `${r}\t${qString(req)} (${fraction(req, allocatable(r), r)}%)\t${qString(lim)} (${fraction(lim, allocatable(r), r)}%)\n`);
    }
    const standard = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);
    const extended = Object.keys(allocatableList)
      .filter((r) => !r.startsWith("hugepages-") && !standard.has(r) && !r.startsWith("requests.") && !r.startsWith("limits."))
      .sort(byteCompare);
    for (const r of extended) w.write(LEVEL_1, `${r}\t${qString(totalReq.get(r))}\t${qString(totalLim.get(r))}\n`);
    if (events) describeEvents(events, w, env.nowMs);
  });
};

// ---------- Namespace ----------

const describeNamespace: Describer = (env, _namespace, name) => {
  const ns = toWire(env.api.get("namespaces", undefined, name)) as Namespace & {
    status?: { conditions?: Array<{ type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }> };
  };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", ns.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
      }
    }
    // The simulated cluster has no ResourceQuota or LimitRange objects: both lists are empty.
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No resource quota.\n");
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No LimitRange resource.\n");
  });
};

// ---------- Service (describe/service.ts) ----------

const describeServiceByName: Describer = (env, namespace, name, settings) => {
  const svc = toWire(env.api.get("services", namespace, name)) as Service;
  return describeService(env, svc, settings.showEvents ? eventsFor(env, svc, "Service") : undefined);
};

// ---------- generic ----------

/** camelcase.Split (github.com/fatih/camelcase). */
function camelSplit(s: string): string[] {
  const cls = (ch: string) => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const ch of s) {
    const c = cls(ch);
    if (c === last && runs.length > 0) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i]![0]!) === 2 && cls(runs[i + 1]![0]!) === 1) {
      runs[i + 1] = [runs[i]![runs[i]!.length - 1]!, ...runs[i + 1]!];
      runs[i] = runs[i]!.slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== "-")) return field;
  const acronyms = ["API", "URL", "UID", "OSB", "GUID"];
  return camelSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())))
    .join(" ");
}

function goPrint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  return formatValue(v as GoValue);
}

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: readonly string[]): void {
  for (const field of Object.keys(content).sort(byteCompare)) {
    const value = content[field];
    const expr = `${skipPrefix}.${field}`;
    if (skip.includes(expr)) continue;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value as Record<string, unknown>, expr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child)) printUnstructured(w, level + 1, child as Record<string, unknown>, expr, skip);
        else w.write(level + 1, `${goPrint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goPrint(value)}\n`);
    }
  }
}

function genericDescriber(type: ResourceType): Describer {
  return (env, namespace, name, settings) => {
    const obj = toWire(env.api.get(type.resource, namespace, name));
    const events = settings.showEvents ? eventsFor(env, obj, obj.kind) : undefined;
    return tabbedString((w) => {
      w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
      w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
      printLabelsMultiline(w, "Labels", obj.metadata.labels);
      printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
      printUnstructured(w, LEVEL_0, obj as unknown as Record<string, unknown>, "", [
        ".metadata.managedFields",
        ".metadata.name",
        ".metadata.namespace",
        ".metadata.labels",
        ".metadata.annotations",
      ]);
      if (events) describeEvents(events, w, env.nowMs);
    });
  };
}

/** The describer kubectl picks for a kind. */
export function describerFor(type: ResourceType): Describer {
  switch (`${type.group}/${type.kind}`) {
    case "/Pod":
      return describePod;
    case "/Node":
      return describeNode;
    case "/Namespace":
      return describeNamespace;
    case "/Service":
      return describeServiceByName;
    case "apps/Deployment":
      return describeDeployment;
    case "apps/ReplicaSet":
      return describeReplicaSet;
    case "autoscaling/HorizontalPodAutoscaler":
      return describeHorizontalPodAutoscaler;
    case "/Endpoints":
      return describeEndpoints;
    case "discovery.k8s.io/EndpointSlice":
      return describeEndpointSlice;
    default:
      return genericDescriber(type);
  }
}
