import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "../types.ts";
import { defaultDeployment, defaultReplicaSet } from "./apps.ts";

const KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";

// `kubectl get deploy nginx -o yaml` after `kubectl create deployment nginx --image=nginx` (1.32)
const REAL_SPEC = {
  progressDeadlineSeconds: 600,
  replicas: 1,
  revisionHistoryLimit: 10,
  selector: { matchLabels: { app: "nginx" } },
  strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" }, type: "RollingUpdate" },
  template: {
    metadata: { creationTimestamp: null, labels: { app: "nginx" } },
    spec: {
      containers: [
        {
          image: "nginx",
          imagePullPolicy: "Always",
          name: "nginx",
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  },
};

// What kubectl itself sends for that command (checked against the binary below).
const CLIENT_OBJECT = {
  kind: "Deployment",
  apiVersion: "apps/v1",
  metadata: { name: "nginx", creationTimestamp: null, labels: { app: "nginx" } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "nginx" } },
    template: { metadata: { creationTimestamp: null, labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] } },
    strategy: {},
  },
  status: {},
};

describe("defaultDeployment", () => {
  it("turns kubectl's `create deployment` object into the spec a real cluster stores", () => {
    const d = structuredClone(CLIENT_OBJECT) as unknown as Deployment;
    defaultDeployment(d);
    expect(d.spec).toEqual(REAL_SPEC);
  });

  it.skipIf(!existsSync(KUBECTL))("CLIENT_OBJECT is what kubectl v1.32 sends (oracle)", () => {
    const out = execFileSync(KUBECTL, ["create", "deployment", "nginx", "--image=nginx", "--dry-run=client", "-o", "json", "--kubeconfig=/dev/null"], {
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual(CLIENT_OBJECT);
  });

  it("Recreate gets no rollingUpdate", () => {
    const d = { metadata: {}, spec: { selector: {}, template: { spec: { containers: [] } }, strategy: { type: "Recreate" } } } as unknown as Deployment;
    defaultDeployment(d);
    expect(d.spec.strategy).toEqual({ type: "Recreate" });
  });

  it("a partial rollingUpdate is completed, explicit values kept", () => {
    const d = { metadata: {}, spec: { selector: {}, template: { spec: { containers: [] } }, strategy: { rollingUpdate: { maxSurge: 1 } }, revisionHistoryLimit: 0 } } as unknown as Deployment;
    defaultDeployment(d);
    expect(d.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } });
    expect(d.spec.revisionHistoryLimit).toBe(0);
  });
});

describe("defaultReplicaSet", () => {
  it("replicas 1 and template defaults", () => {
    const rs = { metadata: { name: "r" }, spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "busybox:1.36" }] } } } } as ReplicaSet;
    defaultReplicaSet(rs);
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.template!.spec).toEqual({
      containers: [{ name: "c", image: "busybox:1.36", imagePullPolicy: "IfNotPresent", resources: {}, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File" }],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });
});
