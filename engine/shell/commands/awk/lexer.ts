// Tokens of the awk language. Whether "/" starts a regular expression or
// divides depends on the token before it, as in every awk.

export type TokKind = "num" | "str" | "ere" | "name" | "funcname" | "builtin" | "kw" | "op" | "newline" | "eof";

export interface Tok {
  kind: TokKind;
  text: string;
  /** Numeric value of a "num". */
  num?: number;
  line: number;
}

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set(["BEGIN", "END", "function", "func", "if", "else", "while", "for", "do", "break", "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print", "printf"]);
export const BUILTINS = new Set(["length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close", "fflush"]);
const OPS = ["**=", "&&", "||", "==", "<=", ">=", "!=", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", ">>", "!~", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|", "?", ":", "~", "$", "="];

/** C-style escapes in awk strings ("\t", "\n", "\/", octal). */
export function awkEscape(text: string, i: number): { value: string; length: number } {
  const c = text[i];
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "/": "/", a: "\x07", b: "\b", f: "\f", v: "\v" };
  if (c === undefined) return { value: "\\", length: 0 };
  if (Object.hasOwn(simple, c)) return { value: simple[c], length: 1 };
  const oct = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
  if (oct) return { value: String.fromCharCode(parseInt(oct[0], 8)), length: oct[0].length };
  return { value: "\\" + c, length: 1 };
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const prevAllowsDivision = () => {
    const t = toks.at(-1);
    if (!t) return false;
    if (t.kind === "num" || t.kind === "str" || t.kind === "ere" || t.kind === "name" || t.kind === "builtin") return true;
    return t.kind === "op" && (t.text === ")" || t.text === "]" || t.text === "$" || t.text === "++" || t.text === "--");
  };
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      line++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\r" && src[i + 2] === "\n") {
      i += 3;
      line++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      toks.push({ kind: "newline", text: "\n", line });
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= src.length || src[i] === "\n") throw new AwkSyntaxError("runaway string constant \"" + value.slice(0, 10) + " ...", line);
        if (src[i] === '"') break;
        if (src[i] === "\\") {
          if (src[i + 1] === "\n") {
            i += 2;
            line++;
            continue;
          }
          const e = awkEscape(src, i + 1);
          value += e.value;
          i += 1 + e.length;
          continue;
        }
        value += src[i++];
      }
      i++;
      toks.push({ kind: "str", text: value, line });
      continue;
    }
    if (c === "/" && !prevAllowsDivision()) {
      let re = "";
      i++;
      let inBracket = false;
      for (;;) {
        if (i >= src.length || src[i] === "\n") throw new AwkSyntaxError("runaway regular expression /" + re.slice(0, 10) + " ...", line);
        const ch = src[i];
        if (ch === "/" && !inBracket) break;
        if (ch === "\\" && i + 1 < src.length) {
          // "\/" is a slash; other escapes pass to the regex compiler.
          re += src[i + 1] === "/" ? "/" : ch + src[i + 1];
          i += 2;
          continue;
        }
        if (ch === "[" && !inBracket) {
          inBracket = true;
          re += ch;
          i++;
          if (src[i] === "^") re += src[i++];
          if (src[i] === "]") re += src[i++];
          continue;
        }
        if (ch === "]" && inBracket) inBracket = false;
        re += ch;
        i++;
      }
      i++;
      toks.push({ kind: "ere", text: re, line });
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(src.slice(i, i + 64));
    if (num && /[0-9.]/.test(c)) {
      toks.push({ kind: "num", text: num[0], num: Number(num[0]), line });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (word) {
      const w = word[0];
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ kind: "kw", text: w === "func" ? "function" : w, line });
      else if (BUILTINS.has(w)) toks.push({ kind: "builtin", text: w, line });
      else toks.push({ kind: src[i] === "(" ? "funcname" : "name", text: w, line });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`, line);
    toks.push({ kind: "op", text: op, line });
    i += op.length;
  }
  toks.push({ kind: "eof", text: "end of file", line });
  return toks;
}
