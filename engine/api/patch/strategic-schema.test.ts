import { describe, expect, it } from "vitest";
import { schemaFor, type StrategicSchema } from "./strategic-schema.ts";

// The patchStrategy / patchMergeKey struct tags of k8s.io/api v0.32.13
// (core/v1, apps/v1, batch/v1) and apimachinery meta/v1, field by field.

/** Walk a path of field names; "[]" steps into list elements. */
function meta(kind: string, path: string) {
  let schema: StrategicSchema = schemaFor(kind);
  let found = { strategies: [] as readonly string[], mergeKey: "" };
  for (const step of path.split(".")) {
    const r = schema.lookupStruct(step);
    schema = r.schema;
    found = { strategies: r.meta.strategies, mergeKey: r.meta.mergeKey };
  }
  return { ...found, elementKind: schema.name() };
}

describe("schemaFor: merge strategies and keys", () => {
  it.each<[string, string, string, string]>([
    ["Pod", "metadata.finalizers", "merge", ""],
    ["Pod", "metadata.ownerReferences", "merge", "uid"],
    ["Pod", "metadata.labels", "", ""],
    ["Pod", "spec.containers", "merge", "name"],
    ["Pod", "spec.initContainers", "merge", "name"],
    ["Pod", "spec.ephemeralContainers", "merge", "name"],
    ["Pod", "spec.containers.env", "merge", "name"],
    ["Pod", "spec.containers.ports", "merge", "containerPort"],
    ["Pod", "spec.containers.volumeMounts", "merge", "mountPath"],
    ["Pod", "spec.containers.volumeDevices", "merge", "devicePath"],
    ["Pod", "spec.containers.envFrom", "", ""],
    ["Pod", "spec.containers.args", "", ""],
    ["Pod", "spec.volumes", "merge,retainKeys", "name"],
    ["Pod", "spec.imagePullSecrets", "merge", "name"],
    ["Pod", "spec.hostAliases", "merge", "ip"],
    ["Pod", "spec.topologySpreadConstraints", "merge", "topologyKey"],
    ["Pod", "spec.schedulingGates", "merge", "name"],
    ["Pod", "spec.resourceClaims", "merge,retainKeys", "name"],
    ["Pod", "spec.tolerations", "", ""],
    ["Pod", "spec.readinessGates", "", ""],
    ["Pod", "status.conditions", "merge", "type"],
    ["Pod", "status.podIPs", "merge", "ip"],
    ["Pod", "status.hostIPs", "merge", "ip"],
    ["Pod", "status.containerStatuses", "", ""],
    ["Deployment", "spec.strategy", "retainKeys", ""],
    ["Deployment", "spec.template.spec.containers", "merge", "name"],
    ["Deployment", "spec.template.metadata.finalizers", "merge", ""],
    ["Deployment", "status.conditions", "merge", "type"],
    ["ReplicaSet", "spec.template.spec.containers.env", "merge", "name"],
    ["ReplicaSet", "status.conditions", "merge", "type"],
    ["StatefulSet", "spec.template.spec.volumes", "merge,retainKeys", "name"],
    ["StatefulSet", "spec.volumeClaimTemplates", "", ""],
    ["StatefulSet", "status.conditions", "merge", "type"],
    ["DaemonSet", "spec.template.spec.containers", "merge", "name"],
    ["Job", "spec.template.spec.containers", "merge", "name"],
    ["Job", "status.conditions", "merge", "type"],
    ["CronJob", "spec.jobTemplate.spec.template.spec.containers", "merge", "name"],
    ["Service", "spec.ports", "merge", "port"],
    ["Service", "status.conditions", "merge", "type"],
    ["Node", "spec.podCIDRs", "merge", ""],
    ["Node", "spec.taints", "", ""],
    ["Node", "status.conditions", "merge", "type"],
    ["Node", "status.addresses", "merge", "type"],
    ["Namespace", "spec.finalizers", "", ""],
    ["Namespace", "status.conditions", "merge", "type"],
    ["PersistentVolumeClaim", "status.conditions", "merge", "type"],
    ["ServiceAccount", "secrets", "merge", "name"],
    ["ServiceAccount", "imagePullSecrets", "", ""],
    ["ConfigMap", "metadata.ownerReferences", "merge", "uid"],
    ["Secret", "metadata.finalizers", "merge", ""],
    ["SomeCustomKind", "metadata.finalizers", "merge", ""],
  ])("%s %s", (kind, path, strategy, mergeKey) => {
    const m = meta(kind, path);
    expect(m.strategies.join(",")).toBe(strategy);
    expect(m.mergeKey).toBe(mergeKey);
  });

  it.each<[string, string, string]>([
    ["Pod", "spec.containers", "struct"],
    ["Pod", "metadata.finalizers", "string"],
    ["Node", "spec.podCIDRs", "string"],
  ])("%s %s elements are a %s", (kind, path, elementKind) => {
    expect(meta(kind, path).elementKind).toBe(elementKind);
  });

  it("a field the table does not know has no patch metadata", () => {
    expect(meta("Pod", "spec.nope.deeper")).toEqual({ strategies: [], mergeKey: "", elementKind: "struct" });
  });

  it("field names are looked up as own keys only", () => {
    expect(meta("Pod", "constructor")).toEqual({ strategies: [], mergeKey: "", elementKind: "struct" });
  });
});
