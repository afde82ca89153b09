// `kubectl rollout history` (rollout_history.go and DeploymentHistoryViewer,
// v1.32): a Deployment's revisions are its ReplicaSets' revision
// annotations. The table lists each with its change-cause; --revision shows
// that revision's pod template as describe prints it; -o prints the
// ReplicaSets themselves.
import { CHANGE_CAUSE_ANNOTATION, revisionOf } from "../../../api/apps-util.ts";
import type { Deployment, PodTemplateSpec, ReplicaSet } from "../../../api/types.ts";
import { formatLabelSelector } from "../../../api/labels.ts";
import { deepClone } from "../../../util/json.ts";
import type { Command, Invocation } from "../../command.ts";
import type { FlagDef } from "../../flags.ts";
import { describePodTemplate } from "../../describe/containers.ts";
import { PrefixWriter } from "../../describe/writer.ts";
import { newDescribeTabWriter, type TabWriter } from "../../printers/tabwriter.ts";
import { KubectlError } from "../../types.ts";
import { objectPrinter, objectRef, PRINT_FLAGS, visitAll } from "../mutation.ts";
import { groupKind, resourceFlags, rolloutTargets } from "./common.ts";
import { deploymentReplicaSets } from "./rollback.ts";

const FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  ...resourceFlags(),
  { name: "revision", type: "int64", default: "0", usage: "See the details, including podTemplate of the revision specified" },
];

/** The pod template as `kubectl describe` prints it (printTemplate), but straight to a buffer: tabs stay tabs. */
export function templateText(template: PodTemplateSpec): string {
  let out = "";
  const raw = { write: (s: string) => void (out += s), flush: () => {}, take: () => out };
  describePodTemplate(template, new PrefixWriter(raw as unknown as TabWriter), (s) => formatLabelSelector(s as Parameters<typeof formatLabelSelector>[0]));
  return out;
}

/** revision → ReplicaSet, skipping unparsable revisions (kubectl logs them). */
function revisions(sets: readonly ReplicaSet[]): Map<number, ReplicaSet> {
  const out = new Map<number, ReplicaSet>();
  for (const rs of sets) {
    const v = revisionOf(rs);
    if (v !== undefined) out.set(v, rs);
  }
  return out;
}

function historyTable(byRevision: Map<number, ReplicaSet>): string {
  const tw = newDescribeTabWriter();
  tw.write("REVISION\tCHANGE-CAUSE\n");
  for (const r of [...byRevision.keys()].sort((a, b) => a - b)) {
    const cause = byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || "<none>";
    tw.write(`${r}\t${cause}\n`);
  }
  tw.flush();
  return tw.take();
}

async function run(inv: Invocation): Promise<number> {
  const revision = inv.flags.int("revision");
  const filenames = inv.flags.strings("filename");
  if (inv.args.length === 0 && filenames.length === 0) throw new KubectlError("required resource not specified");
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const { entries } = rolloutTargets(inv);
  const outputGiven = inv.flags.changedFlag("output") || inv.flags.changedFlag("template");
  const printer = outputGiven ? objectPrinter(inv, "none") : undefined;
  await visitAll(entries, (t) => {
    if (t.type.kind !== "Deployment" || t.type.group !== "apps") throw new KubectlError(`no history viewer has been implemented for ${JSON.stringify(groupKind(t.type))}`);
    const byRevision = revisions(deploymentReplicaSets(inv.ctx.api, t.object as Deployment));
    if (printer) {
      // kubectl reads these through its typed client: zero omitempty fields vanish on the way.
      const typed = (rs: ReplicaSet): ReplicaSet => {
        if (rs.spec.minReadySeconds !== 0) return rs;
        const { minReadySeconds: _, ...spec } = rs.spec;
        return { ...rs, spec };
      };
      if (revision > 0) {
        const rs = byRevision.get(revision);
        // kubectl prints a nil object for a missing revision: nothing for -o name, an error for others.
        if (rs) printer.print(typed(rs), "");
        return;
      }
      for (const r of [...byRevision.keys()].sort((a, b) => a - b)) printer.print(typed(byRevision.get(r)!), "");
      return;
    }
    let text: string;
    if (byRevision.size === 0) {
      text = "No rollout history found.";
    } else if (revision > 0) {
      const rs = byRevision.get(revision);
      if (!rs) throw new KubectlError("unable to find the specified revision");
      // The template shown carries the ReplicaSet's change-cause as an annotation.
      const template = deepClone(rs.spec.template ?? {}) as PodTemplateSpec;
      const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      if (cause) template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause } };
      text = templateText(template);
    } else {
      text = historyTable(byRevision);
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : "";
    inv.io.stdout(`${objectRef(t.object)} ${withRevision}\n${text}\n`);
  });
  return 0;
}

export const rolloutHistoryCommand: Command = {
  name: "history",
  short: "View rollout history",
  long: "View previous rollout revisions and configurations.",
  example: `  # The revisions of the deployment web, with their change causes
  kubectl rollout history deployment/web
  
  # The pod template of revision 3
  kubectl rollout history deployment/web --revision=3`,
  use: "history (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: FLAGS,
  run,
};
