// `kubectl set subject` (kubectl pkg/cmd/set/set_subject.go, v1.32): add users,
// groups and service accounts to the subjects of RoleBindings and
// ClusterRoleBindings. The simulated cluster serves no RBAC kinds, so over
// the server this ends where real kubectl would against it (no such resource
// type); with --local it changes bindings read from -f files.
import type { Command, Invocation } from "../../command.ts";
import { type FlagDef } from "../../flags.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import { dryRunStrategy, fetchTargets, LOCAL_DRY_RUN_SERVER, LOCAL_RESOURCE_ERROR, localTargets, objectPrinter } from "../mutation.ts";
import { objectName, sendChange, setFlags } from "./common.ts";

const FLAGS: FlagDef[] = [
  ...setFlags("If true, set subject will NOT contact api-server but run locally.", { filenameUsage: "the resource to update the subjects", record: false }),
  { name: "group", type: "stringArray", default: "[]", usage: "Groups to bind to the role" },
  { name: "serviceaccount", type: "stringArray", default: "[]", usage: "Service accounts to bind to the role" },
  { name: "user", type: "stringArray", default: "[]", usage: "Usernames to bind to the role" },
];

interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

const RBAC_GROUP = "rbac.authorization.k8s.io";

function isBinding(kind: string, group: string): boolean {
  return group === RBAC_GROUP && (kind === "RoleBinding" || kind === "ClusterRoleBinding");
}

/** The subjects asked for: users, groups, service accounts, each sorted and without duplicates. */
function wantedSubjects(inv: Invocation): Subject[] {
  const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();
  const out: Subject[] = [];
  for (const name of sorted(inv.flags.strings("user"))) out.push({ kind: "User", apiGroup: RBAC_GROUP, name });
  for (const name of sorted(inv.flags.strings("group"))) out.push({ kind: "Group", apiGroup: RBAC_GROUP, name });
  for (const sa of sorted(inv.flags.strings("serviceaccount"))) {
    const [namespace, name] = sa.split(":") as [string, string];
    out.push({ kind: "ServiceAccount", name, namespace: namespace || inv.namespace });
  }
  return out;
}

/** Subjects compare as Go structs: every field, absent ones as "". */
function same(a: Subject, b: Subject): boolean {
  return a.kind === b.kind && (a.apiGroup ?? "") === (b.apiGroup ?? "") && a.name === b.name && (a.namespace ?? "") === (b.namespace ?? "");
}

function run(inv: Invocation): number {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, dryRun, { form: "typed" });
  const local = f.bool("local");
  if (local && inv.args.length > 0) throw new KubectlError(LOCAL_RESOURCE_ERROR);
  const { targets, errors: fetchErrors } = local
    ? localTargets(inv, f.strings("filename"), { typed: true })
    : fetchTargets(inv, { args: inv.args, all: f.bool("all"), selector: f.string("selector"), filenames: f.strings("filename") });
  if (fetchErrors.length > 0) throw new AggregateError(fetchErrors);
  // Validate()
  if (local && dryRun === "server") throw new KubectlError(LOCAL_DRY_RUN_SERVER);
  if (f.bool("all") && f.string("selector") !== "") throw new KubectlError("cannot set --all and --selector at the same time");
  if (f.strings("user").length === 0 && f.strings("group").length === 0 && f.strings("serviceaccount").length === 0) {
    throw new KubectlError("you must specify at least one value of user, group or serviceaccount");
  }
  for (const sa of f.strings("serviceaccount")) {
    const tokens = sa.split(":");
    if (tokens.length !== 2 || tokens[1] === "") throw new KubectlError("serviceaccount must be <namespace>:<name>");
    if (tokens[0] === "" && targets.some((t) => t.type.kind === "ClusterRoleBinding" && t.type.group === RBAC_GROUP)) {
      throw new KubectlError("serviceaccount must be <namespace>:<name>, namespace must be specified");
    }
  }
  // Run()
  const wanted = wantedSubjects(inv);
  const errors: unknown[] = [];
  for (const t of targets) {
    if (!isBinding(t.type.kind, t.type.group)) {
      errors.push(new KubectlError(`error: ${objectName(t)} setting subjects is only supported for RoleBinding/ClusterRoleBinding\n`));
      continue;
    }
    const original = toWire(t.object);
    const binding = t.object as { subjects?: Subject[] };
    const existing = binding.subjects ?? [];
    const added = wanted.filter((s) => !existing.some((e) => same(e, s)));
    if (added.length === 0) continue;
    binding.subjects = [...existing, ...added];
    const err = sendChange({ inv, target: t, original, dryRun, printer, operation: "subjects updated", failure: (m) => `failed to patch subjects to rolebinding: ${m}` });
    if (err) errors.push(err);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const setSubjectCommand: Command = {
  name: "subject",
  short: "Update the user, group, or service account in a role binding or cluster role binding",
  long: "Update the user, group, or service account in a role binding or cluster role binding.",
  example: `  # Let the service account ci in the namespace build use the cluster role binding deployers
  kubectl set subject clusterrolebinding deployers --serviceaccount=build:ci
  
  # Add two users and a group to the role binding readers
  kubectl set subject rolebinding readers --user=ana --user=ben --group=auditors
  
  # Change a role binding manifest on disk, without the server
  kubectl set subject --local -f readers.yaml --user=carla -o yaml`,
  use: "subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
  flags: FLAGS,
  run,
};
