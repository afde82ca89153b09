// The pods/eviction subresource (policy/v1 Eviction): a pod deletion that
// respects PodDisruptionBudgets. This cluster has no PodDisruptionBudgets yet,
// so every eviction of an existing pod is allowed and deletes it with the
// Eviction's delete options; the API answers 429 only when a budget refuses.
import { badRequest } from "./errors.ts";
import type { DeleteOptions, ApiServer } from "./server.ts";
import type { Status } from "./types.ts";

export interface Eviction {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  deleteOptions?: {
    gracePeriodSeconds?: number;
    propagationPolicy?: DeleteOptions["propagationPolicy"];
    preconditions?: DeleteOptions["preconditions"];
    dryRun?: string[];
  };
}

/** `POST /api/v1/namespaces/NS/pods/NAME/eviction`: the Status a real server answers (201). */
export function evictPod(api: ApiServer, namespace: string, name: string, eviction: Eviction): Status {
  const bodyName = eviction.metadata?.name;
  if (bodyName !== undefined && bodyName !== name) {
    throw badRequest(`name in URL does not match name in Eviction object`);
  }
  // NotFound for a missing pod, as the delete would give.
  api.get("pods", namespace, name);
  const o = eviction.deleteOptions ?? {};
  api.delete("pods", namespace, name, {
    gracePeriodSeconds: o.gracePeriodSeconds,
    propagationPolicy: o.propagationPolicy,
    preconditions: o.preconditions,
    dryRun: (o.dryRun?.length ?? 0) > 0,
  });
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 };
}
