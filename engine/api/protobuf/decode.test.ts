import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeProtobufBody, type ProtobufBody } from "./decode.ts";
import { MESSAGES, NAMED_TYPES, PROTO_KINDS } from "./messages.ts";
import { bytes, concat, entry, envelope, int, msg, str, tag, varint } from "./proto-builder.test-util.ts";
import { goDuration } from "./special.ts";

const DEPLOYMENT = { apiVersion: "apps/v1", kind: "Deployment" };
const POD = { apiVersion: "v1", kind: "Pod" };

function object(body: ProtobufBody): Record<string, any> {
  if ("error" in body) throw new Error(body.error);
  return body.object;
}

const meta = (...parts: Uint8Array[]) => msg(1, ...parts);
const container = (name: string, ...parts: Uint8Array[]) => msg(2, str(1, name), ...parts);
/** A Pod whose spec (field 2) is made of `spec`. */
const pod = (...spec: Uint8Array[]) => envelope("v1", "Pod", concat(meta(str(1, "p")), msg(2, ...spec)));

describe("the message tables", () => {
  it("every type they name is a message, a named type, a special type or a primitive", () => {
    const special = new Set(["resource.Quantity", "intstr.IntOrString", "meta.Time", "meta.MicroTime", "meta.Duration", "runtime.RawExtension", "meta.FieldsV1"]);
    const known = (t: string): boolean => {
      t = t.replace(/^\*/, "");
      if (t.startsWith("[]")) return t === "[]byte" || known(t.slice(2));
      if (t.startsWith("map[")) return known(t.slice(4, t.indexOf("]"))) && known(t.slice(t.indexOf("]") + 1));
      return ["string", "bool", "int32", "int64", "float64"].includes(t) || special.has(t) || t in MESSAGES || (t in NAMED_TYPES && known(NAMED_TYPES[t]!));
    };
    for (const [key, fields] of Object.entries(MESSAGES)) for (const [, , , type] of fields) expect(known(type), `${key}: ${type}`).toBe(true);
    for (const [, , type] of PROTO_KINDS) expect(MESSAGES).toHaveProperty([type]);
  });

  it("field numbers are unique within a message", () => {
    for (const [key, fields] of Object.entries(MESSAGES)) expect(new Set(fields.map((f) => f[0])).size, key).toBe(fields.length);
  });
});

describe("Go values as json.Marshal writes them", () => {
  it("an empty object: non-omitempty fields as zero values, structs always present", () => {
    expect(object(decodeProtobufBody(envelope("apps/v1", "Deployment", new Uint8Array(0)), DEPLOYMENT))).toStrictEqual({
      kind: "Deployment",
      apiVersion: "apps/v1",
      metadata: { creationTimestamp: null },
      spec: { selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} },
      status: {},
    });
  });

  it("negative int32 and int64, and a pointer to zero kept", () => {
    const body = envelope("apps/v1", "Deployment", msg(2, int(1, -1), int(9, 0), int(5, -7)));
    const spec = object(decodeProtobufBody(body, DEPLOYMENT)).spec;
    expect(spec.replicas).toBe(-1);
    expect(spec.progressDeadlineSeconds).toBe(0);
    expect(spec.minReadySeconds).toBe(-7);
    expect(object(decodeProtobufBody(pod(int(5, -600)), POD)).spec.activeDeadlineSeconds).toBe(-600);
  });

  it("repeated int64: packed and one by one", () => {
    const packed = bytes(4, concat(varint(5), varint(-6)));
    const sc = (...p: Uint8Array[]) => object(decodeProtobufBody(pod(msg(14, ...p)), POD)).spec.securityContext;
    expect(sc(packed).supplementalGroups).toEqual([5, -6]);
    expect(sc(int(4, 1), int(4, 2), packed).supplementalGroups).toEqual([1, 2, 5, -6]);
  });

  it("unknown fields of every wire type are skipped, at any depth", () => {
    const junk = concat(int(99, 1), str(98, "x"), tag(97, 1), new Uint8Array(8), tag(96, 5), new Uint8Array(4), tag(95, 3), int(1, 1), tag(95, 4));
    const body = envelope("v1", "Pod", concat(junk, meta(junk, str(1, "p")), msg(2, junk, container("c", junk, str(2, "nginx")))));
    const o = object(decodeProtobufBody(body, POD));
    expect(o.metadata.name).toBe("p");
    expect(o.spec.containers).toEqual([{ name: "c", image: "nginx", resources: {} }]);
  });

  it("a message field twice is merged; a scalar twice keeps the last", () => {
    const body = envelope("v1", "Pod", concat(meta(str(1, "a"), entry(11, "x", str(2, "1"))), meta(str(1, "b"), entry(11, "y", str(2, "2")))));
    expect(object(decodeProtobufBody(body, POD)).metadata).toStrictEqual({ name: "b", creationTimestamp: null, labels: { x: "1", y: "2" } });
  });

  it("map keys come out sorted; a repeated key keeps the last value", () => {
    const body = envelope("v1", "Pod", meta(entry(12, "b", str(2, "1")), entry(12, "a", str(2, "2")), entry(12, "b", str(2, "3"))));
    const annotations = object(decodeProtobufBody(body, POD)).metadata.annotations;
    expect(Object.keys(annotations)).toEqual(["a", "b"]);
    expect(annotations.b).toBe("3");
  });

  it("times: seconds only for Time, microseconds for MicroTime, empty is null", () => {
    const ts = (seconds: number, nanos = 0) => concat(int(1, seconds), int(2, nanos));
    const event = object(
      decodeProtobufBody(
        envelope("v1", "Event", concat(meta(msg(8, ts(1767225600, 999_999_999))), msg(6), msg(7, ts(0)), msg(10, ts(1767225600, 123_456_789)))),
        { apiVersion: "v1", kind: "Event" },
      ),
    );
    expect(event.metadata.creationTimestamp).toBe("2026-01-01T00:00:00Z");
    expect(event.firstTimestamp).toBeNull();
    expect(event.lastTimestamp).toBe("1970-01-01T00:00:00Z");
    expect(event.eventTime).toBe("2026-01-01T00:00:00.123456Z");
    expect(event.involvedObject).toStrictEqual({});
    expect(event.reportingComponent).toBe("");
  });

  it("IntOrString: an int, a string", () => {
    const port = (...p: Uint8Array[]) => msg(1, int(3, 80), msg(4, ...p));
    const body = envelope("v1", "Service", msg(2, port(int(1, 0), int(2, 8080)), port(int(1, 1), str(3, "http")), port()));
    const ports = object(decodeProtobufBody(body, { apiVersion: "v1", kind: "Service" })).spec.ports;
    expect(ports.map((p: { targetPort: unknown }) => p.targetPort)).toEqual([8080, "http", 0]);
  });

  it("quantities in their canonical form", () => {
    const q = (s: string) => msg(2, str(1, s));
    const requests = (...e: Uint8Array[]) => container("c", msg(8, ...e.map((x) => msg(2, x))));
    const body = pod(requests(concat(str(1, "cpu"), q("1000m"))), container("d", msg(8, msg(1, str(1, "memory"), q("0.5Gi")), msg(1, str(1, "cpu"), q("0.5")))));
    const [c, d] = object(decodeProtobufBody(body, POD)).spec.containers;
    expect(c.resources).toEqual({ requests: { cpu: "1" } });
    expect(d.resources).toEqual({ limits: { cpu: "500m", memory: "512Mi" } });
  });

  it("Secret data in base64; a missing value is empty", () => {
    const raw = concat(meta(str(1, "s")), entry(2, "bin", bytes(2, new Uint8Array([0, 0xff, 0x10]))), msg(2, str(1, "none")), str(3, "Opaque"));
    expect(object(decodeProtobufBody(envelope("v1", "Secret", raw), { apiVersion: "v1", kind: "Secret" }))).toStrictEqual({
      kind: "Secret",
      apiVersion: "v1",
      metadata: { name: "s", creationTimestamp: null },
      data: { bin: "AP8Q", none: "" },
      type: "Opaque",
    });
  });

  it("an Eviction with its DeleteOptions", () => {
    const raw = concat(meta(str(1, "web-1"), str(3, "default")), msg(2, int(1, 0), msg(2, str(1, "uid-1")), str(4, "Foreground"), str(5, "All")));
    expect(object(decodeProtobufBody(envelope("policy/v1", "Eviction", raw), { apiVersion: "policy/v1", kind: "Eviction" }))).toStrictEqual({
      kind: "Eviction",
      apiVersion: "policy/v1",
      metadata: { name: "web-1", namespace: "default", creationTimestamp: null },
      deleteOptions: { gracePeriodSeconds: 0, preconditions: { uid: "uid-1" }, propagationPolicy: "Foreground", dryRun: ["All"] },
    });
  });

  it("a ControllerRevision's data is the JSON it carries", () => {
    const raw = concat(meta(str(1, "r")), msg(2, str(1, '{"spec":{"template":{"a":1}}}')), int(3, 2));
    expect(object(decodeProtobufBody(envelope("apps/v1", "ControllerRevision", raw), { apiVersion: "apps/v1", kind: "ControllerRevision" }))).toMatchObject({
      data: { spec: { template: { a: 1 } } },
      revision: 2,
    });
  });

  it("embedded structs are nested in protobuf and flat in JSON", () => {
    const volume = msg(1, str(1, "v"), msg(2, msg(2, str(1, "Memory"))));
    const probe = msg(10, msg(1, msg(3, msg(1, int(1, 0), int(2, 8080)))), int(4, 3));
    const o = object(decodeProtobufBody(pod(volume, container("c", probe)), POD));
    expect(o.spec.volumes).toEqual([{ name: "v", emptyDir: { medium: "Memory" } }]);
    expect(o.spec.containers[0].livenessProbe).toEqual({ tcpSocket: { port: 8080 }, periodSeconds: 3 });
  });

  it.each([
    [0n, "0s"],
    [1n, "1ns"],
    [1500n, "1.5µs"],
    [2_000_000n, "2ms"],
    [1_500_000_000n, "1.5s"],
    [90_000_000_000n, "1m30s"],
    [3_600_000_000_000n, "1h0m0s"],
    [-5_000_000_000n, "-5s"],
  ])("Duration %s → %s", (d, text) => {
    expect(goDuration(d)).toBe(text);
  });
});

describe("the envelope", () => {
  it("a missing kind and apiVersion come from the resource", () => {
    const body = concat(new Uint8Array([0x6b, 0x38, 0x73, 0]), bytes(2, meta(str(1, "x"))));
    expect(decodeProtobufBody(body, DEPLOYMENT)).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment", object: { metadata: { name: "x" } } });
  });

  it("another kind than the resource's is decoded as that kind (the caller rejects it)", () => {
    expect(decodeProtobufBody(envelope("v1", "Namespace", meta(str(1, "x"))), DEPLOYMENT)).toMatchObject({ apiVersion: "v1", kind: "Namespace" });
  });

  it("contentType and contentEncoding are read and ignored", () => {
    const body = concat(envelope("v1", "Namespace", meta(str(1, "x"))), str(3, ""), str(4, "application/vnd.kubernetes.protobuf"));
    expect(object(decodeProtobufBody(body, { apiVersion: "v1", kind: "Namespace" })).metadata.name).toBe("x");
  });
});

describe("bad bodies: the API server's 400 message", () => {
  const magic = new Uint8Array([0x6b, 0x38, 0x73, 0]);
  it.each([
    ["an empty body", new Uint8Array(0), "the object provided is unrecognized (must be of type Deployment): empty data (<empty>)"],
    ["the magic alone", magic, "the object provided is unrecognized (must be of type Deployment): empty body (6b387300)"],
    [
      "JSON sent as protobuf",
      new TextEncoder().encode('{"kind":"Deployment","apiVersion":"apps/v1","metadata":{}}'),
      'the object provided is unrecognized (must be of type Deployment): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":"Deployment","apiVersi ...)',
    ],
    ["a cut object", concat(magic, msg(1, str(1, "apps/v1"), str(2, "Deployment")), bytes(2, concat(tag(1, 2), varint(10), str(1, "web")))), 'Deployment in version "v1" cannot be handled as a Deployment: unexpected EOF'],
    ["a field of the wrong wire type", envelope("apps/v1", "Deployment", int(1, 5)), 'Deployment in version "v1" cannot be handled as a Deployment: proto: wrong wireType = 0 for field ObjectMeta'],
    ["a nested wrong wire type", envelope("apps/v1", "Deployment", msg(2, str(1, "3"))), 'Deployment in version "v1" cannot be handled as a Deployment: proto: wrong wireType = 2 for field Replicas'],
    ["an illegal tag", envelope("apps/v1", "Deployment", msg(2, new Uint8Array([0x00]))), 'Deployment in version "v1" cannot be handled as a Deployment: proto: DeploymentSpec: illegal tag 0 (wire type 0)'],
    [
      "a bad quantity",
      envelope("v1", "Pod", msg(2, container("c", msg(8, msg(1, str(1, "cpu"), msg(2, str(1, "lots"))))))),
      "Pod in version \"v1\" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    ["a kind we do not know", envelope("example.com/v1", "Widget", new Uint8Array(0)), 'Widget in version "v1" cannot be handled as a Deployment: no kind "Widget" is registered for version "example.com/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"'],
  ] as const)("%s", (_, body, message) => {
    const result = decodeProtobufBody(body, DEPLOYMENT);
    expect(result).toEqual({ error: message });
  });

  it("a cut envelope: summarized in hex, the first 30 bytes", () => {
    const body = envelope("apps/v1", "Deployment", meta(str(1, "web"), str(3, "default")));
    const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    expect(decodeProtobufBody(body.subarray(0, 20), DEPLOYMENT)).toEqual({
      error: `the object provided is unrecognized (must be of type Deployment): unexpected EOF (${hex(body.subarray(0, 20))})`,
    });
    expect(decodeProtobufBody(body.subarray(0, 40), DEPLOYMENT)).toEqual({
      error: `the object provided is unrecognized (must be of type Deployment): unexpected EOF (${hex(body.subarray(0, 30))} ...)`,
    });
  });

  it("without a resource: the bare error, and a missing kind is an error", () => {
    expect(decodeProtobufBody(new Uint8Array(0))).toEqual({ error: "empty data" });
    expect(decodeProtobufBody(concat(magic, bytes(2, new Uint8Array(0))))).toEqual({ error: `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:""}'` });
  });

  it("no cut or corrupted body throws", () => {
    const good = envelope(
      "apps/v1",
      "Deployment",
      concat(
        meta(str(1, "web"), entry(11, "app", str(2, "web")), msg(8, int(1, 1767225600))),
        msg(2, int(1, 3), msg(2, entry(1, "app", str(2, "web"))), msg(3, msg(2, container("c", str(2, "nginx"), msg(8, msg(2, str(1, "cpu"), msg(2, str(1, "1")))))))),
      ),
    );
    expect(object(decodeProtobufBody(good, DEPLOYMENT)).spec.replicas).toBe(3);
    for (let n = 0; n < good.length; n++) expect(() => decodeProtobufBody(good.subarray(0, n), DEPLOYMENT)).not.toThrow();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const bad = good.slice();
        for (const [i, b] of flips) bad[i] = b;
        const result = decodeProtobufBody(bad, DEPLOYMENT);
        return "error" in result ? typeof result.error === "string" : typeof result.object === "object";
      }),
      { numRuns: 500 },
    );
  });
});
