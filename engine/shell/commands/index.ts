// Every command the shell knows before the host registers its own (kubectl).
import { BASE64_COMMANDS } from "./base64.ts";
import { BASIC_COMMANDS } from "./basic.ts";
import type { CommandEntry } from "./context.ts";
import { DATE_COMMANDS } from "./date.ts";
import { FILE_COMMANDS } from "./files.ts";
import { GREP_COMMANDS } from "./grep.ts";
import { INTERACTIVE_COMMANDS } from "./interactive.ts";
import { LS_COMMANDS } from "./ls.ts";
import { PROCESS_COMMANDS } from "./process.ts";
import { SHELL_BUILTINS } from "./shell-builtins.ts";
import { SORT_COMMANDS } from "./sort.ts";
import { TEXT_COMMANDS } from "./text.ts";
import { AWK_COMMANDS } from "./awk/index.ts";
import { SED_COMMANDS } from "./sed/index.ts";

export function builtinCommands(): Map<string, CommandEntry> {
  return new Map(
    Object.entries({
      ...SHELL_BUILTINS,
      ...BASIC_COMMANDS,
      ...FILE_COMMANDS,
      ...LS_COMMANDS,
      ...TEXT_COMMANDS,
      ...SORT_COMMANDS,
      ...GREP_COMMANDS,
      ...AWK_COMMANDS,
      ...SED_COMMANDS,
      ...BASE64_COMMANDS,
      ...DATE_COMMANDS,
      ...PROCESS_COMMANDS,
      ...INTERACTIVE_COMMANDS,
    }),
  );
}
