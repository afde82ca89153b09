// Deployments and ReplicaSets (apps/v1).
import { defaultDeployment, defaultReplicaSet } from "../defaults/apps.ts";
import { deploymentTable } from "../printers/deployments.ts";
import { replicaSetTable } from "../printers/replicasets.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { Deployment, ReplicaSet } from "../types.ts";
import {
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
} from "../validation/apps.ts";

export const deployments: ResourceType<Deployment> & StrategyHooks<Deployment> = {
  group: "apps",
  version: "v1",
  kind: "Deployment",
  resource: "deployments",
  singular: "deployment",
  shortNames: ["deploy"],
  namespaced: true,
  categories: ["all"],
  hasStatus: true,
  hasGeneration: true,
  // Annotations are copied to ReplicaSets, so changing them is a new generation.
  generationCountsAnnotations: true,
  scalable: true,
  defaults: defaultDeployment,
  validate: validateDeployment,
  validateUpdate: validateDeploymentUpdate,
  table: deploymentTable,
  prepareForCreate(d) {
    delete d.status;
  },
};

export const replicasets: ResourceType<ReplicaSet> & StrategyHooks<ReplicaSet> = {
  group: "apps",
  version: "v1",
  kind: "ReplicaSet",
  resource: "replicasets",
  singular: "replicaset",
  shortNames: ["rs"],
  namespaced: true,
  categories: ["all"],
  hasStatus: true,
  hasGeneration: true,
  scalable: true,
  defaults: defaultReplicaSet,
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
  table: replicaSetTable,
  prepareForCreate(rs) {
    // An empty ReplicaSetStatus still serialises `replicas: 0`.
    rs.status = { replicas: 0 };
  },
};
