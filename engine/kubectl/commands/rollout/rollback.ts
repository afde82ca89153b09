// The client side of `kubectl rollout undo` and `kubectl rollout restart` for
// Deployments (deployment-controller.md §8.1, kubectl-output.md §6.3, §6.4):
// kubectl, not the controller, copies an old template forward.
import { controllerRef, equalIgnoreHash, POD_TEMPLATE_HASH, revisionOf, skipCopyAnnotation } from "../../../api/apps-util.ts";
import { selectorFromLabelSelector } from "../../../api/labels.ts";
import type { ApiServer } from "../../../api/server.ts";
import type { Deployment, PodTemplateSpec, ReplicaSet } from "../../../api/types.ts";
import { deepClone } from "../../../util/json.ts";

/** A failure kubectl reports as `error: <message>`. */
export class RolloutError extends Error {}

export type RollbackResult =
  | { outcome: "rolled back" }
  | { outcome: "skipped"; message: string }
  | { outcome: "dry run"; template: PodTemplateSpec };

/** The Deployment's ReplicaSets as kubectl finds them: matching its selector and controlled by it. */
export function deploymentReplicaSets(api: ApiServer, d: Deployment): ReplicaSet[] {
  const selector = selectorFromLabelSelector(d.spec.selector);
  return api
    .list("replicasets", { namespace: d.metadata.namespace })
    .items.filter((rs) => controllerRef(rs)?.uid === d.metadata.uid && selector.matches(rs.metadata.labels));
}

/** The ReplicaSet holding revision `toRevision`, or (0) the one before the latest. */
export function replicaSetForRevision(api: ApiServer, d: Deployment, toRevision: number): ReplicaSet {
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of deploymentReplicaSets(api, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw new RolloutError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new RolloutError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

export function rollbackDeployment(
  api: ApiServer,
  namespace: string,
  name: string,
  toRevision = 0,
  options: { dryRun?: "client" | "server" } = {},
): RollbackResult {
  if (toRevision < 0) throw new RolloutError(`unable to find specified revision ${toRevision} in history`);
  const d = api.get("deployments", namespace, name);
  const rs = replicaSetForRevision(api, d, toRevision);
  if (options.dryRun === "client") return { outcome: "dry run", template: rs.spec.template! };
  if (d.spec.paused) {
    throw new RolloutError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  if (equalIgnoreHash(rs.spec.template, d.spec.template)) {
    return { outcome: "skipped", message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = deepClone(rs.spec.template!);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(key)) annotations[key] = value;
  for (const [key, value] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopyAnnotation(key)) annotations[key] = value;
  try {
    api.patch(
      "deployments",
      namespace,
      name,
      "json",
      [
        { op: "replace", path: "/spec/template", value: template },
        { op: "replace", path: "/metadata/annotations", value: annotations },
      ],
      { dryRun: options.dryRun === "server" },
    );
  } catch (err) {
    throw new RolloutError(`failed restoring revision ${toRevision}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { outcome: "rolled back" };
}

export const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

/** `kubectl rollout restart`: stamp the template so a new revision rolls out. */
export function restartDeployment(api: ApiServer, namespace: string, name: string, nowIso: string): void {
  const d = api.get("deployments", namespace, name);
  if (d.spec.paused) {
    throw new RolloutError(`deployments.apps "${name}" can't restart paused deployment (run rollout resume first)`);
  }
  if (d.spec.template.metadata?.annotations?.[RESTARTED_AT] === nowIso) {
    throw new RolloutError(
      `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    );
  }
  api.patch("deployments", namespace, name, "strategic", {
    spec: { template: { metadata: { annotations: { [RESTARTED_AT]: nowIso } } } },
  });
}
