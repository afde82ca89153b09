// `kubectl rollout undo` (rollout_undo.go and DeploymentRollbacker, v1.32):
// the Deployment gets the pod template (and annotations) of an earlier
// revision back, by a JSON patch kubectl sends. A client dry run prints the
// template it would restore.
import type { Command, Invocation } from "../../command.ts";
import type { FlagDef } from "../../flags.ts";
import { KubectlError } from "../../types.ts";
import { DRY_RUN_FLAG, dryRunStrategy, objectPrinter, PRINT_FLAGS, visitAll } from "../mutation.ts";
import { groupKind, resourceFlags, rolloutTargets } from "./common.ts";
import { templateText } from "./history.ts";
import { rollbackDeployment, RolloutError } from "./rollback.ts";

const FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  ...resourceFlags(),
  { name: "to-revision", type: "int64", default: "0", usage: "The revision to rollback to. Default to 0 (last revision)." },
];

async function run(inv: Invocation): Promise<number> {
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, dryRun);
  const toRevision = inv.flags.int("to-revision");
  const { entries } = rolloutTargets(inv);
  await visitAll(entries, (t) => {
    if (t.type.kind !== "Deployment" || t.type.group !== "apps") throw new KubectlError(`no rollbacker has been implemented for ${JSON.stringify(groupKind(t.type))}`);
    let result;
    try {
      result = rollbackDeployment(inv.ctx.api, t.namespace ?? "default", t.name, toRevision, { dryRun: dryRun === "none" ? undefined : dryRun });
    } catch (err) {
      if (err instanceof RolloutError) throw new KubectlError(err.message);
      throw err;
    }
    if (result.outcome === "dry run") printer.print(t.object, templateText(result.template));
    else if (result.outcome === "skipped") printer.print(t.object, result.message);
    else printer.print(t.object, "rolled back");
  });
  return 0;
}

export const rolloutUndoCommand: Command = {
  name: "undo",
  short: "Undo a previous rollout",
  long: "Roll back to a previous rollout.",
  example: `  # Go back to the revision before the current one
  kubectl rollout undo deployment/web
  
  # Go back to revision 3
  kubectl rollout undo deployment/web --to-revision=3
  
  # Show the pod template revision 3 has, without changing anything
  kubectl rollout undo deployment/web --to-revision=3 --dry-run=client`,
  use: "undo (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: FLAGS,
  run,
};
