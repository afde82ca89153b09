// The OpenAPI documents a 1.32 API server serves for the kinds it has:
//   /openapi/v3                  the index: group-version → serverRelativeURL (with a hash)
//   /openapi/v3/apis/apps/v1     one OpenAPI 3.0 document per group-version
//   /openapi/v2                  one Swagger 2.0 document for everything
// Built from the registry's kinds and the Go types, once per set of kinds,
// lazily (the first `kubectl explain` or OpenAPI request pays for it).

import { kindInfo } from "../schema/index.ts";
import { buildDefinitions, type Json, type JsonObject, type ListKind, refPrefix, type Flavour } from "./schemas.ts";
import { definitionName } from "./names.ts";

/** What the documents need to know of a served kind (a registry entry fits). */
export interface ServedKind {
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
  hasStatus: boolean;
  scalable?: boolean;
}

export interface OpenApiDocuments {
  /** `/openapi/v3`: {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=..."}}}. */
  v3Index(): JsonObject;
  /** The document of "api/v1" or "apis/apps/v1", or undefined when no kind is served there. */
  v3(path: string): JsonObject | undefined;
  /** `/openapi/v2`. */
  v2(): JsonObject;
}

const SERVER_GIT_VERSION = "v1.32.5";

function gvPath(k: Pick<ServedKind, "group" | "version">): string {
  return k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`;
}

/** `AppsV1`, `CoreV1`, `StorageV1` as operation ids spell a group-version. */
function opGroup(k: ServedKind): string {
  const g = k.group === "" ? "core" : k.group.split(".")[0]!;
  return g.charAt(0).toUpperCase() + g.slice(1) + k.version.charAt(0).toUpperCase() + k.version.slice(1);
}

function tag(k: ServedKind): string {
  return `${k.group === "" ? "core" : k.group.split(".")[0]!.replace(/-/g, "_")}_${k.version}`;
}

function structKey(k: ServedKind): string {
  const info = kindInfo(k.group ? `${k.group}/${k.version}` : k.version, k.kind);
  if (!info) throw new Error(`openapi: no schema for ${k.group}/${k.version} ${k.kind}`);
  return info.type;
}

interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  action: string;
  id: string;
  description: string;
  /** The response's definition key (the kind's struct or its list). */
  response: string;
}

/** The paths of one kind: collection (all namespaces and per namespace), object, subresources. */
function kindPaths(k: ServedKind): Array<{ path: string; params: string[]; ops: Operation[] }> {
  const prefix = "/" + gvPath(k);
  const key = structKey(k);
  const list = `${key}List`;
  const id = opGroup(k);
  const ns = k.namespaced ? "Namespaced" : "";
  const base = k.namespaced ? `${prefix}/namespaces/{namespace}/${k.resource}` : `${prefix}/${k.resource}`;
  const nsParam = k.namespaced ? ["namespace"] : [];
  const out: Array<{ path: string; params: string[]; ops: Operation[] }> = [];
  if (k.namespaced) {
    out.push({
      path: `${prefix}/${k.resource}`,
      params: [],
      ops: [{ method: "get", action: "list", id: `list${id}${k.kind}ForAllNamespaces`, description: `list or watch objects of kind ${k.kind}`, response: list }],
    });
  }
  out.push({
    path: base,
    params: nsParam,
    ops: [
      { method: "get", action: "list", id: `list${id}${ns}${k.kind}`, description: `list or watch objects of kind ${k.kind}`, response: list },
      { method: "post", action: "post", id: `create${id}${ns}${k.kind}`, description: `create ${article(k.kind)} ${k.kind}`, response: key },
    ],
  });
  out.push({
    path: `${base}/{name}`,
    params: ["name", ...nsParam],
    ops: [
      { method: "get", action: "get", id: `read${id}${ns}${k.kind}`, description: `read the specified ${k.kind}`, response: key },
      { method: "put", action: "put", id: `replace${id}${ns}${k.kind}`, description: `replace the specified ${k.kind}`, response: key },
      { method: "patch", action: "patch", id: `patch${id}${ns}${k.kind}`, description: `partially update the specified ${k.kind}`, response: key },
      { method: "delete", action: "delete", id: `delete${id}${ns}${k.kind}`, description: `delete ${article(k.kind)} ${k.kind}`, response: key },
    ],
  });
  if (k.hasStatus) {
    out.push({
      path: `${base}/{name}/status`,
      params: ["name", ...nsParam],
      ops: [
        { method: "get", action: "get", id: `read${id}${ns}${k.kind}Status`, description: `read status of the specified ${k.kind}`, response: key },
        { method: "put", action: "put", id: `replace${id}${ns}${k.kind}Status`, description: `replace status of the specified ${k.kind}`, response: key },
        { method: "patch", action: "patch", id: `patch${id}${ns}${k.kind}Status`, description: `partially update status of the specified ${k.kind}`, response: key },
      ],
    });
  }
  return out;
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? "an" : "a";
}

const PARAM_DESCRIPTIONS: Readonly<Record<string, string>> = {
  name: "The name of the object.",
  namespace: "The namespace the object is in.",
};

function pathParam(name: string, flavour: Flavour): JsonObject {
  const schema = { type: "string", uniqueItems: true };
  return flavour === "v3"
    ? { description: PARAM_DESCRIPTIONS[name]!, in: "path", name, required: true, schema }
    : { description: PARAM_DESCRIPTIONS[name]!, in: "path", name, required: true, ...schema };
}

function operation(k: ServedKind, op: Operation, flavour: Flavour): JsonObject {
  const ref = { $ref: refPrefix(flavour) + definitionName(op.response) };
  const ok: JsonObject =
    flavour === "v3"
      ? { content: { "application/json": { schema: ref }, "application/yaml": { schema: ref } }, description: "OK" }
      : { description: "OK", schema: ref };
  const out: JsonObject = {
    description: op.description,
    operationId: op.id,
    responses: { "200": ok, "401": { description: "Unauthorized" } },
    tags: [tag(k)],
    "x-kubernetes-action": op.action,
    "x-kubernetes-group-version-kind": { group: k.group, kind: k.kind, version: k.version },
  };
  if (flavour === "v2") {
    out.consumes = ["*/*"];
    out.produces = ["application/json", "application/yaml"];
    out.schemes = ["https"];
  }
  return out;
}

function paths(kinds: readonly ServedKind[], flavour: Flavour): JsonObject {
  const out: JsonObject = {};
  for (const k of kinds) {
    for (const p of kindPaths(k)) {
      const entry: JsonObject = {};
      for (const op of p.ops) entry[op.method] = operation(k, op, flavour);
      if (p.params.length > 0) entry.parameters = p.params.map((n) => pathParam(n, flavour));
      out[p.path] = entry;
    }
  }
  const sorted: JsonObject = {};
  for (const key of Object.keys(out).sort()) sorted[key] = out[key]!;
  return sorted;
}

function listKinds(kinds: readonly ServedKind[]): ListKind[] {
  return kinds.map((k) => ({ group: k.group, version: k.version, kind: `${k.kind}List`, item: structKey(k) }));
}

const SECURITY_SCHEME: JsonObject = { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" };

function buildV3(kinds: readonly ServedKind[]): JsonObject {
  return {
    components: {
      schemas: buildDefinitions(kinds.map(structKey), listKinds(kinds), "v3"),
      securitySchemes: { BearerToken: SECURITY_SCHEME },
    },
    info: { title: "Kubernetes", version: SERVER_GIT_VERSION },
    openapi: "3.0.0",
    paths: paths(kinds, "v3"),
    security: [{ BearerToken: [] }],
  };
}

function buildV2(kinds: readonly ServedKind[]): JsonObject {
  return {
    definitions: buildDefinitions(kinds.map(structKey), listKinds(kinds), "v2"),
    info: { title: "Kubernetes", version: SERVER_GIT_VERSION },
    paths: paths(kinds, "v2"),
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: SECURITY_SCHEME },
    swagger: "2.0",
  };
}

/**
 * A content hash of a document, 128 upper-case hex digits like the SHA-512
 * the real server puts in serverRelativeURL (clients only compare it).
 */
export function documentHash(text: string): string {
  const lanes = new Uint32Array(16);
  for (let i = 0; i < 16; i++) lanes[i] = (0x811c9dc5 ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    for (let i = 0; i < 16; i++) lanes[i] = Math.imul(lanes[i]! ^ (code + i), 0x01000193) >>> 0;
  }
  return Array.from(lanes, (x) => x.toString(16).padStart(8, "0")).join("").toUpperCase();
}

class Documents implements OpenApiDocuments {
  private readonly v3Docs = new Map<string, JsonObject>();
  private index: JsonObject | undefined;
  private swagger: JsonObject | undefined;
  private readonly byPath = new Map<string, ServedKind[]>();

  constructor(private readonly kinds: readonly ServedKind[]) {
    for (const k of kinds) {
      const p = gvPath(k);
      if (!this.byPath.has(p)) this.byPath.set(p, []);
      this.byPath.get(p)!.push(k);
    }
  }

  v3(path: string): JsonObject | undefined {
    const p = path.replace(/^\/+|\/+$/g, "");
    let doc = this.v3Docs.get(p);
    if (!doc) {
      const kinds = this.byPath.get(p);
      if (!kinds) return undefined;
      doc = buildV3(kinds);
      this.v3Docs.set(p, doc);
    }
    return doc;
  }

  v3Index(): JsonObject {
    if (!this.index) {
      const entries: JsonObject = {};
      for (const p of [...this.byPath.keys()].sort()) {
        entries[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${documentHash(JSON.stringify(this.v3(p)))}` };
      }
      this.index = { paths: entries };
    }
    return this.index;
  }

  v2(): JsonObject {
    this.swagger ??= buildV2(this.kinds);
    return this.swagger;
  }
}

const cache = new Map<string, Documents>();

/** The documents for the kinds `kinds` (a registry's `all()`), cached per set of kinds. */
export function openApiDocuments(kinds: readonly ServedKind[]): OpenApiDocuments {
  const sorted = [...kinds].sort((a, b) => (gvPath(a) + a.resource < gvPath(b) + b.resource ? -1 : 1));
  const signature = sorted.map((k) => `${gvPath(k)}/${k.resource}:${k.kind}:${k.namespaced}:${k.hasStatus}`).join(",");
  let docs = cache.get(signature);
  if (!docs) {
    docs = new Documents(sorted);
    cache.set(signature, docs);
  }
  return docs;
}

export type { Json, JsonObject };
