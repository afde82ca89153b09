// `kubectl get` rendering of a server Table (cli-runtime tableprinter.go):
// decorate it (NAMESPACE first, -L label columns, LABELS last, kind prefix on
// the name column), drop priority>0 columns unless wide, upper-case the
// header, and align everything with the get tab-writer.

import { formatLabels } from "../../api/printers/format.ts";
import type { Table, TableColumnDefinition, TableRow } from "../../api/types.ts";
import { TabWriter, newGetTabWriter } from "./tabwriter.ts";

export interface TablePrintOptions {
  /** `-o wide`: also print priority-1 columns. */
  wide?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-A` on a namespaced resource: a NAMESPACE column first. */
  withNamespace?: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean;
  /** `-L key,...`: one column per key, before LABELS. */
  columnLabels?: readonly string[];
  /**
   * Several resource types in one command: prefix the name column with the
   * lower-cased `kind[.group]/`, e.g. `deployment.apps/nginx`, `pod/web-0`.
   */
  withKind?: { kind: string; group: string };
}

/** Watch event types as `--output-watch-events` shows them, padded to one width. */
const WATCH_EVENT_LABELS: Readonly<Record<string, string>> = {
  ADDED: "ADDED   ",
  MODIFIED: "MODIFIED",
  DELETED: "DELETED ",
  ERROR: "ERROR   ",
};

/** The -L column header: the part of the key after the last `/`, upper-cased. */
function labelColumnName(key: string): string {
  const parts = key.split("/");
  return parts[parts.length - 1]!.toUpperCase();
}

/** A copy of `table` with the columns and cells the options add (decorateTable). */
export function decorateTable(table: Table, options: TablePrintOptions): Table {
  const columnLabels = options.columnLabels ?? [];
  const base = table.columnDefinitions;
  let width = base.length + columnLabels.length;
  if (options.withNamespace) width++;
  if (options.showLabels) width++;

  let nameColumn = -1;
  if (options.withKind && options.withKind.kind !== "") {
    nameColumn = base.findIndex((c) => c.format === "name" && c.type === "string");
  }

  let columns = base;
  if (width !== base.length) {
    columns = [];
    if (options.withNamespace) columns.push(plainColumn("Namespace"));
    columns.push(...base);
    for (const key of columnLabels) columns.push(plainColumn(labelColumnName(key)));
    if (options.showLabels) columns.push(plainColumn("Labels"));
  }

  const includeLabels = columnLabels.length > 0 || !!options.showLabels;
  const rows = table.rows.map((row): TableRow => {
    let cells = [...row.cells];
    if (!includeLabels && !options.withNamespace && nameColumn === -1) return { ...row, cells };
    if (nameColumn !== -1 && options.withKind) {
      cells[nameColumn] = `${kindPrefix(options.withKind)}/${cellText(cells[nameColumn])}`;
    }
    const meta = row.object?.metadata;
    if (!meta) {
      // No object metadata: pad with empty cells. The Go loop re-reads
      // len(row.Cells) as it appends, so it adds only half the gap; kept as is.
      if (options.withNamespace) cells = [null, ...cells];
      for (let j = 0; j < width - cells.length; j++) cells.push(null);
      return { ...row, cells };
    }
    if (options.withNamespace) cells = [meta.namespace ?? "", ...cells];
    if (includeLabels) {
      const labels = meta.labels ?? {};
      for (const key of columnLabels) cells.push(labels[key] ?? "");
      if (options.showLabels) cells.push(formatLabels(labels));
    }
    return { ...row, cells };
  });
  return { ...table, columnDefinitions: columns, rows };
}

function plainColumn(name: string): TableColumnDefinition {
  return { name, type: "string", format: "", description: "", priority: 0 };
}

function kindPrefix(kind: { kind: string; group: string }): string {
  return (kind.group ? `${kind.kind}.${kind.group}` : kind.kind).toLowerCase();
}

/** fmt.Sprint of a decoded JSON cell value. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return `[${value.map(cellText).join(" ")}]`;
  if (typeof value === "object") {
    // Go prints maps with sorted keys: map[a:1 b:2].
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${cellText(v)}`).join(" ")}]`;
  }
  return String(value);
}

/** Terminal-unsafe characters made visible (cli-runtime WriteEscaped). */
function escapeTerminal(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

/**
 * The tab-separated text printTable feeds the tab-writer: header (unless
 * noHeaders; never for a table without rows), then one line per row.
 */
export function tableText(table: Table, options: Pick<TablePrintOptions, "wide" | "noHeaders">): string {
  const cols = table.columnDefinitions;
  const shown = (i: number): boolean => !!options.wide || cols[i]!.priority === 0;
  let out = "";
  if (!options.noHeaders) {
    if (table.rows.length === 0) return "";
    out += cols.flatMap((c, i) => (shown(i) ? [c.name.toUpperCase()] : [])).join("\t") + "\n";
  }
  for (const row of table.rows) {
    const parts: string[] = [];
    // Cells past the column definitions are ignored (a bad server response).
    for (let i = 0; i < row.cells.length && i < cols.length; i++) {
      if (!shown(i)) continue;
      const cell = row.cells[i];
      if (cell === null || cell === undefined) {
        parts.push("");
      } else if (typeof cell === "string") {
        // Only the first line of a multi-line value is shown.
        const cut = cell.search(/[\f\n\r]/);
        parts.push(cut >= 0 ? escapeTerminal(cell.slice(0, cut)) + "..." : escapeTerminal(cell));
      } else {
        parts.push(escapeTerminal(cellText(cell)));
      }
    }
    out += parts.join("\t") + "\n";
  }
  return out;
}

/** `kubectl get` output for one table (one resource type), fully aligned. */
export function renderTable(table: Table, options: TablePrintOptions = {}): string {
  const w = newGetTabWriter();
  w.write(tableText(decorateTable(table, options), options));
  w.flush();
  return w.take();
}

/**
 * Several resource types in one command (`get deploy,pods`): each table is
 * aligned on its own, and a blank line goes before each non-empty group after
 * output has been written, unless --no-headers (kubectl get.go).
 */
export function renderTables(
  groups: readonly { table: Table; options: TablePrintOptions }[],
  noHeaders = false,
): string {
  let out = "";
  groups.forEach(({ table, options }, i) => {
    const text = renderTable(table, { ...options, noHeaders });
    if (i > 0 && !noHeaders && out.length > 0 && text.length > 0) out += "\n";
    out += text;
  });
  return out;
}

/**
 * `kubectl get -w`: one writer for the whole watch, so the header is printed
 * once and each later flush keeps the widest widths seen (they only grow).
 * Each print() returns the text to append to the terminal.
 */
export class WatchTablePrinter {
  private readonly writer: TabWriter = newGetTabWriter();
  private lastColumns: TableColumnDefinition[] = [];
  private printedHeaders = false;

  constructor(private readonly options: TablePrintOptions = {}) {}

  /**
   * Print a table (the initial list, or one watch event's row). A table with
   * no column definitions reuses the last ones, as watch events may omit them.
   * `eventType` adds the EVENT column of --output-watch-events.
   */
  print(table: Table, eventType?: string): string {
    const local: TablePrintOptions = { ...this.options };
    const sameColumns =
      table.columnDefinitions.length === 0 || sameDefinitions(table.columnDefinitions, this.lastColumns);
    if (this.printedHeaders && sameColumns) local.noHeaders = true;
    let t = table;
    if (table.columnDefinitions.length === 0) {
      t = { ...table, columnDefinitions: this.lastColumns };
    } else if (!sameColumns) {
      this.lastColumns = table.columnDefinitions;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;

    t = decorateTable(t, local);
    if (eventType) {
      const label = WATCH_EVENT_LABELS[eventType] ?? eventType;
      t = {
        ...t,
        columnDefinitions: [plainColumn("Event"), ...t.columnDefinitions],
        rows: t.rows.map((r) => ({ ...r, cells: [label, ...r.cells] })),
      };
    }
    this.writer.write(tableText(t, local));
    this.writer.flush();
    return this.writer.take();
  }
}

function sameDefinitions(a: readonly TableColumnDefinition[], b: readonly TableColumnDefinition[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
