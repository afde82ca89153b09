// base64 (RFC 4648) over the UTF-8 bytes of the text: encode wrapped at 76
// columns (-w), decode with -d/--decode (-i skips garbage). Decoded bytes
// become text as UTF-8; invalid sequences turn into U+FFFD.
import type { CommandContext, CommandTable } from "./context.ts";
import { inputs, options } from "./context.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2];
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? "=" : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? "=" : ALPHABET[c & 63];
  }
  return out;
}

/** Decode in 4-character quanta as GNU does; `ok` is false at the first bad or incomplete quantum (bytes before it are kept). */
export function decodeBase64(text: string, ignoreGarbage: boolean): { bytes: Uint8Array; ok: boolean } {
  const chars = Array.from(text).filter((c) => c !== "\n" && (!ignoreGarbage || c === "=" || ALPHABET.includes(c)));
  const out: number[] = [];
  const emit = (vals: number[]) => {
    if (vals.length >= 2) out.push(((vals[0] << 2) | (vals[1] >> 4)) & 0xff);
    if (vals.length >= 3) out.push(((vals[1] << 4) | (vals[2] >> 2)) & 0xff);
    if (vals.length >= 4) out.push(((vals[2] << 6) | vals[3]) & 0xff);
  };
  for (let i = 0; i < chars.length; i += 4) {
    const quantum = chars.slice(i, i + 4);
    const vals: number[] = [];
    let bad = false;
    for (let k = 0; k < quantum.length; k++) {
      const c = quantum[k];
      if (c === "=") {
        if (k < 2 || quantum.slice(k).some((x) => x !== "=")) bad = true;
        break;
      }
      const v = ALPHABET.indexOf(c);
      if (v < 0) {
        bad = true;
        break;
      }
      vals.push(v);
    }
    emit(vals);
    if (bad || quantum.length < 4) return { bytes: Uint8Array.from(out), ok: false };
  }
  return { bytes: Uint8Array.from(out), ok: true };
}

function base64(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "di", withArg: "w", long: { decode: ["d", false], "ignore-garbage": ["i", false], wrap: ["w", "required"] } });
  if (!opts) return 1;
  if (opts.operands.length > 1) {
    ctx.stderr(`base64: extra operand ‘${opts.operands[1]}’\nTry 'base64 --help' for more information.\n`);
    return 1;
  }
  const input = [...inputs(ctx, opts.operands)][0];
  if ("error" in input) {
    ctx.stderr(`base64: ${input.name}: ${input.error}\n`);
    return 1;
  }
  if (opts.has("d")) {
    const { bytes, ok } = decodeBase64(input.text, opts.has("i"));
    ctx.stdout(new TextDecoder().decode(bytes));
    if (!ok) {
      ctx.stderr("base64: invalid input\n");
      return 1;
    }
    return 0;
  }
  const wrapText = opts.last("w") ?? "76";
  if (!/^\d+$/.test(wrapText)) {
    ctx.stderr(`base64: invalid wrap size: ‘${wrapText}’\n`);
    return 1;
  }
  const wrap = Number(wrapText);
  const encoded = encodeBase64(new TextEncoder().encode(input.text));
  if (encoded === "") return 0;
  let out = "";
  if (wrap === 0) out = encoded;
  else for (let i = 0; i < encoded.length; i += wrap) out += encoded.slice(i, i + wrap) + "\n";
  ctx.stdout(out);
  return 0;
}

export const BASE64_COMMANDS: CommandTable = {
  base64: { impl: base64, kind: "utility", path: "/usr/bin/base64" },
};
