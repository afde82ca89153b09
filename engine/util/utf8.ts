// Go measures strings in UTF-8 bytes (name limits, annotation sizes, file
// sizes). Counted without encoding, as this runs for every label and name of
// every write; a lone surrogate counts 3, as TextEncoder's U+FFFD replacement does.

/** Bytes of `s` in UTF-8, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
