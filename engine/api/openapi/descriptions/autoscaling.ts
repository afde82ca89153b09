// HorizontalPodAutoscaler (autoscaling/v2): field documentation in our own words.
import type { Descriptions } from "./index.ts";

const METADATA_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const SPEC_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status";
const QUANTITY = "a resource quantity, such as 500m or 2Gi";

const identifier = {
  "": "Names a metric, optionally narrowed by a label selector.",
  name: "The name of the metric.",
  selector: "A label selector, passed to the metrics server, that narrows the metric down. Unset lets the server choose by the name alone.",
};

export const AUTOSCALING: Descriptions = {
  "autoscaling.HorizontalPodAutoscaler": {
    "": "A HorizontalPodAutoscaler keeps the replica count of a scalable resource (a Deployment, ReplicaSet or StatefulSet) between a minimum and a maximum, adjusting it to the metrics it is given.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    spec: `What the autoscaler should do. More info: ${SPEC_URL}`,
    status: "What the autoscaler last observed and decided.",
  },
  "autoscaling.HorizontalPodAutoscalerSpec": {
    "": "The desired behaviour of an autoscaler.",
    scaleTargetRef: "The resource to scale, read and written through its scale subresource.",
    minReplicas: "The fewest replicas the autoscaler scales down to; 1 when unset. It may be 0 only with the HPAScaleToZero feature gate and an Object or External metric.",
    maxReplicas: "The most replicas the autoscaler scales up to; may not be below minReplicas.",
    metrics: "The metrics the desired replica count is computed from; each gives a count and the highest one wins. When unset, average CPU utilization of 80% is the target.",
    behavior: "How fast the target may be scaled up and down. When unset, the default scaling rules apply.",
  },
  "autoscaling.CrossVersionObjectReference": {
    "": "Points at an object of any API version.",
    kind: "The kind of the object, e.g. Deployment.",
    name: "The name of the object.",
    apiVersion: "The API version of the object, e.g. apps/v1.",
  },
  "autoscaling.HorizontalPodAutoscalerBehavior": {
    "": "Scaling rules for each direction.",
    scaleUp: "Rules for scaling up. When unset: no stabilization window, and at most 4 pods or double the count every 15 seconds, whichever is more.",
    scaleDown: "Rules for scaling down. When unset: a 300 second stabilization window, and any number of pods may go every 15 seconds.",
  },
  "autoscaling.HPAScalingRules": {
    "": "Limits on how fast replicas change in one direction: a stabilization window and rate policies.",
    stabilizationWindowSeconds: "Seconds of past recommendations to consider before scaling, so that a short spike does not make the count flap. Between 0 and 3600.",
    selectPolicy: "Which policy applies when several do: Max (the largest change, the default), Min (the smallest) or Disabled (no scaling in this direction).",
    policies: "Rate limits, each a change allowed per period. At least one is required.",
  },
  "autoscaling.HPAScalingPolicy": {
    "": "One rate limit: how many pods, or what percent of them, may change within a period.",
    type: "Pods (a number of pods) or Percent (a percentage of the current count).",
    value: "How many pods, or what percentage; greater than zero.",
    periodSeconds: "The length of the window, in seconds, over which the limit holds; between 1 and 1800.",
  },
  "autoscaling.MetricSpec": {
    "": "One metric to scale on. Exactly one source, the one named by type, is set.",
    type: "The kind of source: ContainerResource, External, Object, Pods or Resource.",
    object: "A metric of one Kubernetes object, such as the requests per second of an Ingress.",
    pods: "A metric of each pod of the target, averaged over them, such as transactions per second.",
    resource: "A resource of the pods (CPU or memory), as the metrics server reports it and the pods' requests define it.",
    containerResource: "Like resource, but only for one container in each pod.",
    external: "A metric from outside the cluster, such as the length of a cloud queue.",
  },
  "autoscaling.MetricStatus": {
    "": "The last value read for one metric.",
    type: "The kind of source: ContainerResource, External, Object, Pods or Resource.",
    object: "The value of an object metric.",
    pods: "The value of a pods metric.",
    resource: "The value of a resource metric.",
    containerResource: "The value of a container resource metric.",
    external: "The value of an external metric.",
  },
  "autoscaling.MetricTarget": {
    "": "The value a metric should have.",
    type: "Utilization, Value or AverageValue: which of the fields below is the target.",
    value: `The target value of the metric, ${QUANTITY}.`,
    averageValue: `The target value averaged over the pods, ${QUANTITY}.`,
    averageUtilization: "The target average, as a percentage of the pods' requests of the resource. Only for Resource and ContainerResource metrics.",
  },
  "autoscaling.MetricValueStatus": {
    "": "A measured value of a metric.",
    value: `The value of the metric, ${QUANTITY}.`,
    averageValue: `The value averaged over the pods, ${QUANTITY}.`,
    averageUtilization: "The average, as a percentage of the pods' requests of the resource.",
  },
  "autoscaling.MetricIdentifier": identifier,
  "autoscaling.ResourceMetricSource": {
    "": "Scales on a resource of the pods, such as CPU, against their requests or an absolute value.",
    name: "The resource, e.g. cpu or memory.",
    target: "The value the resource should have.",
  },
  "autoscaling.ResourceMetricStatus": {
    "": "The measured usage of a resource of the pods.",
    name: "The resource, e.g. cpu or memory.",
    current: "The measured value.",
  },
  "autoscaling.ContainerResourceMetricSource": {
    "": "Scales on a resource of one container of each pod.",
    name: "The resource, e.g. cpu or memory.",
    target: "The value the resource should have.",
    container: "The container whose usage counts.",
  },
  "autoscaling.ContainerResourceMetricStatus": {
    "": "The measured usage of a resource of one container of each pod.",
    name: "The resource, e.g. cpu or memory.",
    current: "The measured value.",
    container: "The container whose usage counts.",
  },
  "autoscaling.PodsMetricSource": {
    "": "Scales on a metric of each pod, averaged over the pods.",
    metric: "The metric.",
    target: "The value the metric should have (an AverageValue).",
  },
  "autoscaling.PodsMetricStatus": {
    "": "The measured average of a pods metric.",
    metric: "The metric.",
    current: "The measured value.",
  },
  "autoscaling.ObjectMetricSource": {
    "": "Scales on a metric describing one Kubernetes object.",
    describedObject: "The object the metric describes.",
    target: "The value the metric should have.",
    metric: "The metric.",
  },
  "autoscaling.ObjectMetricStatus": {
    "": "The measured value of an object metric.",
    metric: "The metric.",
    current: "The measured value.",
    describedObject: "The object the metric describes.",
  },
  "autoscaling.ExternalMetricSource": {
    "": "Scales on a metric that does not belong to any Kubernetes object.",
    metric: "The metric.",
    target: "The value the metric should have.",
  },
  "autoscaling.ExternalMetricStatus": {
    "": "The measured value of an external metric.",
    metric: "The metric.",
    current: "The measured value.",
  },
  "autoscaling.HorizontalPodAutoscalerStatus": {
    "": "What the autoscaler last observed and decided.",
    observedGeneration: "The generation of the autoscaler the controller last acted on.",
    lastScaleTime: "When the autoscaler last changed the replica count of its target.",
    currentReplicas: "How many replicas the target had when the autoscaler last looked.",
    desiredReplicas: "How many replicas the autoscaler last decided the target should have.",
    currentMetrics: "The last values read for the metrics.",
    conditions: "The autoscaler's conditions: AbleToScale, ScalingActive and ScalingLimited, each with a reason.",
  },
  "autoscaling.HorizontalPodAutoscalerCondition": {
    "": "One aspect of the autoscaler's state.",
    type: "AbleToScale, ScalingActive or ScalingLimited.",
    status: "True, False or Unknown.",
    lastTransitionTime: "When the status last changed.",
    reason: "A one-word, CamelCase reason for the last transition.",
    message: "A human-readable account of the last transition.",
  },
};
