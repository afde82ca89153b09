// printf conversions against coreutils' printf, which formats as glibc does.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { type Conversion, formatFloat, formatInteger, formatString, parseFormat } from "./format.ts";

const havePrintf = spawnSync("/usr/bin/printf", ["x"]).status === 0;

function format(fmt: string, arg: string): string {
  const { pieces } = parseFormat(fmt);
  return pieces
    .map((p) => {
      if (typeof p === "string") return p;
      const spec: Conversion = p;
      if ("diouxX".includes(spec.conv)) return formatInteger(spec, BigInt(arg));
      if (spec.conv === "s") return formatString(spec, arg);
      return formatFloat(spec, Number(arg));
    })
    .join("");
}

const cases: Array<[string, string]> = [
  ["%f", "3.14159"],
  ["%.2f", "2.675"],
  ["%.0f", "0.5"],
  ["%.0f", "1.5"],
  ["%.0f", "2.5"],
  ["%10.3f|", "-3.14159"],
  ["%-10.1f|", "2.25"],
  ["%+.1f", "2.25"],
  ["%08.2f", "-1.5"],
  ["%e", "12345.678"],
  ["%.2e", "0.000123456"],
  ["%E", "1e100"],
  ["%g", "0.0001"],
  ["%g", "0.00001"],
  ["%g", "123456"],
  ["%g", "1234567"],
  ["%g", "100000"],
  ["%g", "1e21"],
  ["%.3g", "3.14159"],
  ["%#g", "1"],
  ["%G", "1e-10"],
  ["%g", "0"],
  ["%f", "1e22"],
  ["%d", "-42"],
  ["%5d|%-5d|", "7"],
  ["%05d", "-42"],
  ["%.3d", "7"],
  ["%+d % d", "5"],
  ["%x %X %o", "255"],
  ["%#x %#o", "8"],
  ["%x", "-1"],
  ["%u", "-1"],
  ["%.0d|", "0"],
  ["%5s|%-5s|%.2s", "abc"],
];

describe.skipIf(!havePrintf)("formats agree with coreutils printf", () => {
  it.each(cases)("%s of %s", (fmt, arg) => {
    const count = parseFormat(fmt).pieces.filter((p) => typeof p !== "string").length;
    const real = spawnSync("/usr/bin/printf", [fmt, ...Array(count).fill(arg)], { encoding: "utf8", env: { LC_ALL: "C" } });
    expect(format(fmt, arg)).toBe(real.stdout);
  });
});
