// Seeded random source. Nothing in engine/ may use Math.random: every random
// choice (uids, name suffixes, IP picks) comes from the cluster's own stream,
// so the same seed and inputs give byte-identical clusters.

/** Kubernetes' "safe encoding" alphabet (apimachinery rand.String): no vowels, no 0/1/3. */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 expands one seed into the four words of xoshiro128**.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** Next unsigned 32-bit integer (xoshiro128**). */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.uint32() / 4294967296) * n);
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet = SAFE_ALPHABET): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A random (version 4) UUID, as the API server gives every object. */
  uuid(): string {
    const w = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    const timeHi = ((w[1] & 0x0fff) | 0x4000) >>> 0;
    const clockSeq = (((w[2] >>> 16) & 0x3fff) | 0x8000) >>> 0;
    return `${hex(w[0], 8)}-${hex(w[1] >>> 16, 4)}-${hex(timeHi, 4)}-${hex(clockSeq, 4)}-${hex(w[2] & 0xffff, 4)}${hex(w[3], 8)}`;
  }

  /** The internal state, for snapshots. */
  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  restore(state: readonly [number, number, number, number]): void {
    [this.a, this.b, this.c, this.d] = state;
  }
}

const HEX = "0123456789abcdef";
/** The two hex digits of every byte: a 32-bit word is four lookups, not eight concatenations. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => HEX[b >>> 4] + HEX[b & 15]);

/** n.toString(16).padStart(width, "0") for a 32-bit unsigned n, without the number-to-text machinery. */
export function hex(n: number, width: number): string {
  if (width > 8 || n >= 16 ** width || n < 0 || !Number.isInteger(n)) return n.toString(16).padStart(width, "0");
  if (width === 8) return BYTE_HEX[n >>> 24] + BYTE_HEX[(n >>> 16) & 255] + BYTE_HEX[(n >>> 8) & 255] + BYTE_HEX[n & 255];
  if (width === 4) return BYTE_HEX[n >>> 8] + BYTE_HEX[n & 255];
  let out = "";
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) out += HEX[(n >>> shift) & 15];
  return out;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
