// The scale subresource: an autoscaling/v1 Scale view of a Deployment's or
// ReplicaSet's replicas, which `kubectl scale` and autoscalers read and write.
import { badRequest } from "./errors.ts";
import { formatLabelSelector } from "./labels.ts";
import type { KubeObject, LabelSelector } from "./types.ts";

export interface Scale {
  apiVersion: "autoscaling/v1";
  kind: "Scale";
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; creationTimestamp?: string };
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** What the scale subresource reads of its object. */
export interface ScalableObject extends KubeObject {
  spec: { replicas?: number; selector?: LabelSelector };
  status?: { replicas?: number };
}

/** The Scale of an object, as the registry's scaleFrom* functions build it. */
export function scaleOf(obj: ScalableObject): Scale {
  const m = obj.metadata;
  const replicas = obj.spec.replicas ?? 0;
  const status: Scale["status"] = { replicas: obj.status?.replicas ?? 0 };
  const selector = formatLabelSelector(obj.spec.selector);
  if (selector !== "") status.selector = selector;
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: {
      name: m.name!,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: replicas === 0 ? {} : { replicas },
    status,
  };
}

const CANNOT = 'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal';

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v === "object" ? "object" : typeof v;
}

/** The fields of a Scale body the server reads, with encoding/json's errors for wrong types. */
export function decodeScale(input: unknown): { metadata?: { resourceVersion?: string }; spec?: { replicas?: number } } {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw badRequest(`${CANNOT} ${jsonKind(input)} into Go value of type autoscaling.Scale`);
  }
  const body = input as { metadata?: unknown; spec?: unknown };
  const out: { metadata?: { resourceVersion?: string }; spec?: { replicas?: number } } = {};
  if (body.metadata !== undefined && body.metadata !== null) {
    const rv = (body.metadata as { resourceVersion?: unknown }).resourceVersion;
    if (rv !== undefined && rv !== null && typeof rv !== "string") {
      throw badRequest(`${CANNOT} ${jsonKind(rv)} into Go struct field ObjectMeta.metadata.resourceVersion of type string`);
    }
    if (typeof rv === "string") out.metadata = { resourceVersion: rv };
  }
  if (body.spec !== undefined && body.spec !== null) {
    if (typeof body.spec !== "object" || Array.isArray(body.spec)) {
      throw badRequest(`${CANNOT} ${jsonKind(body.spec)} into Go struct field Scale.spec of type v1.ScaleSpec`);
    }
    const r = (body.spec as { replicas?: unknown }).replicas;
    if (r !== undefined && r !== null) {
      if (typeof r !== "number") throw badRequest(`${CANNOT} ${jsonKind(r)} into Go struct field ScaleSpec.spec.replicas of type int32`);
      if (!Number.isInteger(r) || r > 2147483647 || r < -2147483648) {
        throw badRequest(`${CANNOT} number ${r} into Go struct field ScaleSpec.spec.replicas of type int32`);
      }
      out.spec = { replicas: r };
    }
  }
  return out;
}
