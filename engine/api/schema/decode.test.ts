import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BAD_CASES, BAD_OTHER_CASES, BUSY_POD, GOOD_OBJECTS, MY_SERVICE, NGINX_DEPLOYMENT, WEB_STATEFULSET } from "./decode.fixtures.ts";
import { decodeBody, decodeMetadataOnly, decodeTyped, formatDecodeError, quantityJsonError, strictDecodingError } from "./decode.ts";
import { KINDS, kindInfo, structSchema } from "./schema.ts";

type Obj = Record<string, unknown>;
const info = (o: Obj) => kindInfo(o.apiVersion as string, o.kind as string)!;
const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX = "unable to parse quantity's suffix";

describe("decodeBody: good manifests decode clean", () => {
  it.each(GOOD_OBJECTS.map((o) => [`${o.kind as string} ${(o.metadata as Obj).name as string}`, o] as const))("%s", (_name, obj) => {
    expect(decodeBody(info(obj), obj, "Strict")).toEqual({ error: null, warnings: [], gvk: { group: info(obj).group, version: info(obj).version, kind: obj.kind } });
  });

  it("the docs' nginx Deployment, web StatefulSet and my-service are among them", () => {
    for (const o of [NGINX_DEPLOYMENT, WEB_STATEFULSET, MY_SERVICE, BUSY_POD]) expect(decodeTyped(info(o).type, o, { strict: true })).toEqual({ error: null, strictErrors: [] });
  });

  it("null anywhere is fine (it leaves the field unset)", () => {
    const obj = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", labels: null, creationTimestamp: null }, spec: { replicas: null, strategy: { rollingUpdate: { maxSurge: null } }, template: { spec: { containers: [{ name: "c", resources: { limits: { cpu: null } } }, null] } } }, status: null };
    expect(decodeBody(info(obj), obj, "Strict").error).toBeNull();
  });
});

describe("decodeBody: wrong JSON types are a 400 with the apiserver's message", () => {
  it.each([...BAD_CASES, ...BAD_OTHER_CASES])("%s", (_name, body, detail) => {
    const k = info(body);
    expect(decodeBody(k, body, "Strict").error).toBe(`${k.kind} in version "${k.version}" cannot be handled as a ${k.kind}: ${detail}`);
  });
});

describe("unknown fields and fieldValidation", () => {
  const body = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "d" },
    spec: { replicas: 1, foo: "x", bar: { baz: 1 }, template: { spec: { containers: [{ name: "a" }, { name: "b", imagePullPolice: "Always" }] } } },
    Status: {},
  };
  const deployments = kindInfo("apps/v1", "Deployment")!;

  it("Strict: a 400 naming every unknown field, in document order, with list indices", () => {
    expect(decodeBody(deployments, body, "Strict")).toEqual({
      error:
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.bar", unknown field "spec.template.spec.containers[1].imagePullPolice", unknown field "Status"',
      warnings: [],
      gvk: { group: "apps", version: "v1", kind: "Deployment" },
    });
  });

  it("Warn (the server's default): one warning per field, and the object is accepted", () => {
    expect(decodeBody(deployments, body).warnings).toEqual([
      'unknown field "spec.foo"',
      'unknown field "spec.bar"',
      'unknown field "spec.template.spec.containers[1].imagePullPolice"',
      'unknown field "Status"',
    ]);
    expect(decodeBody(deployments, body, "Warn").error).toBeNull();
  });

  it("Ignore: no error and no warning, only the paths of the fields the server drops", () => {
    expect(decodeBody(deployments, body, "Ignore")).toEqual({
      error: null,
      warnings: [],
      unknownFields: ["spec.foo", "spec.bar", "spec.template.spec.containers[1].imagePullPolice", "Status"],
      gvk: { group: "apps", version: "v1", kind: "Deployment" },
    });
  });

  it("a type error wins over unknown fields in every mode, and fields inside unknown ones are not looked at", () => {
    const both = { ...body, spec: { ...body.spec, replicas: "1", foo: { replicas: "x" } } };
    const message = 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32';
    for (const mode of ["Strict", "Warn", "Ignore"] as const) expect(decodeBody(deployments, both, mode).error).toBe(message);
  });

  it("keys are case-sensitive", () => {
    expect(decodeTyped("apps.Deployment", { Spec: { replicas: "x" }, metadata: { Name: "d" } }, { strict: true }).strictErrors.map((e) => e.message)).toEqual([
      'unknown field "Spec"',
      'unknown field "metadata.Name"',
    ]);
  });

  it("map keys are in the path of an unknown field below them", () => {
    const hpa = { apiVersion: "v1", kind: "Node", metadata: { name: "n" }, status: { volumesAttached: [{ name: "v", devicePath: "/d", extra: 1 }] } };
    expect(decodeTyped("core.Node", hpa, { strict: true }).strictErrors).toEqual([{ message: 'unknown field "status.volumesAttached[0].extra"', path: "status.volumesAttached[0].extra" }]);
  });

  it("at most 100 strict errors are kept", () => {
    const many: Obj = {};
    for (let i = 0; i < 150; i++) many[`f${i}`] = i;
    expect(decodeTyped("apps.Deployment", { spec: many }, { strict: true }).strictErrors).toHaveLength(100);
  });

  it("strictDecodingError joins them as runtime.NewStrictDecodingError does", () => {
    expect(strictDecodingError([{ message: 'unknown field "a"', path: "a" }, { message: 'unknown field "b.c"', path: "b.c" }])).toBe('strict decoding error: unknown field "a", unknown field "b.c"');
  });
});

describe("decodeTyped details", () => {
  it("reports where the error is, with indices and map keys", () => {
    const d = { spec: { template: { spec: { containers: [{ name: "a" }, { name: "b", env: [{ name: "X", value: 1 }] }] } } } };
    expect(decodeTyped("apps.Deployment", d, { strict: false }).error).toEqual({
      message: "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string",
      path: "spec.template.spec.containers[1].env[0].value",
    });
    expect(decodeTyped("apps.Deployment", { metadata: { labels: { app: 1 } } }, { strict: false }).error?.path).toBe("metadata.labels.app");
  });

  it("a value that is not an object at the top has no struct context", () => {
    expect(decodeTyped("apps.Deployment", [], { strict: true }).error?.message).toBe("json: cannot unmarshal array into Go value of type v1.Deployment");
  });

  it("accepts a compiled struct or type too", () => {
    expect(decodeTyped(structSchema("core.Container")!, { name: 1 }, { strict: false }).error?.message).toBe("json: cannot unmarshal number into Go struct field Container.name of type string");
  });

  it("int64 takes all of int64 and no more", () => {
    expect(decodeTyped("core.Toleration", { tolerationSeconds: -9007199254740991 }, { strict: false }).error).toBeNull();
    expect(decodeTyped("core.Toleration", { tolerationSeconds: 1e19 }, { strict: false }).error?.message).toBe(
      "json: cannot unmarshal number 10000000000000000000 into Go struct field Toleration.tolerationSeconds of type int64",
    );
  });

  it("[]byte takes base64 or a list of bytes", () => {
    expect(decodeTyped("core.Secret", { data: { a: [104, 105] } }, { strict: false }).error).toBeNull();
    expect(decodeTyped("core.Secret", { data: { a: [256] } }, { strict: false }).error?.message).toBe("json: cannot unmarshal number 256 into Go struct field Secret.data of type uint8");
  });

  it("RawExtension and FieldsV1 take anything", () => {
    expect(decodeTyped("apps.ControllerRevision", { data: [1, { x: "y" }], metadata: { managedFields: [{ fieldsV1: { "f:spec": {} }, time: "2024-01-01T00:00:00Z" }] } }, { strict: true })).toEqual({ error: null, strictErrors: [] });
  });
});

describe("quantityJsonError (Quantity.UnmarshalJSON)", () => {
  it.each([
    ['"1"', null],
    ['"500m"', null],
    ['" 1Gi "', null],
    ["1.5", null],
    ["1e+21", null],
    ['"1e3"', null],
    ['""', FORMAT],
    ['"1 Gi"', FORMAT],
    ['"\\u003c1"', FORMAT],
    ["true", FORMAT],
    ["{}", FORMAT],
    ['"1Gb"', FORMAT],
    ['"1mi"', SUFFIX],
    ['"1KiB"', FORMAT],
    ['"1e99999999999999999999"', SUFFIX],
    ['"1e-100000000"', null],
    ['"\ufeff1"', FORMAT],
  ] as const)("%s", (raw, want) => {
    expect(quantityJsonError(raw)).toBe(want);
  });
});

describe("reading apiVersion and kind first (Interpret)", () => {
  const deployments = kindInfo("apps/v1", "Deployment")!;

  it("apiVersion or kind of the wrong type: the object is unrecognized, with a summary of the body", () => {
    expect(decodeBody(deployments, { apiVersion: 5, kind: "Deployment", metadata: { name: "d" } }).error).toBe(
      'the object provided is unrecognized (must be of type Deployment): couldn\'t get version/kind; json parse error: json: cannot unmarshal number into Go struct field .apiVersion of type string ({"apiVersion":5,"kind":"Deploy ...)',
    );
    expect(decodeBody(deployments, { KIND: true }).error).toBe(
      'the object provided is unrecognized (must be of type Deployment): couldn\'t get version/kind; json parse error: json: cannot unmarshal bool into Go struct field .kind of type string ({"KIND":true})',
    );
  });

  it("a group/version with two slashes", () => {
    expect(decodeBody(deployments, { apiVersion: "apps/v1/x", kind: "Deployment" }, "Strict", '{"apiVersion":"apps/v1/x","kind":"Deployment"}').error).toBe(
      'the object provided is unrecognized (must be of type Deployment): unexpected GroupVersion string: apps/v1/x ({"apiVersion":"apps/v1/x","kin ...)',
    );
  });

  it("missing apiVersion and kind default to the resource's", () => {
    expect(decodeBody(deployments, { metadata: { name: "d" } }).gvk).toEqual({ group: "apps", version: "v1", kind: "Deployment" });
    expect(decodeBody(deployments, { metadata: { name: "d" }, spec: { replicas: "1" } }).error).toMatch(/^Deployment in version "v1" cannot be handled as a Deployment: /);
  });

  it("another kind is decoded as that kind (type errors only) and left to the caller", () => {
    const r = decodeBody(deployments, { apiVersion: "v1", kind: "Pod", spec: { replicas: 1 } }, "Strict");
    expect(r).toEqual({ error: null, warnings: [], gvk: { group: "", version: "v1", kind: "Pod" } });
    expect(decodeBody(deployments, { apiVersion: "v1", kind: "Pod", spec: { containers: {} } }, "Strict").error).toBe(
      'Pod in version "v1" cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(decodeBody(deployments, { apiVersion: "apps/v2", kind: "Deployment" })).toEqual({ error: null, warnings: [], gvk: { group: "apps", version: "v2", kind: "Deployment" } });
  });
});

describe("decodeMetadataOnly (kubectl's check before it sends)", () => {
  it.each([
    ["metadata: 5", { metadata: 5 }, "json: cannot unmarshal number into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta"],
    ["a numeric name", { metadata: { name: 5 } }, "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string"],
    ["the rest is not looked at", { metadata: { name: "x" }, spec: { replicas: "x" }, foo: 1 }, null],
  ] as const)("%s", (_name, obj, want) => {
    expect(decodeMetadataOnly(obj)).toBe(want);
  });
});

it("formatDecodeError quotes the version as Go's %q does", () => {
  expect(formatDecodeError("Deployment", "v1", "x")).toBe('Deployment in version "v1" cannot be handled as a Deployment: x');
  expect(formatDecodeError("Pod", 'v"1', "x", "Deployment")).toBe('Pod in version "v\\"1" cannot be handled as a Deployment: x');
});

describe("never throws", () => {
  const RUNS = { numRuns: 300, seed: 20260514 };

  it("any JSON value as any kind", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.jsonValue(), fc.constantFrom("Strict", "Warn", "Ignore" as const), (kind, value, mode) => {
        const r = decodeBody(kind, value, mode);
        expect(r.error === null || typeof r.error === "string").toBe(true);
        if (r.error !== null) expect(r.warnings).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a good manifest with a random part replaced or added", () => {
    const mutate = (obj: unknown, path: readonly number[], value: unknown, add: string | null): unknown => {
      if (obj === null || typeof obj !== "object") return value;
      const copy: Record<string, unknown> = Array.isArray(obj) ? ({ ...obj } as Record<string, unknown>) : { ...(obj as Obj) };
      const keys = Object.keys(copy);
      if (path.length === 0 || keys.length === 0) {
        if (add !== null) copy[add] = value;
        return Array.isArray(obj) ? Object.values(copy) : copy;
      }
      const key = keys[path[0]! % keys.length]!;
      copy[key] = mutate(copy[key], path.slice(1), value, add);
      return Array.isArray(obj) ? Object.values(copy) : copy;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...GOOD_OBJECTS),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.option(fc.string({ maxLength: 6 })),
        fc.boolean(),
        (base, path, value, add, strict) => {
          const obj = mutate(base, path, value, add);
          const r = decodeTyped(info(base).type, obj, { strict });
          if (r.error) expect(r.strictErrors).toEqual([]);
          else if (!strict) expect(r.strictErrors).toEqual([]);
          expect(() => decodeMetadataOnly(obj)).not.toThrow();
        },
      ),
      RUNS,
    );
  });
});
