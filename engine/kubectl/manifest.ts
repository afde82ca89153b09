// Reading objects from files (`-f FILE`, `-f -`): YAML or JSON, several
// documents separated by `---`, `kind: List` (and any `*List` with items)
// flattened, as kubectl's file visitor and sigs.k8s.io/yaml read them
// (YAML 1.1 scalars: `yes`/`on` are booleans; timestamps stay strings).
import { type Document, parseAllDocuments } from "yaml";
import type { KubeObject } from "../api/types.ts";
import { jsonString } from "./printers/go/json.ts";
import { DocumentSeparatorError, readGoYaml, splitYamlDocuments } from "./yaml-errors.ts";

export interface ManifestObject {
  object: KubeObject;
  /** The file it came from, as given (`-` for stdin). */
  source: string;
}

/** A file that cannot be read or parsed: kubectl prints these without `error: ` inside an aggregate. */
export class ManifestError extends Error {}

/** Go's json.Marshal of a decoded document (keys in document order, HTML-safe). */
export function compactJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(compactJson).join(",")}]`;
  const rec = v as Record<string, unknown>;
  return `{${Object.keys(rec)
    .map((k) => `${jsonString(k)}:${compactJson(rec[k])}`)
    .join(",")}}`;
}

/** sigs.k8s.io/yaml's JSON for a decoded document: Go's json.Marshal of maps, keys sorted. */
function yamlToJson(v: unknown): string {
  if (v === null || typeof v !== "object") return compactJson(v);
  if (Array.isArray(v)) return `[${v.map(yamlToJson).join(",")}]`;
  const rec = v as Record<string, unknown>;
  return `{${Object.keys(rec)
    .sort()
    .map((k) => `${jsonString(k)}:${yamlToJson(rec[k])}`)
    .join(",")}}`;
}

/**
 * The file's documents as kubectl's YAML reader splits it, each checked and
 * cut to the one document go-yaml reads (what follows a `...` line, or a
 * dedent below the first key's column, is never read). A JSON file goes to
 * Go's JSON decoder instead, which we do not model: it stays whole.
 */
function documentTexts(text: string, source: string): string[] {
  if (/^\s*\{/.test(text)) return [text];
  let docs: string[];
  try {
    docs = splitYamlDocuments(text);
  } catch (e) {
    if (e instanceof DocumentSeparatorError) throw new ManifestError(`error parsing ${source}: ${e.message}`);
    throw e;
  }
  return docs.map((doc) => {
    const verdict = readGoYaml(doc);
    if ("error" in verdict) throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${verdict.error}`);
    return verdict.read;
  });
}

function parseDocuments(text: string, source: string): unknown[] {
  const json = /^\s*\{/.test(text);
  const out: unknown[] = [];
  for (const chunk of documentTexts(text, source)) {
    const docs = parseAllDocuments(chunk, {
      version: "1.1",
      // sigs.k8s.io/yaml keeps timestamps as strings; YAML 1.1 merge keys work.
      customTags: (tags) => tags.filter((t) => typeof t === "object" && t.tag !== "tag:yaml.org,2002:timestamp"),
      merge: true,
      uniqueKeys: false,
      prettyErrors: false,
    });
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of json ? list : list.slice(0, 1)) out.push(...documentValue(doc, source));
  }
  return out;
}

/** A parsed document's value, none for an empty one. */
function documentValue(doc: Document.Parsed, source: string): unknown[] {
  if (doc.errors.length > 0) {
    // Something go-yaml accepts (as far as we model it) but the yaml package does not.
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    const why = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${why}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    const alias = e instanceof ReferenceError ? /^Unresolved alias.*: (.*)$/.exec(e.message) : null;
    if (alias === null) throw e;
    throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: unknown anchor '${alias[1]}' referenced`);
  }
  return value === null || value === undefined ? [] : [value];
}

/** The objects in a file's text, lists flattened, in order. */
export function readManifests(text: string, source: string): ManifestObject[] {
  const out: ManifestObject[] = [];
  const add = (value: unknown): void => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ManifestError(`error validating "${source}": error validating data: invalid object to validate`);
    }
    const rec = value as Record<string, unknown>;
    if (typeof rec.kind !== "string" || rec.kind === "") {
      throw new ManifestError(`unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${yamlToJson(rec)}'`);
    }
    if (rec.kind.endsWith("List") && Array.isArray(rec.items)) {
      for (const item of rec.items) add(item);
      return;
    }
    out.push({ object: rec as unknown as KubeObject, source });
  };
  for (const doc of parseDocuments(text, source)) add(doc);
  return out;
}
