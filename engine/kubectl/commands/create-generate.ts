// What kubectl's `create` generators share (pkg/cmd/create, v1.32): the one
// NAME argument, the flags, sending (or on a client dry run only printing)
// the object they build, and the data sources of config maps and secrets
// (--from-file, --from-literal, --from-env-file).
import { ApiError } from "../../api/errors.ts";
import type { KubeObject } from "../../api/types.ts";
import { type Invocation, usageError } from "../command.ts";
import { BOOL, type FlagDef } from "../flags.ts";
import { sha256Hex } from "../../util/sha256.ts";
import { KubectlError } from "../types.ts";
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  fieldManagerFlag,
  operationPrinter,
  PRINT_FLAGS,
  printWarnings,
  SAVE_CONFIG_FLAG,
  sortedJson,
  VALIDATE_FLAG,
  validationDirective,
  withApplyAnnotation,
} from "../write.ts";

/** NameFromCommandArgs: the one NAME before any `--`. */
export function nameArg(inv: Invocation): string {
  const n = inv.argsLenAtDash === -1 ? inv.args.length : inv.argsLenAtDash;
  if (n !== 1) throw usageError(inv.path, `exactly one NAME is required, got ${n}`);
  return inv.args[0]!;
}

/**
 * Send (or, on a client dry run, only print) a generated object. `failure`
 * is how the generator words a server error (`failed to create deployment: `).
 */
export function createGenerated(inv: Invocation, resource: string, obj: KubeObject, failure?: string, saveConfig = inv.flags.bool("save-config")): number {
  const dryRun: DryRun = dryRunStrategy(inv);
  const fieldValidation = validationDirective(inv.flags);
  const print = operationPrinter(inv, "created", dryRun, { typed: true });
  const type = inv.ctx.api.registry.get(resource)!;
  if (type.namespaced && inv.explicitNamespace) obj.metadata.namespace = inv.namespace;
  if (saveConfig) obj = withApplyAnnotation(obj, true);
  if (dryRun === "client") {
    print(obj);
    return 0;
  }
  const warnings: string[] = [];
  let created: KubeObject;
  try {
    created = inv.ctx.api.create(resource, obj, { namespace: type.namespaced ? inv.namespace : undefined, dryRun: dryRun === "server", fieldValidation, warnings });
  } catch (err) {
    // The generators wrap the server's error in their own words (even Invalid).
    if (failure === undefined || !(err instanceof ApiError)) throw err;
    throw new KubectlError(`${failure}${err.message}`);
  }
  printWarnings(inv, warnings);
  print(created);
  return 0;
}

export function requireFlags(inv: Invocation, ...names: string[]): void {
  const missing = names.filter((n) => !inv.flags.changedFlag(n));
  if (missing.length > 0) throw new KubectlError(`required flag(s) ${missing.map((n) => JSON.stringify(n)).join(", ")} not set`);
}

export function generatorFlags(fieldManager = "kubectl-create"): FlagDef[] {
  return [DRY_RUN_FLAG, fieldManagerFlag(fieldManager), ...PRINT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG];
}

/** The learner's file, or kubectl's error for a missing one. */
export function readSource(inv: Invocation, path: string): string {
  const text = inv.ctx.readFile(path);
  if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
  return text;
}

/** ParseFileSource: `[key=]path`, the key defaulting to the file's base name. */
export function fileSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq < 0) return [source.split("/").filter((s) => s !== "").pop() ?? source, source];
  const key = source.slice(0, eq);
  const path = source.slice(eq + 1);
  if (key === "") throw new KubectlError(`key name for file path ${path} missing`);
  if (path === "") throw new KubectlError(`file path for key name ${key} missing`);
  if (path.includes("=")) throw new KubectlError("key names or file paths cannot contain '='");
  return [key, path];
}

/** ParseLiteralSource: `key=value` (the value may hold more `=`). */
export function literalSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq < 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** An env file's `key=value` lines; blank lines and `#` comments skipped. */
export function envFileEntries(inv: Invocation, path: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = readSource(inv, path).split("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, "").trimStart();
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq < 0) {
      // Without a value, kubectl takes the variable from its own environment: here, none.
      return;
    }
    const key = line.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
      throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1})`);
    }
    out.push([key, line.slice(eq + 1)]);
  });
  return out;
}

/**
 * --from-file sources: `[key=]file`, or a directory, each regular file in it
 * under its own name (a directory takes no key).
 */
export function fileEntries(inv: Invocation, sources: readonly string[]): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const source of sources) {
    const [key, path] = fileSource(source);
    const files = inv.ctx.readDir?.(path);
    if (files === undefined) {
      entries.push([key, readSource(inv, path)]);
      continue;
    }
    if (source.includes("=")) throw new KubectlError("cannot give a key name for a directory path");
    for (const name of files) entries.push([name, readSource(inv, `${path.replace(/\/+$/, "")}/${name}`)]);
  }
  return entries;
}

export function dataSources(inv: Invocation): Array<[string, string]> {
  const f = inv.flags;
  const envFiles = f.strings("from-env-file");
  if (envFiles.length > 0 && (f.strings("from-file").length > 0 || f.strings("from-literal").length > 0)) {
    throw new KubectlError("from-env-file cannot be combined with from-file or from-literal");
  }
  const entries = fileEntries(inv, f.strings("from-file"));
  for (const s of f.strings("from-literal")) entries.push(literalSource(s));
  for (const path of envFiles) entries.push(...envFileEntries(inv, path));
  return entries;
}

export const DATA_FLAGS = (what: string): FlagDef[] => [
  BOOL("append-hash", `Append a hash of the ${what} to its name.`),
  { name: "from-env-file", type: "stringSlice", default: "[]", usage: `Specify the path to a file to read lines of key=val pairs to create a ${what}.` },
  { name: "from-literal", type: "stringArray", default: "[]", usage: `Specify a key and literal value to insert in ${what} (i.e. mykey=somevalue)` },
];


/**
 * --append-hash (kubectl's hash.ConfigMapHash and SecretHash): the name
 * gets `-` and ten hex digits of a SHA-256 of the object's kind, name, type
 * and data, with 0, 1, 3, a and e swapped for g, h, k, m and t.
 */
export function appendHash(obj: KubeObject): void {
  const rec = obj as unknown as { kind: string; type?: string; data?: Record<string, string>; metadata: { name: string } };
  const encoded: Record<string, unknown> = { kind: rec.kind, name: rec.metadata.name, data: rec.data ?? {} };
  if (rec.kind === "Secret") encoded.type = rec.type ?? "";
  const hex = sha256Hex(new TextEncoder().encode(sortedJson(encoded))).slice(0, 10);
  const swaps: Record<string, string> = { "0": "g", "1": "h", "3": "k", a: "m", e: "t" };
  rec.metadata.name += "-" + [...hex].map((c) => swaps[c] ?? c).join("");
}
