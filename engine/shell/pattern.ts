// Shell patterns (*, ?, [...]) for pathname expansion, ${X#pattern}, case and
// [[ == ]]. A pattern is a string in which characters that were quoted are
// escaped with a backslash, so `"*".yaml` arrives as `\*.yaml` and matches
// only itself.
import { characterClass } from "./regex.ts";
import { compareBytes, type VirtualFs } from "./fs.ts";

type Token = { t: "lit"; c: string } | { t: "any" } | { t: "star" } | { t: "set"; negate: boolean; test: (c: string) => boolean };

/** Escape every pattern character in `s`, so the result matches `s` literally. */
export function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]]/g, "\\$&");
}

/** Remove the escaping backslashes of a pattern (what the word is when nothing matches). */
export function unescapeGlob(s: string): string {
  return s.replace(/\\(.)/gsu, "$1");
}

/** True when the pattern has an unescaped *, ? or a [...] set. */
export function hasGlob(pattern: string): boolean {
  return compileGlob(pattern).some((t) => t.t !== "lit");
}

export function compileGlob(pattern: string): Token[] {
  const chars = Array.from(pattern);
  const out: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\\" && i + 1 < chars.length) {
      out.push({ t: "lit", c: chars[++i] });
    } else if (c === "*") {
      if (out.at(-1)?.t !== "star") out.push({ t: "star" });
    } else if (c === "?") {
      out.push({ t: "any" });
    } else if (c === "[") {
      const set = parseSet(chars, i + 1);
      if (set) {
        out.push(set.token);
        i = set.end;
      } else out.push({ t: "lit", c });
    } else out.push({ t: "lit", c });
  }
  return out;
}

function parseSet(chars: string[], start: number): { token: Token; end: number } | undefined {
  let i = start;
  let negate = false;
  if (chars[i] === "!" || chars[i] === "^") {
    negate = true;
    i++;
  }
  const tests: Array<(c: string) => boolean> = [];
  let first = true;
  while (i < chars.length) {
    const c = chars[i];
    if (c === "]" && !first) {
      const test = (x: string) => tests.some((t) => t(x));
      return { token: { t: "set", negate, test }, end: i };
    }
    first = false;
    if (c === "[" && chars[i + 1] === ":") {
      const close = chars.indexOf(":", i + 2);
      if (close > 0 && chars[close + 1] === "]") {
        const cls = characterClass(chars.slice(i + 2, close).join(""));
        tests.push(cls ? (x) => cls(x.codePointAt(0) ?? 0) : () => false);
        i = close + 2;
        continue;
      }
    }
    let lo = c;
    if (c === "\\" && i + 1 < chars.length) lo = chars[++i];
    if (chars[i + 1] === "-" && chars[i + 2] !== undefined && chars[i + 2] !== "]") {
      let hi = chars[i + 2];
      i += 2;
      if (hi === "\\" && i + 1 < chars.length) hi = chars[++i];
      const a = lo.codePointAt(0) ?? 0;
      const b = hi.codePointAt(0) ?? 0;
      tests.push((x) => {
        const cp = x.codePointAt(0) ?? 0;
        return cp >= a && cp <= b;
      });
    } else {
      const lit = lo;
      tests.push((x) => x === lit);
    }
    i++;
  }
  return undefined;
}

function tokenMatches(t: Token, c: string): boolean {
  switch (t.t) {
    case "lit":
      return t.c === c;
    case "any":
      return true;
    case "set":
      return t.test(c) !== t.negate;
    case "star":
      return false;
  }
}

/** Does the whole of `s` match? Greedy with one star remembered: linear-ish, never exponential. */
export function matchTokens(tokens: Token[], s: string | string[]): boolean {
  const chars = typeof s === "string" ? Array.from(s) : s;
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < chars.length) {
    const t = tokens[ti];
    if (t !== undefined && t.t !== "star" && tokenMatches(t, chars[si])) {
      ti++;
      si++;
    } else if (t?.t === "star") {
      starTi = ti++;
      starSi = si;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      si = ++starSi;
    } else return false;
  }
  while (tokens[ti]?.t === "star") ti++;
  return ti === tokens.length;
}

export function globMatch(pattern: string, s: string): boolean {
  return matchTokens(compileGlob(pattern), s);
}

/** ${X#p} ${X##p} ${X%p} ${X%%p}: remove the shortest/longest prefix or suffix matching `pattern`. */
export function trimPattern(value: string, pattern: string, side: "prefix" | "suffix", longest: boolean): string {
  const tokens = compileGlob(pattern);
  const chars = Array.from(value);
  const n = chars.length;
  for (let k = 0; k <= n; k++) {
    const len = longest ? n - k : k;
    const part = side === "prefix" ? chars.slice(0, len) : chars.slice(n - len);
    if (matchTokens(tokens, part)) return (side === "prefix" ? chars.slice(len) : chars.slice(0, n - len)).join("");
  }
  return value;
}

/** ${X/p/r}, ${X//p/r}, ${X/#p/r}, ${X/%p/r}: replace the longest match of `pattern`. */
export function replacePattern(value: string, pattern: string, replacement: string, mode: "first" | "all" | "start" | "end"): string {
  const tokens = compileGlob(pattern);
  const chars = Array.from(value);
  const n = chars.length;
  if (mode === "start") {
    for (let end = n; end >= 0; end--) if (matchTokens(tokens, chars.slice(0, end))) return replacement + chars.slice(end).join("");
    return value;
  }
  if (mode === "end") {
    for (let start = 0; start <= n; start++) if (matchTokens(tokens, chars.slice(start))) return chars.slice(0, start).join("") + replacement;
    return value;
  }
  if (pattern === "") return value;
  let out = "";
  let i = 0;
  while (i < n) {
    let found = -1;
    for (let end = n; end > i; end--) {
      if (matchTokens(tokens, chars.slice(i, end))) {
        found = end;
        break;
      }
    }
    if (found > i) {
      out += replacement;
      i = found;
      if (mode === "first") return out + chars.slice(i).join("");
    } else out += chars[i++];
  }
  return out;
}

/**
 * Pathname expansion against the virtual filesystem: the sorted matches, or
 * undefined when nothing matches (the word then stays as typed).
 */
export function expandGlob(fs: VirtualFs, cwd: string, pattern: string, compare: (a: string, b: string) => number = compareBytes): string[] | undefined {
  if (!hasGlob(pattern)) return undefined;
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/");
  let paths: string[] = [absolute ? "/" : ""];
  for (let k = absolute ? 1 : 0; k < segments.length; k++) {
    const seg = segments[k];
    const last = k === segments.length - 1;
    if (seg === "") {
      if (last) paths = paths.filter((p) => fs.isDir(toAbs(cwd, p))).map((p) => (p.endsWith("/") ? p : p + "/"));
      continue;
    }
    const next: string[] = [];
    if (!hasGlob(seg)) {
      const name = unescapeGlob(seg);
      for (const p of paths) {
        const candidate = join(p, name);
        if (last ? fs.exists(toAbs(cwd, candidate)) : fs.isDir(toAbs(cwd, candidate))) next.push(candidate);
      }
    } else {
      const tokens = compileGlob(seg);
      const dotOk = seg.startsWith(".") || seg.startsWith("\\.");
      for (const p of paths) {
        let names: string[];
        try {
          names = fs.readdir(toAbs(cwd, p || "."));
        } catch {
          continue;
        }
        for (const name of names) {
          if (name.startsWith(".") && !dotOk) continue;
          if (!matchTokens(tokens, name)) continue;
          const candidate = join(p, name);
          if (!last && !fs.isDir(toAbs(cwd, candidate))) continue;
          next.push(candidate);
        }
      }
    }
    paths = next;
    if (paths.length === 0) return undefined;
  }
  return paths.length === 0 ? undefined : paths.sort(compare);
}

function join(dir: string, name: string): string {
  if (dir === "") return name;
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function toAbs(cwd: string, p: string): string {
  if (p.startsWith("/")) return p;
  return cwd === "/" ? `/${p}` : `${cwd}/${p}`;
}
