// apps/v1 defaulting for Deployments and ReplicaSets (pkg/apis/apps/v1
// defaults.go + generated defaulters, 1.32), in place.
import type { Deployment, DeploymentSpec, PodTemplateSpec, ReplicaSet, ReplicaSetSpec } from "../types.ts";
import { defaultPodTemplateSpec } from "./pod.ts";

export function defaultDeployment(d: Deployment): void {
  if (d.spec == null) d.spec = {} as DeploymentSpec;
  const spec = d.spec;
  if (spec.replicas == null) spec.replicas = 1;
  // DeploymentStrategy is a struct: always present on the wire
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = "RollingUpdate";
  // rollingUpdate is only filled in for RollingUpdate; a Recreate manifest keeps whatever it had (validation rejects it)
  if (strategy.type === "RollingUpdate") {
    const ru = (strategy.rollingUpdate ??= {});
    if (ru.maxUnavailable == null) ru.maxUnavailable = "25%";
    if (ru.maxSurge == null) ru.maxSurge = "25%";
  }
  if (spec.revisionHistoryLimit == null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds == null) spec.progressDeadlineSeconds = 600;
  if (spec.template == null) spec.template = {} as PodTemplateSpec;
  defaultPodTemplateSpec(spec.template);
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  if (rs.spec == null) rs.spec = {} as ReplicaSetSpec;
  if (rs.spec.replicas == null) rs.spec.replicas = 1;
  // the v1 template is a struct, so even a ReplicaSet without one gets a (defaulted) template
  if (rs.spec.template == null) rs.spec.template = {} as PodTemplateSpec;
  defaultPodTemplateSpec(rs.spec.template);
}
