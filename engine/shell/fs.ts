// The learner's filesystem: an in-memory tree of text files and directories
// with sizes, modes and virtual mtimes. Paths given to VirtualFs are absolute;
// the shell resolves relative paths against its working directory first.
// Totals are bounded (bytes, nodes, depth) so a learner cannot exhaust memory;
// going over is ENOSPC, worded as coreutils word it.
import { utf8Length } from "../util/utf8.ts";

export { utf8Length };

export type FsErrorCode = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOTEMPTY" | "ENOSPC" | "EINVAL" | "ENAMETOOLONG" | "EBUSY";

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  ENOSPC: "No space left on device",
  EINVAL: "Invalid argument",
  ENAMETOOLONG: "File name too long",
  EBUSY: "Device or resource busy",
};

/** strerror(3) for the codes the filesystem raises. */
export function strerror(code: FsErrorCode): string {
  return MESSAGES[code];
}

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  constructor(code: FsErrorCode, path: string) {
    super(MESSAGES[code]);
    this.name = "FsError";
    this.code = code;
    this.path = path;
  }
}

export interface FsLimits {
  /** Total bytes of file content (UTF-8). */
  maxBytes: number;
  /** Files and directories together. */
  maxNodes: number;
  /** Path components below the root. */
  maxDepth: number;
}

/** The one device file: reads as empty, swallows writes (without a /dev directory to list). */
export const DEV_NULL = "/dev/null";

export const DEFAULT_FS_LIMITS: FsLimits = { maxBytes: 1 << 20, maxNodes: 2000, maxDepth: 32 };
const MAX_NAME = 255;

export interface FsStat {
  kind: "file" | "dir";
  /** Bytes of content for a file; 4096 for a directory, as ext4 reports. */
  size: number;
  mtime: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
  /** Link count as `ls -l` shows it: 1 for a file, 2 + subdirectories for a directory. */
  nlink: number;
}

interface FileNode {
  kind: "file";
  content: string;
  bytes: number;
  mtime: number;
  mode: number;
}
interface DirNode {
  kind: "dir";
  entries: Map<string, Node>;
  mtime: number;
  mode: number;
}
type Node = FileNode | DirNode;

/** JSON form of a node: entries as [name, node] pairs so any name survives. */
export type FsNodeSnapshot =
  | { t: "f"; m: number; p: number; c: string }
  | { t: "d"; m: number; p: number; e: Array<[string, FsNodeSnapshot]> };
export interface FsSnapshot {
  version: 1;
  root: FsNodeSnapshot;
}


/** Lexically normalised absolute path; keeps one trailing slash ("dir/") as a "must be a directory" mark. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  const joined = "/" + parts.join("/");
  return path.endsWith("/") && parts.length > 0 && !path.endsWith("/.") ? joined + "/" : joined;
}

/** `path` resolved against `cwd` (both may be relative to it), normalised. */
export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith("/") ? path : `${cwd}/${path}`);
}

export function dirname(path: string): string {
  const p = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const i = p.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return p.slice(0, i);
}

export function basename(path: string): string {
  const p = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (p === "/") return "/";
  return p.slice(p.lastIndexOf("/") + 1);
}

function split(path: string): { parts: string[]; wantDir: boolean } {
  const wantDir = path.length > 1 && path.endsWith("/");
  return { parts: path.split("/").filter((s) => s !== "" && s !== "."), wantDir };
}

export class VirtualFs {
  private root: DirNode;
  private bytes = 0;
  private nodes = 1;
  readonly limits: FsLimits;
  /** Virtual clock for mtimes (ms since the epoch). The Shell sets it when it creates the filesystem. */
  now: () => number;

  constructor(options: { now?: () => number; limits?: Partial<FsLimits> } = {}) {
    this.now = options.now ?? (() => 0);
    this.limits = { ...DEFAULT_FS_LIMITS, ...options.limits };
    this.root = { kind: "dir", entries: new Map(), mtime: this.now(), mode: 0o755 };
  }

  /** Bytes and nodes in use. */
  usage(): { bytes: number; nodes: number } {
    return { bytes: this.bytes, nodes: this.nodes };
  }

  private lookup(path: string): Node | undefined {
    const { parts, wantDir } = split(path);
    let node: Node = this.root;
    for (const name of parts) {
      if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
      const next: Node | undefined = name === ".." ? undefined : node.entries.get(name);
      if (!next) return undefined;
      node = next;
    }
    if (wantDir && node.kind !== "dir") throw new FsError("ENOTDIR", path);
    return node;
  }

  /** The directory that holds `path` and the last name; ENOENT/ENOTDIR when the parent is missing. */
  private parentOf(path: string): { dir: DirNode; name: string } {
    const { parts } = split(path);
    const name = parts.pop();
    if (name === undefined) throw new FsError("EBUSY", path);
    if (name.length > MAX_NAME) throw new FsError("ENAMETOOLONG", path);
    let node: Node = this.root;
    for (const p of parts) {
      if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
      const next = node.entries.get(p);
      if (!next) throw new FsError("ENOENT", path);
      node = next;
    }
    if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
    return { dir: node, name };
  }

  stat(path: string): FsStat | undefined {
    if (path === DEV_NULL) return { kind: "file", size: 0, mtime: 0, mode: 0o666, nlink: 1 };
    let node: Node | undefined;
    try {
      node = this.lookup(path);
    } catch {
      return undefined;
    }
    if (!node) return undefined;
    if (node.kind === "file") return { kind: "file", size: node.bytes, mtime: node.mtime, mode: node.mode, nlink: 1 };
    let subdirs = 0;
    for (const e of node.entries.values()) if (e.kind === "dir") subdirs++;
    return { kind: "dir", size: 4096, mtime: node.mtime, mode: node.mode, nlink: 2 + subdirs };
  }

  exists(path: string): boolean {
    return this.stat(path) !== undefined;
  }

  isDir(path: string): boolean {
    return this.stat(path)?.kind === "dir";
  }

  isFile(path: string): boolean {
    return this.stat(path)?.kind === "file";
  }

  readFile(path: string): string {
    if (path === DEV_NULL) return "";
    const node = this.lookup(path);
    if (!node) throw new FsError("ENOENT", path);
    if (node.kind === "dir") throw new FsError("EISDIR", path);
    return node.content;
  }

  /** Entry names of a directory in byte order (LC_ALL=C), without "." and "..". */
  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (!node) throw new FsError("ENOENT", path);
    if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
    return [...node.entries.keys()].sort(compareBytes);
  }

  /** Create or replace (or append to) a file. The parent directory must exist. */
  writeFile(path: string, content: string, options: { append?: boolean; mode?: number } = {}): void {
    if (path === DEV_NULL) return;
    const { dir, name } = this.parentOf(path);
    if (path.endsWith("/")) throw new FsError(dir.entries.get(name)?.kind === "dir" ? "EISDIR" : "ENOTDIR", path);
    const existing = dir.entries.get(name);
    if (existing?.kind === "dir") throw new FsError("EISDIR", path);
    const added = utf8Length(content);
    const now = this.now();
    if (existing) {
      const next = options.append ? existing.bytes + added : added;
      if (this.bytes - existing.bytes + next > this.limits.maxBytes) throw new FsError("ENOSPC", path);
      this.bytes += next - existing.bytes;
      existing.content = options.append ? existing.content + content : content;
      existing.bytes = next;
      existing.mtime = now;
      return;
    }
    this.checkNew(path, added);
    dir.entries.set(name, { kind: "file", content, bytes: added, mtime: now, mode: options.mode ?? 0o644 });
    dir.mtime = now;
    this.bytes += added;
    this.nodes++;
  }

  private checkNew(path: string, bytes: number): void {
    if (split(path).parts.length > this.limits.maxDepth) throw new FsError("ENAMETOOLONG", path);
    if (this.nodes + 1 > this.limits.maxNodes || this.bytes + bytes > this.limits.maxBytes) throw new FsError("ENOSPC", path);
  }

  /** Create a directory; with `parents`, missing parents too and no error if it exists. */
  mkdir(path: string, options: { parents?: boolean } = {}): void {
    if (options.parents) {
      const { parts } = split(path);
      let node: DirNode = this.root;
      let prefix = "";
      for (const name of parts) {
        prefix += "/" + name;
        const next = node.entries.get(name);
        if (next?.kind === "file") throw new FsError(prefix === normalizePath(path).replace(/\/$/, "") ? "EEXIST" : "ENOTDIR", path);
        if (next) {
          node = next;
          continue;
        }
        if (name.length > MAX_NAME) throw new FsError("ENAMETOOLONG", path);
        this.checkNew(prefix, 0);
        const made: DirNode = { kind: "dir", entries: new Map(), mtime: this.now(), mode: 0o755 };
        node.entries.set(name, made);
        node.mtime = this.now();
        this.nodes++;
        node = made;
      }
      return;
    }
    const { dir, name } = this.parentOf(path);
    if (dir.entries.has(name)) throw new FsError("EEXIST", path);
    this.checkNew(path, 0);
    dir.entries.set(name, { kind: "dir", entries: new Map(), mtime: this.now(), mode: 0o755 });
    dir.mtime = this.now();
    this.nodes++;
  }

  /** Remove a file, or a directory (empty unless `recursive`). */
  remove(path: string, options: { recursive?: boolean } = {}): void {
    const { dir, name } = this.parentOf(path);
    const node = dir.entries.get(name);
    if (!node) throw new FsError("ENOENT", path);
    if (node.kind === "dir" && !options.recursive && node.entries.size > 0) throw new FsError("ENOTEMPTY", path);
    const { bytes, nodes } = measure(node);
    dir.entries.delete(name);
    dir.mtime = this.now();
    this.bytes -= bytes;
    this.nodes -= nodes;
  }

  /** rename(2): replaces a file at `to`, or an empty directory with a directory. */
  rename(from: string, to: string): void {
    const src = this.parentOf(from);
    const node = src.dir.entries.get(src.name);
    if (!node) throw new FsError("ENOENT", from);
    const dst = this.parentOf(to);
    if (node.kind === "dir" && normalizePath(to + "/").startsWith(normalizePath(from + "/"))) throw new FsError("EINVAL", to);
    const existing = dst.dir.entries.get(dst.name);
    if (existing === node) return;
    if (existing) {
      if (existing.kind === "dir" && node.kind !== "dir") throw new FsError("EISDIR", to);
      if (existing.kind !== "dir" && node.kind === "dir") throw new FsError("ENOTDIR", to);
      if (existing.kind === "dir" && existing.entries.size > 0) throw new FsError("ENOTEMPTY", to);
      const m = measure(existing);
      this.bytes -= m.bytes;
      this.nodes -= m.nodes;
    }
    src.dir.entries.delete(src.name);
    dst.dir.entries.set(dst.name, node);
    src.dir.mtime = dst.dir.mtime = this.now();
  }

  /** Set a node's mtime (touch). */
  setMtime(path: string, mtime: number): void {
    const node = this.lookup(path);
    if (!node) throw new FsError("ENOENT", path);
    node.mtime = mtime;
  }

  chmod(path: string, mode: number): void {
    const node = this.lookup(path);
    if (!node) throw new FsError("ENOENT", path);
    node.mode = mode & 0o7777;
  }

  snapshot(): FsSnapshot {
    return { version: 1, root: snapshotNode(this.root) };
  }

  /** Replace the whole tree; throws FsError("ENOSPC") if the snapshot exceeds the limits. */
  restore(snapshot: FsSnapshot): void {
    if (snapshot?.version !== 1 || snapshot.root?.t !== "d") throw new FsError("EINVAL", "/");
    const root = restoreNode(snapshot.root, 0, this.limits.maxDepth);
    if (root.kind !== "dir") throw new FsError("EINVAL", "/");
    const { bytes, nodes } = measure(root);
    if (bytes > this.limits.maxBytes || nodes > this.limits.maxNodes) throw new FsError("ENOSPC", "/");
    this.root = root;
    this.bytes = bytes;
    this.nodes = nodes;
  }
}

/** Byte-order comparison as LC_ALL=C sorts (UTF-16 order equals code point order outside surrogates). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function measure(node: Node): { bytes: number; nodes: number } {
  if (node.kind === "file") return { bytes: node.bytes, nodes: 1 };
  let bytes = 0;
  let nodes = 1;
  for (const child of node.entries.values()) {
    const m = measure(child);
    bytes += m.bytes;
    nodes += m.nodes;
  }
  return { bytes, nodes };
}

function snapshotNode(node: Node): FsNodeSnapshot {
  if (node.kind === "file") return { t: "f", m: node.mtime, p: node.mode, c: node.content };
  return { t: "d", m: node.mtime, p: node.mode, e: [...node.entries].map(([name, child]) => [name, snapshotNode(child)]) };
}

function restoreNode(s: FsNodeSnapshot, depth: number, maxDepth: number): Node {
  if (depth > maxDepth) throw new FsError("ENAMETOOLONG", "/");
  const mtime = Number.isFinite(s.m) ? s.m : 0;
  const mode = Number.isInteger(s.p) ? s.p & 0o7777 : s.t === "d" ? 0o755 : 0o644;
  if (s.t === "f") {
    const content = String(s.c ?? "");
    return { kind: "file", content, bytes: utf8Length(content), mtime, mode };
  }
  const entries = new Map<string, Node>();
  for (const [name, child] of s.e ?? []) {
    if (typeof name !== "string" || name === "" || name === "." || name === ".." || name.includes("/")) throw new FsError("EINVAL", name);
    entries.set(name, restoreNode(child, depth + 1, maxDepth));
  }
  return { kind: "dir", entries, mtime, mode };
}
