import { describe, expect, it } from "vitest";
import { concat, tag, varint } from "./proto-builder.test-util.ts";
import { ProtoError, WireReader } from "./wire.ts";

const reader = (...bytes: number[]) => new WireReader(new Uint8Array(bytes));

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof ProtoError) return err.message;
    throw err;
  }
  return "no error";
}

describe("varints", () => {
  it.each([
    ["one byte", [0x05], 5n],
    ["two bytes (300)", [0xac, 0x02], 300n],
    ["2^32", [0x80, 0x80, 0x80, 0x80, 0x10], 1n << 32n],
    ["max uint64 in ten bytes", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], (1n << 64n) - 1n],
    ["bits past 64 dropped", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], (1n << 64n) - 1n],
    ["redundant zero continuation", [0x81, 0x00], 1n],
  ] as const)("%s", (_, bytes, value) => {
    const r = reader(...bytes);
    expect(r.varint()).toBe(value);
    expect(r.done).toBe(true);
  });

  it("negative int32 and int64 are ten-byte two's complement", () => {
    expect(BigInt.asIntN(32, new WireReader(varint(-1)).varint())).toBe(-1n);
    expect(BigInt.asIntN(64, new WireReader(varint(-123456789012n)).varint())).toBe(-123456789012n);
    expect(varint(-1).length).toBe(10);
  });

  it.each([
    ["eleven bytes", [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], "proto: integer overflow"],
    ["cut short", [0x80, 0x80], "unexpected EOF"],
    ["nothing", [], "unexpected EOF"],
  ] as const)("%s", (_, bytes, message) => {
    expect(errorOf(() => reader(...bytes).varint())).toBe(message);
  });
});

describe("tags", () => {
  it("field number and wire type", () => {
    expect(new WireReader(tag(17, 2)).tag("X")).toEqual({ field: 17, wireType: 2 });
  });

  it.each([
    ["an end-group tag", [0x0c], "proto: Deployment: wiretype end group for non-group"],
    ["field number 0", [0x02], "proto: Deployment: illegal tag 0 (wire type 2)"],
    ["a field number that is negative as int32", [0xf8, 0xff, 0xff, 0xff, 0xff, 0x01], "proto: Deployment: illegal tag -1 (wire type 68719476728)"],
  ] as const)("%s", (_, bytes, message) => {
    expect(errorOf(() => reader(...bytes).tag("Deployment"))).toBe(message);
  });
});

describe("length-delimited fields", () => {
  it("reads the payload and moves past it", () => {
    const r = reader(0x03, 0x61, 0x62, 0x63, 0x07);
    expect(r.string()).toBe("abc");
    expect(r.varint()).toBe(7n);
  });

  it("a nested range bounds the reads inside it", () => {
    const r = new WireReader(new Uint8Array([0x02, 0x61, 0x62]), 0, 2);
    expect(errorOf(() => r.bytesField())).toBe("unexpected EOF");
  });

  it.each([
    ["longer than the data", [0x05, 0x61], "unexpected EOF"],
    ["a negative length", [...varint(-2)], "proto: negative length found during unmarshaling"],
    ["a length that overflows int64 with the offset", [...varint((1n << 63n) - 1n)], "proto: negative length found during unmarshaling"],
  ] as const)("%s", (_, bytes, message) => {
    expect(errorOf(() => reader(...bytes).bytesField())).toBe(message);
  });

  it("invalid UTF-8 in a string becomes U+FFFD", () => {
    expect(reader(0x02, 0x61, 0xff).string()).toBe("a\ufffd");
  });
});

describe("skipping unknown fields", () => {
  const skipFrom = (...parts: Uint8Array[]) => {
    const r = new WireReader(concat(...parts, new Uint8Array([0x2a])));
    r.skip(0);
    return r;
  };

  it.each([
    ["a varint", concat(tag(9, 0), varint(-1))],
    ["a fixed64", concat(tag(9, 1), new Uint8Array(8))],
    ["a length-delimited field", concat(tag(9, 2), varint(3), new Uint8Array([1, 2, 3]))],
    ["a fixed32", concat(tag(9, 5), new Uint8Array(4))],
    ["a group with a nested group", concat(tag(9, 3), tag(1, 0), varint(1), tag(2, 3), tag(2, 4), tag(9, 4))],
  ] as const)("%s", (_, field) => {
    const r = skipFrom(field);
    expect(r.pos).toBe(field.length);
    expect(r.varint()).toBe(42n);
  });

  it.each([
    ["an end group outside a group", tag(9, 4), "proto: unexpected end of group"],
    ["wire type 6", tag(9, 6), "proto: illegal wireType 6"],
    ["wire type 7", tag(9, 7), "proto: illegal wireType 7"],
    ["a cut fixed64", concat(tag(9, 1), new Uint8Array(3)), "unexpected EOF"],
    ["a cut length-delimited field", concat(tag(9, 2), varint(9), new Uint8Array(2)), "unexpected EOF"],
    ["a negative length", concat(tag(9, 2), varint(-1)), "proto: negative length found during unmarshaling"],
    ["an unclosed group", concat(tag(9, 3), tag(1, 0), varint(1)), "unexpected EOF"],
    ["a cut varint", concat(tag(9, 0), new Uint8Array([0x80])), "unexpected EOF"],
  ] as const)("%s", (_, field, message) => {
    expect(errorOf(() => new WireReader(field).skip(0))).toBe(message);
  });
});
