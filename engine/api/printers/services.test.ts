import { describe, expect, it } from "vitest";
import type { Service, ServiceSpec, ServiceStatus } from "../types.ts";
import { serviceColumns, serviceTable } from "./services.ts";

const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);

function svc(spec: ServiceSpec, status: ServiceStatus = { loadBalancer: {} }): Service {
  return { metadata: { name: "s", creationTimestamp: "2026-01-05T09:00:00Z" }, spec, status };
}

describe("service table (printers.go printService)", () => {
  it("has the 1.32 columns", () => {
    expect(serviceColumns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0",
      "Type:0",
      "Cluster-IP:0",
      "External-IP:0",
      "Port(s):0",
      "Age:0",
      "Selector:1",
    ]);
  });

  const cases: [string, Service, unknown[]][] = [
    [
      "ClusterIP",
      svc({ type: "ClusterIP", clusterIP: "10.96.4.5", clusterIPs: ["10.96.4.5"], ports: [{ port: 80, protocol: "TCP" }], selector: { tier: "b", app: "a" } }),
      ["s", "ClusterIP", "10.96.4.5", "<none>", "80/TCP", "60m", "app=a,tier=b"],
    ],
    [
      "NodePort with several ports and external IPs",
      svc({
        type: "NodePort",
        clusterIPs: ["10.96.4.5"],
        externalIPs: ["192.0.2.1", "192.0.2.2"],
        ports: [
          { port: 80, nodePort: 30080, protocol: "TCP" },
          { port: 53, protocol: "UDP" },
        ],
      }),
      ["s", "NodePort", "10.96.4.5", "192.0.2.1,192.0.2.2", "80:30080/TCP,53/UDP", "60m", "<none>"],
    ],
    ["LoadBalancer waiting for its balancer", svc({ type: "LoadBalancer", clusterIPs: ["10.96.4.5"], ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }] }), ["s", "LoadBalancer", "10.96.4.5", "<pending>", "80:31000/TCP", "60m", "<none>"]],
    [
      "LoadBalancer with ingress: sorted, unique, hostnames when no IP, then external IPs",
      svc(
        { type: "LoadBalancer", clusterIPs: ["10.96.4.5"], externalIPs: ["192.0.2.9"], ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }] },
        { loadBalancer: { ingress: [{ ip: "203.0.113.9" }, { hostname: "lb.example.com" }, { ip: "203.0.113.10" }, { ip: "203.0.113.9" }] } },
      ),
      ["s", "LoadBalancer", "10.96.4.5", "203.0.113.10,203.0.113.9,lb.example.com,192.0.2.9", "80:31000/TCP", "60m", "<none>"],
    ],
    ["ExternalName", svc({ type: "ExternalName", externalName: "db.example.com" }), ["s", "ExternalName", "<none>", "db.example.com", "<none>", "60m", "<none>"]],
    ["headless without ports", svc({ type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"] }), ["s", "ClusterIP", "None", "<none>", "<none>", "60m", "<none>"]],
  ];
  it.each(cases)("%s", (_name, s, cells) => {
    expect(serviceTable.cells(s, NOW)).toEqual(cells);
  });
});
