// `kubectl explain TYPE[.FIELD...]`: field documentation from the API
// server's OpenAPI documents. kubectl 1.32 fetches /openapi/v3, then the
// document of the resource's group-version, and renders it with its
// "plaintext" Go template; this module walks the same JSON the same way
// (the template's sub-templates are the functions below), so whatever the
// documents say is printed as real kubectl would print it.
// `--output=plaintext-openapiv2` uses the older printer over /openapi/v2.

import { openApiDocuments, type Json, type JsonObject } from "../../api/openapi/index.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { Command, Invocation } from "../command.ts";
import { discoveryOrder, resolveResource } from "../discovery.ts";
import { BOOL, STRING } from "../flags.ts";
import { KubectlError, RawError } from "../types.ts";
import { renderOpenApiV2 } from "./explain-v2.ts";

const SUGGEST = 'Use "kubectl api-resources" for a complete list of supported resources.';

// ---------- the argument: TYPE[.FIELD...] ----------

type PathNode = { kind: "field"; name: string } | { kind: "recursive" } | { kind: "other" };

/** The nodes client-go's jsonpath parser makes of `{.<text>}` (fields, `..`, anything else). */
function jsonPathNodes(text: string): PathNode[] {
  const s = "." + text;
  const nodes: PathNode[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ".") {
      if (s[i + 1] === ".") {
        nodes.push({ kind: "recursive" });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.length && s[j] !== "." && s[j] !== "[") j++;
      nodes.push({ kind: "field", name: s.slice(i + 1, j) });
      i = j;
    } else {
      // `[...]` filters and indexes: not a field.
      nodes.push({ kind: "other" });
      const close = s.indexOf("]", i);
      i = close < 0 ? s.length : close + 1;
    }
  }
  return nodes;
}

function parseResourcePath(arg: string): PathNode[] {
  return jsonPathNodes(arg.endsWith(".") ? arg.slice(0, -1) : arg);
}

function fieldsOf(nodes: readonly PathNode[], message: string): string[] {
  return nodes.map((n) => {
    if (n.kind !== "field") throw new KubectlError(message);
    return n.name;
  });
}

interface Target {
  type: ResourceType;
  group: string;
  version: string;
  fields: string[];
}

/** The resource type a name resolves to, or the mapper's error. */
function resourceFor(inv: Invocation, name: string): ResourceType {
  const t = name === "" ? undefined : resolveResource(inv.ctx.api.registry, name);
  // kubectl reports a no-match error without its "error: " prefix.
  if (!t) throw new RawError(`the server doesn't have a resource type ${JSON.stringify(name)}\n`);
  return t;
}

/**
 * SplitAndParseResourceRequest(WithMatchingPrefix): the first path element
 * names the resource; with the prefix rule, `deployments.apps.spec` strips
 * the whole `deployments.apps` before reading fields.
 */
function target(inv: Invocation, arg: string, matchPrefix: boolean): Target {
  const nodes = parseResourcePath(arg);
  const first = nodes[0];
  if (!first || first.kind !== "field") throw new KubectlError("invalid jsonpath syntax, first node must be field node");
  const type = resourceFor(inv, first.name);
  const gr = type.group ? `${type.resource}.${type.group}` : type.resource;
  if (!matchPrefix) {
    const fields = fieldsOf(nodes.slice(1), "invalid jsonpath syntax, all nodes must be field nodes");
    return { type, group: type.group, version: type.version, fields };
  }
  let fields: string[];
  if (arg.startsWith(gr)) {
    const suffix = arg.slice(gr.length);
    fields = suffix === "" ? [] : fieldsOf(parseResourcePath(suffix).slice(1), "invalid jsonpath syntax, first node must be field node");
  } else {
    fields = fieldsOf(nodes.slice(1), "invalid jsonpath syntax, first node must be field node");
  }
  return { type, group: type.group, version: type.version, fields };
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(s: string): { group: string; version: string } {
  if (s === "" || s === "/") return { group: "", version: "" };
  const parts = s.split("/");
  if (parts.length === 1) return { group: "", version: s };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new KubectlError(`unexpected GroupVersion string: ${s}`);
}

// ---------- the plaintext template ----------

type Schema = JsonObject;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Go template truth: empty strings, maps, lists, zero and nil are false. */
function truthy(v: Json | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}

/** The template's resolveRef: a `#/...` reference inside the document, or undefined. */
function resolveRef(ref: Json | undefined, doc: JsonObject): Schema | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  let cur: JsonObject = doc;
  for (const k of ref.slice(1).split("/")) {
    if (k === "") continue;
    const next = cur[k];
    if (!isObject(next)) return undefined;
    cur = next;
  }
  return cur;
}

/** `or (resolveRef $ref $.Document) $.schema`. */
function resolved(schema: Schema, doc: JsonObject): Schema {
  const r = resolveRef(schema.$ref, doc);
  return r && truthy(r) ? r : schema;
}

function mapValue(s: Schema): Schema | undefined {
  const ap = s.additionalProperties;
  return isObject(ap) && truthy(ap) ? ap : undefined;
}

function itemsOf(s: Schema): Schema | undefined {
  return isObject(s.items) && truthy(s.items) ? s.items : undefined;
}

function allOfOf(s: Schema): Schema[] {
  return Array.isArray(s.allOf) ? s.allOf.filter(isObject) : [];
}

function propertiesOf(s: Schema): JsonObject | undefined {
  return isObject(s.properties) && truthy(s.properties) ? s.properties : undefined;
}

/** go-wordwrap's WrapString (v1.0.1): break at white space so lines stay within `lim` runes. */
export function wrapString(s: string, lim: number): string {
  let buf = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        word = "";
        wordLen = 0;
      }
      space = "";
      spaceLen = 0;
      buf += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== "\u00a0") {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/** The template's indent: pad the start and every line break. */
function indent(n: number, s: string): string {
  const pad = " ".repeat(n);
  return pad + s.split("\n").join("\n" + pad);
}

/** Go's %v of a JSON value, as `{{ $element }}` prints an enum value. */
function goPrint(v: Json): string {
  if (typeof v === "string") return v;
  if (v === null) return "<nil>";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

class Renderer {
  constructor(
    private readonly doc: JsonObject,
    private readonly recursive: boolean,
  ) {}

  /** "typeGuess": `string`, `Object`, `[]Container`, `map[string]Quantity`, ... */
  typeGuess(s: Schema): string {
    const items = itemsOf(s);
    if (items) return "[]" + this.typeGuess(items);
    const ap = mapValue(s);
    if (ap) return "map[string]" + this.typeGuess(ap);
    const allOf = allOfOf(s);
    if (truthy(s.allOf) && !truthy(s.properties) && Array.isArray(s.allOf) && s.allOf.length === 1) return this.typeGuess(allOf[0] ?? {});
    if (truthy(s.$ref)) {
      const ref = String(s.$ref);
      const target = resolveRef(ref, this.doc);
      if (!target || !truthy(target) || !truthy(target.type) || target.type === "object") {
        const name = ref.split("/").pop()!;
        return name.split(".").pop() || "Object";
      }
      return goPrint(target.type!);
    }
    if (s.type === "object") return "Object";
    return truthy(s.type) ? goPrint(s.type!) : "Object";
  }

  /** "extractEnum": `\n  enum: A, B, C, D, ....` (field lists) or `ENUM:\n    A\n    B` (one field). */
  extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
    if (!Array.isArray(s.enum) || s.enum.length === 0) return "";
    let out = longView ? "ENUM:" : "\n" + " ".repeat(indentAmount) + "enum: ";
    for (let i = 0; i < s.enum.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ", ....";
        break;
      }
      if (i > 0 && !longView) out += ", ";
      else if (longView) out += "\n    ";
      const el = s.enum[i]!;
      out += el === "" ? '""' : goPrint(el);
    }
    return out;
  }

  /** "description": the schema's description, then those of what it wraps. */
  description(schema: Schema): string {
    const s = resolveRef(schema.$ref, this.doc) ?? schema;
    if (!truthy(s)) return "";
    let out = "";
    if (truthy(s.description)) out += goPrint(s.description!) + "\n";
    for (const sub of allOfOf(s)) out += this.description(sub);
    const items = itemsOf(s);
    if (items) out += this.description(items);
    const ap = mapValue(s);
    if (ap) out += this.description(ap);
    return out;
  }

  /** "fieldDetail": one field line, and unless short its wrapped description. */
  fieldDetail(name: string, schema: Schema, short: boolean, level: number): string {
    const indentAmount = level * 2;
    const field = (propertiesOf(schema)?.[name] ?? {}) as Schema;
    let out = indent(indentAmount, name) + "\t<" + this.typeGuess(field) + ">";
    if (Array.isArray(schema.required) && schema.required.includes(name)) out += " -required-";
    out += this.extractEnum(field, false, 4, indentAmount);
    out += "\n";
    if (!short) {
      const text = truthy(field.description) ? goPrint(field.description!) : "<no description>";
      out += indent(indentAmount + 2, wrapString(text, 78 - indentAmount)) + "\n\n";
    }
    return out;
  }

  /** "fieldList": the fields of a schema (and, recursively, of theirs), refs followed once per branch. */
  fieldList(schema: Schema, level: number, history: ReadonlySet<string>): string {
    const ref = typeof schema.$ref === "string" ? schema.$ref : "";
    if (ref !== "" && history.has(ref)) return "";
    const next = new Set(history).add(ref);
    const r = resolved(schema, this.doc);
    let out = "";
    const props = propertiesOf(r);
    if (props) {
      for (const k of Object.keys(props).sort()) {
        out += this.fieldDetail(k, r, this.recursive, level);
        if (this.recursive) out += this.fieldList(props[k] as Schema, level + 1, next);
      }
    }
    for (const sub of allOfOf(r)) out += this.fieldList(sub, level, next);
    const items = itemsOf(r);
    if (items) out += this.fieldList(items, level, next);
    const ap = mapValue(r);
    if (ap) out += this.fieldList(ap, level, next);
    return out;
  }

  /** "output": follow the field path, then print FIELD / DESCRIPTION / FIELDS. */
  output(schema: Schema, history: ReadonlySet<string>, path: readonly string[]): string {
    const ref = typeof schema.$ref === "string" ? schema.$ref : "";
    const next = new Set(history).add(ref);
    const r = resolved(schema, this.doc);
    if (path.length === 0) {
      const description = this.description(r) || "<empty>";
      let out = "DESCRIPTION:\n" + indent(4, wrapString(description, 76)) + "\n";
      const fields = this.fieldList(r, 1, new Set());
      if (fields !== "") out += "FIELDS:\n" + fields;
      return out;
    }
    if (ref !== "" && history.has(ref)) return "";
    const props = propertiesOf(r);
    const sub = props?.[path[0]!];
    if (props && truthy(sub) && isObject(sub)) {
      let out = "";
      if (path.length === 1) {
        out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n`;
        out += this.extractEnum(sub, true, -1) + "\n\n";
      }
      return out + this.output(sub, new Set(), path.slice(1));
    }
    const items = itemsOf(r);
    if (items) return this.output(items, next, path);
    const ap = mapValue(r);
    if (ap) return this.output(ap, next, path);
    for (const s of allOfOf(r)) {
      const out = this.output(s, next, path);
      if (out !== "") return out;
    }
    return "";
  }
}

function sameGvk(a: Json, b: JsonObject): boolean {
  return isObject(a) && Object.keys(a).length === Object.keys(b).length && Object.keys(b).every((k) => a[k] === b[k]);
}

/** The template's top level: find the kind through the resource's paths, then render it. */
export function renderPlaintext(
  doc: JsonObject,
  gvr: { group: string; version: string; resource: string },
  fieldPath: readonly string[],
  recursive: boolean,
  write: (text: string) => void,
): void {
  const prefix = gvr.group ? `/apis/${gvr.group}` : "/api";
  const searchPaths = [
    [prefix, gvr.version, gvr.resource].join("/"),
    [prefix, gvr.version, gvr.resource, "{name}"].join("/"),
    [prefix, gvr.version, "namespaces", "{namespace}", gvr.resource].join("/"),
    [prefix, gvr.version, "namespaces", "{namespace}", gvr.resource, "{name}"].join("/"),
  ];
  let gvk: JsonObject | undefined;
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const p of searchPaths) {
    const element = paths[p];
    if (!isObject(element) || !truthy(element)) continue;
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = element[method];
      if (!isObject(op) || !truthy(op)) continue;
      const g = op["x-kubernetes-group-version-kind"];
      gvk = isObject(g) && truthy(g) ? g : undefined;
      if (gvk) break;
    }
  }
  if (!gvk) throw new KubectlError(`error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`);
  let out = "";
  if (truthy(gvk.group)) out += `GROUP:      ${goPrint(gvk.group!)}\n`;
  out += `KIND:       ${goPrint(gvk.kind ?? null)}\n`;
  out += `VERSION:    ${goPrint(gvk.version ?? null)}\n\n`;
  // The template writes as it goes: the header is out before a field error.
  write(out);

  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const renderer = new Renderer(doc, recursive);
  let body = "";
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name];
    if (!isObject(schema)) continue;
    const gvks = schema["x-kubernetes-group-version-kind"];
    if (!Array.isArray(gvks) || !gvks.some((g) => sameGvk(g, gvk!))) continue;
    body = renderer.output(schema, new Set(), fieldPath);
    if (body === "") throw new KubectlError(`error: field ${JSON.stringify(fieldPath[fieldPath.length - 1])} does not exist`);
    break;
  }
  if (body === "") throw new KubectlError(`error: GVK ${goMap(gvk)} not found in OpenAPI schema`);
  write(body + "\n");
}

/** Go's %v of a map[string]any: `map[group:apps kind:Deployment version:v1]`. */
function goMap(m: JsonObject): string {
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${goPrint(m[k]!)}`)
    .join(" ")}]`;
}

// ---------- the command ----------

function explainRun(inv: Invocation): number {
  if (inv.args.length === 0) throw new KubectlError(`You must specify the type of resource to explain. ${SUGGEST}\n`);
  if (inv.args.length > 1) throw new KubectlError("We accept only this format: explain RESOURCE\n");
  const apiVersion = inv.flags.string("api-version");
  const output = inv.flags.string("output");
  const recursive = inv.flags.bool("recursive");
  const t = target(inv, inv.args[0]!, apiVersion === "");
  const docs = openApiDocuments(discoveryOrder(inv.ctx.api.registry));

  if (output === "plaintext-openapiv2") {
    inv.io.stdout(renderOpenApiV2(docs.v2(), t.type, apiVersion === "" ? undefined : parseGroupVersion(apiVersion), t.fields, recursive));
    return 0;
  }
  let { group, version } = t;
  if (apiVersion !== "") ({ group, version } = parseGroupVersion(apiVersion));
  const gvr = { group, version, resource: t.type.resource };
  const path = group ? `apis/${group}/${version}` : `api/${version}`;
  const doc = docs.v3Index().paths && docs.v3(path);
  if (!doc) throw new KubectlError(`couldn't find resource for "${group}/${version}, Resource=${t.type.resource}"`);
  if (output !== "plaintext") throw new KubectlError(`unrecognized format: ${output}`);
  renderPlaintext(doc, gvr, t.fields, recursive, (text) => inv.io.stdout(text));
  return 0;
}

export const explainCommand: Command = {
  name: "explain",
  group: "Basic Commands (Intermediate):",
  short: "Get documentation for a resource",
  long:
    "Show the fields of a resource type and what each one means.\n\n" +
    " Name a type, or a field inside it, with a dotted path:\n\n" +
    "        <type>.<fieldName>[.<fieldName>]\n" +
    "        \n" +
    " The documentation comes from the OpenAPI schema the API server publishes.\n\n" +
    SUGGEST,
  example: [
    "  # What a pod is, and its top-level fields",
    "  kubectl explain pods",
    "  ",
    "  # Every field of a deployment, nested, names only",
    "  kubectl explain deployments --recursive",
    "  ",
    "  # A deployment as apps/v1 describes it",
    "  kubectl explain deployments --api-version=apps/v1",
    "  ",
    "  # One field: the containers of a pod",
    "  kubectl explain pods.spec.containers",
    "  ",
    "  # The older layout, from the OpenAPI v2 schema",
    "  kubectl explain deployment --output=plaintext-openapiv2",
  ].join("\n"),
  use: "explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
  flags: [
    STRING("api-version", "Use given api-version (group/version) of the resource."),
    STRING("output", "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).", { shorthand: "o", default: "plaintext" }),
    BOOL("recursive", "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description."),
  ],
  run: explainRun,
};
