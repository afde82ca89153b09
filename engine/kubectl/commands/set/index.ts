// `kubectl set`: change one aspect of existing objects (kubectl pkg/cmd/set, v1.32).
import type { Command } from "../../command.ts";
import { KubectlError } from "../../types.ts";
import { setEnvCommand } from "./env.ts";
import { setImageCommand } from "./image.ts";
import { setResourcesCommand } from "./resources.ts";

/** A `set` subcommand the simulated cluster has no objects for yet (services, RBAC). */
function unavailable(name: string, short: string, use: string): Command {
  return {
    name,
    short,
    use,
    run() {
      throw new KubectlError(`"kubectl set ${name}" is not available in this simulated cluster yet`);
    },
  };
}

export const setCommand: Command = {
  name: "set",
  short: "Set specific features on objects",
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  use: "set SUBCOMMAND [options]",
  subcommands: [
    setEnvCommand,
    setImageCommand,
    setResourcesCommand,
    unavailable("selector", "Set the selector on a resource", "selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]"),
    unavailable("serviceaccount", "Update the service account of a resource", "serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]"),
    unavailable("subject", "Update the user, group, or service account in a role binding or cluster role binding", "subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]"),
  ],
};
