// `set env --list --resolve` (kubectl pkg/cmd/set/env/env_resolve.go, v1.32):
// the value a valueFrom reference stands for. Secrets and config maps are
// read from the server (once each per command); field paths are read from
// the object being listed (a Deployment's own name, not a pod's); resource
// fields from the container's requests and limits.
import { ApiError } from "../../../api/errors.ts";
import { milliOf, unitsOf } from "../../../api/quantity.ts";
import type { Container, KubeObject } from "../../../api/types.ts";
import { isQualifiedName } from "../../../api/validation/names.ts";
import { base64Decode } from "../../../util/base64.ts";
import type { KubectlContext } from "../../types.ts";

interface KeyRef {
  name?: string;
  key: string;
}
/** The references an env var's valueFrom may hold. */
export interface EnvVarSource {
  configMapKeyRef?: KeyRef;
  secretKeyRef?: KeyRef;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string | number };
}

/** envutil.GetEnvVarRefString. */
export function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ""}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ""}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : "";
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return "invalid valueFrom";
}

/** Thrown with kubectl's wording when a reference cannot be resolved. */
export class ResolveError extends Error {}

/** What one `set env` run has read from the server (envutil.ResourceStore). */
export class ResourceStore {
  private readonly cache = new Map<string, KubeObject>();
  constructor(
    private readonly ctx: KubectlContext,
    private readonly namespace: string,
  ) {}

  get(resource: "secrets" | "configmaps", name: string): KubeObject {
    const key = `${resource}/${name}`;
    let obj = this.cache.get(key);
    if (!obj) {
      try {
        obj = this.ctx.api.get(resource, this.namespace, name);
      } catch (err) {
        if (err instanceof ApiError) throw new ResolveError(err.message);
        throw err;
      }
      this.cache.set(key, obj);
    }
    return obj;
  }
}

/** formatMap: `key="value"` lines, keys sorted. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join("\n");
}

/** extractFieldPathAsString on the object being listed. */
function fieldPathValue(obj: KubeObject, fieldPath: string): string {
  const m = /^(.+?)\['(.*)'\]$/s.exec(fieldPath);
  if (m && m[1] !== "") {
    const [, path, key] = m as unknown as [string, string, string];
    if (path === "metadata.annotations" || path === "metadata.labels") {
      const errs = isQualifiedName(path === "metadata.annotations" ? key.toLowerCase() : key);
      if (errs.length > 0) throw new ResolveError(`invalid key subscript in ${fieldPath}: ${errs.join(";")}`);
      return (path === "metadata.annotations" ? obj.metadata.annotations : obj.metadata.labels)?.[key] ?? "";
    }
    throw new ResolveError(`fieldPath ${JSON.stringify(path)} does not support subscript`);
  }
  switch (fieldPath) {
    case "metadata.annotations":
      return formatMap(obj.metadata.annotations);
    case "metadata.labels":
      return formatMap(obj.metadata.labels);
    case "metadata.name":
      return obj.metadata.name ?? "";
    case "metadata.namespace":
      return obj.metadata.namespace ?? "";
    case "metadata.uid":
      return obj.metadata.uid ?? "";
  }
  throw new ResolveError(`unsupported fieldPath: ${fieldPath}`);
}

/** extractContainerResourceValue: the container's request or limit over the divisor, rounded up. */
function resourceValue(ref: NonNullable<EnvVarSource["resourceFieldRef"]>, c: Container): string {
  const dot = ref.resource.indexOf(".");
  const kind = ref.resource.slice(0, dot);
  const name = ref.resource.slice(dot + 1);
  const divisor = ref.divisor === undefined || ref.divisor === "0" || ref.divisor === 0 ? "1" : ref.divisor;
  if (dot > 0 && (kind === "limits" || kind === "requests")) {
    const value = (c.resources?.[kind] as Record<string, string> | undefined)?.[name] ?? 0;
    if (name === "cpu") return String(Math.ceil(milliOf(value) / milliOf(divisor)));
    if (name === "memory" || name === "ephemeral-storage" || name.startsWith("hugepages-")) {
      return String(Math.ceil(unitsOf(value) / unitsOf(divisor)));
    }
  }
  throw new ResolveError(`Unsupported container resource : ${ref.resource}`);
}

function decode(data: string): string {
  return new TextDecoder().decode(base64Decode(data));
}

/** envutil.GetEnvVarRefValue. */
export function refValue(store: ResourceStore, from: EnvVarSource, obj: KubeObject, c: Container): string {
  if (from.secretKeyRef) {
    const ref = from.secretKeyRef;
    const data = (store.get("secrets", ref.name ?? "") as KubeObject & { data?: Record<string, string> }).data ?? {};
    if (!Object.hasOwn(data, ref.key)) throw new ResolveError(`key ${ref.key} not found in secret ${ref.name ?? ""}`);
    return decode(data[ref.key]!);
  }
  if (from.configMapKeyRef) {
    const ref = from.configMapKeyRef;
    const data = (store.get("configmaps", ref.name ?? "") as KubeObject & { data?: Record<string, string> }).data ?? {};
    if (!Object.hasOwn(data, ref.key)) throw new ResolveError(`key ${ref.key} not found in config map ${ref.name ?? ""}`);
    return data[ref.key]!;
  }
  if (from.fieldRef) return fieldPathValue(obj, from.fieldRef.fieldPath);
  if (from.resourceFieldRef) return resourceValue(from.resourceFieldRef, c);
  throw new ResolveError("invalid valueFrom");
}
