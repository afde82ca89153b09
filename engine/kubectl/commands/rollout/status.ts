// `kubectl rollout status` (kubectl pkg/cmd/rollout/rollout_status.go and
// polymorphichelpers' DeploymentStatusViewer, v1.32): for each Deployment,
// list-then-watch it by name and print its status at every ADDED or
// MODIFIED event until the rollout is done (or once, with --watch=false).
// Virtual time passes through ctx.wait while it waits.
import type { Deployment, KubeObject } from "../../../api/types.ts";
import type { Command, Invocation } from "../../command.ts";
import { BOOL, type FlagDef } from "../../flags.ts";
import { KubectlError } from "../../types.ts";
import { visitAll } from "../mutation.ts";
import { groupKind, resourceFlags, rolloutTargets } from "./common.ts";

const FLAGS: FlagDef[] = [
  ...resourceFlags(),
  { name: "revision", type: "int64", default: "0", usage: "Pin to a specific revision for showing its status. Defaults to 0 (last revision)." },
  {
    name: "timeout",
    type: "duration",
    default: "0s",
    usage:
      "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
  },
  BOOL("watch", "Watch the status of the rollout until it's done.", { shorthand: "w", default: "true" }),
];

/** How often a waiting status lets virtual time pass. */
const STEP_MS = 250;
/** Fast-forward: nothing new for this long ends the wait. */
const QUIET_MS = 60_000;

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function deploymentStatus(d: Deployment, revision: number): { text: string; done: boolean } {
  const name = d.metadata.name ?? "";
  if (revision > 0) {
    const raw = d.metadata.annotations?.["deployment.kubernetes.io/revision"];
    const current = raw === undefined ? 0 : Number(raw);
    if (raw !== undefined && !/^[+-]?\d+$/.test(raw)) {
      throw new KubectlError(`cannot get the revision of deployment ${JSON.stringify(name)}: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
    }
    if (revision !== current) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") throw new KubectlError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
    const updated = st.updatedReplicas ?? 0;
    const replicas = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (d.spec.replicas !== undefined && updated < d.spec.replicas) {
      return { text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
    }
    if (replicas > updated) {
      return { text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
    }
    if (available < updated) {
      return { text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { text: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { text: "Waiting for deployment spec update to be observed...\n", done: false };
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const revision = f.int("revision");
  const filenames = f.strings("filename");
  if (inv.args.length === 0 && filenames.length === 0) throw new KubectlError("required resource not specified");
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const { entries } = rolloutTargets(inv);
  const watch = f.bool("watch");
  const timeout = f.duration("timeout");
  let found = false;
  let interrupted = false;
  await visitAll(entries, async (t) => {
    found = true;
    if (interrupted) return;
    if (t.type.kind !== "Deployment" || t.type.group !== "apps") throw new KubectlError(`no status viewer has been implemented for ${groupKind(t.type)}`);
    const api = inv.ctx.api;
    const events: Array<{ type: string; object: KubeObject }> = [];
    // UntilWithSync: the informer lists first (the object as ADDED), then watches.
    const current = api.list("deployments", { namespace: t.namespace, fieldSelector: `metadata.name=${t.name}` }).items;
    for (const obj of current) events.push({ type: "ADDED", object: obj });
    const unsubscribe = api.watch("deployments", { namespace: t.namespace, fieldSelector: `metadata.name=${t.name}` }, (e) => events.push(e));
    try {
      const deadline = timeout > 0 ? inv.ctx.now() + timeout : undefined;
      let quietSince = inv.ctx.now();
      for (;;) {
        while (events.length > 0) {
          const e = events.shift()!;
          if (e.type === "DELETED") throw new KubectlError("object has been deleted");
          if (e.type !== "ADDED" && e.type !== "MODIFIED") continue;
          const { text, done } = deploymentStatus(e.object as Deployment, revision);
          inv.io.stdout(text);
          if (done || !watch) return;
          quietSince = inv.ctx.now();
        }
        if (inv.io.signal?.aborted) {
          interrupted = true;
          return;
        }
        if (deadline !== undefined && inv.ctx.now() >= deadline) throw new KubectlError("timed out waiting for the condition");
        // Fast-forward: stop on an idle cluster, or after a quiet minute (a crash loop is never idle).
        if (inv.ctx.idle && (inv.ctx.idle() || inv.ctx.now() - quietSince >= QUIET_MS)) return;
        // Interactive without a way to interrupt it: do not wait forever.
        if (!inv.ctx.idle && !inv.io.signal && inv.ctx.now() - quietSince >= QUIET_MS) return;
        const step = deadline === undefined ? STEP_MS : Math.min(STEP_MS, deadline - inv.ctx.now());
        await inv.ctx.wait(step);
      }
    } finally {
      unsubscribe();
    }
  });
  if (interrupted) return 130;
  if (!found) inv.io.stderr(`No resources found in ${inv.namespace} namespace.\n`);
  return 0;
}

export const rolloutStatusCommand: Command = {
  name: "status",
  short: "Show the status of the rollout",
  long: `Show the status of the rollout.

 By default 'rollout status' follows the rollout and prints a line each time the status changes, until the rollout has finished. Use --watch=false to print the current status once. Use --revision to require that the rollout is at a given revision; the command fails if another revision is running.`,
  example: `  # Follow the rollout of the deployment web until it has finished
  kubectl rollout status deployment/web
  
  # Print the current status once
  kubectl rollout status deployment/web --watch=false`,
  use: "status (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: FLAGS,
  run,
};
