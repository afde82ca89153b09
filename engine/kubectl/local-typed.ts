// Objects kubectl decodes from files into its typed scheme (`set ... --local`)
// and prints back: Go's encoder adds the zero values of fields without
// omitempty. wire.ts knows the kinds the simulated server serves; this adds
// the ones people feed to `--local` that it does not serve (yet): Services
// and RBAC bindings. Also which kinds the scheme can decode at all.
import type { KubeObject } from "../api/types.ts";
import { kindInfo } from "../api/schema/schema.ts";
import { toWire } from "./wire.ts";

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function ensure(obj: Rec, key: string, zero: unknown): unknown {
  if (obj[key] === undefined) obj[key] = isRec(zero) ? { ...zero } : zero;
  return obj[key];
}

/** Built-in kinds kubectl's scheme decodes that the schema tables do not describe. */
const MORE_KINDS = new Set([
  "v1/ReplicationController",
  "batch/v1/Job",
  "batch/v1/CronJob",
  "rbac.authorization.k8s.io/v1/Role",
  "rbac.authorization.k8s.io/v1/ClusterRole",
  "rbac.authorization.k8s.io/v1/RoleBinding",
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
]);

/** Whether kubectl's scheme knows the kind (else the file does not decode). */
export function isSchemeKind(apiVersion: string, kind: string): boolean {
  return kindInfo(apiVersion, kind) !== undefined || MORE_KINDS.has(`${apiVersion}/${kind}`);
}

function binding(obj: Rec): void {
  const ref = ensure(obj, "roleRef", {}) as Rec;
  for (const k of ["apiGroup", "kind", "name"]) ensure(ref, k, "");
  if (Array.isArray(obj.subjects)) {
    for (const s of obj.subjects) {
      if (isRec(s)) for (const k of ["kind", "name"]) ensure(s, k, "");
    }
  }
}

const EXTRAS: Record<string, (obj: Rec) => void> = {
  Service(obj) {
    const spec = ensure(obj, "spec", {}) as Rec;
    if (Array.isArray(spec.ports)) {
      for (const p of spec.ports) {
        if (!isRec(p)) continue;
        ensure(p, "port", 0);
        ensure(p, "targetPort", 0);
      }
    }
    ensure(ensure(obj, "status", {}) as Rec, "loadBalancer", {});
  },
  RoleBinding: binding,
  ClusterRoleBinding: binding,
};

/** The object as kubectl's typed encoder writes it. */
export function typedForm(obj: KubeObject): KubeObject {
  const wire = toWire(obj) as unknown as Rec;
  EXTRAS[String(wire.kind)]?.(wire);
  return wire as unknown as KubeObject;
}
