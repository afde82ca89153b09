// Typed JSON decoding, as the API server does it before defaulting and
// validation: the body is unmarshalled into the versioned Go struct
// (apps/v1.Deployment, ...) by apimachinery's JSON serializer with
// sigs.k8s.io/json (encoding/json, case-sensitive, PreserveInts; in strict mode
// also DisallowUnknownFields and DisallowDuplicateFields). A JSON value of the
// wrong type fails the request with 400 BadRequest:
//
//   Deployment in version "v1" cannot be handled as a Deployment: json: cannot
//   unmarshal number into Go struct field ObjectMeta.metadata.labels of type string
//
// How encoding/json words it (sigs.k8s.io/json internal/golang/encoding/json, Go 1.23):
// - UnmarshalTypeError: "json: cannot unmarshal <what> into Go struct field
//   <Struct>.<path> of type <type>". <Struct> is the name of the innermost struct
//   whose field was entered; <path> is the JSON field names from the root,
//   dot-joined (list indices and map keys are not in it); <type> is the Go
//   type after pointers ("string", "int32", "v1.PodSpec", "[]v1.Container",
//   "map[string]string", "v1.ResourceList"). <what> is the JSON kind: "object",
//   "array", "string", "bool", or "number"; "number <literal>" when the target
//   is an integer the literal does not fit (1.5, 3000000000).
// - null is accepted everywhere (it leaves the field unset).
// - The first such error is kept and decoding goes on; then that error is
//   returned. An error from a type's own UnmarshalJSON (Quantity, IntOrString,
//   Time) stops decoding at once and wins over an earlier kept one: that is
//   the ParseQuantity error "quantities must match the regular expression ...",
//   the time.ParseError, or for IntOrString the int32 type error (Go unmarshals
//   the number into its IntVal int32).
// - []byte takes a base64 string; a bad one is kept like a type error, with
//   base64's message "illegal base64 data at input byte N".
// - Strict mode collects unknown fields, each `unknown field "<path>"` where
//   the path has indices and map keys (spec.template.spec.containers[0].foo),
//   at most 100, deduplicated, in document order; they are reported only when
//   nothing else failed: "strict decoding error: unknown field "spec.foo",
//   unknown field "spec.bar"". Fields inside an unknown field are not looked at.
//
// Input here is already-parsed JSON: numbers are shown as Go's json.Marshal
// writes them (which is what kubectl sends), duplicate keys cannot occur.

import { QuantityParseError, parseQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from "../validation/quantity.ts";
import { goBase64Error } from "./go-base64.ts";
import { goJsonPrefix, goJsonString, goNumberText, utf8HexPrefix, utf8Prefix } from "./go-text.ts";
import { goTimeParseError, RFC3339, RFC3339_MICRO } from "./go-time.ts";
import { KINDS, structSchema, type GoType, type KindInfo, type StructSchema } from "./schema.ts";

export interface DecodeError {
  /** err.Error() of the decoder, e.g. `json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`. */
  readonly message: string;
  /** Where: JSON field names with list indices and map keys, e.g. `metadata.labels.app`, `spec.ports[0].targetPort`. */
  readonly path: string;
}

export interface StrictError {
  /** `unknown field "spec.foo"`: one strict-decoding problem, as Go prints it (and as a Warn-mode warning reads). */
  readonly message: string;
  /** The field's path, with list indices: `spec.template.spec.containers[0].foo`. */
  readonly path: string;
}

export interface DecodeResult {
  /** Why the value does not decode into the type; null when it does. */
  readonly error: DecodeError | null;
  /**
   * Unknown fields (strict mode only), in document order. Always empty when
   * `error` is set: a decoding error wins and the strict errors are dropped.
   */
  readonly strictErrors: readonly StrictError[];
}

export interface DecodeOptions {
  /** DisallowUnknownFields (and duplicate fields, which parsed input cannot have). */
  readonly strict: boolean;
}

const MAX_STRICT_ERRORS = 100;
const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
};

/** Thrown inside the walk to stop it: an UnmarshalJSON error. */
class Abort {
  constructor(readonly error: DecodeError) {}
}

function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "number";
  return Array.isArray(v) ? "array" : "object";
}

/** A value JSON would not carry (undefined, NaN, a function...) counts as null. */
function isNullish(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    (typeof v === "number" && !Number.isFinite(v)) ||
    (typeof v !== "object" && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
  );
}

const SAFE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint8: [0, 255],
};

/** Whether a JSON number fits the Go integer type. */
function fitsIntValue(n: number, kind: string): boolean {
  if (Number.isSafeInteger(n)) {
    const [min, max] = SAFE_RANGES[kind]!;
    if (n >= min && n <= max) return kind !== "uint8" || !Object.is(n, -0);
  }
  return fitsInt(goNumberText(n), kind);
}

/** Whether a number literal fits the Go integer type (strconv.ParseInt/ParseUint plus the overflow check). */
function fitsInt(text: string, kind: string): boolean {
  if (!/^-?[0-9]+$/.test(text)) return false;
  if (kind === "uint8" && text.startsWith("-")) return false;
  const n = BigInt(text);
  const [min, max] = INT_RANGES[kind]!;
  return n >= min && n <= max;
}

// strings.TrimSpace as it can matter here: JSON text has its control characters escaped.
const GO_SPACE = /^[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/g;

const PLAIN_QUANTITY = /^"?[+-]?[0-9]+(?:\.[0-9]+)?(?:[numkMGTPE]|[KMGTPE]i)?"?$/;

/** resource.Quantity's UnmarshalJSON: the error for the raw JSON text (a JSON string with its quotes, or a literal), or null. */
export function quantityJsonError(raw: string): string | null {
  // The usual shapes ("500m", "1.5Gi", 2) always parse.
  if (PLAIN_QUANTITY.test(raw) && raw.startsWith('"') === raw.endsWith('"')) return null;
  // Quotes are stripped but escapes are not undone; then strings.TrimSpace.
  const text = (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw).replace(GO_SPACE, "");
  // JavaScript's trim (inside parseQuantity) also drops U+FEFF, which Go keeps, and a
  // stray character like it always ends in the format error.
  if (text.includes("\ufeff")) return QUANTITY_FORMAT_ERROR;
  // Once the exponent parses as an int64 its size no longer matters to validity:
  // keep it small so the exact arithmetic stays cheap.
  let probe = text;
  const exp = /^(.*[eE])([-+]?)([0-9]{4,})$/.exec(text);
  let suffixOverflow = false;
  if (exp) {
    const mag = BigInt(exp[3]!);
    suffixOverflow = exp[2] === "-" ? mag > 2n ** 63n : mag > 2n ** 63n - 1n;
    probe = `${exp[1]}${exp[2]}0`;
  }
  try {
    parseQuantity(probe);
  } catch (e) {
    if (e instanceof QuantityParseError) return e.message;
    return null;
  }
  return suffixOverflow ? QUANTITY_SUFFIX_ERROR : null;
}

/**
 * Frozen objects known to decode into a struct without any problem, by
 * struct key (and strictness). Decoding is a pure function of the value, the
 * type and strictness, stored objects are frozen and never change, and a
 * write usually sends most of the stored object back (a status update, a
 * ReplicaSet scaled, a pod made from a template): such parts are not walked
 * again. Only problem-free results are remembered, so no message (whose
 * wording depends on where the part sits) is ever skipped.
 */
const decodedCleanly = new WeakMap<object, Set<string>>();

class Decoder {
  saved: DecodeError | null = null;
  /** Type errors and (strict) unknown fields met so far, reported or not. */
  private problems = 0;
  readonly strictErrors: StrictError[] = [];
  private seen: Set<string> | undefined;
  // errorContext: the struct whose field was entered last, and the JSON field names.
  private struct = "";
  private readonly fieldStack: string[] = [];
  // The full path (strictFieldStack): keys and list indices.
  private readonly path: (string | number)[] = [];

  constructor(private readonly strict: boolean) {}

  private pathText(): string {
    let p = "";
    for (let i = 0; i < this.path.length; i++) {
      const seg = this.path[i]!;
      p += typeof seg === "number" ? `[${seg}]` : i === 0 ? seg : `.${seg}`;
    }
    return p;
  }

  private typeError(what: string, typeName: string): DecodeError {
    const context =
      this.struct !== "" || this.fieldStack.length > 0
        ? `Go struct field ${this.struct}.${this.fieldStack.join(".")}`
        : "Go value";
    return { message: `json: cannot unmarshal ${what} into ${context} of type ${typeName}`, path: this.pathText() };
  }

  private save(err: DecodeError): void {
    this.problems++;
    if (!this.saved) this.saved = err;
  }

  private unknownField(key: string): void {
    if (this.strict) this.problems++;
    if (!this.strict || this.strictErrors.length >= MAX_STRICT_ERRORS) return;
    const path = this.path.length > 0 ? `${this.pathText()}.${key}` : key;
    this.seen ??= new Set();
    if (this.seen.has(path)) return;
    this.seen.add(path);
    this.strictErrors.push({ message: `unknown field ${goQuote(path)}`, path });
  }

  value(v: unknown, t: GoType): void {
    if (isNullish(v)) return;
    switch (t.kind) {
      case "struct":
        return this.struct_(v, t);
      case "map":
        if (typeof v !== "object" || Array.isArray(v)) return this.save(this.typeError(jsonKind(v), t.name));
        for (const k of Object.keys(v as object)) {
          const x = (v as Record<string, unknown>)[k];
          if (x === undefined) continue;
          this.path.push(k);
          this.value(x, t.elem);
          this.path.pop();
        }
        return;
      case "slice":
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            this.path.push(i);
            this.value(v[i], t.elem);
            this.path.pop();
          }
          return;
        }
        if (typeof v === "string" && t.elem.kind === "uint8") {
          const err = goBase64Error(v);
          if (err) this.save({ message: err, path: this.pathText() });
          return;
        }
        return this.save(this.typeError(jsonKind(v), t.name));
      case "string":
        if (typeof v !== "string") this.save(this.typeError(jsonKind(v), t.name));
        return;
      case "bool":
        if (typeof v !== "boolean") this.save(this.typeError(jsonKind(v), t.name));
        return;
      case "int32":
      case "int64":
      case "uint8":
        if (typeof v === "number") {
          if (!fitsIntValue(v, t.kind)) this.save(this.typeError(`number ${goNumberText(v)}`, t.name));
        } else {
          this.save(this.typeError(jsonKind(v), t.name));
        }
        return;
      case "float64":
        if (typeof v !== "number") this.save(this.typeError(jsonKind(v), t.name));
        return;
      case "any":
      case "raw":
        return;
      case "quantity": {
        const raw = typeof v === "number" ? goNumberText(v) : typeof v === "string" ? goJsonString(v) : typeof v === "boolean" ? String(v) : Array.isArray(v) ? "[]" : "{}";
        const err = quantityJsonError(raw);
        if (err) throw new Abort({ message: err, path: this.pathText() });
        return;
      }
      case "intOrString":
        // UnmarshalJSON: a string is the StrVal; anything else is unmarshalled into IntVal (int32).
        if (typeof v === "string") return;
        if (typeof v === "number") {
          if (!fitsIntValue(v, "int32")) throw new Abort(this.typeError(`number ${goNumberText(v)}`, "int32"));
          return;
        }
        throw new Abort(this.typeError(jsonKind(v), "int32"));
      case "time":
      case "microTime": {
        // UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
        if (typeof v !== "string") throw new Abort(this.typeError(jsonKind(v), "string"));
        const err = goTimeParseError(t.kind === "time" ? RFC3339 : RFC3339_MICRO, v);
        if (err) throw new Abort({ message: err, path: this.pathText() });
        return;
      }
    }
  }

  private struct_(v: unknown, t: GoType & { kind: "struct" }): void {
    if (typeof v !== "object" || Array.isArray(v)) return this.save(this.typeError(jsonKind(v), t.name));
    const schema = structSchema(t.key)!;
    const obj = v as Record<string, unknown>;
    if (!Object.isFrozen(obj)) return this.fields(obj, schema);
    const key = this.strict ? `${schema.key}\u0000strict` : schema.key;
    if (decodedCleanly.get(obj)?.has(key)) return;
    const before = this.problems;
    this.fields(obj, schema); // an UnmarshalJSON error throws past the memo
    if (this.problems !== before) return;
    const known = decodedCleanly.get(obj);
    if (known) known.add(key);
    else decodedCleanly.set(obj, new Set<string>().add(key));
  }

  fields(obj: Record<string, unknown>, schema: StructSchema): void {
    const outerStruct = this.struct;
    for (const key of Object.keys(obj)) {
      const x = obj[key];
      if (x === undefined) continue;
      const field = schema.field(key);
      if (!field) {
        this.unknownField(key);
        continue;
      }
      this.struct = schema.goName;
      this.fieldStack.push(key);
      this.path.push(key);
      this.value(x, field.type);
      this.path.pop();
      this.fieldStack.pop();
      this.struct = outerStruct;
    }
  }
}

/** strconv.Quote (field paths of strict errors, the version in messages). */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c === 0x07) out += "\\a";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0b) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd"; // Go decoded the lone surrogate to U+FFFD, which prints
    else if (!isGoPrintable(c)) out += c > 0xffff ? "\\U" + c.toString(16).padStart(8, "0") : "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

/** unicode.IsPrint, approximately: the spaces, format and control characters it rejects. */
function isGoPrintable(c: number): boolean {
  if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad) return false;
  if (c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f)) return false;
  if (c === 0x3000 || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb) || (c >= 0xe000 && c <= 0xf8ff)) return false;
  return true;
}

/**
 * Decode `value` into the Go type `type` (a struct key such as
 * "apps.Deployment", or a compiled type), as sigs.k8s.io/json does: the first
 * error (or an UnmarshalJSON error), else, in strict mode, the unknown fields.
 * Never throws for any JSON value.
 */
export function decodeTyped(type: string | GoType | StructSchema, value: unknown, options: DecodeOptions): DecodeResult {
  const d = new Decoder(options.strict);
  try {
    if (typeof type === "string") {
      const schema = structSchema(type);
      if (!schema) throw new Error(`decodeTyped: unknown type ${type}`);
      d.value(value, { kind: "struct", name: schema.typeName, key: schema.key });
    } else if ("fields" in type) {
      d.value(value, { kind: "struct", name: type.typeName, key: type.key });
    } else {
      d.value(value, type);
    }
  } catch (e) {
    if (e instanceof Abort) return { error: e.error, strictErrors: [] };
    throw e;
  }
  if (d.saved) return { error: d.saved, strictErrors: [] };
  return { error: null, strictErrors: d.strictErrors };
}

/** runtime.NewStrictDecodingError(errs).Error(): `strict decoding error: unknown field "a", unknown field "b"`. */
export function strictDecodingError(errors: readonly StrictError[]): string {
  return `strict decoding error: ${errors.map((e) => e.message).join(", ")}`;
}

/**
 * The message of the 400 BadRequest a decoding failure gets (transformDecodeError
 * in k8s.io/apiserver handlers): `<Kind> in version "<version>" cannot be
 * handled as a <Kind>: <detail>`. `kind`/`version` are those of the request
 * body (defaulted from the URL); `targetKind` that of the resource (the same
 * unless the body names another kind).
 */
export function formatDecodeError(kind: string, version: string, detail: string, targetKind: string = kind): string {
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${targetKind}: ${detail}`;
}

/**
 * kubectl's own check of a manifest before it sends it (cli-runtime's
 * metadataValidatingDecoder): the apiVersion, kind and metadata must decode
 * into a metav1.ObjectMeta. Returns the error text (kubectl prints
 * `error: unable to decode "<file>": <text>`), or null.
 */
export function decodeMetadataOnly(obj: unknown): string | null {
  return decodeTyped("cliruntime.metadataOnlyObject", obj, { strict: false }).error?.message ?? null;
}

// ---------- a whole request body ----------

/** The fieldValidation query parameter; the API server's default is Warn (kubectl's --validate=strict sends Strict). */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

export interface BodyDecode {
  /** The message of a 400 BadRequest Status (reason BadRequest), or null. */
  readonly error: string | null;
  /** Warning headers (Warn mode): `unknown field "spec.foo"`, one per field. */
  readonly warnings: readonly string[];
  /**
   * Paths of the unknown fields (Warn and Ignore decode them into nothing, so
   * the server drops them), e.g. `spec.template.spec.containers[0].foo`.
   */
  readonly unknownFields?: readonly string[];
  /**
   * The group/version/kind the body claims (apiVersion and kind, each defaulted
   * from the resource when missing), when it could be read. The caller checks
   * it against the resource.
   */
  readonly gvk: { readonly group: string; readonly version: string; readonly kind: string } | null;
}

const FIND_KIND_TYPE =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** encoding/json's case-insensitive key match (foldName): ASCII case plus the odd Unicode letters that fold to ASCII. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function foldName(key: string): string {
  // ASCII keys (all real ones): toUpperCase of the whole is the same, and quicker.
  if (isAscii(key)) return key.toUpperCase();
  let out = "";
  for (const ch of key) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch.toUpperCase();
    } else {
      const f = ch.toLowerCase().toUpperCase();
      out += [...f].length === 1 ? f : ch;
    }
  }
  return out;
}

/** The field of Interpret's struct that `key` decodes into, if any (foldName(key) is APIVERSION or KIND). */
function interpretedField(key: string): "apiVersion" | "kind" | null {
  // An ASCII key folds character by character: only one of the right length can match.
  if (key.length !== 10 && key.length !== 4 && isAscii(key)) return null;
  const folded = foldName(key);
  return folded === "APIVERSION" ? "apiVersion" : folded === "KIND" ? "kind" : null;
}

/**
 * json.SimpleMetaFactory.Interpret: the apiVersion and kind of the body, read
 * with the standard (case-insensitive) encoding/json into an anonymous struct.
 */
function interpret(body: unknown): { apiVersion: string; kind: string } | { error: string } {
  const found = { apiVersion: "", kind: "" };
  let error: string | null = null;
  if (isNullish(body)) return found;
  if (typeof body !== "object" || Array.isArray(body)) {
    error = `json: cannot unmarshal ${jsonKind(body)} into Go value of type ${FIND_KIND_TYPE}`;
  } else {
    const record = body as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      const field = interpretedField(key);
      if (!field || isNullish(v)) continue;
      if (typeof v === "string") found[field] = v;
      else error ??= `json: cannot unmarshal ${jsonKind(v)} into Go struct field .${field} of type string`;
    }
  }
  return error ? { error: `couldn't get version/kind; json parse error: ${error}` } : found;
}

/** handlers.summarizeData(body, 30): the body if short, else its first 30 bytes and " ..." (in hex unless it starts with "{"). */
function summarizeBody(body: unknown, raw: string | undefined): string {
  const text = raw ?? goJsonPrefix(body, 64);
  if (text.length === 0) return "<empty>";
  const { text: head, cut } = text.startsWith("{") ? utf8Prefix(text, 30) : utf8HexPrefix(text, 30);
  return cut ? `${head} ...` : head;
}

function unrecognized(info: KindInfo, detail: string, body: unknown, raw: string | undefined): BodyDecode {
  return {
    error: `the object provided is unrecognized (must be of type ${info.kind}): ${detail} (${summarizeBody(body, raw)})`,
    warnings: [],
    gvk: null,
  };
}

/**
 * Decode a create/update body for the resource of kind `target`, as the API
 * server does before anything else (Interpret, then the typed decode), and
 * apply fieldValidation to the unknown fields. `raw` is the request body's
 * text when there is one (only used in a summary of an unreadable body).
 */
export function decodeBody(target: KindInfo | { apiVersion: string; kind: string }, body: unknown, fieldValidation: FieldValidation = "Warn", raw?: string): BodyDecode {
  const info = "type" in target ? target : KINDS.find((k) => k.apiVersion === target.apiVersion && k.kind === target.kind);
  if (!info) throw new Error(`decodeBody: no schema for ${target.apiVersion} ${target.kind}`);
  const found = interpret(body);
  if ("error" in found) return unrecognized(info, found.error, body, raw);
  // schema.ParseGroupVersion
  let group = "";
  let version = "";
  const slashes = found.apiVersion.split("/").length - 1;
  if (found.apiVersion !== "" && found.apiVersion !== "/") {
    if (slashes === 0) version = found.apiVersion;
    else if (slashes === 1) [group, version] = found.apiVersion.split("/") as [string, string];
    else return unrecognized(info, `unexpected GroupVersion string: ${found.apiVersion}`, body, raw);
  }
  // gvkWithDefaults
  const kind = found.kind || info.kind;
  if (version === "" && group === "") {
    group = info.group;
    version = info.version;
  }
  if (version === "" && group === info.group) version = info.version;
  const gvk = { group, version, kind };

  // The body is decoded into the type it names. Another kind than the
  // resource's fails after that, in conversion (the caller's check, with
  // `gvk`), which also comes before any strict-decoding error.
  if (kind !== info.kind || group !== info.group || version !== info.version) {
    const other = KINDS.find((k) => k.group === group && k.version === version && k.kind === kind);
    const error = other ? decodeTyped(other.type, body, { strict: false }).error : null;
    return { error: error ? formatDecodeError(kind, version, error.message, info.kind) : null, warnings: [], gvk };
  }
  // Unknown fields are always looked for: Ignore drops them without a word.
  const result = decodeTyped(info.type, body, { strict: true });
  if (result.error) return { error: formatDecodeError(kind, version, result.error.message, info.kind), warnings: [], gvk };
  if (result.strictErrors.length > 0) {
    const unknownFields = result.strictErrors.map((e) => e.path);
    if (fieldValidation === "Ignore") return { error: null, warnings: [], unknownFields, gvk };
    if (fieldValidation === "Warn") return { error: null, warnings: result.strictErrors.map((e) => e.message), unknownFields, gvk };
    return { error: formatDecodeError(kind, version, strictDecodingError(result.strictErrors), info.kind), warnings: [], gvk };
  }
  return { error: null, warnings: [], gvk };
}
