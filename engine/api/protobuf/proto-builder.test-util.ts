// A tiny protobuf writer for the tests: just enough to hand-build bodies.

export type Part = Uint8Array;

const enc = new TextEncoder();

export function concat(...parts: readonly Part[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

/** A varint; negative numbers as Go writes an int32/int64 (ten bytes, two's complement). */
export function varint(n: number | bigint): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v ? b | 0x80 : b);
  } while (v);
  return new Uint8Array(out);
}

export const tag = (field: number, wire: number): Uint8Array => varint((field << 3) | wire);

/** A varint field. */
export const int = (field: number, n: number | bigint | boolean): Uint8Array =>
  concat(tag(field, 0), varint(typeof n === "boolean" ? (n ? 1 : 0) : n));

/** A length-delimited field of raw bytes. */
export const bytes = (field: number, b: Uint8Array): Uint8Array => concat(tag(field, 2), varint(b.length), b);

export const str = (field: number, s: string): Uint8Array => bytes(field, enc.encode(s));

/** A message field made of parts. */
export const msg = (field: number, ...parts: Part[]): Uint8Array => bytes(field, concat(...parts));

/** A map entry field {1: key, 2: value}. */
export const entry = (field: number, key: string, value: Part): Uint8Array => msg(field, str(1, key), value);

/** A whole request body: "k8s\0" + runtime.Unknown{typeMeta, raw}. */
export function envelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  return concat(new Uint8Array([0x6b, 0x38, 0x73, 0x00]), msg(1, str(1, apiVersion), str(2, kind)), bytes(2, raw));
}
