// Identifiers the container runtime hands out: 64 hex characters, either
// random from the cluster's stream (container and sandbox ids) or derived from
// a name so the same image always has the same digest in every cluster.
import { Random, hex } from "../sim/random.ts";

/** 64 random hex characters from the cluster's random source. */
export function randomHex64(random: Random): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += hex(random.uint32(), 8);
  return out;
}

/** 64 hex characters that depend only on `text` (FNV-1a seeds a private generator). */
export function stableHex64(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return randomHex64(new Random(h));
}

/** 32 hex characters (systemd machine-id form). */
export function randomHex32(random: Random): string {
  return randomHex64(random).slice(0, 32);
}
