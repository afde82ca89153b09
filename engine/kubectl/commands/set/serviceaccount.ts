// `kubectl set serviceaccount` (alias `sa`; kubectl pkg/cmd/set/set_serviceaccount.go,
// v1.32): the last argument becomes spec.serviceAccountName of the pod
// templates named before it. The patch is sent, and the object printed, even
// when the name was already set.
import type { Command, Invocation } from "../../command.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import { dryRunStrategy, fetchTargets, LOCAL_DRY_RUN_SERVER, localTargets, objectPrinter } from "../mutation.ts";
import { objectName, podSpecOf, sendChange, setFlags } from "./common.ts";

const FLAGS = setFlags("If true, set serviceaccount will NOT contact api-server but run locally.", { selector: false });

function run(inv: Invocation): number {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const local = f.bool("local");
  if (local && dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
  const printer = objectPrinter(inv, dryRun, { form: "typed" });
  if (inv.args.length === 0) throw new KubectlError("serviceaccount is required");
  const name = inv.args[inv.args.length - 1]!;
  const resources = inv.args.slice(0, -1);
  // Locally, objects named on the command line are ignored.
  const { targets, errors: fetchErrors } = local
    ? localTargets(inv, f.strings("filename"), { typed: true })
    : fetchTargets(inv, { args: resources, all: f.bool("all"), filenames: f.strings("filename") });
  if (fetchErrors.length > 0) throw new AggregateError(fetchErrors);
  const errors: unknown[] = [];
  for (const t of targets) {
    const original = toWire(t.object);
    try {
      podSpecOf(t).serviceAccountName = name;
    } catch (err) {
      if (!(err instanceof KubectlError)) throw err;
      errors.push(new KubectlError(`error: ${objectName(t)} ${err.message}\n`));
      continue;
    }
    const err = sendChange({
      inv,
      target: t,
      original,
      dryRun,
      printer,
      operation: "serviceaccount updated",
      failure: (m) => `failed to patch ServiceAccountName ${m}`,
      always: true,
    });
    if (err) errors.push(err);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const setServiceAccountCommand: Command = {
  name: "serviceaccount",
  aliases: ["sa"],
  short: "Update the service account of a resource",
  long: `Update the service account of pod template resources.

 Possible resources (case insensitive) can be:

 replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset`,
  example: `  # Run the pods of the deployment web as the service account builder
  kubectl set serviceaccount deployment web builder
  
  # Show the change to a manifest on disk, without the server
  kubectl set sa -f web.yaml builder --local --dry-run=client -o yaml`,
  use: "serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]",
  flags: FLAGS,
  run,
};
