// The protobuf decoder against real kubectl v1.32 (skipped when the binary is missing).
//
// Each case runs the same kubectl command twice: offline with
// `--dry-run=client -o json` (kubectl prints json.Marshal of the typed object
// it built: the ground truth), and for real against a throwaway server that
// records the body kubectl sends (protobuf, from its typed client) and
// answers with our decoding of it. The decoding must equal the dry-run JSON.
// Each case gets its own URL prefix (--server http://host/cN), so the cases
// run in parallel.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oracleSkipReason, runKubectl } from "../../../test/oracle/kubectl.ts";
import { decodeProtobufBody, PROTOBUF_CONTENT_TYPE } from "./decode.ts";

interface Captured {
  contentType: string;
  body: Uint8Array;
  path: string;
}

const CASES: readonly (readonly [name: string, args: readonly string[]])[] = [
  // create deployment
  ["deployment, one image", ["create", "deployment", "web", "--image=nginx"]],
  ["deployment, replicas and port", ["create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=8080"]],
  ["deployment, zero replicas", ["create", "deployment", "web", "--image=nginx", "--replicas=0"]],
  ["deployment, two images", ["create", "deployment", "multi", "--image=nginx", "--image=busybox"]],
  ["deployment, command", ["create", "deployment", "sleeper", "--image=busybox", "--", "sleep", "3600"]],
  ["deployment, namespace", ["create", "deployment", "web", "--image=nginx", "-n", "team-a"]],
  ["deployment, long name", ["create", "deployment", "a-rather-long-deployment-name-with-dashes", "--image=registry.k8s.io/pause:3.10"]],
  // create namespace
  ["namespace", ["create", "namespace", "staging"]],
  ["namespace, short", ["create", "ns", "x"]],
  // create configmap
  ["configmap, one literal", ["create", "configmap", "cfg", "--from-literal=color=blue"]],
  ["configmap, literals", ["create", "configmap", "cfg", "--from-literal=a=1", "--from-literal=b=two words", "--from-literal=empty="]],
  ["configmap, unicode", ["create", "configmap", "cfg", "--from-literal=greeting=héllo wörld ✓"]],
  ["configmap, env file", ["create", "configmap", "cfg", "--from-env-file=app.env"]],
  ["configmap, file", ["create", "configmap", "cfg", "--from-file=app.env"]],
  ["configmap, binary file", ["create", "configmap", "cfg", "--from-file=blob.bin"]],
  ["configmap, append hash", ["create", "configmap", "cfg", "--from-literal=a=1", "--append-hash"]],
  ["configmap, no data", ["create", "configmap", "empty"]],
  // create secret
  ["secret generic", ["create", "secret", "generic", "creds", "--from-literal=user=admin", "--from-literal=pass=s3cr3t!"]],
  ["secret generic, type", ["create", "secret", "generic", "tok", "--type=Opaque", "--from-literal=token=abc"]],
  ["secret generic, empty value", ["create", "secret", "generic", "blank", "--from-literal=k="]],
  ["secret generic, binary file", ["create", "secret", "generic", "bin", "--from-file=blob.bin"]],
  ["secret docker-registry", ["create", "secret", "docker-registry", "reg", "--docker-server=r.example.com", "--docker-username=u", "--docker-password=p", "--docker-email=u@example.com"]],
  ["secret tls", ["create", "secret", "tls", "tls", "--cert=tls.crt", "--key=tls.key"]],
  // create service
  ["service clusterip", ["create", "service", "clusterip", "web", "--tcp=80:8080"]],
  ["service clusterip, ports", ["create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443"]],
  ["service clusterip, headless", ["create", "service", "clusterip", "web", "--clusterip=None"]],
  ["service nodeport", ["create", "service", "nodeport", "web", "--tcp=80:8080", "--node-port=30080"]],
  ["service loadbalancer", ["create", "service", "loadbalancer", "web", "--tcp=80:http"]],
  ["service externalname", ["create", "service", "externalname", "db", "--external-name=db.example.com"]],
  // create serviceaccount
  ["serviceaccount", ["create", "serviceaccount", "robot"]],
  // (kubectl run builds its pod as JSON: not here.)
  // create job / cronjob
  ["job", ["create", "job", "once", "--image=busybox"]],
  ["job, command", ["create", "job", "once", "--image=busybox", "--", "sh", "-c", "echo done"]],
  ["cronjob", ["create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *"]],
  ["cronjob, restart and command", ["create", "cronjob", "tick", "--image=busybox", "--schedule=@hourly", "--restart=Never", "--", "date"]],
  // create poddisruptionbudget (IntOrString)
  ["pdb, min available", ["create", "pdb", "web", "--selector=app=web", "--min-available=2"]],
  ["pdb, max unavailable percent", ["create", "poddisruptionbudget", "web", "--selector=app=web,tier in (a,b)", "--max-unavailable=25%"]],
  // create quota (quantities), priorityclass
  ["quota", ["create", "quota", "q", "--hard=cpu=1.5,memory=1Gi,pods=10,requests.storage=100Gi", "--scopes=BestEffort"]],
  ["priorityclass", ["create", "priorityclass", "high", "--value=1000", "--description=important", "--preemption-policy=Never"]],
  ["priorityclass, global default", ["create", "priorityclass", "base", "--value=-5", "--global-default"]],
  // create ingress
  ["ingress", ["create", "ingress", "web", "--rule=example.com/api*=api:80", "--rule=example.com/=web:http,tls=cert", "--class=nginx", "--annotation=a=b"]],
  ["ingress, default backend", ["create", "ingress", "web", "--default-backend=web:8080", "--rule=/path=svc:443"]],
  // rbac
  ["role", ["create", "role", "reader", "--verb=get,list,watch", "--resource=pods,deployments.apps", "--resource-name=one"]],
  ["clusterrole", ["create", "clusterrole", "nodes", "--verb=get", "--resource=nodes", "--non-resource-url=/healthz", "--verb=get"]],
  ["clusterrole, aggregation", ["create", "clusterrole", "agg", "--aggregation-rule=rbac.example.com/aggregate=true"]],
  ["rolebinding", ["create", "rolebinding", "rb", "--role=reader", "--user=alice", "--group=devs", "--serviceaccount=default:robot"]],
  ["clusterrolebinding", ["create", "clusterrolebinding", "crb", "--clusterrole=view", "--user=bob"]],
  // autoscale (reads the deployment, then creates the HPA)
  ["autoscale", ["autoscale", "deployment", "web", "--max=5"]],
  ["autoscale, min and cpu", ["autoscale", "deployment", "web", "--min=2", "--max=10", "--cpu-percent=80"]],
  ["autoscale, name", ["autoscale", "deployment", "web", "--max=3", "--name=web-hpa"]],
  // create priorityclass etc. are not typed kinds we decode; create pdb/job/cronjob neither.
];

const FILES: Record<string, string | Uint8Array> = {
  "app.env": "# settings\nMODE=prod\nLEVEL=3\n",
  "blob.bin": new Uint8Array([0, 1, 2, 0xfe, 0xff, 0x80, 10, 13]),
  // A throwaway self-signed EC pair (kubectl checks that the two match).
  "tls.crt": [
    "-----BEGIN CERTIFICATE-----",
    "MIIBhzCCAS2gAwIBAgIULxy4A+HBjHDGp9/t+H8f6havxwYwCgYIKoZIzj0EAwIw",
    "GDEWMBQGA1UEAwwNa3ViZWRvam8udGVzdDAgFw0yNjExMjUxNTU1MjRaGA8yMTI2",
    "MTEwMTE1NTUyNFowGDEWMBQGA1UEAwwNa3ViZWRvam8udGVzdDBZMBMGByqGSM49",
    "AgEGCCqGSM49AwEHA0IABIWa35FZDiSNs5fNIQgazTaRN5h3Vrn8DQySwoQpFb4J",
    "NstdFkdTCxqy6pxWoT+xgPBn9zmfwGqhyOuAAWHF85GjUzBRMB0GA1UdDgQWBBSd",
    "z14eDUkvJT0VQD41Ha6TXayfNTAfBgNVHSMEGDAWgBSdz14eDUkvJT0VQD41Ha6T",
    "XayfNTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCFJUxc2TMH",
    "KBSrb9gs17po7GQ/Vx0y/7Mf4z40yM+PWQIgXyIxeEYiU/Jpfxrv2OrVTx6Mb4Cx",
    "sHf3qBf0yfsrGmc=",
    "-----END CERTIFICATE-----",
  ].join("\n") + "\n",
  "tls.key": [
    "-----BEGIN PRIVATE KEY-----",
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgY54cimUUd5eLr3fx",
    "ohXknRMhhqBcJz//EiQMkQyqA1mhRANCAASFmt+RWQ4kjbOXzSEIGs02kTeYd1a5",
    "/A0MksKEKRW+CTbLXRZHUwsasuqcVqE/sYDwZ/c5n8BqocjrgAFhxfOR",
    "-----END PRIVATE KEY-----",
  ].join("\n") + "\n",
};

/** Just enough discovery for the commands that map resources (autoscale, create role). */
const DISCOVERY: Record<string, unknown> = {
  "/api": { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:6443" }] },
  "/apis": {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: [
      { name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { groupVersion: "apps/v1", version: "v1" } },
      { name: "autoscaling", versions: [{ groupVersion: "autoscaling/v2", version: "v2" }, { groupVersion: "autoscaling/v1", version: "v1" }], preferredVersion: { groupVersion: "autoscaling/v2", version: "v2" } },
    ],
  },
  "/api/v1": {
    kind: "APIResourceList",
    groupVersion: "v1",
    resources: [
      { name: "pods", singularName: "pod", namespaced: true, kind: "Pod", verbs: ["create", "get", "list"], shortNames: ["po"] },
      { name: "nodes", singularName: "node", namespaced: false, kind: "Node", verbs: ["get", "list"], shortNames: ["no"] },
    ],
  },
  "/apis/apps/v1": {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: "apps/v1",
    resources: [
      { name: "deployments", singularName: "deployment", namespaced: true, kind: "Deployment", verbs: ["create", "get", "list"], shortNames: ["deploy"] },
      { name: "deployments/scale", singularName: "", namespaced: true, group: "autoscaling", version: "v1", kind: "Scale", verbs: ["get", "patch", "update"] },
    ],
  },
  "/apis/autoscaling/v2": {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: "autoscaling/v2",
    resources: [{ name: "horizontalpodautoscalers", singularName: "horizontalpodautoscaler", namespaced: true, kind: "HorizontalPodAutoscaler", verbs: ["create", "get", "list"], shortNames: ["hpa"] }],
  },
  "/apis/autoscaling/v1": {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: "autoscaling/v1",
    resources: [{ name: "horizontalpodautoscalers", singularName: "horizontalpodautoscaler", namespaced: true, kind: "HorizontalPodAutoscaler", verbs: ["create", "get", "list"], shortNames: ["hpa"] }],
  },
};

/** The deployment `kubectl autoscale deployment web` reads first. */
const WEB_DEPLOYMENT = {
  kind: "Deployment",
  apiVersion: "apps/v1",
  metadata: { name: "web", namespace: "default", uid: "0b3c0f0e-0000-4000-8000-000000000001", resourceVersion: "7", creationTimestamp: "2026-01-01T00:00:00Z" },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
  },
};

describe.skipIf(oracleSkipReason !== null)("protobuf bodies from real kubectl decode to its own JSON", () => {
  let server: Server;
  let base = "";
  const captured = new Map<string, Captured>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (d: Buffer) => chunks.push(d));
      req.on("end", () => {
        const [, prefix = "", ...rest] = (req.url ?? "/").split("?")[0]!.split("/");
        const path = "/" + rest.join("/");
        if (req.method === "GET" && DISCOVERY[path]) {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(DISCOVERY[path]));
          return;
        }
        if (req.method === "GET" && path === "/apis/apps/v1/namespaces/default/deployments/web") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(WEB_DEPLOYMENT));
          return;
        }
        if (req.method !== "POST") {
          res.writeHead(404, { "content-type": "application/json" });
          res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404, message: "not found" }));
          return;
        }
        const body = new Uint8Array(Buffer.concat(chunks));
        captured.set(prefix, { contentType: String(req.headers["content-type"] ?? ""), body, path });
        const decoded = decodeProtobufBody(body);
        res.writeHead("error" in decoded ? 400 : 201, { "content-type": "application/json" });
        res.end(JSON.stringify("error" in decoded ? { kind: "Status", apiVersion: "v1", status: "Failure", code: 400, reason: "BadRequest", message: decoded.error } : decoded.object));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.concurrent.each(CASES.map(([name, args], i) => ({ name, args, i })))("$name", async ({ args, i }) => {
    // Flags go before a `--` (after it they would be the container's command).
    const withFlags = (...flags: string[]) => {
      const dash = args.indexOf("--");
      return dash < 0 ? [...args, ...flags] : [...args.slice(0, dash), ...flags, ...args.slice(dash)];
    };
    const files = FILES as Record<string, string>;
    const [dry, real] = await Promise.all([
      runKubectl(withFlags("--dry-run=client", "-o", "json", `--server=${base}/d${i}`, "--token=t"), { files }),
      runKubectl(withFlags(`--server=${base}/c${i}`, "--token=t"), { files }),
    ]);
    expect(dry.stderr).toBe("");
    expect(real.stderr).toBe("");
    const got = captured.get(`c${i}`);
    expect(got?.contentType).toBe(PROTOBUF_CONTENT_TYPE);
    const decoded = decodeProtobufBody(got!.body);
    expect(decoded).not.toHaveProperty("error");
    expect((decoded as { object: unknown }).object).toStrictEqual(JSON.parse(dry.stdout));
  });
});

// Rich pods, for the whole PodSpec tree: `kubectl debug POD --copy-to=COPY`
// GETs the pod and creates its copy with the typed client (protobuf). The
// ground truth is `kubectl set image --local -f pod.json '*=IMAGE' -o json`
// (the same typed Pod, the containers' images set the same way), with the copy's edits that
// kubectl debug makes: fresh metadata (name, namespace, labels and
// annotations kept), no status, no node name.
const PODS: Record<string, Record<string, unknown>> = {
  web: {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default", labels: { app: "web" }, annotations: { note: "x" }, uid: "u1", resourceVersion: "3", creationTimestamp: "2026-01-01T00:00:00Z" },
    spec: {
      containers: [
        {
          name: "app",
          image: "nginx",
          ports: [{ containerPort: 80, name: "http" }],
          resources: { requests: { cpu: "100m", memory: "1.5Gi" }, limits: { cpu: "0.5" } },
          readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 },
          livenessProbe: { tcpSocket: { port: "http" } },
        },
      ],
      volumes: [
        { name: "v", emptyDir: { sizeLimit: "1Gi" } },
        { name: "c", configMap: { name: "cfg", defaultMode: 420 } },
      ],
      terminationGracePeriodSeconds: 0,
      securityContext: { runAsUser: 1000, supplementalGroups: [5, 6] },
      nodeName: "node-1",
      tolerations: [{ key: "k", operator: "Exists", tolerationSeconds: -1 }],
    },
    status: { phase: "Running", startTime: "2026-01-01T00:00:01Z" },
  },
  everything: {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "everything",
      namespace: "default",
      generateName: "every-",
      labels: { app: "all", "example.com/tier": "back" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u2", controller: true, blockOwnerDeletion: true }],
      finalizers: ["example.com/keep"],
      deletionGracePeriodSeconds: 30,
    },
    spec: {
      initContainers: [
        { name: "init", image: "busybox", command: ["sh", "-c"], args: ["true"], workingDir: "/w" },
        { name: "sidecar", image: "envoy", restartPolicy: "Always", startupProbe: { grpc: { port: 9000, service: "health" }, failureThreshold: 30, terminationGracePeriodSeconds: 5 } },
      ],
      containers: [
        {
          name: "main",
          image: "app:1",
          imagePullPolicy: "IfNotPresent",
          env: [
            { name: "PLAIN", value: "v" },
            { name: "EMPTY", value: "" },
            { name: "NODE", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } },
            { name: "PASS", valueFrom: { secretKeyRef: { name: "s", key: "k", optional: false } } },
            { name: "CFG", valueFrom: { configMapKeyRef: { name: "c", key: "k", optional: true } } },
            { name: "MEM", valueFrom: { resourceFieldRef: { containerName: "main", resource: "limits.memory", divisor: "1Mi" } } },
          ],
          envFrom: [{ prefix: "CM_", configMapRef: { name: "c" } }, { secretRef: { name: "s", optional: true } }],
          ports: [{ containerPort: 8443, hostPort: 443, protocol: "TCP", hostIP: "0.0.0.0" }, { containerPort: 53, protocol: "UDP" }],
          resources: { requests: { cpu: "1.5", memory: "256M", "example.com/gpu": "1" }, limits: { memory: "1e9", "ephemeral-storage": "2Ki" } },
          resizePolicy: [{ resourceName: "cpu", restartPolicy: "NotRequired" }],
          volumeMounts: [
            { name: "data", mountPath: "/data", readOnly: true, subPath: "sub", mountPropagation: "HostToContainer" },
            { name: "tok", mountPath: "/var/run/tok", subPathExpr: "$(NODE)", recursiveReadOnly: "IfPossible" },
          ],
          volumeDevices: [{ name: "block", devicePath: "/dev/xvda" }],
          lifecycle: {
            postStart: { httpGet: { path: "/start", port: "web", host: "localhost", scheme: "HTTPS", httpHeaders: [{ name: "X-A", value: "1" }] } },
            preStop: { sleep: { seconds: 3 } },
          },
          livenessProbe: { exec: { command: ["cat", "/ok"] }, initialDelaySeconds: 10, timeoutSeconds: 2, periodSeconds: 7, successThreshold: 1, failureThreshold: 4 },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "FallbackToLogsOnError",
          securityContext: {
            capabilities: { add: ["NET_ADMIN"], drop: ["ALL"] },
            privileged: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            runAsGroup: 3000,
            allowPrivilegeEscalation: false,
            procMount: "Default",
            seccompProfile: { type: "Localhost", localhostProfile: "p.json" },
            appArmorProfile: { type: "RuntimeDefault" },
            seLinuxOptions: { level: "s0:c1,c2" },
          },
          stdin: true,
          stdinOnce: true,
          tty: true,
        },
      ],
      volumes: [
        { name: "data", persistentVolumeClaim: { claimName: "pvc", readOnly: true } },
        { name: "host", hostPath: { path: "/var/log", type: "DirectoryOrCreate" } },
        { name: "sec", secret: { secretName: "s", items: [{ key: "a", path: "a.txt", mode: 256 }], optional: true } },
        { name: "down", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }, { path: "cpu", resourceFieldRef: { containerName: "main", resource: "requests.cpu", divisor: "1m" } }] } },
        {
          name: "tok",
          projected: {
            defaultMode: 0o644,
            sources: [
              { serviceAccountToken: { audience: "api", expirationSeconds: 3600, path: "token" } },
              { configMap: { name: "c", items: [{ key: "k", path: "k" }] } },
              { clusterTrustBundle: { signerName: "example.com/s", labelSelector: { matchLabels: { a: "b" } }, path: "ca.pem" } },
            ],
          },
        },
        { name: "nfs", nfs: { server: "10.0.0.1", path: "/exports", readOnly: false } },
        { name: "csi", csi: { driver: "csi.example.com", volumeAttributes: { size: "1", b: "2" }, nodePublishSecretRef: { name: "s" } } },
        {
          name: "block",
          ephemeral: {
            volumeClaimTemplate: {
              metadata: { labels: { eph: "yes" } },
              spec: {
                accessModes: ["ReadWriteOnce"],
                storageClassName: "fast",
                volumeMode: "Block",
                resources: { requests: { storage: "10Gi" } },
                selector: { matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] },
                dataSourceRef: { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "snap" },
              },
            },
          },
        },
        { name: "img", image: { reference: "quay.io/data:1", pullPolicy: "Always" } },
      ],
      restartPolicy: "OnFailure",
      activeDeadlineSeconds: 600,
      dnsPolicy: "None",
      dnsConfig: { nameservers: ["1.1.1.1"], searches: ["svc.local"], options: [{ name: "ndots", value: "2" }, { name: "edns0" }] },
      nodeSelector: { "kubernetes.io/os": "linux", disk: "ssd" },
      serviceAccountName: "robot",
      automountServiceAccountToken: false,
      hostNetwork: true,
      hostPID: true,
      shareProcessNamespace: true,
      hostname: "h",
      subdomain: "sub",
      setHostnameAsFQDN: true,
      imagePullSecrets: [{ name: "reg" }],
      hostAliases: [{ ip: "10.1.1.1", hostnames: ["a.local", "b.local"] }],
      schedulerName: "custom",
      priorityClassName: "high",
      priority: 1000,
      preemptionPolicy: "Never",
      readinessGates: [{ conditionType: "example.com/ready" }],
      runtimeClassName: "gvisor",
      enableServiceLinks: false,
      overhead: { cpu: "250m", memory: "120Mi" },
      os: { name: "linux" },
      hostUsers: false,
      schedulingGates: [{ name: "example.com/wait" }],
      securityContext: {
        fsGroup: 2000,
        fsGroupChangePolicy: "OnRootMismatch",
        sysctls: [{ name: "net.core.somaxconn", value: "1024" }],
        supplementalGroupsPolicy: "Strict",
        runAsUser: 0,
        windowsOptions: { gmsaCredentialSpecName: "g", runAsUserName: "u", hostProcess: false },
      },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["c"] }], matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: "disk", operator: "Exists" }] } }],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: "all" } }, topologyKey: "kubernetes.io/hostname", matchLabelKeys: ["pod-template-hash"] } }],
        },
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { db: "x" } }, namespaces: ["a"], namespaceSelector: {}, topologyKey: "zone" }] },
      },
      tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }, { operator: "Exists" }],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "all" } }, minDomains: 2, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore", matchLabelKeys: ["v"] },
      ],
    },
  },
};

describe.skipIf(oracleSkipReason !== null)("kubectl debug --copy-to: the copied pod decodes to the typed pod", () => {
  let server: Server;
  let base = "";
  const bodies = new Map<string, Uint8Array>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (d: Buffer) => chunks.push(d));
      req.on("end", () => {
        const path = (req.url ?? "/").split("?")[0]!;
        const json = (code: number, body: unknown) => {
          res.writeHead(code, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        const pod = /^\/api\/v1\/namespaces\/default\/pods\/([^/]+)$/.exec(path);
        if (req.method === "GET" && DISCOVERY[path]) return json(200, DISCOVERY[path]);
        if (req.method === "GET" && pod && PODS[pod[1]!]) return json(200, PODS[pod[1]!]);
        if (req.method === "POST") {
          const body = new Uint8Array(Buffer.concat(chunks));
          const decoded = decodeProtobufBody(body, { apiVersion: "v1", kind: "Pod" });
          if ("error" in decoded) return json(400, { kind: "Status", apiVersion: "v1", status: "Failure", code: 400, reason: "BadRequest", message: decoded.error });
          bodies.set(String((decoded.object.metadata as { name?: string }).name), body);
          return json(201, decoded.object);
        }
        json(404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404, message: "not found" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.concurrent.each(Object.keys(PODS))("%s", async (name) => {
    const image = "registry.example/debug:1";
    const keep = ["--keep-labels", "--keep-annotations", "--keep-liveness", "--keep-readiness", "--keep-startup", "--keep-init-containers"];
    const [typed, real] = await Promise.all([
      runKubectl(["set", "image", "--local", "-f", "pod.json", `*=${image}`, "-o", "json"], { files: { "pod.json": JSON.stringify(PODS[name]) } }),
      runKubectl(["debug", name, `--copy-to=${name}-copy`, `--set-image=*=${image}`, "--profile=general", ...keep, `--server=${base}`, "--token=t"]),
    ]);
    expect(typed.stderr).toBe("");
    expect(real.stderr).toBe("");
    const expected = JSON.parse(typed.stdout) as Record<string, Record<string, unknown>>;
    const meta = expected.metadata!;
    expected.metadata = {
      name: `${name}-copy`,
      namespace: meta.namespace,
      creationTimestamp: null,
      ...(meta.labels ? { labels: meta.labels } : {}),
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
    };
    delete expected.spec!.nodeName;
    // debug's `*` is the containers only; set image's is the init containers too.
    const inits = (PODS[name]!.spec as { initContainers?: { image: string }[] }).initContainers ?? [];
    (expected.spec!.initContainers as { image: string }[] | undefined)?.forEach((c, i) => (c.image = inits[i]!.image));
    expected.status = {};
    const decoded = decodeProtobufBody(bodies.get(`${name}-copy`)!, { apiVersion: "v1", kind: "Pod" });
    expect((decoded as { object: unknown }).object).toStrictEqual(expected);
  });
});

// `kubectl drain` evicts each pod with an Eviction (policy/v1, sent as JSON),
// or with --disable-eviction deletes it: a DELETE whose DeleteOptions body is
// protobuf. kubectl prints neither, so the expected objects are what drain
// builds (kubectl/pkg/drain): DeleteOptions with the grace period when one is
// given and dryRun for a server-side dry run.
const NODE = { kind: "Node", apiVersion: "v1", metadata: { name: "node-1", uid: "n-1", resourceVersion: "5" }, spec: {}, status: {} };
const DRAINED_POD = {
  kind: "Pod",
  apiVersion: "v1",
  metadata: {
    name: "web-1",
    namespace: "default",
    uid: "p-1",
    resourceVersion: "9",
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d8f", uid: "rs-1", controller: true, blockOwnerDeletion: true }],
  },
  spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx" }] },
  status: { phase: "Running" },
};
const DRAIN_CASES: readonly (readonly [name: string, flags: readonly string[], method: string, contentType: string, expected: Record<string, unknown>])[] = [
  // kubectl 1.32 sends its evictions as JSON (kept here as a fact worth knowing: the shim must take both).
  [
    "evict (JSON)",
    ["--grace-period=5"],
    "POST",
    "application/json",
    { kind: "Eviction", apiVersion: "policy/v1", metadata: { name: "web-1", namespace: "default", creationTimestamp: null }, deleteOptions: { gracePeriodSeconds: 5 } },
  ],
  ["delete", ["--disable-eviction"], "DELETE", PROTOBUF_CONTENT_TYPE, { kind: "DeleteOptions", apiVersion: "v1" }],
  ["delete with a grace period", ["--disable-eviction", "--grace-period=3"], "DELETE", PROTOBUF_CONTENT_TYPE, { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds: 3 }],
  ["delete, server-side dry run", ["--disable-eviction", "--grace-period=0", "--dry-run=server"], "DELETE", PROTOBUF_CONTENT_TYPE, { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds: 0, dryRun: ["All"] }],
];

describe.skipIf(oracleSkipReason !== null)("kubectl drain: Eviction and DeleteOptions bodies", () => {
  let server: Server;
  let base = "";
  const bodies = new Map<string, { method: string; body: Uint8Array; contentType: string }>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (d: Buffer) => chunks.push(d));
      req.on("end", () => {
        const [, prefix = "", ...rest] = (req.url ?? "/").split("?")[0]!.split("/");
        const path = "/" + rest.join("/");
        const json = (code: number, body: unknown) => {
          res.writeHead(code, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        const notFound = () => json(404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404, message: "not found" });
        if (req.method === "GET" && path === "/api/v1") {
          const list = DISCOVERY["/api/v1"] as { resources: unknown[] };
          return json(200, { ...list, resources: [...list.resources, { name: "pods/eviction", singularName: "", namespaced: true, group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] }] });
        }
        if (req.method === "GET" && DISCOVERY[path]) return json(200, DISCOVERY[path]);
        if (path === "/api/v1/nodes/node-1") return json(200, req.method === "PATCH" ? { ...NODE, spec: { unschedulable: true } } : NODE);
        if (req.method === "GET" && path === "/api/v1/pods") return json(200, { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "10" }, items: [DRAINED_POD] });
        const pod = path.startsWith("/api/v1/namespaces/default/pods/web-1");
        if (pod && (req.method === "POST" || req.method === "DELETE")) {
          bodies.set(prefix, { method: req.method, body: new Uint8Array(Buffer.concat(chunks)), contentType: String(req.headers["content-type"] ?? "") });
          return req.method === "POST" ? json(201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 }) : json(200, DRAINED_POD);
        }
        if (pod && req.method === "GET") return bodies.has(prefix) ? notFound() : json(200, DRAINED_POD);
        notFound();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.concurrent.each(DRAIN_CASES.map(([name, flags, method, contentType, expected], i) => ({ name, flags, method, contentType, expected, i })))("$name", async ({ flags, method, contentType, expected, i }) => {
    const result = await runKubectl(["drain", "node-1", ...flags, `--server=${base}/n${i}`, "--token=t"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const got = bodies.get(`n${i}`)!;
    expect(got.method).toBe(method);
    expect(got.contentType).toBe(contentType);
    if (contentType !== PROTOBUF_CONTENT_TYPE) return expect(JSON.parse(new TextDecoder().decode(got.body))).toStrictEqual(expected);
    const decoded = decodeProtobufBody(got.body);
    expect(decoded).toStrictEqual({ apiVersion: expected.apiVersion, kind: expected.kind, object: expected });
  });
});
