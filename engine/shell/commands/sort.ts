// GNU sort: keys (-k F[.C][opts][,F[.C][opts]]), -t, -n -g -h -V -M -f -d -i
// -b -r -u -s -c -o, with GNU's rules: a key without options of its own
// inherits the global ones; equal keys fall back to comparing whole lines
// (reversed by a global -r) unless -s or -u. Byte order, as LC_ALL=C.
import { compareBytes } from "../fs.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { inputs, options } from "./context.ts";

interface KeyOpts {
  blanksStart: boolean;
  blanksEnd: boolean;
  dictionary: boolean;
  fold: boolean;
  ignoreNonprinting: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  month: boolean;
  version: boolean;
  reverse: boolean;
}

interface Key extends KeyOpts {
  startField: number;
  startChar: number;
  /** 0: end of line. */
  endField: number;
  /** 0: end of the end field. */
  endChar: number;
}

const emptyOpts = (): KeyOpts => ({
  blanksStart: false,
  blanksEnd: false,
  dictionary: false,
  fold: false,
  ignoreNonprinting: false,
  numeric: false,
  general: false,
  human: false,
  month: false,
  version: false,
  reverse: false,
});

function applyLetters(o: KeyOpts, letters: string, end = false): boolean {
  for (const c of letters) {
    if (c === "b") {
      if (end) o.blanksEnd = true;
      else o.blanksStart = true;
    } else if (c === "d") o.dictionary = true;
    else if (c === "f") o.fold = true;
    else if (c === "i") o.ignoreNonprinting = true;
    else if (c === "n") o.numeric = true;
    else if (c === "g") o.general = true;
    else if (c === "h") o.human = true;
    else if (c === "M") o.month = true;
    else if (c === "V") o.version = true;
    else if (c === "r") o.reverse = true;
    else return false;
  }
  return true;
}

class KeyError extends Error {}

function parseKey(spec: string): Key {
  const key: Key = { ...emptyOpts(), startField: 0, startChar: 1, endField: 0, endChar: 0 };
  const [start, end] = spec.split(",", 2);
  const ms = /^(\d*)(?:\.(\d*))?([a-zA-Z]*)$/.exec(start);
  if (!ms || ms[1] === "") {
    const bad = /^\d+\./.test(start) ? start.replace(/^\d+\./, "") : start;
    throw new KeyError(/^\d+\./.test(start) ? `invalid number after '.': invalid count at start of ‘${bad}’` : `invalid number at field start: invalid count at start of ‘${start}’`);
  }
  key.startField = Number(ms[1]);
  if (key.startField === 0) throw new KeyError(`field number is zero: invalid field specification ‘${spec}’`);
  if (ms[2] !== undefined) {
    key.startChar = Number(ms[2] || "0");
    if (key.startChar === 0) throw new KeyError(`character offset is zero: invalid field specification ‘${spec}’`);
  }
  if (!applyLetters(key, ms[3])) throw new KeyError(`stray character in field spec: invalid field specification ‘${spec}’`);
  if (end !== undefined) {
    const me = /^(\d+)(?:\.(\d*))?([a-zA-Z]*)$/.exec(end);
    if (!me) throw new KeyError(`invalid number after ',': invalid count at start of ‘${end}’`);
    key.endField = Number(me[1]);
    if (key.endField === 0) throw new KeyError(`field number is zero: invalid field specification ‘${spec}’`);
    key.endChar = Number(me[2] || "0");
    if (!applyLetters(key, me[3], true)) throw new KeyError(`stray character in field spec: invalid field specification ‘${spec}’`);
  }
  return key;
}

const isBlank = (c: string) => c === " " || c === "\t";

/** Start offsets of each field and where it ends. */
function fieldBounds(line: string, tab: string | undefined): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  if (tab !== undefined) {
    let start = 0;
    for (;;) {
      const i = line.indexOf(tab, start);
      if (i < 0) {
        bounds.push([start, line.length]);
        return bounds;
      }
      bounds.push([start, i]);
      start = i + tab.length;
    }
  }
  // Without -t a field is blanks followed by non-blanks: the blanks belong to it.
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && isBlank(line[i])) i++;
    while (i < line.length && !isBlank(line[i])) i++;
    bounds.push([start, i]);
  }
  if (bounds.length === 0) bounds.push([0, 0]);
  return bounds;
}

function extract(line: string, key: Key, tab: string | undefined): string {
  const bounds = fieldBounds(line, tab);
  let start: number;
  if (key.startField > bounds.length) start = line.length;
  else {
    const [fs, fe] = bounds[key.startField - 1];
    let s = fs;
    if (key.blanksStart) while (s < fe && isBlank(line[s])) s++;
    start = Math.min(s + key.startChar - 1, fe);
  }
  let end = line.length;
  if (key.endField > 0) {
    if (key.endField > bounds.length) end = line.length;
    else {
      const [fs, fe] = bounds[key.endField - 1];
      if (key.endChar === 0) end = fe;
      else {
        let s = fs;
        if (key.blanksEnd) while (s < fe && isBlank(line[s])) s++;
        end = Math.min(s + key.endChar, fe);
      }
    }
  }
  return end <= start ? "" : line.slice(start, end);
}

function numericValue(s: string): number {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
  if (m[2] === "" && (m[3] === undefined || m[3] === "")) return 0;
  return Number(`${m[1]}${m[2] || "0"}.${m[3] ?? "0"}`);
}

function humanValue(s: string): number {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)([KMGTPEZY]?)/.exec(s) as RegExpExecArray;
  return (Number(m[1]) || 0) * 1024 ** " KMGTPEZY".indexOf(m[2] || " ");
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

function versionCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (x !== y) return compareBytes(x, y);
  }
  return 0;
}

function compareKey(a: string, b: string, o: KeyOpts): number {
  let d: number;
  if (o.numeric) d = numericValue(a) - numericValue(b);
  else if (o.general) {
    const x = Number.parseFloat(a.trim());
    const y = Number.parseFloat(b.trim());
    d = Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : Number.isNaN(y) ? 1 : x - y;
  } else if (o.human) d = humanValue(a) - humanValue(b);
  else if (o.month) d = MONTHS.indexOf(a.trim().slice(0, 3).toUpperCase()) - MONTHS.indexOf(b.trim().slice(0, 3).toUpperCase());
  else if (o.version) d = versionCompare(a, b);
  else {
    let x = a;
    let y = b;
    if (o.dictionary) (x = x.replace(/[^A-Za-z0-9 \t]/g, "")), (y = y.replace(/[^A-Za-z0-9 \t]/g, ""));
    if (o.ignoreNonprinting) (x = x.replace(/[^\x20-\x7e]/g, "")), (y = y.replace(/[^\x20-\x7e]/g, ""));
    if (o.fold) (x = x.toUpperCase()), (y = y.toUpperCase());
    d = compareBytes(x, y);
  }
  d = Math.sign(d);
  return o.reverse ? -d : d;
}

const hasOrdering = (o: KeyOpts) =>
  o.blanksStart || o.blanksEnd || o.dictionary || o.fold || o.ignoreNonprinting || o.numeric || o.general || o.human || o.month || o.version || o.reverse;

function sort(ctx: CommandContext): number {
  const opts = options(ctx, {
    flags: "bdfgiMhnRrVcCsuz",
    withArg: "ktoST",
    long: {
      "ignore-leading-blanks": ["b", false],
      "dictionary-order": ["d", false],
      "ignore-case": ["f", false],
      "general-numeric-sort": ["g", false],
      "human-numeric-sort": ["h", false],
      "numeric-sort": ["n", false],
      "month-sort": ["M", false],
      "version-sort": ["V", false],
      reverse: ["r", false],
      check: ["c", "optional"],
      stable: ["s", false],
      unique: ["u", false],
      key: ["k", "required"],
      "field-separator": ["t", "required"],
      output: ["o", "required"],
    },
  });
  if (!opts) return 2;
  const global = emptyOpts();
  for (const [k] of opts.list) applyLetters(global, k.length === 1 && "bdfgiMhnVr".includes(k) ? k : "");
  if (global.blanksStart) global.blanksEnd = true;
  const tab = opts.last("t");
  if (tab !== undefined && Array.from(tab).length !== 1) {
    ctx.stderr(tab === "" ? "sort: empty tab\n" : `sort: multi-character tab ‘${tab}’\n`);
    return 2;
  }
  let keys: Key[];
  try {
    keys = opts.all("k").map(parseKey);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    ctx.stderr(`sort: ${e.message}\n`);
    return 2;
  }
  for (const key of keys) if (!hasOrdering(key)) Object.assign(key, { ...global, blanksEnd: global.blanksStart });
  let text = "";
  for (const input of inputs(ctx, opts.operands)) {
    if ("error" in input) {
      ctx.stderr(`sort: cannot read: ${input.name}: ${input.error}\n`);
      return 2;
    }
    text += input.text;
    if (text !== "" && !text.endsWith("\n")) text += "\n";
  }
  const lines = text.split("\n");
  lines.pop();
  const compareKeys = (a: string, b: string): number => {
    if (keys.length === 0) return compareKey(global.blanksStart ? a.replace(/^[ \t]+/, "") : a, global.blanksStart ? b.replace(/^[ \t]+/, "") : b, global);
    for (const key of keys) {
      const d = compareKey(extract(a, key, tab), extract(b, key, tab), key);
      if (d !== 0) return d;
    }
    return 0;
  };
  const lastResort = !opts.has("s") && !opts.has("u");
  const compare = (a: string, b: string): number => {
    ctx.sh.budget.spend(4);
    const d = compareKeys(a, b);
    if (d !== 0 || !lastResort || (keys.length === 0 && !hasOrdering(global))) return d;
    const r = compareBytes(a, b);
    return global.reverse ? -r : r;
  };
  if (opts.has("c") || opts.has("C")) {
    for (let i = 1; i < lines.length; i++) {
      const d = compare(lines[i - 1], lines[i]);
      if (d > 0 || (opts.has("u") && d === 0)) {
        if (opts.has("c")) ctx.stderr(`sort: ${opts.operands[0] ?? "-"}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  const sorted = lines.sort(compare);
  let out = sorted;
  if (opts.has("u")) out = sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0);
  const result = out.length === 0 ? "" : out.join("\n") + "\n";
  const target = opts.last("o");
  if (target !== undefined) {
    try {
      ctx.sh.fs.writeFile(ctx.sh.resolve(target), result);
    } catch (e) {
      ctx.stderr(`sort: open failed: ${target}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    return 0;
  }
  ctx.stdout(result);
  return 0;
}

export const SORT_COMMANDS: CommandTable = {
  sort: { impl: sort, kind: "utility", path: "/usr/bin/sort" },
};
