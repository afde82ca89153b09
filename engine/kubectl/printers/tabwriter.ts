// A port of Go's text/tabwriter, in the github.com/liggitt/tabwriter variant
// kubectl uses (it adds RememberWidths, so `get -w` columns only grow).
//
// Input is cells terminated by '\t' (or '\v'); '\n' and '\f' end lines. Cells
// in the same column of consecutive lines form a block, padded to the block's
// widest cell + padding (at least minwidth). The last cell of a line is not
// tab-terminated, so it belongs to no column and is never padded. A line with a
// single cell ends every block, so the writer flushes there.
//
// Not ported: Escape-bracketed segments (Go's 0xff byte cannot occur in a JS
// string taken from UTF-8 text) and so StripEscape. Widths count code points,
// as Go counts runes.

/** Ignore HTML tags (zero width) and count entities (`&...;`) as one character. */
export const FilterHTML = 1 << 0;
/** Strip Escape characters; accepted for parity, escapes are not supported. */
export const StripEscape = 1 << 1;
/** Right-align cell contents. */
export const AlignRight = 1 << 2;
/** Give columns of only empty soft-tab ('\v') cells zero width. */
export const DiscardEmptyColumns = 1 << 3;
/** Pad leading empty cells with tabs whatever the padchar. */
export const TabIndent = 1 << 4;
/** Print '|' between columns. */
export const Debug = 1 << 5;
/** Keep each column's widest width across flushes (liggitt/tabwriter). */
export const RememberWidths = 1 << 6;

interface Cell {
  text: string;
  /** Display width in code points, HTML tags excluded. */
  width: number;
  /** Terminated by '\t' rather than '\v' or a line break. */
  htab: boolean;
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export class TabWriter {
  private readonly padchar: string;
  private readonly flags: number;
  private out = "";
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private maxwidths: number[] = [];
  // The current, incomplete cell: its text, and its width up to `pos`.
  private cell: Cell = { text: "", width: 0, htab: false };
  private pos = 0;
  /** '>' or ';' while inside an HTML tag or entity, else "". */
  private endChar = "";

  constructor(
    private readonly minwidth: number,
    private readonly tabwidth: number,
    private readonly padding: number,
    padchar: string,
    flags: number,
  ) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new Error("negative minwidth, tabwidth, or padding");
    if (padchar.length !== 1) throw new Error("padchar must be one character");
    this.padchar = padchar;
    // Tab padding forces left alignment.
    this.flags = padchar === "\t" ? flags & ~AlignRight : flags;
  }

  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.endChar === "") {
        if (ch === "\t" || ch === "\v" || ch === "\n" || ch === "\f") {
          this.append(text.slice(n, i));
          this.updateWidth();
          n = i + 1;
          const ncells = this.terminateCell(ch === "\t");
          if (ch === "\n" || ch === "\f") {
            this.lines.push([]);
            // A one-cell line cannot affect the layout of later lines.
            if (ch === "\f" || ncells === 1) {
              this.flush();
              if (ch === "\f" && this.flags & Debug) this.out += "---\n";
            }
          }
        } else if ((ch === "<" || ch === "&") && this.flags & FilterHTML) {
          this.append(text.slice(n, i));
          this.updateWidth();
          n = i;
          this.endChar = ch === "<" ? ">" : ";";
        }
      } else if (ch === this.endChar) {
        this.append(text.slice(n, i + 1));
        n = i + 1;
        this.endEscape();
      }
    }
    this.append(text.slice(n));
  }

  /** Format everything buffered. Call after the last write. */
  flush(): void {
    if (this.cell.text.length > 0) {
      if (this.endChar !== "") this.endEscape();
      this.terminateCell(false);
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
    this.cell = { text: "", width: 0, htab: false };
    this.pos = 0;
    this.endChar = "";
  }

  /** The text formatted so far, which is then forgotten. */
  take(): string {
    const s = this.out;
    this.out = "";
    return s;
  }

  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  setRememberedWidths(widths: readonly number[] | null): void {
    this.maxwidths = widths ? [...widths] : [];
  }

  private append(text: string): void {
    this.cell.text += text;
  }

  private updateWidth(): void {
    this.cell.width += codePoints(this.cell.text.slice(this.pos));
    this.pos = this.cell.text.length;
  }

  private endEscape(): void {
    if (this.endChar === ";") this.cell.width++; // an entity counts as one character; a tag as none
    this.pos = this.cell.text.length;
    this.endChar = "";
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1]!;
    line.push(this.cell);
    this.cell = { text: "", width: 0, htab: false };
    this.pos = 0;
    return line.length;
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.padchar === "\t" || useTabs) {
      if (this.tabwidth === 0) return; // tabs have no width: no padding possible
      const tw = this.tabwidth;
      const roundedw = Math.trunc((cellw + tw - 1) / tw) * tw;
      const n = roundedw - textw;
      if (n < 0) throw new Error("tabwriter: internal error");
      this.out += "\t".repeat(Math.trunc((n + tw - 1) / tw));
      return;
    }
    this.out += this.padchar.repeat(Math.max(0, cellw - textw));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = (this.flags & TabIndent) !== 0;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        if (j > 0 && this.flags & Debug) this.out += "|";
        if (c.text.length === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, useTabs);
        } else {
          useTabs = false;
          if ((this.flags & AlignRight) === 0) {
            this.out += c.text;
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
          } else {
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
            this.out += c.text;
          }
        }
      }
      if (i + 1 === this.lines.length) {
        // The last buffered line has no newline yet: write the pending text.
        this.out += this.cell.text;
      } else {
        this.out += "\n";
      }
    }
  }

  /**
   * Lay out lines [line0, line1) for the column after those in `widths`:
   * each run of lines that have a cell in this column is a block with one
   * width, and the columns to its right are laid out within the block.
   */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row]!.length - 1) continue;
      // This line starts a block: print the lines before it.
      this.writeLines(line0, row);
      line0 = row;

      let width = this.minwidth;
      let discardable = true;
      for (; row < line1; row++) {
        const line = this.lines[row]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        if (c.width + this.padding > width) width = c.width + this.padding;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & DiscardEmptyColumns) width = 0;

      if (this.flags & RememberWidths) {
        if (this.maxwidths.length < this.widths.length) {
          this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        }
        const k = this.widths.length;
        if (this.maxwidths.length === k) this.maxwidths.push(width);
        else if (this.maxwidths[k]! > width) width = this.maxwidths[k]!;
        else if (this.maxwidths[k]! < width) this.maxwidths[k] = width;
      }

      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }
}

/** Run `text` through a fresh writer and flush it. */
export function tabwrite(
  text: string,
  minwidth: number,
  tabwidth: number,
  padding: number,
  padchar: string,
  flags: number,
): string {
  const w = new TabWriter(minwidth, tabwidth, padding, padchar, flags);
  w.write(text);
  w.flush();
  return w.take();
}

/** cli-runtime GetNewTabWriter: the writer behind `kubectl get` tables. */
export function newGetTabWriter(): TabWriter {
  return new TabWriter(6, 4, 3, " ", RememberWidths);
}

/** The writer `kubectl describe` uses (text/tabwriter with 0, 8, 2, ' ', 0). */
export function newDescribeTabWriter(): TabWriter {
  return new TabWriter(0, 8, 2, " ", 0);
}
