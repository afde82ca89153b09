// Namespace and Node defaulting (core/v1 defaults + the namespace strategy's
// create-time finalizer), in place.
import type { Namespace, Node } from "../types.ts";
import { canonicalResourceQuantity, QuantityParseError } from "../validation/quantity.ts";

/**
 * The `kubernetes.io/metadata.name` label always mirrors the name
 * (NamespaceDefaultLabelName), status.phase starts Active, and the
 * `kubernetes` finalizer is added (the strategy does that on create; an
 * update cannot change finalizers, so applying it again is harmless).
 */
export function defaultNamespace(ns: Namespace): void {
  const meta = ns.metadata ?? (ns.metadata = {});
  if (meta.name) (meta.labels ??= {})["kubernetes.io/metadata.name"] = meta.name;
  const spec = (ns.spec ??= {});
  const finalizers = (spec.finalizers ??= []);
  if (!finalizers.includes("kubernetes")) finalizers.push("kubernetes");
  const status = (ns.status ??= {});
  if (!status.phase) status.phase = "Active";
}

function canonical(rl: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(rl ?? {})) {
    try {
      rl![k] = canonicalResourceQuantity(v);
    } catch (e) {
      if (!(e instanceof QuantityParseError)) throw e;
    }
  }
}

/** Allocatable defaults to capacity; quantities are written back canonical. */
export function defaultNode(node: Node): void {
  if (node.spec == null) node.spec = {};
  const status = node.status;
  if (status == null) return;
  if (status.allocatable == null && status.capacity != null) status.allocatable = { ...status.capacity };
  canonical(status.capacity);
  canonical(status.allocatable);
}
