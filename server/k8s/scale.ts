// The scale subresource (deployments/scale, replicasets/scale): an
// autoscaling/v1 Scale view of spec.replicas, as `kubectl scale` reads and
// patches it.
import { conflict, notFound } from "../../engine/api/errors.ts";
import { formatLabelSelector } from "../../engine/api/labels.ts";
import { PatchError } from "../../engine/api/patch/errors.ts";
import { applyJsonPatch } from "../../engine/api/patch/json.ts";
import { applyMergePatch } from "../../engine/api/patch/merge.ts";
import type { ResourceType } from "../../engine/api/registry.ts";
import type { ApiServer, PatchType } from "../../engine/api/server.ts";
import type { KubeObject, LabelSelector } from "../../engine/api/types.ts";
import { invalidStatus, invalid } from "../../engine/api/validation/field.ts";
import { ApiError } from "../../engine/api/errors.ts";
import { badRequest, failure } from "./status.ts";

type Scalable = KubeObject & { spec?: { replicas?: number; selector?: LabelSelector }; status?: { replicas?: number } };

export interface Scale {
  kind: "Scale";
  apiVersion: "autoscaling/v1";
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** The Scale of a deployment or replica set (scaleFromDeployment). */
export function scaleOf(obj: KubeObject): Scale {
  const o = obj as Scalable;
  const m = o.metadata;
  const metadata: Record<string, unknown> = { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp ?? null };
  const spec: Scale["spec"] = {};
  if (o.spec?.replicas) spec.replicas = o.spec.replicas;
  const status: Scale["status"] = { replicas: o.status?.replicas ?? 0 };
  const selector = o.spec?.selector ? formatLabelSelector(o.spec.selector) : "";
  if (selector && selector !== "<none>") status.selector = selector;
  return { kind: "Scale", apiVersion: "autoscaling/v1", metadata, spec, status };
}

function scalableType(type: ResourceType & { scalable?: boolean }): void {
  if (!type.scalable) throw new ApiError(failure(404, "NotFound", "the server could not find the requested resource", {}));
}

/** Write a Scale back: the object's spec.replicas, guarded by the Scale's resourceVersion. */
function writeScale(api: ApiServer, type: ResourceType, current: KubeObject, scale: unknown, dryRun: boolean): Scale {
  const name = current.metadata.name!;
  if (scale === null || typeof scale !== "object" || Array.isArray(scale)) throw badRequest("the object provided is not a JSON object");
  const s = scale as { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown; resourceVersion?: unknown }; spec?: { replicas?: unknown } };
  if (s.kind !== undefined && s.kind !== "Scale") {
    throw badRequest(`the kind of the provided object (${String(s.kind)}) does not match the resource (Scale)`);
  }
  if (s.metadata?.name !== undefined && s.metadata.name !== name) {
    throw badRequest(`the name of the object (${String(s.metadata.name)}) does not match the name on the URL (${name})`);
  }
  const replicas = s.spec?.replicas ?? 0;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas > 2 ** 31 - 1 || replicas < -(2 ** 31)) {
    throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas === "number" ? "number " + replicas : typeof replicas === "string" ? "string" : "object"} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  if (replicas < 0) {
    throw new ApiError(invalidStatus("Scale", "autoscaling", name, [invalid("spec.replicas", replicas, "must be greater than or equal to 0")]));
  }
  const rv = s.metadata?.resourceVersion;
  if (typeof rv === "string" && rv !== "" && rv !== current.metadata.resourceVersion) {
    throw conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");
  }
  const updated = structuredClone(current) as Scalable;
  updated.spec = { ...updated.spec, replicas };
  const result = api.update(type.resource, updated, { dryRun });
  return scaleOf(result);
}

export function getScale(api: ApiServer, type: ResourceType, namespace: string | undefined, name: string): Scale {
  scalableType(type);
  return scaleOf(api.get(type.resource, namespace, name));
}

export function updateScale(api: ApiServer, type: ResourceType, namespace: string | undefined, name: string, body: unknown, dryRun: boolean): Scale {
  scalableType(type);
  const current = api.find(type.resource, namespace, name);
  if (!current) throw notFound(type, name);
  return writeScale(api, type, current, body, dryRun);
}

export function patchScale(
  api: ApiServer,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  patchType: PatchType,
  patch: unknown,
  dryRun: boolean,
): Scale {
  scalableType(type);
  const current = api.get(type.resource, namespace, name);
  const scale = scaleOf(current);
  let patched: unknown;
  try {
    // A Scale has no lists: a strategic merge patch merges as a JSON merge patch does.
    patched = patchType === "json" ? applyJsonPatch(scale, patch) : applyMergePatch(scale, patch);
  } catch (err) {
    if (err instanceof PatchError) throw new ApiError({ ...failure(err.code, err.reason || "", err.message), ...(err.reason ? {} : { reason: undefined }) });
    throw err;
  }
  return writeScale(api, type, current, patched, dryRun);
}
