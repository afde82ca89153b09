// What kubectl 1.32 registers with cobra for completion, command by command
// (ValidArgsFunction, ValidArgs, MarkFlagRequired, RegisterFlagCompletionFunc,
// flag annotations). Keyed by command path ("rollout status"), so commands
// complete as kubectl's do as soon as they are in the tree; names, flags and
// descriptions themselves always come from the tree.
import { GLOBAL_FLAGS } from "../command.ts";
import type { FlagDef } from "../flags.ts";
import {
  containerNames,
  fixed,
  kubeconfigArg,
  kubeconfigFlagValues,
  namespaceNames,
  oneOf,
  podResourceNames,
  podResourceNamesAndContainers,
  resourceNames,
  resourcesAndPorts,
  resourceTypesAndNames,
  specifiedTypeAndNameNoRepeat,
  specifiedTypesAndNames,
} from "./functions.ts";
import type { Completer } from "./types.ts";

const ROLLOUT_TYPES = ["deployment", "daemonset", "statefulset"];
const SCALE_TYPES = ["deployment", "replicaset", "replicationcontroller", "statefulset"];

/** ValidArgsFunction of each command. */
const ARGS: Record<string, Completer> = {
  annotate: resourceTypesAndNames,
  "apply edit-last-applied": resourceTypesAndNames,
  "apply view-last-applied": resourceTypesAndNames,
  attach: podResourceNames,
  autoscale: specifiedTypesAndNames(SCALE_TYPES),
  "config delete-cluster": kubeconfigArg("cluster"),
  "config delete-context": kubeconfigArg("context"),
  "config delete-user": kubeconfigArg("user"),
  "config rename-context": kubeconfigArg("context"),
  "config set-context": kubeconfigArg("context"),
  "config use-context": kubeconfigArg("context"),
  cordon: resourceNames("node"),
  "create token": resourceNames("serviceaccount"),
  delete: resourceTypesAndNames,
  describe: resourceTypesAndNames,
  drain: resourceNames("node"),
  edit: resourceTypesAndNames,
  exec: podResourceNames,
  // The types of expose's help text, `pod (po), service (svc), ...`.
  expose: specifiedTypesAndNames(["pod", "service", "replicationcontroller", "deployment", "replicaset"]),
  get: resourceTypesAndNames,
  label: resourceTypesAndNames,
  logs: podResourceNamesAndContainers,
  patch: resourceTypesAndNames,
  "port-forward": resourcesAndPorts,
  "rollout history": specifiedTypesAndNames(ROLLOUT_TYPES),
  "rollout pause": specifiedTypesAndNames(["deployment"]),
  "rollout restart": specifiedTypesAndNames(ROLLOUT_TYPES),
  "rollout resume": specifiedTypesAndNames(["deployment"]),
  "rollout status": specifiedTypeAndNameNoRepeat(ROLLOUT_TYPES),
  "rollout undo": specifiedTypesAndNames(ROLLOUT_TYPES),
  scale: specifiedTypesAndNames(SCALE_TYPES),
  "set image": specifiedTypeAndNameNoRepeat(["daemonsets", "deployments", "pods", "cronjobs", "replicasets", "replicationcontrollers", "statefulsets"]),
  taint: specifiedTypesAndNames(["node"]),
  "top node": resourceNames("node"),
  "top pod": resourceNames("pod"),
  uncordon: resourceNames("node"),
};

/** ValidArgs (a fixed first argument). */
const VALID_ARGS: Record<string, string[]> = {
  completion: ["bash", "zsh", "fish", "powershell"],
};

/** MarkFlagRequired. */
const REQUIRED: Record<string, string[]> = {
  autoscale: ["max"],
  "create clusterrolebinding": ["clusterrole"],
  "create cronjob": ["image", "schedule"],
  "create deployment": ["image"],
  "create service externalname": ["external-name"],
  run: ["image"],
  scale: ["replicas"],
};

/** `Output format. One of: (json, yaml, ...).`: the formats, in the order the usage lists them. */
function outputFormats(flag: FlagDef): Completer {
  const m = /One of: \(([^)]*)\)/.exec(flag.usage);
  return oneOf(m ? m[1]!.split(", ") : []);
}

/** RegisterFlagCompletionFunc on one command. */
const FLAGS: Record<string, Record<string, (flag: FlagDef) => Completer>> = {
  // Only get's print flags register -o completion in kubectl 1.32.
  get: { output: outputFormats },
  exec: { container: () => containerNames },
  "config set-context": { namespace: () => namespaceNames },
};

/** The root's flags, registered for every command. */
const GLOBAL: Record<string, Completer> = {
  namespace: namespaceNames,
  context: kubeconfigFlagValues("context"),
  cluster: kubeconfigFlagValues("cluster"),
  user: kubeconfigFlagValues("user"),
};

/** Commands whose error stream kubectl points at stdout (cmd.SetErr(out)). */
const ERRORS_TO_STDOUT = new Set(["options"]);

export function errorsToStdout(path: string): boolean {
  return ERRORS_TO_STDOUT.has(path);
}

export function argsCompleter(path: string): Completer | undefined {
  return ARGS[path];
}

export function validArgs(path: string): string[] {
  return VALID_ARGS[path] ?? [];
}

export function requiredFlags(path: string): string[] {
  return REQUIRED[path] ?? [];
}

/** The completion function of a flag of the command at `path`. */
export function flagCompleter(path: string, flag: FlagDef): Completer | undefined {
  const own = FLAGS[path]?.[flag.name];
  if (own) return own(flag);
  // cmdutil.AddSubresourceFlags registers its values wherever it adds the flag.
  if (flag.name === "subresource") return fixed(["status", "scale", "resize"]);
  // The root's flags only: a command's own --cluster or --user has no completion.
  return GLOBAL_FLAGS.includes(flag) ? GLOBAL[flag.name] : undefined;
}

/** The file extensions a flag's value is completed with (kubectl's -f/--filename: json, yaml, yml). */
export function fileExtensions(flag: FlagDef): string[] | undefined {
  return flag.name === "filename" ? ["json", "yaml", "yml"] : undefined;
}
