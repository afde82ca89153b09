// Cluster DNS as CoreDNS answers it on a kubeadm cluster, from the Services and
// EndpointSlices of the moment (the Kubernetes DNS specification).
import { describe, expect, it } from "vitest";
import type { Pod, Service } from "../api/types.ts";
import { clusterWith, deployment, podsOf, setImage } from "../../test/engine/helpers.ts";
import { dnsRecords, lookupHost, resolveName } from "./records.ts";

function service(name: string, spec: Partial<Service["spec"]>, selector: Record<string, string> | undefined = { app: "web" }): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name }, spec: { ...(selector ? { selector } : {}), ...spec } };
}

function setup() {
  const cluster = clusterWith(deployment({ replicas: 3 }));
  cluster.api.create("services", service("web", { ports: [{ name: "http", port: 80, targetPort: 80 }] }));
  cluster.api.create("services", service("nginx", { clusterIP: "None", ports: [{ name: "web", port: 80 }] }));
  cluster.api.create("services", service("ext", { type: "ExternalName", externalName: "example.com" }, undefined));
  cluster.settle();
  const web = cluster.api.get("services", "default", "web") as Service;
  const ips = () => podsOf(cluster, cluster.api.get("deployments", "default", "web")).map((p) => p.status?.podIP).sort();
  return { cluster, web, ips };
}

describe("cluster DNS", () => {
  it("answers a Service's name from the pod's namespace, the search path applied", () => {
    const { cluster, web } = setup();
    const ip = web.spec.clusterIP!;
    for (const name of ["web", "web.default", "web.default.svc", "web.default.svc.cluster.local", "WEB.default.svc.cluster.local."]) {
      expect(lookupHost(cluster.api, name, "default")).toMatchObject({ addresses: [ip], notFound: false, name: "web.default.svc.cluster.local" });
    }
    expect(lookupHost(cluster.api, "kubernetes.default", "kube-system").addresses).toEqual(["10.96.0.1"]);
    // Another namespace needs the Service's namespace in the name.
    expect(lookupHost(cluster.api, "web", "kube-system").notFound).toBe(true);
    expect(lookupHost(cluster.api, "web.default", "kube-system").addresses).toEqual([ip]);
    expect(lookupHost(cluster.api, "nope", "default")).toMatchObject({ notFound: true, addresses: [] });
  });

  it("gives a headless Service one address per ready endpoint, following a rolling update", () => {
    const { cluster, ips } = setup();
    expect(lookupHost(cluster.api, "nginx", "default").addresses.sort()).toEqual(ips());
    setImage(cluster, "web", "nginx:1.16.1");
    // Part way: only ready pods answer.
    cluster.advance(3_000);
    const ready = cluster.api
      .list("pods", { namespace: "default" })
      .items.filter((p: Pod) => p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") && !p.metadata.deletionTimestamp)
      .map((p: Pod) => p.status!.podIP!)
      .sort();
    expect(lookupHost(cluster.api, "nginx", "default").addresses.sort()).toEqual(ready);
    cluster.settle();
    expect(lookupHost(cluster.api, "nginx", "default").addresses.sort()).toEqual(ips());
  });

  it("names a headless endpoint with a hostname (a pod with hostname and subdomain)", () => {
    const { cluster } = setup();
    cluster.api.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "db-0", labels: { app: "web" } },
      spec: { hostname: "db-0", subdomain: "nginx", containers: [{ name: "c", image: "nginx:1.25" }] },
    } as Pod);
    cluster.settle();
    const ip = cluster.api.get("pods", "default", "db-0").status!.podIP!;
    expect(lookupHost(cluster.api, "db-0.nginx", "default").addresses).toEqual([ip]);
    expect(resolveName(cluster.api, "db-0.nginx.default.svc.cluster.local").addresses).toEqual([ip]);
    const srv = dnsRecords(cluster.api, "default").filter((r) => r.type === "SRV" && r.name === "_web._tcp.nginx.default.svc.cluster.local");
    expect(srv.map((r) => r.value)).toContain("db-0.nginx.default.svc.cluster.local");
  });

  it("answers an ExternalName Service with a CNAME, and pod names with their address", () => {
    const { cluster } = setup();
    expect(lookupHost(cluster.api, "ext", "default")).toMatchObject({ cname: "example.com", addresses: [], notFound: false });
    expect(lookupHost(cluster.api, "10-244-1-7.default.pod", "default").addresses).toEqual(["10.244.1.7"]);
    expect(resolveName(cluster.api, "10-244-1-300.default.pod.cluster.local").notFound).toBe(true);
  });

  it("lists SRV records for a ClusterIP Service's named ports", () => {
    const { cluster, web } = setup();
    expect(dnsRecords(cluster.api, "default").filter((r) => r.name.includes("web.default"))).toEqual([
      { name: "web.default.svc.cluster.local", type: "A", value: web.spec.clusterIP },
      { name: "_http._tcp.web.default.svc.cluster.local", type: "SRV", value: "web.default.svc.cluster.local", port: 80 },
    ]);
  });
});
