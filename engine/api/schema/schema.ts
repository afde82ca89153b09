// The Go types of the built-in kinds (k8s.io/api v0.32), compiled from the
// declarative tables of go-types.ts into a form the JSON decoder, kubectl
// explain and strategic merge patch can walk.
//
// Notation of go-types.ts: a type is written as
//   - a primitive: string, bool, int32, int64, uint8, float64;
//   - "[]T" (a slice) or "map[K]V" (a map; K is string or a named string type);
//   - "<pkg>.<Name>": a struct of STRUCT_TYPES, a named type of NAMED_TYPES, or one
//     of the types with their own JSON decoding (SPECIAL_TYPES below).
// Package keys are ours (core, apps, meta, ...); GO_PACKAGES gives the Go
// package name that error messages print (core → "v1", so "v1.PodSpec").

import { FIELD_DESCRIPTIONS, TYPE_DESCRIPTIONS } from "./descriptions.ts";
import { GO_PACKAGES, KIND_TYPES, NAMED_TYPES, REQUIRED_FIELDS, STRUCT_TYPES } from "./go-types.ts";

export type ScalarKind = "string" | "bool" | "int32" | "int64" | "uint8" | "float64";

/**
 * Types whose UnmarshalJSON decides what they accept:
 * - quantity: resource.Quantity (a string or a number, parsed by ParseQuantity);
 * - intOrString: intstr.IntOrString (a string, or a number that fits an int32);
 * - time / microTime: metav1.Time / MicroTime (an RFC 3339 string);
 * - raw: runtime.RawExtension and metav1.FieldsV1 (any JSON, kept as bytes);
 * - any: interface{} (any JSON).
 */
export type SpecialKind = "quantity" | "intOrString" | "time" | "microTime" | "raw" | "any";

export type GoType =
  | { readonly kind: ScalarKind; readonly name: string }
  | { readonly kind: "struct"; readonly name: string; readonly key: string }
  | { readonly kind: "slice"; readonly name: string; readonly elem: GoType }
  | { readonly kind: "map"; readonly name: string; readonly key: GoType; readonly elem: GoType }
  | { readonly kind: SpecialKind; readonly name: string };

export interface FieldSchema {
  /** The JSON name. */
  readonly name: string;
  readonly type: GoType;
  /** No omitempty and no +optional: OpenAPI lists it as required. */
  readonly required: boolean;
  readonly description?: string;
}

export interface StructSchema {
  /** Our key, e.g. "core.PodSpec". */
  readonly key: string;
  /** The Go type name alone, as UnmarshalTypeError prints the struct ("PodSpec"). */
  readonly goName: string;
  /** reflect's Type.String(): "v1.PodSpec". */
  readonly typeName: string;
  /** Fields in Go declaration order (inline structs flattened in place). */
  readonly fields: readonly FieldSchema[];
  readonly description?: string;
  field(name: string): FieldSchema | undefined;
}

const SPECIAL_TYPES: Readonly<Record<string, SpecialKind>> = {
  "resource.Quantity": "quantity",
  "intstr.IntOrString": "intOrString",
  "meta.Time": "time",
  "meta.MicroTime": "microTime",
  "runtime.RawExtension": "raw",
  "meta.FieldsV1": "raw",
};

const SCALARS: ReadonlySet<string> = new Set(["string", "bool", "int32", "int64", "uint8", "float64"]);

/** reflect's Type.String() of a named type: "core.PodSpec" → "v1.PodSpec". */
export function goTypeName(key: string): string {
  const dot = key.indexOf(".");
  const pkg = key.slice(0, dot);
  return `${GO_PACKAGES[pkg] ?? pkg}.${key.slice(dot + 1)}`;
}

const typeCache = new Map<string, GoType>();

/** The type a type expression of go-types.ts stands for; throws on a malformed or unknown one. */
export function goType(expr: string): GoType {
  let t = typeCache.get(expr);
  if (!t) {
    t = parseType(expr);
    typeCache.set(expr, t);
  }
  return t;
}

function parseType(expr: string): GoType {
  if (SCALARS.has(expr)) return { kind: expr as ScalarKind, name: expr };
  if (expr === "any") return { kind: "any", name: "interface {}" };
  if (expr.startsWith("[]")) {
    const elem = goType(expr.slice(2));
    return { kind: "slice", name: `[]${elem.name}`, elem };
  }
  if (expr.startsWith("map[")) {
    const close = expr.indexOf("]");
    const key = goType(expr.slice(4, close));
    const elem = goType(expr.slice(close + 1));
    return { kind: "map", name: `map[${key.name}]${elem.name}`, key, elem };
  }
  const special = SPECIAL_TYPES[expr];
  if (special) return { kind: special, name: goTypeName(expr) };
  if (Object.hasOwn(STRUCT_TYPES, expr)) return { kind: "struct", name: goTypeName(expr), key: expr };
  if (Object.hasOwn(NAMED_TYPES, expr)) {
    // A named type prints its own name but decodes as its underlying type.
    return { ...goType(NAMED_TYPES[expr]!), name: goTypeName(expr) } as GoType;
  }
  throw new Error(`schema: unknown type ${JSON.stringify(expr)}`);
}

const structCache = new Map<string, StructSchema>();

/** The struct type `key` ("core.PodSpec"), or undefined. */
export function structSchema(key: string): StructSchema | undefined {
  let s = structCache.get(key);
  if (!s && Object.hasOwn(STRUCT_TYPES, key)) {
    s = compileStruct(key);
    structCache.set(key, s);
  }
  return s;
}

function compileStruct(key: string): StructSchema {
  const required = new Set(REQUIRED_FIELDS[key] ?? []);
  const fields: FieldSchema[] = [];
  const byName = new Map<string, FieldSchema>();
  for (const [name, expr] of Object.entries(STRUCT_TYPES[key]!)) {
    const description = FIELD_DESCRIPTIONS[`${key}.${name}`];
    const field: FieldSchema = {
      name,
      type: goType(expr),
      required: required.has(name),
      ...(description !== undefined ? { description } : {}),
    };
    fields.push(field);
    byName.set(name, field);
  }
  const description = TYPE_DESCRIPTIONS[key];
  return {
    key,
    goName: key.slice(key.indexOf(".") + 1),
    typeName: goTypeName(key),
    fields,
    ...(description !== undefined ? { description } : {}),
    field: (name) => byName.get(name),
  };
}

export interface KindInfo {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** "apps/v1", or "v1" for the core group. */
  readonly apiVersion: string;
  /** The struct type key, e.g. "apps.Deployment". */
  readonly type: string;
}

/** Every kind with a schema. */
export const KINDS: readonly KindInfo[] = KIND_TYPES.map(([group, version, kind, type]) => ({
  group,
  version,
  kind,
  apiVersion: group ? `${group}/${version}` : version,
  type,
}));

/** The kind `kind` of `apiVersion` ("apps/v1", "v1"), or undefined. */
export function kindInfo(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
}

/** The schema of a kind: `schemaForKind("apps/v1", "Deployment")`. */
export function schemaForKind(apiVersion: string, kind: string): StructSchema | undefined {
  const info = kindInfo(apiVersion, kind);
  return info ? structSchema(info.type) : undefined;
}

/**
 * The type at a field path below a type, the way kubectl explain walks it:
 * list elements are stepped into implicitly, so ["spec", "containers",
 * "ports"] from a PodSpec's parent is the []ContainerPort. Undefined when a
 * segment names no field (or a map or scalar is in the way).
 */
export function typeAtPath(root: GoType | StructSchema, path: readonly string[]): GoType | undefined {
  let t: GoType | undefined = "fields" in root ? { kind: "struct", name: root.typeName, key: root.key } : root;
  for (const segment of path) {
    while (t.kind === "slice") t = t.elem;
    if (t.kind !== "struct") return undefined;
    const field: FieldSchema | undefined = structSchema(t.key)?.field(segment);
    if (!field) return undefined;
    t = field.type;
  }
  return t;
}

/** The struct schema of a struct type, or undefined for any other type. */
export function structOf(t: GoType): StructSchema | undefined {
  return t.kind === "struct" ? structSchema(t.key) : undefined;
}
