import { describe, expect, it } from "vitest";
import type { EndpointSlice, Endpoints } from "../types.ts";
import { formatFieldError } from "./field.ts";
import { defaultEndpointSlice, defaultEndpoints, validateEndpointSlice, validateEndpointSliceUpdate, validateEndpoints } from "./endpoints.ts";

const ep = (subsets: Endpoints["subsets"]): Endpoints => {
  const e: Endpoints = { apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default" }, subsets };
  defaultEndpoints(e);
  return e;
};

const slice = (s: Partial<EndpointSlice>): EndpointSlice => {
  const e: EndpointSlice = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "web-abcde", namespace: "default" }, addressType: "IPv4", ...s };
  defaultEndpointSlice(e);
  return e;
};

describe("validateEndpoints (core ValidateEndpoints)", () => {
  it.each([
    ["one ready address, port defaulted to TCP", ep([{ addresses: [{ ip: "10.244.1.2" }], ports: [{ port: 80 }] }]), []],
    ["no subsets", ep(undefined), []],
    ["a subset without addresses", ep([{ ports: [{ port: 80 }] }]), ["subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`"]],
    [
      "a malformed IP",
      ep([{ addresses: [{ ip: "10.244.1" }] }]),
      [
        'subsets[0].addresses[0].ip: Invalid value: "10.244.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'subsets[0].addresses[0].ip: Invalid value: "10.244.1": must be a valid IP address',
      ],
    ],
    ["loopback", ep([{ notReadyAddresses: [{ ip: "127.0.0.1" }] }]), ['subsets[0].notReadyAddresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ["link-local", ep([{ addresses: [{ ip: "169.254.1.1" }] }]), ['subsets[0].addresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ["unspecified IPv6", ep([{ addresses: [{ ip: "::" }] }]), ['subsets[0].addresses[0].ip: Invalid value: "::": may not be unspecified (::)']],
    [
      "two ports need names",
      ep([{ addresses: [{ ip: "10.0.0.1" }], ports: [{ name: "a", port: 80 }, { port: 81 }] }]),
      ["subsets[0].ports[1].name: Required value"],
    ],
    [
      "port out of range, unknown protocol",
      ep([{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 70000, protocol: "ICMP" }] }]),
      [
        "subsets[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
        'subsets[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
  ] as [string, Endpoints, string[]][])("%s", (_n, obj, want) => {
    expect(validateEndpoints(obj).map(formatFieldError)).toEqual(want);
  });
});

describe("validateEndpointSlice (discovery ValidateEndpointSlice)", () => {
  it.each([
    ["an endpoint with a port, name and protocol defaulted", slice({ endpoints: [{ addresses: ["10.244.1.2"] }], ports: [{ port: 80 }] }), []],
    ["the placeholder", slice({ endpoints: [], ports: [] }), []],
    ["no address type", slice({ addressType: "" }), ["addressType: Required value"]],
    ["unknown address type", slice({ addressType: "IP" }), ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']],
    ["an endpoint without addresses", slice({ endpoints: [{ addresses: [] }] }), ["endpoints[0].addresses: Required value: must contain at least 1 address"]],
    ["an IPv6 address in an IPv4 slice", slice({ endpoints: [{ addresses: ["fd00::1"] }] }), ['endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address']],
    ["a loopback address", slice({ endpoints: [{ addresses: ["127.0.0.2"] }] }), ['endpoints[0].addresses[0]: Invalid value: "127.0.0.2": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    [
      "duplicate port names, bad protocol",
      slice({ ports: [{ name: "http", port: 80 }, { name: "http", port: 81, protocol: "ICMP" }] }),
      ['ports[1].name: Duplicate value: "http"', 'ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
    ],
  ] as [string, EndpointSlice, string[]][])("%s", (_n, obj, want) => {
    expect(validateEndpointSlice(obj).map(formatFieldError)).toEqual(want);
  });

  it("defaults a port's name to \"\" and its protocol to TCP, and stores empty lists as none", () => {
    expect(slice({ endpoints: [], ports: [{ port: 80 }] })).toMatchObject({ ports: [{ name: "", port: 80, protocol: "TCP" }] });
    expect(slice({ endpoints: [], ports: [] })).not.toHaveProperty("ports");
  });

  it("addressType cannot change", () => {
    const old = slice({});
    old.metadata.resourceVersion = "1";
    const next = { ...old, addressType: "IPv6" };
    expect(validateEndpointSliceUpdate(next, old).map(formatFieldError)).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
});
