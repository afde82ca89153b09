import { describe, expect, it } from "vitest";
import { FieldSelectorError, fieldSelectorMatcher, parseFieldSelector } from "./fields.ts";
import type { KubeObject } from "./types.ts";

describe("parseFieldSelector: canonical string form", () => {
  it.each([
    ["equality", "metadata.name=web", "metadata.name=web"],
    ["== is stored as =", "status.phase==Running", "status.phase=Running"],
    ["inequality", "status.phase!=Running", "status.phase!=Running"],
    ["terms are sorted", "spec.nodeName=n1,metadata.name=web", "metadata.name=web,spec.nodeName=n1"],
    ["escaped comma in a value", "metadata.name=a\\,b", "metadata.name=a\\,b"],
    ["escaped equals in a value", "metadata.name=a\\=b", "metadata.name=a\\=b"],
    ["escaped backslash in a value", "metadata.name=a\\\\b", "metadata.name=a\\\\b"],
    ["no whitespace trimming", "a = b", "a = b"],
    ["empty value", "spec.nodeName=", "spec.nodeName="],
    ["empty selector", "", ""],
    ["empty terms are skipped", ",,metadata.name=a,", "metadata.name=a"],
    ["a bare = drops out", "=", ""],
  ])("%s", (_name, input, expected) => {
    expect(parseFieldSelector(input).toString()).toBe(expected);
  });

  it.each([
    ["unescapes values", "metadata.name=a\\,b\\=c\\\\d", { field: "metadata.name", operator: "=", value: "a,b=c\\d" }],
    ["keeps spaces around the operator", "a = b", { field: "a ", operator: "=", value: " b" }],
    ["!= wins over = at the same place", "a!=b", { field: "a", operator: "!=", value: "b" }],
  ])("%s", (_name, input, term) => {
    expect(parseFieldSelector(input).terms).toEqual([term]);
  });
});

describe("parseFieldSelector: errors", () => {
  it.each([
    ["no operator", "metadata.name", "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ["one term without an operator", "a=b,c", "invalid selector: 'a=b,c'; can't understand 'c'"],
    ["a second unescaped = (printed as its rune number)", "a=b=c", "invalid field selector: unescaped character in value: 61"],
    ["unknown escape", "a=x\\y", "invalid field selector: invalid escape sequence: \\y"],
    ["dangling backslash", "a=x\\", "invalid field selector: invalid escape sequence: \\"],
  ])("%s", (_name, input, message) => {
    expect(() => parseFieldSelector(input)).toThrow(new FieldSelectorError(message));
  });
});

function pod(overrides: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-0", namespace: "default" },
    spec: { nodeName: "node-1", restartPolicy: "Always", schedulerName: "default-scheduler", serviceAccountName: "default", containers: [] },
    status: { phase: "Running", podIP: "10.244.1.5", podIPs: [{ ip: "10.244.1.5" }] },
    ...overrides,
  } as KubeObject;
}

const event = {
  apiVersion: "v1",
  kind: "Event",
  metadata: { name: "web-0.17f", namespace: "default" },
  involvedObject: { kind: "Pod", namespace: "default", name: "web-0", uid: "u1", apiVersion: "v1", fieldPath: "spec.containers{web}" },
  reason: "Pulled",
  type: "Normal",
  source: { component: "kubelet", host: "node-1" },
} as KubeObject;

const node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" }, spec: { unschedulable: true } } as KubeObject;

describe("fieldSelectorMatcher: matching", () => {
  it.each<[string, string, string, KubeObject, boolean]>([
    ["pod phase", "pods", "status.phase=Running", pod(), true],
    ["pod phase mismatch", "pods", "status.phase=Pending", pod(), false],
    ["pod node", "pods", "spec.nodeName=node-1", pod(), true],
    ["unscheduled pods have an empty node name", "pods", "spec.nodeName=", pod({ spec: { containers: [] } }), true],
    ["legacy spec.host means spec.nodeName", "pods", "spec.host=node-1", pod(), true],
    ["hostNetwork defaults to false", "pods", "spec.hostNetwork=false", pod(), true],
    ["pod IP is the first of status.podIPs", "pods", "status.podIP=10.244.1.5", pod(), true],
    ["status.podIPs is accepted but never set", "pods", "status.podIPs=10.244.1.5", pod(), false],
    ["status.podIPs reads as empty", "pods", "status.podIPs=", pod(), true],
    ["namespace inequality", "pods", "metadata.namespace!=kube-system", pod(), true],
    ["service account falls back to the deprecated field", "pods", "spec.serviceAccountName=builder", pod({ spec: { serviceAccount: "builder", containers: [] } }), true],
    ["event involved object", "events", "involvedObject.name=web-0,involvedObject.kind=Pod", event, true],
    ["event type", "events", "type=Warning", event, false],
    ["event source is source.component", "events", "source=kubelet", event, true],
    [
      "event source falls back to reportingComponent",
      "events",
      "source=deployment-controller",
      { ...event, source: {}, reportingComponent: "deployment-controller" } as KubeObject,
      true,
    ],
    ["node unschedulable", "nodes", "spec.unschedulable=true", node, true],
    ["namespace phase", "namespaces", "status.phase=Active", { metadata: { name: "default" }, status: { phase: "Active" } } as KubeObject, true],
    ["service type", "services", "spec.type=ClusterIP", { metadata: { name: "s", namespace: "default" }, spec: { type: "ClusterIP" } } as KubeObject, true],
    ["secret type", "secrets", "type=Opaque", { metadata: { name: "s", namespace: "default" }, type: "Opaque" } as KubeObject, true],
    ["job successful count", "jobs", "status.successful=1", { metadata: { name: "j", namespace: "default" }, status: { succeeded: 1 } } as KubeObject, true],
    ["deployment by name", "deployments", "metadata.name=web", { metadata: { name: "web", namespace: "default" } } as KubeObject, true],
    ["configmap by namespace", "configmaps", "metadata.namespace=default", { metadata: { name: "c", namespace: "default" } } as KubeObject, true],
    ["everything matches the empty selector", "pods", "", pod(), true],
  ])("%s", (_name, resource, selector, obj, expected) => {
    expect(fieldSelectorMatcher(resource, parseFieldSelector(selector))(obj)).toBe(expected);
  });
});

describe("fieldSelectorMatcher: unsupported fields are the API server's BadRequest", () => {
  it.each([
    ["pod container image", "pods", "spec.containers.image=nginx", "field label not supported: spec.containers.image"],
    ["node namespace", "nodes", "metadata.namespace=default", "field label not supported: metadata.namespace"],
    ["namespace namespace", "namespaces", "metadata.namespace=x", "field label not supported: metadata.namespace"],
    ["event message", "events", "message=x", "field label not supported: message"],
    [
      "deployment replicas",
      "deployments",
      "spec.replicas=3",
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    [
      "replica set status.replicas (no apps/v1 conversion)",
      "replicasets",
      "status.replicas=0",
      '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    ["job status.succeeded", "jobs", "status.succeeded=1", 'field label "status.succeeded" not supported for batchv1.Job'],
    ["the first sorted term is reported", "pods", "z.z=1,a.a=2", "field label not supported: a.a"],
    ["spaces are part of the field name", "pods", "status.phase = Running", "field label not supported: status.phase "],
  ])("%s", (_name, resource, selector, message) => {
    expect(() => fieldSelectorMatcher(resource, parseFieldSelector(selector))).toThrow(new FieldSelectorError(message));
  });
});
