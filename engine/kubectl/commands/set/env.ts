// `kubectl set env` (kubectl pkg/cmd/set/set_env.go, v1.32): KEY=VALUE and
// KEY- on the containers of pod templates (-c picks them, wildcards allowed,
// init containers included), --list to show them, --overwrite=false to refuse
// changing a value. Updated variables keep their place; new ones go last.
import type { EnvVar } from "../../../api/types.ts";

interface KeyRef {
  name?: string;
  key: string;
}
/** The references an env var's valueFrom may hold. */
interface EnvVarSource {
  configMapKeyRef?: KeyRef;
  secretKeyRef?: KeyRef;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string };
}
import { isEnvVarName } from "../../../api/validation/names.ts";
import type { Command, Invocation } from "../../command.ts";
import { BOOL, type FlagDef, STRING } from "../../flags.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import { dryRunStrategy, fetchTargets, objectPrinter, type Target } from "../mutation.ts";
import { objectName, podSpecOf, selectContainers, sendChange, setFlags } from "./common.ts";

const FLAGS: FlagDef[] = [
  ...setFlags("If true, set env will NOT contact api-server but run locally.", "If true, select all resources in the namespace of the specified resource types", "the resource to update the env"),
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

/** envutil.GetEnvVarRefString. */
function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ""}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ""}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : "";
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return "invalid valueFrom";
}

function run(inv: Invocation): number {
  const f = inv.flags;
  if (f.bool("all") && f.string("selector") !== "") throw new KubectlError("cannot set --all and --selector at the same time");
  const split = splitEnv(inv.args);
  if (!split) throw new KubectlError(`all resources must be specified before environment changes: ${inv.args.join(" ")}`);
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, dryRun);
  if (f.bool("local")) throw new KubectlError("--local is not available in this simulated cluster");
  if (f.strings("filename").length === 0 && split.resources.length < 1) {
    throw new KubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  const list = f.bool("list");
  if (list && f.string("output") !== "") throw new KubectlError("--list and --output may not be specified together");
  if (f.strings("keys").length > 0 && f.string("from") === "") throw new KubectlError("when specifying --keys, a configmap or secret must be provided with --from");
  if (f.string("from") !== "") throw new KubectlError("--from is not available in this simulated cluster");
  const { env, remove } = parseEnv([...f.strings("env"), ...split.env], inv.io.stdin);
  const prefix = f.string("prefix");
  for (const e of env) e.name = prefix + e.name;

  const { targets, errors: fetchErrors } = fetchTargets(inv, { args: split.resources, all: f.bool("all"), selector: f.string("selector"), filenames: f.strings("filename") });
  if (fetchErrors.length > 0) throw new AggregateError(fetchErrors);
  const selector = f.string("containers");
  const changed: Array<{ t: Target; original: unknown; error?: string }> = [];
  for (const t of targets) {
    const original = toWire(t.object);
    try {
      const spec = podSpecOf(t);
      const containers = selectContainers(spec, selector);
      if (containers.length === 0) {
        inv.io.stderr(`Warning: ${t.type.kind}/${t.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
      }
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
        if (list) {
          let out = `# ${t.type.kind} ${t.name}, container ${c.name}\n`;
          for (const e of c.env ?? []) out += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom as EnvVarSource)}\n` : `${e.name}=${e.value ?? ""}\n`;
          inv.io.stdout(out);
        }
      }
      changed.push({ t, original });
    } catch (err) {
      if (!(err instanceof KubectlError)) throw err;
      changed.push({ t, original, error: err.message });
    }
  }
  if (list) return 0;
  const errors: unknown[] = [];
  for (const { t, original, error } of changed) {
    if (error !== undefined) {
      errors.push(new KubectlError(`error: ${objectName(t)} ${error}\n`));
      continue;
    }
    const err = sendChange({ inv, target: t, original, dryRun, printer, operation: "env updated", failure: (m) => `failed to patch env update to pod template: ${m}` });
    if (err) errors.push(err);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
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
  kubectl set env deployment/web --list`,
  use: "env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]",
  flags: FLAGS,
  run,
};
