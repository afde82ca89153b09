// Public surface of the defaulting package: in-place API defaults per kind and
// the Pod admission mutations.
export { defaultPod, defaultPodSpec, defaultPodTemplateSpec } from "./pod.ts";
export { defaultDeployment, defaultReplicaSet } from "./apps.ts";
export { defaultNamespace, defaultNode } from "./cluster-objects.ts";
export { defaultService } from "./service.ts";
export { admitPod, admitPodUpdate, tokenVolume, BUILTIN_PRIORITY_CLASSES, SERVICE_ACCOUNT_MOUNT_PATH } from "./admission.ts";
export type { AdmitPodOptions, PriorityClassInfo } from "./admission.ts";
export { defaultPullPolicy, parseImageReference } from "./image.ts";
