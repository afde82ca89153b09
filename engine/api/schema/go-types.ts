// GENERATED DATA (then kept by hand): the Go types of k8s.io/api v0.32 and
// k8s.io/apimachinery v0.32 meta/v1 that the simulator's kinds are made of,
// as the API server's JSON decoder sees them. See schema.ts for the notation.
//
// Each struct lists its JSON fields in Go declaration order, with embedded
// `json:",inline"` structs (TypeMeta, VolumeSource, ProbeHandler, ...) flattened
// into their parent. Pointers are dropped: the decoder reports the type pointed to.

/** Package key → Go package name (what reflect's Type.String() prints before the dot). */
export const GO_PACKAGES: Readonly<Record<string, string>> = {
  core: "v1", apps: "v1", meta: "v1", autoscaling: "v2", autoscalingv1: "v1", discovery: "v1", storage: "v1",
  resource: "resource", intstr: "intstr", runtime: "runtime", types: "types", cliruntime: "resource",
};

/** Kinds served (or soon served): group, version, kind, struct type. */
export const KIND_TYPES: readonly (readonly [group: string, version: string, kind: string, type: string])[] = [
  ["", "v1", "ConfigMap", "core.ConfigMap"],
  ["", "v1", "Endpoints", "core.Endpoints"],
  ["", "v1", "Event", "core.Event"],
  ["", "v1", "Namespace", "core.Namespace"],
  ["", "v1", "Node", "core.Node"],
  ["", "v1", "PersistentVolume", "core.PersistentVolume"],
  ["", "v1", "PersistentVolumeClaim", "core.PersistentVolumeClaim"],
  ["", "v1", "Pod", "core.Pod"],
  ["", "v1", "Secret", "core.Secret"],
  ["", "v1", "Service", "core.Service"],
  ["", "v1", "ServiceAccount", "core.ServiceAccount"],
  ["apps", "v1", "ControllerRevision", "apps.ControllerRevision"],
  ["apps", "v1", "DaemonSet", "apps.DaemonSet"],
  ["apps", "v1", "Deployment", "apps.Deployment"],
  ["apps", "v1", "ReplicaSet", "apps.ReplicaSet"],
  ["apps", "v1", "StatefulSet", "apps.StatefulSet"],
  ["autoscaling", "v1", "HorizontalPodAutoscaler", "autoscalingv1.HorizontalPodAutoscaler"],
  ["autoscaling", "v2", "HorizontalPodAutoscaler", "autoscaling.HorizontalPodAutoscaler"],
  ["discovery.k8s.io", "v1", "EndpointSlice", "discovery.EndpointSlice"],
  ["storage.k8s.io", "v1", "StorageClass", "storage.StorageClass"],
];

/** Named non-struct types → their underlying type. */
export const NAMED_TYPES: Readonly<Record<string, string>> = {
  "apps.DaemonSetConditionType": "string", "apps.DaemonSetUpdateStrategyType": "string",
  "apps.DeploymentConditionType": "string", "apps.DeploymentStrategyType": "string",
  "apps.PersistentVolumeClaimRetentionPolicyType": "string", "apps.PodManagementPolicyType": "string",
  "apps.ReplicaSetConditionType": "string", "apps.StatefulSetConditionType": "string",
  "apps.StatefulSetUpdateStrategyType": "string", "autoscaling.HPAScalingPolicyType": "string",
  "autoscaling.HorizontalPodAutoscalerConditionType": "string", "autoscaling.MetricSourceType": "string",
  "autoscaling.MetricTargetType": "string", "autoscaling.ScalingPolicySelect": "string",
  "core.AppArmorProfileType": "string", "core.AzureDataDiskCachingMode": "string", "core.AzureDataDiskKind": "string",
  "core.Capability": "string", "core.ClaimResourceStatus": "string", "core.ConditionStatus": "string",
  "core.ContainerRestartPolicy": "string", "core.DNSPolicy": "string", "core.FinalizerName": "string",
  "core.HostPathType": "string", "core.IPFamily": "string", "core.IPFamilyPolicy": "string",
  "core.LoadBalancerIPMode": "string", "core.MountPropagationMode": "string", "core.NamespaceConditionType": "string",
  "core.NamespacePhase": "string", "core.NodeAddressType": "string", "core.NodeConditionType": "string",
  "core.NodeInclusionPolicy": "string", "core.NodePhase": "string", "core.NodeSelectorOperator": "string",
  "core.OSName": "string", "core.PersistentVolumeAccessMode": "string",
  "core.PersistentVolumeClaimConditionType": "string", "core.PersistentVolumeClaimModifyVolumeStatus": "string",
  "core.PersistentVolumeClaimPhase": "string", "core.PersistentVolumeMode": "string",
  "core.PersistentVolumePhase": "string", "core.PersistentVolumeReclaimPolicy": "string",
  "core.PodConditionType": "string", "core.PodFSGroupChangePolicy": "string", "core.PodPhase": "string",
  "core.PodQOSClass": "string", "core.PodResizeStatus": "string", "core.PodSELinuxChangePolicy": "string",
  "core.PreemptionPolicy": "string", "core.ProcMountType": "string", "core.Protocol": "string",
  "core.PullPolicy": "string", "core.RecursiveReadOnlyMode": "string", "core.ResourceHealthStatus": "string",
  "core.ResourceID": "string", "core.ResourceList": "map[core.ResourceName]resource.Quantity",
  "core.ResourceName": "string", "core.ResourceResizeRestartPolicy": "string", "core.RestartPolicy": "string",
  "core.SeccompProfileType": "string", "core.SecretType": "string", "core.ServiceAffinity": "string",
  "core.ServiceExternalTrafficPolicy": "string", "core.ServiceInternalTrafficPolicy": "string",
  "core.ServiceType": "string", "core.StorageMedium": "string", "core.SupplementalGroupsPolicy": "string",
  "core.TaintEffect": "string", "core.TerminationMessagePolicy": "string", "core.TolerationOperator": "string",
  "core.URIScheme": "string", "core.UniqueVolumeName": "string", "core.UnsatisfiableConstraintAction": "string",
  "discovery.AddressType": "string", "meta.ConditionStatus": "string", "meta.LabelSelectorOperator": "string",
  "meta.ManagedFieldsOperationType": "string", "storage.VolumeBindingMode": "string", "types.UID": "string",
};

/** Struct types: JSON field name → type. */
export const STRUCT_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "meta.Condition": {
    type: "string", status: "meta.ConditionStatus", observedGeneration: "int64", lastTransitionTime: "meta.Time",
    reason: "string", message: "string",
  },
  "meta.LabelSelector": {
    matchLabels: "map[string]string", matchExpressions: "[]meta.LabelSelectorRequirement",
  },
  "meta.LabelSelectorRequirement": {
    key: "string", operator: "meta.LabelSelectorOperator", values: "[]string",
  },
  "meta.ManagedFieldsEntry": {
    manager: "string", operation: "meta.ManagedFieldsOperationType", apiVersion: "string", time: "meta.Time",
    fieldsType: "string", fieldsV1: "meta.FieldsV1", subresource: "string",
  },
  "meta.ObjectMeta": {
    name: "string", generateName: "string", namespace: "string", selfLink: "string", uid: "types.UID",
    resourceVersion: "string", generation: "int64", creationTimestamp: "meta.Time", deletionTimestamp: "meta.Time",
    deletionGracePeriodSeconds: "int64", labels: "map[string]string", annotations: "map[string]string",
    ownerReferences: "[]meta.OwnerReference", finalizers: "[]string", managedFields: "[]meta.ManagedFieldsEntry",
  },
  "meta.OwnerReference": {
    apiVersion: "string", kind: "string", name: "string", uid: "types.UID", controller: "bool",
    blockOwnerDeletion: "bool",
  },
  "core.AWSElasticBlockStoreVolumeSource": {
    volumeID: "string", fsType: "string", partition: "int32", readOnly: "bool",
  },
  "core.Affinity": {
    nodeAffinity: "core.NodeAffinity", podAffinity: "core.PodAffinity", podAntiAffinity: "core.PodAntiAffinity",
  },
  "core.AppArmorProfile": {
    type: "core.AppArmorProfileType", localhostProfile: "string",
  },
  "core.AttachedVolume": {
    name: "core.UniqueVolumeName", devicePath: "string",
  },
  "core.AzureDiskVolumeSource": {
    diskName: "string", diskURI: "string", cachingMode: "core.AzureDataDiskCachingMode", fsType: "string",
    readOnly: "bool", kind: "core.AzureDataDiskKind",
  },
  "core.AzureFilePersistentVolumeSource": {
    secretName: "string", shareName: "string", readOnly: "bool", secretNamespace: "string",
  },
  "core.AzureFileVolumeSource": {
    secretName: "string", shareName: "string", readOnly: "bool",
  },
  "core.CSIPersistentVolumeSource": {
    driver: "string", volumeHandle: "string", readOnly: "bool", fsType: "string",
    volumeAttributes: "map[string]string", controllerPublishSecretRef: "core.SecretReference",
    nodeStageSecretRef: "core.SecretReference", nodePublishSecretRef: "core.SecretReference",
    controllerExpandSecretRef: "core.SecretReference", nodeExpandSecretRef: "core.SecretReference",
  },
  "core.CSIVolumeSource": {
    driver: "string", readOnly: "bool", fsType: "string", volumeAttributes: "map[string]string",
    nodePublishSecretRef: "core.LocalObjectReference",
  },
  "core.Capabilities": {
    add: "[]core.Capability", drop: "[]core.Capability",
  },
  "core.CephFSPersistentVolumeSource": {
    monitors: "[]string", path: "string", user: "string", secretFile: "string", secretRef: "core.SecretReference",
    readOnly: "bool",
  },
  "core.CephFSVolumeSource": {
    monitors: "[]string", path: "string", user: "string", secretFile: "string",
    secretRef: "core.LocalObjectReference", readOnly: "bool",
  },
  "core.CinderPersistentVolumeSource": {
    volumeID: "string", fsType: "string", readOnly: "bool", secretRef: "core.SecretReference",
  },
  "core.CinderVolumeSource": {
    volumeID: "string", fsType: "string", readOnly: "bool", secretRef: "core.LocalObjectReference",
  },
  "core.ClientIPConfig": {
    timeoutSeconds: "int32",
  },
  "core.ClusterTrustBundleProjection": {
    name: "string", signerName: "string", labelSelector: "meta.LabelSelector", optional: "bool", path: "string",
  },
  "core.ConfigMap": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", immutable: "bool", data: "map[string]string",
    binaryData: "map[string][]uint8",
  },
  "core.ConfigMapEnvSource": {
    name: "string", optional: "bool",
  },
  "core.ConfigMapKeySelector": {
    name: "string", key: "string", optional: "bool",
  },
  "core.ConfigMapNodeConfigSource": {
    namespace: "string", name: "string", uid: "types.UID", resourceVersion: "string", kubeletConfigKey: "string",
  },
  "core.ConfigMapProjection": {
    name: "string", items: "[]core.KeyToPath", optional: "bool",
  },
  "core.ConfigMapVolumeSource": {
    name: "string", items: "[]core.KeyToPath", defaultMode: "int32", optional: "bool",
  },
  "core.Container": {
    name: "string", image: "string", command: "[]string", args: "[]string", workingDir: "string",
    ports: "[]core.ContainerPort", envFrom: "[]core.EnvFromSource", env: "[]core.EnvVar",
    resources: "core.ResourceRequirements", resizePolicy: "[]core.ContainerResizePolicy",
    restartPolicy: "core.ContainerRestartPolicy", volumeMounts: "[]core.VolumeMount",
    volumeDevices: "[]core.VolumeDevice", livenessProbe: "core.Probe", readinessProbe: "core.Probe",
    startupProbe: "core.Probe", lifecycle: "core.Lifecycle", terminationMessagePath: "string",
    terminationMessagePolicy: "core.TerminationMessagePolicy", imagePullPolicy: "core.PullPolicy",
    securityContext: "core.SecurityContext", stdin: "bool", stdinOnce: "bool", tty: "bool",
  },
  "core.ContainerImage": {
    names: "[]string", sizeBytes: "int64",
  },
  "core.ContainerPort": {
    name: "string", hostPort: "int32", containerPort: "int32", protocol: "core.Protocol", hostIP: "string",
  },
  "core.ContainerResizePolicy": {
    resourceName: "core.ResourceName", restartPolicy: "core.ResourceResizeRestartPolicy",
  },
  "core.ContainerState": {
    waiting: "core.ContainerStateWaiting", running: "core.ContainerStateRunning",
    terminated: "core.ContainerStateTerminated",
  },
  "core.ContainerStateRunning": {
    startedAt: "meta.Time",
  },
  "core.ContainerStateTerminated": {
    exitCode: "int32", signal: "int32", reason: "string", message: "string", startedAt: "meta.Time",
    finishedAt: "meta.Time", containerID: "string",
  },
  "core.ContainerStateWaiting": {
    reason: "string", message: "string",
  },
  "core.ContainerStatus": {
    name: "string", state: "core.ContainerState", lastState: "core.ContainerState", ready: "bool",
    restartCount: "int32", image: "string", imageID: "string", containerID: "string", started: "bool",
    allocatedResources: "core.ResourceList", resources: "core.ResourceRequirements",
    volumeMounts: "[]core.VolumeMountStatus", user: "core.ContainerUser",
    allocatedResourcesStatus: "[]core.ResourceStatus",
  },
  "core.ContainerUser": {
    linux: "core.LinuxContainerUser",
  },
  "core.DaemonEndpoint": {
    Port: "int32",
  },
  "core.DownwardAPIProjection": {
    items: "[]core.DownwardAPIVolumeFile",
  },
  "core.DownwardAPIVolumeFile": {
    path: "string", fieldRef: "core.ObjectFieldSelector", resourceFieldRef: "core.ResourceFieldSelector",
    mode: "int32",
  },
  "core.DownwardAPIVolumeSource": {
    items: "[]core.DownwardAPIVolumeFile", defaultMode: "int32",
  },
  "core.EmptyDirVolumeSource": {
    medium: "core.StorageMedium", sizeLimit: "resource.Quantity",
  },
  "core.EndpointAddress": {
    ip: "string", hostname: "string", nodeName: "string", targetRef: "core.ObjectReference",
  },
  "core.EndpointPort": {
    name: "string", port: "int32", protocol: "core.Protocol", appProtocol: "string",
  },
  "core.EndpointSubset": {
    addresses: "[]core.EndpointAddress", notReadyAddresses: "[]core.EndpointAddress", ports: "[]core.EndpointPort",
  },
  "core.Endpoints": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", subsets: "[]core.EndpointSubset",
  },
  "core.EnvFromSource": {
    prefix: "string", configMapRef: "core.ConfigMapEnvSource", secretRef: "core.SecretEnvSource",
  },
  "core.EnvVar": {
    name: "string", value: "string", valueFrom: "core.EnvVarSource",
  },
  "core.EnvVarSource": {
    fieldRef: "core.ObjectFieldSelector", resourceFieldRef: "core.ResourceFieldSelector",
    configMapKeyRef: "core.ConfigMapKeySelector", secretKeyRef: "core.SecretKeySelector",
  },
  "core.EphemeralContainer": {
    name: "string", image: "string", command: "[]string", args: "[]string", workingDir: "string",
    ports: "[]core.ContainerPort", envFrom: "[]core.EnvFromSource", env: "[]core.EnvVar",
    resources: "core.ResourceRequirements", resizePolicy: "[]core.ContainerResizePolicy",
    restartPolicy: "core.ContainerRestartPolicy", volumeMounts: "[]core.VolumeMount",
    volumeDevices: "[]core.VolumeDevice", livenessProbe: "core.Probe", readinessProbe: "core.Probe",
    startupProbe: "core.Probe", lifecycle: "core.Lifecycle", terminationMessagePath: "string",
    terminationMessagePolicy: "core.TerminationMessagePolicy", imagePullPolicy: "core.PullPolicy",
    securityContext: "core.SecurityContext", stdin: "bool", stdinOnce: "bool", tty: "bool",
    targetContainerName: "string",
  },
  "core.EphemeralVolumeSource": {
    volumeClaimTemplate: "core.PersistentVolumeClaimTemplate",
  },
  "core.Event": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", involvedObject: "core.ObjectReference",
    reason: "string", message: "string", source: "core.EventSource", firstTimestamp: "meta.Time",
    lastTimestamp: "meta.Time", count: "int32", type: "string", eventTime: "meta.MicroTime",
    series: "core.EventSeries", action: "string", related: "core.ObjectReference", reportingComponent: "string",
    reportingInstance: "string",
  },
  "core.EventSeries": {
    count: "int32", lastObservedTime: "meta.MicroTime",
  },
  "core.EventSource": {
    component: "string", host: "string",
  },
  "core.ExecAction": {
    command: "[]string",
  },
  "core.FCVolumeSource": {
    targetWWNs: "[]string", lun: "int32", fsType: "string", readOnly: "bool", wwids: "[]string",
  },
  "core.FlexPersistentVolumeSource": {
    driver: "string", fsType: "string", secretRef: "core.SecretReference", readOnly: "bool",
    options: "map[string]string",
  },
  "core.FlexVolumeSource": {
    driver: "string", fsType: "string", secretRef: "core.LocalObjectReference", readOnly: "bool",
    options: "map[string]string",
  },
  "core.FlockerVolumeSource": {
    datasetName: "string", datasetUUID: "string",
  },
  "core.GCEPersistentDiskVolumeSource": {
    pdName: "string", fsType: "string", partition: "int32", readOnly: "bool",
  },
  "core.GRPCAction": {
    port: "int32", service: "string",
  },
  "core.GitRepoVolumeSource": {
    repository: "string", revision: "string", directory: "string",
  },
  "core.GlusterfsPersistentVolumeSource": {
    endpoints: "string", path: "string", readOnly: "bool", endpointsNamespace: "string",
  },
  "core.GlusterfsVolumeSource": {
    endpoints: "string", path: "string", readOnly: "bool",
  },
  "core.HTTPGetAction": {
    path: "string", port: "intstr.IntOrString", host: "string", scheme: "core.URIScheme",
    httpHeaders: "[]core.HTTPHeader",
  },
  "core.HTTPHeader": {
    name: "string", value: "string",
  },
  "core.HostAlias": {
    ip: "string", hostnames: "[]string",
  },
  "core.HostIP": {
    ip: "string",
  },
  "core.HostPathVolumeSource": {
    path: "string", type: "core.HostPathType",
  },
  "core.ISCSIPersistentVolumeSource": {
    targetPortal: "string", iqn: "string", lun: "int32", iscsiInterface: "string", fsType: "string", readOnly: "bool",
    portals: "[]string", chapAuthDiscovery: "bool", chapAuthSession: "bool", secretRef: "core.SecretReference",
    initiatorName: "string",
  },
  "core.ISCSIVolumeSource": {
    targetPortal: "string", iqn: "string", lun: "int32", iscsiInterface: "string", fsType: "string", readOnly: "bool",
    portals: "[]string", chapAuthDiscovery: "bool", chapAuthSession: "bool", secretRef: "core.LocalObjectReference",
    initiatorName: "string",
  },
  "core.ImageVolumeSource": {
    reference: "string", pullPolicy: "core.PullPolicy",
  },
  "core.KeyToPath": {
    key: "string", path: "string", mode: "int32",
  },
  "core.Lifecycle": {
    postStart: "core.LifecycleHandler", preStop: "core.LifecycleHandler",
  },
  "core.LifecycleHandler": {
    exec: "core.ExecAction", httpGet: "core.HTTPGetAction", tcpSocket: "core.TCPSocketAction",
    sleep: "core.SleepAction",
  },
  "core.LinuxContainerUser": {
    uid: "int64", gid: "int64", supplementalGroups: "[]int64",
  },
  "core.LoadBalancerIngress": {
    ip: "string", hostname: "string", ipMode: "core.LoadBalancerIPMode", ports: "[]core.PortStatus",
  },
  "core.LoadBalancerStatus": {
    ingress: "[]core.LoadBalancerIngress",
  },
  "core.LocalObjectReference": {
    name: "string",
  },
  "core.LocalVolumeSource": {
    path: "string", fsType: "string",
  },
  "core.ModifyVolumeStatus": {
    targetVolumeAttributesClassName: "string", status: "core.PersistentVolumeClaimModifyVolumeStatus",
  },
  "core.NFSVolumeSource": {
    server: "string", path: "string", readOnly: "bool",
  },
  "core.Namespace": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "core.NamespaceSpec",
    status: "core.NamespaceStatus",
  },
  "core.NamespaceCondition": {
    type: "core.NamespaceConditionType", status: "core.ConditionStatus", lastTransitionTime: "meta.Time",
    reason: "string", message: "string",
  },
  "core.NamespaceSpec": {
    finalizers: "[]core.FinalizerName",
  },
  "core.NamespaceStatus": {
    phase: "core.NamespacePhase", conditions: "[]core.NamespaceCondition",
  },
  "core.Node": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "core.NodeSpec",
    status: "core.NodeStatus",
  },
  "core.NodeAddress": {
    type: "core.NodeAddressType", address: "string",
  },
  "core.NodeAffinity": {
    requiredDuringSchedulingIgnoredDuringExecution: "core.NodeSelector",
    preferredDuringSchedulingIgnoredDuringExecution: "[]core.PreferredSchedulingTerm",
  },
  "core.NodeCondition": {
    type: "core.NodeConditionType", status: "core.ConditionStatus", lastHeartbeatTime: "meta.Time",
    lastTransitionTime: "meta.Time", reason: "string", message: "string",
  },
  "core.NodeConfigSource": {
    configMap: "core.ConfigMapNodeConfigSource",
  },
  "core.NodeConfigStatus": {
    assigned: "core.NodeConfigSource", active: "core.NodeConfigSource", lastKnownGood: "core.NodeConfigSource",
    error: "string",
  },
  "core.NodeDaemonEndpoints": {
    kubeletEndpoint: "core.DaemonEndpoint",
  },
  "core.NodeFeatures": {
    supplementalGroupsPolicy: "bool",
  },
  "core.NodeRuntimeHandler": {
    name: "string", features: "core.NodeRuntimeHandlerFeatures",
  },
  "core.NodeRuntimeHandlerFeatures": {
    recursiveReadOnlyMounts: "bool", userNamespaces: "bool",
  },
  "core.NodeSelector": {
    nodeSelectorTerms: "[]core.NodeSelectorTerm",
  },
  "core.NodeSelectorRequirement": {
    key: "string", operator: "core.NodeSelectorOperator", values: "[]string",
  },
  "core.NodeSelectorTerm": {
    matchExpressions: "[]core.NodeSelectorRequirement", matchFields: "[]core.NodeSelectorRequirement",
  },
  "core.NodeSpec": {
    podCIDR: "string", podCIDRs: "[]string", providerID: "string", unschedulable: "bool", taints: "[]core.Taint",
    configSource: "core.NodeConfigSource", externalID: "string",
  },
  "core.NodeStatus": {
    capacity: "core.ResourceList", allocatable: "core.ResourceList", phase: "core.NodePhase",
    conditions: "[]core.NodeCondition", addresses: "[]core.NodeAddress", daemonEndpoints: "core.NodeDaemonEndpoints",
    nodeInfo: "core.NodeSystemInfo", images: "[]core.ContainerImage", volumesInUse: "[]core.UniqueVolumeName",
    volumesAttached: "[]core.AttachedVolume", config: "core.NodeConfigStatus",
    runtimeHandlers: "[]core.NodeRuntimeHandler", features: "core.NodeFeatures",
  },
  "core.NodeSystemInfo": {
    machineID: "string", systemUUID: "string", bootID: "string", kernelVersion: "string", osImage: "string",
    containerRuntimeVersion: "string", kubeletVersion: "string", kubeProxyVersion: "string",
    operatingSystem: "string", architecture: "string",
  },
  "core.ObjectFieldSelector": {
    apiVersion: "string", fieldPath: "string",
  },
  "core.ObjectReference": {
    kind: "string", namespace: "string", name: "string", uid: "types.UID", apiVersion: "string",
    resourceVersion: "string", fieldPath: "string",
  },
  "core.PersistentVolume": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "core.PersistentVolumeSpec",
    status: "core.PersistentVolumeStatus",
  },
  "core.PersistentVolumeClaim": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "core.PersistentVolumeClaimSpec",
    status: "core.PersistentVolumeClaimStatus",
  },
  "core.PersistentVolumeClaimCondition": {
    type: "core.PersistentVolumeClaimConditionType", status: "core.ConditionStatus", lastProbeTime: "meta.Time",
    lastTransitionTime: "meta.Time", reason: "string", message: "string",
  },
  "core.PersistentVolumeClaimSpec": {
    accessModes: "[]core.PersistentVolumeAccessMode", selector: "meta.LabelSelector",
    resources: "core.VolumeResourceRequirements", volumeName: "string", storageClassName: "string",
    volumeMode: "core.PersistentVolumeMode", dataSource: "core.TypedLocalObjectReference",
    dataSourceRef: "core.TypedObjectReference", volumeAttributesClassName: "string",
  },
  "core.PersistentVolumeClaimStatus": {
    phase: "core.PersistentVolumeClaimPhase", accessModes: "[]core.PersistentVolumeAccessMode",
    capacity: "core.ResourceList", conditions: "[]core.PersistentVolumeClaimCondition",
    allocatedResources: "core.ResourceList",
    allocatedResourceStatuses: "map[core.ResourceName]core.ClaimResourceStatus",
    currentVolumeAttributesClassName: "string", modifyVolumeStatus: "core.ModifyVolumeStatus",
  },
  "core.PersistentVolumeClaimTemplate": {
    metadata: "meta.ObjectMeta", spec: "core.PersistentVolumeClaimSpec",
  },
  "core.PersistentVolumeClaimVolumeSource": {
    claimName: "string", readOnly: "bool",
  },
  "core.PersistentVolumeSpec": {
    capacity: "core.ResourceList", gcePersistentDisk: "core.GCEPersistentDiskVolumeSource",
    awsElasticBlockStore: "core.AWSElasticBlockStoreVolumeSource", hostPath: "core.HostPathVolumeSource",
    glusterfs: "core.GlusterfsPersistentVolumeSource", nfs: "core.NFSVolumeSource",
    rbd: "core.RBDPersistentVolumeSource", iscsi: "core.ISCSIPersistentVolumeSource",
    cinder: "core.CinderPersistentVolumeSource", cephfs: "core.CephFSPersistentVolumeSource",
    fc: "core.FCVolumeSource", flocker: "core.FlockerVolumeSource", flexVolume: "core.FlexPersistentVolumeSource",
    azureFile: "core.AzureFilePersistentVolumeSource", vsphereVolume: "core.VsphereVirtualDiskVolumeSource",
    quobyte: "core.QuobyteVolumeSource", azureDisk: "core.AzureDiskVolumeSource",
    photonPersistentDisk: "core.PhotonPersistentDiskVolumeSource", portworxVolume: "core.PortworxVolumeSource",
    scaleIO: "core.ScaleIOPersistentVolumeSource", local: "core.LocalVolumeSource",
    storageos: "core.StorageOSPersistentVolumeSource", csi: "core.CSIPersistentVolumeSource",
    accessModes: "[]core.PersistentVolumeAccessMode", claimRef: "core.ObjectReference",
    persistentVolumeReclaimPolicy: "core.PersistentVolumeReclaimPolicy", storageClassName: "string",
    mountOptions: "[]string", volumeMode: "core.PersistentVolumeMode", nodeAffinity: "core.VolumeNodeAffinity",
    volumeAttributesClassName: "string",
  },
  "core.PersistentVolumeStatus": {
    phase: "core.PersistentVolumePhase", message: "string", reason: "string", lastPhaseTransitionTime: "meta.Time",
  },
  "core.PhotonPersistentDiskVolumeSource": {
    pdID: "string", fsType: "string",
  },
  "core.Pod": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "core.PodSpec", status: "core.PodStatus",
  },
  "core.PodAffinity": {
    requiredDuringSchedulingIgnoredDuringExecution: "[]core.PodAffinityTerm",
    preferredDuringSchedulingIgnoredDuringExecution: "[]core.WeightedPodAffinityTerm",
  },
  "core.PodAffinityTerm": {
    labelSelector: "meta.LabelSelector", namespaces: "[]string", topologyKey: "string",
    namespaceSelector: "meta.LabelSelector", matchLabelKeys: "[]string", mismatchLabelKeys: "[]string",
  },
  "core.PodAntiAffinity": {
    requiredDuringSchedulingIgnoredDuringExecution: "[]core.PodAffinityTerm",
    preferredDuringSchedulingIgnoredDuringExecution: "[]core.WeightedPodAffinityTerm",
  },
  "core.PodCondition": {
    type: "core.PodConditionType", status: "core.ConditionStatus", lastProbeTime: "meta.Time",
    lastTransitionTime: "meta.Time", reason: "string", message: "string",
  },
  "core.PodDNSConfig": {
    nameservers: "[]string", searches: "[]string", options: "[]core.PodDNSConfigOption",
  },
  "core.PodDNSConfigOption": {
    name: "string", value: "string",
  },
  "core.PodIP": {
    ip: "string",
  },
  "core.PodOS": {
    name: "core.OSName",
  },
  "core.PodReadinessGate": {
    conditionType: "core.PodConditionType",
  },
  "core.PodResourceClaim": {
    name: "string", resourceClaimName: "string", resourceClaimTemplateName: "string",
  },
  "core.PodResourceClaimStatus": {
    name: "string", resourceClaimName: "string",
  },
  "core.PodSchedulingGate": {
    name: "string",
  },
  "core.PodSecurityContext": {
    seLinuxOptions: "core.SELinuxOptions", windowsOptions: "core.WindowsSecurityContextOptions", runAsUser: "int64",
    runAsGroup: "int64", runAsNonRoot: "bool", supplementalGroups: "[]int64",
    supplementalGroupsPolicy: "core.SupplementalGroupsPolicy", fsGroup: "int64", sysctls: "[]core.Sysctl",
    fsGroupChangePolicy: "core.PodFSGroupChangePolicy", seccompProfile: "core.SeccompProfile",
    appArmorProfile: "core.AppArmorProfile", seLinuxChangePolicy: "core.PodSELinuxChangePolicy",
  },
  "core.PodSpec": {
    volumes: "[]core.Volume", initContainers: "[]core.Container", containers: "[]core.Container",
    ephemeralContainers: "[]core.EphemeralContainer", restartPolicy: "core.RestartPolicy",
    terminationGracePeriodSeconds: "int64", activeDeadlineSeconds: "int64", dnsPolicy: "core.DNSPolicy",
    nodeSelector: "map[string]string", serviceAccountName: "string", serviceAccount: "string",
    automountServiceAccountToken: "bool", nodeName: "string", hostNetwork: "bool", hostPID: "bool", hostIPC: "bool",
    shareProcessNamespace: "bool", securityContext: "core.PodSecurityContext",
    imagePullSecrets: "[]core.LocalObjectReference", hostname: "string", subdomain: "string",
    affinity: "core.Affinity", schedulerName: "string", tolerations: "[]core.Toleration",
    hostAliases: "[]core.HostAlias", priorityClassName: "string", priority: "int32", dnsConfig: "core.PodDNSConfig",
    readinessGates: "[]core.PodReadinessGate", runtimeClassName: "string", enableServiceLinks: "bool",
    preemptionPolicy: "core.PreemptionPolicy", overhead: "core.ResourceList",
    topologySpreadConstraints: "[]core.TopologySpreadConstraint", setHostnameAsFQDN: "bool", os: "core.PodOS",
    hostUsers: "bool", schedulingGates: "[]core.PodSchedulingGate", resourceClaims: "[]core.PodResourceClaim",
    resources: "core.ResourceRequirements",
  },
  "core.PodStatus": {
    phase: "core.PodPhase", conditions: "[]core.PodCondition", message: "string", reason: "string",
    nominatedNodeName: "string", hostIP: "string", hostIPs: "[]core.HostIP", podIP: "string", podIPs: "[]core.PodIP",
    startTime: "meta.Time", initContainerStatuses: "[]core.ContainerStatus",
    containerStatuses: "[]core.ContainerStatus", qosClass: "core.PodQOSClass",
    ephemeralContainerStatuses: "[]core.ContainerStatus", resize: "core.PodResizeStatus",
    resourceClaimStatuses: "[]core.PodResourceClaimStatus",
  },
  "core.PodTemplateSpec": {
    metadata: "meta.ObjectMeta", spec: "core.PodSpec",
  },
  "core.PortStatus": {
    port: "int32", protocol: "core.Protocol", error: "string",
  },
  "core.PortworxVolumeSource": {
    volumeID: "string", fsType: "string", readOnly: "bool",
  },
  "core.PreferredSchedulingTerm": {
    weight: "int32", preference: "core.NodeSelectorTerm",
  },
  "core.Probe": {
    exec: "core.ExecAction", httpGet: "core.HTTPGetAction", tcpSocket: "core.TCPSocketAction",
    grpc: "core.GRPCAction", initialDelaySeconds: "int32", timeoutSeconds: "int32", periodSeconds: "int32",
    successThreshold: "int32", failureThreshold: "int32", terminationGracePeriodSeconds: "int64",
  },
  "core.ProjectedVolumeSource": {
    sources: "[]core.VolumeProjection", defaultMode: "int32",
  },
  "core.QuobyteVolumeSource": {
    registry: "string", volume: "string", readOnly: "bool", user: "string", group: "string", tenant: "string",
  },
  "core.RBDPersistentVolumeSource": {
    monitors: "[]string", image: "string", fsType: "string", pool: "string", user: "string", keyring: "string",
    secretRef: "core.SecretReference", readOnly: "bool",
  },
  "core.RBDVolumeSource": {
    monitors: "[]string", image: "string", fsType: "string", pool: "string", user: "string", keyring: "string",
    secretRef: "core.LocalObjectReference", readOnly: "bool",
  },
  "core.ResourceClaim": {
    name: "string", request: "string",
  },
  "core.ResourceFieldSelector": {
    containerName: "string", resource: "string", divisor: "resource.Quantity",
  },
  "core.ResourceHealth": {
    resourceID: "core.ResourceID", health: "core.ResourceHealthStatus",
  },
  "core.ResourceRequirements": {
    limits: "core.ResourceList", requests: "core.ResourceList", claims: "[]core.ResourceClaim",
  },
  "core.ResourceStatus": {
    name: "core.ResourceName", resources: "[]core.ResourceHealth",
  },
  "core.SELinuxOptions": {
    user: "string", role: "string", type: "string", level: "string",
  },
  "core.ScaleIOPersistentVolumeSource": {
    gateway: "string", system: "string", secretRef: "core.SecretReference", sslEnabled: "bool",
    protectionDomain: "string", storagePool: "string", storageMode: "string", volumeName: "string", fsType: "string",
    readOnly: "bool",
  },
  "core.ScaleIOVolumeSource": {
    gateway: "string", system: "string", secretRef: "core.LocalObjectReference", sslEnabled: "bool",
    protectionDomain: "string", storagePool: "string", storageMode: "string", volumeName: "string", fsType: "string",
    readOnly: "bool",
  },
  "core.SeccompProfile": {
    type: "core.SeccompProfileType", localhostProfile: "string",
  },
  "core.Secret": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", immutable: "bool", data: "map[string][]uint8",
    stringData: "map[string]string", type: "core.SecretType",
  },
  "core.SecretEnvSource": {
    name: "string", optional: "bool",
  },
  "core.SecretKeySelector": {
    name: "string", key: "string", optional: "bool",
  },
  "core.SecretProjection": {
    name: "string", items: "[]core.KeyToPath", optional: "bool",
  },
  "core.SecretReference": {
    name: "string", namespace: "string",
  },
  "core.SecretVolumeSource": {
    secretName: "string", items: "[]core.KeyToPath", defaultMode: "int32", optional: "bool",
  },
  "core.SecurityContext": {
    capabilities: "core.Capabilities", privileged: "bool", seLinuxOptions: "core.SELinuxOptions",
    windowsOptions: "core.WindowsSecurityContextOptions", runAsUser: "int64", runAsGroup: "int64",
    runAsNonRoot: "bool", readOnlyRootFilesystem: "bool", allowPrivilegeEscalation: "bool",
    procMount: "core.ProcMountType", seccompProfile: "core.SeccompProfile", appArmorProfile: "core.AppArmorProfile",
  },
  "core.Service": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "core.ServiceSpec",
    status: "core.ServiceStatus",
  },
  "core.ServiceAccount": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", secrets: "[]core.ObjectReference",
    imagePullSecrets: "[]core.LocalObjectReference", automountServiceAccountToken: "bool",
  },
  "core.ServiceAccountTokenProjection": {
    audience: "string", expirationSeconds: "int64", path: "string",
  },
  "core.ServicePort": {
    name: "string", protocol: "core.Protocol", appProtocol: "string", port: "int32", targetPort: "intstr.IntOrString",
    nodePort: "int32",
  },
  "core.ServiceSpec": {
    ports: "[]core.ServicePort", selector: "map[string]string", clusterIP: "string", clusterIPs: "[]string",
    type: "core.ServiceType", externalIPs: "[]string", sessionAffinity: "core.ServiceAffinity",
    loadBalancerIP: "string", loadBalancerSourceRanges: "[]string", externalName: "string",
    externalTrafficPolicy: "core.ServiceExternalTrafficPolicy", healthCheckNodePort: "int32",
    publishNotReadyAddresses: "bool", sessionAffinityConfig: "core.SessionAffinityConfig",
    ipFamilies: "[]core.IPFamily", ipFamilyPolicy: "core.IPFamilyPolicy", allocateLoadBalancerNodePorts: "bool",
    loadBalancerClass: "string", internalTrafficPolicy: "core.ServiceInternalTrafficPolicy",
    trafficDistribution: "string",
  },
  "core.ServiceStatus": {
    loadBalancer: "core.LoadBalancerStatus", conditions: "[]meta.Condition",
  },
  "core.SessionAffinityConfig": {
    clientIP: "core.ClientIPConfig",
  },
  "core.SleepAction": {
    seconds: "int64",
  },
  "core.StorageOSPersistentVolumeSource": {
    volumeName: "string", volumeNamespace: "string", fsType: "string", readOnly: "bool",
    secretRef: "core.ObjectReference",
  },
  "core.StorageOSVolumeSource": {
    volumeName: "string", volumeNamespace: "string", fsType: "string", readOnly: "bool",
    secretRef: "core.LocalObjectReference",
  },
  "core.Sysctl": {
    name: "string", value: "string",
  },
  "core.TCPSocketAction": {
    port: "intstr.IntOrString", host: "string",
  },
  "core.Taint": {
    key: "string", value: "string", effect: "core.TaintEffect", timeAdded: "meta.Time",
  },
  "core.Toleration": {
    key: "string", operator: "core.TolerationOperator", value: "string", effect: "core.TaintEffect",
    tolerationSeconds: "int64",
  },
  "core.TopologySelectorLabelRequirement": {
    key: "string", values: "[]string",
  },
  "core.TopologySelectorTerm": {
    matchLabelExpressions: "[]core.TopologySelectorLabelRequirement",
  },
  "core.TopologySpreadConstraint": {
    maxSkew: "int32", topologyKey: "string", whenUnsatisfiable: "core.UnsatisfiableConstraintAction",
    labelSelector: "meta.LabelSelector", minDomains: "int32", nodeAffinityPolicy: "core.NodeInclusionPolicy",
    nodeTaintsPolicy: "core.NodeInclusionPolicy", matchLabelKeys: "[]string",
  },
  "core.TypedLocalObjectReference": {
    apiGroup: "string", kind: "string", name: "string",
  },
  "core.TypedObjectReference": {
    apiGroup: "string", kind: "string", name: "string", namespace: "string",
  },
  "core.Volume": {
    name: "string", hostPath: "core.HostPathVolumeSource", emptyDir: "core.EmptyDirVolumeSource",
    gcePersistentDisk: "core.GCEPersistentDiskVolumeSource",
    awsElasticBlockStore: "core.AWSElasticBlockStoreVolumeSource", gitRepo: "core.GitRepoVolumeSource",
    secret: "core.SecretVolumeSource", nfs: "core.NFSVolumeSource", iscsi: "core.ISCSIVolumeSource",
    glusterfs: "core.GlusterfsVolumeSource", persistentVolumeClaim: "core.PersistentVolumeClaimVolumeSource",
    rbd: "core.RBDVolumeSource", flexVolume: "core.FlexVolumeSource", cinder: "core.CinderVolumeSource",
    cephfs: "core.CephFSVolumeSource", flocker: "core.FlockerVolumeSource",
    downwardAPI: "core.DownwardAPIVolumeSource", fc: "core.FCVolumeSource", azureFile: "core.AzureFileVolumeSource",
    configMap: "core.ConfigMapVolumeSource", vsphereVolume: "core.VsphereVirtualDiskVolumeSource",
    quobyte: "core.QuobyteVolumeSource", azureDisk: "core.AzureDiskVolumeSource",
    photonPersistentDisk: "core.PhotonPersistentDiskVolumeSource", projected: "core.ProjectedVolumeSource",
    portworxVolume: "core.PortworxVolumeSource", scaleIO: "core.ScaleIOVolumeSource",
    storageos: "core.StorageOSVolumeSource", csi: "core.CSIVolumeSource", ephemeral: "core.EphemeralVolumeSource",
    image: "core.ImageVolumeSource",
  },
  "core.VolumeDevice": {
    name: "string", devicePath: "string",
  },
  "core.VolumeMount": {
    name: "string", readOnly: "bool", recursiveReadOnly: "core.RecursiveReadOnlyMode", mountPath: "string",
    subPath: "string", mountPropagation: "core.MountPropagationMode", subPathExpr: "string",
  },
  "core.VolumeMountStatus": {
    name: "string", mountPath: "string", readOnly: "bool", recursiveReadOnly: "core.RecursiveReadOnlyMode",
  },
  "core.VolumeNodeAffinity": {
    required: "core.NodeSelector",
  },
  "core.VolumeProjection": {
    secret: "core.SecretProjection", downwardAPI: "core.DownwardAPIProjection", configMap: "core.ConfigMapProjection",
    serviceAccountToken: "core.ServiceAccountTokenProjection",
    clusterTrustBundle: "core.ClusterTrustBundleProjection",
  },
  "core.VolumeResourceRequirements": {
    limits: "core.ResourceList", requests: "core.ResourceList",
  },
  "core.VsphereVirtualDiskVolumeSource": {
    volumePath: "string", fsType: "string", storagePolicyName: "string", storagePolicyID: "string",
  },
  "core.WeightedPodAffinityTerm": {
    weight: "int32", podAffinityTerm: "core.PodAffinityTerm",
  },
  "core.WindowsSecurityContextOptions": {
    gmsaCredentialSpecName: "string", gmsaCredentialSpec: "string", runAsUserName: "string", hostProcess: "bool",
  },
  "apps.ControllerRevision": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", data: "runtime.RawExtension",
    revision: "int64",
  },
  "apps.DaemonSet": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "apps.DaemonSetSpec",
    status: "apps.DaemonSetStatus",
  },
  "apps.DaemonSetCondition": {
    type: "apps.DaemonSetConditionType", status: "core.ConditionStatus", lastTransitionTime: "meta.Time",
    reason: "string", message: "string",
  },
  "apps.DaemonSetSpec": {
    selector: "meta.LabelSelector", template: "core.PodTemplateSpec", updateStrategy: "apps.DaemonSetUpdateStrategy",
    minReadySeconds: "int32", revisionHistoryLimit: "int32",
  },
  "apps.DaemonSetStatus": {
    currentNumberScheduled: "int32", numberMisscheduled: "int32", desiredNumberScheduled: "int32",
    numberReady: "int32", observedGeneration: "int64", updatedNumberScheduled: "int32", numberAvailable: "int32",
    numberUnavailable: "int32", collisionCount: "int32", conditions: "[]apps.DaemonSetCondition",
  },
  "apps.DaemonSetUpdateStrategy": {
    type: "apps.DaemonSetUpdateStrategyType", rollingUpdate: "apps.RollingUpdateDaemonSet",
  },
  "apps.Deployment": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "apps.DeploymentSpec",
    status: "apps.DeploymentStatus",
  },
  "apps.DeploymentCondition": {
    type: "apps.DeploymentConditionType", status: "core.ConditionStatus", lastUpdateTime: "meta.Time",
    lastTransitionTime: "meta.Time", reason: "string", message: "string",
  },
  "apps.DeploymentSpec": {
    replicas: "int32", selector: "meta.LabelSelector", template: "core.PodTemplateSpec",
    strategy: "apps.DeploymentStrategy", minReadySeconds: "int32", revisionHistoryLimit: "int32", paused: "bool",
    progressDeadlineSeconds: "int32",
  },
  "apps.DeploymentStatus": {
    observedGeneration: "int64", replicas: "int32", updatedReplicas: "int32", readyReplicas: "int32",
    availableReplicas: "int32", unavailableReplicas: "int32", conditions: "[]apps.DeploymentCondition",
    collisionCount: "int32",
  },
  "apps.DeploymentStrategy": {
    type: "apps.DeploymentStrategyType", rollingUpdate: "apps.RollingUpdateDeployment",
  },
  "apps.ReplicaSet": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "apps.ReplicaSetSpec",
    status: "apps.ReplicaSetStatus",
  },
  "apps.ReplicaSetCondition": {
    type: "apps.ReplicaSetConditionType", status: "core.ConditionStatus", lastTransitionTime: "meta.Time",
    reason: "string", message: "string",
  },
  "apps.ReplicaSetSpec": {
    replicas: "int32", minReadySeconds: "int32", selector: "meta.LabelSelector", template: "core.PodTemplateSpec",
  },
  "apps.ReplicaSetStatus": {
    replicas: "int32", fullyLabeledReplicas: "int32", readyReplicas: "int32", availableReplicas: "int32",
    observedGeneration: "int64", conditions: "[]apps.ReplicaSetCondition",
  },
  "apps.RollingUpdateDaemonSet": {
    maxUnavailable: "intstr.IntOrString", maxSurge: "intstr.IntOrString",
  },
  "apps.RollingUpdateDeployment": {
    maxUnavailable: "intstr.IntOrString", maxSurge: "intstr.IntOrString",
  },
  "apps.RollingUpdateStatefulSetStrategy": {
    partition: "int32", maxUnavailable: "intstr.IntOrString",
  },
  "apps.StatefulSet": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", spec: "apps.StatefulSetSpec",
    status: "apps.StatefulSetStatus",
  },
  "apps.StatefulSetCondition": {
    type: "apps.StatefulSetConditionType", status: "core.ConditionStatus", lastTransitionTime: "meta.Time",
    reason: "string", message: "string",
  },
  "apps.StatefulSetOrdinals": {
    start: "int32",
  },
  "apps.StatefulSetPersistentVolumeClaimRetentionPolicy": {
    whenDeleted: "apps.PersistentVolumeClaimRetentionPolicyType",
    whenScaled: "apps.PersistentVolumeClaimRetentionPolicyType",
  },
  "apps.StatefulSetSpec": {
    replicas: "int32", selector: "meta.LabelSelector", template: "core.PodTemplateSpec",
    volumeClaimTemplates: "[]core.PersistentVolumeClaim", serviceName: "string",
    podManagementPolicy: "apps.PodManagementPolicyType", updateStrategy: "apps.StatefulSetUpdateStrategy",
    revisionHistoryLimit: "int32", minReadySeconds: "int32",
    persistentVolumeClaimRetentionPolicy: "apps.StatefulSetPersistentVolumeClaimRetentionPolicy",
    ordinals: "apps.StatefulSetOrdinals",
  },
  "apps.StatefulSetStatus": {
    observedGeneration: "int64", replicas: "int32", readyReplicas: "int32", currentReplicas: "int32",
    updatedReplicas: "int32", currentRevision: "string", updateRevision: "string", collisionCount: "int32",
    conditions: "[]apps.StatefulSetCondition", availableReplicas: "int32",
  },
  "apps.StatefulSetUpdateStrategy": {
    type: "apps.StatefulSetUpdateStrategyType", rollingUpdate: "apps.RollingUpdateStatefulSetStrategy",
  },
  "autoscalingv1.CrossVersionObjectReference": {
    kind: "string", name: "string", apiVersion: "string",
  },
  "autoscalingv1.HorizontalPodAutoscaler": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta",
    spec: "autoscalingv1.HorizontalPodAutoscalerSpec", status: "autoscalingv1.HorizontalPodAutoscalerStatus",
  },
  "autoscalingv1.HorizontalPodAutoscalerSpec": {
    scaleTargetRef: "autoscalingv1.CrossVersionObjectReference", minReplicas: "int32", maxReplicas: "int32",
    targetCPUUtilizationPercentage: "int32",
  },
  "autoscalingv1.HorizontalPodAutoscalerStatus": {
    observedGeneration: "int64", lastScaleTime: "meta.Time", currentReplicas: "int32", desiredReplicas: "int32",
    currentCPUUtilizationPercentage: "int32",
  },
  "autoscaling.ContainerResourceMetricSource": {
    name: "core.ResourceName", target: "autoscaling.MetricTarget", container: "string",
  },
  "autoscaling.ContainerResourceMetricStatus": {
    name: "core.ResourceName", current: "autoscaling.MetricValueStatus", container: "string",
  },
  "autoscaling.CrossVersionObjectReference": {
    kind: "string", name: "string", apiVersion: "string",
  },
  "autoscaling.ExternalMetricSource": {
    metric: "autoscaling.MetricIdentifier", target: "autoscaling.MetricTarget",
  },
  "autoscaling.ExternalMetricStatus": {
    metric: "autoscaling.MetricIdentifier", current: "autoscaling.MetricValueStatus",
  },
  "autoscaling.HPAScalingPolicy": {
    type: "autoscaling.HPAScalingPolicyType", value: "int32", periodSeconds: "int32",
  },
  "autoscaling.HPAScalingRules": {
    stabilizationWindowSeconds: "int32", selectPolicy: "autoscaling.ScalingPolicySelect",
    policies: "[]autoscaling.HPAScalingPolicy",
  },
  "autoscaling.HorizontalPodAutoscaler": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta",
    spec: "autoscaling.HorizontalPodAutoscalerSpec", status: "autoscaling.HorizontalPodAutoscalerStatus",
  },
  "autoscaling.HorizontalPodAutoscalerBehavior": {
    scaleUp: "autoscaling.HPAScalingRules", scaleDown: "autoscaling.HPAScalingRules",
  },
  "autoscaling.HorizontalPodAutoscalerCondition": {
    type: "autoscaling.HorizontalPodAutoscalerConditionType", status: "core.ConditionStatus",
    lastTransitionTime: "meta.Time", reason: "string", message: "string",
  },
  "autoscaling.HorizontalPodAutoscalerSpec": {
    scaleTargetRef: "autoscaling.CrossVersionObjectReference", minReplicas: "int32", maxReplicas: "int32",
    metrics: "[]autoscaling.MetricSpec", behavior: "autoscaling.HorizontalPodAutoscalerBehavior",
  },
  "autoscaling.HorizontalPodAutoscalerStatus": {
    observedGeneration: "int64", lastScaleTime: "meta.Time", currentReplicas: "int32", desiredReplicas: "int32",
    currentMetrics: "[]autoscaling.MetricStatus", conditions: "[]autoscaling.HorizontalPodAutoscalerCondition",
  },
  "autoscaling.MetricIdentifier": {
    name: "string", selector: "meta.LabelSelector",
  },
  "autoscaling.MetricSpec": {
    type: "autoscaling.MetricSourceType", object: "autoscaling.ObjectMetricSource",
    pods: "autoscaling.PodsMetricSource", resource: "autoscaling.ResourceMetricSource",
    containerResource: "autoscaling.ContainerResourceMetricSource", external: "autoscaling.ExternalMetricSource",
  },
  "autoscaling.MetricStatus": {
    type: "autoscaling.MetricSourceType", object: "autoscaling.ObjectMetricStatus",
    pods: "autoscaling.PodsMetricStatus", resource: "autoscaling.ResourceMetricStatus",
    containerResource: "autoscaling.ContainerResourceMetricStatus", external: "autoscaling.ExternalMetricStatus",
  },
  "autoscaling.MetricTarget": {
    type: "autoscaling.MetricTargetType", value: "resource.Quantity", averageValue: "resource.Quantity",
    averageUtilization: "int32",
  },
  "autoscaling.MetricValueStatus": {
    value: "resource.Quantity", averageValue: "resource.Quantity", averageUtilization: "int32",
  },
  "autoscaling.ObjectMetricSource": {
    describedObject: "autoscaling.CrossVersionObjectReference", target: "autoscaling.MetricTarget",
    metric: "autoscaling.MetricIdentifier",
  },
  "autoscaling.ObjectMetricStatus": {
    metric: "autoscaling.MetricIdentifier", current: "autoscaling.MetricValueStatus",
    describedObject: "autoscaling.CrossVersionObjectReference",
  },
  "autoscaling.PodsMetricSource": {
    metric: "autoscaling.MetricIdentifier", target: "autoscaling.MetricTarget",
  },
  "autoscaling.PodsMetricStatus": {
    metric: "autoscaling.MetricIdentifier", current: "autoscaling.MetricValueStatus",
  },
  "autoscaling.ResourceMetricSource": {
    name: "core.ResourceName", target: "autoscaling.MetricTarget",
  },
  "autoscaling.ResourceMetricStatus": {
    name: "core.ResourceName", current: "autoscaling.MetricValueStatus",
  },
  "discovery.Endpoint": {
    addresses: "[]string", conditions: "discovery.EndpointConditions", hostname: "string",
    targetRef: "core.ObjectReference", deprecatedTopology: "map[string]string", nodeName: "string", zone: "string",
    hints: "discovery.EndpointHints",
  },
  "discovery.EndpointConditions": {
    ready: "bool", serving: "bool", terminating: "bool",
  },
  "discovery.EndpointHints": {
    forZones: "[]discovery.ForZone",
  },
  "discovery.EndpointPort": {
    name: "string", protocol: "core.Protocol", port: "int32", appProtocol: "string",
  },
  "discovery.EndpointSlice": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", addressType: "discovery.AddressType",
    endpoints: "[]discovery.Endpoint", ports: "[]discovery.EndpointPort",
  },
  "discovery.ForZone": {
    name: "string",
  },
  "storage.StorageClass": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta", provisioner: "string",
    parameters: "map[string]string", reclaimPolicy: "core.PersistentVolumeReclaimPolicy", mountOptions: "[]string",
    allowVolumeExpansion: "bool", volumeBindingMode: "storage.VolumeBindingMode",
    allowedTopologies: "[]core.TopologySelectorTerm",
  },
  "cliruntime.metadataOnlyObject": {
    kind: "string", apiVersion: "string", metadata: "meta.ObjectMeta",
  },
};

/**
 * Required fields (no `omitempty` and no `+optional`: what OpenAPI marks
 * required, and kubectl explain shows as -required-).
 */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "meta.Condition": ["type", "status", "lastTransitionTime", "reason", "message"],
  "meta.LabelSelectorRequirement": ["key", "operator"],
  "meta.OwnerReference": ["apiVersion", "kind", "name", "uid"],
  "core.AWSElasticBlockStoreVolumeSource": ["volumeID"],
  "core.AppArmorProfile": ["type"],
  "core.AttachedVolume": ["name", "devicePath"],
  "core.AzureDiskVolumeSource": ["diskName", "diskURI"],
  "core.AzureFilePersistentVolumeSource": ["secretName", "shareName"],
  "core.AzureFileVolumeSource": ["secretName", "shareName"],
  "core.CSIPersistentVolumeSource": ["driver", "volumeHandle"],
  "core.CSIVolumeSource": ["driver"],
  "core.CephFSPersistentVolumeSource": ["monitors"],
  "core.CephFSVolumeSource": ["monitors"],
  "core.CinderPersistentVolumeSource": ["volumeID"],
  "core.CinderVolumeSource": ["volumeID"],
  "core.ClusterTrustBundleProjection": ["path"],
  "core.ConfigMapKeySelector": ["key"],
  "core.ConfigMapNodeConfigSource": ["namespace", "name", "kubeletConfigKey"],
  "core.Container": ["name"],
  "core.ContainerPort": ["containerPort"],
  "core.ContainerResizePolicy": ["resourceName", "restartPolicy"],
  "core.ContainerStateTerminated": ["exitCode"],
  "core.ContainerStatus": ["name", "ready", "restartCount", "image", "imageID"],
  "core.DaemonEndpoint": ["Port"],
  "core.DownwardAPIVolumeFile": ["path"],
  "core.EndpointAddress": ["ip"],
  "core.EndpointPort": ["port"],
  "core.EnvVar": ["name"],
  "core.EphemeralContainer": ["name"],
  "core.Event": ["metadata", "involvedObject"],
  "core.FlexPersistentVolumeSource": ["driver"],
  "core.FlexVolumeSource": ["driver"],
  "core.GCEPersistentDiskVolumeSource": ["pdName"],
  "core.GRPCAction": ["port"],
  "core.GitRepoVolumeSource": ["repository"],
  "core.GlusterfsPersistentVolumeSource": ["endpoints", "path"],
  "core.GlusterfsVolumeSource": ["endpoints", "path"],
  "core.HTTPGetAction": ["port"],
  "core.HTTPHeader": ["name", "value"],
  "core.HostAlias": ["ip"],
  "core.HostIP": ["ip"],
  "core.HostPathVolumeSource": ["path"],
  "core.ISCSIPersistentVolumeSource": ["targetPortal", "iqn", "lun"],
  "core.ISCSIVolumeSource": ["targetPortal", "iqn", "lun"],
  "core.KeyToPath": ["key", "path"],
  "core.LinuxContainerUser": ["uid", "gid"],
  "core.LocalVolumeSource": ["path"],
  "core.ModifyVolumeStatus": ["status"],
  "core.NFSVolumeSource": ["server", "path"],
  "core.NamespaceCondition": ["type", "status"],
  "core.NodeAddress": ["type", "address"],
  "core.NodeCondition": ["type", "status"],
  "core.NodeSelector": ["nodeSelectorTerms"],
  "core.NodeSelectorRequirement": ["key", "operator"],
  "core.NodeSystemInfo": ["machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "containerRuntimeVersion", "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture"],
  "core.ObjectFieldSelector": ["fieldPath"],
  "core.PersistentVolumeClaimCondition": ["type", "status"],
  "core.PersistentVolumeClaimTemplate": ["spec"],
  "core.PersistentVolumeClaimVolumeSource": ["claimName"],
  "core.PhotonPersistentDiskVolumeSource": ["pdID"],
  "core.PodAffinityTerm": ["topologyKey"],
  "core.PodCondition": ["type", "status"],
  "core.PodIP": ["ip"],
  "core.PodOS": ["name"],
  "core.PodReadinessGate": ["conditionType"],
  "core.PodResourceClaim": ["name"],
  "core.PodResourceClaimStatus": ["name"],
  "core.PodSchedulingGate": ["name"],
  "core.PodSpec": ["containers"],
  "core.PortStatus": ["port", "protocol"],
  "core.PortworxVolumeSource": ["volumeID"],
  "core.PreferredSchedulingTerm": ["weight", "preference"],
  "core.QuobyteVolumeSource": ["registry", "volume"],
  "core.RBDPersistentVolumeSource": ["monitors", "image"],
  "core.RBDVolumeSource": ["monitors", "image"],
  "core.ResourceClaim": ["name"],
  "core.ResourceFieldSelector": ["resource"],
  "core.ResourceHealth": ["resourceID"],
  "core.ResourceStatus": ["name"],
  "core.ScaleIOPersistentVolumeSource": ["gateway", "system", "secretRef"],
  "core.ScaleIOVolumeSource": ["gateway", "system", "secretRef"],
  "core.SeccompProfile": ["type"],
  "core.SecretKeySelector": ["key"],
  "core.ServiceAccountTokenProjection": ["path"],
  "core.ServicePort": ["port"],
  "core.SleepAction": ["seconds"],
  "core.Sysctl": ["name", "value"],
  "core.TCPSocketAction": ["port"],
  "core.Taint": ["key", "effect"],
  "core.TopologySelectorLabelRequirement": ["key", "values"],
  "core.TopologySpreadConstraint": ["maxSkew", "topologyKey", "whenUnsatisfiable"],
  "core.TypedLocalObjectReference": ["kind", "name"],
  "core.TypedObjectReference": ["kind", "name"],
  "core.Volume": ["name"],
  "core.VolumeDevice": ["name", "devicePath"],
  "core.VolumeMount": ["name", "mountPath"],
  "core.VolumeMountStatus": ["name", "mountPath"],
  "core.VsphereVirtualDiskVolumeSource": ["volumePath"],
  "core.WeightedPodAffinityTerm": ["weight", "podAffinityTerm"],
  "apps.ControllerRevision": ["revision"],
  "apps.DaemonSetCondition": ["type", "status"],
  "apps.DaemonSetSpec": ["selector", "template"],
  "apps.DaemonSetStatus": ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"],
  "apps.DeploymentCondition": ["type", "status"],
  "apps.DeploymentSpec": ["selector", "template"],
  "apps.ReplicaSetCondition": ["type", "status"],
  "apps.ReplicaSetSpec": ["selector"],
  "apps.ReplicaSetStatus": ["replicas"],
  "apps.StatefulSetCondition": ["type", "status"],
  "apps.StatefulSetSpec": ["selector", "template", "serviceName"],
  "apps.StatefulSetStatus": ["replicas"],
  "autoscalingv1.CrossVersionObjectReference": ["kind", "name"],
  "autoscalingv1.HorizontalPodAutoscalerSpec": ["scaleTargetRef", "maxReplicas"],
  "autoscalingv1.HorizontalPodAutoscalerStatus": ["currentReplicas", "desiredReplicas"],
  "autoscaling.ContainerResourceMetricSource": ["name", "target", "container"],
  "autoscaling.ContainerResourceMetricStatus": ["name", "current", "container"],
  "autoscaling.CrossVersionObjectReference": ["kind", "name"],
  "autoscaling.ExternalMetricSource": ["metric", "target"],
  "autoscaling.ExternalMetricStatus": ["metric", "current"],
  "autoscaling.HPAScalingPolicy": ["type", "value", "periodSeconds"],
  "autoscaling.HorizontalPodAutoscalerCondition": ["type", "status"],
  "autoscaling.HorizontalPodAutoscalerSpec": ["scaleTargetRef", "maxReplicas"],
  "autoscaling.HorizontalPodAutoscalerStatus": ["desiredReplicas"],
  "autoscaling.MetricIdentifier": ["name"],
  "autoscaling.MetricSpec": ["type"],
  "autoscaling.MetricStatus": ["type"],
  "autoscaling.MetricTarget": ["type"],
  "autoscaling.ObjectMetricSource": ["describedObject", "target", "metric"],
  "autoscaling.ObjectMetricStatus": ["metric", "current", "describedObject"],
  "autoscaling.PodsMetricSource": ["metric", "target"],
  "autoscaling.PodsMetricStatus": ["metric", "current"],
  "autoscaling.ResourceMetricSource": ["name", "target"],
  "autoscaling.ResourceMetricStatus": ["name", "current"],
  "discovery.Endpoint": ["addresses"],
  "discovery.EndpointSlice": ["addressType", "endpoints"],
  "discovery.ForZone": ["name"],
  "storage.StorageClass": ["provisioner"],
};
