// Timestamps as the API server writes them. metav1.Time is RFC 3339 with
// whole seconds; virtual time is kept in milliseconds since the epoch.

export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Parse an RFC 3339 timestamp to ms since the epoch; NaN when unset or invalid. */
export function parseTime(ts: string | null | undefined): number {
  return ts ? Date.parse(ts) : NaN;
}
