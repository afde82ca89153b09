// What the rollout subcommands share: their flags, the builder call they all
// make (TYPE NAME, TYPE/NAME, a bare TYPE for every object, -l, -f), and how
// they name a kind kubectl has no helper for.
import type { ResourceType } from "../../../api/registry.ts";
import type { Invocation } from "../../command.ts";
import type { FlagDef } from "../../flags.ts";
import { KubectlError } from "../../types.ts";
import { fetchTargets, filenameFlags, SELECTOR_FLAG, type Targets } from "../mutation.ts";

export const FROM_SERVER = "identifying the resource to get from a server.";

export function resourceFlags(): FlagDef[] {
  return [...filenameFlags(FROM_SERVER), SELECTOR_FLAG];
}

/** schema.GroupKind.String(): `ReplicaSet.apps`, `Pod`. */
export function groupKind(t: ResourceType): string {
  return t.group ? `${t.kind}.${t.group}` : t.kind;
}

/** `deployments.apps`, as pause/resume/restart name the resource in their errors. */
export function groupResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** Validate()'s resource check and the builder's Do() with ResourceTypeOrNameArgs(true, ...). */
export function rolloutTargets(inv: Invocation): Targets {
  const filenames = inv.flags.strings("filename");
  if (inv.args.length === 0 && filenames.length === 0) throw new KubectlError("required resource not specified");
  return fetchTargets(inv, { args: inv.args, all: true, selector: inv.flags.string("selector"), filenames });
}
