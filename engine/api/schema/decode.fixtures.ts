// Manifests for the decoder's tests: good ones (mostly the Kubernetes docs'
// examples) and bad ones with the exact error the API server answers.
//
// Every expected message of BAD_CASES was checked against sigs.k8s.io/json
// (the decoder apimachinery v0.32 uses) unmarshalling into Go structs with the
// same names and types, and the ObjectMeta ones also against real kubectl
// v1.32, which decodes metadata the same way before it sends anything
// (decode.oracle.test.ts).

type Obj = Record<string, unknown>;

/** The nginx Deployment of the Kubernetes docs (controllers/nginx-deployment.yaml). */
export const NGINX_DEPLOYMENT: Obj = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx-deployment", labels: { app: "nginx" } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.14.2", ports: [{ containerPort: 80 }] }] },
    },
  },
};

/** The docs' StatefulSet "web" (with its volumeClaimTemplates). */
export const WEB_STATEFULSET: Obj = {
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "web" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    serviceName: "nginx",
    replicas: 3,
    minReadySeconds: 10,
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: {
        terminationGracePeriodSeconds: 10,
        containers: [
          {
            name: "nginx",
            image: "registry.k8s.io/nginx-slim:0.24",
            ports: [{ containerPort: 80, name: "web" }],
            volumeMounts: [{ name: "www", mountPath: "/usr/share/nginx/html" }],
          },
        ],
      },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: "www" },
        spec: { accessModes: ["ReadWriteOnce"], storageClassName: "my-storage-class", resources: { requests: { storage: "1Gi" } } },
      },
    ],
  },
};

/** The docs' Service "my-service". */
export const MY_SERVICE: Obj = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "my-service" },
  spec: {
    selector: { "app.kubernetes.io/name": "MyApp" },
    ports: [{ protocol: "TCP", port: 80, targetPort: 9376 }, { name: "https", port: 443, targetPort: "https" }],
  },
};

/** A Pod using most of what a learner writes: probes, env sources, volumes, security, scheduling. */
export const BUSY_POD: Obj = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "busy", namespace: "default", labels: { app: "busy" }, annotations: { note: "x" }, creationTimestamp: null },
  spec: {
    initContainers: [{ name: "init", image: "busybox", command: ["sh", "-c", "true"], restartPolicy: "Always" }],
    containers: [
      {
        name: "app",
        image: "nginx",
        imagePullPolicy: "IfNotPresent",
        args: ["--port", "8080"],
        ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
        env: [
          { name: "PLAIN", value: "1" },
          { name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
          { name: "CPU", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1m" } } },
          { name: "CM", valueFrom: { configMapKeyRef: { name: "cm", key: "k", optional: true } } },
          { name: "SEC", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
        ],
        envFrom: [{ configMapRef: { name: "cm" } }, { prefix: "S_", secretRef: { name: "s" } }],
        resources: { requests: { cpu: "250m", memory: "64Mi" }, limits: { cpu: 1, memory: "128Mi" } },
        livenessProbe: { httpGet: { path: "/healthz", port: "http", httpHeaders: [{ name: "X", value: "y" }] }, initialDelaySeconds: 3, periodSeconds: 5 },
        readinessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3 },
        startupProbe: { exec: { command: ["true"] }, timeoutSeconds: 1 },
        lifecycle: { preStop: { sleep: { seconds: 5 } }, postStart: { exec: { command: ["true"] } } },
        volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "cfg", mountPath: "/etc/cfg", readOnly: true }],
        securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true },
      },
    ],
    volumes: [
      { name: "data", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } },
      { name: "cfg", configMap: { name: "cm", items: [{ key: "a", path: "a.conf", mode: 0o644 }], defaultMode: 420 } },
      { name: "sec", secret: { secretName: "s", optional: false } },
      { name: "claim", persistentVolumeClaim: { claimName: "pvc", readOnly: false } },
      { name: "host", hostPath: { path: "/var/log", type: "Directory" } },
      { name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
      {
        name: "all",
        projected: {
          sources: [
            { configMap: { name: "cm" } },
            { secret: { name: "s" } },
            { serviceAccountToken: { path: "token", expirationSeconds: 3600, audience: "api" } },
            { downwardAPI: { items: [{ path: "name", fieldRef: { fieldPath: "metadata.name" } }] } },
          ],
        },
      },
    ],
    securityContext: { fsGroup: 2000, runAsGroup: 3000, seccompProfile: { type: "RuntimeDefault" } },
    restartPolicy: "Always",
    terminationGracePeriodSeconds: 30,
    nodeSelector: { "kubernetes.io/os": "linux" },
    tolerations: [{ key: "dedicated", operator: "Equal", value: "web", effect: "NoSchedule" }, { operator: "Exists", tolerationSeconds: 300, effect: "NoExecute" }],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["n1"] }] } }],
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: "busy" } }, topologyKey: "kubernetes.io/hostname" } },
        ],
      },
    },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] } }],
  },
  status: {
    phase: "Running",
    conditions: [{ type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: "2024-05-01T10:00:00Z" }],
    podIP: "10.0.0.5",
    podIPs: [{ ip: "10.0.0.5" }],
    startTime: "2024-05-01T09:59:58Z",
    qosClass: "Burstable",
    containerStatuses: [
      {
        name: "app",
        ready: true,
        restartCount: 0,
        image: "nginx",
        imageID: "docker.io/library/nginx@sha256:0",
        started: true,
        state: { running: { startedAt: "2024-05-01T10:00:00Z" } },
        lastState: { terminated: { exitCode: 137, reason: "OOMKilled", startedAt: null, finishedAt: "2024-05-01T09:00:00+02:00" } },
      },
    ],
  },
};

/** One good object of every other kind with a schema. */
export const GOOD_OBJECTS: readonly Obj[] = [
  NGINX_DEPLOYMENT,
  WEB_STATEFULSET,
  MY_SERVICE,
  BUSY_POD,
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "d", generation: 2, uid: "0e0c-1", resourceVersion: "42", ownerReferences: [{ apiVersion: "v1", kind: "X", name: "x", uid: "u", controller: true }] },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      selector: { matchLabels: { app: "d" } },
      template: { metadata: { labels: { app: "d" } }, spec: { containers: [{ name: "c", image: "nginx" }] } },
    },
    status: {
      observedGeneration: 2,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [{ type: "Available", status: "True", lastUpdateTime: "2024-05-01T10:00:00Z", lastTransitionTime: "2024-05-01T10:00:00Z", reason: "MinimumReplicasAvailable", message: "ok" }],
    },
  },
  {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "rs", annotations: { "deployment.kubernetes.io/revision": "1" } },
    spec: { replicas: 1, selector: { matchExpressions: [{ key: "app", operator: "In", values: ["a"] }] }, template: { metadata: { labels: { app: "a" } }, spec: { containers: [{ name: "c", image: "i" }] } } },
    status: { replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1 },
  },
  {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: { name: "web-5d8c9b6c5" },
    data: { spec: { template: { $patch: "replace", spec: { containers: [{ name: "x" }] } } } },
    revision: 1,
  },
  {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "ds" },
    spec: { selector: { matchLabels: { a: "b" } }, updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i" }] } } },
  },
  { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } },
  {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1" } },
    spec: { podCIDR: "10.244.1.0/24", taints: [{ key: "k", value: "v", effect: "NoSchedule", timeAdded: null }], unschedulable: false },
    status: {
      capacity: { cpu: "4", memory: "16Gi", pods: "110" },
      allocatable: { cpu: "3800m", memory: "15Gi", pods: "110" },
      conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: "2024-05-01T10:00:00Z", lastTransitionTime: "2024-05-01T09:00:00Z", reason: "KubeletReady", message: "kubelet is posting ready status" }],
      addresses: [{ type: "InternalIP", address: "192.168.0.2" }, { type: "Hostname", address: "node-1" }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { machineID: "m", systemUUID: "s", bootID: "b", kernelVersion: "6", osImage: "o", containerRuntimeVersion: "containerd://1.7", kubeletVersion: "v1.32.0", kubeProxyVersion: "v1.32.0", operatingSystem: "linux", architecture: "amd64" },
      images: [{ names: ["nginx"], sizeBytes: 70000000 }],
    },
  },
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "web.17", namespace: "default" },
    involvedObject: { kind: "Pod", name: "web", namespace: "default", uid: "u", apiVersion: "v1", resourceVersion: "1", fieldPath: "spec.containers{nginx}" },
    reason: "Pulled",
    message: "Successfully pulled image",
    source: { component: "kubelet", host: "node-1" },
    firstTimestamp: "2024-05-01T10:00:00Z",
    lastTimestamp: "2024-05-01T10:00:00Z",
    count: 1,
    type: "Normal",
    eventTime: null,
    reportingComponent: "kubelet",
    reportingInstance: "node-1",
  },
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "e2" },
    involvedObject: { kind: "Pod", name: "p" },
    eventTime: "2024-05-01T10:00:00.123456Z",
    series: { count: 2, lastObservedTime: "2024-05-01T10:00:01.000000+02:00" },
    action: "Scheduling",
  },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm" }, data: { "game.properties": "lives=3\n" }, binaryData: { blob: "AAEC" }, immutable: false },
  { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "kubernetes.io/basic-auth", data: { username: "YWRtaW4=", password: "MWYyZDFlMmU2N2Rm\n" }, stringData: { extra: "x" } },
  { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" }, secrets: [{ name: "t" }], imagePullSecrets: [{ name: "r" }], automountServiceAccountToken: false },
  {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: "my-service" },
    subsets: [{ addresses: [{ ip: "10.0.0.1", targetRef: { kind: "Pod", name: "p" } }], notReadyAddresses: [], ports: [{ port: 9376, protocol: "TCP" }] }],
  },
  {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: "my-service-abc", labels: { "kubernetes.io/service-name": "my-service" } },
    addressType: "IPv4",
    endpoints: [{ addresses: ["10.0.0.1"], conditions: { ready: true, serving: true, terminating: false }, nodeName: "node-1", zone: "a", hints: { forZones: [{ name: "a" }] } }],
    ports: [{ name: "", port: 9376, protocol: "TCP", appProtocol: "http" }],
  },
  {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: "pvc" },
    spec: { accessModes: ["ReadWriteOnce"], volumeMode: "Filesystem", resources: { requests: { storage: "8Gi" } }, storageClassName: "standard", selector: { matchLabels: { release: "stable" } } },
    status: { phase: "Bound", capacity: { storage: "8Gi" }, accessModes: ["ReadWriteOnce"] },
  },
  {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name: "pv0003" },
    spec: {
      capacity: { storage: "5Gi" },
      volumeMode: "Filesystem",
      accessModes: ["ReadWriteOnce"],
      persistentVolumeReclaimPolicy: "Recycle",
      storageClassName: "slow",
      mountOptions: ["hard", "nfsvers=4.1"],
      nfs: { path: "/tmp", server: "172.17.0.2" },
      claimRef: { kind: "PersistentVolumeClaim", namespace: "default", name: "pvc" },
    },
  },
  { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "standard" }, provisioner: "rancher.io/local-path", parameters: { type: "pd-standard" }, reclaimPolicy: "Delete", allowVolumeExpansion: true, volumeBindingMode: "WaitForFirstConsumer" },
  {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "php-apache" },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [
        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } },
        { type: "Pods", pods: { metric: { name: "packets-per-second" }, target: { type: "AverageValue", averageValue: "1k" } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 100, periodSeconds: 15 }], selectPolicy: "Max" } },
    },
    status: { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 0, averageValue: "1m" } } }] },
  },
];

const deployment = (spec: unknown, metadata: unknown = { name: "d" }): Obj => ({ apiVersion: "apps/v1", kind: "Deployment", metadata, spec });
const podSpec = (container: Obj, extra: Obj = {}): Obj =>
  deployment({ selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i", ...container }], ...extra } } });

/** [what, body, the detail after `<Kind> in version "<v>" cannot be handled as a <Kind>: `] */
export const BAD_CASES: readonly (readonly [string, Obj, string])[] = [
  ["a label value that is a number", deployment({}, { name: "d", labels: { app: 1 } }), "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"],
  ["an object as the name", deployment({}, { name: {} }), "json: cannot unmarshal object into Go struct field ObjectMeta.metadata.name of type string"],
  ["metadata that is a string", deployment({}, "d"), "json: cannot unmarshal string into Go struct field Deployment.metadata of type v1.ObjectMeta"],
  ["labels as a list", deployment({}, { name: "d", labels: ["a"] }), "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string"],
  ["an owner reference uid that is a number", deployment({}, { name: "d", ownerReferences: [{ uid: 5 }] }), "json: cannot unmarshal number into Go struct field OwnerReference.metadata.ownerReferences.uid of type types.UID"],
  ["a fractional generation", deployment({}, { name: "d", generation: 1.5 }), "json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64"],
  ["spec that is a string", deployment("x"), "json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec"],
  ["fractional replicas", deployment({ replicas: 1.5 }), "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32"],
  ["replicas beyond int32", deployment({ replicas: 3000000000 }), "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32"],
  ["replicas as a string", deployment({ replicas: "3" }), "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"],
  ["replicas written 1e21", deployment({ replicas: 1e21 }), "json: cannot unmarshal number 1e+21 into Go struct field DeploymentSpec.spec.replicas of type int32"],
  ["paused as a string", deployment({ paused: "true" }), "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool"],
  ["a selector that is a list", deployment({ selector: [] }), "json: cannot unmarshal array into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector"],
  ["a strategy type that is a number", deployment({ strategy: { type: 1 } }), "json: cannot unmarshal number into Go struct field DeploymentStrategy.spec.strategy.type of type v1.DeploymentStrategyType"],
  ["maxSurge 1.5 (IntOrString takes int32)", deployment({ strategy: { rollingUpdate: { maxSurge: 1.5 } } }), "json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32"],
  ["maxUnavailable true", deployment({ strategy: { rollingUpdate: { maxUnavailable: true } } }), "json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxUnavailable of type int32"],
  ["containers as an object", deployment({ template: { spec: { containers: { name: "c" } } } }), "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container"],
  ["a container that is a string", deployment({ template: { spec: { containers: ["nginx"] } } }), "json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container"],
  ["an env value that is a number", podSpec({ env: [{ name: "PORT", value: 8080 }] }), "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string"],
  ["a command that is a string", podSpec({ command: "sleep 1" }), "json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string"],
  ["a number in args", podSpec({ args: ["--port", 80] }), "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.args of type string"],
  ["a containerPort string", podSpec({ ports: [{ containerPort: "80" }] }), "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32"],
  ["a protocol that is a number", podSpec({ ports: [{ containerPort: 80, protocol: 6 }] }), "json: cannot unmarshal number into Go struct field ContainerPort.spec.template.spec.containers.ports.protocol of type v1.Protocol"],
  ["an imagePullPolicy that is a bool", podSpec({ imagePullPolicy: true }), "json: cannot unmarshal bool into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy"],
  ["limits as a string", podSpec({ resources: { limits: "1" } }), "json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList"],
  ["a bad cpu quantity", podSpec({ resources: { limits: { cpu: "1 core" } } }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["a memory unit in bytes", podSpec({ resources: { requests: { memory: "1GB" } } }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["a memory suffix in lower case", podSpec({ resources: { requests: { memory: "64mi" } } }), "unable to parse quantity's suffix"],
  ["a quantity that is an object", podSpec({ resources: { requests: { memory: { value: 1 } } } }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["a probe port that is a list", podSpec({ livenessProbe: { httpGet: { port: [80] } } }), "json: cannot unmarshal array into Go struct field HTTPGetAction.spec.template.spec.containers.livenessProbe.httpGet.port of type int32"],
  ["a probe handler that is a string", podSpec({ readinessProbe: { exec: "cat /tmp/ready" } }), "json: cannot unmarshal string into Go struct field Probe.spec.template.spec.containers.readinessProbe.exec of type v1.ExecAction"],
  ["a volume source that is a string", podSpec({}, { volumes: [{ name: "v", configMap: "cm" }] }), "json: cannot unmarshal string into Go struct field Volume.spec.template.spec.volumes.configMap of type v1.ConfigMapVolumeSource"],
  ["an emptyDir sizeLimit that is not a quantity", podSpec({}, { volumes: [{ name: "v", emptyDir: { sizeLimit: "lots" } }] }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["a toleration seconds string", podSpec({}, { tolerations: [{ key: "k", tolerationSeconds: "30" }] }), "json: cannot unmarshal string into Go struct field Toleration.spec.template.spec.tolerations.tolerationSeconds of type int64"],
  ["runAsUser as a string", podSpec({ securityContext: { runAsUser: "root" } }), "json: cannot unmarshal string into Go struct field SecurityContext.spec.template.spec.containers.securityContext.runAsUser of type int64"],
  ["nodeSelector values that are bools", podSpec({}, { nodeSelector: { ssd: true } }), "json: cannot unmarshal bool into Go struct field PodSpec.spec.template.spec.nodeSelector of type string"],
  [
    "an affinity term that is a string",
    podSpec({}, { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: ["zone=a"] } } } }),
    "json: cannot unmarshal string into Go struct field NodeSelector.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms of type v1.NodeSelectorTerm",
  ],
  ["a bad creationTimestamp", deployment({}, { name: "d", creationTimestamp: "yesterday" }), 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
  ["a creationTimestamp month 13", deployment({}, { name: "d", creationTimestamp: "2024-13-01T00:00:00Z" }), 'parsing time "2024-13-01T00:00:00Z": month out of range'],
  ["a creationTimestamp that is a number", deployment({}, { name: "d", creationTimestamp: 0 }), "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string"],
  [
    "the first type error is reported, not a later one",
    deployment({ replicas: "2", paused: "no" }, { name: "d", labels: { a: 1 } }),
    "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
  ],
  [
    "but a Quantity's own error wins over an earlier type error",
    deployment({ replicas: "2", template: { spec: { containers: [{ name: "c", resources: { limits: { cpu: "x" } } }] } } }),
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ],
  ["a type error wins over unknown fields", deployment({ foo: 1, replicas: "2" }), "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"],
  ["unknown fields (strict)", deployment({ foo: 1, template: { spec: { containers: [{ name: "c", imagePullPolice: "Always" }] } } }, { name: "d", Labels: {} }), 'strict decoding error: unknown field "metadata.Labels", unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagePullPolice"'],
];

/** Bad Services, Secrets and others: [what, body, detail]. */
export const BAD_OTHER_CASES: readonly (readonly [string, Obj, string])[] = [
  ["a targetPort that is a float", { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, targetPort: 80.5 }] } }, "json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32"],
  ["a targetPort that is an object", { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, targetPort: {} }] } }, "json: cannot unmarshal object into Go struct field ServicePort.spec.ports.targetPort of type int32"],
  ["a port as a string", { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: "80" }] } }, "json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32"],
  ["a selector that is a list", { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { selector: ["app=x"] } }, "json: cannot unmarshal array into Go struct field ServiceSpec.spec.selector of type map[string]string"],
  ["Secret data in plain text", { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { password: "hunter2" } }, "illegal base64 data at input byte 4"],
  ["Secret data with bad padding", { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { a: "YWJj=" } }, "illegal base64 data at input byte 4"],
  ["Secret data that is a number", { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { a: 1 } }, "json: cannot unmarshal number into Go struct field Secret.data of type []uint8"],
  ["ConfigMap data that is a number", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { lives: 3 } }, "json: cannot unmarshal number into Go struct field ConfigMap.data of type string"],
  ["a StatefulSet claim template storage typo", { ...WEB_STATEFULSET, spec: { ...(WEB_STATEFULSET.spec as Obj), volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { resources: { requests: { storage: "1 Gi" } } } }] } }, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["a StatefulSet serviceName number", { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "w" }, spec: { serviceName: 1 } }, "json: cannot unmarshal number into Go struct field StatefulSetSpec.spec.serviceName of type string"],
  ["a Node capacity that is a list", { apiVersion: "v1", kind: "Node", metadata: { name: "n" }, status: { capacity: [] } }, "json: cannot unmarshal array into Go struct field NodeStatus.status.capacity of type v1.ResourceList"],
  ["a kubelet port string", { apiVersion: "v1", kind: "Node", metadata: { name: "n" }, status: { daemonEndpoints: { kubeletEndpoint: { Port: "10250" } } } }, "json: cannot unmarshal string into Go struct field DaemonEndpoint.status.daemonEndpoints.kubeletEndpoint.Port of type int32"],
  ["an Event count string", { apiVersion: "v1", kind: "Event", metadata: { name: "e" }, involvedObject: {}, count: "1" }, "json: cannot unmarshal string into Go struct field Event.count of type int32"],
  ["an Event eventTime without microseconds", { apiVersion: "v1", kind: "Event", metadata: { name: "e" }, involvedObject: {}, eventTime: "2024-01-01T00:00:00Z" }, 'parsing time "2024-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"'],
  ["an HPA target utilization string", { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: { metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: "50%" } } }] } }, "json: cannot unmarshal string into Go struct field MetricTarget.spec.metrics.resource.target.averageUtilization of type int32"],
  ["a PVC storage request typo", { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "p" }, spec: { resources: { requests: { storage: "8ki" } } } }, "unable to parse quantity's suffix"],
  ["an EndpointSlice addresses string", { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "e" }, endpoints: [{ addresses: "10.0.0.1" }] }, "json: cannot unmarshal string into Go struct field Endpoint.endpoints.addresses of type []string"],
  ["a StorageClass parameters list", { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "s" }, provisioner: "p", parameters: ["a"] }, "json: cannot unmarshal array into Go struct field StorageClass.parameters of type map[string]string"],
  ["a ControllerRevision revision string", { apiVersion: "apps/v1", kind: "ControllerRevision", metadata: { name: "r" }, data: "anything goes", revision: "1" }, "json: cannot unmarshal string into Go struct field ControllerRevision.revision of type int64"],
];
