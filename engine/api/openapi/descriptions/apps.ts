// Deployments and ReplicaSets (apps/v1).
import type { Descriptions } from "./index.ts";

const STATUS_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status";
const METADATA_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const APPS: Descriptions = {
  "apps.Deployment": {
    "": "A Deployment keeps a set of identical pods running and changes them declaratively: edit its pod template and it rolls the change out by creating a new ReplicaSet and scaling the old ones down, at the pace its strategy allows.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    spec: "The desired state of the Deployment: how many pods, which pods it owns, what they look like, and how to replace them.",
    status: "The state of the Deployment as the deployment controller last observed it. Read-only.",
  },
  "apps.DeploymentSpec": {
    "": "DeploymentSpec is the desired state of a Deployment.",
    replicas: "How many pods should run. A pointer, so that 0 can be told apart from unset. Defaults to 1. `kubectl scale` changes it; leave it out of applied manifests when a HorizontalPodAutoscaler manages it.",
    selector: "Label selector for the pods this Deployment manages. It must match the labels of the pod template, and it cannot be changed after creation in apps/v1. ReplicaSets whose pods it selects are adopted.",
    template: "The pod template: every pod the Deployment creates is made from it. Changing it (an image, an environment variable, a label) starts a new rollout. The only restartPolicy allowed is \"Always\".",
    strategy: "How existing pods are replaced by new ones when the template changes: RollingUpdate (the default) or Recreate.",
    minReadySeconds: "How many seconds a new pod must be ready, without any container crashing, before it counts as available. Defaults to 0: available as soon as it is ready.",
    revisionHistoryLimit: "How many old ReplicaSets to keep for rollbacks (`kubectl rollout undo`). Older ones are deleted. A pointer, so that 0 can be told apart from unset. Defaults to 10.",
    paused: "While true, changes to the template do not start a rollout (`kubectl rollout pause` / `resume`). Scaling still works.",
    progressDeadlineSeconds: "How many seconds a rollout may go without progress before the Deployment reports it as failed: the Progressing condition turns False with reason ProgressDeadlineExceeded. The controller keeps trying; nothing is rolled back automatically. Not counted while paused. Defaults to 600.",
  },
  "apps.DeploymentStrategy": {
    "": "DeploymentStrategy says how a Deployment replaces its pods.",
    type: "The kind of strategy: \"RollingUpdate\" replaces pods gradually, keeping the application available; \"Recreate\" deletes all old pods before creating new ones. Defaults to RollingUpdate.",
    rollingUpdate: "Limits for a rolling update. Only allowed when type is RollingUpdate.",
  },
  "apps.RollingUpdateDeployment": {
    "": "The pace of a rolling update.",
    maxUnavailable: "How many pods may be unavailable during the update, as a number (5) or a percentage of the desired replicas (\"10%\", rounded down). Cannot be 0 if maxSurge is 0. Defaults to 25%. With 30%, the old ReplicaSet is scaled down to 70% of the desired pods at once, and further only as new pods become available.",
    maxSurge: "How many pods may exist above the desired count during the update, as a number (5) or a percentage of the desired replicas (\"10%\", rounded up). Cannot be 0 if maxUnavailable is 0. Defaults to 25%. With 30%, the new ReplicaSet is scaled up at once so that old and new pods together are at most 130% of the desired pods.",
  },
  "apps.DeploymentStatus": {
    "": "DeploymentStatus is the observed state of a Deployment.",
    observedGeneration: "The metadata.generation the controller last acted on. When it is lower than the Deployment's generation, the status is not up to date with the latest change yet.",
    replicas: "Total number of pods of all the Deployment's ReplicaSets (old and new) that are not terminating.",
    updatedReplicas: "Number of pods, not terminating, made from the current pod template.",
    readyReplicas: "Number of the Deployment's pods that are ready.",
    availableReplicas: "Number of the Deployment's pods that have been ready for at least minReadySeconds.",
    unavailableReplicas: "Number of pods still needed for the Deployment to be fully available: the desired replicas minus the available ones (pods that are missing or not ready yet).",
    conditions: "The latest observations of the Deployment's state: Available (enough pods are available) and Progressing (the rollout is moving, complete, or stuck), plus ReplicaFailure when pods cannot be created.",
    collisionCount: "Counts hash collisions of the pod template: the controller adds it to the template hash when naming a new ReplicaSet, so that the name is unique.",
  },
  "apps.DeploymentCondition": {
    "": "One aspect of a Deployment's state at a point in time.",
    type: "The condition: Available, Progressing or ReplicaFailure.",
    status: "True, False or Unknown.",
    lastUpdateTime: "When the condition was last written.",
    lastTransitionTime: "When the status last changed from one value to another.",
    reason: "A one-word, CamelCase reason for the last transition, for example NewReplicaSetAvailable, ReplicaSetUpdated or ProgressDeadlineExceeded.",
    message: "A human-readable explanation of the condition.",
  },
  "apps.ReplicaSet": {
    "": "A ReplicaSet keeps a given number of pods matching its selector running, creating pods from its template when there are too few and deleting some when there are too many. Deployments create and manage ReplicaSets; you rarely create one yourself.",
    metadata: `Standard object metadata. Its labels are usually the same as its pod template's. More info: ${METADATA_URL}`,
    spec: `The desired state of the ReplicaSet. More info: ${STATUS_URL}`,
    status: `The state of the ReplicaSet as last observed. It may lag behind the actual state. Read-only. More info: ${STATUS_URL}`,
  },
  "apps.ReplicaSetSpec": {
    "": "ReplicaSetSpec is the desired state of a ReplicaSet.",
    replicas: "How many pods should run. A pointer, so that 0 can be told apart from unset. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works",
    minReadySeconds: "How many seconds a new pod must be ready, without any container crashing, before it counts as available. Defaults to 0.",
    selector: "Label selector for the pods of this ReplicaSet. It must match the template's labels. Pods it matches that have no controller are adopted. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
    template: "The pod template pods are created from when too few exist. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#pod-template",
  },
  "apps.ReplicaSetStatus": {
    "": "ReplicaSetStatus is the observed state of a ReplicaSet.",
    replicas: "The number of pods the ReplicaSet has that are not terminating. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works",
    fullyLabeledReplicas: "The number of pods whose labels match all the labels of the pod template.",
    readyReplicas: "The number of the ReplicaSet's pods that are ready.",
    availableReplicas: "The number of the ReplicaSet's pods that have been ready for at least minReadySeconds.",
    observedGeneration: "The metadata.generation the controller last acted on.",
    conditions: "The latest observations of the ReplicaSet's state. ReplicaFailure is reported when pods cannot be created or deleted, for example because of a quota.",
  },
  "apps.ReplicaSetCondition": {
    "": "One aspect of a ReplicaSet's state at a point in time.",
    type: "The condition, for example ReplicaFailure.",
    status: "True, False or Unknown.",
    lastTransitionTime: "When the status last changed from one value to another.",
    reason: "A one-word, CamelCase reason for the last transition.",
    message: "A human-readable explanation of the condition.",
  },
};
