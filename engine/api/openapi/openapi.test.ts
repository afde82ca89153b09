import { describe, expect, it } from "vitest";
import { createRegistry } from "../kinds/index.ts";
import { STRUCT_TYPES } from "../schema/go-types.ts";
import { APPS } from "./descriptions/apps.ts";
import { AUTOSCALING } from "./descriptions/autoscaling.ts";
import { CLUSTER } from "./descriptions/cluster.ts";
import { CONTAINER } from "./descriptions/container.ts";
import { ENDPOINTS } from "./descriptions/endpoints.ts";
import { META } from "./descriptions/meta.ts";
import { POD } from "./descriptions/pod.ts";
import { VOLUMES } from "./descriptions/volumes.ts";
import { documentHash, openApiDocuments, type Json, type JsonObject } from "./index.ts";

const kinds = createRegistry().all();
const docs = openApiDocuments(kinds);
const v2 = docs.v2();
const v2defs = v2.definitions as JsonObject;
const v3docs = Object.keys((docs.v3Index().paths as JsonObject) ?? {}).map((p) => [p, docs.v3(p)!] as const);

/** Every "$ref" string inside a JSON value. */
function refsIn(v: Json, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refsIn(x, out));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") out.push(x);
      else refsIn(x, out);
    }
  }
  return out;
}

/** The schema a property's type comes from, without the v2/v3 wrapping differences. */
function shape(p: JsonObject): Json {
  const { allOf, default: _d, $ref, items, additionalProperties, ...rest } = p;
  const out: JsonObject = { ...rest };
  const ref = $ref ?? (Array.isArray(allOf) ? (allOf[0] as JsonObject).$ref : undefined);
  if (ref !== undefined) out.ref = String(ref).split("/").pop()!;
  if (items) out.items = shape(items as JsonObject);
  if (additionalProperties) out.additionalProperties = shape(additionalProperties as JsonObject);
  return out;
}

describe("OpenAPI v3 documents", () => {
  it("index lists one document per served group-version, with a content hash", () => {
    const paths = docs.v3Index().paths as JsonObject;
    expect(Object.keys(paths)).toEqual(["api/v1", "apis/apps/v1", "apis/autoscaling/v2", "apis/discovery.k8s.io/v1"]);
    const url = (paths["apis/apps/v1"] as JsonObject).serverRelativeURL as string;
    expect(url).toBe(`/openapi/v3/apis/apps/v1?hash=${documentHash(JSON.stringify(docs.v3("apis/apps/v1")))}`);
    expect(url).toMatch(/\?hash=[0-9A-F]{128}$/);
    expect(docs.v3("apis/batch/v1")).toBeUndefined();
  });

  it.each(kinds.map((k) => [k.kind, k] as const))("%s has its schema with its group-version-kind, and its paths", (_, k) => {
    const doc = docs.v3(k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`)!;
    const schemas = (doc.components as JsonObject).schemas as JsonObject;
    const name = Object.keys(schemas).find((n) => JSON.stringify((schemas[n] as JsonObject)["x-kubernetes-group-version-kind"]) === JSON.stringify([{ group: k.group, kind: k.kind, version: k.version }]));
    expect(name).toBe(`io.k8s.api.${k.group === "" ? "core" : k.group.split(".")[0]}.${k.version}.${k.kind}`);
    const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
    const item = k.namespaced ? `${base}/namespaces/{namespace}/${k.resource}/{name}` : `${base}/${k.resource}/{name}`;
    const get = ((doc.paths as JsonObject)[item] as JsonObject).get as JsonObject;
    expect(get["x-kubernetes-group-version-kind"]).toEqual({ group: k.group, kind: k.kind, version: k.version });
  });

  it.each(v3docs)("every $ref of %s resolves inside the document", (_, doc) => {
    const schemas = (doc.components as JsonObject).schemas as JsonObject;
    for (const ref of refsIn(doc)) {
      expect(ref.startsWith("#/components/schemas/")).toBe(true);
      expect(schemas[ref.slice("#/components/schemas/".length)], ref).toBeDefined();
    }
  });

  it("wraps described references in allOf and keeps the generator's defaults and extensions", () => {
    const schemas = (docs.v3("apis/apps/v1")!.components as JsonObject).schemas as JsonObject;
    const spec = (schemas["io.k8s.api.apps.v1.DeploymentSpec"] as JsonObject).properties as JsonObject;
    expect(spec.strategy).toMatchObject({ allOf: [{ $ref: "#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy" }], default: {}, "x-kubernetes-patch-strategy": "retainKeys" });
    expect(spec.selector).not.toHaveProperty("default");
    expect((schemas["io.k8s.api.apps.v1.DeploymentSpec"] as JsonObject).required).toEqual(["selector", "template"]);
    const container = (schemas["io.k8s.api.core.v1.Container"] as JsonObject).properties as JsonObject;
    expect(container.ports).toMatchObject({
      items: { allOf: [{ $ref: "#/components/schemas/io.k8s.api.core.v1.ContainerPort" }], default: {} },
      "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
      "x-kubernetes-list-type": "map",
      "x-kubernetes-patch-merge-key": "containerPort",
      "x-kubernetes-patch-strategy": "merge",
    });
    expect(container.imagePullPolicy).toMatchObject({ type: "string", enum: ["Always", "IfNotPresent", "Never"] });
    expect(container.command).toMatchObject({ type: "array", items: { default: "", type: "string" } });
    const port = (schemas["io.k8s.api.core.v1.ContainerPort"] as JsonObject).properties as JsonObject;
    expect(port.protocol).toMatchObject({ default: "TCP", enum: ["SCTP", "TCP", "UDP"] });
    expect(port.containerPort).toMatchObject({ default: 0, format: "int32", type: "integer" });
    expect(schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toMatchObject({ format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] });
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]).toMatchObject({ format: "date-time", type: "string" });
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"]).toMatchObject({ "x-kubernetes-map-type": "atomic" });
    const requirements = (schemas["io.k8s.api.core.v1.ResourceRequirements"] as JsonObject).properties as JsonObject;
    expect(requirements.limits).toMatchObject({ additionalProperties: { allOf: [{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity" }], default: {} }, type: "object" });
  });

  it("builds the documents once", () => {
    expect(openApiDocuments(createRegistry().all()).v3("api/v1")).toBe(docs.v3("api/v1"));
  });
});

describe("OpenAPI v2 document", () => {
  it("every $ref resolves to a definition", () => {
    for (const ref of refsIn(v2)) expect(v2defs[ref.replace("#/definitions/", "")], ref).toBeDefined();
  });

  it("has the same definitions, properties, required lists, descriptions and extensions as v3", () => {
    const v3defs: JsonObject = {};
    for (const [, doc] of v3docs) Object.assign(v3defs, (doc.components as JsonObject).schemas as JsonObject);
    expect(Object.keys(v2defs).sort()).toEqual(Object.keys(v3defs).sort());
    for (const name of Object.keys(v2defs)) {
      const a = v2defs[name] as JsonObject;
      const b = v3defs[name] as JsonObject;
      expect(a.description, name).toEqual(b.description);
      expect(a.required, name).toEqual(b.required);
      expect(a["x-kubernetes-group-version-kind"], name).toEqual(b["x-kubernetes-group-version-kind"]);
      const pa = (a.properties ?? {}) as JsonObject;
      const pb = (b.properties ?? {}) as JsonObject;
      expect(Object.keys(pa), name).toEqual(Object.keys(pb));
      for (const f of Object.keys(pa)) expect(shape(pa[f] as JsonObject), `${name}.${f}`).toEqual(shape(pb[f] as JsonObject));
    }
  });

  it("carries no defaults (the v2 generator drops them)", () => {
    expect(JSON.stringify(v2)).not.toContain('"default"');
  });
});

describe("descriptions", () => {
  const all = [META, POD, CONTAINER, VOLUMES, APPS, CLUSTER, AUTOSCALING, ENDPOINTS];
  const OWN_TYPES = new Set(["meta.TypeMeta", "meta.ListMeta", "meta.Time", "meta.MicroTime", "meta.FieldsV1", "runtime.RawExtension", "resource.Quantity", "intstr.IntOrString"]);

  it("describe only types and fields that exist", () => {
    for (const table of all) {
      for (const [type, fields] of Object.entries(table)) {
        if (OWN_TYPES.has(type)) continue;
        expect(STRUCT_TYPES[type], type).toBeDefined();
        for (const f of Object.keys(fields)) if (f !== "") expect(Object.keys(STRUCT_TYPES[type]!), `${type}.${f}`).toContain(f);
      }
    }
  });

  it("cover every type and field of the served kinds, in both documents", () => {
    const undocumented: string[] = [];
    let fields = 0;
    for (const [name, def] of Object.entries(v2defs)) {
      const d = def as JsonObject;
      if (!d.description) undocumented.push(name);
      for (const [f, p] of Object.entries((d.properties ?? {}) as JsonObject)) {
        fields++;
        if (!(p as JsonObject).description) undocumented.push(`${name}.${f}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(fields).toBeGreaterThan(700);
  });

  it("are plain ASCII (kubectl wraps by bytes and runes alike)", () => {
    for (const table of all) for (const fields of Object.values(table)) for (const text of Object.values(fields)) expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
