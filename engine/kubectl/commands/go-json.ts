// A JSON body the API server decodes with Go's encoding/json: malformed text
// is answered 400 BadRequest with the scanner's message ("invalid character
// 'b' looking for beginning of object key string", "unexpected end of JSON
// input"). kubectl sends JSON-looking patches as typed, so their syntax
// errors come from the server.
import { ApiError } from "../../api/errors.ts";

class SyntaxErr extends Error {}

/** encoding/json quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

function scan(text: string): void {
  let i = 0;
  const eof = (): never => {
    throw new SyntaxErr("unexpected end of JSON input");
  };
  const bad = (context: string): never => {
    throw new SyntaxErr(`invalid character ${quoteChar(text[i]!)} ${context}`);
  };
  const space = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= text.length) eof();
      if (text[i] !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i++;
  };
  const digits = (context: string) => {
    if (i >= text.length) eof();
    if (!/[0-9]/.test(text[i]!)) bad(context);
    while (i < text.length && /[0-9]/.test(text[i]!)) i++;
  };
  const number = () => {
    if (text[i] === "-") {
      i++;
      if (i >= text.length) eof();
      if (!/[0-9]/.test(text[i]!)) bad("in numeric literal");
    }
    if (text[i] === "0") i++;
    else digits("in numeric literal");
    if (text[i] === ".") {
      i++;
      digits("after decimal point in numeric literal");
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits("in exponent of numeric literal");
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) eof();
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        i++;
        if (i >= text.length) eof();
        if (text[i] === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= text.length) eof();
            if (!/[0-9a-fA-F]/.test(text[i]!)) bad("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(text[i]!)) {
          bad("in string escape code");
        }
        i++;
        continue;
      }
      if (c < " ") bad("in string literal");
      i++;
    }
  };
  const value = (): void => {
    space();
    if (i >= text.length) eof();
    const c = text[i]!;
    if (c === "{") {
      i++;
      space();
      if (i >= text.length) eof();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (i >= text.length) eof();
        if (text[i] !== '"') bad("looking for beginning of object key string");
        string();
        space();
        if (i >= text.length) eof();
        if (text[i] !== ":") bad("after object key");
        i++;
        value();
        space();
        if (i >= text.length) eof();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        bad("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      space();
      if (i >= text.length) eof();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (i >= text.length) eof();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        bad("after array element");
      }
    }
    if (c === '"') return string();
    if (c === "-" || /[0-9]/.test(c)) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    bad("looking for beginning of value");
  };
  value();
  space();
  if (i < text.length) bad("after top-level value");
}

/** The value of a JSON body, or the API server's 400 for Go's syntax error. */
export function parseGoJson(text: string): unknown {
  try {
    scan(text);
  } catch (err) {
    if (!(err instanceof SyntaxErr)) throw err;
    throw new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: err.message, reason: "BadRequest", code: 400 });
  }
  return JSON.parse(text) as unknown;
}
