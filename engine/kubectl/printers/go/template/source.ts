// A template's text as positions see it: Go counts error columns in bytes
// from the line start, while the lexer indexes code points.

/** The template text, with Go's byte offsets for error positions. */
export class Source {
  readonly chars: string[];
  /** Byte offset of each code point (and of the end). */
  private readonly offsets: number[];

  /** 1 + the newlines before each code point (and the end). */
  private readonly lines: number[];

  constructor(readonly text: string) {
    this.chars = Array.from(text);
    this.offsets = [0];
    this.lines = [1];
    let n = 0;
    let line = 1;
    for (const c of this.chars) {
      const cp = c.codePointAt(0)!;
      n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (c === "\n") line++;
      this.offsets.push(n);
      this.lines.push(line);
    }
  }

  /** 1 + the newlines before code point index pos. */
  lineAt(pos: number): number {
    return this.lines[Math.min(pos, this.chars.length)]!;
  }

  /** "NAME:LINE:COL" as Tree.ErrorContext gives it (COL counts bytes from the line start). */
  location(name: string, pos: number): string {
    let lastNewline = -1;
    for (let i = Math.min(pos, this.chars.length) - 1; i >= 0; i--) {
      if (this.chars[i] === "\n") {
        lastNewline = i;
        break;
      }
    }
    const byteNum = lastNewline === -1 ? this.offsets[pos]! : this.offsets[pos]! - this.offsets[lastNewline + 1]!;
    return `${name}:${this.lineAt(pos)}:${byteNum}`;
  }
}
