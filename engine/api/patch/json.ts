// RFC 6902 JSON patch as the 1.32 API server applies it: with
// gopkg.in/evanphx/json-patch.v4 (v4.12.0), quirks included — `replace` of an
// absent object key adds it, negative array indices count from the end, a
// path without a leading "/" drops its first segment, `copy` from an absent
// key copies null, `replace` of the root with a scalar does nothing — and
// with that library's error texts.
import { goQuote } from "../validation/go-value.ts";
import { badRequest, panicked, PatchError, unprocessable } from "./errors.ts";
import { cloneJson, deepEqual, deleteKey, getKey, hasKey, isMap, jsonByteLength, setKey, type JsonMap } from "./json-value.ts";

/** apiserver maxJSONPatchOperations. */
const MAX_OPERATIONS = 10000;
/** apiserver JSONPatchMaxCopyBytes default (3 MiB), installed as jsonpatch.AccumulatedCopySizeLimit. */
const COPY_SIZE_LIMIT = 3 * 1024 * 1024;

type Container = JsonMap | unknown[];

/** An error from the library while applying; the server turns it into a 422. */
class ApplyError extends Error {}

const MISSING = "missing value"; // jsonpatch.ErrMissing
const INVALID_INDEX = "invalid index referenced"; // jsonpatch.ErrInvalidIndex
const TEST_FAILED = "test failed"; // jsonpatch.ErrTestFailed

/** pkg/errors.Wrapf: "<context>: <cause>". */
function wrap(cause: string, context: string): ApplyError {
  return new ApplyError(`${context}: ${cause}`);
}

/** The JSON type name encoding/json uses in UnmarshalTypeError. */
function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (isMap(v)) return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

// ---------- operations as decoded map[string]*json.RawMessage ----------

type Operation = JsonMap | null;

/** o[name] present and not JSON null (a nil *RawMessage). */
function field(op: Operation, name: string): unknown {
  if (op === null || !hasKey(op, name)) return undefined;
  const v = op[name];
  return v === null ? undefined : v;
}

function kind(op: Operation): string {
  const v = field(op, "op");
  return typeof v === "string" ? v : "unknown";
}

function stringField(op: Operation, name: string, missing: string): string {
  const v = field(op, name);
  if (v === undefined) throw new ApplyError(missing);
  if (typeof v !== "string") throw new ApplyError(`json: cannot unmarshal ${jsonTypeName(v)} into Go value of type string`);
  return v;
}

const path = (op: Operation) => stringField(op, "path", `operation missing path field: ${MISSING}`);
const from = (op: Operation) => stringField(op, "from", `operation, missing from field: ${MISSING}`);

/** op.value(): absent is Go's nil node; a present null is a node holding null. */
function value(op: Operation): { v: unknown } | undefined {
  return op !== null && hasKey(op, "value") ? { v: cloneJson(op["value"]) } : undefined;
}

function catchCause<T>(fn: () => T): { ok: T } | { err: string } {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof ApplyError) return { err: e.message };
    throw e;
  }
}

// ---------- containers ----------

/** strconv.Atoi, with its error texts. */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new ApplyError(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n < -(2n ** 63n) || n >= 2n ** 63n) throw new ApplyError(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`);
  return Number(n);
}

const invalidIndex = (idx: number) => wrap(INVALID_INDEX, `Unable to access invalid index: ${idx}`);

/** container.get: an absent key and a JSON null are both Go's nil node (undefined here). */
function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) {
    const v = getKey(con, key);
    return v === null ? undefined : v;
  }
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  if (idx >= con.length) throw invalidIndex(idx);
  return con[idx] === null ? undefined : con[idx];
}

function set(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) return setKey(con, key, val);
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  con[idx] = val;
}

function add(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) return setKey(con, key, val);
  if (key === "-") {
    con.push(val);
    return;
  }
  const parsed = catchCause(() => atoi(key));
  if ("err" in parsed) throw wrap(parsed.err, `value was not a proper array index: '${key}'`);
  let idx = parsed.ok;
  const size = con.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    idx += size;
  }
  con.splice(idx, 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!hasKey(con, key)) throw wrap(MISSING, `Unable to remove nonexistent key: ${key}`);
    deleteKey(con, key);
    return;
  }
  let idx = atoi(key);
  if (idx >= con.length) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  con.splice(idx, 1);
}

/** RFC 6901 unescaping, one pass: "~01" is "~1". */
function decodeKey(k: string): string {
  return k.replace(/~[01]/g, (m) => (m === "~1" ? "/" : "~"));
}

/**
 * findObject: the container holding the last segment, or null. Only the text
 * after the first "/" counts, so "a/b" addresses "/b"; any lookup failure on
 * the way is just "missing".
 */
function findObject(doc: Container, p: string): { con: Container; key: string } | null {
  const split = p.split("/");
  if (split.length < 2) return null;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    const got = catchCause(() => get(cur, decodeKey(part)));
    if ("err" in got) return null;
    const next = got.ok;
    if (Array.isArray(next) || isMap(next)) cur = next;
    else return null;
  }
  return { con: cur, key: decodeKey(split[split.length - 1]!) };
}

// ---------- the six operations ----------

interface State {
  doc: Container;
  copied: number;
}

function opAdd(st: State, op: Operation): void {
  const p = catchCause(() => path(op));
  if ("err" in p) throw wrap(MISSING, "add operation failed to decode path");
  const target = findObject(st.doc, p.ok);
  if (!target) throw wrap(MISSING, `add operation does not apply: doc is missing path: "${p.ok}"`);
  const r = catchCause(() => add(target.con, target.key, value(op)?.v ?? null));
  if ("err" in r) throw wrap(r.err, `error in add for path: '${p.ok}'`);
}

function opRemove(st: State, op: Operation): void {
  const p = catchCause(() => path(op));
  if ("err" in p) throw wrap(MISSING, "remove operation failed to decode path");
  const target = findObject(st.doc, p.ok);
  if (!target) throw wrap(MISSING, `remove operation does not apply: doc is missing path: "${p.ok}"`);
  const r = catchCause(() => remove(target.con, target.key));
  if ("err" in r) throw wrap(r.err, `error in remove for path: '${p.ok}'`);
}

function opReplace(st: State, op: Operation): void {
  const p = catchCause(() => path(op));
  if ("err" in p) throw wrap(p.err, "replace operation failed to decode path");
  if (p.ok === "") {
    const val = value(op);
    if (!val) throw panicked("replace of the whole document without a value");
    // A scalar root is refused with errors.Wrapf(nil, ...), which is nil: a silent no-op.
    if (isMap(val.v) || Array.isArray(val.v)) st.doc = val.v;
    return;
  }
  const target = findObject(st.doc, p.ok);
  if (!target) throw wrap(MISSING, `replace operation does not apply: doc is missing path: ${p.ok}`);
  const got = catchCause(() => get(target.con, target.key));
  if ("err" in got) throw wrap(MISSING, `replace operation does not apply: doc is missing key: ${p.ok}`);
  const r = catchCause(() => set(target.con, target.key, value(op)?.v ?? null));
  if ("err" in r) throw wrap(r.err, `error in remove for path: '${p.ok}'`);
}

function opMove(st: State, op: Operation): void {
  const f = catchCause(() => from(op));
  if ("err" in f) throw wrap(f.err, "move operation failed to decode from");
  const source = findObject(st.doc, f.ok);
  if (!source) throw wrap(MISSING, `move operation does not apply: doc is missing from path: ${f.ok}`);
  const got = catchCause(() => get(source.con, source.key));
  if ("err" in got) throw wrap(got.err, `error in move for path: '${source.key}'`);
  const removed = catchCause(() => remove(source.con, source.key));
  if ("err" in removed) throw wrap(removed.err, `error in move for path: '${source.key}'`);
  const p = catchCause(() => path(op));
  if ("err" in p) throw wrap(p.err, "move operation failed to decode path");
  const target = findObject(st.doc, p.ok);
  if (!target) throw wrap(MISSING, `move operation does not apply: doc is missing destination path: ${p.ok}`);
  const r = catchCause(() => add(target.con, target.key, got.ok ?? null));
  if ("err" in r) throw wrap(r.err, `error in move for path: '${p.ok}'`);
}

function opTest(st: State, op: Operation): void {
  const p = catchCause(() => path(op));
  if ("err" in p) throw wrap(p.err, "test operation failed to decode path");
  const val = value(op);
  if (p.ok === "") {
    if (!val) throw panicked("test of the whole document without a value");
    if (deepEqual(st.doc, val.v)) return;
    throw wrap(TEST_FAILED, `testing value ${p.ok} failed`);
  }
  const target = findObject(st.doc, p.ok);
  if (!target) throw wrap(MISSING, `test operation does not apply: is missing path: ${p.ok}`);
  const got = catchCause(() => get(target.con, target.key));
  if ("err" in got) throw wrap(got.err, `error in test for path: '${p.ok}'`);
  if (got.ok === undefined) {
    if (!val) throw panicked("test of an absent value without a value");
    if (val.v === null) return;
    throw wrap(TEST_FAILED, `testing value ${p.ok} failed`);
  }
  if (val && deepEqual(got.ok, val.v)) return;
  throw wrap(TEST_FAILED, `testing value ${p.ok} failed`);
}

function opCopy(st: State, op: Operation): void {
  const f = catchCause(() => from(op));
  if ("err" in f) throw wrap(f.err, "copy operation failed to decode from");
  const source = findObject(st.doc, f.ok);
  if (!source) throw wrap(MISSING, `copy operation does not apply: doc is missing from path: ${f.ok}`);
  const got = catchCause(() => get(source.con, source.key));
  if ("err" in got) throw wrap(got.err, `error in copy for from: '${f.ok}'`);
  const p = catchCause(() => path(op));
  if ("err" in p) throw wrap(MISSING, "copy operation failed to decode path");
  const target = findObject(st.doc, p.ok);
  if (!target) throw wrap(MISSING, `copy operation does not apply: doc is missing destination path: ${p.ok}`);
  if (got.ok !== undefined) {
    st.copied += jsonByteLength(got.ok);
    if (st.copied > COPY_SIZE_LIMIT) {
      throw new ApplyError(
        `Unable to complete the copy, the accumulated size increase of copy is ${st.copied}, exceeding the limit ${COPY_SIZE_LIMIT}`,
      );
    }
  }
  const r = catchCause(() => add(target.con, target.key, cloneJson(got.ok ?? null)));
  if ("err" in r) throw wrap(r.err, "error while adding value during copy");
}

const OPERATIONS: Record<string, (st: State, op: Operation) => void> = {
  add: opAdd,
  remove: opRemove,
  replace: opReplace,
  move: opMove,
  test: opTest,
  copy: opCopy,
};

/** jsonpatch.DecodePatch on an already-parsed body; failures are 400s with encoding/json's text. */
function decodePatch(ops: unknown): Operation[] {
  if (ops === undefined) throw badRequest("unexpected end of JSON input");
  if (ops === null) return [];
  if (!Array.isArray(ops)) {
    throw badRequest(`json: cannot unmarshal ${jsonTypeName(ops)} into Go value of type jsonpatch.Patch`);
  }
  const bad = ops.find((o) => o !== null && !isMap(o));
  if (bad !== undefined) {
    throw badRequest(`json: cannot unmarshal ${jsonTypeName(bad)} into Go value of type jsonpatch.Operation`);
  }
  return ops as Operation[];
}

/**
 * Apply a JSON patch (`kubectl patch --type=json`) to `doc`, returning a new
 * document; `doc` and `ops` are not modified. Throws PatchError as the API
 * server answers: 400 for an undecodable patch, 413 past 10000 operations,
 * 422 (generic message, library text in `detail`) when an operation fails.
 */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  const operations = decodePatch(ops);
  if (operations.length > MAX_OPERATIONS) {
    const msg = `The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${operations.length}`;
    throw new PatchError(msg, 413, "RequestEntityTooLarge");
  }
  if (!isMap(doc) && !Array.isArray(doc)) throw badRequest("the object to patch is not a JSON object");
  const st: State = { doc: cloneJson(doc), copied: 0 };
  for (const op of operations) {
    const apply = Object.hasOwn(OPERATIONS, kind(op)) ? OPERATIONS[kind(op)]! : undefined;
    try {
      if (!apply) throw new ApplyError(`Unexpected kind: ${kind(op)}`);
      apply(st, op);
    } catch (e) {
      if (e instanceof ApplyError) throw unprocessable(e.message);
      throw e;
    }
  }
  return st.doc;
}
