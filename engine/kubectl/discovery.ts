// What kubectl learns from API discovery, for the kinds the simulated API
// server serves: the resource list a real 1.32 server publishes (verbs,
// short names, categories, subresources), how kubectl resolves the names a
// user types (`deploy`, `deployments.apps`, `Pod`, `po`, `deployments.v1.apps`)
// and the version both sides report.
import type { Registry, ResourceType } from "../api/registry.ts";

/** kubectl's own version (`kubectl version`). */
export const CLIENT_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.5",
  gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
  gitTreeState: "clean",
  buildDate: "2025-05-15T09:12:10Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
} as const;

export const KUSTOMIZE_VERSION = "v5.5.0";

/** The simulated API server's /version. */
export const SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.5",
  gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
  gitTreeState: "clean",
  buildDate: "2025-05-15T09:08:00Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
} as const;

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** Verbs a 1.32 server lists for a resource (namespaces cannot be deleted as a collection). */
export function verbsOf(resource: string): string[] {
  return resource === "namespaces" ? ALL_VERBS.filter((v) => v !== "deletecollection") : ALL_VERBS;
}

/** Subresources a 1.32 server lists after the resource, with their verbs. */
const SUBRESOURCES: Record<string, Array<[string, string[], string?]>> = {
  pods: [
    ["attach", ["create", "get"], "PodAttachOptions"],
    ["binding", ["create"], "Binding"],
    ["ephemeralcontainers", ["get", "patch", "update"]],
    ["eviction", ["create"], "Eviction"],
    ["exec", ["create", "get"], "PodExecOptions"],
    ["log", ["get"]],
    ["portforward", ["create", "get"], "PodPortForwardOptions"],
    ["proxy", ["create", "delete", "get", "patch", "update"], "PodProxyOptions"],
    ["status", ["get", "patch", "update"]],
  ],
  nodes: [
    ["proxy", ["create", "delete", "get", "patch", "update"], "NodeProxyOptions"],
    ["status", ["get", "patch", "update"]],
  ],
  namespaces: [
    ["finalize", ["update"]],
    ["status", ["get", "patch", "update"]],
  ],
  services: [
    ["proxy", ["create", "delete", "get", "patch", "update"], "ServiceProxyOptions"],
    ["status", ["get", "patch", "update"]],
  ],
  deployments: [
    ["scale", ["get", "patch", "update"], "Scale"],
    ["status", ["get", "patch", "update"]],
  ],
  replicasets: [
    ["scale", ["get", "patch", "update"], "Scale"],
    ["status", ["get", "patch", "update"]],
  ],
};

export interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** The APIResourceList entries of one group version, as a real server orders them (by name). */
export function discoveryResources(registry: Registry, group: string, version: string): ApiResource[] | undefined {
  const types = registry.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const out: ApiResource[] = [];
  for (const t of [...types].sort((a, b) => (a.resource < b.resource ? -1 : 1))) {
    const r: ApiResource = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: verbsOf(t.resource) };
    if (t.shortNames.length > 0) r.shortNames = [...t.shortNames];
    if (t.categories?.length) r.categories = [...t.categories];
    out.push(r);
    for (const [sub, verbs, kind] of SUBRESOURCES[t.resource] ?? []) {
      const s: ApiResource = { name: `${t.resource}/${sub}`, singularName: "", namespaced: t.namespaced, kind: kind ?? t.kind, verbs };
      if (kind === "Scale") {
        s.group = "autoscaling";
        s.version = "v1";
      }
      if (kind === "Eviction") {
        s.group = "policy";
        s.version = "v1";
      }
      out.push(s);
    }
  }
  return out;
}

/** Discovery order: the core group first, then the other groups by name. */
export function discoveryOrder(registry: Registry): ResourceType[] {
  const types = registry.all();
  const groups = ["", ...[...new Set(types.filter((t) => t.group !== "").map((t) => t.group))].sort()];
  return groups.flatMap((g) => types.filter((t) => t.group === g).sort((a, b) => (a.resource < b.resource ? -1 : 1)));
}

/**
 * Resolve a resource name as kubectl does: the short-name expander (exact
 * names first, then short names, then short names whose group starts with
 * the given one: `deploy.app`), then the REST mapper (plural or singular,
 * the resource lower-cased, the group exact; `resource.version.group` is
 * tried first). Undefined when the server has no such resource type.
 */
export function resolveResource(registry: Registry, arg: string): ResourceType | undefined {
  const types = discoveryOrder(registry);
  const kindFor = (resource: string, group: string, version?: string): ResourceType | undefined => {
    let r = resource;
    let g = group;
    const inGroup = (t: ResourceType) => g === "" || t.group === g;
    if (!types.some((t) => inGroup(t) && (t.resource === r || t.singular === r))) {
      let short = types.find((t) => inGroup(t) && t.shortNames.includes(r));
      if (!short && g !== "") short = types.find((t) => t.group.startsWith(g) && t.shortNames.includes(r));
      if (short) {
        r = short.resource;
        g = short.group;
      }
    }
    r = r.toLowerCase();
    return types.find(
      (t) => (g === "" || t.group === g) && (version === undefined || t.version === version) && (t.resource === r || t.singular === r),
    );
  };
  const parts = arg.split(".");
  if (parts.length >= 3) {
    const t = kindFor(parts[0]!, parts.slice(2).join("."), parts[1]!);
    if (t) return t;
  }
  const dot = arg.indexOf(".");
  return dot >= 0 ? kindFor(arg.slice(0, dot), arg.slice(dot + 1)) : kindFor(arg, "");
}

/** `deployment.apps`, `pod`: how kubectl names a kind in output prefixes. */
export function kindGroup(t: Pick<ResourceType, "kind" | "group">): string {
  return (t.group ? `${t.kind}.${t.group}` : t.kind).toLowerCase();
}

/** `deployments.apps`, `pods`: how API messages name a resource. */
export function groupResource(t: Pick<ResourceType, "resource" | "group">): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

export function apiVersion(t: Pick<ResourceType, "group" | "version">): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}
