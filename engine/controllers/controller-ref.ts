// Adoption and release of dependents (apimachinery's ControllerRefManager):
// a controller owns the objects whose controller ownerReference names it; it
// adopts matching orphans and releases owned objects that stopped matching.
import type { ApiServer } from "../api/server.ts";
import type { KubeObject, OwnerReference } from "../api/types.ts";
import { isNotFound, isConflict } from "../api/errors.ts";
import { controllerRef } from "../api/apps-util.ts";

export interface Selector {
  matches(labels: Record<string, string> | undefined): boolean;
}

export { controllerRef };

export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * Return the objects `owner` controls after adopting orphans that match and
 * releasing owned ones that no longer match. Others' objects are skipped.
 */
export function claim<T extends KubeObject>(
  api: ApiServer,
  resource: string,
  owner: KubeObject,
  selector: Selector,
  candidates: readonly T[],
): T[] {
  const uid = owner.metadata.uid!;
  const ownerDeleting = Boolean(owner.metadata.deletionTimestamp);
  const claimed: T[] = [];
  for (const obj of candidates) {
    const ref = controllerRef(obj);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (selector.matches(obj.metadata.labels)) {
        claimed.push(obj);
      } else if (!ownerDeleting && !obj.metadata.deletionTimestamp) {
        release(api, resource, obj, uid);
      }
      continue;
    }
    if (ownerDeleting || obj.metadata.deletionTimestamp || !selector.matches(obj.metadata.labels)) continue;
    const adopted = adopt(api, resource, obj, owner);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

/**
 * claim() split by what the store already knows: `owned` are controlled by
 * `owner` (only the selector needs checking), `orphans` have no controller.
 * Equivalent to claim() over both, without re-reading every ownerReference.
 */
export function claimSplit<T extends KubeObject>(
  api: ApiServer,
  resource: string,
  owner: KubeObject,
  selector: Selector,
  owned: readonly T[],
  orphans: readonly T[],
  keep: (obj: T) => boolean,
): T[] {
  const ownerDeleting = Boolean(owner.metadata.deletionTimestamp);
  const claimed: T[] = [];
  for (const obj of owned) {
    if (!keep(obj)) continue;
    if (selector.matches(obj.metadata.labels)) claimed.push(obj);
    else if (!ownerDeleting && !obj.metadata.deletionTimestamp) release(api, resource, obj, owner.metadata.uid!);
  }
  if (ownerDeleting) return claimed;
  for (const obj of orphans) {
    if (!keep(obj) || obj.metadata.deletionTimestamp || !selector.matches(obj.metadata.labels)) continue;
    const adopted = adopt(api, resource, obj, owner);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

function adopt<T extends KubeObject>(api: ApiServer, resource: string, obj: T, owner: KubeObject): T | undefined {
  const refs = [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)];
  try {
    return api.patch(resource, obj.metadata.namespace, obj.metadata.name!, "merge", {
      metadata: { ownerReferences: refs, uid: obj.metadata.uid },
    }) as unknown as T;
  } catch (err) {
    if (isNotFound(err) || isConflict(err)) return undefined;
    throw err;
  }
}

function release(api: ApiServer, resource: string, obj: KubeObject, ownerUid: string): void {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  try {
    api.patch(resource, obj.metadata.namespace, obj.metadata.name!, "merge", {
      metadata: { ownerReferences: refs.length > 0 ? refs : null, uid: obj.metadata.uid },
    });
  } catch (err) {
    if (isNotFound(err) || isConflict(err)) return;
    throw err;
  }
}
