// The namespace controller: empties a Terminating namespace, then finalizes
// it so the API server can remove it.
import { isNotFound } from "../../api/errors.ts";
import { REACTION_MS, type ComponentContext } from "../../context.ts";

const COMPONENT = "namespace";

export function startNamespaceController(ctx: ComponentContext): void {
  const { api, clock } = ctx;
  const terminating = (name: string | undefined) =>
    name !== undefined && Boolean(api.find("namespaces", undefined, name)?.metadata.deletionTimestamp);

  api.watchAll((e) => {
    if (e.resource === "namespaces") {
      if (e.type !== "DELETED" && e.object.metadata.deletionTimestamp) clock.schedule(COMPONENT, e.object.metadata.name!, REACTION_MS.namespace);
    } else if (e.type === "DELETED" && terminating(e.object.metadata.namespace)) {
      // One less object in a namespace being emptied: maybe it can go now.
      clock.schedule(COMPONENT, e.object.metadata.namespace!, REACTION_MS.namespace);
    }
  });

  clock.on(COMPONENT, (name) => {
    try {
      const ns = api.find("namespaces", undefined, name);
      if (!ns?.metadata.deletionTimestamp) return;
      let remaining = 0;
      for (const type of api.registry.all()) {
        if (!type.namespaced) continue;
        for (const obj of api.list(type.resource, { namespace: name }).items) {
          remaining++;
          if (obj.metadata.deletionTimestamp) continue;
          try {
            api.delete(type.resource, name, obj.metadata.name!, { propagationPolicy: "Background" });
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
        }
      }
      // Deleting may have removed everything at once (objects without grace periods).
      if (remaining > 0 && api.registry.all().some((t) => t.namespaced && api.list(t.resource, { namespace: name }).items.length > 0)) return;
      if (ns.spec?.finalizers?.length) api.finalizeNamespace(name);
    } catch (err) {
      ctx.reportError(COMPONENT, err);
    }
  });
}
