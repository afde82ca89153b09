// Tab completion for the built-in kubectl: the hidden `__complete` and
// `__completeNoDesc` commands, which answer as real kubectl's do (candidates
// one per line, `:DIRECTIVE`, and the directive's names on stderr), and
// `completeKubectl` for the web terminal, which wants the candidates as data.
import { type Command, execute } from "../command.ts";
import type { KubectlContext } from "../types.ts";
import { KubectlError } from "../types.ts";
import { type CompletionOutcome, formatOutcome, getCompletions } from "./cobra.ts";

export { Directive } from "./types.ts";
export type { Completer, CompletionAnswer, CompletionRequest } from "./types.ts";

export interface Candidate {
  value: string;
  description?: string;
}

export interface KubectlCompletion {
  candidates: Candidate[];
  /** cobra's ShellCompDirective bits (see `Directive`). */
  directive: number;
}

/** This kubectl's stdout for a command line; errors are dropped, as kubectl's completion functions drop them. */
function runnerFor(root: Command, ctx: KubectlContext) {
  return async (args: string[]): Promise<string> => {
    let out = "";
    try {
      await execute(root, args, ctx, { stdin: "", stdout: (t) => (out += t), stderr: () => {} });
    } catch {
      // The error is what kubectl would print to a discarded stream.
    }
    return out;
  };
}

function complete(root: Command, args: readonly string[], ctx: KubectlContext): Promise<CompletionOutcome> {
  return getCompletions(root, args, ctx, runnerFor(root, ctx));
}

/**
 * Completions for the words after `kubectl`, the last being the word under
 * the cursor ("" for a new word): `["get", "po"]`, `["get", "pods", ""]`.
 */
export async function completeKubectlOn(root: Command, args: readonly string[], ctx: KubectlContext): Promise<KubectlCompletion> {
  const outcome = await complete(root, args.length > 0 ? args : [""], ctx);
  const candidates = outcome.completions.map((c): Candidate => {
    const tab = c.indexOf("\t");
    const value = (tab < 0 ? c : c.slice(0, tab)).trim();
    const description = tab < 0 ? undefined : c.slice(tab + 1).split("\n")[0]!.trim();
    return description ? { value, description } : { value };
  });
  return { candidates, directive: outcome.directive };
}

/** The hidden `__complete` (with descriptions) or `__completeNoDesc` command of the tree `root()`. */
export function completeRequestCommand(name: "__complete" | "__completeNoDesc", root: () => Command): Command {
  return {
    name,
    hidden: true,
    disableFlagParsing: true,
    short: "Request shell completion choices for the specified command-line",
    long: "__complete is a special command that is used by the shell completion logic\nto request completion choices for the specified command-line.",
    use: "__complete [command-line]",
    async run(inv) {
      if (inv.args.length < 1) throw new KubectlError(`requires at least 1 arg(s), only received ${inv.args.length}`);
      const outcome = await complete(root(), inv.args, inv.ctx);
      const { stdout, stderr } = formatOutcome(outcome, name === "__complete");
      inv.io.stdout(stdout);
      inv.io.stderr(stderr);
      return 0;
    },
  };
}
