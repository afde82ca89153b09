// Request bodies as the apiserver reads them: JSON (or YAML) for objects,
// with encoding/json's syntax error texts when the body is not JSON.
import { parse as parseYaml } from "yaml";
import { utf8HexPrefix, utf8Prefix } from "../../engine/api/schema/go-text.ts";
import { contentType } from "./media.ts";
import { badRequest, httpError } from "./status.ts";

/** encoding/json's quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c).slice(1, -1);
  return `'${q}'`;
}

/**
 * The error encoding/json's scanner reports for `text`, or null when it is
 * valid JSON. Covers the scanner's states; the offsets are not part of the text.
 */
export function goJsonSyntaxError(text: string): string | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  class Fail extends Error {}
  const fail = (what: string): never => {
    if (i >= text.length) throw new Fail("unexpected end of JSON input");
    throw new Fail(`invalid character ${quoteChar(text[i]!)} ${what}`);
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (text[i] !== word[k]) fail(k === 0 ? "looking for beginning of value" : `in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail("");
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c < " ") fail("in string literal");
      if (c === "\\") {
        i++;
        if (i >= text.length) fail("");
        const e = text[i]!;
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? "")) fail("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(e)) fail("in string escape code");
      }
      i++;
    }
  };
  const number = () => {
    if (text[i] === "-") {
      i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("in numeric literal");
    }
    if (text[i] === "0") i++;
    else while (/[0-9]/.test(text[i] ?? "")) i++;
    if (text[i] === ".") {
      i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("after decimal point in numeric literal");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("in exponent of numeric literal");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("looking for beginning of object key string");
        string();
        ws();
        if (text[i] !== ":") fail("after object key");
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") return void i++;
        fail("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") return void i++;
        fail("after array element");
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    fail("looking for beginning of value");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("after top-level value");
    return null;
  } catch (err) {
    if (err instanceof Fail) return err.message;
    throw err;
  }
}

/** handlers.summarizeData(body, 30). */
export function summarizeBody(text: string): string {
  if (text.length === 0) return "<empty>";
  const { text: head, cut } = text.startsWith("{") ? utf8Prefix(text, 30) : utf8HexPrefix(text, 30);
  return cut ? `${head} ...` : head;
}

const OBJECT_MEDIA_TYPES = "application/json, application/yaml";

export interface ObjectBody {
  value: unknown;
  raw: string;
}

/**
 * The object of a create or update request. A body that is not JSON (or
 * YAML) fails as the apiserver's decoder fails: 400, the object unrecognized.
 */
export async function readObjectBody(req: Request, kind: string): Promise<ObjectBody> {
  const type = contentType(req.headers.get("content-type")) || "application/json";
  const raw = await req.text();
  if (type === "application/yaml") {
    try {
      return { value: parseYaml(raw) ?? null, raw };
    } catch (err) {
      throw badRequest(`the object provided is unrecognized (must be of type ${kind}): ${(err as Error).message.split("\n")[0]} (${summarizeBody(raw)})`);
    }
  }
  if (type !== "application/json" && type !== "*/*") {
    throw httpError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: ${OBJECT_MEDIA_TYPES}`);
  }
  const syntax = goJsonSyntaxError(raw);
  if (syntax) {
    throw badRequest(`the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: ${syntax} (${summarizeBody(raw)})`);
  }
  return { value: JSON.parse(raw), raw };
}

/** A JSON body that is not an object to store (a patch, DeleteOptions); undefined when empty. */
export async function readJson(req: Request): Promise<{ value: unknown; raw: string } | undefined> {
  const raw = await req.text();
  if (raw.trim() === "") return undefined;
  const syntax = goJsonSyntaxError(raw);
  if (syntax) return { value: undefined, raw };
  return { value: JSON.parse(raw), raw };
}
