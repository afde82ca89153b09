// `kubectl scale` (kubectl pkg/cmd/scale, pkg/scale, v1.32): a merge patch of
// the scale subresource, or with --current-replicas/--resource-version a read
// of the Scale, the preconditions checked, and a PUT. --timeout then polls the
// Scale each second until its status has the new size.
import { ApiError, isConflict } from "../../api/errors.ts";
import { type Command, type Invocation } from "../command.ts";
import { BOOL, type FlagDef } from "../flags.ts";
import { AggregateError, KubectlError } from "../types.ts";
import {
  CHANGE_CAUSE,
  changeCause,
  DRY_RUN_FLAG,
  dryRunStrategy,
  fetchTargets,
  filenameFlags,
  objectPrinter,
  PRINT_FLAGS,
  RECORD_FLAG,
  recording,
  SELECTOR_FLAG,
} from "./mutation.ts";

const FLAGS: FlagDef[] = [
  BOOL("all", "Select all resources in the namespace of the specified resource types"),
  ...PRINT_FLAGS,
  {
    name: "current-replicas",
    type: "int",
    default: "-1",
    usage: "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.",
  },
  DRY_RUN_FLAG,
  ...filenameFlags("identifying the resource to set a new size"),
  RECORD_FLAG,
  { name: "replicas", type: "int", default: "0", usage: "The new desired number of replicas. Required." },
  {
    name: "resource-version",
    type: "string",
    usage: "Precondition for resource version. Requires that the current resource version match this value in order to scale.",
  },
  SELECTOR_FLAG,
  {
    name: "timeout",
    type: "duration",
    default: "0s",
    usage:
      "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
  },
];

/** utilerrors.Aggregate's text: one error as is, several in brackets. */
function aggregateText(errors: readonly unknown[]): string {
  const msgs = errors.map((e) => (e instanceof Error ? e.message : String(e)));
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(", ")}]`;
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  // cobra's MarkFlagRequired is checked before the command runs.
  if (!f.changedFlag("replicas")) throw new KubectlError('required flag(s) "replicas" not set');
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, dryRun);
  const replicas = f.int("replicas");
  const current = f.int("current-replicas");
  if (replicas < 0) throw new KubectlError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  if (current < -1) throw new KubectlError("The --current-replicas must specify an integer of -1 or greater");

  const { targets, errors } = fetchTargets(inv, { args: inv.args, all: f.bool("all"), selector: f.string("selector"), filenames: f.strings("filename") });
  const resourceVersion = f.string("resource-version");
  if (resourceVersion !== "" && targets.length > 1) throw new KubectlError("cannot use --resource-version with multiple resources");
  if (targets.length === 0) {
    throw new KubectlError(errors.length > 0 ? `no objects passed to scale ${aggregateText(errors)}` : "no objects passed to scale");
  }
  const api = inv.ctx.api;
  const withPrecondition = current !== -1 || resourceVersion !== "";
  for (const t of targets) {
    if (dryRun === "client") {
      printer.print(t.object, "scaled");
      continue;
    }
    const server = dryRun === "server";
    if (withPrecondition) {
      const scale = api.getScale(t.type.resource, t.namespace, t.name);
      const actual = scale.spec.replicas ?? 0;
      if (current !== -1 && actual !== current) throw new KubectlError(`Expected replicas to be ${current}, was ${actual}`);
      if (resourceVersion !== "" && scale.metadata.resourceVersion !== resourceVersion) {
        throw new KubectlError(`Expected resource version to be ${resourceVersion}, was ${scale.metadata.resourceVersion}`);
      }
      updateScale(inv, t.type.resource, t.namespace, t.name, { ...scale, spec: { replicas } }, server);
    } else {
      api.patchScale(t.type.resource, t.namespace, t.name, "merge", { spec: { replicas } }, { dryRun: server });
    }
    const timeout = f.duration("timeout");
    if (timeout !== 0 && dryRun === "none") await waitForReplicas(inv, t.type.resource, t.namespace, t.name, replicas, timeout);
    if (recording(inv)) {
      try {
        api.patch(t.type.resource, t.namespace, t.name, "merge", { metadata: { annotations: { [CHANGE_CAUSE]: changeCause(inv) } } });
      } catch {
        // kubectl only logs a failed record (at -v=4).
      }
    }
    printer.print(t.object, "scaled");
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** A Scale PUT; a conflict is retried by kubectl, and cannot happen here between two calls. */
function updateScale(inv: Invocation, resource: string, ns: string | undefined, name: string, scale: unknown, dryRun: boolean): void {
  try {
    inv.ctx.api.updateScale(resource, ns, name, scale, { dryRun });
  } catch (err) {
    if (err instanceof ApiError && isConflict(err)) throw new KubectlError("timed out waiting for the condition");
    throw err;
  }
}

/** WaitForScaleHasDesiredReplicas: poll at once, then every second, until the size is reached. */
async function waitForReplicas(inv: Invocation, resource: string, ns: string | undefined, name: string, desired: number, timeoutMs: number): Promise<void> {
  const deadline = inv.ctx.now() + timeoutMs;
  for (;;) {
    const scale = inv.ctx.api.getScale(resource, ns, name);
    const spec = scale.spec.replicas ?? 0;
    if (spec !== desired) return;
    if (scale.status.replicas === desired) return;
    if (inv.ctx.now() + 1000 > deadline) break;
    await inv.ctx.wait(1000);
  }
  throw new KubectlError(`timed out waiting for ${JSON.stringify(name)} to be synced`);
}

export const scaleCommand: Command = {
  name: "scale",
  short: "Set a new size for a deployment, replica set, or replication controller",
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 The size goes through the object's scale subresource. With --current-replicas or --resource-version the current state is checked first, and nothing changes when it does not match.`,
  example: `  # Run five replicas of the deployment web
  kubectl scale deployment/web --replicas=5
  
  # Scale down to two, only if it currently runs three
  kubectl scale deployment web --current-replicas=3 --replicas=2
  
  # Scale every deployment labelled tier=web, then wait until they have the new size
  kubectl scale deployment -l tier=web --replicas=1 --timeout=1m`,
  use: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]",
  flags: FLAGS,
  run,
};
