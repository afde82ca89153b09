// File programs over the virtual filesystem: cat, tee, mkdir, rmdir, rm, cp,
// mv, touch, chmod. Messages are coreutils' (mkdir quotes with ‘’ as it does
// in a UTF-8 locale; cat, rm, cp and mv with '').
import { basename, FsError, type FsStat } from "../fs.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { fsReason, options } from "./context.ts";

function cat(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "nbsAETvet", long: { number: ["n", false], "number-nonblank": ["b", false], "squeeze-blank": ["s", false], "show-ends": ["E", false], "show-all": ["A", false], "show-tabs": ["T", false] } });
  if (!opts) return 1;
  const number = opts.has("n") || opts.has("b");
  const nonblank = opts.has("b");
  const ends = opts.has("E") || opts.has("A") || opts.has("e");
  const tabs = opts.has("T") || opts.has("A") || opts.has("t");
  let status = 0;
  let lineNo = 0;
  const operands = opts.operands.length === 0 ? ["-"] : opts.operands;
  for (const name of operands) {
    let text: string;
    if (name === "-") text = ctx.stdin.readAll();
    else {
      const path = ctx.sh.resolve(name);
      try {
        text = ctx.sh.fs.readFile(path);
      } catch (e) {
        ctx.stderr(`cat: ${name}: ${fsReason(e)}\n`);
        status = 1;
        continue;
      }
    }
    if (number || ends || tabs || opts.has("s")) {
      const lines = text.split("\n");
      const last = lines.pop() as string;
      let out = "";
      let prevBlank = false;
      const emit = (line: string, nl: boolean) => {
        if (opts.has("s") && line === "" && nl) {
          if (prevBlank) return;
          prevBlank = true;
        } else prevBlank = false;
        let l = tabs ? line.replace(/\t/g, "^I") : line;
        if (number && !(nonblank && line === "")) l = `${String(++lineNo).padStart(6)}\t${l}`;
        out += l + (nl ? (ends ? "$\n" : "\n") : "");
      };
      for (const line of lines) emit(line, true);
      if (last !== "") emit(last, false);
      text = out;
    }
    ctx.stdout(text);
  }
  return status;
}

function tee(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "ai", long: { append: ["a", false], "ignore-interrupts": ["i", false] } });
  if (!opts) return 1;
  const text = ctx.stdin.readAll();
  let status = 0;
  for (const name of opts.operands) {
    try {
      ctx.sh.fs.writeFile(ctx.sh.resolve(name), text, { append: opts.has("a") });
    } catch (e) {
      ctx.stderr(`tee: ${name}: ${fsReason(e)}\n`);
      status = 1;
    }
  }
  ctx.stdout(text);
  return status;
}

function mkdir(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "pv", withArg: "m", long: { parents: ["p", false], verbose: ["v", false], mode: ["m", "required"] } });
  if (!opts) return 1;
  if (opts.operands.length === 0) {
    ctx.stderr("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of opts.operands) {
    const path = ctx.sh.resolve(name);
    try {
      if (opts.has("p")) {
        const parts = path.split("/").filter(Boolean);
        let prefix = "";
        for (const p of parts) {
          prefix += "/" + p;
          if (ctx.sh.fs.stat(prefix)?.kind === "file") {
            const shown = name.startsWith("/") ? prefix : prefix.slice(ctx.sh.vars.cwd === "/" ? 1 : ctx.sh.vars.cwd.length + 1) || prefix;
            throw new FsError(prefix === path.replace(/\/$/, "") ? "EEXIST" : "ENOTDIR", shown);
          }
        }
        const existed = ctx.sh.fs.exists(path);
        ctx.sh.fs.mkdir(path, { parents: true });
        if (opts.has("v") && !existed) ctx.stdout(`mkdir: created directory '${name}'\n`);
      } else {
        ctx.sh.fs.mkdir(path);
        if (opts.has("v")) ctx.stdout(`mkdir: created directory '${name}'\n`);
      }
    } catch (e) {
      const shown = e instanceof FsError && opts.has("p") && e.path !== path ? e.path : name;
      ctx.stderr(`mkdir: cannot create directory ‘${shown}’: ${fsReason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function rmdir(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "pv", long: { parents: ["p", false], verbose: ["v", false] } });
  if (!opts) return 1;
  if (opts.operands.length === 0) {
    ctx.stderr("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of opts.operands) {
    const path = ctx.sh.resolve(name);
    const st = ctx.sh.fs.stat(path);
    try {
      if (!st) throw new FsError("ENOENT", path);
      if (st.kind !== "dir") throw new FsError("ENOTDIR", path);
      ctx.sh.fs.remove(path);
    } catch (e) {
      ctx.stderr(`rmdir: failed to remove '${name}': ${fsReason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function rm(ctx: CommandContext): number {
  const opts = options(ctx, {
    flags: "rRfidv",
    long: { recursive: ["r", false], force: ["f", false], dir: ["d", false], verbose: ["v", false], interactive: ["i", "optional"], "no-preserve-root": ["npr", false] },
  });
  if (!opts) return 1;
  const recursive = opts.has("r") || opts.has("R");
  const force = opts.has("f");
  if (opts.operands.length === 0) {
    if (force) return 0;
    ctx.stderr("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of opts.operands) {
    const path = ctx.sh.resolve(name);
    if (recursive && path === "/" && !opts.has("npr")) {
      ctx.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    if (/(^|\/)\.\.?\/?$/.test(name)) {
      ctx.stderr(`rm: refusing to remove '.' or '..' directory: skipping '${name}'\n`);
      status = 1;
      continue;
    }
    let st: FsStat | undefined;
    try {
      st = ctx.sh.fs.stat(path);
      if (!st) {
        if (force) continue;
        throw new FsError("ENOENT", path);
      }
      if (st.kind === "dir" && !recursive) {
        if (!opts.has("d")) throw new FsError("EISDIR", path);
        ctx.sh.fs.remove(path);
      } else ctx.sh.fs.remove(path, { recursive });
      if (opts.has("v")) ctx.stdout(`removed ${st.kind === "dir" ? "directory " : ""}'${name}'\n`);
    } catch (e) {
      ctx.stderr(`rm: cannot remove '${name}': ${fsReason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

/** Copy a file or (with recursive) a directory tree; returns the messages of what failed. */
function copyTree(ctx: CommandContext, from: string, to: string, shownFrom: string, recursive: boolean): string[] {
  const fs = ctx.sh.fs;
  const st = fs.stat(from) as FsStat;
  if (st.kind === "file") {
    if (fs.isDir(to)) return [`cp: cannot overwrite directory '${to}' with non-directory`];
    try {
      fs.writeFile(to, fs.readFile(from), { mode: st.mode });
    } catch (e) {
      return [`cp: cannot create regular file '${to}': ${fsReason(e)}`];
    }
    return [];
  }
  if (!recursive) return [`cp: -r not specified; omitting directory '${shownFrom}'`];
  if ((to + "/").startsWith(from + "/")) return [`cp: cannot copy a directory, '${shownFrom}', into itself, '${to}'`];
  const target = fs.stat(to);
  if (target && target.kind !== "dir") return [`cp: cannot overwrite non-directory '${to}' with directory '${shownFrom}'`];
  try {
    if (!target) fs.mkdir(to);
  } catch (e) {
    return [`cp: cannot create directory '${to}': ${fsReason(e)}`];
  }
  const errors: string[] = [];
  for (const name of fs.readdir(from)) errors.push(...copyTree(ctx, `${from}/${name}`, `${to}/${name}`, `${shownFrom}/${name}`, true));
  return errors;
}

function cp(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "rRafvipnT", long: { recursive: ["r", false], archive: ["a", false], force: ["f", false], verbose: ["v", false], "no-clobber": ["n", false] } });
  if (!opts) return 1;
  return transfer(ctx, opts.operands, opts.has("r") || opts.has("R") || opts.has("a"), "cp", opts.has("n"));
}

function mv(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "fivnT", long: { force: ["f", false], verbose: ["v", false], "no-clobber": ["n", false] } });
  if (!opts) return 1;
  return transfer(ctx, opts.operands, true, "mv", opts.has("n"));
}

function transfer(ctx: CommandContext, operands: string[], recursive: boolean, cmd: "cp" | "mv", noClobber: boolean): number {
  const fs = ctx.sh.fs;
  if (operands.length === 0) {
    ctx.stderr(`${cmd}: missing file operand\nTry '${cmd} --help' for more information.\n`);
    return 1;
  }
  if (operands.length === 1) {
    ctx.stderr(`${cmd}: missing destination file operand after '${operands[0]}'\nTry '${cmd} --help' for more information.\n`);
    return 1;
  }
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const destPath = ctx.sh.resolve(dest);
  const destIsDir = fs.isDir(destPath);
  if (sources.length > 1 && !destIsDir) {
    ctx.stderr(fs.exists(destPath) ? `${cmd}: target '${dest}' is not a directory\n` : `${cmd}: target '${dest}': No such file or directory\n`);
    return 1;
  }
  let status = 0;
  for (const src of sources) {
    const from = ctx.sh.resolve(src).replace(/(.)\/$/, "$1");
    const st = fs.stat(from);
    if (!st) {
      ctx.stderr(`${cmd}: cannot stat '${src}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const to = destIsDir ? `${destPath === "/" ? "" : destPath}/${basename(from)}` : destPath.replace(/(.)\/$/, "$1");
    if (to === from) {
      ctx.stderr(`${cmd}: '${src}' and '${destIsDir ? `${dest.replace(/\/$/, "")}/${basename(from)}` : dest}' are the same file\n`);
      status = 1;
      continue;
    }
    if (noClobber && fs.exists(to)) continue;
    if (cmd === "mv") {
      const target = fs.stat(to);
      if (target && target.kind !== "dir" && st.kind === "dir") {
        ctx.stderr(`mv: cannot overwrite non-directory '${to}' with directory '${src}'\n`);
        status = 1;
        continue;
      }
      try {
        fs.rename(from, to);
      } catch (e) {
        const shownTo = destIsDir ? `${dest.replace(/\/$/, "")}/${basename(from)}` : dest;
        const reason = e instanceof FsError && e.code === "EINVAL" ? `mv: cannot move '${src}' to a subdirectory of itself, '${shownTo}'` : `mv: cannot move '${src}' to '${shownTo}': ${fsReason(e)}`;
        ctx.stderr(reason + "\n");
        status = 1;
      }
      continue;
    }
    const errors = copyTree(ctx, from, to, src, recursive);
    for (const e of errors) ctx.stderr(e + "\n");
    if (errors.length > 0) status = 1;
  }
  return status;
}

function touch(ctx: CommandContext): number {
  const opts = options(ctx, { flags: "acm", withArg: "dtr", long: { "no-create": ["c", false], date: ["d", "required"] } });
  if (!opts) return 1;
  if (opts.operands.length === 0) {
    ctx.stderr("touch: missing file operand\nTry 'touch --help' for more information.\n");
    return 1;
  }
  let status = 0;
  const now = ctx.sh.shared.now();
  for (const name of opts.operands) {
    const path = ctx.sh.resolve(name);
    try {
      if (ctx.sh.fs.exists(path)) ctx.sh.fs.setMtime(path, now);
      else if (!opts.has("c")) ctx.sh.fs.writeFile(path, "");
    } catch (e) {
      ctx.stderr(`touch: cannot touch '${name}': ${fsReason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

/** chmod MODE FILE...: octal (755) or symbolic ([ugoa]*[+-=][rwx]*, comma-separated). */
export function applyMode(current: number, spec: string, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === "" || m[1].includes("a") ? "ugo" : m[1];
    let bits = 0;
    for (const p of m[3]) bits |= p === "r" ? 4 : p === "w" ? 2 : p === "x" || (p === "X" && (isDir || (current & 0o111) !== 0)) ? 1 : 0;
    for (const w of who) {
      const shift = w === "u" ? 6 : w === "g" ? 3 : 0;
      const mask = bits << shift;
      // Without "who", +w and = respect the umask (022): group and others get no write bit.
      const effective = m[1] === "" && (m[2] === "+" || m[2] === "=") && w !== "u" ? mask & ~(2 << shift) : mask;
      if (m[2] === "+") mode |= effective;
      else if (m[2] === "-") mode &= ~mask;
      else mode = (mode & ~(7 << shift)) | effective;
    }
  }
  return mode;
}

function chmod(ctx: CommandContext): number {
  const args = ctx.args.filter((a) => a !== "-R" && a !== "-v" && a !== "--");
  const [spec, ...files] = args;
  if (spec === undefined) {
    ctx.stderr("chmod: missing operand\nTry 'chmod --help' for more information.\n");
    return 1;
  }
  if (files.length === 0) {
    ctx.stderr(`chmod: missing operand after ‘${spec}’\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  for (const name of files) {
    const path = ctx.sh.resolve(name);
    const st = ctx.sh.fs.stat(path);
    if (!st) {
      ctx.stderr(`chmod: cannot access '${name}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const mode = applyMode(st.mode, spec, st.kind === "dir");
    if (mode === undefined) {
      ctx.stderr(`chmod: invalid mode: ‘${spec}’\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    ctx.sh.fs.chmod(path, mode);
  }
  return status;
}

export const FILE_COMMANDS: CommandTable = {
  cat: { impl: cat, kind: "utility", path: "/usr/bin/cat" },
  tee: { impl: tee, kind: "utility", path: "/usr/bin/tee" },
  mkdir: { impl: mkdir, kind: "utility", path: "/usr/bin/mkdir" },
  rmdir: { impl: rmdir, kind: "utility", path: "/usr/bin/rmdir" },
  rm: { impl: rm, kind: "utility", path: "/usr/bin/rm" },
  cp: { impl: cp, kind: "utility", path: "/usr/bin/cp" },
  mv: { impl: mv, kind: "utility", path: "/usr/bin/mv" },
  touch: { impl: touch, kind: "utility", path: "/usr/bin/touch" },
  chmod: { impl: chmod, kind: "utility", path: "/usr/bin/chmod" },
};
