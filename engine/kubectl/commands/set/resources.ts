// `kubectl set resources` (kubectl pkg/cmd/set/set_resources.go, v1.32):
// --limits and --requests (`cpu=100m,memory=256Mi`) on the selected
// containers of pod templates, init containers included. The server checks
// the result (requests above limits...).
import { formatQuantity, parseQuantity, QuantityParseError } from "../../../api/validation/quantity.ts";
import type { Command, Invocation } from "../../command.ts";
import { type FlagDef, STRING } from "../../flags.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import { dryRunStrategy, fetchTargets, LOCAL_DRY_RUN_SERVER, LOCAL_RESOURCE_ERROR, localTargets, objectPrinter } from "../mutation.ts";
import { objectName, podSpecOf, selectContainers, sendChange, setFlags } from "./common.ts";

const REQUIREMENTS_USAGE =
  "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.";

const FLAGS: FlagDef[] = [
  ...setFlags("If true, set resources will NOT contact api-server but run locally."),
  STRING("containers", "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards", {
    shorthand: "c",
    default: "*",
  }),
  STRING("limits", REQUIREMENTS_USAGE),
  STRING("requests", REQUIREMENTS_USAGE),
];

/** populateResourceListV1: `cpu=100m,memory=256Mi` as canonical quantities. */
function resourceList(spec: string): Map<string, string> {
  const out = new Map<string, string>();
  if (spec === "") return out;
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    try {
      out.set(parts[0]!, formatQuantity(parseQuantity(parts[1]!)));
    } catch (err) {
      if (err instanceof QuantityParseError) throw new KubectlError(err.message);
      throw err;
    }
  }
  return out;
}

function run(inv: Invocation): number {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, dryRun, { form: "typed" });
  const local = f.bool("local");
  if (local && inv.args.length > 0) throw new KubectlError(LOCAL_RESOURCE_ERROR);
  const { targets, errors: fetchErrors } = local
    ? localTargets(inv, f.strings("filename"), { typed: true })
    : fetchTargets(inv, { args: inv.args, all: f.bool("all"), selector: f.string("selector"), filenames: f.strings("filename") });
  if (fetchErrors.length > 0) throw new AggregateError(fetchErrors);
  if (local && dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
  if (f.bool("all") && f.string("selector") !== "") throw new KubectlError("cannot set --all and --selector at the same time");
  const limitsText = f.string("limits");
  const requestsText = f.string("requests");
  if (limitsText === "" && requestsText === "") throw new KubectlError("you must specify an update to requests or limits (in the form of --requests/--limits)");
  const limits = resourceList(limitsText);
  const requests = resourceList(requestsText);
  const selector = f.string("containers");

  const errors: unknown[] = [];
  const changed: Array<{ t: (typeof targets)[number]; original: unknown; error?: string }> = [];
  for (const t of targets) {
    const original = toWire(t.object);
    try {
      const containers = selectContainers(podSpecOf(t), selector);
      if (containers.length === 0) {
        errors.push(new KubectlError(`error: unable to find container named ${selector}`));
        continue;
      }
      for (const c of containers) {
        const r = (c.resources ??= {});
        if (limitsText !== "") r.limits = { ...(r.limits ?? {}), ...Object.fromEntries(limits) };
        if (requestsText !== "") r.requests = { ...(r.requests ?? {}), ...Object.fromEntries(requests) };
      }
      changed.push({ t, original });
    } catch (err) {
      if (!(err instanceof KubectlError)) throw err;
      changed.push({ t, original, error: err.message });
    }
  }
  for (const { t, original, error } of changed) {
    if (error !== undefined) {
      errors.push(new KubectlError(`error: ${objectName(t)} ${error}\n`));
      continue;
    }
    const err = sendChange({
      inv,
      target: t,
      original,
      dryRun,
      printer,
      operation: "resource requirements updated",
      failure: (m) => `failed to patch resources update to pod template ${m}`,
    });
    if (err) errors.push(err);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const setResourcesCommand: Command = {
  name: "resources",
  short: "Update resource requests/limits on objects with pod templates",
  long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): replicationcontroller, statefulset, daemonset, deployment, replicaset, pod`,
  example: `  # Limit every container of the deployment web to 200 millicores and 512Mi of memory
  kubectl set resources deployment/web --limits=cpu=200m,memory=512Mi
  
  # Requests and limits for the container app only
  kubectl set resources deployment/web -c app --requests=cpu=100m,memory=256Mi --limits=cpu=500m,memory=512Mi`,
  use: "resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]",
  flags: FLAGS,
  run,
};
