// The definitions of a 1.32 API server's OpenAPI documents, built from the
// Go types of schema/go-types.ts: one schema per struct reachable from the
// served kinds, with the types, formats, required lists, defaults, enums and
// x-kubernetes-* extensions the OpenAPI generator derives from the Go source,
// and our own descriptions.
//
// Two flavours: v3 (`#/components/schemas/...`, a described reference is
// wrapped in `allOf`, defaults are kept) and v2 (`#/definitions/...`, the
// description sits beside `$ref`, no defaults), as the real server emits them.

import { goType, type GoType, KINDS } from "../schema/index.ts";
import { NAMED_TYPES, REQUIRED_FIELDS, STRUCT_TYPES } from "../schema/go-types.ts";
import { describeField, describeType } from "./descriptions/index.ts";
import { ATOMIC_STRUCTS, ENUMS, FIELD_FACTS } from "./facts.ts";
import { definitionName } from "./names.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type Flavour = "v2" | "v3";

/** Where references point in each flavour. */
export function refPrefix(flavour: Flavour): string {
  return flavour === "v3" ? "#/components/schemas/" : "#/definitions/";
}

/** The type keys with their own schema besides structs (the special JSON types). */
const SPECIAL_KEYS: Readonly<Record<string, string>> = {
  quantity: "resource.Quantity",
  intOrString: "intstr.IntOrString",
  time: "meta.Time",
  microTime: "meta.MicroTime",
};

/** The type key of a referenced (named) type, or undefined for an inline one. */
function refKey(t: GoType, expr: string): string | undefined {
  if (t.kind === "struct") return t.key;
  const special = SPECIAL_KEYS[t.kind];
  if (special) return special;
  if (t.kind === "raw") return expr === "meta.FieldsV1" ? "meta.FieldsV1" : "runtime.RawExtension";
  return undefined;
}

/** The element type expression of "[]T" or "map[K]T", following named types (core.ResourceList). */
function elemExpr(expr: string): string {
  let e = expr;
  while (Object.hasOwn(NAMED_TYPES, e)) e = NAMED_TYPES[e]!;
  if (e.startsWith("[]")) return e.slice(2);
  if (e.startsWith("map[")) return e.slice(e.indexOf("]") + 1);
  return e;
}

/** Parse a facts string ("d={} ps=merge pk=name") into its tokens. */
function parseFacts(s: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!s) return out;
  for (const tok of s.split(" ")) {
    const eq = tok.indexOf("=");
    out.set(tok.slice(0, eq), tok.slice(eq + 1));
  }
  return out;
}

function scalarSchema(t: GoType): JsonObject {
  switch (t.kind) {
    case "string":
      return { type: "string" };
    case "bool":
      return { type: "boolean" };
    case "int32":
      return { type: "integer", format: "int32" };
    case "int64":
      return { type: "integer", format: "int64" };
    case "float64":
      return { type: "number", format: "double" };
    case "uint8":
      return { type: "integer", format: "byte" };
    default:
      // interface{}: any JSON.
      return { type: "object" };
  }
}

/** The zero value a non-pointer element of a list or map gets as its v3 default. */
function elementDefault(t: GoType): Json | undefined {
  if (t.kind === "string") return "";
  if (t.kind === "bool") return false;
  if (t.kind === "int32" || t.kind === "int64" || t.kind === "float64") return 0;
  if (t.kind === "struct" || t.kind in SPECIAL_KEYS || t.kind === "raw") return {};
  return undefined;
}

/** The schema of a value of type `expr` (without its description), collecting referenced keys. */
function valueSchema(expr: string, flavour: Flavour, refs: Set<string>, asElement: boolean): JsonObject {
  const t = goType(expr);
  const key = refKey(t, expr);
  if (key) {
    refs.add(key);
    const ref = { $ref: refPrefix(flavour) + definitionName(key) };
    if (asElement && flavour === "v3") return { allOf: [ref], default: {} };
    return ref;
  }
  if (t.kind === "slice") {
    // []byte is a base64 string.
    if (t.elem.kind === "uint8") return { type: "string", format: "byte" };
    return { type: "array", items: elementSchema(elemExpr(expr), flavour, refs) };
  }
  if (t.kind === "map") return { type: "object", additionalProperties: elementSchema(elemExpr(expr), flavour, refs) };
  const s = scalarSchema(t);
  if (asElement && flavour === "v3") {
    const d = elementDefault(t);
    if (d !== undefined) return { default: d, ...s };
  }
  return s;
}

function elementSchema(expr: string, flavour: Flavour, refs: Set<string>): JsonObject {
  return valueSchema(expr, flavour, refs, true);
}

/** The schema of field `name` of struct `key`. */
function propertySchema(key: string, name: string, expr: string, flavour: Flavour, refs: Set<string>): JsonObject {
  const facts = parseFacts(FIELD_FACTS[key]?.[name]);
  const description = describeField(key, name);
  const value = valueSchema(expr, flavour, refs, false);
  let out: JsonObject;
  if (typeof value.$ref === "string") {
    if (flavour === "v3") {
      out = { allOf: [value] };
      if (facts.has("d")) out.default = JSON.parse(facts.get("d")!) as Json;
    } else {
      out = { ...value };
    }
  } else {
    out = { ...value };
    if (flavour === "v3" && facts.has("d")) out.default = JSON.parse(facts.get("d")!) as Json;
  }
  if (description !== undefined) out.description = description;
  const values = ENUMS[expr];
  if (values && values.length > 0) out.enum = [...values];
  if (facts.has("ps")) out["x-kubernetes-patch-strategy"] = facts.get("ps")!;
  if (facts.has("pk")) out["x-kubernetes-patch-merge-key"] = facts.get("pk")!;
  if (facts.has("lt")) out["x-kubernetes-list-type"] = facts.get("lt")!;
  if (facts.has("lk")) out["x-kubernetes-list-map-keys"] = facts.get("lk")!.split(",");
  if (facts.has("mt")) out["x-kubernetes-map-type"] = facts.get("mt")!;
  return sortKeys(out);
}

/** Unions the generator records (+union): the discriminator and the fields it selects. */
const UNIONS: Readonly<Record<string, Json>> = {
  "core.SeccompProfile": [{ discriminator: "type", "fields-to-discriminateBy": { localhostProfile: "LocalhostProfile" } }],
  "core.AppArmorProfile": [{ discriminator: "type", "fields-to-discriminateBy": { localhostProfile: "LocalhostProfile" } }],
};

function sortKeys(o: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

/** The group-version-kinds a struct is the schema of (kinds, and the synthetic lists). */
function gvksOf(key: string): Json[] {
  return KINDS.filter((k) => k.type === key).map((k) => ({ group: k.group, kind: k.kind, version: k.version }));
}

/** The schema of a special (non-struct) named type. */
function specialSchema(key: string, flavour: Flavour): JsonObject {
  const description = describeType(key);
  const d: JsonObject = description !== undefined ? { description } : {};
  switch (key) {
    case "resource.Quantity":
      return flavour === "v3" ? { ...d, oneOf: [{ type: "string" }, { type: "number" }] } : { ...d, type: "string" };
    case "intstr.IntOrString":
      return flavour === "v3"
        ? { ...d, format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] }
        : { ...d, format: "int-or-string", type: "string" };
    case "meta.Time":
    case "meta.MicroTime":
      return { ...d, format: "date-time", type: "string" };
    default:
      // meta.FieldsV1, runtime.RawExtension: any JSON object.
      return { ...d, type: "object" };
  }
}

/** The schema of struct `key`, collecting the keys it references. */
function structSchemaOf(key: string, flavour: Flavour, refs: Set<string>): JsonObject {
  const fields = STRUCT_TYPES[key];
  if (!fields) return specialSchema(key, flavour);
  const properties: JsonObject = {};
  for (const name of Object.keys(fields).sort()) properties[name] = propertySchema(key, name, fields[name]!, flavour, refs);
  const out: JsonObject = {};
  const description = describeType(key);
  if (description !== undefined) out.description = description;
  out.properties = properties;
  const required = REQUIRED_FIELDS[key];
  if (required && required.length > 0) out.required = [...required];
  out.type = "object";
  const gvks = gvksOf(key);
  if (gvks.length > 0) out["x-kubernetes-group-version-kind"] = gvks;
  if (ATOMIC_STRUCTS.has(key)) out["x-kubernetes-map-type"] = "atomic";
  const union = UNIONS[key];
  if (union) out["x-kubernetes-unions"] = union;
  return out;
}

/** A kind's list type (`DeploymentList`), which has no Go table of its own here. */
export interface ListKind {
  group: string;
  version: string;
  kind: string;
  /** The item struct key, e.g. "apps.Deployment". */
  item: string;
}

/** The key under which a list kind's schema is filed: "apps.DeploymentList". */
export function listKey(l: ListKind): string {
  return `${l.item}List`;
}

function listSchema(l: ListKind, flavour: Flavour, refs: Set<string>): JsonObject {
  refs.add(l.item);
  refs.add("meta.ListMeta");
  const itemRef = { $ref: refPrefix(flavour) + definitionName(l.item) };
  const metaRef = { $ref: refPrefix(flavour) + definitionName("meta.ListMeta") };
  const items: JsonObject = { description: describeListItems(l.kind), items: flavour === "v3" ? { allOf: [itemRef], default: {} } : itemRef, type: "array" };
  const metadata: JsonObject = flavour === "v3" ? { allOf: [metaRef], default: {}, description: LIST_METADATA } : { ...metaRef, description: LIST_METADATA };
  return {
    description: `${l.kind} is a list of ${l.kind.replace(/List$/, "")} objects.`,
    properties: {
      apiVersion: { description: describeField("meta.TypeMeta", "apiVersion")!, type: "string" },
      items,
      kind: { description: describeField("meta.TypeMeta", "kind")!, type: "string" },
      metadata,
    },
    required: ["items"],
    type: "object",
    "x-kubernetes-group-version-kind": [{ group: l.group, kind: l.kind, version: l.version }],
  };
}

const LIST_METADATA = "Standard list metadata: the resourceVersion the list was read at, and a continue token when the server returned only part of it.";

function describeListItems(listKind: string): string {
  return `The ${listKind.replace(/List$/, "")} objects of the list.`;
}

/** ListMeta: the metadata of a list response (not part of any kind's own tree). */
function listMetaSchema(): JsonObject {
  return {
    description: describeType("meta.ListMeta")!,
    properties: {
      continue: { description: describeField("meta.ListMeta", "continue")!, type: "string" },
      remainingItemCount: { description: describeField("meta.ListMeta", "remainingItemCount")!, format: "int64", type: "integer" },
      resourceVersion: { description: describeField("meta.ListMeta", "resourceVersion")!, type: "string" },
      selfLink: { description: describeField("meta.ListMeta", "selfLink")!, type: "string" },
    },
    type: "object",
  };
}

/**
 * The definitions reachable from the struct keys `roots` and the list kinds
 * `lists`, keyed by definition name and sorted as the server sorts them.
 */
export function buildDefinitions(roots: readonly string[], lists: readonly ListKind[], flavour: Flavour): JsonObject {
  const byName = new Map<string, JsonObject>();
  const pending: string[] = [...roots];
  const done = new Set<string>();
  const visit = (key: string, schema: JsonObject, refs: Set<string>) => {
    byName.set(definitionName(key), schema);
    for (const r of refs) if (!done.has(r)) pending.push(r);
  };
  for (const l of lists) {
    const refs = new Set<string>();
    visit(listKey(l), listSchema(l, flavour, refs), refs);
    done.add(listKey(l));
  }
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (done.has(key)) continue;
    done.add(key);
    const refs = new Set<string>();
    visit(key, key === "meta.ListMeta" ? listMetaSchema() : structSchemaOf(key, flavour, refs), refs);
  }
  const out: JsonObject = {};
  for (const name of [...byName.keys()].sort()) out[name] = byName.get(name)!;
  return out;
}
