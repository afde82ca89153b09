// /openapi/v2 as kubectl asks for it: the Swagger document encoded as the
// gnostic openapi_v2.Document protobuf. Only what kubectl's explain reads is
// encoded: swagger, info and the definitions (schemas with their $ref,
// description, type, format, required, items, additionalProperties,
// properties, enum and vendor extensions, the latter as YAML text; JSON is YAML).

import type { Json, JsonObject } from "../../engine/api/openapi/index.ts";

class Writer {
  private readonly parts: number[] = [];

  varint(n: number): void {
    let v = n;
    while (v > 0x7f) {
      this.parts.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.parts.push(v);
  }

  key(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  bytes(field: number, data: Uint8Array): void {
    this.key(field, 2);
    this.varint(data.length);
    for (const b of data) this.parts.push(b);
  }

  string(field: number, s: string): void {
    if (s !== "") this.bytes(field, new TextEncoder().encode(s));
  }

  message(field: number, build: (w: Writer) => void): void {
    const w = new Writer();
    build(w);
    this.bytes(field, w.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An `Any` holding YAML text. */
function anyYaml(w: Writer, field: number, value: Json): void {
  w.message(field, (a) => a.string(2, JSON.stringify(value)));
}

function schema(w: Writer, s: JsonObject): void {
  if (typeof s.$ref === "string") w.string(1, s.$ref);
  if (typeof s.format === "string") w.string(2, s.format);
  if (typeof s.description === "string") w.string(4, s.description);
  if (Array.isArray(s.required)) for (const r of s.required) w.string(19, String(r));
  if (Array.isArray(s.enum)) for (const e of s.enum) anyYaml(w, 20, e);
  if (isObject(s.additionalProperties)) {
    const ap = s.additionalProperties;
    w.message(21, (a) => a.message(1, (x) => schema(x, ap)));
  }
  if (typeof s.type === "string") {
    const t = s.type;
    w.message(22, (x) => x.string(1, t));
  }
  if (isObject(s.items)) {
    const items = s.items;
    w.message(23, (x) => x.message(1, (y) => schema(y, items)));
  }
  if (isObject(s.properties)) {
    const props = s.properties;
    w.message(25, (p) => {
      for (const [name, value] of Object.entries(props)) {
        if (!isObject(value)) continue;
        p.message(1, (n) => {
          n.string(1, name);
          n.message(2, (x) => schema(x, value));
        });
      }
    });
  }
  for (const [name, value] of Object.entries(s)) {
    if (!name.startsWith("x-")) continue;
    w.message(31, (n) => {
      n.string(1, name);
      anyYaml(n, 2, value);
    });
  }
}

/** The protobuf bytes of a Swagger 2.0 document. */
export function swaggerProtobuf(doc: JsonObject): Uint8Array {
  const w = new Writer();
  w.string(1, String(doc.swagger ?? "2.0"));
  const info = isObject(doc.info) ? doc.info : {};
  w.message(2, (i) => {
    i.string(1, String(info.title ?? ""));
    i.string(2, String(info.version ?? ""));
  });
  const defs = isObject(doc.definitions) ? doc.definitions : {};
  w.message(9, (d) => {
    for (const [name, value] of Object.entries(defs)) {
      if (!isObject(value)) continue;
      d.message(1, (n) => {
        n.string(1, name);
        n.message(2, (x) => schema(x, value));
      });
    }
  });
  return w.finish();
}
