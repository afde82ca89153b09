// Durations as kubectl shows them (AGE, "4 (12s ago)", LAST SEEN): a port of
// apimachinery pkg/util/duration. Go works on nanoseconds and truncates toward
// zero; we get milliseconds, which truncate the same way.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** ~2-3 significant figures: `119s`, `2m3s`, `61m`, `3h4m`, `2d5h`, `364d`, `2y15d`. */
export function humanDuration(ms: number): string {
  // Up to 2s in the future is tolerated as clock skew between machines.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** One unit only: `59s`, `59m`, `23h`, `364d`, `2y` (used by a few kubectl outputs). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (avoids Date's 0-99 year quirk). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Go's zero time.Time (0001-01-01T00:00:00Z), which metav1.Time treats as unset. */
const ZERO_TIME_MS = daysFromCivil(1, 1, 1) * 86_400_000;

/**
 * Milliseconds since the epoch of an RFC 3339 timestamp (fractions kept, so a
 * MicroTime's microseconds still count), or undefined when it is unset, zero or
 * not a timestamp.
 */
export function parseTimestamp(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const m = RFC3339.exec(ts);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  let ms =
    daysFromCivil(Number(y), Number(mo), Number(d)) * 86_400_000 +
    Number(h) * HOUR +
    Number(mi) * MINUTE +
    Number(s) * SECOND +
    (frac ? Number(frac) * SECOND : 0);
  if (sign) ms -= (sign === "-" ? -1 : 1) * (Number(oh) * HOUR + Number(om) * MINUTE);
  return ms === ZERO_TIME_MS ? undefined : ms;
}

/** Age of `ts` at `nowMs` (printers.go translateTimestampSince); `<unknown>` when unset. */
export function translateTimestampSince(ts: string | null | undefined, nowMs: number): string {
  const t = parseTimestamp(ts);
  if (t === undefined) return "<unknown>";
  return humanDuration(nowMs - t);
}
