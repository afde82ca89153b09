// date(1) on the virtual clock, always in UTC: the default format, +FORMAT
// with GNU's conversions and padding flags, -d @N / ISO dates, -I, -R,
// --rfc-3339.
import type { CommandContext, CommandTable } from "./context.ts";
import { options } from "./context.ts";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function dayOfYear(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 week number and week-based year. */
function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7), year: t.getUTCFullYear() };
}

/** strftime in UTC with GNU's flags (- _ 0 ^ #) and widths. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  let out = "";
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== "%" || i + 1 >= format.length) {
      out += format[i];
      continue;
    }
    const m = /^%([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%+])/.exec(format.slice(i));
    if (!m) {
      out += "%";
      continue;
    }
    i += m[0].length - 1;
    const [, flags, widthText, colons, conv] = m;
    const num = (v: number, width: number, pad = "0") => ({ text: String(v), width, pad });
    const str = (s: string) => ({ text: s, width: 0, pad: " " });
    const h = d.getUTCHours();
    let r: { text: string; width: number; pad: string };
    switch (conv) {
      case "a":
        r = str(DAYS[d.getUTCDay()].slice(0, 3));
        break;
      case "A":
        r = str(DAYS[d.getUTCDay()]);
        break;
      case "b":
      case "h":
        r = str(MONTHS[d.getUTCMonth()].slice(0, 3));
        break;
      case "B":
        r = str(MONTHS[d.getUTCMonth()]);
        break;
      case "c":
        r = str(strftime("%a %b %e %H:%M:%S %Y", ms));
        break;
      case "C":
        r = num(Math.floor(d.getUTCFullYear() / 100), 2);
        break;
      case "d":
        r = num(d.getUTCDate(), 2);
        break;
      case "D":
      case "x":
        r = str(strftime("%m/%d/%y", ms));
        break;
      case "e":
        r = num(d.getUTCDate(), 2, " ");
        break;
      case "F":
        r = str(strftime("%Y-%m-%d", ms));
        break;
      case "g":
        r = num(isoWeek(d).year % 100, 2);
        break;
      case "G":
        r = num(isoWeek(d).year, 4);
        break;
      case "H":
        r = num(h, 2);
        break;
      case "I":
        r = num(h % 12 || 12, 2);
        break;
      case "j":
        r = num(dayOfYear(d), 3);
        break;
      case "k":
        r = num(h, 2, " ");
        break;
      case "l":
        r = num(h % 12 || 12, 2, " ");
        break;
      case "m":
        r = num(d.getUTCMonth() + 1, 2);
        break;
      case "M":
        r = num(d.getUTCMinutes(), 2);
        break;
      case "n":
        r = str("\n");
        break;
      case "N":
        r = { text: String((ms % 1000) * 1_000_000).padStart(9, "0"), width: 0, pad: "0" };
        break;
      case "p":
        r = str(h < 12 ? "AM" : "PM");
        break;
      case "P":
        r = str(h < 12 ? "am" : "pm");
        break;
      case "r":
        r = str(strftime("%I:%M:%S %p", ms));
        break;
      case "R":
        r = str(strftime("%H:%M", ms));
        break;
      case "s":
        r = num(Math.floor(ms / 1000), 1);
        break;
      case "S":
        r = num(d.getUTCSeconds(), 2);
        break;
      case "t":
        r = str("\t");
        break;
      case "T":
      case "X":
        r = str(strftime("%H:%M:%S", ms));
        break;
      case "u":
        r = num(d.getUTCDay() || 7, 1);
        break;
      case "U":
        r = num(Math.floor((dayOfYear(d) - 1 + 7 - d.getUTCDay()) / 7), 2);
        break;
      case "V":
        r = num(isoWeek(d).week, 2);
        break;
      case "w":
        r = num(d.getUTCDay(), 1);
        break;
      case "W":
        r = num(Math.floor((dayOfYear(d) - 1 + 7 - ((d.getUTCDay() + 6) % 7)) / 7), 2);
        break;
      case "y":
        r = num(d.getUTCFullYear() % 100, 2);
        break;
      case "Y":
        r = num(d.getUTCFullYear(), 1);
        break;
      case "z":
        r = str(colons === ":" ? "+00:00" : colons === "::" ? "+00:00:00" : "+0000");
        break;
      case "Z":
        r = str("UTC");
        break;
      case "+":
        r = str(strftime("%a %b %e %H:%M:%S %Z %Y", ms));
        break;
      case "%":
        r = str("%");
        break;
      default:
        r = str(m[0]);
    }
    let text = r.text;
    const width = widthText ? Number(widthText) : r.width;
    let pad = r.pad;
    if (flags.includes("-")) pad = "";
    else if (flags.includes("_")) pad = " ";
    else if (flags.includes("0")) pad = "0";
    if (pad && text.length < width) text = pad.repeat(width - text.length) + text;
    if (flags.includes("-") && r.pad === " ") text = text.trimStart();
    if (flags.includes("^")) text = text.toUpperCase();
    out += text;
  }
  return out;
}

/** The dates -d understands here: @SECONDS, ISO 8601 forms, "now", "today". */
export function parseDate(s: string, now: number): number | undefined {
  const t = s.trim();
  if (t === "" || t === "now" || t === "today") return now;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (epoch) return Math.floor(Number(epoch[1]) * 1000);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mi ?? 0), Number(ss ?? 0), frac ? Number(frac.slice(0, 3).padEnd(3, "0")) : 0);
  if (zone && zone !== "Z" && zone !== "UTC") {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
    ms -= (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
  }
  return Number.isNaN(ms) ? undefined : ms;
}

function date(ctx: CommandContext): number {
  const opts = options(ctx, {
    flags: "uRI",
    withArg: "d",
    long: { date: ["d", "required"], utc: ["u", false], universal: ["u", false], "rfc-email": ["R", false], "iso-8601": ["I", "optional"], "rfc-3339": ["rfc3339", "required"] },
  }, ctx.args.map((a) => (/^-I[a-z]+$/.test(a) ? `--iso-8601=${a.slice(2)}` : a)));
  if (!opts) return 1;
  let ms = ctx.sh.shared.now();
  const given = opts.last("d");
  if (given !== undefined) {
    const parsed = parseDate(given, ms);
    if (parsed === undefined) {
      ctx.stderr(`date: invalid date ‘${given}’\n`);
      return 1;
    }
    ms = parsed;
  }
  const iso = opts.list.find(([k]) => k === "I");
  let format = "%a %b %e %H:%M:%S %Z %Y";
  const plus = opts.operands.find((o) => o.startsWith("+"));
  if (opts.operands.some((o) => !o.startsWith("+"))) {
    const bad = opts.operands.find((o) => !o.startsWith("+")) as string;
    ctx.stderr(`date: invalid date ‘${bad}’\n`);
    return 1;
  }
  if (plus) format = plus.slice(1);
  else if (opts.has("R")) format = "%a, %d %b %Y %H:%M:%S %z";
  else if (opts.has("rfc3339")) {
    const kind = opts.last("rfc3339");
    format = kind === "date" ? "%F" : kind === "ns" ? "%F %T.%N%:z" : "%F %T%:z";
  } else if (iso) {
    const kind = iso[1] ?? "date";
    format = { "": "%F", date: "%F", hours: "%FT%H%:z", minutes: "%FT%H:%M%:z", seconds: "%FT%T%:z", ns: "%FT%T,%N%:z" }[kind] ?? "%F";
  }
  ctx.stdout(strftime(format, ms) + "\n");
  return 0;
}

export const DATE_COMMANDS: CommandTable = {
  date: { impl: date, kind: "utility", path: "/usr/bin/date" },
};
