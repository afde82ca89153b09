// OpenAPI names of the Go types: `core.PodSpec` → `io.k8s.api.core.v1.PodSpec`,
// as the generated definitions of a 1.32 API server name them.

/** Package key (schema/go-types.ts) → the Go import path's OpenAPI prefix. */
const PACKAGE_PREFIX: Readonly<Record<string, string>> = {
  core: "io.k8s.api.core.v1",
  apps: "io.k8s.api.apps.v1",
  autoscaling: "io.k8s.api.autoscaling.v2",
  discovery: "io.k8s.api.discovery.v1",
  storage: "io.k8s.api.storage.v1",
  meta: "io.k8s.apimachinery.pkg.apis.meta.v1",
  resource: "io.k8s.apimachinery.pkg.api.resource",
  intstr: "io.k8s.apimachinery.pkg.util.intstr",
  runtime: "io.k8s.apimachinery.pkg.runtime",
};

/** The definition name of a struct or special type key (`core.PodSpec`, `resource.Quantity`). */
export function definitionName(key: string): string {
  const dot = key.indexOf(".");
  const prefix = PACKAGE_PREFIX[key.slice(0, dot)];
  if (!prefix) throw new Error(`openapi: no package prefix for ${key}`);
  return `${prefix}.${key.slice(dot + 1)}`;
}
