// Pod and pod-template defaulting, as the 1.32 API server applies it while
// decoding a v1 object (pkg/apis/core/v1 defaults + generated defaulters), so
// that `kubectl get -o yaml` shows what a real cluster shows. Everything here
// mutates in place. Pod-only rules (requests from limits, enableServiceLinks,
// hostNetwork host ports) are not applied to templates, as upstream.
import type { Container, Pod, PodSpec, PodTemplateSpec, Probe, Volume } from "../types.ts";
import { canonicalResourceQuantity, QuantityParseError } from "../validation/quantity.ts";
import { defaultPullPolicy } from "./image.ts";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** 0644, the default file mode of secret, configMap, downwardAPI and projected volumes. */
export const DEFAULT_FILE_MODE = 420;

// Every quantity is written back in canonical form, rounded up to milli units.
function canonicalizeResourceList(rl: Record<string, string> | undefined): void {
  if (rl == null) return;
  for (const [k, v] of Object.entries(rl)) {
    try {
      rl[k] = canonicalResourceQuantity(v);
    } catch (e) {
      if (!(e instanceof QuantityParseError)) throw e;
      // left as is: the API layer rejects it as a decode error
    }
  }
}

function defaultFieldRef(fieldRef: unknown): void {
  const f = obj(fieldRef);
  if (f && !f["apiVersion"]) f["apiVersion"] = "v1";
}

function defaultHTTPGet(handler: unknown): void {
  const h = obj(obj(handler)?.["httpGet"]);
  if (!h) return;
  if (!h["path"]) h["path"] = "/";
  if (!h["scheme"]) h["scheme"] = "HTTP";
}

function defaultProbe(p: Probe | undefined): void {
  if (p == null) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHTTPGet(p);
  if (p.grpc && p.grpc.service === undefined) p.grpc.service = "";
}

function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = "/dev/termination-log";
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = "File";
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = "TCP";
  for (const ev of c.env ?? []) defaultFieldRef(obj(ev.valueFrom)?.["fieldRef"]);
  // ResourceRequirements is a struct, so the server always writes `resources: {}`
  if (c.resources == null) c.resources = {};
  canonicalizeResourceList(c.resources.limits);
  canonicalizeResourceList(c.resources.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lifecycle = obj(c.lifecycle);
  if (lifecycle) {
    defaultHTTPGet(lifecycle["postStart"]);
    defaultHTTPGet(lifecycle["preStop"]);
  }
}

const VOLUME_SOURCES = [
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs",
  "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
  "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
  "ephemeral", "image",
];

function defaultVolume(v: Volume): void {
  // a volume without any source becomes an emptyDir
  if (!VOLUME_SOURCES.some((s) => v[s] != null)) v["emptyDir"] = {};
  const hostPath = obj(v["hostPath"]);
  if (hostPath && hostPath["type"] === undefined) hostPath["type"] = "";
  for (const s of ["secret", "configMap", "downwardAPI", "projected"]) {
    const src = obj(v[s]);
    if (src && src["defaultMode"] === undefined) src["defaultMode"] = DEFAULT_FILE_MODE;
  }
  for (const item of list(obj(v["downwardAPI"])?.["items"])) defaultFieldRef(item["fieldRef"]);
  for (const source of list(obj(v["projected"])?.["sources"])) {
    for (const item of list(obj(source["downwardAPI"])?.["items"])) defaultFieldRef(item["fieldRef"]);
    const token = obj(source["serviceAccountToken"]);
    if (token && token["expirationSeconds"] === undefined) token["expirationSeconds"] = 3600;
  }
  const iscsi = obj(v["iscsi"]);
  if (iscsi && !iscsi["iscsiInterface"]) iscsi["iscsiInterface"] = "default";
  const rbd = obj(v["rbd"]);
  if (rbd) {
    if (!rbd["pool"]) rbd["pool"] = "rbd";
    if (!rbd["user"]) rbd["user"] = "admin";
    if (!rbd["keyring"]) rbd["keyring"] = "/etc/ceph/keyring";
  }
  const claimSpec = obj(obj(obj(v["ephemeral"])?.["volumeClaimTemplate"])?.["spec"]);
  if (claimSpec && claimSpec["volumeMode"] === undefined) claimSpec["volumeMode"] = "Filesystem";
}

/**
 * SetDefaults_PodSpec plus the per-volume and per-container defaulters: what
 * Pods and every pod template (Deployment, ReplicaSet, StatefulSet ...) get.
 */
export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = "ClusterFirst";
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  if (spec.securityContext == null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds == null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = "default-scheduler";
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  const overhead = (spec as unknown as Obj)["overhead"] as Record<string, string> | undefined;
  canonicalizeResourceList(overhead);
  // serviceAccount is the deprecated alias of serviceAccountName: read as a
  // fallback, and always written back equal to it (v1 conversion)
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
}

export function defaultPodTemplateSpec(tpl: PodTemplateSpec): void {
  // ObjectMeta is a struct: a template always has `metadata` on the wire
  if (tpl.metadata == null) tpl.metadata = {};
  if (tpl.spec == null) tpl.spec = {} as PodSpec;
  defaultPodSpec(tpl.spec);
}

/** SetDefaults_Pod, then the pod spec defaults. Admission (service account, priority, tolerations) is separate: admitPod. */
export function defaultPod(pod: Pod): void {
  if (pod.spec == null) pod.spec = {} as PodSpec;
  const spec = pod.spec;
  // requests default to limits (Pods only, not templates); done before rounding, as upstream
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (limits == null) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
  }
  if (spec.enableServiceLinks == null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const port of c.ports ?? []) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
  defaultPodSpec(spec);
}
