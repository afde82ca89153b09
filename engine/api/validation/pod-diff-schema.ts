// The internal (pkg/apis/core) Go types of a PodSpec, as far as the pod-update
// diff needs them: field order, Go field names, where each lives in the v1 JSON
// and the Go type names go-cmp prints. Fields of types not modelled here are
// "any" and print generically.

export type GoType =
  | { k: "str" }
  | { k: "int" }
  | { k: "bool" }
  | { k: "quantity" }
  | { k: "intstr" }
  | { k: "any" }
  | { k: "ptr"; elem: GoType }
  | { k: "slice"; name: string; elem: GoType }
  | { k: "map"; name: string; elem: GoType; stringerKeys: boolean }
  | { k: "struct"; name: string; fields: GoField[] };

export interface GoField {
  go: string;
  /** JSON key in the parent object; null for an embedded struct whose fields are inlined in the parent. */
  json: string | null;
  t: GoType;
}

const str: GoType = { k: "str" };
const int: GoType = { k: "int" };
const bool: GoType = { k: "bool" };
const any: GoType = { k: "any" };
const ptr = (elem: GoType): GoType => ({ k: "ptr", elem });
const slice = (name: string, elem: GoType): GoType => ({ k: "slice", name, elem });
const struct = (name: string, fields: [string, string | null, GoType][]): GoType => ({
  k: "struct",
  name,
  fields: fields.map(([go, json, t]) => ({ go, json, t })),
});
/** A field whose JSON key is the Go name with a lower-case first letter. */
const f = (go: string, t: GoType): [string, string, GoType] => [go, go[0]!.toLowerCase() + go.slice(1), t];

const stringSlice = slice("[]string", str);
const resourceList: GoType = { k: "map", name: "core.ResourceList", elem: { k: "quantity" }, stringerKeys: true };
const objectFieldSelector = struct("core.ObjectFieldSelector", [["APIVersion", "apiVersion", str], f("FieldPath", str)]);
const keyToPath = struct("core.KeyToPath", [f("Key", str), f("Path", str), f("Mode", ptr(int))]);
const localObjectReference = struct("core.LocalObjectReference", [f("Name", str)]);

const volumeProjection = struct("core.VolumeProjection", [
  f("Secret", ptr(struct("core.SecretProjection", [["LocalObjectReference", null, localObjectReference], f("Items", slice("[]core.KeyToPath", keyToPath)), f("Optional", ptr(bool))]))),
  ["DownwardAPI", "downwardAPI", ptr(struct("core.DownwardAPIProjection", [
    f("Items", slice("[]core.DownwardAPIVolumeFile", struct("core.DownwardAPIVolumeFile", [
      f("Path", str), f("FieldRef", ptr(objectFieldSelector)), f("ResourceFieldRef", ptr(any)), f("Mode", ptr(int)),
    ]))),
  ]))],
  f("ConfigMap", ptr(struct("core.ConfigMapProjection", [["LocalObjectReference", null, localObjectReference], f("Items", slice("[]core.KeyToPath", keyToPath)), f("Optional", ptr(bool))]))),
  f("ServiceAccountToken", ptr(struct("core.ServiceAccountTokenProjection", [f("Audience", str), f("ExpirationSeconds", int), f("Path", str)]))),
  f("ClusterTrustBundle", ptr(any)),
]);

const volumeSource = struct("core.VolumeSource", [
  f("HostPath", ptr(struct("core.HostPathVolumeSource", [f("Path", str), f("Type", ptr(str))]))),
  f("EmptyDir", ptr(struct("core.EmptyDirVolumeSource", [f("Medium", str), f("SizeLimit", ptr({ k: "quantity" }))]))),
  f("GCEPersistentDisk", ptr(any)), f("AWSElasticBlockStore", ptr(any)), f("GitRepo", ptr(any)),
  f("Secret", ptr(struct("core.SecretVolumeSource", [f("SecretName", str), f("Items", slice("[]core.KeyToPath", keyToPath)), f("DefaultMode", ptr(int)), f("Optional", ptr(bool))]))),
  ["NFS", "nfs", ptr(any)], ["ISCSI", "iscsi", ptr(any)], f("Glusterfs", ptr(any)),
  f("PersistentVolumeClaim", ptr(struct("core.PersistentVolumeClaimVolumeSource", [f("ClaimName", str), f("ReadOnly", bool)]))),
  ["RBD", "rbd", ptr(any)], f("Quobyte", ptr(any)), f("FlexVolume", ptr(any)), f("Cinder", ptr(any)), ["CephFS", "cephfs", ptr(any)],
  f("Flocker", ptr(any)), ["DownwardAPI", "downwardAPI", ptr(any)], ["FC", "fc", ptr(any)], f("AzureFile", ptr(any)),
  f("ConfigMap", ptr(struct("core.ConfigMapVolumeSource", [["LocalObjectReference", null, localObjectReference], f("Items", slice("[]core.KeyToPath", keyToPath)), f("DefaultMode", ptr(int)), f("Optional", ptr(bool))]))),
  f("VsphereVolume", ptr(any)), f("AzureDisk", ptr(any)), f("PhotonPersistentDisk", ptr(any)),
  f("Projected", ptr(struct("core.ProjectedVolumeSource", [f("Sources", slice("[]core.VolumeProjection", volumeProjection)), f("DefaultMode", ptr(int))]))),
  f("PortworxVolume", ptr(any)), ["ScaleIO", "scaleIO", ptr(any)], ["StorageOS", "storageos", ptr(any)], ["CSI", "csi", ptr(any)],
  f("Ephemeral", ptr(any)), f("Image", ptr(any)),
]);

const volume = struct("core.Volume", [f("Name", str), ["VolumeSource", null, volumeSource]]);

const httpGet = struct("core.HTTPGetAction", [f("Path", str), f("Port", { k: "intstr" }), f("Host", str), f("Scheme", str), ["HTTPHeaders", "httpHeaders", slice("[]core.HTTPHeader", any)]]);
const probeHandler = struct("core.ProbeHandler", [
  f("Exec", ptr(struct("core.ExecAction", [f("Command", stringSlice)]))),
  ["HTTPGet", "httpGet", ptr(httpGet)],
  ["TCPSocket", "tcpSocket", ptr(struct("core.TCPSocketAction", [f("Port", { k: "intstr" }), f("Host", str)]))],
  ["GRPC", "grpc", ptr(struct("core.GRPCAction", [f("Port", int), f("Service", ptr(str))]))],
]);
const probe = struct("core.Probe", [
  ["ProbeHandler", null, probeHandler], f("InitialDelaySeconds", int), f("TimeoutSeconds", int), f("PeriodSeconds", int),
  f("SuccessThreshold", int), f("FailureThreshold", int), f("TerminationGracePeriodSeconds", ptr(int)),
]);

const container = struct("core.Container", [
  f("Name", str), f("Image", str), f("Command", stringSlice), f("Args", stringSlice), f("WorkingDir", str),
  f("Ports", slice("[]core.ContainerPort", struct("core.ContainerPort", [f("Name", str), f("HostPort", int), f("ContainerPort", int), f("Protocol", str), ["HostIP", "hostIP", str]]))),
  f("EnvFrom", slice("[]core.EnvFromSource", any)),
  f("Env", slice("[]core.EnvVar", struct("core.EnvVar", [f("Name", str), f("Value", str), f("ValueFrom", ptr(any))]))),
  f("Resources", struct("core.ResourceRequirements", [f("Limits", resourceList), f("Requests", resourceList), f("Claims", slice("[]core.ResourceClaim", any))])),
  f("ResizePolicy", slice("[]core.ContainerResizePolicy", any)), f("RestartPolicy", ptr(str)),
  f("VolumeMounts", slice("[]core.VolumeMount", struct("core.VolumeMount", [
    f("Name", str), f("ReadOnly", bool), f("RecursiveReadOnly", ptr(str)), f("MountPath", str), f("SubPath", str), f("MountPropagation", ptr(str)), f("SubPathExpr", str),
  ]))),
  f("VolumeDevices", slice("[]core.VolumeDevice", any)),
  f("LivenessProbe", ptr(probe)), f("ReadinessProbe", ptr(probe)), f("StartupProbe", ptr(probe)), f("Lifecycle", ptr(any)),
  f("TerminationMessagePath", str), f("TerminationMessagePolicy", str), f("ImagePullPolicy", str), f("SecurityContext", ptr(any)),
  f("Stdin", bool), f("StdinOnce", bool), ["TTY", "tty", bool],
]);

// Internally the host namespace switches live in the pod security context, not on the spec.
export const POD_SECURITY_CONTEXT_HOST_FIELDS = ["hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "hostUsers"];
const podSecurityContext = struct("core.PodSecurityContext", [
  f("HostNetwork", bool), ["HostPID", "hostPID", bool], ["HostIPC", "hostIPC", bool], f("ShareProcessNamespace", ptr(bool)), f("HostUsers", ptr(bool)),
  ["SELinuxOptions", "seLinuxOptions", ptr(any)], f("WindowsOptions", ptr(any)), f("RunAsUser", ptr(int)), f("RunAsGroup", ptr(int)),
  f("RunAsNonRoot", ptr(bool)), f("SupplementalGroups", slice("[]int64", int)), f("SupplementalGroupsPolicy", ptr(str)),
  ["FSGroup", "fsGroup", ptr(int)], ["FSGroupChangePolicy", "fsGroupChangePolicy", ptr(str)], f("Sysctls", slice("[]core.Sysctl", any)),
  f("SeccompProfile", ptr(any)), f("AppArmorProfile", ptr(any)),
]);

const toleration = struct("core.Toleration", [f("Key", str), f("Operator", str), f("Value", str), f("Effect", str), f("TolerationSeconds", ptr(int))]);

export const POD_SPEC: GoType = struct("core.PodSpec", [
  f("Volumes", slice("[]core.Volume", volume)),
  f("InitContainers", slice("[]core.Container", container)),
  f("Containers", slice("[]core.Container", container)),
  f("EphemeralContainers", slice("[]core.EphemeralContainer", any)),
  f("RestartPolicy", str), f("TerminationGracePeriodSeconds", ptr(int)), f("ActiveDeadlineSeconds", ptr(int)),
  ["DNSPolicy", "dnsPolicy", str], f("NodeSelector", { k: "map", name: "map[string]string", elem: str, stringerKeys: false }),
  f("ServiceAccountName", str), f("AutomountServiceAccountToken", ptr(bool)), f("NodeName", str),
  f("SecurityContext", ptr(podSecurityContext)),
  f("ImagePullSecrets", slice("[]core.LocalObjectReference", localObjectReference)),
  f("Hostname", str), f("Subdomain", str), ["SetHostnameAsFQDN", "setHostnameAsFQDN", ptr(bool)], f("Affinity", ptr(any)),
  f("SchedulerName", str), f("Tolerations", slice("[]core.Toleration", toleration)), f("HostAliases", slice("[]core.HostAlias", any)),
  f("PriorityClassName", str), f("Priority", ptr(int)), f("PreemptionPolicy", ptr(str)), ["DNSConfig", "dnsConfig", ptr(any)],
  f("ReadinessGates", slice("[]core.PodReadinessGate", any)), f("RuntimeClassName", ptr(str)), f("Overhead", resourceList),
  f("EnableServiceLinks", ptr(bool)), f("TopologySpreadConstraints", slice("[]core.TopologySpreadConstraint", any)),
  ["OS", "os", ptr(any)], f("SchedulingGates", slice("[]core.PodSchedulingGate", any)),
  f("ResourceClaims", slice("[]core.PodResourceClaim", any)), f("Resources", ptr(any)),
]);
