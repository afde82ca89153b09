// `kubectl rollout`: the group of commands that follow and steer a
// Deployment's rollouts (kubectl pkg/cmd/rollout, v1.32).
import type { Command } from "../../command.ts";
import { rolloutHistoryCommand } from "./history.ts";
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from "./pause.ts";
import { rolloutStatusCommand } from "./status.ts";
import { rolloutUndoCommand } from "./undo.ts";

export const rolloutCommand: Command = {
  name: "rollout",
  short: "Manage the rollout of a resource",
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: `  # Go back to the previous revision of the deployment web
  kubectl rollout undo deployment/web
  
  # Follow the rollout of the deployment web
  kubectl rollout status deployment/web
  
  # Replace every pod of the deployment web
  kubectl rollout restart deployment/web`,
  use: "rollout SUBCOMMAND [options]",
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
