// `kubectl rollout pause|resume|restart` (rollout_pause.go, rollout_resume.go,
// rollout_restart.go and polymorphichelpers' pauser/resumer/restarter, v1.32):
// each object is changed on the client and the difference sent as a
// strategic merge patch. Errors are gathered and reported after the others.
import type { Deployment } from "../../../api/types.ts";
import type { Command, Invocation } from "../../command.ts";
import type { FlagDef } from "../../flags.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { fieldManagerFlag, objectPrinter, PRINT_FLAGS } from "../mutation.ts";
import { groupResource, resourceFlags, rolloutTargets } from "./common.ts";
import { RESTARTED_AT } from "./rollback.ts";


const FLAGS: FlagDef[] = [...PRINT_FLAGS, fieldManagerFlag("kubectl-rollout"), ...resourceFlags()];

/** What the command does to one Deployment: the patch to send, or the reason it cannot. */
type Change = (d: Deployment, nowIso: string) => { patch: unknown } | { error: string } | { empty: true };

interface Verb {
  name: string;
  /** "pausing is not supported" and friends, for other kinds. */
  gerund: string;
  done: string;
  change: Change;
}

const VERBS: Record<string, Verb> = {
  pause: {
    name: "pause",
    gerund: "pausing",
    done: "paused",
    change: (d) => (d.spec.paused ? { error: "is already paused" } : { patch: { spec: { paused: true } } }),
  },
  resume: {
    name: "resume",
    gerund: "resuming",
    done: "resumed",
    change: (d) => (!d.spec.paused ? { error: "is not paused" } : { patch: { spec: { paused: null } } }),
  },
  restart: {
    name: "restart",
    gerund: "restarting",
    done: "restarted",
    change: (d, nowIso) => {
      if (d.spec.paused) return { error: "can't restart paused deployment (run rollout resume first)" };
      if (d.spec.template.metadata?.annotations?.[RESTARTED_AT] === nowIso) return { empty: true };
      return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: nowIso } } } } } };
    },
  },
};

/** time.Now().Format(time.RFC3339) in UTC, from the virtual clock. */
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function runVerb(verb: Verb) {
  return (inv: Invocation): number => {
    const printer = objectPrinter(inv, "none");
    const { targets, errors: fetchErrors } = rolloutTargets(inv);
    const errors: unknown[] = [...fetchErrors];
    if (targets.length === 0 && errors.length === 0) {
      inv.io.stderr(`No resources found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    const nowIso = rfc3339(inv.ctx.now());
    for (const t of targets) {
      const isDeployment = t.type.kind === "Deployment" && t.type.group === "apps";
      const result = isDeployment ? verb.change(t.object as Deployment, nowIso) : { error: `${verb.gerund} is not supported` };
      if ("error" in result) {
        errors.push(new KubectlError(`error: ${groupResource(t.type)} ${JSON.stringify(t.name)} ${result.error}`));
        continue;
      }
      if ("empty" in result) {
        errors.push(
          new KubectlError(
            `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
          ),
        );
        continue;
      }
      let obj;
      try {
        obj = inv.ctx.api.patch(t.type.resource, t.namespace, t.name, "strategic", result.patch);
      } catch (err) {
        errors.push(new KubectlError(`failed to patch: ${err instanceof Error ? err.message : String(err)}`));
        continue;
      }
      printer.print(obj, verb.done);
    }
    if (errors.length > 0) throw new AggregateError(errors);
    return 0;
  };
}

export const rolloutPauseCommand: Command = {
  name: "pause",
  short: "Mark the provided resource as paused",
  long: `Mark the provided resource as paused.

 A paused resource is not reconciled by its controller: changes to its pod template start no rollout until it is resumed with 'kubectl rollout resume'. Only deployments can be paused.`,
  example: `  # Pause the deployment web, change it several times, then roll all the changes out at once
  kubectl rollout pause deployment/web
  kubectl set image deployment/web app=nginx:1.25
  kubectl set resources deployment/web -c app --limits=cpu=500m
  kubectl rollout resume deployment/web`,
  use: "pause RESOURCE [options]",
  flags: FLAGS,
  run: runVerb(VERBS.pause!),
};

export const rolloutResumeCommand: Command = {
  name: "resume",
  short: "Resume a paused resource",
  long: `Resume a paused resource.

 The controller reconciles the resource again: changes made while it was paused roll out. Only deployments can be resumed.`,
  example: `  # Resume the deployment web
  kubectl rollout resume deployment/web`,
  use: "resume RESOURCE [options]",
  flags: FLAGS,
  run: runVerb(VERBS.resume!),
};

export const rolloutRestartCommand: Command = {
  name: "restart",
  short: "Restart a resource",
  long: `Restart a resource.

 The pod template gets a restartedAt annotation with the current time, so the controller replaces every pod, following the resource's update strategy.`,
  example: `  # Replace the pods of the deployment web
  kubectl rollout restart deployment/web
  
  # Restart every deployment labelled app=web
  kubectl rollout restart deployment --selector=app=web`,
  use: "restart RESOURCE [options]",
  flags: FLAGS,
  run: runVerb(VERBS.restart!),
};
