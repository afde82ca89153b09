import { describe, expect, it } from "vitest";
import { goDuration } from "./duration.ts";

describe("Go duration text", () => {
  const cases: Array<[number, string]> = [
    [0, "0s"],
    [313, "313ms"],
    [4200, "4.2s"],
    [4523, "4.523s"],
    [10_000, "10s"],
    [62_500, "1m2.5s"],
    [80_000, "1m20s"],
    [160_000, "2m40s"],
    [300_000, "5m0s"],
    [3_600_000, "1h0m0s"],
    [3_723_050, "1h2m3.05s"],
  ];
  it.each(cases)("%d ms → %s", (ms, text) => expect(goDuration(ms)).toBe(text));
});
