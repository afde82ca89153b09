// kubectl's completion functions (pkg/util/completion at release-1.32):
// resource types as `api-resources -o name` lists those that can be got,
// object names as `get -o go-template` prints them, `TYPE/NAME` forms, pods
// and the resources that have pods, containers, container ports, and the
// kubeconfig's contexts, clusters and users. Like kubectl, they run this
// kubectl's own `get` and `api-resources`, so they see what a learner sees.
import { DEFAULT_KUBECONFIG } from "../types.ts";
import { type Completer, type CompletionRequest, Directive } from "./types.ts";

const NAMES_TEMPLATE = "{{ range .items  }}{{ .metadata.name }} {{ end }}";
const CONTAINERS_TEMPLATE = "{{ range .spec.initContainers }}{{ .name }} {{end}}{{ range .spec.containers  }}{{ .name }} {{ end }}";

/** Types whose objects have pods, for `logs TYPE/NAME` and friends. */
const RESOURCES_WITH_PODS = ["daemonsets", "deployments", "pods", "jobs", "replicasets", "replicationcontrollers", "services", "statefulsets"];

/**
 * CompGetFromTemplate: `kubectl get ARGS -o go-template=T` in the namespace
 * of the command line (-n) or the kubeconfig, split on spaces, filtered by
 * prefix. Errors print nothing, as kubectl discards them.
 */
async function getFromTemplate(req: CompletionRequest, template: string, args: string[], toComplete: string): Promise<string[]> {
  const kubeconfig = req.ctx.kubeconfig ?? DEFAULT_KUBECONFIG;
  // An unknown --context makes kubectl's config loader fail: nothing to offer.
  const context = req.flags.string("context");
  if (context !== "" && context !== kubeconfig.context) return [];
  const namespace = req.flags.string("namespace");
  const nsArgs = req.flags.changedFlag("namespace") && namespace !== "" ? ["--namespace", namespace] : [];
  const out = await req.kubectl(["get", ...args, "-o", `go-template=${template}`, ...nsArgs]);
  return out.split(" ").filter((s) => s !== "" && s.startsWith(toComplete));
}

/** CompGetResource: names of the objects of a type (or `a,b` types) starting with `toComplete`. */
export function compGetResource(req: CompletionRequest, resource: string, toComplete: string): Promise<string[]> {
  return getFromTemplate(req, NAMES_TEMPLATE, [resource], toComplete);
}

/** compGetResourceList: resource types that can be got, completing the last of `a,b,c`. */
async function compGetResourceList(req: CompletionRequest, toComplete: string): Promise<string[]> {
  const out = await req.kubectl(["api-resources", "-o", "name", "--cached", "--verbs", "get"]);
  const comma = toComplete.lastIndexOf(",");
  const prefix = comma >= 0 ? toComplete.slice(0, comma + 1) : "";
  const suffix = comma >= 0 ? toComplete.slice(comma + 1) : toComplete;
  return out
    .split("\n")
    .filter((r) => r !== "" && r.startsWith(suffix))
    .map((r) => prefix + r);
}

function without(comps: string[], exclude: readonly string[]): string[] {
  return comps.filter((c) => !exclude.includes(c));
}

/**
 * Resource types then names, `TYPE NAME...` or `TYPE/NAME...`. With
 * `allowedTypes`, only those types are offered; without `allowRepeat`, one
 * object only.
 */
function resourceTypeAndName(allowedTypes: readonly string[] | undefined, allowRepeat: boolean): Completer {
  return async (req) => {
    const { args } = req;
    let toComplete = req.toComplete;
    let comps: string[] = [];
    let directive: number = Directive.NoFileComp;
    const types = async (): Promise<string[]> =>
      allowedTypes ? allowedTypes.filter((t) => t.startsWith(toComplete)) : compGetResourceList(req, toComplete);

    if (args.length > 0 && !args[0]!.includes("/")) {
      // `TYPE NAME...`: names of that type, less those already given.
      if (allowRepeat || args.length === 1) {
        comps = await compGetResource(req, args[0]!, toComplete);
        if (args.length > 1) comps = without(comps, args.slice(1));
      }
    } else {
      const slash = toComplete.indexOf("/");
      if (slash < 0) {
        if (args.length === 0) {
          comps = await types();
        } else if (allowRepeat) {
          // After a TYPE/NAME every argument is TYPE/NAME: offer `TYPE/` with no space after.
          directive |= Directive.NoSpace;
          comps = (await types()).map((t) => `${t}/`);
        }
      } else if (allowRepeat || args.length === 0) {
        const type = toComplete.slice(0, slash);
        toComplete = toComplete.slice(slash + 1);
        comps = (await compGetResource(req, type, toComplete)).map((n) => `${type}/${n}`);
        if (args.length > 0) comps = without(comps, args);
      }
    }
    return { completions: comps, directive };
  };
}

/** ResourceTypeAndNameCompletionFunc: get, describe, delete, label, ... */
export const resourceTypesAndNames: Completer = resourceTypeAndName(undefined, true);

/** SpecifiedResourceTypeAndNameCompletionFunc: scale, rollout history, ... */
export function specifiedTypesAndNames(allowedTypes: readonly string[]): Completer {
  return resourceTypeAndName(allowedTypes, true);
}

/** SpecifiedResourceTypeAndNameNoRepeatCompletionFunc: rollout status, set image. */
export function specifiedTypeAndNameNoRepeat(allowedTypes: readonly string[]): Completer {
  return resourceTypeAndName(allowedTypes, false);
}

/** ResourceNameCompletionFunc: the first argument is an object of one type (nodes for drain, ...). */
export function resourceNames(type: string): Completer {
  return async (req) => ({
    completions: req.args.length === 0 ? await compGetResource(req, type, req.toComplete) : [],
    directive: Directive.NoFileComp,
  });
}

/** doPodResourceCompletion: pod names, then `TYPE/` for the types that have pods. */
async function podResourceCompletion(req: CompletionRequest, toComplete: string): Promise<{ completions: string[]; directive: number }> {
  let directive: number = Directive.NoFileComp;
  const slash = toComplete.indexOf("/");
  if (slash >= 0) {
    const type = toComplete.slice(0, slash);
    const names = await compGetResource(req, type, toComplete.slice(slash + 1));
    return { completions: names.map((n) => `${type}/${n}`), directive };
  }
  const comps = await compGetResource(req, "pod", toComplete);
  // Only `TYPE/` left to offer: no space after it.
  if (comps.length === 0) directive |= Directive.NoSpace;
  comps.push(...RESOURCES_WITH_PODS.filter((r) => r.startsWith(toComplete)).map((r) => `${r}/`));
  return { completions: comps, directive };
}

/** PodResourceNameCompletionFunc: exec, attach. */
export const podResourceNames: Completer = async (req) =>
  req.args.length === 0 ? podResourceCompletion(req, req.toComplete) : { completions: [], directive: Directive.NoFileComp };

/**
 * convertResourceNameToPodName: a bare name is a pod's. For `pod/NAME` the
 * name; other `TYPE/NAME` forms need kubectl's attachable-pod lookup, which
 * this simulator does not do for completion (nothing is offered).
 */
function podNameOf(arg: string): string {
  const slash = arg.indexOf("/");
  if (slash < 0) return arg;
  const type = arg.slice(0, slash);
  return ["po", "pod", "pods"].includes(type) ? arg.slice(slash + 1) : "";
}

async function containersOf(req: CompletionRequest, podName: string, toComplete: string): Promise<string[]> {
  if (podName === "") return [];
  return getFromTemplate(req, CONTAINERS_TEMPLATE, ["pod", podName], toComplete);
}

/** PodResourceNameAndContainerCompletionFunc: logs POD [CONTAINER]. */
export const podResourceNamesAndContainers: Completer = async (req) => {
  if (req.args.length === 0) return podResourceCompletion(req, req.toComplete);
  if (req.args.length === 1) {
    return { completions: await containersOf(req, podNameOf(req.args[0]!), req.toComplete), directive: Directive.NoFileComp };
  }
  return { completions: [], directive: Directive.NoFileComp };
};

/** ContainerCompletionFunc: `exec POD -c CONTAINER`. */
export const containerNames: Completer = async (req) => ({
  completions: req.args.length > 0 ? await containersOf(req, podNameOf(req.args[0]!), req.toComplete) : [],
  directive: Directive.NoFileComp,
});

/** ResourceAndPortCompletionFunc: `port-forward POD|TYPE/NAME PORT`, ports as `LOCAL:REMOTE`. */
export const resourcesAndPorts: Completer = async (req) => {
  if (req.args.length === 0) return podResourceCompletion(req, req.toComplete);
  if (req.args.length > 1) return { completions: [], directive: Directive.NoFileComp };
  const parts = req.args[0]!.split("/");
  const type = parts.length === 1 ? "pod" : parts[0]!;
  const local = req.toComplete === "" ? undefined : req.toComplete.split(":")[0]!;
  let comps: string[];
  if (type === "service" || type === "services" || type === "svc") {
    const t = `{{ range .spec.ports }}${local ?? "{{ .port }}"}:{{ .port }} {{ end }}`;
    comps = await getFromTemplate(req, t, ["service", parts[1] ?? ""], req.toComplete);
  } else {
    const pod = podNameOf(req.args[0]!);
    const t = `{{ range .spec.containers }}{{ range .ports }}${local ?? "{{ .containerPort }}"}:{{ .containerPort }} {{ end }}{{ end }}`;
    comps = pod === "" ? [] : await getFromTemplate(req, t, ["pod", pod], req.toComplete);
  }
  return { completions: comps, directive: Directive.NoFileComp };
};

type KubeconfigName = "context" | "cluster" | "user";

/** ListContextsInConfig and friends: names in the kubeconfig starting with `toComplete`. */
function kubeconfigNames(req: CompletionRequest, what: KubeconfigName): string[] {
  const k = req.ctx.kubeconfig ?? DEFAULT_KUBECONFIG;
  return [k[what]].filter((n) => n.startsWith(req.toComplete));
}

/** The value of --context, --cluster, --user. */
export function kubeconfigFlagValues(what: KubeconfigName): Completer {
  return (req) => ({ completions: kubeconfigNames(req, what), directive: Directive.NoFileComp });
}

/** ContextCompletionFunc and friends: the first argument is a kubeconfig name. */
export function kubeconfigArg(what: KubeconfigName): Completer {
  return (req) => ({ completions: req.args.length === 0 ? kubeconfigNames(req, what) : [], directive: Directive.NoFileComp });
}

/** --namespace: the namespaces of the cluster. */
export const namespaceNames: Completer = async (req) => ({
  completions: await compGetResource(req, "namespace", req.toComplete),
  directive: Directive.NoFileComp,
});

/** A fixed list of values, filtered by prefix. */
export function oneOf(values: readonly string[]): Completer {
  return (req) => ({ completions: values.filter((v) => v.startsWith(req.toComplete)), directive: Directive.NoFileComp });
}

/** A fixed list of values, not filtered (cobra's FixedCompletions). */
export function fixed(values: readonly string[]): Completer {
  return () => ({ completions: [...values], directive: Directive.NoFileComp });
}
