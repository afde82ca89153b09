import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256.ts";

// Digests from FIPS 180-4's examples and `sha256sum`.
describe("sha256Hex", () => {
  it.each([
    ["the empty input", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["one block", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["two blocks", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["padding that spills into a second block", "a".repeat(56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"],
    ["UTF-8 bytes", "héllo", "3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179"],
  ])("%s", (_, text, hex) => {
    expect(sha256Hex(new TextEncoder().encode(text))).toBe(hex);
  });
});
