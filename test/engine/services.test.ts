// Services in the engine, from upstream behaviour (pkg/apis/core/v1
// defaults.go, pkg/registry/core/service: storage/alloc.go, the bitmap
// allocators, strategy.go; pkg/apis/core/validation ValidateService):
// defaults, cluster IP and node port allocation and release, validation
// errors, what an update may and may not change.
import { describe, expect, it } from "vitest";
import { ApiError, createCluster, type Cluster } from "../../engine/index.ts";
import type { Service, ServiceSpec } from "../../engine/api/types.ts";

function service(name: string, spec: ServiceSpec, namespace = "default"): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec };
}

const PORT80 = { ports: [{ port: 80 }] };

function refusal(c: Cluster, svc: Service, dryRun = false): string {
  try {
    c.api.create("services", svc, { dryRun });
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
  return "created";
}

function ipNumber(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

describe("the kubernetes Service", () => {
  it("exists from cluster start in default, at 10.96.0.1, as the API server creates it", () => {
    const c = createCluster();
    const k = c.api.get("services", "default", "kubernetes");
    expect(k.metadata.labels).toEqual({ component: "apiserver", provider: "kubernetes" });
    expect(k.metadata.creationTimestamp).toBe("2026-01-05T08:55:00Z");
    expect(k.spec).toEqual({
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      sessionAffinity: "None",
      type: "ClusterIP",
    });
    expect(k.status).toEqual({ loadBalancer: {} });
  });
});

describe("defaults", () => {
  const cases: [string, ServiceSpec, Partial<ServiceSpec>][] = [
    [
      "a bare ClusterIP service",
      { selector: { app: "web" }, ports: [{ port: 80 }] },
      { type: "ClusterIP", sessionAffinity: "None", internalTrafficPolicy: "Cluster", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", ports: [{ port: 80, protocol: "TCP", targetPort: 80 }] },
    ],
    ["a named targetPort is kept", { ports: [{ port: 80, targetPort: "http" }] }, { ports: [{ port: 80, protocol: "TCP", targetPort: "http" }] }],
    ["targetPort 0 means the port", { ports: [{ port: 8080, targetPort: 0, protocol: "UDP" }] }, { ports: [{ port: 8080, protocol: "UDP", targetPort: 8080 }] }],
    ["NodePort: externalTrafficPolicy Cluster", { type: "NodePort", ...PORT80 }, { externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster" }],
    ["LoadBalancer: allocateLoadBalancerNodePorts true", { type: "LoadBalancer", ...PORT80 }, { externalTrafficPolicy: "Cluster", allocateLoadBalancerNodePorts: true }],
    ["ClusterIP with external IPs is externally accessible", { externalIPs: ["192.0.2.1"], ...PORT80 }, { externalTrafficPolicy: "Cluster" }],
    ["ClientIP affinity gets a three-hour timeout", { sessionAffinity: "ClientIP", ...PORT80 }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
    ["headless with a selector: SingleStack", { clusterIP: "None", selector: { app: "x" } }, { clusterIP: "None", clusterIPs: ["None"], ipFamilyPolicy: "SingleStack", ipFamilies: ["IPv4"] }],
    ["headless without a selector: RequireDualStack", { clusterIP: "None" }, { ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4", "IPv6"] }],
  ];
  it.each(cases)("%s", (_name, spec, expected) => {
    const c = createCluster();
    const svc = c.api.create("services", service("s", spec));
    expect(svc.spec).toMatchObject(expected);
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it("ExternalName: no cluster IP, families, policy or internalTrafficPolicy", () => {
    const c = createCluster();
    const svc = c.api.create("services", service("db", { type: "ExternalName", externalName: "db.example.com" }));
    expect(svc.spec).toEqual({ type: "ExternalName", externalName: "db.example.com", sessionAffinity: "None" });
  });
});

describe("allocation", () => {
  it("cluster IPs come from 10.96.0.0/12 above the static block, deterministically per seed", () => {
    const ips = (seed: number) => {
      const c = createCluster({ seed });
      return ["a", "b", "c"].map((n) => c.api.create("services", service(n, PORT80)).spec.clusterIP!);
    };
    const first = ips(7);
    expect(ips(7)).toEqual(first);
    expect(ips(8)).not.toEqual(first);
    for (const ip of first) {
      // 10.96.0.1 + 256 .. 10.111.255.254: the first 256 addresses are kept for requests.
      expect(ipNumber(ip)).toBeGreaterThanOrEqual(ipNumber("10.96.1.1"));
      expect(ipNumber(ip)).toBeLessThanOrEqual(ipNumber("10.111.255.254"));
    }
    expect(new Set(first).size).toBe(3);
  });

  it("node ports come from 30000-32767 above the static block; ports sharing a number share a node port", () => {
    const c = createCluster();
    const svc = c.api.create(
      "services",
      service("np", { type: "NodePort", ports: [{ name: "tcp", port: 53 }, { name: "udp", port: 53, protocol: "UDP" }, { name: "web", port: 80 }] }),
    );
    const [tcp, udp, web] = svc.spec.ports!.map((p) => p.nodePort!);
    expect(tcp).toBe(udp);
    expect(web).not.toBe(tcp);
    for (const p of [tcp, web]) {
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
  });

  it("a LoadBalancer with allocateLoadBalancerNodePorts false gets none", () => {
    const c = createCluster();
    const svc = c.api.create("services", service("lb", { type: "LoadBalancer", allocateLoadBalancerNodePorts: false, ...PORT80 }));
    expect(svc.spec.ports![0]!.nodePort).toBeUndefined();
  });

  it("a LoadBalancer with externalTrafficPolicy Local gets a health check node port", () => {
    const c = createCluster();
    const svc = c.api.create("services", service("lb", { type: "LoadBalancer", externalTrafficPolicy: "Local", ...PORT80 }));
    expect(svc.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.spec.healthCheckNodePort).not.toBe(svc.spec.ports![0]!.nodePort);
  });

  it("requested values are honoured, and refused when taken or out of range", () => {
    const c = createCluster();
    const svc = c.api.create("services", service("a", { type: "NodePort", clusterIP: "10.96.0.10", ports: [{ port: 80, nodePort: 30080 }] }));
    expect(svc.spec.clusterIPs).toEqual(["10.96.0.10"]);
    expect(svc.spec.ports![0]!.nodePort).toBe(30080);
    const cases: [ServiceSpec, string][] = [
      [{ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }, 'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated'],
      [
        { type: "NodePort", ports: [{ port: 80, nodePort: 32768 }] },
        'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767',
      ],
      [
        { type: "NodePort", ports: [{ name: "a", port: 80, nodePort: 30100 }, { name: "b", port: 81, nodePort: 30100 }] },
        'Service "b" is invalid: spec.ports[1].nodePort: Invalid value: 30100: provided port is already allocated',
      ],
      [{ clusterIP: "10.96.0.10", ...PORT80 }, 'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated'],
      [{ clusterIP: "10.96.0.1", ...PORT80 }, 'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated'],
      [
        { clusterIP: "10.112.0.1", ...PORT80 },
        'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.112.0.1"}: failed to allocate IP 10.112.0.1: the provided IP (10.112.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      ],
      [
        { clusterIP: "10.111.255.255", ...PORT80 },
        'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.111.255.255"}: failed to allocate IP 10.111.255.255: the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      ],
      [{ clusterIPs: ["10.96.0.20"], ...PORT80 }, 'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.20"}: must be empty when `clusterIP` is not specified'],
      [{ ipFamilyPolicy: "RequireDualStack", ...PORT80 }, 'Service "b" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'],
      [{ ipFamilies: ["IPv6"], ...PORT80 }, 'Service "b" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'],
    ];
    for (const [spec, message] of cases) expect(refusal(c, service("b", spec))).toBe(message);
    // Nothing half-created: the refused requests took nothing.
    expect(c.api.list("services").items.map((s) => s.metadata.name)).toEqual(["a", "kubernetes"]);
    expect(refusal(c, service("b", { type: "NodePort", clusterIP: "10.96.0.11", ports: [{ port: 80, nodePort: 30081 }] }))).toBe("created");
  });

  it("deleting a Service releases its IP and node ports", () => {
    const c = createCluster();
    const spec: ServiceSpec = { type: "NodePort", clusterIP: "10.96.0.20", ports: [{ port: 80, nodePort: 30080 }] };
    c.api.create("services", service("a", spec));
    expect(refusal(c, service("b", spec))).toContain("provided");
    c.api.delete("services", "default", "a");
    expect(refusal(c, service("b", spec))).toBe("created");
  });

  it("a dry run answers placeholders and holds nothing", () => {
    const c = createCluster();
    const dry = c.api.create("services", service("a", { type: "NodePort", ports: [{ name: "a", port: 80 }, { name: "b", port: 81 }] }), { dryRun: true });
    expect(dry.spec.clusterIPs).toEqual(["10.96.0.0"]);
    expect(dry.spec.ports!.map((p) => p.nodePort)).toEqual([32769, 32770]);
    // A dry run checks the range of a requested IP, not whether it is taken.
    expect(refusal(c, service("b", { clusterIP: "10.96.0.1", ...PORT80 }), true)).toBe("created");
    expect(refusal(c, service("b", { clusterIP: "10.0.0.1", ...PORT80 }), true)).toContain("is not in the valid range");
    expect(c.api.list("services").items).toHaveLength(1);
  });
});

describe("validation", () => {
  const cases: [string, ServiceSpec, string[]][] = [
    ["unknown type", { type: "Foo", ...PORT80 }, ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ["no ports", { selector: { app: "x" } }, ["spec.ports: Required value"]],
    ["several ports need names", { ports: [{ port: 80 }, { port: 81 }] }, ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"]],
    ["port names are unique", { ports: [{ name: "http", port: 80 }, { name: "http", port: 81 }] }, ['spec.ports[1].name: Duplicate value: "http"']],
    [
      "a port name is a DNS label",
      { ports: [{ name: "Web", port: 80 }] },
      [
        "spec.ports[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      "port and protocol values",
      { ports: [{ port: 70000, protocol: "HTTP", targetPort: "no_such_name" }] },
      [
        "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
        'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        'spec.ports[0].targetPort: Invalid value: "no_such_name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      "the same port and protocol twice",
      { ports: [{ name: "a", port: 80 }, { name: "b", port: 80 }] },
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ],
    ["nodePort on a ClusterIP service", { ports: [{ port: 80, nodePort: 30001 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    [
      "selector labels",
      { selector: { app: "-x-" }, ...PORT80 },
      [
        "spec.selector: Invalid value: \"-x-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
    ["ExternalName needs externalName", { type: "ExternalName" }, ["spec.externalName: Required value"]],
    ["ExternalName may not have a cluster IP", { type: "ExternalName", externalName: "a.b", clusterIP: "10.96.0.5" }, ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"]],
    ["headless NodePort", { type: "NodePort", clusterIP: "None", ...PORT80 }, ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]],
    ["headless LoadBalancer", { type: "LoadBalancer", clusterIP: "None", ...PORT80 }, ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"]],
    ["a malformed cluster IP", { clusterIP: "10.96.0.300", clusterIPs: ["10.96.0.300"], type: "ExternalName", externalName: "x" }, ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"]],
    ["session affinity values", { sessionAffinity: "Sticky", ...PORT80 }, ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    [
      "affinity timeout range",
      { sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }, ...PORT80 },
      ["spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400"],
    ],
    ["externalTrafficPolicy on an internal service", { externalTrafficPolicy: "Local", ...PORT80 }, ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ["externalTrafficPolicy values", { type: "NodePort", externalTrafficPolicy: "Nearest", ...PORT80 }, ['spec.externalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"']],
    ["internalTrafficPolicy values", { internalTrafficPolicy: "Node", ...PORT80 }, ['spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"']],
    [
      "external IPs must be usable addresses",
      { externalIPs: ["nope", "127.0.0.1"], ...PORT80 },
      ['spec.externalIPs[0]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ],
    ["source ranges only for LoadBalancer", { loadBalancerSourceRanges: ["10.0.0.0/8"], ...PORT80 }, ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ["allocateLoadBalancerNodePorts only for LoadBalancer", { allocateLoadBalancerNodePorts: true, ...PORT80 }, ["spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ["loadBalancerClass only for LoadBalancer", { loadBalancerClass: "example.com/lb", ...PORT80 }, ["spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ["trafficDistribution values", { trafficDistribution: "Anywhere", ...PORT80 }, ['spec.trafficDistribution: Unsupported value: "Anywhere": supported values: "PreferClose"']],
  ];
  it.each(cases)("%s", (_name, spec, errors) => {
    const c = createCluster();
    // The Status message lists several errors as `[a, b]`; kubectl prints them as a bulleted list.
    const body = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
    expect(refusal(c, service("bad", spec))).toBe(`Service "bad" is invalid: ${body}`);
  });

  it("a Service name is a DNS-1035 label", () => {
    const c = createCluster();
    expect(refusal(c, service("1web", PORT80))).toBe(
      "Service \"1web\" is invalid: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  });
});

describe("updates", () => {
  function updateError(c: Cluster, name: string, change: (s: Service) => void): string {
    const svc = structuredClone(c.api.get("services", "default", name)) as Service;
    change(svc);
    try {
      c.api.update("services", svc);
    } catch (e) {
      if (e instanceof ApiError) return e.message;
      throw e;
    }
    return "updated";
  }

  it("spec.clusterIP may not change once set", () => {
    const c = createCluster();
    c.api.create("services", service("web", { clusterIP: "10.96.0.20", ...PORT80 }));
    expect(updateError(c, "web", (s) => (s.spec.clusterIP = "10.96.0.21"))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.21"}: may not change once set',
    );
  });

  it("a re-sent manifest without clusterIP or nodePort keeps what was allocated", () => {
    const c = createCluster();
    const before = c.api.create("services", service("np", { type: "NodePort", ports: [{ name: "http", port: 80 }] }));
    const resent = service("np", { type: "NodePort", ports: [{ name: "http", port: 80 }] });
    resent.metadata.resourceVersion = before.metadata.resourceVersion;
    const after = c.api.update("services", resent);
    expect(after.spec.clusterIPs).toEqual(before.spec.clusterIPs);
    expect(after.spec.ports![0]!.nodePort).toBe(before.spec.ports![0]!.nodePort);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it("NodePort to ClusterIP drops and releases the node ports; back again allocates new ones", () => {
    const c = createCluster();
    c.api.create("services", service("np", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }));
    expect(updateError(c, "np", (s) => (s.spec.type = "ClusterIP"))).toBe("updated");
    const clusterIP = c.api.get("services", "default", "np");
    expect(clusterIP.spec.ports).toEqual([{ port: 80, protocol: "TCP", targetPort: 80 }]);
    expect(clusterIP.spec.externalTrafficPolicy).toBeUndefined();
    expect(refusal(c, service("other", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }))).toBe("created");
    expect(updateError(c, "np", (s) => (s.spec.type = "NodePort"))).toBe("updated");
    const np = c.api.get("services", "default", "np");
    expect(np.spec.ports![0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports![0]!.nodePort).not.toBe(30080);
    expect(np.spec.externalTrafficPolicy).toBe("Cluster");
  });

  it("adding a taken node port is refused", () => {
    const c = createCluster();
    c.api.create("services", service("a", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }));
    c.api.create("services", service("b", { type: "NodePort", ...PORT80 }));
    expect(updateError(c, "b", (s) => (s.spec.ports![0]!.nodePort = 30080))).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it("ExternalName to ClusterIP allocates an IP; back to ExternalName releases it", () => {
    const c = createCluster();
    c.api.create("services", service("x", { type: "ExternalName", externalName: "db.example.com" }));
    expect(updateError(c, "x", (s) => ((s.spec.type = "ClusterIP"), (s.spec.ports = [{ port: 80 }]), (s.spec.clusterIP = "10.96.0.30")))).toBe("updated");
    expect(c.api.get("services", "default", "x").spec.clusterIPs).toEqual(["10.96.0.30"]);
    expect(refusal(c, service("y", { clusterIP: "10.96.0.30", ...PORT80 }))).toContain("provided IP is already allocated");
    expect(updateError(c, "x", (s) => (s.spec.type = "ExternalName"))).toBe("updated");
    const x = c.api.get("services", "default", "x");
    expect(x.spec.clusterIP).toBeUndefined();
    expect(x.spec.ipFamilies).toBeUndefined();
    expect(refusal(c, service("y", { clusterIP: "10.96.0.30", ...PORT80 }))).toBe("created");
  });
});
