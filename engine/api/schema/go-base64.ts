// base64.StdEncoding.Decode (Go 1.23) as far as its error: encoding/json
// decodes a JSON string into a []byte field (Secret.data, ConfigMap.binaryData)
// with it, and a bad string fails the request with
// "illegal base64 data at input byte N". '\r' and '\n' are skipped.

import { utf8Bytes } from "./go-text.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='
const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;

/** The offset Go's CorruptInputError reports, or null when `src` decodes. */
function corruptOffset(src: readonly number[]): number | null {
  let si = 0;
  while (si < src.length) {
    // decodeQuantum
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return null;
        return si - j; // a partial quantum (StdEncoding pads)
      }
      const b = src[si++]!;
      if (DECODE[b]! >= 0) continue;
      if (isNewline(b)) {
        j--;
        continue;
      }
      if (b !== PAD) return si - 1;
      // padding
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < src.length && isNewline(src[si]!)) si++;
        if (si === src.length) return src.length;
        if (src[si] !== PAD) return si - 1;
        si++;
      }
      while (si < src.length && isNewline(src[si]!)) si++;
      if (si < src.length) return si; // trailing garbage
      return null;
    }
  }
  return null;
}

/** The error text of decoding the JSON string `s` into a []byte, or null. */
export function goBase64Error(s: string): string | null {
  const offset = corruptOffset(utf8Bytes(s));
  return offset === null ? null : `illegal base64 data at input byte ${offset}`;
}
