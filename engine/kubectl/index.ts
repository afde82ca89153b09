// The built-in kubectl: `runKubectl(args, io, ctx)` runs one kubectl command
// line (the words after `kubectl`) against the simulated cluster and returns
// its exit code, writing what real kubectl v1.32 writes to stdout and stderr.
import { type Command, execute, find } from "./command.ts";
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, configCommand, optionsCommand, versionCommand } from "./commands/info.ts";
import { applyCommand } from "./commands/apply.ts";
import { createCommand } from "./commands/create.ts";
import { exposeCommand } from "./commands/expose.ts";
import { deleteCommand } from "./commands/delete.ts";
import { replaceCommand } from "./commands/replace.ts";
import { annotateCommand } from "./commands/annotate.ts";
import { labelCommand } from "./commands/label.ts";
import { patchCommand } from "./commands/patch.ts";
import { rolloutCommand } from "./commands/rollout/index.ts";
import { runCommand } from "./commands/run.ts";
import { scaleCommand } from "./commands/scale.ts";
import { setCommand } from "./commands/set/index.ts";
import { completeKubectlOn, completeRequestCommand, type KubectlCompletion } from "./completion/index.ts";
import { describeCommand } from "./describe/command.ts";
import { editCommand } from "./commands/edit.ts";
import { waitCommand } from "./commands/wait.ts";
import { explainCommand } from "./commands/explain.ts";
import { reportError } from "./errors.ts";
import { getCommand } from "./get.ts";
import { klogLine } from "./klog.ts";
import { logsCommand } from "./commands/logs.ts";
import { attachCommand, execCommand } from "./commands/exec.ts";
import { topCommand } from "./commands/top.ts";
import { cordonCommandDef, drainCommand, uncordonCommandDef } from "./commands/node-maintenance.ts";
import { SortFatal } from "./sort.ts";
import type { KubectlContext, KubectlIO } from "./types.ts";
import { KubectlError } from "./types.ts";

export type { KubectlContext, KubectlIO, Kubeconfig } from "./types.ts";
export { DEFAULT_KUBECONFIG, KubectlError } from "./types.ts";
export type { Command, Invocation } from "./command.ts";

const BEGINNER = "Basic Commands (Beginner):";
const INTERMEDIATE = "Basic Commands (Intermediate):";
const DEPLOY = "Deploy Commands:";
const CLUSTER = "Cluster Management Commands:";
const TROUBLESHOOTING = "Troubleshooting and Debugging Commands:";
const ADVANCED = "Advanced Commands:";
const SETTINGS = "Settings Commands:";

/** A kubectl command this simulator does not have yet: known (for help and suggestions), not runnable. */
function notYet(name: string, group: string | undefined, short: string, suggestFor?: string[]): Command {
  return {
    name,
    group,
    short,
    suggestFor,
    use: `${name} [options]`,
    run() {
      throw new KubectlError(`"kubectl ${name}" is not available in this simulated cluster yet`);
    },
  };
}

/** kubectl's commands in the order kubectl adds them (cobra suggests in this order). */
function rootCommands(): Command[] {
  return [
    { ...createCommand, group: BEGINNER },
    { ...exposeCommand, group: BEGINNER },
    { ...runCommand, group: BEGINNER },
    { ...setCommand, group: BEGINNER },
    explainCommand,
    getCommand,
    editCommand,
    { ...deleteCommand, group: INTERMEDIATE },
    { ...rolloutCommand, group: DEPLOY },
    { ...scaleCommand, group: DEPLOY },
    notYet("autoscale", DEPLOY, "Auto-scale a deployment, replica set, stateful set, or replication controller"),
    notYet("certificate", CLUSTER, "Modify certificate resources"),
    clusterInfoCommand,
    topCommand,
    cordonCommandDef,
    uncordonCommandDef,
    drainCommand,
    notYet("taint", CLUSTER, "Update the taints on one or more nodes"),
    describeCommand,
    logsCommand,
    attachCommand,
    execCommand,
    notYet("port-forward", TROUBLESHOOTING, "Forward one or more local ports to a pod"),
    notYet("proxy", TROUBLESHOOTING, "Run a proxy to the Kubernetes API server"),
    notYet("cp", TROUBLESHOOTING, "Copy files and directories to and from containers"),
    notYet("auth", TROUBLESHOOTING, "Inspect authorization"),
    notYet("debug", TROUBLESHOOTING, "Create debugging sessions for troubleshooting workloads and nodes"),
    notYet("events", TROUBLESHOOTING, "List events"),
    notYet("diff", ADVANCED, "Diff the live version against a would-be applied version"),
    { ...applyCommand, group: ADVANCED },
    { ...patchCommand, group: ADVANCED },
    { ...replaceCommand, group: ADVANCED },
    { ...waitCommand, group: ADVANCED },
    notYet("kustomize", ADVANCED, "Build a kustomization target from a directory or URL"),
    { ...labelCommand, group: SETTINGS },
    { ...annotateCommand, group: SETTINGS },
    notYet("completion", SETTINGS, "Output shell completion code for the specified shell (bash, zsh, fish, or powershell)"),
    { ...notYet("alpha", undefined, "Commands for features in alpha"), hidden: true },
    configCommand,
    notYet("plugin", undefined, "Provides utilities for interacting with plugins"),
    versionCommand,
    apiVersionsCommand,
    apiResourcesCommand,
    optionsCommand,
  ];
}

/** cobra's hidden completion requests (`kubectl __complete get po`). */
const COMPLETE_COMMANDS = [completeRequestCommand("__complete", theRoot), completeRequestCommand("__completeNoDesc", theRoot)];

/**
 * The tree a command line runs on: like cobra, the `__complete` commands are
 * added only when one is called (so they never widen help's command columns).
 */
function rootFor(args: readonly string[]): Command {
  const r = theRoot();
  const withComplete: Command = { ...r, subcommands: [...(r.subcommands ?? []), ...COMPLETE_COMMANDS] };
  return COMPLETE_COMMANDS.includes(find(withComplete, args).cmd) ? withComplete : r;
}

function createRoot(): Command {
  const subcommands = rootCommands();
  return {
    name: "kubectl",
    short: "kubectl controls the Kubernetes cluster manager",
    long: "kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/",
    use: "kubectl [flags] [options]",
    subcommands,
  };
}

let root: Command | undefined;

function theRoot(): Command {
  root ??= createRoot();
  return root;
}

/**
 * Add or replace a top-level command (for commands built elsewhere: create,
 * apply, rollout, ...). The command keeps its place in kubectl's order if it
 * replaces a known one.
 */
export function registerCommand(cmd: Command): void {
  const r = theRoot();
  const subs = r.subcommands!;
  const i = subs.findIndex((c) => c.name === cmd.name);
  const group = i >= 0 ? subs[i]!.group : cmd.group;
  const entry = { ...cmd, group: cmd.group ?? group };
  if (i >= 0) subs[i] = entry;
  else subs.push(entry);
}

/**
 * Tab completion for the words after `kubectl` (the last one is the word
 * being typed, "" for a new one): candidates with descriptions and cobra's
 * directive, as `kubectl __complete` computes them.
 */
export function completeKubectl(args: readonly string[], ctx: KubectlContext): Promise<KubectlCompletion> {
  return completeKubectlOn(theRoot(), args, ctx);
}
export type { Candidate, KubectlCompletion } from "./completion/index.ts";

/** The command at a path of names (`["rollout", "status"]`), if this kubectl has it. */
export function kubectlCommandAt(path: readonly string[]): Command | undefined {
  let cmd: Command | undefined = theRoot();
  for (const name of path) cmd = cmd?.subcommands?.find((c) => c.name === name);
  return cmd;
}
export { Directive } from "./completion/index.ts";

/** Run one kubectl command line (the arguments after `kubectl`); never throws. */
export async function runKubectl(args: string[], io: KubectlIO, ctx: KubectlContext): Promise<number> {
  try {
    return await execute(rootFor(args), args, ctx, io);
  } catch (err) {
    if (err instanceof SortFatal) {
      io.stderr(klogLine("F", ctx.now(), `sorter.go:${err.line}`, err.message));
      return 1;
    }
    if (!isReportable(err)) {
      io.stderr(`error: internal error in the simulated kubectl: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
    const r = reportError(err);
    if (r.stdout) io.stdout(r.stdout);
    if (r.stderr) io.stderr(r.stderr);
    return r.exitCode;
  }
}

export { klogLine } from "./klog.ts";

function isReportable(err: unknown): boolean {
  return err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError) && !(err instanceof ReferenceError);
}
