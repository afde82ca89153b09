// `kubectl set env` (kubectl pkg/cmd/set/set_env.go, v1.32): KEY=VALUE and
// KEY- on the containers of pod templates (-c picks them, wildcards allowed,
// init containers included), --from a config map or secret (its keys as
// references, --keys to pick, --prefix), --list to show them (--resolve to
// look references up), --overwrite=false to refuse changing a value, and
// --local for objects read from -f files. Updated variables keep their
// place; new ones go last.
import type { EnvVar } from "../../../api/types.ts";
import { isEnvVarName } from "../../../api/validation/names.ts";
import type { Command, Invocation } from "../../command.ts";
import { BOOL, type FlagDef, STRING } from "../../flags.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import { dryRunStrategy, fetchTargets, LOCAL_DRY_RUN_SERVER, localTargets, objectPrinter, type Target, type Targets } from "../mutation.ts";
import { type EnvVarSource, refString, refValue, ResolveError, ResourceStore } from "./env-resolve.ts";
import { objectName, podSpecOf, selectContainers, sendChange, setFlags } from "./common.ts";

const FLAGS: FlagDef[] = [
  ...setFlags("If true, set env will NOT contact api-server but run locally.", {
    allUsage: "If true, select all resources in the namespace of the specified resource types",
    filenameUsage: "the resource to update the env",
    record: false,
  }),
  STRING("containers", "The names of containers in the selected pod templates to change - may use wildcards", { shorthand: "c", default: "*" }),
  { name: "env", shorthand: "e", type: "stringArray", default: "[]", usage: "Specify a key-value pair for an environment variable to set into each container." },
  STRING("from", "The name of a resource from which to inject environment variables"),
  { name: "keys", type: "stringSlice", default: "[]", usage: "Comma-separated list of keys to import from specified resource" },
  BOOL(
    "list",
    "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.",
  ),
  BOOL("overwrite", "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.", { default: "true" }),
  STRING("prefix", "Prefix to append to variable names"),
  BOOL("resolve", "If true, show secret or configmap references when listing variables"),
];

/** envutil.SplitEnvironmentFromResources. */
function splitEnv(args: readonly string[]): { resources: string[]; env: string[] } | undefined {
  const resources: string[] = [];
  const env: string[] = [];
  for (const s of args) {
    const isEnv = /^.+=/s.test(s) || s.endsWith("-");
    if (isEnv) env.push(s);
    else if (env.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, env };
}

/** envutil.ParseEnv. */
function parseEnv(specs: readonly string[], stdin: string): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const names = new Set<string>();
  for (const spec of specs) {
    if (spec === "-") {
      for (let line of stdin.split("\n")) {
        const hash = line.indexOf("#");
        if (hash >= 0) line = line.slice(0, hash);
        const eq = line.indexOf("=");
        if (eq >= 0) env.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
      }
    } else if (spec.includes("=")) {
      const eq = spec.indexOf("=");
      const name = spec.slice(0, eq);
      const errs = isEnvVarName(name);
      if (errs.length > 0) throw new KubectlError(`${JSON.stringify(name)} is not a valid key name: ${errs.join(";")}`);
      names.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith("-")) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown environment variable: ${spec}`);
    }
  }
  if (remove.some((r) => names.has(r))) throw new KubectlError("can not both modify and remove the same environment variable in the same command");
  return { env, remove };
}

/** updateEnv: replace in place, drop removals, append the new. */
function updateEnv(existing: readonly EnvVar[], env: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/**
 * --from: a reference for each key of the config maps and secrets named
 * (--keys picks). kubectl walks the keys in Go map order, which is random;
 * here they go in sorted order. Keys that are not variable names are
 * upper-cased with `_` for the other characters, with a warning.
 */
function envFrom(inv: Invocation, from: Targets, keys: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const t of from.targets) {
    const kind = t.object.kind;
    if (t.type.group !== "" || (kind !== "Secret" && kind !== "ConfigMap")) throw new KubectlError("unsupported resource specified in --from");
    const data = (t.object as { data?: Record<string, string> }).data ?? {};
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const name = key.replace(/[^a-zA-Z0-9_]/g, "_").toUpperCase();
      if (name !== key) inv.io.stderr(`Warning: key ${key} transferred to ${name}\n`);
      const ref = { name: t.name, key };
      out.push({ name, valueFrom: kind === "Secret" ? { secretKeyRef: ref } : { configMapKeyRef: ref } } as EnvVar);
    }
  }
  return out;
}

function run(inv: Invocation): number {
  const f = inv.flags;
  if (f.bool("all") && f.string("selector") !== "") throw new KubectlError("cannot set --all and --selector at the same time");
  const split = splitEnv(inv.args);
  if (!split) throw new KubectlError(`all resources must be specified before environment changes: ${inv.args.join(" ")}`);
  const dryRun = dryRunStrategy(inv);
  const local = f.bool("local");
  const printer = objectPrinter(inv, dryRun, { form: "typed" });
  // Validate()
  if (local && dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
  const filenames = f.strings("filename");
  if (filenames.length === 0 && split.resources.length < 1) {
    throw new KubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  const list = f.bool("list");
  if (list && f.string("output") !== "") throw new KubectlError("--list and --output may not be specified together");
  if (f.strings("keys").length > 0 && f.string("from") === "") throw new KubectlError("when specifying --keys, a configmap or secret must be provided with --from");
  // RunEnv()
  const { env, remove } = parseEnv([...f.strings("env"), ...split.env], inv.io.stdin);
  const select = (args: readonly string[]): Targets =>
    local
      ? localTargets(inv, filenames, { typed: true })
      : fetchTargets(inv, { args, all: f.bool("all"), selector: f.string("selector"), filenames });
  if (f.string("from") !== "") {
    const from = select([f.string("from")]);
    if (from.errors.length > 0) throw new AggregateError(from.errors);
    env.push(...envFrom(inv, from, f.strings("keys")));
  }
  const prefix = f.string("prefix");
  for (const e of env) e.name = prefix + e.name;

  const { targets, errors: fetchErrors } = select(split.resources);
  if (fetchErrors.length > 0) throw new AggregateError(fetchErrors);
  const selector = f.string("containers");
  const store = new ResourceStore(inv.ctx, inv.namespace);
  const changed: Array<{ t: Target; original: unknown; error?: string }> = [];
  for (const t of targets) {
    const original = toWire(t.object);
    try {
      const spec = podSpecOf(t);
      const containers = selectContainers(spec, selector);
      if (containers.length === 0) {
        inv.io.stderr(`Warning: ${t.object.kind}/${t.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
      }
      let unresolved = false;
      for (const c of containers) {
        if (!f.bool("overwrite")) {
          for (const e of env) {
            const current = (c.env ?? []).find((x) => x.name === e.name);
            if (current && (current.value ?? "") !== (e.value ?? "")) {
              throw new KubectlError(`'${current.name}' already has a value (${current.value ?? ""}), and --overwrite is false`);
            }
          }
        }
        c.env = updateEnv(c.env ?? [], env, remove);
        if (c.env.length === 0) delete c.env;
        if (list) unresolved = listEnv(inv, t, c, store) || unresolved;
      }
      if (unresolved) throw new KubectlError("failed to retrieve valueFrom references");
      changed.push({ t, original });
    } catch (err) {
      if (!(err instanceof KubectlError)) throw err;
      changed.push({ t, original, error: err.message });
    }
  }
  // kubectl drops the errors of a listing.
  if (list) return 0;
  const errors: unknown[] = [];
  for (const { t, original, error } of changed) {
    if (error !== undefined) {
      errors.push(new KubectlError(`error: ${objectName(t)} ${error}\n`));
      continue;
    }
    let sent = false;
    const err = sendChange({
      inv,
      target: t,
      original,
      dryRun,
      printer,
      operation: "env updated",
      failure: (m) => `failed to patch env update to pod template: ${m}`,
      onSent: () => (sent = true),
    });
    if (err) errors.push(err);
    // Checked only once a change went through, and then it ends the command.
    if (sent && env.length === 0 && split.env.length === 0) throw new KubectlError("at least one environment variable must be provided");
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/**
 * --list: a container's variables, references as comments (or, with
 * --resolve, their values; what cannot be resolved goes to stderr, grouped
 * by error). Returns whether something could not be resolved.
 */
function listEnv(inv: Invocation, t: Target, c: { name: string; env?: EnvVar[] }, store: ResourceStore): boolean {
  const resolve = inv.flags.bool("resolve");
  let out = `# ${t.object.kind} ${t.name}, container ${c.name}\n`;
  const failures = new Map<string, string[]>();
  for (const e of c.env ?? []) {
    if (!e.valueFrom) {
      out += `${e.name}=${e.value ?? ""}\n`;
      continue;
    }
    const from = e.valueFrom as EnvVarSource;
    if (resolve) {
      try {
        out += `${e.name}=${refValue(store, from, t.object, c as never)}\n`;
        continue;
      } catch (err) {
        if (!(err instanceof ResolveError)) throw err;
        failures.set(err.message, [...(failures.get(err.message) ?? []), e.name]);
      }
    }
    out += `# ${e.name} from ${refString(from)}\n`;
  }
  inv.io.stdout(out);
  const lines = [...failures].map(([msg, vars]) => `error retrieving reference for ${[...vars].sort().join(", ")}: ${msg}`).sort();
  for (const line of lines) inv.io.stderr(line + "\n");
  return failures.size > 0;
}

export const setEnvCommand: Command = {
  name: "env",
  short: "Update environment variables on a pod template",
  long: `Update environment variables on a pod template.

 List the environment variables of pods, deployments and replica sets, set new ones (KEY=VALUE) and remove others (KEY-). By default every container, init containers included, is changed; --containers (-c) picks containers by name, with * as a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Set MODE=fast in every container of the deployment web
  kubectl set env deployment/web MODE=fast
  
  # Only in the container app
  kubectl set env deployment/web -c app MODE=fast
  
  # Remove the variable MODE
  kubectl set env deployment/web MODE-
  
  # Show the environment of every container
  kubectl set env deployment/web --list
  
  # One variable per key of the config map settings, named APP_<KEY>
  kubectl set env deployment/web --from=configmap/settings --prefix=APP_
  
  # Only the key password of the secret db
  kubectl set env deployment/web --from=secret/db --keys=password
  
  # Show a manifest on disk with a new variable, without the server
  kubectl set env -f web.yaml MODE=fast --local -o yaml`,
  use: "env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]",
  flags: FLAGS,
  run,
};
