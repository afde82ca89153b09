// A cluster with a bit of everything `get` and `describe` print: a rolled-out
// Deployment with a change-cause, a Recreate one, a pod spec with probes,
// resources, env, volumes, init containers, a crash-looping and an
// image-pull-failing workload, a second namespace. Used by the kubectl
// differential (oracle) tests and by the kubectl unit tests.
import { createCluster, type Cluster } from "../../engine/index.ts";
import type { Deployment } from "../../engine/api/types.ts";

function deployment(name: string, namespace: string, replicas: number, spec: Record<string, unknown>, extra: Partial<Deployment["spec"]> = {}): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { app: name, tier: "web" } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: spec as unknown as Deployment["spec"]["template"]["spec"] },
      ...extra,
    },
  };
}

/** Build the scenario; `startTime` defaults to the engine's fixed start. */
export function buildScenario(startTime?: string): Cluster {
  const c = createCluster({ seed: 3, startTime });
  const api = c.api;
  api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev", labels: { team: "blue" } } });
  api.create("deployments", deployment("nginx", "default", 3, { containers: [{ name: "nginx", image: "nginx:1.14.2", ports: [{ containerPort: 80 }] }] }));
  api.create(
    "deployments",
    deployment(
      "web",
      "default",
      2,
      {
        initContainers: [{ name: "init", image: "busybox:1.36", command: ["sh", "-c", "sleep 2"] }],
        containers: [
          {
            name: "app",
            image: "nginx:1.16.1",
            command: ["nginx"],
            args: ["-g", "daemon off;"],
            ports: [
              { containerPort: 80, name: "http" },
              { containerPort: 443, name: "https" },
            ],
            env: [
              { name: "MODE", value: "fast" },
              { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
              { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password", optional: true } } },
            ],
            resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } },
            readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 },
            livenessProbe: { tcpSocket: { port: "http" }, initialDelaySeconds: 3 },
            volumeMounts: [
              { name: "cache", mountPath: "/cache" },
              { name: "config", mountPath: "/etc/app", readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: "cache", emptyDir: {} },
          { name: "config", configMap: { name: "app-config" } },
        ],
        nodeSelector: { "kubernetes.io/os": "linux" },
      },
      { strategy: { type: "Recreate" } },
    ),
  );
  api.create("deployments", deployment("crash", "default", 1, { containers: [{ name: "main", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] }));
  api.create("deployments", deployment("broken", "default", 1, { containers: [{ name: "main", image: "nginx:no-such-tag" }] }));
  api.create("deployments", deployment("api", "dev", 1, { containers: [{ name: "api", image: "nginx:1.16.1" }] }));
  // Strings that test YAML quoting and folding and describe's annotation layout.
  api.create("deployments", {
    ...deployment("odd", "dev", 0, { containers: [{ name: "main", image: "nginx:1.14.2", command: ["sh", "-c", "echo 'hi there'\nsleep 10"] }] }),
    metadata: {
      name: "odd",
      namespace: "dev",
      labels: { app: "odd", a10: "x", a9: "y", "a-b": "1", ab: "2", "a.b": "3", a_b: "4", A: "5", a09: "6", a9b: "7" },
      annotations: {
        long: "a long annotation value with many spaces in it that goes past the eighty column limit of the yaml emitter for sure",
        verylong: "word ".repeat(40).trim(),
        nospaces: "x".repeat(150),
        multiline: "line one\nline two\n",
        t: "true", y: "y", n: "no", num: "80", flt: "1.5", e: "", sp: " lead", tr: "trail ", star: "*x", colon: "a: b",
        hash: "a #b", hash2: "a#b", dash: "- x", dash2: "-x", q: "'q'", dq: '"dq"', nl3: "one\n\ntwo\n\n", tab: "a\tb",
        uni: "héllo wörld", emoji: "😀", oct: "0777", hex: "0x1F", base60: "1:20", tilde: "~", nul: "null", dot: ".inf",
        bool2: "On", colonend: "a:", brace: "{a}", pct: "%x", at: "@x", q2: "?x", q3: "? x", ddd: "---", ver: "1.14.2",
        date: "2026-01-01", ts: "2026-01-05T09:00:00Z", sci: "1e3", under: "1_000", plus: "+1", neg: "-1", ip: "10.0.0.1",
        nlsp: "a \nb", lspnl: "\n a", bs: "a\\b", amp: "&x", json: '{"a":1,"b":[1,2]}',
      },
    },
  });
  // Many pods created in the same second: --sort-by ties, ordered by Go's (unstable) sort.
  api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "bulk" } });
  api.create("deployments", deployment("many", "bulk", 17, { containers: [{ name: "main", image: "nginx:1.14.2" }] }));
  c.settle(120_000);
  c.advance(60_000);
  // A rollout: new image and a change-cause, as `kubectl set image --record` leaves them.
  api.patch("deployments", "default", "nginx", "strategic", {
    metadata: { annotations: { "kubernetes.io/change-cause": "kubectl set image deployment/nginx nginx=nginx:1.16.1 --record=true" } },
    spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } } },
  });
  c.settle(180_000);
  c.advance(240_000);
  return c;
}
