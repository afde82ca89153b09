// JSON as Go's encoding/json writes a typed object (what kubectl prints for
// the objects its generators build, `create deployment ... -o json`, and
// what --save-config stores for them): struct fields in declaration order,
// map keys sorted, HTML-safe strings. Objects read from files are
// unstructured maps and print with sorted keys instead (output.ts).
import { kindInfo, structSchema, type GoType, type StructSchema } from "../api/schema/schema.ts";
import { jsonString } from "./printers/go/json.ts";

function encode(v: unknown, t: GoType | StructSchema | undefined, indent: string | null, depth: number): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  const nl = indent === null ? "" : "\n" + indent.repeat(depth + 1);
  const close = indent === null ? "" : "\n" + indent.repeat(depth);
  const sep = indent === null ? ":" : ": ";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const elem = t && "kind" in t && t.kind === "slice" ? t.elem : undefined;
    return "[" + v.map((e) => nl + encode(e, elem, indent, depth + 1)).join(",") + close + "]";
  }
  const rec = v as Record<string, unknown>;
  const struct = t === undefined ? undefined : "fields" in t ? t : t.kind === "struct" ? structSchema(t.key) : undefined;
  let entries: Array<[string, unknown, GoType | undefined]>;
  if (struct) {
    entries = struct.fields.filter((f) => rec[f.name] !== undefined).map((f) => [f.name, rec[f.name], f.type]);
  } else {
    const elem = t && "kind" in t && t.kind === "map" ? t.elem : undefined;
    entries = Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => [k, rec[k], elem]);
  }
  if (entries.length === 0) return "{}";
  return "{" + entries.map(([k, x, ft]) => nl + jsonString(k) + sep + encode(x, ft, indent, depth + 1)).join(",") + close + "}";
}

/**
 * json.Marshal (indent null) or json.MarshalIndent of a typed object of its
 * apiVersion and kind (or of the type `as` names, when they are missing).
 */
export function typedJson(obj: { apiVersion?: string; kind?: string }, indent: string | null, as?: { apiVersion: string; kind: string }): string {
  const info = kindInfo(obj.apiVersion ?? "", obj.kind ?? "") ?? (as && kindInfo(as.apiVersion, as.kind));
  return encode(obj, info ? structSchema(info.type) : undefined, indent, 0);
}
