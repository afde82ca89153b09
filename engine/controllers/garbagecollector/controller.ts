// The garbage collector: deletes objects whose owners are all gone, and
// carries out foreground and orphan deletion (deployment-controller.md §13).
// It keeps its own graph of ownerReferences, built from the watch stream.
import { isNotFound } from "../../api/errors.ts";
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from "../../api/server.ts";
import type { StoreEvent } from "../../api/store.ts";
import type { KubeObject } from "../../api/types.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";

const COMPONENT = "garbagecollector";

interface Node {
  resource: string;
  namespace?: string;
  name: string;
}

export function startGarbageCollector(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  /** uid -> where the object lives, for every object that exists. */
  const nodes = new Map<string, Node>();
  /** owner uid -> uids of objects naming it in ownerReferences. */
  const dependents = new Map<string, Set<string>>();

  const link = (owner: string, dependent: string) => {
    let set = dependents.get(owner);
    if (!set) dependents.set(owner, (set = new Set()));
    set.add(dependent);
  };
  const unlink = (owner: string, dependent: string) => {
    const set = dependents.get(owner);
    if (!set) return;
    set.delete(dependent);
    if (set.size === 0) dependents.delete(owner);
  };
  const schedule = (action: string, uid: string) => clock.schedule(COMPONENT, `${action}:${uid}`, REACTION_MS.garbagecollector);

  api.watchAll((e: StoreEvent) => {
    const obj = e.object;
    const uid = obj.metadata.uid;
    if (!uid || e.resource === "events") return;
    const oldOwners = e.old?.metadata.ownerReferences ?? [];
    const newOwners = e.type === "DELETED" ? [] : obj.metadata.ownerReferences ?? [];
    // Most writes (status updates) keep the stored ownerReferences array: no relinking.
    if (oldOwners !== newOwners) {
      for (const ref of oldOwners) if (!newOwners.some((r) => r.uid === ref.uid)) unlink(ref.uid, uid);
      for (const ref of newOwners) link(ref.uid, uid);
    }

    if (e.type === "DELETED") {
      nodes.delete(uid);
      // Its dependents may now be orphans; its owner may be waiting for it.
      if (dependents.has(uid)) schedule("dependents", uid);
      for (const ref of oldOwners) if (nodes.has(ref.uid)) schedule("foreground", ref.uid);
      return;
    }
    // An object's resource, namespace and name never change under its uid.
    if (!nodes.has(uid)) nodes.set(uid, { resource: e.resource, namespace: obj.metadata.namespace, name: obj.metadata.name! });
    if (newOwners.some((r) => !nodes.has(r.uid))) schedule("dangling", uid);
    if (obj.metadata.deletionTimestamp) {
      const finalizers = obj.metadata.finalizers ?? [];
      if (finalizers.includes(FINALIZER_ORPHAN)) schedule("orphan", uid);
      if (finalizers.includes(FINALIZER_FOREGROUND)) schedule("foreground", uid);
    }
  });

  const fetch = (uid: string): KubeObject | undefined => {
    const node = nodes.get(uid);
    if (!node) return undefined;
    const obj = api.find(node.resource, node.namespace, node.name);
    return obj?.metadata.uid === uid ? obj : undefined;
  };

  /** Delete `uid` if none of its owners exist any more; drop references to missing owners otherwise. */
  const collect = (uid: string) => {
    const obj = fetch(uid);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const refs = obj.metadata.ownerReferences ?? [];
    const alive = refs.filter((r) => fetch(r.uid) !== undefined);
    if (alive.length === refs.length) return;
    const node = nodes.get(uid)!;
    if (alive.length === 0) {
      const finalizers = obj.metadata.finalizers ?? [];
      const propagationPolicy = finalizers.includes(FINALIZER_ORPHAN)
        ? "Orphan"
        : finalizers.includes(FINALIZER_FOREGROUND)
          ? "Foreground"
          : "Background";
      ignoreNotFound(() => api.delete(node.resource, node.namespace, node.name, { propagationPolicy }));
    } else {
      ignoreNotFound(() =>
        api.patch(node.resource, node.namespace, node.name, "merge", { metadata: { ownerReferences: alive } }),
      );
    }
  };

  const removeFinalizer = (obj: KubeObject, finalizer: string) => {
    const node = nodes.get(obj.metadata.uid!)!;
    const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    ignoreNotFound(() =>
      api.patch(node.resource, node.namespace, node.name, "merge", {
        metadata: { finalizers: finalizers.length > 0 ? finalizers : null, resourceVersion: obj.metadata.resourceVersion },
      }),
    );
  };

  clock.on(COMPONENT, (key) => {
    try {
      const colon = key.indexOf(":");
      const action = key.slice(0, colon);
      const uid = key.slice(colon + 1);
      if (action === "dependents") {
        for (const dep of [...(dependents.get(uid) ?? [])]) collect(dep);
      } else if (action === "dangling") {
        collect(uid);
      } else if (action === "orphan") {
        const owner = fetch(uid);
        if (!owner?.metadata.finalizers?.includes(FINALIZER_ORPHAN)) return;
        for (const dep of [...(dependents.get(uid) ?? [])]) {
          const obj = fetch(dep);
          if (!obj) continue;
          const node = nodes.get(dep)!;
          const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
          ignoreNotFound(() =>
            api.patch(node.resource, node.namespace, node.name, "merge", {
              metadata: { ownerReferences: refs.length > 0 ? refs : null },
            }),
          );
        }
        removeFinalizer(owner, FINALIZER_ORPHAN);
      } else if (action === "foreground") {
        const owner = fetch(uid);
        if (!owner?.metadata.deletionTimestamp || !owner.metadata.finalizers?.includes(FINALIZER_FOREGROUND)) return;
        let blocking = 0;
        for (const dep of [...(dependents.get(uid) ?? [])]) {
          const obj = fetch(dep);
          if (!obj) continue;
          const ref = obj.metadata.ownerReferences?.find((r) => r.uid === uid);
          if (ref?.blockOwnerDeletion) blocking++;
          if (!obj.metadata.deletionTimestamp) {
            const node = nodes.get(dep)!;
            ignoreNotFound(() => api.delete(node.resource, node.namespace, node.name, { propagationPolicy: "Foreground" }));
          }
        }
        if (blocking === 0) removeFinalizer(owner, FINALIZER_FOREGROUND);
      }
    } catch (err) {
      ctx.reportError(COMPONENT, err);
    }
  });
}

function ignoreNotFound(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
