// `kubectl run` (pkg/cmd/run and the run-pod/v1 generator of
// pkg/generate/versioned, v1.32): build a Pod from the flags (named NAME, one
// container NAME running --image, labels run=NAME unless --labels), let
// --overrides patch it, then create it (or print it on a dry run). With
// --attach or -i, wait in virtual time for the pod to run and attach to it;
// a pod that has already finished shows its logs instead, and
// --restart=Never/OnFailure makes the container's exit code kubectl's.
// --rm deletes what was created once the session ends.
//
// The session in a container needs the pod shell, which the simulator does
// not have yet: where real kubectl would attach, this one says so (the same
// message as exec and attach). --expose creates the Service when the cluster
// knows the kind.
import { ApiError, isNotFound } from "../../api/errors.ts";
import { PodLogFollower } from "../../api/logs.ts";
import { PatchError } from "../../api/patch/errors.ts";
import { applyJsonPatch } from "../../api/patch/json.ts";
import { applyMergePatch } from "../../api/patch/merge.ts";
import { applyStrategicMergePatch } from "../../api/patch/strategic.ts";
import { schemaFor } from "../../api/patch/strategic-schema.ts";
import { decodeBody } from "../../api/schema/decode.ts";
import { kindInfo } from "../../api/schema/schema.ts";
import { dropField } from "../../api/server.ts";
import type { KubeObject, Pod } from "../../api/types.ts";
import { REFERENCE_PATTERN } from "../../util/image-reference.ts";
import { type Command, type Invocation, usageError } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG } from "../get.ts";
import { KubectlError, RawError } from "../types.ts";
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy, LAST_APPLIED, operationPrinter, PRINT_FLAGS, printWarnings, SAVE_CONFIG_FLAG, withApplyAnnotation } from "../write.ts";
import { typedJson } from "../typed-json.ts";
import { CASCADE_FLAG, cascadeStrategy, FORCE_FLAG, GRACE_PERIOD_FLAG, TIMEOUT_FLAG } from "./delete.ts";
import { POD_SHELL_MESSAGE } from "./exec.ts";
import { parseGoJson } from "./go-json.ts";
import { CHANGE_CAUSE, changeCause, fieldManagerFlag, FORMATS, RECORD_FLAG, recording } from "./mutation.ts";

/** How often a waiting run looks at its pod again (virtual ms). */
const STEP_MS = 250;
/** Fast-forward: how long an attached stream may stay silent before it is taken as done. */
const QUIET_MS = 60_000;

type RestartPolicy = "Always" | "OnFailure" | "Never";

const FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  { name: "annotations", type: "stringArray", default: "[]", usage: "Annotations to apply to the pod." },
  BOOL(
    "attach",
    "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
  ),
  CASCADE_FLAG,
  BOOL("command", "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."),
  DRY_RUN_FLAG,
  { name: "env", type: "stringArray", default: "[]", usage: "Environment variables to set in the container." },
  BOOL("expose", "If true, create a ClusterIP service associated with the pod.  Requires `--port`."),
  fieldManagerFlag("kubectl-run"),
  { name: "filename", shorthand: "f", type: "stringSlice", default: "[]", usage: "to use to replace the resource." },
  FORCE_FLAG,
  GRACE_PERIOD_FLAG,
  STRING("image", "The image for the container to run."),
  STRING("image-pull-policy", "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server."),
  { ...KUSTOMIZE_FLAG, usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
  STRING("labels", "Comma separated labels to apply to the pod. Will override previous values.", { shorthand: "l" }),
  BOOL(
    "leave-stdin-open",
    "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.",
  ),
  STRING("override-type", "The method used to override the generated object: json, merge, or strategic.", { default: "merge" }),
  STRING(
    "overrides",
    "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.",
  ),
  {
    name: "pod-running-timeout",
    type: "duration",
    default: "1m0s",
    usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
  },
  STRING("port", "The port that this container exposes."),
  BOOL("privileged", "If true, run the container in privileged mode."),
  BOOL("quiet", "If true, suppress prompt messages.", { shorthand: "q" }),
  RECORD_FLAG,
  RECURSIVE_FLAG,
  STRING("restart", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].", { default: "Always" }),
  BOOL("rm", "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."),
  SAVE_CONFIG_FLAG,
  BOOL("stdin", "Keep stdin open on the container in the pod, even if nothing is attached.", { shorthand: "i" }),
  TIMEOUT_FLAG,
  BOOL("tty", "Allocate a TTY for the container in the pod.", { shorthand: "t" }),
  BOOL("wait", "If true, wait for resources to be gone before returning. This waits for finalizers."),
];

// ---------- the generator (run-pod/v1) ----------

/** generate.ParseLabels: `k=v,k2=v2`, nothing else. */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of spec.split(",")) {
    const kv = part.split("=");
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === "") throw new KubectlError("unexpected empty label key");
    labels[kv[0]!] = kv[1]!;
  }
  return labels;
}

/** cmdutil.ParsePairs without removals: `key=value` (the value may hold more `=`). */
function parseAnnotations(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") out[p.slice(0, p.indexOf("="))] = p.slice(p.indexOf("=") + 1);
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new KubectlError(`invalid annotations format: ${invalid.join(", ")}`);
  return out;
}

/** parseEnvs: `NAME=value`, NAME a valid environment variable name. */
function parseEnvs(envs: readonly string[]): Array<{ name: string; value?: string }> {
  return envs.map((env) => {
    const eq = env.indexOf("=");
    const name = eq < 0 ? "" : env.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new KubectlError(`invalid env: ${env}`);
    const value = env.slice(eq + 1);
    // EnvVar.Value is omitempty.
    return value === "" ? { name } : { name, value };
  });
}

/** strconv.Atoi (a 64-bit int), then Go's int32() conversion: the low 32 bits. */
function atoiInt32(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n !== BigInt.asIntN(64, n)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(BigInt.asIntN(32, n));
}

interface Generated {
  pod: KubeObject;
  /** The labels the pod got (the Service's selector). */
  labels: Record<string, string>;
}

/** BasicPod.Generate, with the checks in its order: env, annotations, labels, port. */
function generatePod(inv: Invocation, name: string, args: readonly string[]): Generated {
  const f = inv.flags;
  const env = parseEnvs(f.strings("env"));
  const annotations = parseAnnotations(f.strings("annotations"));
  const labelSpec = f.string("labels");
  const labels = labelSpec === "" ? { run: name } : parseLabels(labelSpec);
  const stdin = f.bool("stdin");
  const container: Record<string, unknown> = { name, image: f.string("image") };
  if (args.length > 0) container[f.bool("command") ? "command" : "args"] = [...args];
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (f.string("image-pull-policy") !== "") container.imagePullPolicy = f.string("image-pull-policy");
  if (f.bool("privileged")) container.securityContext = { privileged: true };
  if (stdin) container.stdin = true;
  if (stdin && !f.bool("leave-stdin-open")) container.stdinOnce = true;
  if (f.bool("tty")) container.tty = true;
  const port = f.string("port");
  if (port !== "") container.ports = [{ containerPort: atoiInt32(port) }];
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata,
    // The generator reads --restart itself: an empty one is Always here, whatever -i says.
    spec: { containers: [container], restartPolicy: f.string("restart") || "Always", dnsPolicy: "ClusterFirst" },
    status: {},
  } as unknown as KubeObject;
  return { pod, labels };
}

/** The ServiceV2 generator as run calls it: one TCP port, to the same container port. */
function generateService(inv: Invocation, name: string, selector: Record<string, string>): KubeObject {
  const port = atoiInt32(inv.flags.string("port"));
  const labelSpec = inv.flags.string("labels");
  const metadata: Record<string, unknown> = { name, creationTimestamp: null };
  if (labelSpec !== "") metadata.labels = parseLabels(labelSpec);
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: { ports: [{ protocol: "TCP", port, targetPort: port }], selector },
    status: { loadBalancer: {} },
  } as unknown as KubeObject;
}

// ---------- --overrides ----------

/**
 * cmdutil.Overrider: the pod, encoded, patched with --overrides, and decoded
 * back into a typed Pod (fields the type lacks are dropped, a field of the
 * wrong JSON type fails as the decoder words it).
 */
function applyOverrides(inv: Invocation, pod: KubeObject): KubeObject {
  const text = inv.flags.string("overrides");
  if (text === "") return pod;
  const type = inv.flags.string("override-type") || "merge";
  let patched: unknown;
  try {
    switch (type) {
      case "json":
        patched = applyJsonPatch(pod, parseFragment(text, "json"));
        break;
      case "merge":
        patched = applyMergePatch(pod, parseFragment(text, "merge"));
        break;
      case "strategic":
        patched = applyStrategicMergePatch(pod, parseFragment(text, "strategic"), schemaFor("Pod"));
        break;
      default:
        throw new KubectlError(`invalid override type: ${type}`);
    }
  } catch (err) {
    if (err instanceof KubectlError) throw err;
    // The patch libraries' own words (the server would hide some of them).
    if (err instanceof PatchError) throw new KubectlError(err.detail);
    throw err;
  }
  return decodeTyped(patched);
}

/** The override's JSON; each patch library words a syntax error its own way. */
function parseFragment(text: string, type: "json" | "merge" | "strategic"): unknown {
  try {
    return parseGoJson(text);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (type === "merge") throw new KubectlError("Invalid JSON Patch");
    if (type === "strategic") throw new KubectlError("invalid JSON document");
    throw new KubectlError(err.message);
  }
}

/** The JSON kind encoding/json names in an unmarshal error. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  return typeof v === "boolean" ? "bool" : typeof v;
}

/**
 * runtime.Decode with kubectl's scheme: apiVersion and kind pick the type
 * (another registered kind is decoded as that kind, as kubectl does).
 */
function decodeTyped(obj: unknown): KubeObject {
  if (obj !== null && (typeof obj !== "object" || Array.isArray(obj))) {
    throw new KubectlError(
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(obj)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  const rec = (obj ?? {}) as KubeObject;
  const apiVersion = typeof rec.apiVersion === "string" ? rec.apiVersion : "";
  const kind = typeof rec.kind === "string" ? rec.kind : "";
  const text = () => (obj === null ? "null" : typedJson(rec, null, { apiVersion: "v1", kind: "Pod" }));
  if (kind === "") throw new KubectlError(`Object 'Kind' is missing in '${text()}'`);
  if (apiVersion === "") throw new KubectlError(`Object 'apiVersion' is missing in '${text()}'`);
  if (!kindInfo(apiVersion, kind)) {
    throw new KubectlError(`no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/scheme/scheme.go:28"`);
  }
  const decoded = decodeBody({ apiVersion, kind }, rec, "Ignore");
  if (decoded.error) throw new KubectlError(decoded.error.slice(decoded.error.indexOf(": ") + 2));
  for (const path of decoded.unknownFields ?? []) dropField(rec, path);
  // A typed Service prints its empty load balancer status.
  if (kind === "Service") {
    const svc = rec as { status?: Record<string, unknown> };
    svc.status = { loadBalancer: {}, ...(svc.status ?? {}) };
  }
  return rec;
}

// ---------- creating ----------

/** createGeneratedObject: record, annotate, create (or keep it local on a client dry run). */
function createObject(inv: Invocation, resource: string, obj: KubeObject, dryRun: DryRun): KubeObject {
  if (recording(inv)) {
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(inv) };
  }
  if (dryRun === "client") {
    if (inv.explicitNamespace) obj.metadata.namespace = inv.namespace;
    return obj;
  }
  // CreateOrUpdateAnnotation: --save-config, or an annotation already there, gets refreshed.
  if (inv.flags.bool("save-config") || obj.metadata.annotations?.[LAST_APPLIED] !== undefined) obj = withApplyAnnotation(obj, true);
  const warnings: string[] = [];
  const created = inv.ctx.api.create(resource, obj, { namespace: inv.namespace, dryRun: dryRun === "server", warnings });
  printWarnings(inv, warnings);
  return created;
}

function restartPolicy(inv: Invocation): RestartPolicy {
  const restart = inv.flags.string("restart");
  if (restart === "") return inv.flags.bool("stdin") ? "OnFailure" : "Always";
  if (restart === "Always" || restart === "OnFailure" || restart === "Never") return restart;
  throw usageError(inv.path, `invalid restart policy: ${restart}`);
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  // cobra: a required flag.
  if (!f.changedFlag("image")) throw new KubectlError('required flag(s) "image" not set');
  // Complete
  const dryRun = dryRunStrategy(inv);
  const stdin = f.bool("stdin");
  const attach = f.changedFlag("attach") ? f.bool("attach") : stdin;
  const print = operationPrinter(inv, "created", dryRun, { typed: true, formats: FORMATS });
  cascadeStrategy(f.string("cascade"));
  // Run's checks
  if (inv.args.length === 0 || inv.argsLenAtDash === 0) throw usageError(inv.path, "NAME is required for run");
  const timeout = f.duration("pod-running-timeout");
  if (timeout <= 0) throw usageError(inv.path, "--pod-running-timeout must be higher than zero");
  const image = f.string("image");
  if (image === "") throw new KubectlError("--image is required");
  if (!REFERENCE_PATTERN.test(image)) throw new KubectlError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (f.bool("tty") && !stdin) throw usageError(inv.path, "-i/--stdin is required for containers with -t/--tty=true");
  const expose = f.bool("expose");
  if (expose && f.string("port") === "") throw usageError(inv.path, "--port must be set when exposing a service");
  const restart = restartPolicy(inv);
  const remove = f.bool("rm");
  if (!attach && remove) throw usageError(inv.path, "--rm should only be used for attached containers");
  if (attach && dryRun !== "none") {
    throw usageError(inv.path, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  }
  const pullPolicy = f.string("image-pull-policy");
  if (pullPolicy !== "" && pullPolicy !== "Always" && pullPolicy !== "IfNotPresent" && pullPolicy !== "Never") {
    throw usageError(inv.path, `invalid image pull policy: ${pullPolicy}`);
  }
  const name = inv.args[0]!;
  if (name === "") throw new KubectlError("Parameter: name is required");

  const { pod, labels } = generatePod(inv, name, inv.args.slice(1));
  const overridden = applyOverrides(inv, pod);
  // Said before the pod is created, rather than leave half of what was asked for.
  if (expose && !inv.ctx.api.registry.get("services")) {
    throw new KubectlError("--expose needs Services, which this simulated cluster does not have yet");
  }
  const created: Array<{ resource: string; object: KubeObject }> = [];
  const podObject = createObject(inv, "pods", overridden, dryRun);
  created.push({ resource: "pods", object: podObject });
  const errors: unknown[] = [];
  if (expose) {
    try {
      const service = createObject(inv, "services", generateService(inv, name, labels), dryRun);
      created.push({ resource: "services", object: service });
      print(service);
      if (f.string("output") === "yaml") inv.io.stdout("---\n");
    } catch (err) {
      errors.push(err);
    }
  }

  if (attach) {
    try {
      return await attachTo(inv, podObject, restart, timeout);
    } finally {
      if (remove) removeCreated(inv, created);
    }
  }
  print(podObject);
  if (errors.length > 0) throw errors[0];
  return 0;
}

// ---------- attaching ----------

type Outcome = { pod: Pod } | { interrupted: true };

/** waitForPod: watch the pod until `done` says so; a deleted pod is NotFound; the deadline is kubectl's timeout error. */
async function waitForPod(inv: Invocation, namespace: string, name: string, timeoutMs: number, done: (pod: Pod) => boolean): Promise<Outcome> {
  const { ctx, io } = inv;
  const deadline = ctx.now() + timeoutMs;
  let seen = false;
  for (;;) {
    const pod = ctx.api.find("pods", namespace, name) as Pod | undefined;
    if (pod) seen = true;
    else if (seen) throw notFound();
    if (pod && done(pod)) return { pod };
    if (io.signal?.aborted) return { interrupted: true };
    const now = ctx.now();
    if (now >= deadline) throw new KubectlError("timed out waiting for the condition");
    await ctx.wait(ctx.idle?.() ? deadline - now : Math.min(STEP_MS, deadline - now));
  }
}

function notFound(): ApiError {
  return new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: 'pods "" not found', reason: "NotFound", code: 404 });
}

function completed(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

function runningAndReady(pod: Pod): boolean {
  return pod.status?.phase === "Running" && (pod.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

/** The pod's (first container's) log so far, as `kubectl logs` prints it. */
function printLogs(inv: Invocation, pod: Pod): void {
  const container = pod.spec.containers[0]!.name;
  inv.io.stdout(inv.ctx.api.podLogs(pod.metadata.namespace ?? inv.namespace, pod.metadata.name!, { container }).text);
}

/**
 * handleAttachPod and what follows: wait for the pod to run; a finished pod
 * shows its logs, a running one would be attached to. Then, for Never and
 * OnFailure, wait for the end and return the container's exit code.
 */
async function attachTo(inv: Invocation, podObject: KubeObject, restart: RestartPolicy, timeoutMs: number): Promise<number> {
  const namespace = podObject.metadata.namespace ?? inv.namespace;
  const name = podObject.metadata.name!;
  const started = await waitForPod(inv, namespace, name, timeoutMs, (p) => completed(p) || runningAndReady(p));
  if ("interrupted" in started) return 130;
  if (completed(started.pod)) {
    printLogs(inv, started.pod);
  } else {
    if (!inv.flags.bool("quiet")) inv.io.stderr("If you don't see a command prompt, try pressing enter.\n");
    // Sending input needs the pod shell; only watching the output does not.
    if (inv.flags.bool("stdin")) {
      inv.io.stderr(POD_SHELL_MESSAGE);
      return 1;
    }
    const streamed = await streamOutput(inv, started.pod);
    if (streamed === "interrupted") return 130;
    if (streamed === "idle") return 0;
  }
  if (inv.flags.bool("leave-stdin-open") || restart === "Always") return 0;
  const ended = await waitForPod(inv, namespace, name, timeoutMs, restart === "OnFailure" ? (p) => p.status?.phase === "Succeeded" : completed);
  if ("interrupted" in ended) return 130;
  const pod = ended.pod;
  const where = `${pod.metadata.namespace}/${pod.metadata.name}`;
  if (pod.status?.phase === "Succeeded") return 0;
  if (pod.status?.phase !== "Failed") throw new KubectlError(`pod ${where} left in phase ${pod.status?.phase ?? ""}`);
  const terminated = pod.status.containerStatuses?.[0]?.state?.terminated;
  if (!terminated || terminated.exitCode === 0) throw new KubectlError(`pod ${where} failed with unknown exit code`);
  const text = `pod ${where} terminated (${terminated.reason ?? ""})\n${terminated.message ?? ""}`;
  throw new RawError(text.endsWith("\n") ? text : text + "\n", terminated.exitCode);
}

/**
 * An attach without stdin: the container's output from now on, until the
 * process ends. In fast-forward a cluster that has gone quiet ends it, as
 * it ends `logs -f`.
 */
async function streamOutput(inv: Invocation, pod: Pod): Promise<"ended" | "interrupted" | "idle"> {
  const { ctx, io } = inv;
  const container = pod.spec.containers[0]!.name;
  const follower = new PodLogFollower(ctx.api, pod.metadata.namespace ?? inv.namespace, pod.metadata.name!, { container });
  follower.first(ctx.now());
  let quietSince = ctx.now();
  for (;;) {
    if (follower.ended) return "ended";
    if (io.signal?.aborted) return "interrupted";
    if (ctx.idle && (ctx.idle() || ctx.now() - quietSince >= QUIET_MS)) return "idle";
    await ctx.wait(STEP_MS);
    const text = follower.next(ctx.now());
    if (text !== "") {
      io.stdout(text);
      quietSince = ctx.now();
    }
  }
}

/** --rm: delete what run created, as `kubectl delete` without waiting (NotFound ignored). */
function removeCreated(inv: Invocation, created: ReadonlyArray<{ resource: string; object: KubeObject }>): void {
  const api = inv.ctx.api;
  for (const { resource, object } of created) {
    const kind = object.kind === "Service" ? "service" : "pod";
    try {
      api.delete(resource, object.metadata.namespace ?? inv.namespace, object.metadata.name!, { propagationPolicy: cascadeStrategy(inv.flags.string("cascade")) });
      if (!inv.flags.bool("quiet")) inv.io.stdout(`${kind} ${JSON.stringify(object.metadata.name)} deleted\n`);
    } catch (err) {
      if (!isNotFound(err)) return;
      inv.io.stdout("No resources found\n");
    }
  }
}

export const runCommand: Command = {
  name: "run",
  short: "Run a particular image on the cluster",
  long: "Create and run a particular image in a pod.",
  example: `  # Start a pod named nginx running the nginx image
  kubectl run nginx --image=nginx
  
  # Start a pod whose container listens on port 8080, with two environment variables
  kubectl run web --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --port=8080 --env="MODE=demo" --env="LEVEL=2"
  
  # Give the pod your own labels instead of run=NAME
  kubectl run web --image=nginx --labels="app=web,tier=frontend"
  
  # Only print the pod that would be created, as YAML (a starting point for a manifest)
  kubectl run nginx --image=nginx --dry-run=client -o yaml
  
  # Change fields kubectl run has no flag for with a JSON override
  kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { "nodeName": "node-1" } }'
  
  # A throw-away interactive pod: a shell in busybox, deleted when the shell exits
  kubectl run -it --rm busybox --image=busybox --restart=Never -- sh
  
  # Arguments after -- replace the image's arguments (its CMD)
  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>
  
  # With --command they replace the image's command (its ENTRYPOINT) instead
  kubectl run sleeper --image=busybox --command -- sleep 3600`,
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: FLAGS,
  run,
};
