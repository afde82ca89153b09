import { describe, expect, it } from "vitest";
import { createCluster } from "../../index.ts";
import type { StoreEvent } from "../../api/store.ts";
import type { KubeObject, Pod, Service } from "../../api/types.ts";
import { ServicePodIndex } from "./service-pods.ts";

const pod = (name: string, labels: Record<string, string>, extra: Partial<Pod["status"]> = {}, namespace = "default"): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace, labels, resourceVersion: "1" },
  spec: { containers: [{ name: "c" }] },
  status: { podIPs: [{ ip: "10.244.1.2" }], podIP: "10.244.1.2", ...extra },
});
const svc = (name: string, selector: Record<string, string> | undefined, type = "ClusterIP"): Service => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace: "default" },
  spec: { selector, type },
});
const ev = (type: StoreEvent["type"], resource: string, object: KubeObject, old?: KubeObject): StoreEvent => ({ type, resource, object, old, at: 0 });

describe("ServicePodIndex (GetPodServiceMemberships, GetServicesToUpdateOnPodChange)", () => {
  const index = () => {
    const i = new ServicePodIndex(createCluster({ nodes: 0 }).api);
    i.onService(ev("ADDED", "services", svc("web", { app: "web" })));
    i.onService(ev("ADDED", "services", svc("all", {})));
    i.onService(ev("ADDED", "services", svc("manual", undefined)));
    i.onService(ev("ADDED", "services", svc("ext", { app: "web" }, "ExternalName")));
    return i;
  };
  const ready = { conditions: [{ type: "Ready", status: "True" as const }] };

  it.each([
    ["a pod in a namespace without such Services: nothing to do", ev("ADDED", "pods", pod("a", { app: "web" }, {}, "dev")), []],
    ["a new pod: every Service that selects it (an empty selector selects all)", ev("ADDED", "pods", pod("a", { app: "web" })), ["web", "all"]],
    ["a pod another Service selects", ev("ADDED", "pods", pod("b", { app: "db" })), ["all"]],
    ["a status step that changes no endpoint", ev("MODIFIED", "pods", pod("a", { app: "web" }, { phase: "Running" }), pod("a", { app: "web" })), []],
    ["the pod turns ready", ev("MODIFIED", "pods", pod("a", { app: "web" }, ready), pod("a", { app: "web" })), ["web", "all"]],
    ["its labels change: only the Services it left or joined", ev("MODIFIED", "pods", pod("a", { app: "db" }), pod("a", { app: "web" })), ["web"]],
    ["the pod is deleted", ev("DELETED", "pods", pod("a", { app: "web" })), ["web", "all"]],
  ] as [string, StoreEvent, string[]][])("%s", (_n, e, want) => {
    const i = index();
    if (e.type !== "ADDED") i.onPod(ev("ADDED", "pods", (e.old ?? e.object) as Pod));
    expect(i.onPod(e) ?? []).toEqual(want);
  });

  it("keeps each Service's pods, following selector changes and deletions", () => {
    const i = index();
    i.onPod(ev("ADDED", "pods", pod("a", { app: "web" })));
    expect(i.pods("default", "web").map((p) => p.metadata.name)).toEqual(["a"]);
    expect(i.pods("default", "manual")).toEqual([]);
    i.onService(ev("DELETED", "services", svc("web", { app: "web" })));
    expect(i.pods("default", "web")).toEqual([]);
    i.onService(ev("DELETED", "services", svc("all", {})));
    expect(i.onPod(ev("ADDED", "pods", pod("b", { app: "web" })))).toBeUndefined();
  });
});
