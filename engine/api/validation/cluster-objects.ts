// Namespace and Node validation (core ValidateNamespace / ValidateNode and
// their updates, 1.32). Node is covered lightly: names, labels, taints, CIDRs.
import type { Namespace, Node, Taint } from "../types.ts";
import { child, forbidden, index, invalid, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { goPointerField, goQuote } from "./go-value.ts";
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from "./names.ts";
import { validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);
const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function validateNamespaceFinalizer(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (!name.includes("/") && !STANDARD_FINALIZERS.has(name)) {
    errs.push(invalid(path, name, "name is neither a standard finalizer name nor is it fully qualified"));
  }
  return errs;
}

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateNamespaceFinalizer(f, "spec.finalizers"));
  return errs;
}

/** The namespace strategy re-runs the create checks on update. */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return [...validateNamespace(ns), ...validateObjectMetaUpdate(ns.metadata, old.metadata)];
}

function goTaint(t: Taint): string {
  return `core.Taint{Key:${goQuote(t.key ?? "")}, Value:${goQuote(t.value ?? "")}, Effect:${goQuote(t.effect ?? "")}, TimeAdded:${goPointerField("v1.Time", t.timeAdded == null)}}`;
}

// Upstream reports node taints under `metadata.taints` (it reuses the metadata path).
function validateNodeTaints(taints: Taint[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = index(path, i);
    errs.push(...validateLabelName(t.key ?? "", child(p, "key")));
    const msgs = isValidLabelValue(t.value ?? "");
    if (msgs.length > 0) errs.push(invalid(child(p, "value"), t.value ?? "", msgs.join(";")));
    const effect = t.effect ?? "";
    if (effect === "") errs.push(required(child(p, "effect")));
    else if (!TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(p, "effect"), effect, TAINT_EFFECTS));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(t.key ?? "")) {
      errs.push({ type: "Duplicate", field: p, badValue: goTaint(t), detail: "taints must be unique by key and effect pair" });
      return;
    }
    keys.add(t.key ?? "");
    seen.set(effect, keys);
  });
  return errs;
}

export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, nameIsDNSSubdomain);
  const taints = node.spec?.taints ?? [];
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, "metadata.taints"));
  return errs;
}

export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  const oldCIDRs = old.spec?.podCIDRs ?? [];
  const newCIDRs = node.spec?.podCIDRs ?? [];
  if (oldCIDRs.length > 0) {
    const why = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length !== newCIDRs.length) errs.push(forbidden("spec.podCIDRs", why));
    else oldCIDRs.forEach((v, i) => v !== newCIDRs[i] && errs.push(forbidden("spec.podCIDRs", why)));
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(forbidden("spec.providerID", 'node updates may not change providerID except from "" to valid'));
  }
  const taints = node.spec?.taints ?? [];
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, "metadata.taints"));
  return errs;
}
