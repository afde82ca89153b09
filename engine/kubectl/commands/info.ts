// Commands about the client, the server and the kubeconfig: `version`,
// `api-resources`, `cluster-info`, `config current-context|view|get-contexts`,
// `options`.
import { servedVersions } from "../../api/registry.ts";
import type { Command, Invocation } from "../command.ts";
import { optionsText, usageError } from "../command.ts";
import { CLIENT_VERSION, KUSTOMIZE_VERSION, SERVER_VERSION, discoveryOrder, verbsOf } from "../discovery.ts";
import { BOOL, type FlagDef } from "../flags.ts";
import { jsonText, yamlText } from "../output.ts";
import { compileJsonPath } from "../printers/jsonpath.ts";
import { newGetTabWriter } from "../printers/tabwriter.ts";
import { DEFAULT_KUBECONFIG, type Kubeconfig, KubectlError } from "../types.ts";

const OUTPUT_FLAG = (usage: string): FlagDef => ({ name: "output", shorthand: "o", type: "string", usage });

// ---------- version ----------

function versionRun(inv: Invocation): number {
  if (inv.args.length > 0) throw new KubectlError(`extra arguments: [${inv.args.join(" ")}]`);
  const output = inv.flags.string("output");
  if (output !== "" && output !== "yaml" && output !== "json") throw new KubectlError("--output must be 'yaml' or 'json'");
  const client = inv.flags.bool("client");
  if (output === "") {
    let out = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!client) out += `Server Version: ${SERVER_VERSION.gitVersion}\n`;
    inv.io.stdout(out);
    return 0;
  }
  // Go struct order: clientVersion, kustomizeVersion, serverVersion.
  const info: Record<string, unknown> = { clientVersion: { ...CLIENT_VERSION }, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!client) info.serverVersion = { ...SERVER_VERSION };
  if (output === "json") inv.io.stdout(jsonInOrder(info) + "\n");
  else inv.io.stdout(yamlText(info) + "\n");
  return 0;
}

/** json.MarshalIndent of a struct: keys in field order, two-space indent (kubectl version uses "  "). */
function jsonInOrder(v: unknown, depth = 0): string {
  const pad = "  ".repeat(depth + 1);
  const close = "  ".repeat(depth);
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${jsonInOrder(x, depth + 1)}`).join(",\n")}\n${close}}`;
  }
  return JSON.stringify(v);
}

export const versionCommand: Command = {
  name: "version",
  short: "Print the client and server version information",
  long: "Print the version of this kubectl and of the cluster's API server.",
  example: "  # Both versions\n  kubectl version\n  \n  # Only the client's, as YAML\n  kubectl version --client -o yaml",
  use: "version [flags] [options]",
  flags: [
    BOOL("client", "If true, shows client version only (no server required)."),
    OUTPUT_FLAG("One of 'yaml' or 'json'."),
  ],
  run: versionRun,
};

// ---------- api-resources ----------

function apiResourcesRun(inv: Invocation): number {
  const f = inv.flags;
  if (inv.args.length > 0) throw usageError(inv.path, `unexpected arguments: [${inv.args.join(" ")}]`);
  const output = f.string("output");
  if (output !== "" && output !== "wide" && output !== "name") {
    throw new KubectlError(`--output ${output} is not available`);
  }
  const sortBy = f.string("sort-by");
  if (sortBy !== "" && sortBy !== "name" && sortBy !== "kind") {
    throw new KubectlError(`--sort-by accepts only name or kind`);
  }
  let types = discoveryOrder(inv.ctx.api.registry);
  const group = f.string("api-group");
  if (f.changedFlag("api-group")) types = types.filter((t) => t.group === group);
  if (f.changedFlag("namespaced")) types = types.filter((t) => t.namespaced === f.bool("namespaced"));
  const verbs = f.strings("verbs");
  if (verbs.length > 0) types = types.filter((t) => verbs.every((v) => verbsOf(t.resource).includes(v)));
  const categories = f.strings("categories");
  if (categories.length > 0) types = types.filter((t) => categories.every((c) => t.categories?.includes(c)));
  if (sortBy !== "") {
    const key = (t: (typeof types)[number]) => (sortBy === "name" ? t.resource : t.kind);
    types = [...types].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  if (output === "name") {
    inv.io.stdout(types.map((t) => (t.group ? `${t.resource}.${t.group}\n` : `${t.resource}\n`)).join(""));
    return 0;
  }
  const w = newGetTabWriter();
  const wide = output === "wide";
  if (!f.bool("no-headers")) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? "\tVERBS\tCATEGORIES" : ""}\n`);
  for (const t of types) {
    let line = `${t.resource}\t${t.shortNames.join(",")}\t${t.group ? `${t.group}/${t.version}` : t.version}\t${t.namespaced}\t${t.kind}`;
    if (wide) line += `\t${verbsOf(t.resource).join(",")}\t${(t.categories ?? []).join(",")}`;
    w.write(line + "\n");
  }
  w.flush();
  inv.io.stdout(w.take());
  return 0;
}

export const apiResourcesCommand: Command = {
  name: "api-resources",
  short: "Print the supported API resources on the server",
  long: "Print the resource types the API server offers, with their short names, API group and version, whether they live in a namespace, and their kind.",
  example:
    "  # Every resource type\n  kubectl api-resources\n  \n  # With the verbs each supports\n  kubectl api-resources -o wide\n  \n  # Only the namespaced ones, by name\n  kubectl api-resources --namespaced=true --sort-by=name\n  \n  # Only those of the apps group\n  kubectl api-resources --api-group=apps",
  use: "api-resources [flags] [options]",
  flags: [
    { name: "api-group", type: "string", usage: "Limit to resources in the specified API group." },
    BOOL("cached", "Use the cached list of resources if available."),
    { name: "categories", type: "stringSlice", default: "[]", usage: "Limit to resources that belong to the specified categories." },
    BOOL("namespaced", "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.", {
      default: "true",
    }),
    BOOL("no-headers", "When using the default or custom-column output format, don't print headers (default print headers)."),
    OUTPUT_FLAG("Output format. One of: (wide, name)."),
    { name: "sort-by", type: "string", usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: "verbs", type: "stringSlice", default: "[]", usage: "Limit to resources that support the specified verbs." },
  ],
  run: apiResourcesRun,
};

export const apiVersionsCommand: Command = {
  name: "api-versions",
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the API versions the server offers, one "group/version" per line.',
  example: "  # Every API version\n  kubectl api-versions",
  use: "api-versions [options]",
  run(inv) {
    const versions = new Set<string>();
    for (const t of inv.ctx.api.registry.all()) for (const v of servedVersions(t)) versions.add(t.group ? `${t.group}/${v}` : v);
    inv.io.stdout([...versions].sort().map((v) => v + "\n").join(""));
    return 0;
  },
};

// ---------- cluster-info ----------

export const clusterInfoCommand: Command = {
  name: "cluster-info",
  group: "Cluster Management Commands:",
  short: "Display cluster information",
  long: "Show where the control plane and the cluster's services (those labelled kubernetes.io/cluster-service=true) can be reached.",
  example: "  # Where the control plane runs\n  kubectl cluster-info",
  use: "cluster-info [flags] [options]",
  subcommands: [
    {
      name: "dump",
      short: "Dump relevant information for debugging and diagnosis",
      use: "dump [flags] [options]",
      run() {
        throw new KubectlError('"kubectl cluster-info dump" is not available in this simulated cluster yet');
      },
    },
  ],
  run(inv) {
    const server = (inv.ctx.kubeconfig ?? DEFAULT_KUBECONFIG).server;
    inv.io.stdout(
      `\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33m${server}\x1b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
    );
    return 0;
  },
};

// ---------- config ----------

function kubeconfigOf(inv: Invocation): Kubeconfig {
  return inv.ctx.kubeconfig ?? DEFAULT_KUBECONFIG;
}

function configObject(k: Kubeconfig, raw: boolean): Record<string, unknown> {
  const context: Record<string, unknown> = { cluster: k.cluster, user: k.user };
  if (k.namespace) context.namespace = k.namespace;
  return {
    apiVersion: "v1",
    clusters: [{ cluster: { "certificate-authority-data": raw ? "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==" : "DATA+OMITTED", server: k.server }, name: k.cluster }],
    contexts: [{ context, name: k.context }],
    "current-context": k.context,
    kind: "Config",
    preferences: {},
    users: [{ name: k.user, user: { token: raw ? "kubedojo-sandbox-token" : "REDACTED" } }],
  };
}

const currentContextCommand: Command = {
  name: "current-context",
  short: "Display the current-context",
  long: "Print the name of the kubeconfig's current context.",
  example: "  # The current context\n  kubectl config current-context",
  use: "current-context [flags] [options]",
  run(inv) {
    inv.io.stdout(kubeconfigOf(inv).context + "\n");
    return 0;
  },
};

const viewCommand: Command = {
  name: "view",
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  long: "Print the kubeconfig, with certificates and tokens hidden unless --raw is given.",
  example: "  # The kubeconfig\n  kubectl config view\n  \n  # The name of the first context\n  kubectl config view -o jsonpath='{.contexts[0].name}'",
  use: "view [flags] [options]",
  flags: [
    BOOL("allow-missing-template-keys", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", { default: "true" }),
    BOOL("flatten", "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"),
    BOOL("merge", "Merge the full hierarchy of kubeconfig files", { default: "true" }),
    BOOL("minify", "Remove all information not used by current-context from the output"),
    { ...OUTPUT_FLAG("Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."), default: "yaml" },
    BOOL("raw", "Display raw byte data and sensitive data"),
    { name: "show-managed-fields", type: "bool", default: "false", noOptDefVal: "true", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
  run(inv) {
    if (inv.args.length > 0) throw usageError(inv.path, `unexpected arguments: [${inv.args.join(" ")}]`);
    const obj = configObject(kubeconfigOf(inv), inv.flags.bool("raw"));
    const output = inv.flags.string("output") || "yaml";
    if (output === "yaml") inv.io.stdout(yamlText(obj));
    else if (output === "json") inv.io.stdout(jsonText(obj));
    else if (output.startsWith("jsonpath=")) inv.io.stdout(compileJsonPath(output.slice("jsonpath=".length)).execute(obj));
    else throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
    return 0;
  },
};

const getContextsCommand: Command = {
  name: "get-contexts",
  short: "Describe one or many contexts",
  long: "List the kubeconfig's contexts; the current one is marked with *.",
  example: "  # All contexts\n  kubectl config get-contexts",
  use: "get-contexts [(-o|--output=)name)] [options]",
  flags: [
    BOOL("no-headers", "When using the default or custom-column output format, don't print headers (default print headers)."),
    OUTPUT_FLAG("Output format. One of: (name)."),
  ],
  run(inv) {
    const k = kubeconfigOf(inv);
    for (const name of inv.args) {
      if (name !== k.context) throw new KubectlError(`context ${name} not found`);
    }
    if (inv.flags.string("output") === "name") {
      inv.io.stdout(k.context + "\n");
      return 0;
    }
    const w = newGetTabWriter();
    if (!inv.flags.bool("no-headers")) w.write("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n");
    w.write(`*\t${k.context}\t${k.cluster}\t${k.user}\t${k.namespace ?? ""}\n`);
    w.flush();
    inv.io.stdout(w.take());
    return 0;
  },
};

export const configCommand: Command = {
  name: "config",
  short: "Modify kubeconfig files",
  long: 'Read the kubeconfig that tells kubectl which cluster to talk to and as whom, with subcommands like "kubectl config current-context".\n\n This simulated cluster has a single context, set up for you.',
  use: "config SUBCOMMAND [options]",
  subcommands: [currentContextCommand, getContextsCommand, viewCommand],
};

export const optionsCommand: Command = {
  name: "options",
  short: "Print the list of flags inherited by all commands",
  long: "Print the list of flags inherited by all commands",
  use: "options [flags] [options]",
  run(inv) {
    inv.io.stdout(optionsText());
    return 0;
  },
};
