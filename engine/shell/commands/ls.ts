// GNU ls over the virtual filesystem: columns on a terminal (GNU's column
// fitting, tab-indented), one per line into a pipe, the long format with
// "total", -a -A -d -F -h -R -r -S -t. Names sort in byte order (LC_ALL=C).
import { compareBytes, type FsStat } from "../fs.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { options } from "./context.ts";

interface Entry {
  name: string;
  /** Path to stat, relative or absolute as given. */
  path: string;
  st: FsStat;
}

interface Flags {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  one: boolean;
  columns: boolean;
  dirOnly: boolean;
  classify: boolean;
  human: boolean;
  recursive: boolean;
  reverse: boolean;
  width: number;
  sort: "name" | "time" | "size" | "none";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SIX_MONTHS = (365.2425 / 2) * 24 * 3600 * 1000;

function modeString(st: FsStat): string {
  const bits = "rwxrwxrwx";
  let s = st.kind === "dir" ? "d" : "-";
  for (let i = 0; i < 9; i++) s += st.mode & (1 << (8 - i)) ? bits[i] : "-";
  return s;
}

/** ls -l's date: "Jan  5 09:00" for recent files, "Jan  5  2025" otherwise. */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const recent = mtime > now - SIX_MONTHS && mtime <= now + 60_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** -h sizes as GNU prints them: 4.0K, 12K, 1.1M (rounded up). */
export function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T"];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(v)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  return `${Math.ceil(v)}${units[u]}`;
}

function blocks(st: FsStat): number {
  return st.kind === "dir" ? 4 : Math.ceil(st.size / 4096) * 4;
}

function indicator(e: Entry, flags: Flags): string {
  if (!flags.classify) return "";
  if (e.st.kind === "dir") return "/";
  return e.st.mode & 0o111 ? "*" : "";
}

function sortEntries(list: Entry[], flags: Flags): Entry[] {
  const byName = (a: Entry, b: Entry) => compareBytes(a.name, b.name);
  let sorted = [...list];
  if (flags.sort === "name") sorted.sort(byName);
  else if (flags.sort === "time") sorted.sort((a, b) => b.st.mtime - a.st.mtime || byName(a, b));
  else if (flags.sort === "size") sorted.sort((a, b) => b.st.size - a.st.size || byName(a, b));
  if (flags.reverse) sorted = sorted.reverse();
  return sorted;
}

/** GNU ls's vertical columns: the most columns whose widths fit the line. */
export function columns(names: string[], width: number): string {
  if (names.length === 0) return "";
  const lengths = names.map((n) => Array.from(n).length);
  const maxCols = Math.max(1, Math.min(names.length, Math.floor(width / 3)));
  let best = { cols: 1, widths: [Math.max(...lengths)] };
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    if (used !== cols && cols > 1) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < names.length) w = Math.max(w, lengths[i] + (c === cols - 1 ? 0 : 2));
      }
      widths.push(w);
    }
    if (widths.reduce((a, b) => a + b, 0) < width || cols === 1) {
      best = { cols, widths };
      break;
    }
  }
  const rows = Math.ceil(names.length / best.cols);
  let out = "";
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; c < best.cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) break;
      out += names[i];
      const next = (c + 1) * rows + r;
      if (next >= names.length) break;
      const from = pos + lengths[i];
      const to = pos + best.widths[c];
      out += indent(from, to);
      pos = to;
    }
    out += "\n";
  }
  return out;
}

/** Spaces and 8-column tabs from column `from` to `to`, as GNU ls indents. */
function indent(from: number, to: number): string {
  let s = "";
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += "\t";
      from += 8 - (from % 8);
    } else {
      s += " ";
      from++;
    }
  }
  return s;
}

function longFormat(entries: Entry[], flags: Flags, user: string, now: number): string {
  const size = (e: Entry) => (flags.human ? humanSize(e.st.size) : String(e.st.size));
  const linkW = Math.max(0, ...entries.map((e) => String(e.st.nlink).length));
  const sizeW = Math.max(0, ...entries.map((e) => size(e).length));
  return entries
    .map((e) => `${modeString(e.st)} ${String(e.st.nlink).padStart(linkW)} ${user} ${user} ${size(e).padStart(sizeW)} ${lsDate(e.st.mtime, now)} ${e.name}${indicator(e, flags)}\n`)
    .join("");
}

function render(entries: Entry[], flags: Flags, ctx: CommandContext): string {
  if (entries.length === 0) return "";
  if (flags.long) return longFormat(entries, flags, ctx.sh.shared.user, ctx.sh.shared.now());
  const names = entries.map((e) => e.name + indicator(e, flags));
  const useColumns = !flags.one && (flags.columns || ctx.out.isTerminal);
  if (!useColumns) return names.map((n) => n + "\n").join("");
  return columns(names, flags.width);
}

function listDir(ctx: CommandContext, path: string, flags: Flags): { entries: Entry[]; total: number } {
  const sh = ctx.sh;
  const abs = sh.resolve(path);
  const names = sh.fs.readdir(abs);
  const entries: Entry[] = [];
  if (flags.all) {
    entries.push({ name: ".", path: abs, st: sh.fs.stat(abs) as FsStat });
    const parent = abs === "/" ? "/" : abs.slice(0, abs.lastIndexOf("/")) || "/";
    entries.push({ name: "..", path: parent, st: sh.fs.stat(parent) as FsStat });
  }
  for (const name of names) {
    if (name.startsWith(".") && !flags.all && !flags.almostAll) continue;
    const child = abs === "/" ? `/${name}` : `${abs}/${name}`;
    entries.push({ name, path: child, st: sh.fs.stat(child) as FsStat });
  }
  const sorted = sortEntries(entries, flags);
  return { entries: sorted, total: sorted.reduce((t, e) => t + blocks(e.st), 0) };
}

function ls(ctx: CommandContext): number {
  const opts = options(ctx, {
    flags: "laA1CdFhRrStUx",
    withArg: "w",
    long: {
      all: ["a", false],
      "almost-all": ["A", false],
      directory: ["d", false],
      classify: ["F", false],
      "human-readable": ["h", false],
      recursive: ["R", false],
      reverse: ["r", false],
      color: ["color", "optional"],
      width: ["w", "required"],
    },
  });
  if (!opts) return 2;
  const flags: Flags = {
    all: false,
    almostAll: false,
    long: false,
    one: false,
    columns: false,
    dirOnly: false,
    classify: false,
    human: false,
    recursive: false,
    reverse: false,
    sort: "name",
    width: ctx.sh.shared.columns,
  };
  for (const [k, v] of opts.list) {
    if (k === "a") flags.all = true;
    else if (k === "A") flags.almostAll = true;
    else if (k === "l") flags.long = true;
    else if (k === "1") flags.one = true;
    else if (k === "C" || k === "x") (flags.columns = true), (flags.one = false);
    else if (k === "d") flags.dirOnly = true;
    else if (k === "F") flags.classify = true;
    else if (k === "h") flags.human = true;
    else if (k === "R") flags.recursive = true;
    else if (k === "r") flags.reverse = true;
    else if (k === "t") flags.sort = "time";
    else if (k === "S") flags.sort = "size";
    else if (k === "U") flags.sort = "none";
    else if (k === "w") {
      const w = Number(v);
      if (!Number.isInteger(w) || w < 0) {
        ctx.stderr(`ls: invalid line width: ‘${v}’\n`);
        return 2;
      }
      flags.width = w === 0 ? Number.POSITIVE_INFINITY : w;
    }
  }
  const sh = ctx.sh;
  const operands = opts.operands.length === 0 ? ["."] : opts.operands;
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    const st = sh.fs.stat(sh.resolve(op));
    if (!st || (op.endsWith("/") && st.kind !== "dir")) {
      ctx.stderr(`ls: cannot access '${op}': ${st ? "Not a directory" : "No such file or directory"}\n`);
      status = 2;
      continue;
    }
    const e = { name: op, path: op, st };
    if (st.kind === "dir" && !flags.dirOnly) dirs.push(e);
    else files.push(e);
  }
  let out = render(sortEntries(files, flags), flags, ctx);
  const showHeaders = operands.length > 1 || flags.recursive;
  let first = files.length === 0;
  const queue = sortEntries(dirs, flags);
  while (queue.length > 0) {
    const d = queue.shift() as Entry;
    let listing: { entries: Entry[]; total: number };
    try {
      listing = listDir(ctx, d.path, flags);
    } catch {
      ctx.stderr(`ls: cannot open directory '${d.name}': Permission denied\n`);
      status = 2;
      continue;
    }
    if (!first) out += "\n";
    first = false;
    if (showHeaders) out += `${d.name}:\n`;
    if (flags.long) out += `total ${flags.human ? humanSize(listing.total * 1024) : listing.total}\n`;
    out += render(listing.entries, flags, ctx);
    if (flags.recursive) {
      const subdirs = listing.entries.filter((e) => e.st.kind === "dir" && e.name !== "." && e.name !== "..");
      queue.unshift(...subdirs.map((e) => ({ ...e, name: d.name === "/" ? `/${e.name}` : `${d.name.replace(/\/$/, "")}/${e.name}`, path: e.path })));
    }
  }
  ctx.stdout(out);
  return status;
}

export const LS_COMMANDS: CommandTable = {
  ls: { impl: ls, kind: "utility", path: "/usr/bin/ls" },
};
