// The apimachinery types with hand-written protobuf and JSON methods:
// each is decoded from its own small message and turned straight into the
// JSON its MarshalJSON writes.

import { formatQuantity, parseQuantity, QuantityParseError } from "../validation/quantity.ts";
import { ProtoError, WireReader, WIRE_BYTES, WIRE_VARINT } from "./wire.ts";

export type SpecialName =
  | "resource.Quantity"
  | "intstr.IntOrString"
  | "meta.Time"
  | "meta.MicroTime"
  | "meta.Duration"
  | "runtime.RawExtension"
  | "meta.FieldsV1";

export const SPECIAL_NAMES: ReadonlySet<string> = new Set<SpecialName>([
  "resource.Quantity",
  "intstr.IntOrString",
  "meta.Time",
  "meta.MicroTime",
  "meta.Duration",
  "runtime.RawExtension",
  "meta.FieldsV1",
]);

function wrongWire(wireType: number, field: string): ProtoError {
  return new ProtoError(`proto: wrong wireType = ${wireType} for field ${field}`);
}

/**
 * Read a message of known fields in the generated code's way: `fields` maps a
 * field number to [Go field name, wire type, read]. Unknown fields are skipped.
 */
function readMessage(
  r: WireReader,
  message: string,
  fields: Record<number, readonly [string, number, (r: WireReader) => void]>,
): void {
  while (!r.done) {
    const start = r.pos;
    const { field, wireType } = r.tag(message);
    const f = fields[field];
    if (!f) {
      r.skip(start);
      continue;
    }
    if (wireType !== f[1]) throw wrongWire(wireType, f[0]);
    f[2](r);
  }
}

const UNIX_TO_ZERO_TIME = -62135596800n;

/** A decoded special value, ready for JSON. */
export function decodeSpecial(name: SpecialName, r: WireReader): unknown {
  switch (name) {
    case "resource.Quantity": {
      let q: string | undefined;
      readMessage(r, "Quantity", {
        1: [
          "String_",
          WIRE_BYTES,
          (r) => {
            const s = r.string();
            try {
              q = formatQuantity(parseQuantity(s));
            } catch (err) {
              if (err instanceof QuantityParseError) throw new ProtoError(err.message);
              throw err;
            }
          },
        ],
      });
      return q ?? "0";
    }
    case "intstr.IntOrString": {
      let type = 0n;
      let intVal = 0;
      let strVal = "";
      readMessage(r, "IntOrString", {
        1: ["Type", WIRE_VARINT, (r) => (type = BigInt.asIntN(64, r.varint()))],
        2: ["IntVal", WIRE_VARINT, (r) => (intVal = Number(BigInt.asIntN(32, r.varint())))],
        3: ["StrVal", WIRE_BYTES, (r) => (strVal = r.string())],
      });
      if (type === 0n) return intVal;
      if (type === 1n) return strVal;
      throw new ProtoError("json: error calling MarshalJSON for type *intstr.IntOrString: impossible IntOrString.Type");
    }
    case "meta.Time":
    case "meta.MicroTime": {
      // Time.Unmarshal: no data is the zero time (null); Time keeps whole
      // seconds only, MicroTime truncates to microseconds.
      if (r.done) return null;
      let seconds = 0n;
      let nanos = 0;
      readMessage(r, "Timestamp", {
        1: ["Seconds", WIRE_VARINT, (r) => (seconds = BigInt.asIntN(64, r.varint()))],
        2: ["Nanos", WIRE_VARINT, (r) => (nanos = Number(BigInt.asIntN(32, r.varint())))],
      });
      if (name === "meta.Time") return seconds === UNIX_TO_ZERO_TIME ? null : formatRfc3339(seconds, -1);
      // time.Duration(nanos).Truncate(Microsecond), then time.Unix normalises a negative or > 1s remainder.
      let micros = BigInt(Math.trunc(nanos / 1000));
      const total = seconds * 1_000_000n + micros;
      let secs = total / 1_000_000n;
      micros = total % 1_000_000n;
      if (micros < 0n) {
        micros += 1_000_000n;
        secs -= 1n;
      }
      return secs === UNIX_TO_ZERO_TIME && micros === 0n ? null : formatRfc3339(secs, Number(micros));
    }
    case "meta.Duration": {
      let d = 0n;
      readMessage(r, "Duration", { 1: ["Duration", WIRE_VARINT, (r) => (d = BigInt.asIntN(64, r.varint()))] });
      return goDuration(d);
    }
    case "runtime.RawExtension":
    case "meta.FieldsV1": {
      let raw: Uint8Array | undefined;
      readMessage(r, name === "meta.FieldsV1" ? "FieldsV1" : "RawExtension", {
        1: [name === "meta.FieldsV1" ? "Raw" : "Raw", WIRE_BYTES, (r) => (raw = r.bytesField())],
      });
      if (raw === undefined) return null;
      return rawJson(raw, name === "meta.FieldsV1" ? "*v1.FieldsV1" : "*runtime.RawExtension");
    }
  }
}

/** The JSON a special type's MarshalJSON writes for its zero value. */
export function specialZero(name: SpecialName): unknown {
  switch (name) {
    case "resource.Quantity":
      return "0";
    case "intstr.IntOrString":
      return 0;
    case "meta.Duration":
      return "0s";
    default:
      return null;
  }
}

/** Raw JSON bytes embedded as they are (RawExtension, FieldsV1); json.Marshal rejects bytes that are not JSON. */
function rawJson(raw: Uint8Array, type: string): unknown {
  const text = new TextDecoder().decode(raw);
  if (text.trim() === "") throw new ProtoError(`json: error calling MarshalJSON for type ${type}: unexpected end of JSON input`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProtoError(`json: error calling MarshalJSON for type ${type}: invalid JSON`);
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** t.UTC().Format(RFC3339) (micros < 0) or RFC3339Micro ("2006-01-02T15:04:05.000000Z07:00"). */
export function formatRfc3339(seconds: bigint, micros: number): string {
  let days = seconds / 86400n;
  let rem = seconds % 86400n;
  if (rem < 0n) {
    rem += 86400n;
    days -= 1n;
  }
  const [y, m, d] = civilFromDays(Number(days));
  const r = Number(rem);
  const year = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  const time = `${pad(Math.floor(r / 3600), 2)}:${pad(Math.floor(r / 60) % 60, 2)}:${pad(r % 60, 2)}`;
  return `${year}-${pad(m, 2)}-${pad(d, 2)}T${time}${micros >= 0 ? "." + pad(micros, 6) : ""}Z`;
}

/** Days since 1970-01-01 → proleptic Gregorian year, month, day (H. Hinnant's algorithm). */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** time.Duration.String(): "1h2m3.5s", "1.5ms", "0s". */
export function goDuration(d: bigint): string {
  if (d === 0n) return "0s";
  const neg = d < 0n;
  const u = neg ? -d : d;
  const sign = neg ? "-" : "";
  if (u < 1_000_000_000n) {
    if (u < 1000n) return `${sign}${u}ns`;
    if (u < 1_000_000n) return `${sign}${fraction(u, 3)}µs`;
    return `${sign}${fraction(u, 6)}ms`;
  }
  const secs = u / 1_000_000_000n;
  const frac = fraction(u % 1_000_000_000n, 9).replace(/^0/, "");
  let out = `${secs % 60n}${frac}s`;
  const mins = secs / 60n;
  if (mins > 0n) {
    out = `${mins % 60n}m${out}`;
    const hours = mins / 60n;
    if (hours > 0n) out = `${hours}h${out}`;
  }
  return sign + out;
}

/** v / 10^prec with the fraction's trailing zeros dropped ("1.5", "2"). */
function fraction(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(prec, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** base64.StdEncoding, as encoding/json writes a []byte. */
export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? B64[n & 63]! : "=";
  }
  return out;
}
