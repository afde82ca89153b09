import { describe, expect, it } from "vitest";
import { humanDuration, parseTimestamp, shortHumanDuration, translateTimestampSince } from "./duration.ts";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration (apimachinery HumanDuration)", () => {
  const cases: [string, number, string][] = [
    ["more than 1s in the future is clock skew gone wrong", -2 * s, "<invalid>"],
    ["up to 1.999s in the future counts as now", -1999, "0s"],
    ["exactly 1s in the future counts as now", -1 * s, "0s"],
    ["under a second in the future truncates to 0s", -500, "0s"],
    ["zero", 0, "0s"],
    ["fractions of a second truncate", 1999, "1s"],
    ["59s", 59 * s, "59s"],
    ["seconds up to 119s", 119 * s, "119s"],
    ["2m on the minute", 120 * s, "2m"],
    ["minutes and seconds under 10m", 2 * m + 3 * s, "2m3s"],
    ["9m59s", 9 * m + 59 * s, "9m59s"],
    ["10m drops the seconds", 10 * m + 30 * s, "10m"],
    ["61m stays in minutes", 61 * m, "61m"],
    ["179m is the last minute form", 179 * m + 59 * s, "179m"],
    ["3h on the hour", 3 * h, "3h"],
    ["hours and minutes under 8h", 3 * h + 4 * m, "3h4m"],
    ["7h59m", 7 * h + 59 * m, "7h59m"],
    ["8h drops the minutes", 8 * h + 30 * m, "8h"],
    ["23h", 23 * h + 59 * m, "23h"],
    ["47h is the last hour form", 47 * h, "47h"],
    ["2d on the day", 48 * h, "2d"],
    ["days and hours under 8d", 2 * d + 5 * h, "2d5h"],
    ["7d23h", 7 * d + 23 * h, "7d23h"],
    ["8d drops the hours", 8 * d + 5 * h, "8d"],
    ["364d", 364 * d, "364d"],
    ["729d is the last day form", 729 * d + 23 * h, "729d"],
    ["2y on the year", 730 * d, "2y"],
    ["years and days under 8y", 2 * 365 * d + 15 * d, "2y15d"],
    ["8y drops the days", 8 * 365 * d + 100 * d, "8y"],
  ];
  it.each(cases)("%s", (_name, ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe("shortHumanDuration (apimachinery ShortHumanDuration)", () => {
  const cases: [number, string][] = [
    [-2 * s, "<invalid>"],
    [-1 * s, "0s"],
    [59 * s, "59s"],
    [119 * s, "1m"],
    [59 * m + 59 * s, "59m"],
    [23 * h + 59 * m, "23h"],
    [364 * d, "364d"],
    [365 * d, "1y"],
    [3 * 365 * d + 200 * d, "3y"],
  ];
  it.each(cases)("%d ms is %s", (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe("translateTimestampSince", () => {
  const now = Date.UTC(2026, 10, 24, 20, 42, 0);
  const cases: [string, string | null | undefined, string][] = [
    ["unset is <unknown>", undefined, "<unknown>"],
    ["null is <unknown>", null, "<unknown>"],
    ["empty is <unknown>", "", "<unknown>"],
    ["Go's zero time is <unknown>", "0001-01-01T00:00:00Z", "<unknown>"],
    ["UTC timestamp", "2026-11-24T20:39:57Z", "2m3s"],
    ["numeric zone offset", "2026-11-24T21:39:57+01:00", "2m3s"],
    ["micro-time fraction still counts", "2026-11-24T20:40:00.500000Z", "119s"],
    ["a future timestamp within skew", "2026-11-24T20:42:01Z", "0s"],
    ["a future timestamp beyond skew", "2026-11-24T20:42:05Z", "<invalid>"],
  ];
  it.each(cases)("%s", (_name, ts, want) => {
    expect(translateTimestampSince(ts, now)).toBe(want);
  });

  it("parses timestamps before 1970 and in years below 100", () => {
    expect(parseTimestamp("1969-12-31T23:59:59Z")).toBe(-1000);
    expect(parseTimestamp("0050-03-01T00:00:00Z")).toBe(Date.parse("0050-03-01T00:00:00Z"));
    expect(parseTimestamp("not a time")).toBeUndefined();
  });
});
