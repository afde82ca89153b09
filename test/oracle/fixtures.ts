// Objects the printer oracle tests print: a small namespace as `kubectl get`
// returns it (deployments, pods, a service, a config map, a secret) and two
// nodes. No metadata.namespace: the fake server serves them in a namespace
// of its choosing.

type Obj = Record<string, unknown>;

export const deployments: Obj[] = [
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      labels: { app: "web", tier: "frontend" },
      annotations: { "deployment.kubernetes.io/revision": "2", "kubernetes.io/change-cause": "kubectl set image deployment/web nginx=nginx:1.16.1" },
      creationTimestamp: "2026-12-01T11:58:00Z",
      generation: 2,
      uid: "5b7d6a3e-1f0a-4c44-9d8e-2f6f5a3c9b10",
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "nginx",
              image: "nginx:1.16.1",
              ports: [{ containerPort: 80, protocol: "TCP" }],
              resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
            },
            { name: "sidecar", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"] },
          ],
        },
      },
    },
    status: {
      replicas: 3,
      readyReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 2,
      conditions: [
        { type: "Available", status: "True", reason: "MinimumReplicasAvailable", lastUpdateTime: "2026-12-01T11:58:30Z" },
        { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", lastUpdateTime: "2026-12-01T11:59:10Z" },
      ],
    },
  },
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", labels: { app: "api" }, creationTimestamp: "2026-12-01T11:00:00Z", generation: 1 },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "api" } },
      template: {
        metadata: { labels: { app: "api" } },
        spec: { containers: [{ name: "api", image: "registry.k8s.io/api:v0.5", env: [{ name: "MODE", value: "fast" }] }] },
      },
    },
    status: {
      replicas: 1,
      unavailableReplicas: 1,
      observedGeneration: 1,
      conditions: [{ type: "Available", status: "False", reason: "MinimumReplicasUnavailable" }],
    },
  },
];

export const pods: Obj[] = [
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "web-7c5ddbdf54-2xlxk",
      labels: { app: "web", "pod-template-hash": "7c5ddbdf54" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7c5ddbdf54", controller: true }],
    },
    spec: {
      nodeName: "node-1",
      containers: [{ name: "nginx", image: "nginx:1.16.1" }],
      initContainers: [{ name: "init", image: "busybox:1.36" }],
    },
    status: {
      phase: "Running",
      podIP: "10.244.1.5",
      hostIP: "192.168.49.2",
      startTime: "2026-12-01T11:58:05Z",
      conditions: [
        { type: "Ready", status: "True" },
        { type: "PodScheduled", status: "True" },
      ],
      initContainerStatuses: [{ name: "init", ready: true, restartCount: 0, containerID: "containerd://0f1e2d3c4b5a" }],
      containerStatuses: [{ name: "nginx", ready: true, restartCount: 0, image: "nginx:1.16.1", containerID: "containerd://a1b2c3d4e5f6", started: true }],
    },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "db-0", labels: { app: "db", "statefulset.kubernetes.io/pod-name": "db-0" } },
    spec: { containers: [{ name: "postgres", image: "postgres:16" }] },
    status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "crash-7d9f", labels: { app: "crash" } },
    spec: { nodeName: "node-2", containers: [{ name: "app", image: "busybox" }] },
    status: {
      phase: "Running",
      podIP: "10.244.2.9",
      conditions: [{ type: "Ready", status: "False" }],
      containerStatuses: [
        {
          name: "app",
          ready: false,
          restartCount: 4,
          image: "busybox",
          state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 1m20s restarting failed container" } },
          lastState: { terminated: { exitCode: 1, reason: "Error" } },
        },
      ],
    },
  },
];

export const service: Obj = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", labels: { app: "web" } },
  spec: {
    type: "NodePort",
    clusterIP: "10.96.12.34",
    selector: { app: "web" },
    ports: [
      { name: "http", port: 80, targetPort: 80, nodePort: 30080, protocol: "TCP" },
      { name: "https", port: 443, targetPort: "https", nodePort: 30443, protocol: "TCP" },
    ],
  },
};

export const configMap: Obj = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "app-config" },
  data: {
    "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    "game.properties": "enemies=aliens\nlives=3",
    mode: "<fast & loose>",
    ratio: "0.75",
  },
};

export const secret: Obj = {
  apiVersion: "v1",
  kind: "Secret",
  metadata: { name: "db-credentials" },
  type: "Opaque",
  data: { password: "czNjcjN0IQ==", username: "YWRtaW4=", ".dockerconfigjson": "eyJhdXRocyI6e319" },
};

export const nodes: Obj[] = [
  {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1", "node-role.kubernetes.io/control-plane": "" } },
    spec: { podCIDR: "10.244.1.0/24" },
    status: {
      capacity: { cpu: "4", memory: "8141488Ki", pods: "110" },
      addresses: [
        { type: "InternalIP", address: "192.168.49.2" },
        { type: "ExternalIP", address: "203.0.113.10" },
        { type: "Hostname", address: "node-1" },
      ],
      conditions: [
        { type: "MemoryPressure", status: "False" },
        { type: "Ready", status: "True" },
      ],
    },
  },
  {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-2", labels: { "kubernetes.io/hostname": "node-2" } },
    spec: { podCIDR: "10.244.2.0/24", unschedulable: true },
    status: {
      capacity: { cpu: "2", memory: "4030168Ki", pods: "110" },
      addresses: [
        { type: "InternalIP", address: "192.168.49.3" },
        { type: "Hostname", address: "node-2" },
      ],
      conditions: [
        { type: "MemoryPressure", status: "False" },
        { type: "Ready", status: "False" },
      ],
    },
  },
];

/** Everything namespaced, as one namespace holds it. */
export const namespaceObjects: Obj[] = [...deployments, ...pods, service, configMap, secret];
