import { describe, expect, it } from "vitest";
import {
  canonicalResourceQuantity,
  compareQuantity,
  formatQuantity,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
} from "./quantity.ts";

// Facts from apimachinery's resource.Quantity behaviour (v0.32): the text the
// API server writes back for a given input.
describe("canonical form of a parsed quantity", () => {
  it.each([
    // already canonical: kept verbatim
    ["1Gi", "1Gi"], ["300Mi", "300Mi"], ["6Ki", "6Ki"], ["1001Gi", "1001Gi"], ["500m", "500m"], ["1G", "1G"],
    ["1080m", "1080m"], ["300M", "300M"], ["1e9", "1e9"], ["1e-3", "1e-3"], ["80e-3", "80e-3"], ["3k", "3k"], ["1025", "1025"],
    ["1n", "1n"], ["1u", "1u"], ["0", "0"],
    // rewritten
    ["1024Mi", "1Gi"], ["307200Ki", "300Mi"], ["1025024Mi", "1001Gi"], ["1024Gi", "1Ti"], ["5000m", "5"], ["0.5", "500m"],
    ["1000M", "1G"], ["0.001T", "1G"], ["1000u", "1m"], ["1.08", "1080m"], ["1080000000n", "1080m"], [".001e12", "1e9"],
    ["0.001e0", "1e-3"], ["1000e-12", "1e-9"], ["00", "0"], ["1.5Gi", "1536Mi"], ["0.5Gi", "512Mi"], ["1000m", "1"],
    [".001Ki", "1024m"], [".000001Ki", "1024u"], [".000000001Ki", "1024n"], [".000000000001Ki", "2n"],
    ["3.001n", "4n"], ["0.00000012345", "124n"], ["0Gi", "0"],
  ])("%s → %s", (input, out) => {
    expect(formatQuantity(parseQuantity(input))).toBe(out);
  });

  it("negative values keep the canonical magnitude", () => {
    expect(formatQuantity(parseQuantity("-1024Mi"))).toBe("-1Gi");
    expect(formatQuantity(parseQuantity("-0.5"))).toBe("-500m");
  });

  it("JSON numbers parse like their text", () => {
    expect(formatQuantity(parseQuantity(2))).toBe("2");
    expect(formatQuantity(parseQuantity(0.25))).toBe("250m");
  });
});

describe("defaulting rounds resource quantities up to milli units", () => {
  it.each([
    ["100m", "100m"], ["1n", "1m"], ["0.0001", "1m"], ["1.0001", "1001m"], ["128974848", "128974848"], ["129e6", "129e6"],
    ["123Mi", "123Mi"], ["2", "2"],
  ])("%s → %s", (input, out) => {
    expect(canonicalResourceQuantity(input)).toBe(out);
  });
});

describe("parse errors carry Go's messages", () => {
  it.each([
    ["", QUANTITY_FORMAT_ERROR], ["abc", QUANTITY_FORMAT_ERROR], ["1Gb", QUANTITY_FORMAT_ERROR], ["1.5.5", QUANTITY_FORMAT_ERROR],
    ["1Ki1", QUANTITY_SUFFIX_ERROR], ["5i", QUANTITY_SUFFIX_ERROR], ["1e", QUANTITY_SUFFIX_ERROR],
  ])("%j", (input, msg) => {
    expect(() => parseQuantity(input)).toThrow(msg);
  });
});

describe("comparison is by value", () => {
  it("the docs' equal memory amounts compare equal", () => {
    expect(compareQuantity(parseQuantity("128974848"), parseQuantity("128974848000m"))).toBe(0);
    expect(compareQuantity(parseQuantity("1Gi"), parseQuantity("1024Mi"))).toBe(0);
    expect(compareQuantity(parseQuantity("129M"), parseQuantity("123Mi"))).toBe(1);
    expect(compareQuantity(parseQuantity("500m"), parseQuantity("1"))).toBe(-1);
  });
});
