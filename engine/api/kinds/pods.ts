// Pods (core/v1): the pod strategy's rules on create, update and delete.
import { admitPod, admitPodUpdate } from "../defaults/admission.ts";
import { defaultPod } from "../defaults/pod.ts";
import { podTable } from "../printers/pods.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { Pod } from "../types.ts";
import { validatePod, validatePodUpdate } from "../validation/pod.ts";
import { computePodQOS } from "../validation/qos.ts";

export const pods: ResourceType<Pod> & StrategyHooks<Pod> = {
  group: "",
  version: "v1",
  kind: "Pod",
  resource: "pods",
  singular: "pod",
  shortNames: ["po"],
  namespaced: true,
  categories: ["all"],
  hasStatus: true,
  hasGeneration: false,
  defaults: defaultPod,
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  table: podTable,
  admit: (pod, random) => admitPod(pod, () => random.string(5)),
  admitUpdate: admitPodUpdate,
  prepareForCreate(pod) {
    // A new pod is Pending with its QoS class; the kubelet writes the rest.
    pod.status = { phase: "Pending", qosClass: computePodQOS(pod.spec ?? { containers: [] }) };
  },
  gracePeriod(pod, requested) {
    // Unscheduled or finished pods have nothing to stop: they go at once.
    if (!pod.spec.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return 0;
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  },
};
