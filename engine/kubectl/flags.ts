// Command-line flags as spf13/pflag parses them for kubectl: `--flag=value`,
// `--flag value`, `-f value`, `-fvalue`, `-f=value`, bool flags that take no
// separate value (`--watch false` is `--watch` and an argument `false`),
// combined shorthands (`-wA`), `--` ending the flags, flags anywhere among
// the arguments, and pflag's error messages.

export type FlagType = "bool" | "string" | "int" | "int64" | "int32" | "stringSlice" | "stringArray" | "duration";

export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Default value as Go's flag DefValue prints it (`false`, `''` shown for ""). */
  default?: string;
  usage: string;
  /** Value used when the flag is given without one (bool flags: "true"). */
  noOptDefVal?: string;
  hidden?: boolean;
  /** How help shows the default, when not the type's usual form (`--vmodule=:`). */
  shownDefault?: string;
  /** Deprecation message; the flag still works and prints a warning. */
  deprecated?: string;
}

export type FlagValue = boolean | string | number | string[];

/** A pflag parse error; `message` is what pflag returns (kubectl adds the usage hint). */
export class FlagError extends Error {}

/** `-h`/`--help` was given (pflag's ErrHelp). */
export class HelpRequested extends Error {}

export interface ParsedFlags {
  /** Non-flag arguments, in order. */
  args: string[];
  /** How many of `args` came before `--` (-1 without `--`). */
  argsLenAtDash: number;
}

function goQuoteRune(c: string): string {
  if (c === "'") return "'\\''";
  if (c === "\\") return "'\\\\'";
  const cp = c.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) {
    const named: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r", "\v": "\\v", "\f": "\\f", "\b": "\\b", "\x07": "\\a" };
    return `'${named[c] ?? "\\x" + cp.toString(16).padStart(2, "0")}'`;
  }
  return `'${c}'`;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  return undefined;
}

/** strconv's underscoreOK: `_` only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1]!)) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** strconv.ParseInt(s, 0, bits): the value, or the error text after `strconv.ParseInt: `. */
export function parseGoInt(s: string, bits = 64): number | string {
  const syntax = `parsing ${goQuote(s)}: invalid syntax`;
  let t = s;
  let negative = false;
  if (t[0] === "+" || t[0] === "-") {
    negative = t[0] === "-";
    t = t.slice(1);
  }
  let base = 10;
  let digits = t;
  if (/^0[xX]/.test(t)) [base, digits] = [16, t.slice(2)];
  else if (/^0[bB]/.test(t)) [base, digits] = [2, t.slice(2)];
  else if (/^0[oO]/.test(t)) [base, digits] = [8, t.slice(2)];
  else if (t.length > 1 && t[0] === "0") [base, digits] = [8, t.slice(1)];
  const clean = digits.replaceAll("_", "");
  if (clean === "" && !(base === 8 && t.length > 1 && !/^0[oO]/.test(t))) return syntax;
  const valid = base === 16 ? /^[0-9a-fA-F]*$/ : base === 2 ? /^[01]*$/ : base === 8 ? /^[0-7]*$/ : /^[0-9]+$/;
  if (!valid.test(clean)) return syntax;
  if (digits.includes("_") && !underscoreOK(s)) return syntax;
  const prefix = base === 16 ? "0x" : base === 2 ? "0b" : base === 8 ? "0o" : "";
  let value = BigInt(prefix + (clean || "0"));
  if (negative) value = -value;
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (value > max || value < -max - 1n) return `parsing ${goQuote(s)}: value out of range`;
  return Number(value);
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration, in milliseconds; undefined when invalid. */
export function parseGoDuration(s: string): number | undefined {
  if (s === "0" || s === "+0" || s === "-0") return 0;
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(s);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * UNIT_NS[part[2]!]!;
  }
  const ms = total / 1e6;
  return m[1] === "-" ? -ms : ms;
}

/** encoding/csv's reading of one line, as pflag's stringSlice uses it. */
function readCsv(value: string): string[] | string {
  if (value === "") return [];
  const out: string[] = [];
  let i = 0;
  while (i <= value.length) {
    if (value[i] === '"') {
      let field = "";
      i++;
      for (;;) {
        if (i >= value.length) return `parse error on line 1, column ${value.length + 1}: extraneous or missing " in quoted-field`;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ",") return `parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`;
      out.push(field);
      i++;
    } else {
      const comma = value.indexOf(",", i);
      const field = comma < 0 ? value.slice(i) : value.slice(i, comma);
      if (field.includes('"')) return `parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`;
      out.push(field);
      if (comma < 0) break;
      i = comma + 1;
      if (i === value.length) {
        out.push("");
        break;
      }
    }
  }
  return out;
}

export class FlagSet {
  private readonly formal = new Map<string, FlagDef>();
  private readonly shorthands = new Map<string, FlagDef>();
  private readonly values = new Map<string, FlagValue>();
  private readonly changed = new Set<string>();
  /** Messages pflag prints for deprecated flags (to stderr). */
  readonly warnings: string[] = [];
  /** Every flag set, in command-line order, with the text given (what --record writes down). */
  readonly setLog: Array<{ name: string; value: string }> = [];

  constructor(defs: readonly FlagDef[] = []) {
    for (const d of defs) this.add(d);
  }

  add(def: FlagDef): void {
    if (this.formal.has(def.name)) return;
    this.formal.set(def.name, def);
    if (def.shorthand) this.shorthands.set(def.shorthand, def);
    this.values.set(def.name, defaultValue(def));
  }

  has(name: string): boolean {
    return this.formal.has(name);
  }

  defs(): FlagDef[] {
    return [...this.formal.values()];
  }

  lookup(name: string): FlagDef | undefined {
    return this.formal.get(name);
  }

  lookupShorthand(c: string): FlagDef | undefined {
    return this.shorthands.get(c);
  }

  /** Whether the flag was set on the command line. */
  changedFlag(name: string): boolean {
    return this.changed.has(name);
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }
  string(name: string): string {
    const v = this.values.get(name);
    return typeof v === "string" ? v : "";
  }
  int(name: string): number {
    const v = this.values.get(name);
    return typeof v === "number" ? v : 0;
  }
  strings(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  /** Duration flags, in milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }

  /** FlagSet.Set: parse and store `value` for the flag. */
  set(name: string, value: string): void {
    const def = this.formal.get(name);
    if (!def) throw new FlagError(`no such flag -${name}`);
    const shown = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
    const fail = (why: string): never => {
      throw new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(shown)} flag: ${why}`);
    };
    switch (def.type) {
      case "bool": {
        const b = parseBool(value);
        if (b === undefined) fail(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
        this.values.set(name, b!);
        break;
      }
      case "string":
        this.values.set(name, value);
        break;
      case "int":
      case "int64":
      case "int32": {
        const n = parseGoInt(value, def.type === "int32" ? 32 : 64);
        if (typeof n === "string") fail(`strconv.ParseInt: ${n}`);
        this.values.set(name, n);
        break;
      }
      case "duration": {
        const ms = parseGoDuration(value);
        if (ms === undefined) fail(`time: invalid duration ${goQuote(value)}`);
        this.values.set(name, ms!);
        break;
      }
      case "stringSlice": {
        const parts = readCsv(value);
        if (typeof parts === "string") fail(parts);
        const prev = this.changed.has(name) ? this.strings(name) : [];
        this.values.set(name, [...prev, ...(parts as string[])]);
        break;
      }
      case "stringArray": {
        const prev = this.changed.has(name) ? this.strings(name) : [];
        this.values.set(name, [...prev, value]);
        break;
      }
    }
    this.changed.add(name);
    this.setLog.push({ name, value });
    if (def.deprecated) this.warnings.push(`Flag --${def.name} has been deprecated, ${def.deprecated}`);
  }

  /** pflag's Parse with interspersed flags. Throws FlagError or HelpRequested. */
  parse(argv: readonly string[]): ParsedFlags {
    const args: string[] = [];
    let argsLenAtDash = -1;
    let rest = [...argv];
    while (rest.length > 0) {
      const s = rest.shift()!;
      if (s.length === 0 || s[0] !== "-" || s.length === 1) {
        args.push(s);
        continue;
      }
      if (s[1] === "-") {
        if (s.length === 2) {
          argsLenAtDash = args.length;
          args.push(...rest);
          break;
        }
        rest = this.parseLong(s, rest);
      } else {
        rest = this.parseShort(s, rest);
      }
    }
    return { args, argsLenAtDash };
  }

  private parseLong(s: string, rest: string[]): string[] {
    const full = s.slice(2);
    if (full.length === 0 || full[0] === "-" || full[0] === "=") throw new FlagError(`bad flag syntax: ${s}`);
    const eq = full.indexOf("=");
    const name = normalize(eq < 0 ? full : full.slice(0, eq));
    const def = this.formal.get(name);
    if (!def) {
      if (name === "help") throw new HelpRequested();
      throw new FlagError(`unknown flag: --${eq < 0 ? full : full.slice(0, eq)}`);
    }
    let value: string;
    if (eq >= 0) value = full.slice(eq + 1);
    else if (def.noOptDefVal !== undefined) value = def.noOptDefVal;
    else if (rest.length > 0) value = rest.shift()!;
    else throw new FlagError(`flag needs an argument: ${s}`);
    this.set(def.name, value);
    return rest;
  }

  private parseShort(s: string, rest: string[]): string[] {
    const original = rest;
    let shorthands = s.slice(1);
    let out = rest;
    while (shorthands.length > 0) {
      const c = String.fromCodePoint(shorthands.codePointAt(0)!);
      const after = shorthands.slice(c.length);
      const def = this.shorthands.get(c);
      if (!def) {
        if (c === "h") throw new HelpRequested();
        throw new FlagError(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`);
      }
      let value: string;
      let next = after;
      if (after.length > 1 && after[0] === "=") {
        value = after.slice(1);
        next = "";
      } else if (def.noOptDefVal !== undefined) {
        value = def.noOptDefVal;
      } else if (after.length > 0) {
        value = after;
        next = "";
      } else if (original.length > 0) {
        // pflag passes the original argument list to each shorthand.
        value = original[0]!;
        out = original.slice(1);
      } else {
        throw new FlagError(`flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`);
      }
      this.set(def.name, value);
      shorthands = next;
    }
    return out;
  }
}

/** cliflag.WordSepNormalizeFunc: `--all_namespaces` is `--all-namespaces`. */
function normalize(name: string): string {
  return name.replaceAll("_", "-");
}

function defaultValue(def: FlagDef): FlagValue {
  const d = def.default;
  switch (def.type) {
    case "bool":
      return d === "true";
    case "int":
    case "int64":
    case "int32":
      return d ? Number(d) : 0;
    case "duration":
      return d ? parseGoDuration(d) ?? 0 : 0;
    case "stringSlice":
    case "stringArray":
      return d && d !== "[]" ? d.replace(/^\[|\]$/g, "").split(",") : [];
    case "string":
      return d ?? "";
  }
}

/** How kubectl's usage template shows a flag's default: `=false`, `=''`, `=[]`, `=500`. */
export function shownDefault(def: FlagDef): string {
  if (def.shownDefault !== undefined) return def.shownDefault;
  switch (def.type) {
    case "bool":
      return def.default ?? "false";
    case "string":
      return `'${def.default ?? ""}'`;
    case "stringSlice":
    case "stringArray":
      return def.default ?? "[]";
    case "int":
    case "int64":
    case "int32":
      return def.default ?? "0";
    case "duration":
      return def.default ?? "0s";
  }
}

export const BOOL = (name: string, usage: string, o: Partial<FlagDef> = {}): FlagDef => ({
  name,
  type: "bool",
  usage,
  noOptDefVal: "true",
  default: "false",
  ...o,
});

export const STRING = (name: string, usage: string, o: Partial<FlagDef> = {}): FlagDef => ({ name, type: "string", usage, ...o });
