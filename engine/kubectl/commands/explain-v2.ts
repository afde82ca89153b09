// `kubectl explain --output=plaintext-openapiv2`: kubectl's older printer
// (pkg/explain) over the Swagger 2.0 document. kubectl parses each definition
// into a model (object kind, map, array, primitive, reference or arbitrary
// value), follows the field path through it, and prints KIND/VERSION,
// RESOURCE or FIELD, DESCRIPTION and FIELDS with its own formatter (80
// columns, its own wrapping rules).

import type { Json, JsonObject } from "../../api/openapi/index.ts";
import type { ResourceType } from "../../api/registry.ts";
import { KubectlError } from "../types.ts";

type Model =
  | { kind: "kind"; description: string; fields: Map<string, Model>; required: readonly string[] }
  | { kind: "map"; description: string; sub: Model }
  | { kind: "array"; description: string; sub: Model }
  | { kind: "primitive"; description: string; type: string }
  | { kind: "ref"; description: string; ref: string }
  | { kind: "arbitrary"; description: string };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** proto.Definitions.ParseSchema, as kube-openapi reads a v2 definition. */
function parseSchema(s: JsonObject): Model {
  const description = typeof s.description === "string" ? s.description : "";
  if (typeof s.$ref === "string" && s.$ref !== "") return { kind: "ref", description, ref: s.$ref.replace(/^#\/definitions\//, "") };
  const type = typeof s.type === "string" ? s.type : undefined;
  const kindOf = (): Model => {
    const fields = new Map<string, Model>();
    const props = isObject(s.properties) ? s.properties : {};
    for (const k of Object.keys(props)) if (isObject(props[k])) fields.set(k, parseSchema(props[k] as JsonObject));
    const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : [];
    return { kind: "kind", description, fields, required };
  };
  if (type === undefined) return isObject(s.properties) ? kindOf() : { kind: "arbitrary", description };
  if (type === "object") {
    if (isObject(s.properties)) return kindOf();
    const ap = s.additionalProperties;
    return { kind: "map", description, sub: isObject(ap) ? parseSchema(ap) : { kind: "arbitrary", description: "" } };
  }
  if (type === "array") return { kind: "array", description, sub: isObject(s.items) ? parseSchema(s.items) : { kind: "arbitrary", description: "" } };
  return { kind: "primitive", description, type };
}

class Models {
  private readonly cache = new Map<string, Model>();
  constructor(private readonly definitions: JsonObject) {}

  get(name: string): Model | undefined {
    let m = this.cache.get(name);
    if (!m) {
      const d = this.definitions[name];
      if (!isObject(d)) return undefined;
      m = parseSchema(d);
      this.cache.set(name, m);
    }
    return m;
  }

  /** A reference's target; a dangling one reads as an arbitrary value. */
  deref(m: Model & { kind: "ref" }): Model {
    return this.get(m.ref) ?? { kind: "arbitrary", description: "" };
  }

  /** LookupResource: the definition whose x-kubernetes-group-version-kind lists `gvk`. */
  lookupResource(gvk: { group: string; version: string; kind: string }): Model | undefined {
    for (const name of Object.keys(this.definitions)) {
      const d = this.definitions[name];
      if (!isObject(d)) continue;
      const gvks = d["x-kubernetes-group-version-kind"];
      if (!Array.isArray(gvks)) continue;
      if (gvks.some((g) => isObject(g) && g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) return this.get(name);
    }
    return undefined;
  }
}

/** explain.GetTypeName: `Object`, `[]Object`, `map[string]string`, `integer`, ... */
function typeName(m: Model, models: Models, seen = 0): string {
  switch (m.kind) {
    case "array":
      return "[]" + typeName(m.sub, models, seen);
    case "kind":
      return "Object";
    case "map":
      return "map[string]" + typeName(m.sub, models, seen);
    case "primitive":
      return m.type;
    case "ref":
      return seen > 64 ? "" : typeName(models.deref(m), models, seen + 1);
    case "arbitrary":
      // The type-name visitor does not visit arbitrary values: the name stays empty.
      return "";
  }
}

// ---------- the formatter ----------

const BULLET = /^(\d+\.?|-|\*)\s/;

function fields(s: string): string[] {
  return s.split(/[\t\n\v\f\r \u0085\u00a0]+/u).filter((w) => w !== "");
}

/** explain's wrapString: words joined by single spaces, lines of at most `wrap` bytes. */
export function formatterWrap(str: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = "";
  const lineLen = (ws: readonly string[]) => new TextEncoder().encode(ws.join(" ")).length;
  const flush = () => {
    if (words.length > 0) {
      lastWord = "";
      wrapped.push(words.join(" "));
      words = [];
    }
  };
  const add = (word: string): boolean => {
    const next = [...words, word];
    if (lineLen(next) <= wrap || words.length === 0) {
      words = next;
      return true;
    }
    return false;
  };
  const startsNewLine = (last: string, s: string): boolean => {
    if (last.endsWith(":")) return true;
    if (s.startsWith("    ")) return true;
    const t = s.trim();
    return t.length === 0 || BULLET.test(t);
  };
  for (const line of str.split("\n")) {
    if (line.startsWith("    ")) {
      flush();
      wrapped.push(line);
      continue;
    }
    if (wrapped.length > 0 && line.trim().length === 0) {
      flush();
      wrapped.push("");
      continue;
    }
    if (startsNewLine(lastWord, line)) flush();
    for (const word of fields(line)) {
      lastWord = word;
      if (!add(word)) {
        flush();
        add(word);
      }
    }
  }
  flush();
  return wrapped;
}

class Formatter {
  out = "";
  constructor(
    private readonly indentLevel = 0,
    private readonly parent?: Formatter,
  ) {}

  private root(): Formatter {
    return this.parent ? this.parent.root() : this;
  }

  indent(n: number): Formatter {
    return new Formatter(this.indentLevel + n, this.root());
  }

  write(s: string): void {
    this.root().out += s === "" ? "\n" : " ".repeat(this.indentLevel) + s + "\n";
  }

  writeWrapped(s: string): void {
    for (const line of formatterWrap(s, 80 - this.indentLevel)) this.write(line);
  }
}

// ---------- the printers ----------

function printFields(m: Model, w: Formatter, models: Models): void {
  switch (m.kind) {
    case "array":
    case "map":
      return printFields(m.sub, w, models);
    case "ref":
      return printFields(models.deref(m), w, models);
    case "kind":
      for (const key of [...m.fields.keys()].sort()) {
        const v = m.fields.get(key)!;
        w.write(`${key}\t<${typeName(v, models)}>${m.required.includes(key) ? " -required-" : ""}`);
        w.indent(2).writeWrapped(descriptionOf(v));
        w.write("");
      }
      return;
    default:
      return;
  }
}

function printFieldsRecursive(m: Model, w: Formatter, models: Models, visited: Set<string>): void {
  switch (m.kind) {
    case "array":
    case "map":
      return printFieldsRecursive(m.sub, w, models, visited);
    case "ref":
      if (visited.has(m.ref)) return;
      visited.add(m.ref);
      printFieldsRecursive(models.deref(m), w, models, visited);
      visited.delete(m.ref);
      return;
    case "kind":
      for (const key of [...m.fields.keys()].sort()) {
        const v = m.fields.get(key)!;
        w.write(`${key}\t<${typeName(v, models)}>`);
        printFieldsRecursive(v, w.indent(3), models, visited);
      }
      return;
    default:
      return;
  }
}

function descriptionOf(m: Model): string {
  return m.description;
}

/** modelPrinter: walks from the looked-up schema to what it names, collecting descriptions. */
function printModel(name: string, m: Model, gvk: { group: string; version: string; kind: string }, recursive: boolean, models: Models): string {
  const w = new Formatter();
  const descriptions: string[] = [];
  let type = "";
  const kindAndVersion = () => {
    w.write(`KIND:     ${gvk.kind}`);
    w.write(`VERSION:  ${gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version}\n`);
  };
  const printDescription = (own: string) => {
    w.write("DESCRIPTION:");
    let empty = true;
    [...descriptions, own].forEach((d, i) => {
      if (d === "") return;
      empty = false;
      if (i !== 0) w.write("");
      w.indent(5).writeWrapped(d);
    });
    if (empty) w.indent(5).writeWrapped("<empty>");
  };
  let cur: Model = m;
  for (let depth = 0; depth < 64; depth++) {
    switch (cur.kind) {
      case "array":
      case "map":
        descriptions.push(cur.description);
        if (type === "") type = typeName(cur, models);
        cur = cur.sub;
        continue;
      case "ref":
        descriptions.push(cur.description);
        cur = models.deref(cur);
        continue;
      case "kind":
        kindAndVersion();
        if (type === "") type = "Object";
        if (name !== "") w.write(`RESOURCE: ${name} <${type}>\n`);
        printDescription(cur.description);
        w.write("\nFIELDS:");
        if (recursive) printFieldsRecursive(cur, w.indent(3), models, new Set());
        else printFields(cur, w.indent(3), models);
        return w.out;
      case "primitive":
        kindAndVersion();
        if (type === "") type = cur.type;
        w.write(`FIELD:    ${name} <${type}>\n`);
        printDescription(cur.description);
        return w.out;
      case "arbitrary":
        kindAndVersion();
        printDescription(cur.description);
        return w.out;
    }
  }
  return w.out;
}

/** LookupSchemaForField: follow the path; a primitive ends the walk wherever it is met. */
function lookupField(m: Model, path: readonly string[], models: Models): Model {
  let cur = m;
  let rest = [...path];
  for (let depth = 0; depth < 256; depth++) {
    switch (cur.kind) {
      case "primitive":
      case "arbitrary":
        return cur;
      case "array":
      case "map":
        if (rest.length === 0) return cur;
        cur = cur.sub;
        continue;
      case "ref":
        if (rest.length === 0) return cur;
        cur = models.deref(cur);
        continue;
      case "kind": {
        if (rest.length === 0) return cur;
        const sub = cur.fields.get(rest[0]!);
        if (!sub) throw new KubectlError(`field ${JSON.stringify(rest[0])} does not exist`);
        rest = rest.slice(1);
        cur = sub;
        continue;
      }
    }
  }
  return cur;
}

const modelsCache = new WeakMap<JsonObject, Models>();

/** The whole `--output=plaintext-openapiv2` text for a resource and field path. */
export function renderOpenApiV2(
  doc: JsonObject,
  type: ResourceType,
  apiVersion: { group: string; version: string } | undefined,
  path: readonly string[],
  recursive: boolean,
): string {
  const definitions = isObject(doc.definitions) ? doc.definitions : {};
  let models = modelsCache.get(definitions);
  if (!models) {
    models = new Models(definitions);
    modelsCache.set(definitions, models);
  }
  const gvk = { group: apiVersion?.group ?? type.group, version: apiVersion?.version ?? type.version, kind: type.kind };
  const schema = models.lookupResource(gvk);
  if (!schema) throw new KubectlError(`couldn't find resource for "${gvk.group}/${gvk.version}, Kind=${gvk.kind}"`);
  const leaf = lookupField(schema, path, models);
  return printModel(path.length > 0 ? path[path.length - 1]! : "", leaf, gvk, recursive, models);
}
