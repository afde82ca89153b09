// Deleting owners (deployment-controller.md §13): background, foreground and
// orphan propagation, and pods' graceful termination on the way.
import { describe, expect, it } from "vitest";
import { clusterWith, deployment, podsOf, replicaSetsOf } from "./helpers.ts";

describe("garbage collection", () => {
  it("background: the Deployment goes at once, its ReplicaSets and pods after", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    const rsNames = replicaSetsOf(cluster, d).map((rs) => rs.metadata.name!);
    cluster.api.delete("deployments", "default", "web");
    expect(cluster.api.find("deployments", "default", "web")).toBeUndefined();
    expect(cluster.api.find("replicasets", "default", rsNames[0])).toBeDefined();
    cluster.advance(100);
    expect(cluster.api.find("replicasets", "default", rsNames[0])).toBeUndefined();
    const terminating = cluster.api.list("pods", { namespace: "default" }).items;
    expect(terminating).toHaveLength(2);
    expect(terminating.every((p) => p.metadata.deletionTimestamp)).toBe(true);
    cluster.settle();
    expect(cluster.api.list("pods", { namespace: "default" }).items).toEqual([]);
    expect(cluster.errors).toEqual([]);
  });

  it("orphan: ReplicaSets and pods stay, without their ownerReferences", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    const [rs] = replicaSetsOf(cluster, d);
    const deleted = cluster.api.delete("deployments", "default", "web", { propagationPolicy: "Orphan" });
    expect(deleted.metadata.finalizers).toEqual(["orphan"]);
    cluster.settle();
    expect(cluster.api.find("deployments", "default", "web")).toBeUndefined();
    const kept = cluster.api.get("replicasets", "default", rs.metadata.name!);
    expect(kept.metadata.ownerReferences).toBeUndefined();
    expect(cluster.api.listControlledBy("pods", kept.metadata.uid!)).toHaveLength(2);
  });

  it("foreground: the Deployment waits, marked, until its dependents are gone", () => {
    const d = deployment({ replicas: 2 });
    const cluster = clusterWith(d);
    const pods = podsOf(cluster, d);
    cluster.api.delete("deployments", "default", "web", { propagationPolicy: "Foreground" });
    cluster.advance(50);
    const waiting = cluster.api.get("deployments", "default", "web");
    expect(waiting.metadata.deletionTimestamp).toBeDefined();
    expect(waiting.metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(cluster.api.find("pods", "default", pods[0].metadata.name!)?.metadata.deletionTimestamp).toBeDefined();
    cluster.settle();
    expect(cluster.api.find("deployments", "default", "web")).toBeUndefined();
    expect(cluster.api.list("replicasets", { namespace: "default" }).items).toEqual([]);
    expect(cluster.api.list("pods", { namespace: "default" }).items).toEqual([]);
  });

  it("a ReplicaSet deleted under a Deployment comes back with the same name", () => {
    const d = deployment({ replicas: 1 });
    const cluster = clusterWith(d);
    const [rs] = replicaSetsOf(cluster, d);
    cluster.api.delete("replicasets", "default", rs.metadata.name!);
    cluster.settle();
    const [again] = replicaSetsOf(cluster, d);
    expect(again.metadata.name).toBe(rs.metadata.name);
    expect(again.metadata.uid).not.toBe(rs.metadata.uid);
    expect(again.status?.readyReplicas).toBe(1);
  });

  it("deleting a namespace deletes what is in it, then the namespace", () => {
    const cluster = clusterWith(deployment({ name: "x" }));
    cluster.api.create("namespaces", { metadata: { name: "team" } });
    const d = deployment({ replicas: 2 });
    d.metadata.namespace = "team";
    cluster.api.create("deployments", d);
    cluster.settle();
    const ns = cluster.api.delete("namespaces", undefined, "team");
    expect(ns.status?.phase).toBe("Terminating");
    cluster.settle();
    expect(cluster.api.find("namespaces", undefined, "team")).toBeUndefined();
    expect(cluster.api.list("pods", { namespace: "team" }).items).toEqual([]);
    expect(() => cluster.api.delete("namespaces", undefined, "default")).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});
