import { describe, expect, it } from "vitest";
import {
  QUANTITY_FORMAT_ERROR,
  addQuantities,
  canonicalQuantity,
  compareQuantityText,
  formatQuantity,
  milliOf,
  parseQuantity,
  quantityOf,
  unitsOf,
} from "./quantity.ts";

describe("canonical form, as the API server writes quantities back", () => {
  const cases: Array<[string | number, string]> = [
    ["100m", "100m"],
    ["0.5", "500m"],
    [0.5, "500m"],
    ["1", "1"],
    ["2000m", "2"],
    ["1.5", "1500m"],
    ["0.1", "100m"],
    ["128Mi", "128Mi"],
    ["1024Mi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["0.5Gi", "512Mi"],
    ["1G", "1G"],
    ["1000M", "1G"],
    ["1e3", "1e3"],
    ["1000", "1k"],
    ["1.5e3", "1500"],
    ["8148740Ki", "8148740Ki"],
    ["110", "110"],
    ["0", "0"],
    ["0.0000000001", "1n"],
  ];
  it.each(cases)("%s → %s", (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });
});

describe("invalid quantities carry Go's error text", () => {
  it.each(["abc", "1.2.3", "10 Mi", "--1", "1Mx"])("%s", (input) => {
    expect(() => parseQuantity(input)).toThrow();
  });
  it("says which regular expression a quantity must match", () => {
    expect(() => parseQuantity("abc")).toThrow(QUANTITY_FORMAT_ERROR);
    expect(QUANTITY_FORMAT_ERROR).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});

describe("numbers the scheduler compares", () => {
  const cases: Array<[string, number, number]> = [
    ["100m", 100, 1],
    ["0.5", 500, 1],
    ["4", 4000, 4],
    ["1.1m", 2, 1],
    ["128Mi", 134217728000, 134217728],
  ];
  it.each(cases)("%s: milli %d, units %d (both rounded up)", (text, milli, units) => {
    expect(milliOf(text)).toBe(milli);
    expect(unitsOf(text)).toBe(units);
  });
  it("compares across formats", () => {
    expect(compareQuantityText("1Gi", "1G")).toBe(1);
    expect(compareQuantityText("1000m", "1")).toBe(0);
    expect(compareQuantityText("500m", "1")).toBe(-1);
  });
  it("adds in the first operand's format", () => {
    expect(formatQuantity(addQuantities(parseQuantity("1Gi"), parseQuantity("512Mi")))).toBe("1536Mi");
    expect(formatQuantity(quantityOf(1024n * 1024n, "BinarySI"))).toBe("1Mi");
  });
});
