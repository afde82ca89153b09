// What a container's command line makes the main process do. The image's own
// program keeps the catalogue behaviour; a few command lines that lessons and
// the Kubernetes docs use are read for their timing: `sleep N`, a shell
// script of `touch`/`rm`/`sleep`/`exit` steps, `while true` loops, `true`,
// `false`, `exit N`. Anything else runs until stopped and exits on SIGTERM.
import type { Container } from "../api/types.ts";
import type { FileLifetime, ProcessBehaviour } from "./behaviour.ts";
import type { ImageRecord } from "./images.ts";

const SHELLS = new Set(["sh", "bash", "ash", "dash", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/bash"]);
const FOREVER = new Set(["sleep infinity", "tail -f /dev/null"]);

/** The behaviour of `container` running `image` (undefined image: an image the catalogue lacks but a lesson allows). */
export function resolveProcess(image: ImageRecord | undefined, container: Container): ProcessBehaviour {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const base = image?.run ?? { stopAfterMs: 100 };
  if (argv.length === 0) return withEnv(defaultRun(image, container), container);
  const program = basename(argv[0]!);
  if (image?.subcommands && !container.command && image.subcommands[argv[0]!]) return image.subcommands[argv[0]!]!;
  if (image?.subcommands && image.programs?.includes(argv[0]!) && argv[1] && image.subcommands[argv[1]]) {
    return image.subcommands[argv[1]]!;
  }
  if (SHELLS.has(argv[0]!) || SHELLS.has(program)) {
    const c = argv.indexOf("-c");
    if (c >= 0 && argv[c + 1] !== undefined) return script(argv[c + 1]!);
    return interactive(container);
  }
  if (image?.programs?.includes(argv[0]!) || image?.programs?.includes(program)) return withEnv(base, container);
  return command(argv, container) ?? { stopAfterMs: 100 };
}

function defaultRun(image: ImageRecord | undefined, container: Container): ProcessBehaviour {
  const base = image?.run ?? { stopAfterMs: 100 };
  // A shell or REPL image without a terminal exits at once; with stdin open it waits (and ignores SIGTERM as PID 1).
  if (base.exitAfterMs !== undefined && image?.shell && container.stdin) return {};
  return base;
}

function withEnv(b: ProcessBehaviour, container: Container): ProcessBehaviour {
  if (!b.requiresEnv || b.requiresEnv.length === 0) return b;
  // envFrom cannot be seen from here: assume it provides what is needed.
  if ((container.envFrom?.length ?? 0) > 0) return b;
  const names = new Set((container.env ?? []).map((e) => e.name));
  for (const r of b.requiresEnv) {
    if (!r.anyOf.some((n) => names.has(n))) {
      return { ...b, exitAfterMs: r.exitAfterMs, exitCode: r.exitCode, listens: [], logs: r.log ? [r.log] : b.logs };
    }
  }
  return b;
}

function interactive(container: Container): ProcessBehaviour {
  return container.stdin ? {} : { exitAfterMs: 20, exitCode: 0 };
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** Seconds in `sleep`'s argument forms: `30`, `1.5`, `10m`, `2h`, `1d`; undefined for `infinity`. */
export function sleepSeconds(arg: string | undefined): number | undefined {
  if (arg === undefined) return 0;
  if (arg === "infinity" || arg === "inf") return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const n = Number.parseFloat(m[1]!);
  return n * ({ "": 1, s: 1, m: 60, h: 3600, d: 86_400 } as Record<string, number>)[m[2]!]!;
}

/** A single non-shell command as PID 1. */
function command(argv: string[], container: Container): ProcessBehaviour | undefined {
  const program = basename(argv[0]!);
  switch (program) {
    case "sleep": {
      const s = sleepSeconds(argv[1]);
      // sleep installs no SIGTERM handler, and PID 1 ignores unhandled signals: killed at the end of the grace period.
      return s === undefined ? {} : { exitAfterMs: Math.round(s * 1000), exitCode: 0 };
    }
    case "true":
    case "echo":
    case "date":
    case "env":
    case "printenv":
    case "ls":
    case "hostname":
      return { exitAfterMs: 20, exitCode: 0 };
    case "false":
      return { exitAfterMs: 20, exitCode: 1 };
    case "tail":
      return argv.includes("-f") ? {} : { exitAfterMs: 20, exitCode: 0 };
    case "cat":
      return container.stdin ? {} : { exitAfterMs: 20, exitCode: 0 };
    case "ping":
    case "top":
      return {};
    default:
      return undefined;
  }
}

/** Split a script into simple commands on `;`, `&&`, `||` and newlines (quotes respected). */
function statements(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = "";
      cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === ";" || ch === "\n") {
      out.push(cur);
      cur = "";
    } else if ((ch === "&" || ch === "|") && text[i + 1] === ch) {
      out.push(cur);
      cur = "";
      i++;
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

function words(statement: string): string[] {
  return (statement.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^['"]|['"]$/g, ""));
}

/**
 * A `for NAME in ITEMS; do ...; done` loop starting at statements[i] whose
 * items and body can be read: how many items, the body's statements (the
 * `do` dropped) and the index of its `done`. Undefined for anything else
 * (items from a substitution, a nested loop, `sleep infinity`): those are
 * taken to run until killed, as before.
 */
function forLoop(list: readonly string[], i: number): { items: number; body: string[]; end: number } | undefined {
  const m = /^for\s+[A-Za-z_]\w*\s+in\s+(.*)$/.exec(list[i]!);
  if (!m || m[1]!.includes("$") || m[1]!.includes("`")) return undefined;
  const body: string[] = [];
  for (let j = i + 1; j < list.length; j++) {
    let st = list[j]!;
    if (st === "done") {
      if (body.length === 0 || !list[i + 1]!.startsWith("do")) return undefined;
      return { items: words(m[1]!).length, body, end: j };
    }
    if (j === i + 1) {
      if (st !== "do" && !st.startsWith("do ")) return undefined;
      st = st.slice(2).trim();
      if (st === "") continue;
    }
    const head = words(st)[0];
    if (head === "for" || head === "while" || head === "until" || head === "do") return undefined;
    if (head === "sleep" && sleepSeconds(words(st)[1]) === undefined) return undefined;
    body.push(st);
  }
  return undefined;
}

/** `sh -c '...'`: walk the statements, keeping time and the files they create and remove. */
function script(text: string): ProcessBehaviour {
  const files = new Map<string, FileLifetime[]>();
  let t = 0;
  const touch = (path: string) => {
    const list = files.get(path) ?? [];
    const open = list.find((f) => f.untilMs === undefined);
    if (!open) list.push({ path, fromMs: t });
    files.set(path, list);
  };
  const remove = (path: string) => {
    for (const f of files.get(path) ?? []) if (f.untilMs === undefined) f.untilMs = t;
  };
  const done = (b: ProcessBehaviour): ProcessBehaviour => {
    const all = [...files.values()].flat();
    return all.length > 0 ? { ...b, files: all } : b;
  };
  const list = statements(text);
  for (let i = 0; i < list.length; i++) {
    const st = list[i]!;
    const loop = forLoop(list, i);
    if (loop) {
      // A `for x in a b c` loop runs its body once per item: its sleeps add up.
      for (const inner of loop.body) {
        const iw = words(inner);
        if (iw[0] === "touch") iw.slice(1).forEach(touch);
        const redirect = /(?:^|\s)>{1,2}\s*(\S+)/.exec(inner);
        if (redirect) touch(redirect[1]!);
      }
      t += loop.items * loop.body.reduce((ms, inner) => {
        const iw = words(inner);
        return iw[0] === "sleep" ? ms + Math.round((sleepSeconds(iw[1]) ?? 0) * 1000) : ms;
      }, 0);
      i = loop.end;
      continue;
    }
    const w = words(st);
    const head = w[0] ?? "";
    // A loop that never ends: its body's files appear once, then the shell runs until killed.
    if (/^while\s+(true|:|\[\s*1\s*\])/.test(st) || head === "do" || /^for\s*\(\(\s*;\s*;\s*\)\)/.test(st)) {
      for (const inner of statements(text.slice(text.indexOf(st) + st.length))) {
        const iw = words(inner.replace(/^do\s+/, ""));
        if (iw[0] === "touch") iw.slice(1).forEach(touch);
        const redirect = /(?:^|\s)>{1,2}\s*(\S+)/.exec(inner);
        if (redirect) touch(redirect[1]!);
      }
      return done({});
    }
    if (FOREVER.has(w.slice(0, 2).join(" ")) || (head === "tail" && w.includes("-f"))) return done({});
    const redirect = /(?:^|\s)>{1,2}\s*(\S+)/.exec(st);
    if (redirect && head !== "rm") touch(redirect[1]!);
    switch (head) {
      case "exec": {
        const rest = command(w.slice(1), { name: "", stdin: false } as Container);
        if (rest?.exitAfterMs === undefined) return done(rest ?? {});
        return done({ exitAfterMs: t + rest.exitAfterMs, exitCode: rest.exitCode });
      }
      case "sleep": {
        const s = sleepSeconds(w[1]);
        if (s === undefined) return done({});
        t += Math.round(s * 1000);
        break;
      }
      case "touch":
        w.slice(1).forEach(touch);
        break;
      case "rm":
        w.slice(1).filter((a) => !a.startsWith("-")).forEach(remove);
        break;
      case "exit":
        return done({ exitAfterMs: t + 20, exitCode: Number.parseInt(w[1] ?? "0", 10) || 0 });
      case "false":
        // The last command's status is the script's; an early `false` without `set -e` changes nothing.
        break;
    }
  }
  const last = words(statements(text).at(-1) ?? "")[0];
  return done({ exitAfterMs: t + 20, exitCode: last === "false" ? 1 : 0 });
}
