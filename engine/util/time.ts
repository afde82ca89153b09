// Timestamps as the API server writes them. metav1.Time is RFC 3339 with
// whole seconds; virtual time is kept in milliseconds since the epoch.

// Components stamp many writes with the same few seconds (the kubelet writes
// a pod's start, ready and container times on every status): the texts are
// remembered, as parseTime remembers the other way. A pure mapping, so
// sharing it between clusters is safe.
const formatted = new Map<number, string>();

export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace(".000Z", "Z");
    if (formatted.size >= 4096) formatted.clear();
    formatted.set(second, text);
  }
  return text;
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
