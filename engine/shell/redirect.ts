// Redirections: opening files in the virtual filesystem, here-documents and
// here-strings, duplicating and closing descriptors. Failures are bash's
// messages ("bash: x.yaml: No such file or directory") and the command does
// not run.
import type { Redirect } from "./ast.ts";
import type { Expander } from "./expand.ts";
import { FsError, type VirtualFs, strerror } from "./fs.ts";
import { CLOSED_SINK, type FdTable, FileSink, InputStream, NULL_SINK, type Sink } from "./io.ts";

export class RedirectError extends Error {}

export interface RedirectHost {
  readonly fs: VirtualFs;
  readonly expander: Expander;
  resolve(path: string): string;
  /** The terminal's output, for /dev/tty. */
  terminal(): Sink;
}

/** Apply `redirects` to `fds` in order (later ones see earlier ones, as `>f 2>&1` needs). */
export async function applyRedirects(redirects: Redirect[], fds: FdTable, host: RedirectHost): Promise<void> {
  for (const r of redirects) await applyOne(r, fds, host);
}

async function applyOne(r: Redirect, fds: FdTable, host: RedirectHost): Promise<void> {
  const defaultFd = r.op.startsWith("<") ? 0 : 1;
  const fd = r.fd ?? defaultFd;
  if (fd > 9) throw new RedirectError(`${fd}: Bad file descriptor`);
  switch (r.op) {
    case "<<":
    case "<<-": {
      const h = r.heredoc;
      const body = !h ? "" : h.quoted ? h.body.map((p) => (p.type === "lit" ? p.text : "")).join("") : await host.expander.heredoc(h.body);
      fds.set(fd, { kind: "in", input: new InputStream(body) });
      return;
    }
    case "<<<": {
      const text = await host.expander.string(r.target);
      fds.set(fd, { kind: "in", input: new InputStream(text + "\n") });
      return;
    }
    case ">&":
    case "<&": {
      const target = await host.expander.string(r.target);
      if (target === "-") {
        fds.set(fd, r.op === ">&" ? { kind: "out", sink: CLOSED_SINK } : undefined);
        return;
      }
      if (/^[0-9]+$/.test(target)) {
        const src = fds.get(Number(target));
        if (!src || Number(target) > 9) throw new RedirectError(`${target}: Bad file descriptor`);
        fds.set(fd, src);
        return;
      }
      if (r.op === "<&" || r.fd !== undefined) throw new RedirectError(`${r.target.raw}: ambiguous redirect`);
      // `>& file` means `&> file`.
      const sink = open(await host.expander.redirectTarget(r.target), false, host);
      fds.set(1, { kind: "out", sink });
      fds.set(2, { kind: "out", sink });
      return;
    }
    case "&>":
    case "&>>": {
      const sink = open(await host.expander.redirectTarget(r.target), r.op === "&>>", host);
      fds.set(1, { kind: "out", sink });
      fds.set(2, { kind: "out", sink });
      return;
    }
    case ">":
    case ">|":
    case ">>":
      fds.set(fd, { kind: "out", sink: open(await host.expander.redirectTarget(r.target), r.op === ">>", host, fds) });
      return;
    case "<":
    case "<>": {
      const name = await host.expander.redirectTarget(r.target);
      if (name === "/dev/null") {
        fds.set(fd, { kind: "in", input: new InputStream("") });
        return;
      }
      if (name === "/dev/stdin") return;
      const path = host.resolve(name);
      try {
        if (r.op === "<>" && !host.fs.exists(path)) host.fs.writeFile(path, "");
        const input = new InputStream(host.fs.readFile(path));
        input.regularFileSize = host.fs.stat(path)?.size;
        fds.set(fd, { kind: "in", input });
      } catch (e) {
        throw new RedirectError(`${name}: ${e instanceof FsError ? strerror(e.code) : String(e)}`);
      }
      return;
    }
  }
}

/** Open a file for writing as open(2) with O_CREAT and O_TRUNC (or O_APPEND) would. */
function open(name: string, append: boolean, host: RedirectHost, fds?: FdTable): Sink {
  if (name === "/dev/null") return NULL_SINK;
  if (name === "/dev/stdout" && fds) return fds.out(1);
  if (name === "/dev/stderr" && fds) return fds.out(2);
  if (name === "/dev/tty") return host.terminal();
  if (name === "") throw new RedirectError(": No such file or directory");
  const path = host.resolve(name);
  try {
    if (host.fs.isDir(path)) throw new FsError("EISDIR", path);
    if (append) host.fs.writeFile(path, "", { append: true });
    else host.fs.writeFile(path, "");
  } catch (e) {
    throw new RedirectError(`${name}: ${e instanceof FsError ? strerror(e.code) : String(e)}`);
  }
  return new FileSink(host.fs, path);
}
