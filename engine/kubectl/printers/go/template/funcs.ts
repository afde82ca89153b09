// The functions a kubectl go-template can call: text/template's builtins
// (go1.23 funcs.go) and the two kubectl adds (cli-runtime template.go:
// `exists`, `base64decode`), with Go's error texts.

import { formatValue, sprint, sprintf, sprintln } from "../fmt.ts";
import { isPrint } from "../strconv.ts";
import { type GoValue, GoNumber, kindOf, mapGet, mapLen, numberOf, utf8Decode, utf8Encode } from "../value.ts";
import { Boxed, INVALID, type RV, indirect, isTrue, rkind, rtype, unbox } from "./values.ts";

/** How an argument reaches the function: as a reflect.Value, an interface{}, or a string. */
export type ParamType = "reflect.Value" | "interface {}" | "string";

export type Arg = RV;

export interface GoFunc {
  /** Parameter types; with `variadic` the last one repeats. */
  params: ParamType[];
  variadic: boolean;
  /** Returns the result; throws FuncError for the error result. */
  call(args: Arg[]): RV;
}

/** The error a template function returns. */
export class FuncError extends Error {}

const fail = (message: string): never => {
  throw new FuncError(message);
};

function indexArg(index: RV, cap: number): number {
  let x: number;
  switch (rkind(index)) {
    case "int":
    case "uint":
      x = numberOf(index as GoValue);
      break;
    case "invalid":
      return fail("cannot index slice/array with nil");
    default:
      return fail(`cannot index slice/array with type ${rtype(index)}`);
  }
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

function index(args: Arg[]): RV {
  let item = unbox(args[0]!);
  if (item === INVALID) fail("index of untyped nil");
  for (const raw of args.slice(1)) {
    const idx = unbox(raw);
    const [v, isNil] = indirect(item);
    if (isNil) fail("index of nil pointer");
    item = v;
    const k = rkind(item);
    if (k === "slice") {
      const a = item as GoValue[];
      const x = indexArg(idx, a.length);
      if (x === a.length) fail("reflect: slice index out of range");
      item = new Boxed(a[x]!);
    } else if (k === "string") {
      const b = utf8Encode(item as string);
      const x = indexArg(idx, b.length);
      if (x === b.length) fail("reflect: string index out of range");
      item = new GoNumber("uint8", b[x]!);
    } else if (k === "map") {
      if (idx === INVALID) fail("value is nil; should be of type string");
      if (typeof idx !== "string") fail(`value has type ${rtype(idx)}; should be string`);
      const found = mapGet(item as Record<string, GoValue>, idx as string);
      item = new Boxed(found === undefined ? null : found);
    } else {
      fail(`can't index item of type ${rtype(item)}`);
    }
  }
  return item;
}

function slice(args: Arg[]): RV {
  const item = unbox(args[0]!);
  if (item === INVALID) fail("slice of untyped nil");
  const indexes = args.slice(1);
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let bytes: number[] | null = null;
  switch (rkind(item)) {
    case "string":
      if (indexes.length === 3) fail("cannot 3-index slice a string");
      bytes = utf8Encode(item as string);
      cap = bytes.length;
      break;
    case "slice":
      cap = (item as GoValue[]).length;
      break;
    default:
      return fail(`can't slice item of type ${rtype(item)}`);
  }
  const idx = [0, bytes ? bytes.length : (item as GoValue[]).length, 0];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  if (idx[0]! > idx[1]!) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return utf8Decode(bytes.slice(idx[0], idx[1]));
  return (item as GoValue[]).slice(idx[0], idx[1]);
}

function length(args: Arg[]): RV {
  const [item, isNil] = indirect(args[0]!);
  if (isNil) fail("len of nil pointer");
  switch (rkind(item)) {
    case "slice":
      return new GoNumber("int", (item as GoValue[]).length);
    case "map":
      return new GoNumber("int", mapLen(item as Record<string, GoValue>));
    case "string":
      return new GoNumber("int", utf8Encode(item as string).length);
    case "invalid":
      return fail("reflect: call of reflect.Value.Type on zero Value");
  }
  return fail(`len of type ${rtype(item)}`);
}

// --- comparisons ---

type BasicKind = "bool" | "int" | "uint" | "float" | "string" | "invalid";

function basicKind(v: RV): BasicKind {
  const k = rkind(v);
  return k === "bool" || k === "int" || k === "uint" || k === "float" || k === "string" ? k : "invalid";
}

const errBadComparisonType = "invalid type for comparison";
const errBadComparison = "incompatible types for comparison";
const errNoComparison = "missing argument for comparison";

function eq(args: Arg[]): RV {
  const arg1 = unbox(args[0]!);
  if (args.length < 2) fail(errNoComparison);
  const k1 = basicKind(arg1);
  for (const raw of args.slice(1)) {
    const arg = unbox(raw);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === "int" && k2 === "uint") || (k1 === "uint" && k2 === "int")) {
        truth = numberOf(arg1 as GoValue) === numberOf(arg as GoValue);
      } else if (arg1 !== INVALID && arg !== INVALID) {
        fail(errBadComparison);
      }
    } else if (k1 === "invalid") {
      // Both non-basic: only nil compares; maps and slices are not comparable.
      const r1 = rkind(arg1);
      const r2 = rkind(arg);
      if (r1 !== r2 && r1 !== "invalid" && r2 !== "invalid") {
        fail(`non-comparable types ${formatValue(arg1 as GoValue)}: ${rtype(arg1)}, ${rtype(arg)}: ${formatValue(arg as GoValue)}`);
      }
      if (arg1 === INVALID || arg === INVALID) truth = arg1 === arg;
      else fail(`non-comparable type ${formatValue(arg as GoValue)}: ${rtype(arg)}`);
    } else if (k1 === "int" || k1 === "uint" || k1 === "float") {
      truth = numberOf(arg1 as GoValue) === numberOf(arg as GoValue);
    } else {
      truth = arg1 === arg;
    }
    if (truth) return true;
  }
  return false;
}

function lt(args: Arg[]): RV {
  const arg1 = unbox(args[0]!);
  const k1 = basicKind(arg1);
  if (k1 === "invalid") fail(errBadComparisonType);
  const arg2 = unbox(args[1]!);
  const k2 = basicKind(arg2);
  if (k2 === "invalid") fail(errBadComparisonType);
  if (k1 !== k2) {
    if ((k1 === "int" && k2 === "uint") || (k1 === "uint" && k2 === "int")) {
      return numberOf(arg1 as GoValue) < numberOf(arg2 as GoValue);
    }
    return fail(errBadComparison);
  }
  if (k1 === "bool") fail(errBadComparisonType);
  if (k1 === "string") return compareBytes(arg1 as string, arg2 as string) < 0;
  return numberOf(arg1 as GoValue) < numberOf(arg2 as GoValue);
}

function compareBytes(a: string, b: string): number {
  const x = utf8Encode(a);
  const y = utf8Encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const le = (args: Arg[]): RV => (lt(args) === true ? true : eq(args));
const gt = (args: Arg[]): RV => !le(args);
const ge = (args: Arg[]): RV => !lt(args);
const ne = (args: Arg[]): RV => !eq(args);

// --- escaping ---

/** evalArgs: one string argument as is, otherwise fmt.Sprint of the printable values (nil is "<no value>"). */
function evalArgs(args: Arg[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return sprint(anyArgs(args).map((a) => (a === null ? "<no value>" : a)));
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case "\\":
        out += "\\\\";
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case "<":
        out += "\\u003C";
        continue;
      case ">":
        out += "\\u003E";
        continue;
      case "&":
        out += "\\u0026";
        continue;
      case "=":
        out += "\\u003D";
        continue;
    }
    if (c < 0x20) out += "\\u00" + c.toString(16).toUpperCase().padStart(2, "0");
    else if (c < 0x80 || isPrint(c)) out += ch;
    else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = "";
  for (const b of utf8Encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

// --- kubectl's functions ---

/** base64.StdEncoding.DecodeString, with Go's error offsets. */
export function base64Decode(input: string): string {
  const src = utf8Encode(input);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const out: number[] = [];
  let si = 0;
  const corrupt = (n: number): never => fail(`illegal base64 data at input byte ${n}`);
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | null = null;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return utf8Decode(out);
        corrupt(si - j);
      }
      const c = src[si]!;
      si++;
      const d = alphabet.indexOf(String.fromCharCode(c));
      if (c < 0x80 && d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (c === 0x0a || c === 0x0d) {
        j--;
        continue;
      }
      if (c !== 0x3d) corrupt(si - 1);
      // Padding: the end of the data.
      if (j === 0 || j === 1) corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si === src.length) corrupt(src.length);
        if (src[si] !== 0x3d) corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing !== null) corrupt(trailing);
    if (dlen < 4) return utf8Decode(out);
  }
}

/** kubectl's `exists`: can the indices be followed from item to a non-nil value? */
function exists(args: Arg[]): RV {
  // reflect.ValueOf(nil) is the invalid Value, which is not "nil" here.
  let v: GoValue | undefined = args[0] === null ? undefined : (args[0] as GoValue);
  for (const i of args.slice(1)) {
    const idx = i as GoValue;
    if (v === null) return false;
    const k = v === undefined ? "invalid" : kindOf(v);
    if (k === "slice" || k === "string") {
      const ik = kindOf(idx);
      if (ik !== "int" && ik !== "uint") return false;
      const x = numberOf(idx!);
      if (k === "string") {
        const b = utf8Encode(v as string);
        if (x < 0 || x >= b.length) return false;
        v = new GoNumber("uint8", b[x]!);
      } else {
        const a = v as GoValue[];
        if (x < 0 || x >= a.length) return false;
        v = a[x]!;
      }
    } else if (k === "map") {
      const key = idx === null ? "" : idx;
      if (typeof key !== "string") return false;
      const found = mapGet(v as Record<string, GoValue>, key);
      v = found === undefined ? null : found;
    } else {
      return false;
    }
  }
  return v !== null;
}

const fn = (params: ParamType[], variadic: boolean, call: (args: Arg[]) => RV): GoFunc => ({ params, variadic, call });
const V: ParamType = "reflect.Value";
const ANY: ParamType = "interface {}";

/** interface{} arguments: the executor has already made them GoValues (null for nil). */
const anyArgs = (args: Arg[]): GoValue[] => args as GoValue[];

/** text/template's builtins plus kubectl's. */
export const FUNCS: ReadonlyMap<string, GoFunc> = new Map([
  ["and", fn([V, V], true, () => INVALID)], // evaluated lazily by the executor
  ["or", fn([V, V], true, () => INVALID)],
  // The executor passes the callee's text first, as Go's evalCall does for call.
  ["call", fn([V, V], true, (a) => fail(unbox(a[1]!) === INVALID ? "call of nil" : `non-function ${String(a[0])} of type ${rtype(unbox(a[1]!))}`))],
  ["html", fn([ANY], true, (a) => htmlEscape(evalArgs(a)))],
  ["index", fn([V, V], true, index)],
  ["slice", fn([V, V], true, slice)],
  ["js", fn([ANY], true, (a) => jsEscape(evalArgs(a)))],
  ["len", fn([V], false, length)],
  ["not", fn([V], false, (a) => !isTrue(a[0]!))],
  ["print", fn([ANY], true, (a) => sprint(anyArgs(a)))],
  ["printf", fn(["string", ANY], true, (a) => sprintf(a[0] as string, anyArgs(a.slice(1))))],
  ["println", fn([ANY], true, (a) => sprintln(anyArgs(a)))],
  ["urlquery", fn([ANY], true, (a) => queryEscape(evalArgs(a)))],
  ["eq", fn([V, V], true, eq)],
  ["ge", fn([V, V], false, ge)],
  ["gt", fn([V, V], false, gt)],
  ["le", fn([V, V], false, le)],
  ["lt", fn([V, V], false, lt)],
  ["ne", fn([V, V], false, ne)],
  ["exists", fn([ANY, ANY], true, exists)],
  [
    "base64decode",
    fn(["string"], false, (a) => {
      try {
        return base64Decode(a[0] as string);
      } catch (e) {
        if (e instanceof FuncError) fail(`base64 decode failed: ${e.message}`);
        throw e;
      }
    }),
  ],
]);
