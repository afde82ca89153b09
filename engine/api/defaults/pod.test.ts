import { describe, expect, it } from "vitest";
import type { Pod, PodTemplateSpec } from "../types.ts";
import { defaultPod, defaultPodTemplateSpec } from "./pod.ts";

const containerDefaults = {
  imagePullPolicy: "IfNotPresent",
  resources: {},
  terminationMessagePath: "/dev/termination-log",
  terminationMessagePolicy: "File",
};
const specDefaults = {
  dnsPolicy: "ClusterFirst",
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

describe("defaultPodTemplateSpec: what every pod template gets (kubectl get deploy -o yaml)", () => {
  it("fills the spec and container defaults, but no Pod-only fields", () => {
    const tpl: PodTemplateSpec = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } };
    defaultPodTemplateSpec(tpl);
    expect(tpl).toEqual({
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image: "nginx:1.27", ...containerDefaults }], ...specDefaults },
    });
  });

  it("does not copy limits into requests (that is Pod-only)", () => {
    const tpl: PodTemplateSpec = { spec: { containers: [{ name: "web", image: "nginx", resources: { limits: { cpu: "0.5" } } }] } };
    defaultPodTemplateSpec(tpl);
    expect(tpl.metadata).toEqual({});
    expect(tpl.spec.containers[0]!.resources).toEqual({ limits: { cpu: "500m" } });
  });

  it("keeps values that are set", () => {
    const tpl: PodTemplateSpec = {
      spec: {
        containers: [{ name: "web", image: "nginx", imagePullPolicy: "Never", terminationMessagePolicy: "FallbackToLogsOnError" }],
        restartPolicy: "Always",
        terminationGracePeriodSeconds: 5,
        dnsPolicy: "Default",
      },
    };
    defaultPodTemplateSpec(tpl);
    expect(tpl.spec.terminationGracePeriodSeconds).toBe(5);
    expect(tpl.spec.dnsPolicy).toBe("Default");
    expect(tpl.spec.containers[0]!.imagePullPolicy).toBe("Never");
    expect(tpl.spec.containers[0]!.terminationMessagePolicy).toBe("FallbackToLogsOnError");
  });
});

describe("container details", () => {
  const defaulted = (c: Record<string, unknown>) => {
    const tpl = { spec: { containers: [{ name: "c", image: "nginx:1.27", ...c }] } } as PodTemplateSpec;
    defaultPodTemplateSpec(tpl);
    return tpl.spec.containers[0]!;
  };

  it("ports default to TCP", () => {
    expect(defaulted({ ports: [{ containerPort: 80 }] }).ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
  });

  it("probes get timeouts, thresholds, and httpGet path and scheme", () => {
    expect(defaulted({ livenessProbe: { httpGet: { port: 8080 } } }).livenessProbe).toEqual({
      httpGet: { port: 8080, path: "/", scheme: "HTTP" },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it("grpc probes get an empty service", () => {
    expect(defaulted({ readinessProbe: { grpc: { port: 9090 } } }).readinessProbe?.grpc).toEqual({ port: 9090, service: "" });
  });

  it("lifecycle httpGet hooks get path and scheme", () => {
    expect(defaulted({ lifecycle: { preStop: { httpGet: { port: 80 } } } }).lifecycle).toEqual({ preStop: { httpGet: { port: 80, path: "/", scheme: "HTTP" } } });
  });

  it("downward API env vars get apiVersion v1", () => {
    expect(defaulted({ env: [{ name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }).env).toEqual([
      { name: "POD", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
    ]);
  });

  it("quantities come back canonical", () => {
    expect(defaulted({ resources: { requests: { cpu: "0.25", memory: "1024Mi" }, limits: { memory: "1.5Gi", cpu: 1 } } }).resources).toEqual({
      requests: { cpu: "250m", memory: "1Gi" },
      limits: { memory: "1536Mi", cpu: "1" },
    });
  });
});

describe("volume defaults", () => {
  const volumes = (vols: Record<string, unknown>[]) => {
    const tpl = { spec: { containers: [{ name: "c", image: "x" }], volumes: vols } } as PodTemplateSpec;
    defaultPodTemplateSpec(tpl);
    return tpl.spec.volumes;
  };

  it("a volume with no source is an emptyDir", () => {
    expect(volumes([{ name: "scratch" }])).toEqual([{ name: "scratch", emptyDir: {} }]);
  });

  it("configMap, secret, downwardAPI and projected get defaultMode 420; hostPath gets an empty type", () => {
    expect(
      volumes([
        { name: "a", configMap: { name: "cfg" } },
        { name: "b", secret: { secretName: "s" } },
        { name: "c", hostPath: { path: "/var/log" } },
        { name: "d", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
        { name: "e", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } },
      ]),
    ).toEqual([
      { name: "a", configMap: { name: "cfg", defaultMode: 420 } },
      { name: "b", secret: { secretName: "s", defaultMode: 420 } },
      { name: "c", hostPath: { path: "/var/log", type: "" } },
      { name: "d", downwardAPI: { items: [{ path: "labels", fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels" } }], defaultMode: 420 } },
      { name: "e", projected: { sources: [{ serviceAccountToken: { path: "token", expirationSeconds: 3600 } }], defaultMode: 420 } },
    ]);
  });
});

describe("defaultPod: Pod-only rules on top of the spec defaults", () => {
  it("enableServiceLinks, and requests copied from limits", () => {
    const pod: Pod = {
      metadata: { name: "p" },
      spec: { containers: [{ name: "c", image: "busybox", resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "100m" } } }] },
    };
    defaultPod(pod);
    expect(pod.spec.enableServiceLinks).toBe(true);
    expect(pod.spec.containers[0]!.resources).toEqual({ limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "100m", memory: "128Mi" } });
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe("Always");
  });

  it("hostNetwork pods get hostPort = containerPort", () => {
    const pod: Pod = { metadata: { name: "p" }, spec: { hostNetwork: true, containers: [{ name: "c", image: "x", ports: [{ containerPort: 8080 }] }] } };
    defaultPod(pod);
    expect(pod.spec.containers[0]!.ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: "TCP" }]);
  });

  it("the deprecated serviceAccount field mirrors serviceAccountName", () => {
    const a: Pod = { metadata: {}, spec: { serviceAccountName: "builder", containers: [] } };
    defaultPod(a);
    expect(a.spec.serviceAccount).toBe("builder");
    const b: Pod = { metadata: {}, spec: { serviceAccount: "legacy", containers: [] } };
    defaultPod(b);
    expect(b.spec.serviceAccountName).toBe("legacy");
  });
});
