import { describe, expect, it } from "vitest";
import { formatEndpointSlices } from "./service.ts";

const slice = (ports: { name?: string; port?: number }[], endpoints: [string, boolean | undefined][]) => ({
  ports,
  endpoints: endpoints.map(([address, ready]) => ({ addresses: [address], conditions: ready === undefined ? {} : { ready } })),
});

describe("formatEndpointSlices (describe service's Endpoints: line)", () => {
  const cases: [string, Parameters<typeof formatEndpointSlices>[0], string, string][] = [
    ["no slices", [], "", "<none>"],
    ["ready endpoints of the named port", [slice([{ name: "http", port: 8080 }], [["10.244.1.5", true], ["10.244.2.7", undefined]])], "http", "10.244.1.5:8080,10.244.2.7:8080"],
    ["other ports' entries are left out", [slice([{ name: "https", port: 8443 }], [["10.244.1.5", true]])], "http", ""],
    ["not-ready endpoints are left out", [slice([{ name: "", port: 80 }], [["10.244.1.5", false], ["10.244.1.6", true]])], "", "10.244.1.6:80"],
    [
      "more than three: the rest counted",
      [slice([{ name: "", port: 80 }], [["10.0.0.1", true], ["10.0.0.2", true], ["10.0.0.3", true], ["10.0.0.4", true], ["10.0.0.5", true]])],
      "",
      "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...",
    ],
    ["a slice without ports lists bare addresses", [slice([], [["10.0.0.1", true], ["10.0.0.2", true]])], "", "10.0.0.1,10.0.0.2"],
    ["IPv6 addresses are bracketed", [slice([{ name: "", port: 80 }], [["fd00::1", true]])], "", "[fd00::1]:80"],
    [
      "several slices run on",
      [slice([{ name: "", port: 80 }], [["10.0.0.1", true], ["10.0.0.2", true]]), slice([{ name: "", port: 80 }], [["10.0.0.3", true], ["10.0.0.4", true]])],
      "",
      "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...",
    ],
  ];
  it.each(cases)("%s", (_name, slices, port, expected) => {
    expect(formatEndpointSlices(slices, port)).toBe(expected);
  });
});
