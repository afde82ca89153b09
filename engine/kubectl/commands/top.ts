// `kubectl top pod|node` (pkg/cmd/top, v1.32). The sandbox has no
// metrics-server, so after its own checks kubectl finds no metrics.k8s.io
// API in discovery and says so, exactly as on a cluster without one.
import type { Command, Invocation } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from "../get.ts";
import { KubectlError } from "../types.ts";

const PROTOBUF = BOOL("use-protocol-buffers", "Enables using protocol-buffers to access Metrics API.", { default: "true" });

function metricsUnavailable(inv: Invocation, what: string): number {
  const sortBy = inv.flags.string("sort-by");
  if (sortBy !== "" && sortBy !== "cpu" && sortBy !== "memory") throw new KubectlError("--sort-by accepts only cpu or memory");
  if (inv.args.length > 0 && inv.flags.string("selector") !== "") {
    throw new KubectlError(`only one of NAME or --selector can be provided`);
  }
  void what;
  // metrics.k8s.io is not among the served API groups: there is no metrics-server.
  throw new KubectlError("Metrics API not available");
}

const POD_FLAGS: FlagDef[] = [
  ALL_NAMESPACES_FLAG,
  BOOL("containers", "If present, print usage of containers within a pod."),
  STRING(
    "field-selector",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  ),
  BOOL("no-headers", "If present, print output without headers."),
  SELECTOR_FLAG,
  STRING("sort-by", "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'."),
  BOOL("sum", "Print the sum of the resource usage"),
  PROTOBUF,
];

const NODE_FLAGS: FlagDef[] = [
  BOOL("no-headers", "If present, print output without headers"),
  SELECTOR_FLAG,
  BOOL("show-capacity", "Print node resources based on Capacity instead of Allocatable(default) of the nodes."),
  STRING("sort-by", "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'."),
  PROTOBUF,
];

export const topCommand: Command = {
  name: "top",
  group: "Cluster Management Commands:",
  short: "Display resource (CPU/memory) usage",
  long: "Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.",
  use: "top [flags] [options]",
  subcommands: [
    {
      name: "node",
      aliases: ["nodes", "no"],
      short: "Display resource (CPU/memory) usage of nodes",
      long: "Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.",
      example: "  # Show metrics for all nodes\n  kubectl top node\n  \n  # Show metrics for a given node\n  kubectl top node NODE_NAME",
      use: "node [NAME | -l label] [options]",
      flags: NODE_FLAGS,
      run: (inv) => metricsUnavailable(inv, "nodes"),
    },
    {
      name: "pod",
      aliases: ["pods", "po"],
      short: "Display resource (CPU/memory) usage of pods",
      long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
      example:
        "  # Show metrics for all pods in the default namespace\n  kubectl top pod\n  \n  # Show metrics for all pods in the given namespace\n  kubectl top pod --namespace=NAMESPACE\n  \n  # Show metrics for a given pod and its containers\n  kubectl top pod POD_NAME --containers\n  \n  # Show metrics for the pods defined by label name=myLabel\n  kubectl top pod -l name=myLabel",
      use: "pod [NAME | -l label] [options]",
      flags: POD_FLAGS,
      run: (inv) => metricsUnavailable(inv, "pods"),
    },
  ],
};
