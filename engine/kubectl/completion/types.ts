// The shapes cobra's completion machinery passes around: a completion
// function's request and answer, and the ShellCompDirective bits the shell
// scripts read from the `:N` line.
import type { Command } from "../command.ts";
import type { FlagSet } from "../flags.ts";
import type { KubectlContext } from "../types.ts";

/** cobra's ShellCompDirective bits. */
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const;

export interface CompletionRequest {
  /** The command being completed (`rollout status`). */
  command: Command;
  /** Its positional arguments so far (flags removed). */
  args: string[];
  /** The word being completed (for `--flag=x`, just `x`). */
  toComplete: string;
  /** The flags parsed from the command line so far. */
  flags: FlagSet;
  ctx: KubectlContext;
  /** Run a kubectl command line of this kubectl and return what it prints to stdout (errors are dropped). */
  kubectl(args: string[]): Promise<string>;
}

export interface CompletionAnswer {
  /** `value` or `value\tdescription`. */
  completions: string[];
  directive: number;
}

/** A cobra completion function (ValidArgsFunction, or a flag's registered one). */
export type Completer = (req: CompletionRequest) => Promise<CompletionAnswer> | CompletionAnswer;
