// `kubectl get events` columns (printers.go printEvent). LAST SEEN falls back
// to FIRST SEEN, which falls back to eventTime; an event series overrides both
// LAST SEEN and COUNT. OBJECT is `<lower-case kind>/<name>`.

import type { Event, TableColumnDefinition } from "../types.ts";
import type { TableConvertor } from "../registry.ts";
import { parseTimestamp, translateTimestampSince } from "./duration.ts";

export const eventColumns: TableColumnDefinition[] = [
  { name: "Last Seen", type: "string", format: "", description: "Time since the event last occurred.", priority: 0 },
  { name: "Type", type: "string", format: "", description: "Normal or Warning.", priority: 0 },
  { name: "Reason", type: "string", format: "", description: "Short machine-readable reason.", priority: 0 },
  { name: "Object", type: "string", format: "", description: "The object the event is about.", priority: 0 },
  { name: "Subobject", type: "string", format: "", description: "Field path within the object, e.g. a container.", priority: 1 },
  { name: "Source", type: "string", format: "", description: "Component (and host) that reported the event.", priority: 1 },
  { name: "Message", type: "string", format: "", description: "Human-readable description.", priority: 0 },
  { name: "First Seen", type: "string", format: "", description: "Time since the event first occurred.", priority: 1 },
  { name: "Count", type: "string", format: "", description: "Number of occurrences.", priority: 1 },
  { name: "Name", type: "string", format: "name", description: "Name of the event object.", priority: 1 },
];

/** events.k8s.io series data, which core/v1 Events may carry (not in types.ts). */
interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

// Go's strings.TrimSpace set (unicode.IsSpace), which differs from String.trim.
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/;

function trimSpace(s: string): string {
  return s.replace(LEADING_SPACE, "").replace(TRAILING_SPACE, "");
}

/** component[, host], falling back to reportingComponent / reportingInstance. */
export function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || "";
  const instance = e.source?.host || e.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

export const eventTable: TableConvertor<Event> = {
  columns: eventColumns,
  cells(e, nowMs) {
    const first =
      parseTimestamp(e.firstTimestamp) !== undefined
        ? translateTimestampSince(e.firstTimestamp, nowMs)
        : translateTimestampSince(e.eventTime, nowMs);
    let last = parseTimestamp(e.lastTimestamp) !== undefined ? translateTimestampSince(e.lastTimestamp, nowMs) : first;
    let count = e.count ?? 0;
    const series = (e as Event & { series?: EventSeries | null }).series;
    if (series) {
      last = translateTimestampSince(series.lastObservedTime, nowMs);
      count = series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events from the events.k8s.io API carry no count
    }
    const kind = (e.involvedObject.kind ?? "").toLowerCase();
    const name = e.involvedObject.name ?? "";
    return [
      last,
      e.type ?? "",
      e.reason ?? "",
      name ? `${kind}/${name}` : kind,
      e.involvedObject.fieldPath ?? "",
      formatEventSource(e),
      trimSpace(e.message ?? ""),
      first,
      count,
      e.metadata.name ?? "",
    ];
  },
};
