// The pieces every `kubectl describe` layout is made of (kubectl
// pkg/describe/describe.go, v0.32): a prefix writer (2 spaces per level)
// over one tab-writer (min width 0, padding 2), whose blocks align the
// `Key:\tvalue` lines; multi-line labels, annotations, tolerations and taints;
// the Events table; timestamps (RFC 1123 with a numeric zone, UTC) and ages.
import { humanDuration } from "../../api/printers/duration.ts";
import { parseTimestamp } from "../../api/printers/duration.ts";
import type { Event, Taint, Toleration } from "../../api/types.ts";
import { goSort } from "../sort.ts";
import { newDescribeTabWriter, type TabWriter } from "../printers/tabwriter.ts";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** printers.EscapeTerminal. */
function escape(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

export class PrefixWriter {
  constructor(
    private readonly tw: TabWriter,
    private readonly indent = 0,
  ) {}

  /** Write `text` (already formatted) at `level`: two spaces per level. */
  write(level: number, text: string): void {
    this.tw.write(escape("  ".repeat(level + this.indent) + text));
  }

  /** WriteLine: the text and a newline, not indented. */
  writeLine(text: string): void {
    if (this.indent > 0) this.tw.write(escape("  ".repeat(this.indent) + text + "\n"));
    else this.tw.write(escape(text + "\n"));
  }

  /** End the tab-writer's blocks: what follows aligns on its own. */
  flush(): void {
    this.tw.flush();
  }

  nested(indent: number): PrefixWriter {
    return new PrefixWriter(this.tw, this.indent + indent);
  }
}

/** tabbedString: run `f` over a fresh describe tab-writer and return the text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const tw = newDescribeTabWriter();
  f(new PrefixWriter(tw));
  tw.flush();
  return tw.take();
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`; Go's zero time when unset. */
export function rfc1123z(ts: string | null | undefined): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, "0")} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince: the age of `ts` at `nowMs`, `<unknown>` when unset. */
export function since(ts: string | null | undefined, nowMs: number): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return "<unknown>";
  return humanDuration(nowMs - ms);
}

/** Go's sort.Strings order (bytes). */
export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i]! - eb[i]!;
  return ea.length - eb.length;
}

export function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort(byteCompare);
}

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = "",
  innerIndent = "\t",
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** Go's s[:n] on a string counts bytes; JS strings are UTF-16: cut on the UTF-8 length. */
function shorten(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length > max) return new TextDecoder().decode(bytes.slice(0, max)) + "...";
  return s;
}

function utf8Len(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** printAnnotationsMultiline: long or multi-line values go on their own lines, cut at 138 bytes. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    let value = annotations![key]!;
    if (value.endsWith("\n")) value = value.slice(0, -1);
    if (utf8Len(value) + utf8Len(key) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent (sorted by key, stable as Go's sort.Slice is for short lists). */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = "",
  innerIndent = "\t",
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  goSortSlice(list, (a, b) => byteCompare(a.key ?? "", b.key ?? "") < 0);
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, t.key ?? "");
    if (t.value) w.write(LEVEL_0, `=${t.value}`);
    if (t.effect) w.write(LEVEL_0, `:${t.effect}`);
    if (t.operator === "Exists" && !t.value) {
      w.write(LEVEL_0, t.key || t.effect ? " op=Exists" : "op=Exists");
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`);
    w.write(LEVEL_0, "\n");
  });
}

/** printTaintsMultilineWithIndent (sorted by effect, then key). */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])];
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  goSortSlice(list, (a, b) => byteCompare(key(a), key(b)) < 0);
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${t.value ? `${t.key}=${t.value}` : t.key}:${t.effect}\n`);
  });
}

/** Go's sort.Slice (pdqsort, like sort.Sort). */
export function goSortSlice<T>(items: T[], less: (a: T, b: T) => boolean): void {
  goSort({
    len: () => items.length,
    less: (i, j) => less(items[i]!, items[j]!),
    swap: (i, j) => {
      [items[i], items[j]] = [items[j]!, items[i]!];
    },
  });
}

/** DescribeEvents: `Events:\t<none>`, or a table sorted by lastTimestamp after a flush. */
export function describeEvents(events: Event[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const list = [...events];
  goSortSlice(list, (a, b) => (parseTimestamp(a.lastTimestamp) ?? ZERO) < (parseTimestamp(b.lastTimestamp) ?? ZERO));
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of list) {
    const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || (e as { reportingController?: string }).reportingController || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}

/** Go's zero time, earlier than any real timestamp. */
const ZERO = -62135596800000;
