// What the `kubectl set` subcommands share (kubectl pkg/cmd/set/helper.go
// and polymorphichelpers' UpdatePodSpecForObject, v1.32): their flags, the
// pod spec of an object (a Pod's, or the template of a kind with pods),
// container selection with `*` wildcards, the two-way strategic patch from
// the object as read to the object as changed, and sending it (or, with
// --local or a client dry run, printing it).
import type { ResourceType } from "../../../api/registry.ts";
import type { Container, KubeObject, PodSpec } from "../../../api/types.ts";
import { createTwoWayMergePatch } from "../../../api/patch/strategic.ts";
import { schemaFor } from "../../../api/patch/strategic-schema.ts";
import type { Invocation } from "../../command.ts";
import { BOOL, type FlagDef } from "../../flags.ts";
import { KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import {
  CHANGE_CAUSE,
  changeCause,
  changeFlags,
  type DryRun,
  type ObjectPrinter,
  recording,
  SELECTOR_FLAG,
  type Target,
} from "../mutation.ts";

export interface SetFlagOptions {
  allUsage?: string;
  filenameUsage?: string;
  /** `set env` and `set subject` have no --record. */
  record?: boolean;
  /** `set serviceaccount` has no --selector. */
  selector?: boolean;
}

export function setFlags(localUsage: string, o: SetFlagOptions = {}): FlagDef[] {
  return [
    ...changeFlags({
      fieldManager: "kubectl-set",
      filenameUsage: o.filenameUsage ?? "identifying the resource to get from a server.",
      localUsage,
      record: o.record,
    }),
    BOOL("all", o.allUsage ?? "Select all resources, in the namespace of the specified resource types"),
    ...(o.selector === false ? [] : [SELECTOR_FLAG]),
  ];
}

/** The Go type kubectl names for an object of a kind it cannot change. */
export function goType(t: ResourceType): string {
  return `*${t.version}.${t.kind}`;
}

/**
 * info.ObjectName(): `deployments/web` for an object from the server; a
 * local one has no REST mapping, so its kind, and for a named group a
 * trailing newline (kubectl's own slip).
 */
export function objectName(t: Target): string {
  if (!t.local) return `${t.type.resource}/${t.name}`;
  const kind = t.type.kind.toLowerCase();
  return t.type.group === "" ? `${kind}/${t.name}` : `${kind}.${t.type.group}/${t.name}\n`;
}

/** Where each kind with pods keeps its pod template (UpdatePodSpecForObject). */
const TEMPLATE_PATHS: Record<string, string[]> = {
  "apps/Deployment": ["spec", "template"],
  "apps/ReplicaSet": ["spec", "template"],
  "apps/StatefulSet": ["spec", "template"],
  "apps/DaemonSet": ["spec", "template"],
  "/ReplicationController": ["spec", "template"],
  "batch/Job": ["spec", "template"],
  "batch/CronJob": ["spec", "jobTemplate", "spec", "template"],
};

/** UpdatePodSpecForObject: the pod spec inside `obj` (changed in place), or kubectl's error. */
export function podSpecOf(t: Target): PodSpec {
  const obj = t.object as unknown as Record<string, unknown>;
  if (t.type.kind === "Pod" && t.type.group === "") return (obj.spec ??= {}) as PodSpec;
  const path = TEMPLATE_PATHS[`${t.type.group}/${t.type.kind}`];
  if (!path) throw new KubectlError(`the object is not a pod or does not have a pod template: ${goType(t.type)}`);
  let at = obj;
  for (const key of [...path, "spec"]) at = (at[key] ??= {}) as Record<string, unknown>;
  return at as unknown as PodSpec;
}

/** selectString: `*` matches anything, `a*b` the names that start with a and end with b. */
export function selectString(s: string, spec: string): boolean {
  if (spec === "*") return true;
  if (!spec.includes("*")) return s === spec;
  let pos = 0;
  const parts = spec.split("*");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos) return false;
    if (i === 0 && pos !== 0) return false;
    if (i === parts.length - 1 && s.length !== part.length + next) return false;
    pos = next;
  }
  return true;
}

/** The selected containers: regular ones first, then init containers. */
export function selectContainers(spec: PodSpec, selector: string): Container[] {
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, selector));
}

export interface SendOptions {
  inv: Invocation;
  target: Target;
  /** The object as read (wire form), before the change. */
  original: unknown;
  dryRun: DryRun;
  printer: ObjectPrinter;
  operation: string;
  /** How a failed patch is reported: `failed to patch image update to pod template: ...`; without it, the server's error as is. */
  failure?: (message: string) => string;
  /** Send and print even when nothing changed (set selector, set serviceaccount). */
  always?: boolean;
  /** Called once the server took the patch. */
  onSent?: () => void;
}

/**
 * Record the command if asked, diff, and send: nothing when nothing changed,
 * the changed object printed on a client dry run, else the server's answer.
 * Returns an error to report later, or undefined.
 */
export function sendChange(o: SendOptions): unknown {
  const { inv, target: t } = o;
  if (recording(inv)) t.object.metadata.annotations = { ...(t.object.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(inv) };
  const patch = createTwoWayMergePatch(o.original, toWire(t.object), schemaFor(t.type.kind));
  if (Object.keys(patch).length === 0 && !o.always) return undefined;
  if (t.local || o.dryRun === "client") {
    o.printer.print(t.object, o.operation);
    return undefined;
  }
  let actual: KubeObject;
  try {
    actual = inv.ctx.api.patch(t.type.resource, t.namespace, t.name, "strategic", patch, { dryRun: o.dryRun === "server" });
  } catch (err) {
    if (!o.failure) return err;
    return new KubectlError(o.failure(err instanceof Error ? err.message : String(err)));
  }
  o.onSent?.();
  o.printer.print(actual, o.operation);
  return undefined;
}
