// The protobuf wire format as Kubernetes' gogo-generated Unmarshal methods
// read it (k8s.io/api/*/generated.pb.go): the same checks, in the same order,
// with the same error texts, since the API server puts those texts in its
// 400 responses ("... cannot be handled as a Deployment: unexpected EOF").

/** A decoding failure; `message` is the Go error's text. */
export class ProtoError extends Error {}

export const UNEXPECTED_EOF = "unexpected EOF";
export const INVALID_LENGTH = "proto: negative length found during unmarshaling";
export const INT_OVERFLOW = "proto: integer overflow";
export const UNEXPECTED_END_OF_GROUP = "proto: unexpected end of group";

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

const INT64_MAX = (1n << 63n) - 1n;

/** One field's tag as read from the wire. */
export interface Tag {
  readonly field: number;
  readonly wireType: number;
}

/**
 * A cursor over `bytes[start, end)`. Every read checks bounds against `end`,
 * as the generated code checks them against the length of the slice it was
 * given.
 */
export class WireReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint as an unsigned 64-bit value (at most 10 bytes, higher bits dropped as Go's shifts drop them). */
  varint(): bigint {
    let lo = 0;
    let result = 0n;
    for (let shift = 0; ; shift += 7) {
      if (shift >= 64) throw new ProtoError(INT_OVERFLOW);
      if (this.pos >= this.end) throw new ProtoError(UNEXPECTED_EOF);
      const b = this.bytes[this.pos++]!;
      if (shift < 28) lo |= (b & 0x7f) << shift;
      else result |= BigInt(b & 0x7f) << BigInt(shift);
      if (b < 0x80) break;
    }
    return BigInt.asUintN(64, result | BigInt(lo));
  }

  /** A tag: field number and wire type. Throws the generated code's errors for group ends and field numbers ≤ 0. */
  tag(message: string): Tag {
    const wire = this.varint();
    const field = Number(BigInt.asIntN(32, wire >> 3n));
    const wireType = Number(wire & 7n);
    if (wireType === 4) throw new ProtoError(`proto: ${message}: wiretype end group for non-group`);
    if (field <= 0) throw new ProtoError(`proto: ${message}: illegal tag ${field} (wire type ${wire})`);
    return { field, wireType };
  }

  /** The payload of a length-delimited field: its [start, end) in `bytes`. */
  lengthDelimited(): [number, number] {
    const length = BigInt.asIntN(64, this.varint());
    if (length < 0n) throw new ProtoError(INVALID_LENGTH);
    const post = BigInt(this.pos) + length;
    if (post > INT64_MAX) throw new ProtoError(INVALID_LENGTH);
    if (post > BigInt(this.end)) throw new ProtoError(UNEXPECTED_EOF);
    const start = this.pos;
    this.pos = Number(post);
    return [start, this.pos];
  }

  bytesField(): Uint8Array {
    const [start, end] = this.lengthDelimited();
    return this.bytes.subarray(start, end);
  }

  string(): string {
    return utf8.decode(this.bytesField());
  }

  fixed64(): bigint {
    if (this.pos + 8 > this.end) throw new ProtoError(UNEXPECTED_EOF);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getBigUint64(0, true);
  }

  /**
   * Skip the field whose tag starts at `tagStart` (skipGenerated): the
   * reader is put back to the tag and moved past the whole field.
   */
  skip(tagStart: number): void {
    this.pos = tagStart;
    const n = skipLength(this.bytes, tagStart, this.end);
    this.pos = tagStart + n;
  }
}

const utf8 = new TextDecoder("utf-8");

/** skipGenerated(dAtA[start:end]): the length of the field at `start`, tag included. */
function skipLength(bytes: Uint8Array, start: number, end: number): number {
  const l = end - start;
  let i = 0;
  let depth = 0;
  const readVarint = (): bigint => {
    let v = 0n;
    for (let shift = 0; ; shift += 7) {
      if (shift >= 64) throw new ProtoError(INT_OVERFLOW);
      if (i >= l) throw new ProtoError(UNEXPECTED_EOF);
      const b = bytes[start + i++]!;
      v |= BigInt(b & 0x7f) << BigInt(shift);
      if (b < 0x80) break;
    }
    return BigInt.asUintN(64, v);
  };
  while (i < l) {
    const wireType = Number(readVarint() & 7n);
    switch (wireType) {
      case 0:
        readVarint();
        break;
      case 1:
        i += 8;
        break;
      case 2: {
        const length = BigInt.asIntN(64, readVarint());
        if (length < 0n) throw new ProtoError(INVALID_LENGTH);
        if (BigInt(i) + length > BigInt(l) + 1n) i = l + 1; // past the end: reported below
        else i += Number(length);
        break;
      }
      case 3:
        depth++;
        break;
      case 4:
        if (depth === 0) throw new ProtoError(UNEXPECTED_END_OF_GROUP);
        depth--;
        break;
      case 5:
        i += 4;
        break;
      default:
        throw new ProtoError(`proto: illegal wireType ${wireType}`);
    }
    if (depth === 0) {
      if (i > l) throw new ProtoError(UNEXPECTED_EOF);
      return i;
    }
  }
  throw new ProtoError(UNEXPECTED_EOF);
}
