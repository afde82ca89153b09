// Line filters from coreutils: head, tail, wc, cut, tr, uniq, seq, rev.
import { utf8Length } from "../fs.ts";
import { characterClass } from "../regex.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { inputs, options } from "./context.ts";

/** Turn the historical `-5` into `-n 5` for head and tail. */
function digitOption(args: string[]): string[] {
  return args.map((a, i) => (i === 0 || args[i - 1] !== "-n") && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a);
}

function parseCount(ctx: CommandContext, value: string, what: "lines" | "bytes"): { n: number; plus: boolean; minus: boolean } | undefined {
  const m = /^([-+]?)(\d+)([kKmMbB]?)$/.exec(value);
  if (!m) {
    ctx.stderr(`${ctx.name}: invalid number of ${what}: ‘${value}’\n`);
    return undefined;
  }
  const mult = { "": 1, b: 512, B: 512, k: 1024, K: 1024, m: 1 << 20, M: 1 << 20 }[m[3]] ?? 1;
  return { n: Number(m[2]) * mult, plus: m[1] === "+", minus: m[1] === "-" };
}

function lineChunks(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf("\n", i);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

function headTail(ctx: CommandContext): number {
  const isHead = ctx.name === "head";
  const opts = options(ctx, { flags: "qvf", withArg: "nc", long: { lines: ["n", "required"], bytes: ["c", "required"], quiet: ["q", false], silent: ["q", false], verbose: ["v", false], follow: ["f", false] } }, digitOption(ctx.args));
  if (!opts) return 1;
  if (!isHead && opts.has("f")) {
    ctx.stderr("tail: -f is not available in this terminal (files here do not grow); showing the file once\n");
  }
  let mode: "lines" | "bytes" = "lines";
  let count = { n: 10, plus: false, minus: false };
  for (const [k, v] of opts.list) {
    if (k !== "n" && k !== "c") continue;
    mode = k === "n" ? "lines" : "bytes";
    const parsed = parseCount(ctx, v ?? "", mode);
    if (!parsed) return 1;
    count = parsed;
  }
  const files = opts.operands;
  const headers = opts.has("v") || (files.length > 1 && !opts.has("q"));
  let status = 0;
  let first = true;
  for (const input of inputs(ctx, files)) {
    if ("error" in input) {
      ctx.stderr(`${ctx.name}: cannot open '${input.name}' for reading: ${input.error}\n`);
      status = 1;
      continue;
    }
    if (headers) {
      ctx.stdout(`${first ? "" : "\n"}==> ${input.name === "-" ? "standard input" : input.name} <==\n`);
    }
    first = false;
    const text = input.text;
    if (mode === "bytes") {
      const chars = Array.from(text);
      const n = count.n;
      if (isHead) ctx.stdout((count.minus ? chars.slice(0, Math.max(0, chars.length - n)) : chars.slice(0, n)).join(""));
      else ctx.stdout((count.plus ? chars.slice(Math.max(0, n - 1)) : chars.slice(Math.max(0, chars.length - n))).join(""));
      continue;
    }
    const lines = lineChunks(text);
    const n = count.n;
    let picked: string[];
    if (isHead) picked = count.minus ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
    else picked = count.plus ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
    ctx.stdout(picked.join(""));
  }
  return status;
}

function wc(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "lwcmL", long: { lines: ["l", false], words: ["w", false], bytes: ["c", false], chars: ["m", false], "max-line-length": ["L", false] } });
  if (!opts) return 1;
  let which = ["l", "w", "m", "c", "L"].filter((k) => opts.has(k));
  if (which.length === 0) which = ["l", "w", "c"];
  const rows: Array<{ counts: number[]; name: string }> = [];
  const totals = which.map(() => 0);
  let status = 0;
  let regularTotal = 0;
  let minWidth = 1;
  const files = opts.operands;
  for (const input of inputs(ctx, files)) {
    if ("error" in input) {
      ctx.stderr(`wc: ${input.name}: ${input.error}\n`);
      status = 1;
      continue;
    }
    const text = input.text;
    const counts = which.map((k) => {
      switch (k) {
        case "l":
          return (text.match(/\n/g) ?? []).length;
        case "w":
          return text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length;
        case "m":
          return Array.from(text).length;
        case "c":
          return utf8Length(text);
        default:
          return Math.max(0, ...text.split("\n").map((l) => Array.from(l.replace(/\t/g, "        ")).length));
      }
    });
    counts.forEach((c, i) => (totals[i] = which[i] === "L" ? Math.max(totals[i], c) : totals[i] + c));
    if (input.name === "-" && ctx.stdin.regularFileSize === undefined) minWidth = 7;
    else regularTotal += utf8Length(text);
    rows.push({ counts, name: input.name === "-" && files.length === 0 ? "" : input.name });
  }
  if (files.length > 1) rows.push({ counts: totals, name: "total" });
  let width = 1;
  if (!(which.length === 1 && rows.length === 1)) {
    width = Math.max(minWidth, String(regularTotal).length);
  }
  let out = "";
  for (const r of rows) {
    out += r.counts.map((c) => String(c).padStart(width)).join(" ") + (r.name ? ` ${r.name}` : "") + "\n";
  }
  ctx.stdout(out);
  return status;
}

/** A cut list (1,3-5,7-) as [from, to] ranges, 1-based and inclusive. */
function parseList(ctx: CommandContext, list: string, what: string): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  for (const item of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (m[1] === "" && m[3] === "" && item !== "-") || item === "") {
      ctx.stderr(`cut: invalid ${what} list: ‘${list}’\nTry 'cut --help' for more information.\n`);
      return undefined;
    }
    const from = m[1] === "" ? 1 : Number(m[1]);
    const to = m[2] === "" ? from : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
    if (from === 0 || to === 0) {
      ctx.stderr(`cut: ${what === "field" ? "fields" : "byte/character positions"} are numbered from 1\nTry 'cut --help' for more information.\n`);
      return undefined;
    }
    if (to < from) {
      ctx.stderr("cut: invalid decreasing range\nTry 'cut --help' for more information.\n");
      return undefined;
    }
    ranges.push([from, to]);
  }
  return ranges;
}

function cut(ctx: CommandContext): number {
  const opts = options(ctx, {
    flags: "snz",
    withArg: "bcdf",
    long: { bytes: ["b", "required"], characters: ["c", "required"], delimiter: ["d", "required"], fields: ["f", "required"], "only-delimited": ["s", false], complement: ["complement", false], "output-delimiter": ["od", "required"] },
  });
  if (!opts) return 1;
  const fieldList = opts.last("f");
  const charList = opts.last("c") ?? opts.last("b");
  if ((fieldList === undefined) === (charList === undefined)) {
    ctx.stderr(
      fieldList === undefined ? "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n" : "cut: only one type of list may be specified\nTry 'cut --help' for more information.\n",
    );
    return 1;
  }
  const delim = opts.last("d") ?? "\t";
  if (Array.from(delim).length !== 1) {
    ctx.stderr("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const ranges = parseList(ctx, (fieldList ?? charList) as string, fieldList !== undefined ? "field" : "byte/character");
  if (!ranges) return 1;
  const complement = opts.has("complement");
  const selected = (i: number) => ranges.some(([a, b]) => i >= a && i <= b) !== complement;
  const outDelim = opts.last("od");
  let status = 0;
  let out = "";
  for (const input of inputs(ctx, opts.operands)) {
    if ("error" in input) {
      ctx.stderr(`cut: ${input.name}: ${input.error}\n`);
      status = 1;
      continue;
    }
    const lines = input.text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    for (const line of lines) {
      if (fieldList !== undefined) {
        if (!line.includes(delim)) {
          if (!opts.has("s")) out += line + "\n";
          continue;
        }
        const fields = line.split(delim);
        out += fields.filter((_, i) => selected(i + 1)).join(outDelim ?? delim) + "\n";
      } else {
        const chars = Array.from(line);
        if (outDelim === undefined) out += chars.filter((_, i) => selected(i + 1)).join("") + "\n";
        else {
          // With --output-delimiter, each selected range is a unit.
          const parts: string[] = [];
          let cur = "";
          chars.forEach((c, i) => {
            if (selected(i + 1)) cur += c;
            else if (cur) parts.push(cur), (cur = "");
          });
          if (cur) parts.push(cur);
          out += parts.join(outDelim) + "\n";
        }
      }
    }
  }
  ctx.stdout(out);
  return status;
}

/** Expand a tr set: escapes, ranges a-z, classes [:upper:], repeats [c*n]. */
function trSet(spec: string): string[] {
  const chars: string[] = [];
  const src = Array.from(spec);
  const read = (i: number): [string, number] => {
    if (src[i] === "\\" && i + 1 < src.length) {
      const c = src[i + 1];
      const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", a: "\x07", b: "\b", f: "\f", v: "\v" };
      if (/[0-7]/.test(c)) {
        const m = (/^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4).join("")) as RegExpExecArray)[0];
        return [String.fromCharCode(parseInt(m, 8)), i + 1 + m.length];
      }
      return [map[c] ?? c, i + 2];
    }
    return [src[i], i + 1];
  };
  let i = 0;
  while (i < src.length) {
    const cls = /^\[:([a-z]+):\]/.exec(src.slice(i).join(""));
    if (cls) {
      const test = characterClass(cls[1]);
      if (test) for (let c = 0; c < 128; c++) if (test(c)) chars.push(String.fromCharCode(c));
      i += cls[0].length;
      continue;
    }
    const [c, next] = read(i);
    if (src[next] === "-" && next + 1 < src.length) {
      const [d, after] = read(next + 1);
      for (let x = c.codePointAt(0) ?? 0; x <= (d.codePointAt(0) ?? 0); x++) chars.push(String.fromCodePoint(x));
      i = after;
      continue;
    }
    chars.push(c);
    i = next;
  }
  return chars;
}

function tr(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "cdstC", long: { complement: ["c", false], delete: ["d", false], "squeeze-repeats": ["s", false], truncate: ["t", false] } });
  if (!opts) return 1;
  const [s1, s2] = opts.operands;
  const del = opts.has("d");
  const squeeze = opts.has("s");
  if (s1 === undefined) {
    ctx.stderr("tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  if (s2 === undefined && !del && !squeeze) {
    ctx.stderr(`tr: missing operand after ‘${s1}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = new Set(trSet(s1));
  const list1 = trSet(s1);
  const list2 = s2 === undefined ? [] : trSet(s2);
  const inSet1 = (c: string) => set1.has(c) !== opts.has("c");
  const map = new Map<string, string>();
  if (!del && s2 !== undefined && !opts.has("c")) list1.forEach((c, i) => map.set(c, list2[Math.min(i, list2.length - 1)] ?? c));
  const squeezeSet = new Set(del || s2 === undefined ? list1 : list2);
  let out = "";
  let last: string | undefined;
  for (const c of ctx.stdin.readAll()) {
    let ch = c;
    if (del && inSet1(c)) continue;
    if (!del && s2 !== undefined) {
      if (opts.has("c")) ch = inSet1(c) ? (list2.at(-1) ?? c) : c;
      else ch = map.get(c) ?? c;
    }
    const squeezable = del || s2 === undefined ? (squeeze && inSet1(c)) : squeeze && squeezeSet.has(ch);
    if (squeezable && ch === last) continue;
    out += ch;
    last = ch;
  }
  ctx.stdout(out);
  return 0;
}

function uniq(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "cdui", withArg: "fsw", long: { count: ["c", false], repeated: ["d", false], unique: ["u", false], "ignore-case": ["i", false] } });
  if (!opts) return 1;
  const [file] = opts.operands;
  const input = [...inputs(ctx, file === undefined ? [] : [file])][0];
  if ("error" in input) {
    ctx.stderr(`uniq: ${input.name}: ${input.error}\n`);
    return 1;
  }
  const lines = input.text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const key = (l: string) => (opts.has("i") ? l.toLowerCase() : l);
  let out = "";
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && key(lines[j]) === key(lines[i])) j++;
    const n = j - i;
    if (!(opts.has("d") && n < 2) && !(opts.has("u") && n > 1)) out += (opts.has("c") ? `${String(n).padStart(7)} ` : "") + lines[i] + "\n";
    i = j;
  }
  if (opts.operands[1] !== undefined) {
    ctx.sh.fs.writeFile(ctx.sh.resolve(opts.operands[1]), out);
    return 0;
  }
  ctx.stdout(out);
  return 0;
}

function seq(ctx: CommandContext): number {
  const args = [...ctx.args];
  let sep = "\n";
  let equalWidth = false;
  while (args[0] !== undefined && /^-[sw]/.test(args[0]) && !/^-\d/.test(args[0])) {
    const a = args.shift() as string;
    if (a === "-w") equalWidth = true;
    else if (a === "-s") sep = args.shift() ?? "\n";
    else if (a.startsWith("-s")) sep = a.slice(2);
  }
  if (args.length === 0 || args.length > 3) {
    ctx.stderr(args.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: extra operand ‘${args[3]}’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  for (const a of args) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(a)) {
      ctx.stderr(`seq: invalid floating point argument: ‘${a}’\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const nums = args.map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) {
    ctx.stderr(`seq: invalid Zero increment value: ‘${args[1]}’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const decimals = Math.max(...args.map((a) => (a.includes(".") ? a.length - a.indexOf(".") - 1 : 0)));
  const values: string[] = [];
  for (let k = 0; ; k++) {
    const v = first + k * step;
    if (step > 0 ? v > last + 1e-10 : v < last - 1e-10) break;
    ctx.sh.budget.spend(1);
    values.push(v.toFixed(decimals));
  }
  const width = equalWidth ? Math.max(0, ...values.map((v) => v.replace("-", "").length)) : 0;
  const shown = values.map((v) => (v.startsWith("-") ? "-" + v.slice(1).padStart(width - 1, "0") : v.padStart(width, "0")));
  ctx.stdout(shown.length > 0 ? shown.join(sep) + "\n" : "");
  return 0;
}

function rev(ctx: CommandContext): number {
  let status = 0;
  for (const input of inputs(ctx, ctx.args)) {
    if ("error" in input) {
      ctx.stderr(`rev: cannot open ${input.name}: ${input.error}\n`);
      status = 1;
      continue;
    }
    const lines = input.text.split("\n");
    const trailing = lines.at(-1) === "";
    if (trailing) lines.pop();
    ctx.stdout(lines.map((l) => Array.from(l).reverse().join("")).join("\n") + (trailing ? "\n" : ""));
  }
  return status;
}

export const TEXT_COMMANDS: CommandTable = {
  head: { impl: headTail, kind: "utility", path: "/usr/bin/head" },
  tail: { impl: headTail, kind: "utility", path: "/usr/bin/tail" },
  wc: { impl: wc, kind: "utility", path: "/usr/bin/wc" },
  cut: { impl: cut, kind: "utility", path: "/usr/bin/cut" },
  tr: { impl: tr, kind: "utility", path: "/usr/bin/tr" },
  uniq: { impl: uniq, kind: "utility", path: "/usr/bin/uniq" },
  seq: { impl: seq, kind: "utility", path: "/usr/bin/seq" },
  rev: { impl: rev, kind: "utility", path: "/usr/bin/rev" },
};
