import { describe, expect, it } from "vitest";
import type { EndpointAddress, EndpointPort, EndpointSubset } from "../../api/types.ts";
import { mergeUniform, repackSubsets, truncateSubsets } from "./subsets.ts";

const addr = (ip: string, uid = ip): EndpointAddress => ({ ip, nodeName: "node-1", targetRef: { kind: "Pod", namespace: "default", name: `p-${uid}`, uid } });
const port = (p: number, name?: string): EndpointPort => (name ? { name, port: p, protocol: "TCP" } : { port: p, protocol: "TCP" });
const ready = (ip: string, ...ports: EndpointPort[]): EndpointSubset => ({ addresses: [addr(ip)], ports });
const notReady = (ip: string, ...ports: EndpointPort[]): EndpointSubset => ({ notReadyAddresses: [addr(ip)], ports });

describe("repackSubsets (endpoints.RepackSubsets)", () => {
  it.each([
    [
      "one port: one subset, addresses sorted by IP as text",
      [ready("10.244.2.5", port(80)), notReady("10.244.1.9", port(80)), ready("10.244.10.1", port(80))],
      [{ addresses: [addr("10.244.10.1"), addr("10.244.2.5")], notReadyAddresses: [addr("10.244.1.9")], ports: [port(80)] }],
    ],
    [
      "two ports offered by every address share a subset",
      [ready("10.0.0.2", port(80, "web")), ready("10.0.0.2", port(9090, "metrics")), ready("10.0.0.1", port(80, "web")), ready("10.0.0.1", port(9090, "metrics"))],
      [{ addresses: [addr("10.0.0.1"), addr("10.0.0.2")], ports: [port(9090, "metrics"), port(80, "web")] }],
    ],
    [
      "addresses offering different ports get different subsets",
      [ready("10.0.0.1", port(80, "web")), ready("10.0.0.2", port(8080, "web"))],
      [
        { addresses: [addr("10.0.0.1")], ports: [port(80, "web")] },
        { addresses: [addr("10.0.0.2")], ports: [port(8080, "web")] },
      ],
    ],
    ["no ports (headless): addresses only", [{ addresses: [addr("10.0.0.3")], ports: [] }, { addresses: [addr("10.0.0.1")], ports: [] }], [{ addresses: [addr("10.0.0.1"), addr("10.0.0.3")] }]],
    ["nothing", [], []],
  ] as [string, EndpointSubset[], EndpointSubset[]][])("%s", (_n, input, want) => {
    expect(repackSubsets(input)).toEqual(want);
  });

  it("mergeUniform gives what repacking gives when every address offers the same ports", () => {
    const input = [
      ready("10.0.0.9", port(80, "web")), ready("10.0.0.9", port(9090, "metrics")),
      notReady("10.0.0.3", port(80, "web")), notReady("10.0.0.3", port(9090, "metrics")),
      ready("10.0.0.1", port(80, "web")), ready("10.0.0.1", port(9090, "metrics")),
    ];
    expect(mergeUniform(input)).toEqual(repackSubsets(input));
  });
});

describe("truncateSubsets (truncateEndpoints)", () => {
  const many = (n: number, from: number, make: (ip: string) => EndpointSubset) =>
    Array.from({ length: n }, (_, i) => make(`10.${Math.floor((from + i) / 250)}.${(from + i) % 250}.1`));

  it("leaves 1000 addresses alone", () => {
    const subsets = repackSubsets(many(1000, 0, (ip) => ready(ip, port(80))));
    expect(truncateSubsets(subsets)).toBe(false);
    expect(subsets[0]!.addresses).toHaveLength(1000);
  });

  it("over 1000 ready addresses: keeps 1000 ready, drops every not-ready one", () => {
    const subsets = repackSubsets([...many(1100, 0, (ip) => ready(ip, port(80))), ...many(5, 2000, (ip) => notReady(ip, port(80)))]);
    expect(truncateSubsets(subsets)).toBe(true);
    expect(subsets[0]!.addresses).toHaveLength(1000);
    expect(subsets[0]!.notReadyAddresses).toBeUndefined();
  });

  it("ready within capacity: not-ready addresses fill what is left", () => {
    const subsets = repackSubsets([...many(990, 0, (ip) => ready(ip, port(80))), ...many(30, 2000, (ip) => notReady(ip, port(80)))]);
    expect(truncateSubsets(subsets)).toBe(true);
    expect([subsets[0]!.addresses!.length, subsets[0]!.notReadyAddresses!.length]).toEqual([990, 10]);
  });
});
