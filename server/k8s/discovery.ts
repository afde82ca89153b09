// API discovery as a 1.32 apiserver publishes it: the legacy documents
// (/api, /apis, /api/v1, /apis/G/V) and the aggregated ones kubectl asks for
// first (apidiscovery.k8s.io/v2 APIGroupDiscoveryList on /api and /apis).
import { servedVersions, type Registry } from "../../engine/api/registry.ts";
import { discoveryResources, type ApiResource } from "../../engine/kubectl/discovery.ts";

/** The media types an aggregated discovery answer may take. */
export const AGGREGATED_FORMS = [{ as: "APIGroupDiscoveryList", g: "apidiscovery.k8s.io", v: ["v2", "v2beta1"] }] as const;

/** Groups other than the core one, by name (their order in /apis), each with its versions, the preferred first. */
function groupVersions(registry: Registry): Array<{ group: string; versions: string[] }> {
  const seen = new Map<string, string[]>();
  for (const t of registry.all()) {
    if (t.group === "") continue;
    const versions = seen.get(t.group) ?? [];
    for (const v of servedVersions(t)) if (!versions.includes(v)) versions.push(v);
    seen.set(t.group, versions);
  }
  return [...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, versions]) => ({ group, versions }));
}

export function apiVersions(): unknown {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:6443" }],
  };
}

export function apiGroupList(registry: Registry): unknown {
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: groupVersions(registry).map(({ group, versions }) => {
      const gvs = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
      return { name: group, versions: gvs, preferredVersion: gvs[0] };
    }),
  };
}

/** /api/v1 or /apis/G/V: undefined when the group version is not served. */
export function apiResourceList(registry: Registry, group: string, version: string): unknown {
  const resources = discoveryResources(registry, group, version);
  if (!resources) return undefined;
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
}

interface ResourceDiscovery {
  resource: string;
  responseKind: { group: string; version: string; kind: string };
  scope: "Namespaced" | "Cluster";
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: Array<{ subresource: string; responseKind: { group: string; version: string; kind: string }; verbs: string[] }>;
}

/** The APIResourceDiscovery entries of one group version: each resource with its subresources inside it. */
function resourceDiscovery(resources: readonly ApiResource[], group: string, version: string): ResourceDiscovery[] {
  const out: ResourceDiscovery[] = [];
  for (const r of resources) {
    const slash = r.name.indexOf("/");
    if (slash < 0) {
      const d: ResourceDiscovery = {
        resource: r.name,
        responseKind: { group, version, kind: r.kind },
        scope: r.namespaced ? "Namespaced" : "Cluster",
        singularResource: r.singularName,
        verbs: r.verbs,
      };
      if (r.shortNames) d.shortNames = r.shortNames;
      if (r.categories) d.categories = r.categories;
      out.push(d);
      continue;
    }
    const parent = out.find((d) => d.resource === r.name.slice(0, slash));
    if (!parent) continue;
    (parent.subresources ??= []).push({
      subresource: r.name.slice(slash + 1),
      responseKind: { group: r.group ?? group, version: r.version ?? version, kind: r.kind },
      verbs: r.verbs,
    });
  }
  return out;
}

/** The aggregated discovery document of /api (core only) or /apis (every other group). */
export function aggregatedDiscovery(registry: Registry, which: "api" | "apis", apiVersion: string): unknown {
  const gvs = which === "api" ? [{ group: "", versions: ["v1"] }] : groupVersions(registry);
  return {
    kind: "APIGroupDiscoveryList",
    apiVersion: `apidiscovery.k8s.io/${apiVersion}`,
    metadata: {},
    items: gvs.map(({ group, versions }) => ({
      metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
      versions: versions.map((version) => ({
        version,
        resources: resourceDiscovery(discoveryResources(registry, group, version) ?? [], group, version),
        freshness: "Current",
      })),
    })),
  };
}
