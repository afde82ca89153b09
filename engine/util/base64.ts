// Standard base64 (RFC 4648, padded), as Go's encoding/base64.StdEncoding
// writes it: how []byte fields (Secret data) travel in JSON.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    out += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]!;
    out += i + 1 < bytes.length ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)]! : "=";
    out += i + 2 < bytes.length ? ALPHABET[b2 & 63]! : "=";
  }
  return out;
}

/** The base64 of a string's UTF-8 bytes. */
export function base64EncodeText(text: string): string {
  return base64Encode(new TextEncoder().encode(text));
}

/** How many bytes a well-formed padded base64 string decodes to. */
export function base64DecodedLength(s: string): number {
  let pad = 0;
  if (s.endsWith("==")) pad = 2;
  else if (s.endsWith("=")) pad = 1;
  return Math.max(0, Math.floor((s.length * 3) / 4) - pad);
}

/** The bytes of a well-formed padded base64 string (garbage characters are skipped). */
export function base64Decode(s: string): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) continue;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
