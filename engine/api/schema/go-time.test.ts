// time.Parse errors; the expected texts are what real kubectl v1.32 (Go 1.23)
// printed for a manifest with that metadata.creationTimestamp (decode.oracle.test.ts).
import { describe, expect, it } from "vitest";
import { goTimeParseError, RFC3339, RFC3339_MICRO } from "./go-time.ts";

describe("goTimeParseError(RFC3339)", () => {
  it.each([
    ["2024-05-01T10:00:00Z", null],
    ["2024-05-01T10:00:00+02:00", null],
    ["2024-05-01T10:00:00.123456789Z", null],
    ["2024-05-01T10:00:00.1234567891Z", null],
    ["2024-01-01T7:00:00Z", null],
    ["2024-02-29T00:00:00Z", null],
    ["4xcW^%Upqj", 'parsing time "4xcW^%Upqj" as "2006-01-02T15:04:05Z07:00": cannot parse "4xcW^%Upqj" as "2006"'],
    ["1..2", 'parsing time "1..2" as "2006-01-02T15:04:05Z07:00": cannot parse "1..2" as "2006"'],
    ["", 'parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"'],
    ["é2024", 'parsing time "\\xc3\\xa92024" as "2006-01-02T15:04:05Z07:00": cannot parse "\\xc3\\xa92024" as "2006"'],
    ["2024-13-01T00:00:00Z", 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ["2024-02-30T00:00:00Z", 'parsing time "2024-02-30T00:00:00Z": day out of range'],
    ["2023-02-29T00:00:00Z", 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ["2024-01-01T24:00:00Z", 'parsing time "2024-01-01T24:00:00Z": hour out of range'],
    ["2024-01-01T00:00:00+25:00", 'parsing time "2024-01-01T00:00:00+25:00": time zone offset hour out of range'],
    ["2024-01-01T00:00:00+01:61", 'parsing time "2024-01-01T00:00:00+01:61": time zone offset minute out of range'],
    ["2024-01-01T00:00:00.5+01:0", 'parsing time "2024-01-01T00:00:00.5+01:0" as "2006-01-02T15:04:05Z07:00": cannot parse "+01:0" as "Z07:00"'],
    ["2024-01-01T00:00:00Zjunk", 'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"'],
    ["2024-01-01", 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ["2024/01/01T00:00:00Z", 'parsing time "2024/01/01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "/01/01T00:00:00Z" as "-"'],
    ['"quoted"', 'parsing time "\\"quoted\\"" as "2006-01-02T15:04:05Z07:00": cannot parse "\\"quoted\\"" as "2006"'],
  ])("%j", (value, want) => {
    expect(goTimeParseError(RFC3339, value)).toBe(want);
  });
});

describe("goTimeParseError(RFC3339Micro)", () => {
  it.each([
    ["2024-05-01T10:00:00.123456Z", null],
    ["2024-05-01T10:00:00,123456-07:00", null],
    ["2024-05-01T10:00:00Z", 'parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"'],
    ["2024-05-01T10:00:00.5Z", 'parsing time "2024-05-01T10:00:00.5Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".5Z" as ".000000"'],
    ["2024-05-01T10:00:00.-12345Z", 'parsing time "2024-05-01T10:00:00.-12345Z": fractional second out of range'],
  ])("%j", (value, want) => {
    expect(goTimeParseError(RFC3339_MICRO, value)).toBe(want);
  });
});
