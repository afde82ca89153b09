import { describe, expect, it } from "vitest";
import { GO_PACKAGES, KIND_TYPES, NAMED_TYPES, REQUIRED_FIELDS, STRUCT_TYPES } from "./go-types.ts";
import { goType, goTypeName, kindInfo, KINDS, schemaForKind, structOf, structSchema, typeAtPath } from "./schema.ts";

describe("the type tables", () => {
  it("every type expression resolves and every struct compiles", () => {
    for (const [key, fields] of Object.entries(STRUCT_TYPES)) {
      expect(GO_PACKAGES[key.slice(0, key.indexOf("."))], key).toBeDefined();
      const s = structSchema(key)!;
      expect(s.fields.map((f) => f.name)).toEqual(Object.keys(fields));
    }
    for (const expr of Object.values(NAMED_TYPES)) expect(() => goType(expr)).not.toThrow();
  });

  it("required fields are fields of their struct", () => {
    for (const [key, names] of Object.entries(REQUIRED_FIELDS)) for (const n of names) expect(structSchema(key)?.field(n)?.required, `${key}.${n}`).toBe(true);
  });

  it("every kind has a struct with apiVersion, kind and metadata", () => {
    for (const [, , , type] of KIND_TYPES) {
      const s = structSchema(type)!;
      expect(s.field("apiVersion")?.type.name).toBe("string");
      expect(s.field("kind")?.type.name).toBe("string");
      expect(s.field("metadata")?.type.name).toBe("v1.ObjectMeta");
    }
  });
});

describe("Go type names, as error messages print them", () => {
  it.each([
    ["string", "string"],
    ["[]string", "[]string"],
    ["map[string]string", "map[string]string"],
    ["map[string][]uint8", "map[string][]uint8"],
    ["core.PodSpec", "v1.PodSpec"],
    ["[]core.Container", "[]v1.Container"],
    ["core.ResourceList", "v1.ResourceList"],
    ["core.PullPolicy", "v1.PullPolicy"],
    ["apps.DeploymentStrategyType", "v1.DeploymentStrategyType"],
    ["autoscaling.MetricTarget", "v2.MetricTarget"],
    ["types.UID", "types.UID"],
    ["resource.Quantity", "resource.Quantity"],
    ["intstr.IntOrString", "intstr.IntOrString"],
    ["meta.Time", "v1.Time"],
  ])("%s → %s", (expr, name) => {
    expect(goType(expr).name).toBe(name);
  });

  it("a named type decodes as its underlying type", () => {
    expect(goType("core.PullPolicy").kind).toBe("string");
    const list = goType("core.ResourceList");
    expect(list.kind === "map" && list.elem.kind).toBe("quantity");
    expect(goTypeName("discovery.EndpointPort")).toBe("v1.EndpointPort");
  });

  it("an unknown type is a programming error", () => {
    expect(() => goType("core.Nope")).toThrow(/unknown type/);
  });
});

describe("lookups for kubectl explain and patching", () => {
  it("schemaForKind by apiVersion and kind", () => {
    expect(schemaForKind("apps/v1", "Deployment")?.goName).toBe("Deployment");
    expect(schemaForKind("v1", "Deployment")).toBeUndefined();
    expect(schemaForKind("autoscaling/v2", "HorizontalPodAutoscaler")?.typeName).toBe("v2.HorizontalPodAutoscaler");
    expect(kindInfo("discovery.k8s.io/v1", "EndpointSlice")).toMatchObject({ group: "discovery.k8s.io", version: "v1", type: "discovery.EndpointSlice" });
    expect(KINDS.length).toBe(KIND_TYPES.length);
  });

  it("typeAtPath steps into list elements like kubectl explain", () => {
    const deployment = schemaForKind("apps/v1", "Deployment")!;
    expect(typeAtPath(deployment, ["spec", "template", "spec", "containers"])?.name).toBe("[]v1.Container");
    expect(typeAtPath(deployment, ["spec", "template", "spec", "containers", "ports", "containerPort"])?.name).toBe("int32");
    expect(typeAtPath(deployment, ["spec", "strategy", "rollingUpdate", "maxSurge"])?.kind).toBe("intOrString");
    expect(typeAtPath(deployment, ["spec", "nope"])).toBeUndefined();
    expect(typeAtPath(deployment, ["metadata", "labels", "app"])).toBeUndefined();
  });

  it("inline structs are flattened: Volume sources, probe handlers, TypeMeta", () => {
    expect(structSchema("core.Volume")!.field("configMap")?.type.name).toBe("v1.ConfigMapVolumeSource");
    expect(structSchema("core.Probe")!.field("httpGet")?.type.name).toBe("v1.HTTPGetAction");
    expect(structSchema("core.PersistentVolumeSpec")!.field("nfs")?.type.name).toBe("v1.NFSVolumeSource");
    expect(structSchema("core.VolumeSource")).toBeUndefined();
  });

  it("fields know whether they are required", () => {
    const container = structSchema("core.Container")!;
    expect(container.field("name")?.required).toBe(true);
    expect(container.field("image")?.required).toBe(false);
    expect(structOf(structSchema("apps.DeploymentSpec")!.field("selector")!.type)?.goName).toBe("LabelSelector");
    expect(structSchema("apps.DeploymentSpec")!.field("selector")?.required).toBe(true);
  });
});
