// `kubectl wait` (pkg/cmd/wait, v1.32): for each object the command line
// names, wait in virtual time until a status condition, a JSONPath value,
// its creation or its deletion is seen, then print `<kind>/<name> condition
// met`; give up at --timeout with `timed out waiting for the condition on
// <resource>/<name>`. A cluster in fast-forward that goes idle can no longer
// change anything: the wait then runs straight to its deadline.
import { ApiError, isNotFound } from "../../api/errors.ts";
import type { ResourceType } from "../../api/registry.ts";
import type { KubeObject } from "../../api/types.ts";
import type { Command, Invocation } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from "../get.ts";
import { JsonPath, parseJsonPath, relaxedJsonPathExpression } from "../printers/jsonpath.ts";
import { formatValue } from "../printers/go/fmt.ts";
import type { GoValue } from "../printers/go/value.ts";
import { buildVisits } from "../resources.ts";
import { KubectlError } from "../types.ts";
import { toWire } from "../wire.ts";
import { objectPrinter, PRINT_FLAGS } from "./mutation.ts";

/** How often the waiting loop looks again (virtual ms): the watch's reaction, near enough. */
const STEP_MS = 250;
/** A negative --timeout: a week. */
const WEEK_MS = 168 * 3600_000;

type Check = (obj: KubeObject) => boolean;

interface Condition {
  kind: "delete" | "create" | "check";
  check?: Check;
}

/** Go's strings.EqualFold, near enough: Unicode simple case folding. */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** ConditionalWait.checkCondition: the condition's status, unless it describes an older generation. */
function conditionCheck(name: string, value: string): Check {
  return (obj) => {
    const o = obj as unknown as { metadata?: { generation?: number }; status?: { observedGeneration?: number; conditions?: unknown } };
    const conditions = o.status?.conditions;
    if (!Array.isArray(conditions)) return false;
    for (const c of conditions as Array<Record<string, unknown>>) {
      if (typeof c.type !== "string" || !equalFold(c.type, name)) continue;
      if (typeof c.status !== "string") continue;
      const generation = o.metadata?.generation;
      if (typeof generation === "number") {
        const observed = typeof c.observedGeneration === "number" ? c.observedGeneration : o.status?.observedGeneration;
        if (typeof observed === "number" && observed < generation) return false;
      }
      return equalFold(c.status, value);
    }
    return false;
  };
}

/** splitJSONPathInput: `=` separates the path from the value, `==` stays in the path. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (i < input.length - 1 && input[i + 1] === "=") {
        element += "==";
        i++;
        continue;
      }
      out.push(element);
      element = "";
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}

/** JSONPathWait.checkCondition: one value, compared as fmt's %v prints it, spaces trimmed. */
function jsonPathCheck(input: string): Check {
  const parts = splitJsonPathInput(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  const expression = relaxedJsonPathExpression(parts[0]!);
  let expected: string | undefined;
  if (parts.length === 2) {
    expected = parts[1]!.replace(/^['"]+|['"]+$/g, "");
    if (expected === "") throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (expression === "") throw new KubectlError("jsonpath expression cannot be empty");
  const path = new JsonPath(parseJsonPath(expression), { allowMissingKeys: true });
  return (obj) => {
    const results = path.findResults(toWire(obj));
    if (results.length === 0 || results[0]!.length === 0) return false;
    if (results.length > 1) throw new KubectlError("given jsonpath expression matches more than one list");
    if (results[0]!.length > 1) throw new KubectlError("given jsonpath expression matches more than one value");
    if (expected === undefined) return true;
    const v = results[0]![0];
    if (v !== null && typeof v === "object" && !("toNumber" in (v as object))) {
      throw new KubectlError("jsonpath leads to a nested object or list which is not supported");
    }
    return formatValue(v as GoValue).trim() === expected.trim();
  };
}

/** conditionFuncFor. */
function conditionFor(condition: string): Condition {
  const lower = condition.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower === "create") return { kind: "create" };
  if (condition.startsWith("condition=")) {
    const rest = condition.slice("condition=".length);
    const eq = rest.indexOf("=");
    return { kind: "check", check: eq === -1 ? conditionCheck(rest, "true") : conditionCheck(rest.slice(0, eq), rest.slice(eq + 1)) };
  }
  if (condition.startsWith("jsonpath=")) return { kind: "check", check: jsonPathCheck(condition.slice("jsonpath=".length)) };
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(condition)}`);
}

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  object: KubeObject;
}

function resourceName(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const condition = conditionFor(flags.string("for"));
  const timeoutFlag = flags.duration("timeout");
  const timeout = timeoutFlag < 0 ? WEEK_MS : timeoutFlag;
  const out = objectPrinter(inv, "none");
  const printer = (obj: KubeObject, _type: ResourceType) => out.print(obj, "condition met");
  const find = (): Target[] => {
    const built = buildVisits(ctx, {
      args: inv.args,
      filenames: flags.strings("filename"),
      labelSelector: flags.changedFlag("selector") ? flags.string("selector") : flags.bool("all") ? "" : undefined,
      fieldSelector: flags.string("field-selector") || undefined,
      allNamespaces: flags.bool("all-namespaces"),
      namespace: inv.namespace,
      explicitNamespace: inv.explicitNamespace,
      stdin: io.stdin,
    });
    if (built.errors.length > 0) throw built.errors[0];
    const out: Target[] = [];
    for (const v of built.visits) {
      if (v.kind === "name") {
        const object = ctx.api.get(v.type.resource, v.namespace, v.name);
        out.push({ type: v.type, namespace: v.namespace, name: v.name, object });
      } else {
        for (const object of ctx.api.list(v.type.resource, { namespace: v.namespace, labelSelector: v.labelSelector || undefined, fieldSelector: v.fieldSelector || undefined }).items) {
          out.push({ type: v.type, namespace: object.metadata.namespace, name: object.metadata.name ?? "", object });
        }
      }
    }
    return out;
  };

  const start = ctx.now();
  const deadline = start + timeout;
  const timedOut = (t: { type: ResourceType; name: string }) => new KubectlError(`timed out waiting for the condition on ${t.type.resource}/${t.name}`);
  /** Let virtual time pass until `done()` or the deadline; false at the deadline. */
  const waitUntil = async (done: () => boolean): Promise<boolean | "interrupted"> => {
    for (;;) {
      if (done()) return true;
      if (io.signal?.aborted) return "interrupted";
      const now = ctx.now();
      if (now >= deadline) return false;
      // Fast-forward on an idle cluster: nothing will change before the deadline.
      const step = ctx.idle?.() ? deadline - now : Math.min(STEP_MS, deadline - now);
      await ctx.wait(step);
    }
  };

  let targets: Target[];
  if (condition.kind === "create") {
    // Poll until every named object exists.
    let found: Target[] | undefined;
    const attempt = () => {
      try {
        found = find();
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    };
    const outcome = await waitUntil(attempt);
    if (outcome === "interrupted") return 130;
    if (!outcome) throw new KubectlError("timed out waiting for the condition");
    targets = found!;
  } else if (condition.kind === "delete") {
    try {
      targets = find();
    } catch (err) {
      if (isNotFound(err)) return 0;
      throw err;
    }
  } else {
    targets = find();
  }
  if (targets.length === 0 && condition.kind !== "delete") throw new KubectlError("no matching resources found");

  for (const t of targets) {
    const current = () => ctx.api.find(t.type.resource, t.namespace, t.name);
    if (condition.kind === "delete") {
      const gone = () => {
        const now = current();
        return now === undefined || now.metadata.uid !== t.object.metadata.uid;
      };
      if (timeout === 0) {
        if (!gone()) throw new KubectlError(`condition not met for ${t.type.resource}/${t.name}`);
      } else {
        const outcome = await waitUntil(gone);
        if (outcome === "interrupted") return 130;
        if (!outcome) throw timedOut(t);
      }
      printer(t.object, t.type);
      continue;
    }
    if (condition.kind === "create") {
      printer(t.object, t.type);
      continue;
    }
    const check = condition.check!;
    if (timeout === 0) {
      const obj = current();
      if (!obj) throw new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${resourceName(t.type)} "${t.name}" not found`, reason: "NotFound", code: 404 });
      if (!check(obj)) throw new KubectlError(`condition not met for ${t.type.resource}/${t.name}`);
      printer(obj, t.type);
      continue;
    }
    let met: KubeObject | undefined;
    let deleted = false;
    const outcome = await waitUntil(() => {
      const obj = current();
      if (!obj) {
        deleted = true;
        return true;
      }
      if (check(obj)) met = obj;
      return met !== undefined;
    });
    if (outcome === "interrupted") return 130;
    if (deleted) {
      throw new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${resourceName(t.type)} "${t.name}" not found`, reason: "NotFound", code: 404 });
    }
    if (!outcome) throw timedOut(t);
    printer(met!, t.type);
  }
  return 0;
}

const FLAGS: FlagDef[] = [
  BOOL("all", "Select all resources in the namespace of the specified resource types"),
  ALL_NAMESPACES_FLAG,
  ...PRINT_FLAGS.filter((f) => f.name !== "output" && f.name !== "template" && f.name !== "show-managed-fields"),
  STRING(
    "field-selector",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  ),
  { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "identifying the resource." },
  STRING(
    "for",
    "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
  ),
  BOOL("local", "If true, annotation will NOT contact api-server but run locally."),
  ...PRINT_FLAGS.filter((f) => f.name === "output" || f.name === "show-managed-fields" || f.name === "template"),
  BOOL(
    "recursive",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
    { shorthand: "R", default: "true" },
  ),
  { ...SELECTOR_FLAG, usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
  {
    name: "timeout",
    type: "duration",
    default: "30s",
    usage: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
  },
];

export const waitCommand: Command = {
  name: "wait",
  suggestFor: ["list", "ps"],
  short: "Experimental: Wait for a specific condition on one or many resources",
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes one or more objects and waits until the condition you name is seen on every one of them: a status condition, a value at a JSONPath, or the object's creation or deletion.

 For each object it prints a line on stdout when the condition is met (use -o for another format). It gives up after --timeout.`,
  example: `  # Wait for the pod "busybox1" to have the status condition "Ready"
  kubectl wait --for=condition=Ready pod/busybox1
  
  # The same with the condition's value given (values compare case-insensitively)
  kubectl wait --for=condition=Ready=false pod/busybox1
  
  # Wait until the deployment "web" is available
  kubectl wait --for=condition=Available deployment/web
  
  # Wait until a JSONPath has a value
  kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 deployment/web
  
  # Wait for the pod "busybox1" to be created, for at most 30 seconds
  kubectl wait --for=create pod/busybox1 --timeout=30s
  
  # Delete the pod "busybox1", then wait up to 60 seconds for it to be gone
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: FLAGS,
  run,
};
