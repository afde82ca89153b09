// The Kubernetes API over HTTP: a Hono sub-app serving one simulated
// cluster's API server the way a 1.32 apiserver answers real kubectl and
// other clients. `k8sApi(resolve)` works mounted anywhere (`app.route("/k8s/:id",
// ...)`) or at the root; `resolve` picks the cluster for a request (or
// answers it, e.g. 401). No Node-only API here: it runs on Deno too.
import { Hono, type Context } from "hono";
import { ApiError, notFound } from "../../engine/api/errors.ts";
import { apiVersionOf, type ResourceType, type StrategyHooks } from "../../engine/api/registry.ts";
import { decodeBody, decodeTyped, strictDecodingError, type FieldValidation } from "../../engine/api/schema/decode.ts";
import { kindInfo } from "../../engine/api/schema/schema.ts";
import type { DeleteOptions, PatchType } from "../../engine/api/server.ts";
import { PodLogFollower, type PodLogOptions } from "../../engine/api/logs.ts";
import type { KubeObject } from "../../engine/api/types.ts";
import { applyJsonPatch } from "../../engine/api/patch/json.ts";
import { applyMergePatch } from "../../engine/api/patch/merge.ts";
import { applyStrategicMergePatch } from "../../engine/api/patch/strategic.ts";
import { schemaFor } from "../../engine/api/patch/strategic-schema.ts";
import { nodeLease } from "../../engine/kubectl/describe/describers.ts";
import { discoveryOrder, SERVER_VERSION } from "../../engine/kubectl/discovery.ts";
import { openApiDocuments } from "../../engine/api/openapi/index.ts";
import { swaggerProtobuf } from "../../engine/api/openapi/v2-proto.ts";
import { toWire } from "../../engine/kubectl/wire.ts";
import type { K8sBackend } from "./backend.ts";
import { goJsonSyntaxError, readJson, readObjectBody } from "./body.ts";
import { AGGREGATED_FORMS, aggregatedDiscovery, apiGroupList, apiResourceList, apiVersions } from "./discovery.ts";
import { contentType, negotiate } from "./media.ts";
import { invalidOptions, listOptions, parseDeleteOptions, parseLimit, writeOptions } from "./options.ts";
import { getScale, patchScale, updateScale } from "./scale.ts";
import { badRequest, errorResponse, httpError, jsonResponse, methodNotAllowed, pathNotFound } from "./status.ts";
import { currentResourceVersion, watchCacheFor, watchResponse } from "./watch.ts";

export type { K8sBackend } from "./backend.ts";
export type BackendResolver = (c: Context) => K8sBackend | Response | Promise<K8sBackend | Response>;

type Type = ResourceType & StrategyHooks;

const TABLE_FORMS = [{ as: "Table", g: "meta.k8s.io", v: ["v1", "v1beta1"] }] as const;
const AGGREGATED_CONTENT_TYPE = (v: string) => `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;
const PATCH_TYPES: Record<string, PatchType> = {
  "application/json-patch+json": "json",
  "application/merge-patch+json": "merge",
  "application/strategic-merge-patch+json": "strategic",
};
/** Subresources of namespaces (so /api/v1/namespaces/x/status is not a resource "status" in namespace x). */
const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);
/** Kinds whose storage returns the deleted object rather than a Success Status (ReturnDeletedObject). */
const RETURNS_DELETED_OBJECT = new Set(["pods"]);
/**
 * Namespaced resources kubectl's describers list that the simulated cluster
 * does not have yet: a fresh namespace on a real cluster has none of them, so
 * they are answered as empty lists (reads only).
 */
const EMPTY_LISTS: Record<string, string> = {
  resourcequotas: "ResourceQuotaList",
  limitranges: "LimitRangeList",
  services: "ServiceList",
  persistentvolumeclaims: "PersistentVolumeClaimList",
};
/** A watch with no timeoutSeconds ends as a real server's would (its minimum request timeout). */
const DEFAULT_WATCH_SECONDS = 1800;

export function k8sApi(resolve: BackendResolver): Hono {
  const app = new Hono();
  app.all("*", async (c) => {
    try {
      const backend = await resolve(c);
      if (backend instanceof Response) return backend;
      backend.sync?.();
      watchCacheFor(backend.api);
      // The path below the mount point, one decoded segment each.
      const mountDepth = c.req.routePath.split("/").filter((s) => s !== "" && s !== "*").length;
      const segments = new URL(c.req.url).pathname.split("/").filter((s) => s !== "").slice(mountDepth);
      return await serve(backend, c.req.raw, segments.map(decodeSegment));
    } catch (err) {
      return errorResponse(err);
    }
  });
  return app;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw badRequest(`invalid URL escape "${s}"`);
  }
}

/** The v2 document as kubectl asks for it (gnostic protobuf), per set of served kinds. */
const v2Protobuf = new WeakMap<object, Uint8Array>();

/**
 * /openapi/v2 and /openapi/v3[/GROUP-VERSION]. The v3 index's URLs are
 * server-relative, so they carry the path this app is mounted at
 * (client-go requests them as they are).
 */
function openApi(backend: K8sBackend, method: string, accept: string | null, url: URL, rest: string[]): Response {
  if (method !== "GET") throw methodNotAllowed("the server does not allow this method on the requested resource");
  const docs = openApiDocuments(discoveryOrder(backend.api.registry));
  const mount = url.pathname.slice(0, url.pathname.lastIndexOf("/openapi"));
  if (rest.length === 1 && rest[0] === "v2") {
    if (accept?.includes("protobuf")) {
      let bytes = v2Protobuf.get(docs);
      if (!bytes) v2Protobuf.set(docs, (bytes = swaggerProtobuf(docs.v2())));
      return new Response(bytes, { status: 200, headers: { "content-type": "application/com.github.proto-openapi.spec.v2.v1.0+protobuf" } });
    }
    return jsonResponse(200, docs.v2());
  }
  if (rest[0] !== "v3") throw pathNotFound();
  if (rest.length === 1) {
    const index = docs.v3Index() as { paths: Record<string, { serverRelativeURL: string }> };
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [p, entry] of Object.entries(index.paths)) paths[p] = { serverRelativeURL: mount + entry.serverRelativeURL };
    return jsonResponse(200, { ...index, paths });
  }
  const doc = docs.v3(rest.slice(1).join("/"));
  if (!doc) throw pathNotFound();
  return jsonResponse(200, doc);
}

async function serve(backend: K8sBackend, req: Request, segs: string[]): Promise<Response> {
  const api = backend.api;
  const method = req.method;
  const url = new URL(req.url);
  const accept = req.headers.get("accept");
  const [root, ...rest] = segs;

  if (root === "version" && rest.length === 0) return getOnly(method, () => SERVER_VERSION);
  if (root === "openapi") return openApi(backend, method, accept, url, rest);
  if (root === "api") {
    if (rest.length === 0) return discovery(method, accept, "api", backend);
    if (rest[0] !== "v1") throw pathNotFound();
    if (rest.length === 1) return getOnly(method, () => apiResourceList(api.registry, "", "v1"));
    return resource(backend, req, url, "", "v1", rest.slice(1));
  }
  if (root === "apis") {
    if (rest.length === 0) return discovery(method, accept, "apis", backend);
    const [group, version] = rest as [string, string | undefined];
    if (version === undefined) {
      const g = (apiGroupList(api.registry) as { groups: Array<{ name: string }> }).groups.find((x) => x.name === group);
      if (!g) throw pathNotFound();
      return getOnly(method, () => ({ kind: "APIGroup", apiVersion: "v1", ...g }));
    }
    if (rest.length === 2) return getOnly(method, () => apiResourceList(api.registry, group, version));
    return resource(backend, req, url, group, version, rest.slice(2));
  }
  if (root === undefined) {
    return getOnly(method, () => ({ paths: ["/api", "/api/v1", "/apis", ...apiPaths(backend), "/version"] }));
  }
  throw pathNotFound();
}

function apiPaths(backend: K8sBackend): string[] {
  const groups = (apiGroupList(backend.api.registry) as { groups: Array<{ name: string; preferredVersion: { groupVersion: string } }> }).groups;
  return groups.flatMap((g) => [`/apis/${g.name}`, `/apis/${g.preferredVersion.groupVersion}`]);
}

function getOnly(method: string, body: () => unknown): Response {
  if (method !== "GET" && method !== "HEAD") throw methodNotAllowed("the server does not allow this method on the requested resource");
  const value = body();
  if (value === undefined) throw pathNotFound();
  return jsonResponse(200, value);
}

function discovery(method: string, accept: string | null, which: "api" | "apis", backend: K8sBackend): Response {
  const aggregated = negotiate(accept, AGGREGATED_FORMS);
  if (!aggregated) return getOnly(method, () => (which === "api" ? apiVersions() : apiGroupList(backend.api.registry)));
  const res = getOnly(method, () => aggregatedDiscovery(backend.api.registry, which, aggregated.v));
  res.headers.set("content-type", AGGREGATED_CONTENT_TYPE(aggregated.v));
  res.headers.set("vary", "Accept");
  return res;
}

interface Target {
  type: Type;
  namespace?: string;
  name?: string;
  subresource?: string;
}

async function resource(backend: K8sBackend, req: Request, url: URL, group: string, version: string, path: string[]): Promise<Response> {
  const api = backend.api;
  let namespace: string | undefined;
  let rest = path;
  if (rest[0] === "namespaces" && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]!))) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resourceName, name, subresource, ...extra] = rest as [string, string?, string?];
  if (extra.length > 0) throw pathNotFound();
  const special = unservedResource(backend, req.method, group, version, namespace, resourceName, name, subresource);
  if (special) return special;
  if (group === "" && resourceName === "pods" && namespace !== undefined && name !== undefined && subresource !== undefined) {
    const answer = await podSubresource(backend, req, url, namespace, name, subresource);
    if (answer) return answer;
  }
  const type = api.registry.all().find((t) => t.group === group && t.version === version && t.resource === resourceName);
  if (!type) throw pathNotFound();
  if (!type.namespaced && namespace !== undefined) throw pathNotFound();
  if (type.namespaced && name !== undefined && namespace === undefined) throw pathNotFound();
  if (subresource !== undefined && !(subresource === "status" && type.hasStatus) && !(subresource === "scale" && type.scalable)) {
    throw pathNotFound();
  }
  const target: Target = { type, namespace, name, subresource };
  const q = url.searchParams;
  switch (req.method) {
    case "GET":
    case "HEAD":
      if (q.get("watch") === "true" || q.get("watch") === "1") return watch(backend, req, q, target);
      return name === undefined ? list(backend, req, q, target) : get(backend, req, q, target);
    case "POST":
      if (name !== undefined || namespaceRequired(target)) throw methodNotAllowed("the server does not allow this method on the requested resource");
      return create(backend, req, q, target);
    case "PUT":
      if (name === undefined) throw methodNotAllowed("the server does not allow this method on the requested resource");
      return update(backend, req, q, target);
    case "PATCH":
      if (name === undefined) throw methodNotAllowed("the server does not allow this method on the requested resource");
      return patch(backend, req, q, target);
    case "DELETE":
      if (subresource !== undefined) throw methodNotAllowed("the server does not allow this method on the requested resource");
      return name === undefined ? deleteCollection(backend, req, q, target) : remove(backend, req, q, target);
    default:
      throw methodNotAllowed("the server does not allow this method on the requested resource");
  }
}

/** How often (wall clock) a followed log is read again for new lines. */
const FOLLOW_POLL_MS = 200;

/**
 * `pods/log?follow=true`: the log so far, then each new line as virtual time
 * (kept moving while the stream is open) writes it, until the container ends
 * or the client hangs up. Errors (no such pod or container, not started yet)
 * come before the stream, as a Status.
 */
function followLog(backend: K8sBackend, namespace: string, name: string, options: PodLogOptions): Response {
  const follower = new PodLogFollower(backend.api, namespace, name, { ...options, follow: true });
  const first = follower.first(backend.now());
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(encoder.encode(first));
      if (follower.ended) {
        controller.close();
        return;
      }
      const release = backend.hold?.() ?? (() => {});
      const timer = setInterval(() => {
        backend.sync?.();
        const text = follower.next(backend.now());
        if (text) controller.enqueue(encoder.encode(text));
        if (follower.ended) {
          stop();
          controller.close();
        }
      }, FOLLOW_POLL_MS);
      stop = () => {
        clearInterval(timer);
        release();
        stop = () => {};
      };
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/plain" } });
}

/**
 * pods/log (text; the kubelet's errors as a Status; `follow` streams) and
 * pods/eviction (policy/v1 Eviction, JSON or protobuf).
 */
async function podSubresource(backend: K8sBackend, req: Request, url: URL, namespace: string, name: string, subresource: string): Promise<Response | undefined> {
  if (subresource === "log") {
    if (req.method !== "GET") throw methodNotAllowed("the server does not allow this method on the requested resource");
    const q = url.searchParams;
    const num = (k: string) => (q.get(k) === null ? undefined : Number(q.get(k)));
    const options: PodLogOptions = {
      container: q.get("container") ?? undefined,
      previous: q.get("previous") === "true",
      timestamps: q.get("timestamps") === "true",
      tailLines: num("tailLines"),
      sinceSeconds: num("sinceSeconds"),
      sinceTime: q.get("sinceTime") ?? undefined,
      limitBytes: num("limitBytes"),
    };
    if (q.get("follow") === "true") return followLog(backend, namespace, name, options);
    const result = backend.api.podLogs(namespace, name, options);
    return new Response(result.text, { status: 200, headers: { "content-type": "text/plain" } });
  }
  if (subresource === "eviction") {
    if (req.method !== "POST") throw methodNotAllowed("the server does not allow this method on the requested resource");
    const body = await readObjectBody(req, { apiVersion: "policy/v1", kind: "Eviction" });
    const eviction = (body.value ?? {}) as Parameters<K8sBackend["api"]["evict"]>[2];
    return jsonResponse(201, backend.api.evict(namespace, name, eviction));
  }
  return undefined;
}

function namespaceRequired(t: Target): boolean {
  return t.type.namespaced && t.namespace === undefined;
}

/** Node leases (describe node reads them) and the empty lists of EMPTY_LISTS. */
function unservedResource(
  backend: K8sBackend,
  method: string,
  group: string,
  version: string,
  namespace: string | undefined,
  resourceName: string,
  name: string | undefined,
  subresource: string | undefined,
): Response | undefined {
  if (method !== "GET" || subresource !== undefined) return undefined;
  if (group === "coordination.k8s.io" && version === "v1" && resourceName === "leases" && namespace === "kube-node-lease" && name !== undefined) {
    const node = backend.api.find("nodes", undefined, name);
    if (!node) throw notFound({ group: "coordination.k8s.io", resource: "leases" }, name);
    const lease = nodeLease(node, backend.now());
    return jsonResponse(200, {
      kind: "Lease",
      apiVersion: "coordination.k8s.io/v1",
      metadata: { name, namespace: "kube-node-lease", creationTimestamp: node.metadata.creationTimestamp ?? null },
      spec: { holderIdentity: lease.holderIdentity, leaseDurationSeconds: 40, renewTime: lease.renewTime },
    });
  }
  if (group === "" && name === undefined && EMPTY_LISTS[resourceName]) {
    return jsonResponse(200, { kind: EMPTY_LISTS[resourceName], apiVersion: "v1", metadata: { resourceVersion: currentResourceVersion(backend.api) }, items: [] });
  }
  return undefined;
}

// ---------- reads ----------

type IncludeObject = "None" | "Metadata" | "Object";

function tableForm(req: Request, q: URLSearchParams): IncludeObject | undefined {
  if (!negotiate(req.headers.get("accept"), TABLE_FORMS)) return undefined;
  const include = q.get("includeObject") ?? "Metadata";
  if (include !== "None" && include !== "Metadata" && include !== "Object") {
    throw badRequest(`includeObject: Unsupported value: "${include}": supported values: "None", "Metadata", "Object"`);
  }
  return include;
}

function table(backend: K8sBackend, type: Type, objects: readonly KubeObject[], include: IncludeObject): Record<string, unknown> {
  const t = backend.api.table(type.resource, objects);
  return {
    ...t,
    rows: t.rows.map((row) => {
      const r: Record<string, unknown> = { cells: row.cells };
      if (include === "Object") r.object = toWire(row.object!);
      else if (include === "Metadata") r.object = { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: toWire(row.object!).metadata };
      return r;
    }),
  };
}

function get(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Response {
  if (t.subresource === "scale") return jsonResponse(200, getScale(backend.api, t.type, t.namespace, t.name!));
  const obj = backend.api.get(t.type.resource, t.namespace, t.name!);
  const include = tableForm(req, q);
  return jsonResponse(200, include ? table(backend, t.type, [obj], include) : toWire(obj));
}

function list(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Response {
  const include = tableForm(req, q);
  const options = listOptions(q, t.namespace);
  const result = backend.api.list(t.type.resource, options);
  const page = paginate(result.items, q, !options.labelSelector && !options.fieldSelector, result.resourceVersion);
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  if (page.continue) metadata.continue = page.continue;
  if (page.remaining !== undefined) metadata.remainingItemCount = page.remaining;
  if (include) return jsonResponse(200, { ...table(backend, t.type, page.items, include), metadata });
  return jsonResponse(200, {
    kind: `${t.type.kind}List`,
    apiVersion: apiVersionOf(t.type),
    metadata,
    // A real server's list items carry no apiVersion/kind.
    items: page.items.map((o) => {
      const { apiVersion: _a, kind: _k, ...item } = toWire(o) as unknown as Record<string, unknown>;
      return item;
    }),
  });
}

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
}

/**
 * limit/continue: a continue token names the last key served (items come
 * sorted by namespace and name). The next page is read from the current
 * state, not a snapshot at the first page's resourceVersion.
 */
function paginate(items: KubeObject[], q: URLSearchParams, countRemaining: boolean, rv: string): { items: KubeObject[]; continue?: string; remaining?: number } {
  const limit = parseLimit(q);
  let from = 0;
  const token = q.get("continue");
  if (token) {
    let start: string;
    try {
      const decoded = JSON.parse(atob(token.replace(/-/g, "+").replace(/_/g, "/"))) as { v?: string; start?: unknown };
      if (decoded.v !== "meta.k8s.io/v1" || typeof decoded.start !== "string") throw new Error();
      start = decoded.start;
    } catch {
      throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
    }
    from = items.findIndex((o) => keyOf(o) > start);
    if (from < 0) from = items.length;
  }
  if (!limit || from + limit >= items.length) return { items: items.slice(from) };
  const page = items.slice(from, from + limit);
  const next = btoa(JSON.stringify({ v: "meta.k8s.io/v1", rv: Number(rv), start: keyOf(page[page.length - 1]!) }));
  return { items: page, continue: next, remaining: countRemaining ? items.length - from - limit : undefined };
}

function watch(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Response {
  if (t.subresource !== undefined) throw methodNotAllowed("the server does not allow this method on the requested resource");
  const api = backend.api;
  const include = tableForm(req, q);
  const options = listOptions(q, t.namespace);
  if (t.name !== undefined) options.fieldSelector = [options.fieldSelector, `metadata.name=${t.name}`].filter(Boolean).join(",");
  // Listing first also answers a bad selector with list's 400.
  const current = api.list(t.type.resource, options);
  const match = api.selectorMatcher(t.type.resource, options);
  const rv = q.get("resourceVersion") ?? "";
  const sendInitialEvents = q.get("sendInitialEvents") === "true";
  const bookmarks = q.get("allowWatchBookmarks") === "true";
  if (sendInitialEvents && (q.get("resourceVersionMatch") !== "NotOlderThan" || !bookmarks)) {
    throw invalidOptions("ListOptions", [
      q.get("resourceVersionMatch") !== "NotOlderThan"
        ? { field: "resourceVersionMatch", message: "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan" }
        : { field: "allowWatchBookmarks", message: "sendInitialEvents requires setting allowWatchBookmarks to true" },
    ]);
  }
  let from = Number(current.resourceVersion);
  let initial: KubeObject[] = [];
  if (sendInitialEvents || rv === "" || rv === "0") {
    initial = current.items;
  } else {
    if (!/^[0-9]+$/.test(rv)) throw badRequest(`invalid resource version: strconv.ParseUint: parsing "${rv}": invalid syntax`);
    from = Math.min(Number(rv), from);
  }
  const timeout = q.get("timeoutSeconds");
  const seconds = timeout === null ? DEFAULT_WATCH_SECONDS : Number(timeout);
  if (!Number.isFinite(seconds) || seconds < 0) throw badRequest(`timeoutSeconds: invalid value "${timeout}"`);
  return watchResponse(
    watchCacheFor(api),
    { resource: t.type.resource, namespace: t.type.namespaced ? t.namespace : undefined, match },
    {
      initial,
      from,
      timeoutSeconds: seconds,
      initialEventsEnd: sendInitialEvents ? { kind: t.type.kind, apiVersion: apiVersionOf(t.type), resourceVersion: current.resourceVersion } : undefined,
      encode: (obj) => (include ? table(backend, t.type, [obj], include) : toWire(obj)),
      hold: backend.hold?.bind(backend),
    },
  );
}

// ---------- writes ----------

/** `Warning: 299 - "text"` headers, as the apiserver adds them (strconv.Quote of the text). */
function withWarnings(res: Response, warnings: readonly string[]): Response {
  for (const w of warnings) res.headers.append("warning", `299 - ${JSON.stringify(w)}`);
  return res;
}

function decodeForWrite(type: Type, body: unknown, raw: string, validation: FieldValidation): string[] {
  const info = kindInfo(apiVersionOf(type), type.kind);
  if (!info) return [];
  const decoded = decodeBody(info, body, validation, raw);
  if (decoded.error) throw badRequest(decoded.error);
  return [...decoded.warnings];
}

async function create(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Promise<Response> {
  const opts = writeOptions(q, "CreateOptions");
  const body = await readObjectBody(req, { apiVersion: apiVersionOf(t.type), kind: t.type.kind });
  const warnings = decodeForWrite(t.type, body.value, body.raw, opts.fieldValidation);
  const obj = backend.api.create(t.type.resource, body.value as KubeObject, { namespace: t.namespace, dryRun: opts.dryRun });
  return withWarnings(jsonResponse(201, toWire(obj)), warnings);
}

async function update(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Promise<Response> {
  const opts = writeOptions(q, "UpdateOptions");
  if (t.subresource === "scale") {
    const body = await readObjectBody(req, { apiVersion: "autoscaling/v1", kind: "Scale" });
    return jsonResponse(200, updateScale(backend.api, t.type, t.namespace, t.name!, body.value, opts.dryRun));
  }
  const body = await readObjectBody(req, { apiVersion: apiVersionOf(t.type), kind: t.type.kind });
  const warnings = decodeForWrite(t.type, body.value, body.raw, opts.fieldValidation);
  const obj = body.value as KubeObject;
  const meta = (obj.metadata ??= {});
  if (meta.name && meta.name !== t.name) {
    throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${t.name})`);
  }
  if (t.type.namespaced) {
    if (meta.namespace && meta.namespace !== t.namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    meta.namespace = t.namespace;
  }
  meta.name = t.name;
  const subresource = t.subresource === "status" ? "status" : undefined;
  const result = backend.api.update(t.type.resource, obj, { dryRun: opts.dryRun, subresource });
  return withWarnings(jsonResponse(200, toWire(result)), warnings);
}

const PATCH_MEDIA_TYPES = "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json";

async function patch(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Promise<Response> {
  const api = backend.api;
  const patchType = PATCH_TYPES[contentType(req.headers.get("content-type"))];
  if (!patchType) {
    // Server-side apply (application/apply-patch+yaml) is not served.
    throw httpError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: ${PATCH_MEDIA_TYPES}`);
  }
  const opts = writeOptions(q, "PatchOptions");
  const body = await readJson(req);
  if (body && body.value === undefined) {
    throw badRequest(`error decoding patch: ${goJsonSyntaxError(body.raw)}`);
  }
  const patchDoc = body?.value;
  if (t.subresource === "scale") {
    return jsonResponse(200, patchScale(api, t.type, t.namespace, t.name!, patchType, patchDoc, opts.dryRun));
  }
  const current = api.get(t.type.resource, t.namespace, t.name!);
  const warnings = patchedUnknownFields(t.type, current, patchType, patchDoc, opts.fieldValidation);
  const subresource = t.subresource === "status" ? "status" : undefined;
  const result = api.patch(t.type.resource, t.namespace, t.name!, patchType, patchDoc, { dryRun: opts.dryRun, subresource });
  return withWarnings(jsonResponse(200, toWire(result)), warnings);
}

/**
 * fieldValidation for a patch looks at the patched object: unknown fields
 * fail the request (Strict) or come back as warnings (Warn). Patches that do
 * not apply are left to the API server's own error.
 */
function patchedUnknownFields(type: Type, current: KubeObject, patchType: PatchType, patchDoc: unknown, validation: FieldValidation): string[] {
  if (validation === "Ignore") return [];
  const info = kindInfo(apiVersionOf(type), type.kind);
  if (!info) return [];
  let patched: unknown;
  try {
    const doc = toWire(current);
    patched =
      patchType === "json" ? applyJsonPatch(doc, patchDoc) : patchType === "merge" ? applyMergePatch(doc, patchDoc) : applyStrategicMergePatch(doc, patchDoc, schemaFor(type.kind));
  } catch {
    return [];
  }
  const decoded = decodeTyped(info.type, patched, { strict: true });
  if (decoded.error || decoded.strictErrors.length === 0) return [];
  if (validation === "Strict") throw badRequest(strictDecodingError(decoded.strictErrors));
  return decoded.strictErrors.map((e) => e.message);
}

async function remove(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Promise<Response> {
  const api = backend.api;
  const options = parseDeleteOptions(q, await readJson(req));
  const result = deleteOne(backend, t.type, t.namespace, t.name!, options);
  return jsonResponse(200, result);
}

/** One delete, answered as the registry store answers it: the object while it lingers, else a Success Status. */
function deleteOne(backend: K8sBackend, type: Type, namespace: string | undefined, name: string, options: DeleteOptions): unknown {
  const api = backend.api;
  const result = api.delete(type.resource, namespace, name, options);
  const stillThere = options.dryRun
    ? result.metadata.deletionTimestamp !== undefined
    : api.find(type.resource, namespace, name)?.metadata.uid === result.metadata.uid;
  if (stillThere || RETURNS_DELETED_OBJECT.has(type.resource)) return toWire(result);
  const details: Record<string, string> = { name };
  if (type.group) details.group = type.group;
  details.kind = type.resource;
  if (result.metadata.uid) details.uid = result.metadata.uid;
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details };
}

async function deleteCollection(backend: K8sBackend, req: Request, q: URLSearchParams, t: Target): Promise<Response> {
  if (t.type.resource === "namespaces") throw methodNotAllowed("the server does not allow this method on the requested resource");
  const api = backend.api;
  const options = parseDeleteOptions(q, await readJson(req));
  const { items, resourceVersion } = api.list(t.type.resource, listOptions(q, t.namespace));
  const deleted: unknown[] = [];
  for (const obj of items) {
    try {
      api.delete(t.type.resource, obj.metadata.namespace, obj.metadata.name!, options);
      deleted.push(toWire(api.find(t.type.resource, obj.metadata.namespace, obj.metadata.name!) ?? obj));
    } catch (err) {
      // Gone meanwhile (a cascade): as the real deletecollection, not an error.
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }
  return jsonResponse(200, { kind: `${t.type.kind}List`, apiVersion: apiVersionOf(t.type), metadata: { resourceVersion }, items: deleted });
}

