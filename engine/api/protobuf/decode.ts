// Request bodies in Kubernetes' protobuf encoding
// (Content-Type: application/vnd.kubernetes.protobuf), which kubectl's typed
// clients send (create deployment/namespace/configmap/secret/service, run,
// autoscale, drain's evictions). A body is the magic "k8s\0" and a
// runtime.Unknown message: {typeMeta {apiVersion, kind}, raw, contentEncoding,
// contentType}, raw being the object's own message (k8s.io/api generated.proto).
//
// The object is decoded into the Go struct the way the generated Unmarshal
// methods do, then written out as encoding/json's json.Marshal of that struct
// would write it: omitempty fields left out when zero, the others present as
// their zero value ("creationTimestamp": null, "resources": {}, "status": {}),
// embedded structs (ObjectMeta aside) flattened, maps with sorted keys, []byte
// in base64. That JSON object goes through the same create/update path as a
// JSON body.

import { formatDecodeError } from "../schema/decode.ts";
import { MESSAGES, NAMED_TYPES, PROTO_KINDS, type ProtoField } from "./messages.ts";
import { base64, decodeSpecial, SPECIAL_NAMES, specialZero, type SpecialName } from "./special.ts";
import { ProtoError, WireReader, WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT } from "./wire.ts";

export const PROTOBUF_CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

type ProtoType =
  | { readonly k: "string" | "bool" | "int32" | "int64" | "float64" | "bytes" }
  | { readonly k: "struct"; readonly key: string }
  | { readonly k: "special"; readonly name: SpecialName }
  | { readonly k: "ptr"; readonly elem: ProtoType }
  | { readonly k: "slice"; readonly elem: ProtoType }
  | { readonly k: "map"; readonly elem: ProtoType };

interface CompiledField {
  readonly num: number;
  readonly goName: string;
  /** The JSON name; "" for an inline (embedded) struct, null for json:"-". */
  readonly json: string | null;
  readonly omitempty: boolean;
  readonly type: ProtoType;
}

interface CompiledMessage {
  /** The Go type name the generated code puts in its errors ("Deployment"). */
  readonly goName: string;
  readonly fields: readonly CompiledField[];
  readonly byNumber: ReadonlyMap<number, CompiledField>;
}

/** A decoded struct: field number → value (absent = the zero value, or nil for a pointer). */
type GoStruct = Map<number, unknown>;

const typeCache = new Map<string, ProtoType>();

function protoType(expr: string): ProtoType {
  let t = typeCache.get(expr);
  if (t) return t;
  if (expr.startsWith("*")) t = { k: "ptr", elem: protoType(expr.slice(1)) };
  else if (expr === "[]byte") t = { k: "bytes" };
  else if (expr.startsWith("[]")) t = { k: "slice", elem: protoType(expr.slice(2)) };
  else if (expr.startsWith("map[")) t = { k: "map", elem: protoType(expr.slice(expr.indexOf("]") + 1)) };
  else if (expr === "string" || expr === "bool" || expr === "int32" || expr === "int64" || expr === "float64") t = { k: expr };
  else if (SPECIAL_NAMES.has(expr)) t = { k: "special", name: expr as SpecialName };
  else if (Object.hasOwn(MESSAGES, expr)) t = { k: "struct", key: expr };
  else if (Object.hasOwn(NAMED_TYPES, expr)) t = protoType(NAMED_TYPES[expr]!);
  else throw new Error(`protobuf: unknown type ${expr}`);
  typeCache.set(expr, t);
  return t;
}

const messageCache = new Map<string, CompiledMessage>();

function message(key: string): CompiledMessage {
  let m = messageCache.get(key);
  if (m) return m;
  const fields = MESSAGES[key]!.map(([num, goName, tag, type]: ProtoField): CompiledField => {
    const [name = "", ...opts] = tag.split(",");
    return {
      num,
      goName,
      json: name === "-" && opts.length === 0 ? null : opts.includes("inline") ? "" : name || goName,
      omitempty: opts.includes("omitempty"),
      type: protoType(type),
    };
  });
  m = { goName: key.slice(key.indexOf(".") + 1), fields, byNumber: new Map(fields.map((f) => [f.num, f])) };
  messageCache.set(key, m);
  return m;
}

// ---------- protobuf → Go values ----------

function wrongWire(wireType: number, f: CompiledField): ProtoError {
  return new ProtoError(`proto: wrong wireType = ${wireType} for field ${f.goName}`);
}

/** Unmarshal the message at r's range into `target` (merging, as a repeated singular message field does). */
function decodeStruct(r: WireReader, key: string, target: GoStruct): GoStruct {
  const m = message(key);
  while (!r.done) {
    const start = r.pos;
    const { field, wireType } = r.tag(m.goName);
    const f = m.byNumber.get(field);
    if (!f) r.skip(start);
    else decodeField(r, f, wireType, target);
  }
  return target;
}

function sub(r: WireReader): WireReader {
  const [start, end] = r.lengthDelimited();
  return new WireReader(r.bytes, start, end);
}

/** A varint-encoded scalar. */
function varintValue(t: ProtoType, v: bigint): unknown {
  switch (t.k) {
    case "bool":
      return v !== 0n;
    case "int32":
      return Number(BigInt.asIntN(32, v));
    default:
      return Number(BigInt.asIntN(64, v));
  }
}

function isVarint(t: ProtoType): boolean {
  return t.k === "bool" || t.k === "int32" || t.k === "int64";
}

/** A single value of a length-delimited type (string, bytes, message). */
function lengthDelimitedValue(r: WireReader, t: ProtoType, existing?: unknown): unknown {
  switch (t.k) {
    case "string":
      return r.string();
    case "bytes":
      return r.bytesField().slice();
    case "struct":
      return decodeStruct(sub(r), t.key, (existing as GoStruct | undefined) ?? new Map());
    case "special":
      return decodeSpecial(t.name, sub(r));
    default:
      throw new Error(`protobuf: ${t.k} is not length-delimited`);
  }
}

function decodeField(r: WireReader, f: CompiledField, wireType: number, target: GoStruct): void {
  // A pointer only makes the field's presence visible: present means non-nil.
  const t = f.type.k === "ptr" ? f.type.elem : f.type;
  switch (t.k) {
    case "slice": {
      const list = (target.get(f.num) as unknown[] | undefined) ?? [];
      target.set(f.num, list);
      if (isVarint(t.elem)) {
        if (wireType === WIRE_VARINT) list.push(varintValue(t.elem, r.varint()));
        else if (wireType === WIRE_BYTES) {
          const packed = sub(r);
          while (!packed.done) list.push(varintValue(t.elem, packed.varint()));
        } else throw wrongWire(wireType, f);
        return;
      }
      if (wireType !== WIRE_BYTES) throw wrongWire(wireType, f);
      list.push(lengthDelimitedValue(r, t.elem));
      return;
    }
    case "map": {
      if (wireType !== WIRE_BYTES) throw wrongWire(wireType, f);
      const map = (target.get(f.num) as Map<string, unknown> | undefined) ?? new Map<string, unknown>();
      target.set(f.num, map);
      const [key, value] = mapEntry(sub(r), t.elem);
      map.set(key, value);
      return;
    }
    case "bool":
    case "int32":
    case "int64":
      if (wireType !== WIRE_VARINT) throw wrongWire(wireType, f);
      target.set(f.num, varintValue(t, r.varint()));
      return;
    case "float64": {
      if (wireType !== WIRE_FIXED64) throw wrongWire(wireType, f);
      const bits = r.fixed64();
      const view = new DataView(new ArrayBuffer(8));
      view.setBigUint64(0, bits);
      target.set(f.num, view.getFloat64(0));
      return;
    }
    default:
      if (wireType !== WIRE_BYTES) throw wrongWire(wireType, f);
      target.set(f.num, lengthDelimitedValue(r, t, target.get(f.num)));
  }
}

/**
 * One map entry {1: key, 2: value}. As in the generated code, the entry's
 * fields are read by number alone (their wire types are not checked), other
 * fields are skipped, and a missing value is the value type's zero.
 */
function mapEntry(r: WireReader, valueType: ProtoType): [string, unknown] {
  let key = "";
  let value: unknown;
  while (!r.done) {
    const start = r.pos;
    const field = Number(BigInt.asIntN(32, r.varint() >> 3n));
    if (field === 1) key = r.string();
    else if (field === 2) value = lengthDelimitedValue(r, valueType);
    else r.skip(start);
  }
  if (value === undefined) {
    if (valueType.k === "bytes") value = new Uint8Array(0);
    else if (valueType.k === "struct") value = new Map();
    else if (valueType.k === "special") value = specialZero(valueType.name);
  }
  return [key, value];
}

// ---------- Go values → JSON (encoding/json) ----------

function isEmpty(t: ProtoType, v: unknown): boolean {
  if (v === undefined) return t.k !== "struct" && t.k !== "special";
  switch (t.k) {
    case "string":
    case "bool":
    case "int32":
    case "int64":
    case "float64":
      return !v;
    case "bytes":
      return (v as Uint8Array).length === 0;
    case "slice":
      return (v as unknown[]).length === 0;
    case "map":
      return (v as Map<string, unknown>).size === 0;
    default:
      return false; // a non-nil pointer, a struct
  }
}

function toJson(t: ProtoType, v: unknown): unknown {
  switch (t.k) {
    case "ptr":
      return v === undefined ? null : toJson(t.elem, v);
    case "string":
      return v ?? "";
    case "bool":
      return v ?? false;
    case "int32":
    case "int64":
    case "float64":
      return v ?? 0;
    case "bytes":
      return v === undefined ? null : base64(v as Uint8Array);
    case "special":
      return v === undefined ? specialZero(t.name) : v;
    case "struct":
      return structJson(t.key, (v as GoStruct | undefined) ?? new Map());
    case "slice":
      return v === undefined ? null : (v as unknown[]).map((e) => toJson(t.elem, e));
    case "map": {
      if (v === undefined) return null;
      const out: Record<string, unknown> = {};
      const map = v as Map<string, unknown>;
      for (const key of [...map.keys()].sort(byBytes)) out[key] = toJson(t.elem, map.get(key));
      return out;
    }
  }
}

/** encoding/json sorts map keys by their bytes. */
function byBytes(a: string, b: string): number {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function structJson(key: string, value: GoStruct, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const f of message(key).fields) {
    if (f.json === null) continue;
    const v = value.get(f.num);
    if (f.json === "") {
      if (f.type.k === "struct") structJson(f.type.key, (v as GoStruct | undefined) ?? new Map(), out);
      continue;
    }
    if (f.omitempty && isEmpty(f.type, v)) continue;
    out[f.json] = toJson(f.type, v);
  }
  return out;
}

// ---------- the body ----------

export interface ProtobufObject {
  /** The apiVersion and kind of the envelope (defaulted from `target` when missing). */
  readonly apiVersion: string;
  readonly kind: string;
  /** json.Marshal of the decoded object: kind and apiVersion first, as TypeMeta is. */
  readonly object: Record<string, unknown>;
}

export type ProtobufBody = ProtobufObject | { readonly error: string };

/** The kind a request's resource stands for (apps/v1 Deployment for .../deployments). */
export interface ProtobufTarget {
  readonly apiVersion: string;
  readonly kind: string;
}

const DELETE_OPTIONS = PROTO_KINDS.find(([, k]) => k === "DeleteOptions")!;

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

/** handlers.summarizeData(body, 30): the first 30 bytes in hex (a protobuf body never starts with "{"). */
function summarize(bytes: Uint8Array): string {
  if (bytes.length === 0) return "<empty>";
  if (bytes[0] === 0x7b) {
    const text = new TextDecoder().decode(bytes.subarray(0, 30));
    return bytes.length > 30 ? `${text} ...` : text;
  }
  const hex = [...bytes.subarray(0, 30)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return bytes.length > 30 ? `${hex} ...` : hex;
}

function splitGroupVersion(apiVersion: string): [group: string, version: string] | null {
  if (apiVersion === "" || apiVersion === "/") return ["", ""];
  const parts = apiVersion.split("/");
  if (parts.length === 1) return ["", apiVersion];
  if (parts.length === 2) return [parts[0]!, parts[1]!];
  return null;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * Decode a protobuf request body as the API server's protobuf serializer
 * does, for a request on the resource of kind `target`.
 *
 * Returns the envelope's apiVersion and kind (a missing one defaulted from
 * `target`, as the server does) and the object as json.Marshal would write
 * the decoded Go struct; or `error`, the message of the 400 BadRequest the
 * API server answers (e.g. `Deployment in version "v1" cannot be handled as
 * a Deployment: unexpected EOF`, or `the object provided is unrecognized
 * (must be of type Deployment): ... (6b387300...)` when even the envelope
 * cannot be read). Never throws for any input bytes. The caller still checks
 * the decoded kind against the resource, as for a JSON body.
 */
export function decodeProtobufBody(bytes: Uint8Array, target?: ProtobufTarget): ProtobufBody {
  const targetKind = target?.kind ?? "Unknown";
  const unrecognized = (detail: string): ProtobufBody => ({
    error: target ? `the object provided is unrecognized (must be of type ${targetKind}): ${detail} (${summarize(bytes)})` : detail,
  });
  if (bytes.length === 0) return unrecognized("empty data");
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b)) {
    return unrecognized(`provided data does not appear to be a protobuf message, expected prefix [${MAGIC.join(" ")}]`);
  }
  if (bytes.length === MAGIC.length) return unrecognized("empty body");

  // runtime.Unknown
  let apiVersion = "";
  let kind = "";
  let raw: Uint8Array | undefined;
  try {
    const r = new WireReader(bytes, MAGIC.length);
    while (!r.done) {
      const start = r.pos;
      const { field, wireType } = r.tag("Unknown");
      const expectBytes = (name: string) => {
        if (wireType !== WIRE_BYTES) throw new ProtoError(`proto: wrong wireType = ${wireType} for field ${name}`);
      };
      if (field === 1) {
        expectBytes("TypeMeta");
        const tm = sub(r);
        while (!tm.done) {
          const s = tm.pos;
          const t = tm.tag("TypeMeta");
          if (t.field === 1 || t.field === 2) {
            if (t.wireType !== WIRE_BYTES) throw new ProtoError(`proto: wrong wireType = ${t.wireType} for field ${t.field === 1 ? "APIVersion" : "Kind"}`);
            if (t.field === 1) apiVersion = tm.string();
            else kind = tm.string();
          } else tm.skip(s);
        }
      } else if (field === 2) {
        expectBytes("Raw");
        raw = r.bytesField();
      } else if (field === 3 || field === 4) {
        expectBytes(field === 3 ? "ContentEncoding" : "ContentType");
        r.string();
      } else r.skip(start);
    }
  } catch (err) {
    return unrecognized(errorText(err));
  }

  // unk.GroupVersionKind() (an unparsable apiVersion counts as empty), then copyKindDefaults from the target.
  let [group, version] = splitGroupVersion(apiVersion) ?? ["", ""];
  if (target) {
    const [tGroup, tVersion] = splitGroupVersion(target.apiVersion) ?? ["", ""];
    if (kind === "") kind = target.kind;
    if (version === "" && tVersion !== "") [group, version] = [tGroup, tVersion];
  }
  const unknownMeta = `runtime.TypeMeta{APIVersion:${goQuote(apiVersion)}, Kind:${goQuote(kind)}}`;
  if (kind === "") return { error: `Object 'Kind' is missing in '${unknownMeta}'` };
  if (version === "") return { error: `Object 'apiVersion' is missing in '${unknownMeta}'` };
  const gv = group ? `${group}/${version}` : version;
  const fail = (detail: string): ProtobufBody => ({
    error: target ? formatDecodeError(kind, version, detail, targetKind) : detail,
  });

  // DeleteOptions is an unversioned kind: a typed client sends it in its own group version ("v1", "apps/v1").
  const entry = kind === "DeleteOptions" ? DELETE_OPTIONS : PROTO_KINDS.find(([a, k]) => a === gv && k === kind);
  if (!entry) return fail(`no kind ${goQuote(kind)} is registered for version ${goQuote(gv)} in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  try {
    const value = decodeStruct(new WireReader(raw ?? new Uint8Array(0)), entry[2], new Map());
    const object = structJson(entry[2], value, { kind, apiVersion: gv });
    return { apiVersion: gv, kind, object };
  } catch (err) {
    return fail(errorText(err));
  }
}

/** A decoding error's text; anything else (a bug) is reported the same way rather than thrown at the HTTP layer. */
function errorText(err: unknown): string {
  return err instanceof ProtoError ? err.message : `internal error decoding protobuf: ${String(err)}`;
}
