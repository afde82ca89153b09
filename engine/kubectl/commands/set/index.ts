// `kubectl set`: change one aspect of existing objects (kubectl pkg/cmd/set, v1.32).
import type { Command } from "../../command.ts";
import { setEnvCommand } from "./env.ts";
import { setImageCommand } from "./image.ts";
import { setResourcesCommand } from "./resources.ts";
import { setSelectorCommand } from "./selector.ts";
import { setServiceAccountCommand } from "./serviceaccount.ts";
import { setSubjectCommand } from "./subject.ts";

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
    setSelectorCommand,
    setServiceAccountCommand,
    setSubjectCommand,
  ],
};
