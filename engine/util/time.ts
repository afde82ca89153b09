// Timestamps as the API server writes them. metav1.Time is RFC 3339 with
// whole seconds; virtual time is kept in milliseconds since the epoch.

export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

const parsed = new Map<string, number>();

/** Parse an RFC 3339 timestamp to ms since the epoch; NaN when unset or invalid. */
export function parseTime(ts: string | null | undefined): number {
  if (!ts) return NaN;
  // Controllers compare the same few timestamps over and over: remember them.
  let ms = parsed.get(ts);
  if (ms === undefined) {
    ms = Date.parse(ts);
    if (parsed.size >= 4096) parsed.clear();
    parsed.set(ts, ms);
  }
  return ms;
}
