// kubectl's custom-columns printer (kubectl pkg/cmd/get/customcolumn.go):
// `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`
// and `-o custom-columns-file=FILE` (a line of headers, a line of specs).
//
// Each column is a relaxed JSONPath (`.a.b`, `a.b`, `{.a.b}`); a cell shows
// every value Go-printed (`map[k:v]`, `[a b]`, `<nil>`), joined by ",", or
// `<none>` when there is none. A list object prints one row per item. Rows
// go through kubectl's get tab-writer, flushed at the end of each object.

import { formatValue } from "./go/fmt.ts";
import type { GoValue } from "./go/value.ts";
import { JsonPath, JsonPathError, parseJsonPath, relaxedJsonPathExpression } from "./jsonpath.ts";
import { PrinterError } from "./printer-error.ts";
import { newGetTabWriter } from "./tabwriter.ts";

export interface CustomColumn {
  /** The header to print above the column. */
  header: string;
  /** The column's JSONPath, relaxed to `{.a.b}` form. */
  fieldSpec: string;
}

export interface CustomColumnsOptions {
  /** `--no-headers` (ignored by the file form, as in kubectl). */
  noHeaders?: boolean;
}

/** printers.EscapeTerminal: no escape sequences or carriage returns reach the terminal. */
function escapeTerminal(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

function isList(obj: unknown): boolean {
  return typeof obj === "object" && obj !== null && Array.isArray((obj as { items?: unknown }).items);
}

export class CustomColumnsPrinter {
  /** Whether the last object printed was a list (kubectl repeats the header when the type changes). */
  private lastType: "object" | "list" | null = null;

  constructor(
    readonly columns: readonly CustomColumn[],
    private readonly noHeaders: boolean,
  ) {}

  /**
   * Print one object (PrintObj) and return what kubectl writes to stdout;
   * on an error throws PrinterError carrying the rows already flushed.
   */
  print(obj: unknown): string {
    const w = newGetTabWriter();
    const type = isList(obj) ? "list" : "object";
    try {
      if (!this.noHeaders && type !== this.lastType) {
        w.write(this.columns.map((c) => c.header).join("\t") + "\n");
        this.lastType = type;
      }
      const parsers = this.columns.map((c) => {
        try {
          return new JsonPath(parseJsonPath(c.fieldSpec), { allowMissingKeys: true });
        } catch (e) {
          if (e instanceof JsonPathError) throw new PrinterError(e.message);
          throw e;
        }
      });
      const items = type === "list" ? ((obj as { items: unknown[] }).items ?? []) : [obj];
      for (const item of items) w.write(this.row(item, parsers) + "\n");
    } catch (e) {
      if (!(e instanceof PrinterError)) throw e;
      w.flush();
      throw new PrinterError(e.message, w.take());
    }
    w.flush();
    return w.take();
  }

  private row(obj: unknown, parsers: JsonPath[]): string {
    return parsers
      .map((parser) => {
        let values: (GoValue | undefined)[][];
        try {
          values = parser.findResults(obj);
        } catch (e) {
          if (e instanceof JsonPathError) throw new PrinterError(e.message);
          throw e;
        }
        const strings: string[] = [];
        if (values.length === 0 || values[0]!.length === 0) strings.push("<none>");
        for (const list of values) {
          for (const v of list) strings.push(escapeTerminal(v === undefined ? "<invalid reflect.Value>" : formatValue(v)));
        }
        return strings.join(",");
      })
      .join("\t");
  }
}

/** `-o custom-columns=SPEC`: comma-separated HEADER:JSONPATH pairs. Throws PrinterError. */
export function compileCustomColumns(spec: string, options: CustomColumnsOptions = {}): CustomColumnsPrinter {
  if (spec.length === 0) throw new PrinterError("custom-columns format specified but no custom columns given");
  const columns = spec.split(",").map((part) => {
    const i = part.indexOf(":");
    if (i < 0) throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) };
  });
  return new CustomColumnsPrinter(columns, options.noHeaders ?? false);
}

/** bufio.ScanWords: fields split on Unicode white space. */
function splitOnWhitespace(line: string): string[] {
  return line.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((w) => w !== "");
}

/**
 * `-o custom-columns-file=FILE`, given the file's text: a line of headers and
 * a line of column specs, both whitespace-separated. Throws PrinterError.
 */
export function compileCustomColumnsFile(text: string): CustomColumnsPrinter {
  // bufio.Scanner lines: split on \n, drop one trailing \r, no final empty line.
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (text.endsWith("\n")) lines.pop();
  const expected = "Expected format is one line of space separated headers, one line of space separated column specs.";
  if (text.length === 0 || lines.length < 1) throw new PrinterError(`invalid template, missing header line. ${expected}`);
  if (lines.length < 2) throw new PrinterError(`invalid template, missing spec line. ${expected}`);
  const headers = splitOnWhitespace(lines[0]!);
  const specs = splitOnWhitespace(lines[1]!);
  if (headers.length !== specs.length) {
    throw new PrinterError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  const columns = headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]!) }));
  return new CustomColumnsPrinter(columns, false);
}
