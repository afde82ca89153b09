// The EndpointSlice and Endpoints controllers, from upstream behaviour
// (pkg/controller/endpointslice, k8s.io/endpointslice reconciler,
// pkg/controller/endpoint, 1.32): which pods become endpoints, with which
// conditions and ports, how slices are named, split and reused, and how both
// follow a Deployment through scaling and a rolling update.
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import type { DiscoveryEndpoint, EndpointSlice, Endpoints, Service } from "../../engine/api/types.ts";
import { clusterWith, deployment, podsOf, setImage } from "./helpers.ts";

function service(name = "web", spec: Partial<Service["spec"]> = {}, labels: Record<string, string> = { app: name }): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, labels },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }], ...spec },
  };
}

function slicesOf(cluster: Cluster, name = "web"): EndpointSlice[] {
  return cluster.api.list("endpointslices", { namespace: "default", labelSelector: `kubernetes.io/service-name=${name}` }).items;
}

function endpointsOf(cluster: Cluster, name = "web"): Endpoints | undefined {
  return cluster.api.find("endpoints", "default", name);
}

/** Every endpoint of a service's slices, as `pod ready/serving/terminating`. */
function conditions(cluster: Cluster, name = "web"): string[] {
  return slicesOf(cluster, name)
    .flatMap((s) => s.endpoints ?? [])
    .map((e) => `${e.targetRef?.name} ${e.conditions?.ready}/${e.conditions?.serving}/${e.conditions?.terminating}`)
    .sort();
}

function addresses(ep: Endpoints | undefined, field: "addresses" | "notReadyAddresses"): string[] {
  return (ep?.subsets ?? []).flatMap((s) => (s[field] ?? []).map((a) => a.ip));
}

function withService(replicas: number, spec: Partial<Service["spec"]> = {}): Cluster {
  const cluster = clusterWith(deployment({ replicas }));
  cluster.api.create("services", service("web", spec));
  cluster.settle();
  return cluster;
}

describe("EndpointSlice controller", () => {
  it("gives a Service without pods one placeholder slice, named from the Service, owned by it", () => {
    const cluster = clusterWith(deployment({ replicas: 0 }));
    const svc = cluster.api.create("services", service("web"));
    cluster.settle();
    const [slice, ...more] = slicesOf(cluster);
    expect(more).toEqual([]);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.generateName).toBe("web-");
    expect(slice!.metadata.labels).toEqual({
      app: "web",
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
      "kubernetes.io/service-name": "web",
    });
    expect(slice!.metadata.ownerReferences).toEqual([
      { apiVersion: "v1", kind: "Service", name: "web", uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(slice!.metadata.annotations).toEqual({ "endpoints.kubernetes.io/last-change-trigger-time": svc.metadata.creationTimestamp });
    expect([slice!.addressType, slice!.endpoints, slice!.ports]).toEqual(["IPv4", undefined, undefined]);
    expect(cluster.errors).toEqual([]);
  });

  it("lists every pod with an IP: ready, serving, not terminating once ready; ports from the target port", () => {
    const cluster = withService(3);
    const [slice] = slicesOf(cluster);
    expect(slice!.ports).toEqual([{ name: "", port: 80, protocol: "TCP" }]);
    const pods = podsOf(cluster, deployment());
    expect(slice!.endpoints!.map((e) => e.targetRef!.name).sort()).toEqual(pods.map((p) => p.metadata.name).sort());
    for (const e of slice!.endpoints!) {
      const pod = pods.find((p) => p.metadata.name === e.targetRef!.name)!;
      expect(e).toEqual({
        addresses: [pod.status!.podIP!],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: pod.spec.nodeName,
        targetRef: { kind: "Pod", namespace: "default", name: pod.metadata.name, uid: pod.metadata.uid },
      } satisfies DiscoveryEndpoint);
    }
    expect(cluster.idle()).toBe(true);
  });

  it("reuses the placeholder's name when the first pods arrive, and moves generation with each change", () => {
    const cluster = clusterWith(deployment({ replicas: 0 }));
    cluster.api.create("services", service("web"));
    cluster.settle();
    const [placeholder] = slicesOf(cluster);
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 2 } });
    cluster.settle();
    const [slice, ...more] = slicesOf(cluster);
    expect(more).toEqual([]);
    expect(slice!.metadata.name).toBe(placeholder!.metadata.name);
    expect(slice!.metadata.uid).toBe(placeholder!.metadata.uid);
    expect(slice!.metadata.generation).toBeGreaterThan(1);
    expect(slice!.endpoints).toHaveLength(2);
  });

  it("lists a pod that is not ready yet as ready false, serving false", () => {
    const cluster = clusterWith(deployment({ replicas: 0 }));
    cluster.api.create("services", service("web"));
    cluster.settle();
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 1 } });
    const seen = new Set<string>();
    cluster.api.watch("endpointslices", {}, (e) => {
      for (const ep of e.object.endpoints ?? []) seen.add(`${ep.conditions?.ready}/${ep.conditions?.serving}/${ep.conditions?.terminating}`);
    });
    cluster.settle();
    expect([...seen]).toEqual(["false/false/false", "true/true/false"]);
  });

  it("keeps terminating pods, ready false and terminating true, until they are gone (scale-down)", () => {
    const cluster = withService(3);
    const terminating = new Set<string>();
    let endpointsListedTerminating = false;
    cluster.api.watch("endpointslices", { labelSelector: "kubernetes.io/service-name=web" }, (e) => {
      for (const ep of e.object.endpoints ?? []) {
        if (ep.conditions?.terminating) terminating.add(`${ep.targetRef!.name} ${ep.conditions.ready}/${ep.conditions.terminating}`);
      }
    });
    cluster.api.watch("endpoints", {}, (e) => {
      const listed = new Set(addresses(e.object, "addresses").concat(addresses(e.object, "notReadyAddresses")));
      for (const pod of cluster.api.list("pods", { namespace: "default" }).items) {
        if (pod.metadata.deletionTimestamp && listed.has(pod.status?.podIP ?? "")) endpointsListedTerminating = true;
      }
    });
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 1 } });
    cluster.settle();
    expect([...terminating].map((s) => s.split(" ")[1])).toEqual(["false/true", "false/true"]);
    // The Endpoints object drops a pod as soon as it terminates.
    expect(endpointsListedTerminating).toBe(false);
    expect(conditions(cluster)).toHaveLength(1);
    expect(addresses(endpointsOf(cluster), "addresses")).toHaveLength(1);
  });

  it("follows a rolling update: new pods join, old ones terminate and leave", () => {
    const d = deployment({ replicas: 3 });
    const cluster = clusterWith(d);
    cluster.api.create("services", service("web"));
    cluster.settle();
    const before = podsOf(cluster, d).map((p) => p.metadata.name!);
    const seen = new Map<string, Set<string>>();
    cluster.api.watch("endpointslices", { labelSelector: "kubernetes.io/service-name=web" }, (e) => {
      for (const ep of e.object.endpoints ?? []) {
        const name = ep.targetRef!.name!;
        if (!seen.has(name)) seen.set(name, new Set());
        seen.get(name)!.add(`${ep.conditions?.ready}/${ep.conditions?.serving}/${ep.conditions?.terminating}`);
      }
    });
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle();
    const after = podsOf(cluster, d).map((p) => p.metadata.name!);
    expect(after.some((n) => before.includes(n))).toBe(false);
    for (const name of before) expect([...seen.get(name)!].some((s) => s.startsWith("false/") && s.endsWith("/true"))).toBe(true);
    for (const name of after) expect(seen.get(name)).toEqual(new Set(["false/false/false", "true/true/false"]));
    expect(conditions(cluster).map((s) => s.split(" ")[0]).sort()).toEqual([...after].sort());
    expect(addresses(endpointsOf(cluster), "addresses")).toHaveLength(3);
    expect(slicesOf(cluster)).toHaveLength(1);
    expect(cluster.errors).toEqual([]);
  });

  it("empties the slice (keeping it as the placeholder) when the selector stops matching", () => {
    const cluster = withService(2);
    const [slice] = slicesOf(cluster);
    cluster.api.patch("services", "default", "web", "merge", { spec: { selector: { app: "other" } } });
    cluster.settle();
    const [after, ...more] = slicesOf(cluster);
    expect(more).toEqual([]);
    expect(after!.metadata.name).toBe(slice!.metadata.name);
    expect([after!.endpoints, after!.ports]).toEqual([undefined, undefined]);
    expect(endpointsOf(cluster)!.subsets).toBeUndefined();
    cluster.api.patch("services", "default", "web", "merge", { spec: { selector: { app: "web" } } });
    cluster.settle();
    expect(conditions(cluster)).toHaveLength(2);
  });

  it("copies the Service's labels and marks a headless Service", () => {
    const cluster = withService(1, { clusterIP: "None" });
    const [slice] = slicesOf(cluster);
    expect(slice!.metadata.labels?.["service.kubernetes.io/headless"]).toBe("");
    expect(endpointsOf(cluster)!.metadata.labels).toEqual({ app: "web", "service.kubernetes.io/headless": "" });
    cluster.api.patch("services", "default", "web", "merge", { metadata: { labels: { app: "web", tier: "front" } } });
    cluster.settle();
    expect(slicesOf(cluster)[0]!.metadata.labels?.tier).toBe("front");
    expect(endpointsOf(cluster)!.metadata.labels?.tier).toBe("front");
  });

  it("resolves a named target port against the containers' ports", () => {
    const d = deployment({ replicas: 2 });
    d.spec.template.spec.containers[0]!.ports = [{ name: "http", containerPort: 8080 }];
    const cluster = clusterWith(d);
    cluster.api.create("services", service("web", { ports: [{ name: "web", port: 80, targetPort: "http" }] }));
    cluster.settle();
    const [slice] = slicesOf(cluster);
    expect(slice!.ports).toEqual([{ name: "web", port: 8080, protocol: "TCP" }]);
    expect(endpointsOf(cluster)!.subsets![0]!.ports).toEqual([{ name: "web", port: 8080, protocol: "TCP" }]);
    expect(slice!.endpoints).toHaveLength(2);
  });

  it("gives pods without the named port a slice of their own, with no ports, and leaves them out of Endpoints", () => {
    const cluster = withService(2, { ports: [{ port: 80, targetPort: "http" }] });
    const [slice, ...more] = slicesOf(cluster);
    expect(more).toEqual([]);
    expect(slice!.ports).toBeUndefined();
    expect(slice!.endpoints).toHaveLength(2);
    expect(endpointsOf(cluster)!.subsets).toBeUndefined();
  });

  it("splits more than 100 endpoints over slices of at most 100", () => {
    const cluster = withService(105);
    const slices = slicesOf(cluster);
    expect(slices.map((s) => s.endpoints!.length).sort((a, b) => b - a)).toEqual([100, 5]);
    expect(addresses(endpointsOf(cluster), "addresses")).toHaveLength(105);
    expect(cluster.errors).toEqual([]);
  });

  it("garbage-collects the slices and deletes the Endpoints with the Service", () => {
    const cluster = withService(2);
    cluster.api.delete("services", "default", "web");
    cluster.settle();
    expect(slicesOf(cluster)).toEqual([]);
    expect(endpointsOf(cluster)).toBeUndefined();
  });

  it("puts back a slice deleted by hand", () => {
    const cluster = withService(2);
    const [slice] = slicesOf(cluster);
    cluster.api.delete("endpointslices", "default", slice!.metadata.name!);
    cluster.settle();
    const [again] = slicesOf(cluster);
    expect(again!.metadata.name).not.toBe(slice!.metadata.name);
    expect(again!.endpoints).toHaveLength(2);
  });

  it("publishes not-ready pods as ready when the Service asks for it", () => {
    const cluster = clusterWith(deployment({ replicas: 0 }));
    cluster.api.create("services", service("web", { publishNotReadyAddresses: true }));
    cluster.settle();
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 1 } });
    let notReadyPublished = false;
    cluster.api.watch("endpoints", {}, (e) => {
      if (e.object.metadata.name === "web" && (e.object.subsets?.[0]?.addresses?.length ?? 0) > 0) {
        const pod = cluster.api.list("pods", { namespace: "default" }).items[0]!;
        if (!pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")) notReadyPublished = true;
      }
    });
    cluster.settle();
    expect(notReadyPublished).toBe(true);
    expect(conditions(cluster)[0]).toMatch(/ true\/true\/false$/);
  });

  it("ignores ExternalName Services and Services without a selector", () => {
    const cluster = clusterWith(deployment({ replicas: 1 }));
    cluster.api.create("services", service("ext", { type: "ExternalName", externalName: "example.com", ports: [] }));
    cluster.api.create("services", { ...service("manual"), spec: { ports: [{ port: 80 }] } });
    cluster.settle();
    expect(slicesOf(cluster, "ext")).toEqual([]);
    expect(slicesOf(cluster, "manual")).toEqual([]);
    expect(endpointsOf(cluster, "ext")).toBeUndefined();
    expect(endpointsOf(cluster, "manual")).toBeUndefined();
  });

  it("is deterministic: the same steps give the same names, versions and objects", () => {
    const run = () => {
      const cluster = withService(3);
      setImage(cluster, "web", "nginx:1.16.1");
      cluster.settle();
      return JSON.stringify([slicesOf(cluster), endpointsOf(cluster)]);
    };
    expect(run()).toBe(run());
  });
});

describe("Endpoints controller", () => {
  it("lists ready pods in addresses and the others in notReadyAddresses, sorted by IP, with one port", () => {
    const cluster = clusterWith(deployment({ replicas: 0 }));
    cluster.api.create("services", service("web"));
    cluster.settle();
    expect(endpointsOf(cluster)!.subsets).toBeUndefined();
    cluster.api.patch("deployments", "default", "web", "merge", { spec: { replicas: 3 } });
    let sawNotReady = false;
    cluster.api.watch("endpoints", {}, (e) => {
      if (e.object.metadata.name === "web" && (e.object.subsets ?? []).some((s) => s.notReadyAddresses?.length)) sawNotReady = true;
    });
    cluster.settle();
    expect(sawNotReady).toBe(true);
    const ep = endpointsOf(cluster)!;
    expect(ep.subsets).toHaveLength(1);
    const ips = addresses(ep, "addresses");
    expect(ips).toEqual([...ips].sort());
    expect(ep.subsets![0]!.ports).toEqual([{ port: 80, protocol: "TCP" }]);
    expect(ep.metadata.ownerReferences).toBeUndefined();
    expect(ep.metadata.annotations?.["endpoints.kubernetes.io/last-change-trigger-time"]).toMatch(/^2026-01-05T09:0\d:\d\dZ$/);
  });
});

describe("the kubernetes Service's endpoints", () => {
  it("point at the control plane on 6443 from the start, and come back 10s after a delete", () => {
    const cluster = clusterWith(deployment({ replicas: 0 }));
    const ep = endpointsOf(cluster, "kubernetes")!;
    expect(ep.metadata.labels).toEqual({ "endpointslice.kubernetes.io/skip-mirror": "true" });
    expect(ep.subsets).toEqual([{ addresses: [{ ip: "172.18.0.2" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }]);
    const slice = cluster.api.get("endpointslices", "default", "kubernetes");
    expect(slice.endpoints).toEqual([{ addresses: ["172.18.0.2"], conditions: { ready: true } }]);
    cluster.api.delete("endpoints", "default", "kubernetes");
    cluster.advance(9000);
    expect(endpointsOf(cluster, "kubernetes")).toBeUndefined();
    cluster.advance(1000);
    expect(endpointsOf(cluster, "kubernetes")!.subsets).toEqual(ep.subsets);
    expect(cluster.idle()).toBe(true);
  });
});
