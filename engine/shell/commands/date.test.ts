// strftime and -d against GNU date (TZ=UTC) where date is installed.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseDate, strftime } from "./date.ts";

const haveDate = spawnSync("date", ["--version"]).status === 0;

const FORMATS = [
  "%a %A %b %B %c",
  "%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M",
  "%N %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%",
  "%-d %_m %^a %5Y %-H:%-M %03e",
  "%Y-%m-%dT%H:%M:%SZ",
];
const TIMES = [0, 1767603600, 1767603600 + 13 * 3600 + 5 * 60 + 7, 951782400 /* 2000-02-29 */, 1704067199 /* 2023-12-31 23:59:59 */, 1609459200 /* 2021-01-01, ISO week 53 of 2020 */];

describe.skipIf(!haveDate)("strftime agrees with GNU date", () => {
  it.each(TIMES.flatMap((t) => FORMATS.map((f) => [t, f] as const)))("@%d +%s", (t, format) => {
    const real = spawnSync("date", ["-u", "-d", `@${t}`, `+${format}`], { encoding: "utf8", env: { LC_ALL: "C", TZ: "UTC" } });
    expect(strftime(format, t * 1000) + "\n").toBe(real.stdout);
  });
});

describe("-d dates", () => {
  const now = Date.parse("2026-01-05T09:00:00Z");
  it.each([
    ["@0", 0],
    ["@1.5", 1500],
    ["now", now],
    ["2026-01-05", Date.parse("2026-01-05T00:00:00Z")],
    ["2026-01-05 10:30", Date.parse("2026-01-05T10:30:00Z")],
    ["2026-01-05T10:30:15Z", Date.parse("2026-01-05T10:30:15Z")],
    ["2026-01-05T10:30:15+02:00", Date.parse("2026-01-05T08:30:15Z")],
    ["next tuesday", undefined],
  ])("%s", (text, expected) => expect(parseDate(text, now)).toBe(expected));
});
