import { describe, expect, it } from "vitest";
import type { Pod } from "../types.ts";
import { admitPod, admitPodUpdate } from "./admission.ts";
import { defaultPod } from "./pod.ts";

const suffix = () => "9xmkr";

// The spec of `kubectl run nginx --image=nginx` on a 1.32 cluster (before
// scheduling), as `kubectl get pod -o yaml` shows it.
const REAL_POD_SPEC = {
  containers: [
    {
      image: "nginx",
      imagePullPolicy: "Always",
      name: "nginx",
      resources: {},
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
      volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: "kube-api-access-9xmkr", readOnly: true }],
    },
  ],
  dnsPolicy: "ClusterFirst",
  enableServiceLinks: true,
  preemptionPolicy: "PreemptLowerPriority",
  priority: 0,
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  serviceAccount: "default",
  serviceAccountName: "default",
  terminationGracePeriodSeconds: 30,
  tolerations: [
    { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
    { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
  ],
  volumes: [
    {
      name: "kube-api-access-9xmkr",
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
          { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
        ],
      },
    },
  ],
};

function created(spec: Pod["spec"], opts?: Parameters<typeof admitPod>[2]): { pod: Pod; refused?: string } {
  const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "nginx", namespace: "default", labels: { run: "nginx" } }, spec };
  defaultPod(pod);
  const refused = admitPod(pod, suffix, opts);
  return { pod, refused };
}

describe("admitPod", () => {
  it("turns `kubectl run nginx --image=nginx` into the pod a real cluster stores", () => {
    const { pod, refused } = created({ containers: [{ name: "nginx", image: "nginx", resources: {} }] });
    expect(refused).toBeUndefined();
    expect(pod.spec).toEqual(REAL_POD_SPEC);
  });

  it("mounts the token into init containers too, and keeps an existing mount at the path", () => {
    const { pod } = created({
      initContainers: [{ name: "init", image: "busybox" }],
      containers: [{ name: "app", image: "busybox", volumeMounts: [{ name: "own", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }] }],
      volumes: [{ name: "own", emptyDir: {} }],
    });
    expect(pod.spec.initContainers![0]!.volumeMounts).toEqual([
      { mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: "kube-api-access-9xmkr", readOnly: true },
    ]);
    expect(pod.spec.containers[0]!.volumeMounts).toEqual([{ name: "own", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }]);
    expect(pod.spec.volumes!.map((v) => v.name)).toEqual(["own", "kube-api-access-9xmkr"]);
  });

  it("automountServiceAccountToken: false adds no volume, but still names the service account", () => {
    const { pod } = created({ automountServiceAccountToken: false, containers: [{ name: "app", image: "busybox" }] });
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod.spec.containers[0]!.volumeMounts).toBeUndefined();
    expect(pod.spec.serviceAccountName).toBe("default");
  });

  it("a toleration with an empty key (or effect) already covers the defaults", () => {
    const { pod } = created({ tolerations: [{ operator: "Exists" }], containers: [{ name: "app", image: "busybox" }] });
    expect(pod.spec.tolerations).toEqual([{ operator: "Exists" }]);
    const other = created({
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }],
      containers: [{ name: "app", image: "busybox" }],
    });
    expect(other.pod.spec.tolerations).toEqual([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 },
      { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
    ]);
  });

  it("a built-in priority class sets the priority", () => {
    const { pod } = created({ priorityClassName: "system-node-critical", containers: [{ name: "app", image: "busybox" }] });
    expect(pod.spec.priority).toBe(2000001000);
    expect(pod.spec.preemptionPolicy).toBe("PreemptLowerPriority");
  });

  it("refuses unknown priority classes and hand-set priorities", () => {
    expect(created({ priorityClassName: "gold", containers: [{ name: "a", image: "b" }] }).refused).toBe("no PriorityClass with name gold was found");
    expect(created({ priority: 5, containers: [{ name: "a", image: "b" }] }).refused).toBe(
      "the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name",
    );
  });

  it("on update the default tolerations come back and priority is kept", () => {
    const { pod: old } = created({ containers: [{ name: "a", image: "b" }] });
    const next = structuredClone(old);
    delete next.spec.tolerations;
    delete next.spec.priority;
    admitPodUpdate(next, old);
    expect(next.spec.tolerations).toEqual(old.spec.tolerations);
    expect(next.spec.priority).toBe(0);
  });
});
