// Public surface of the validation package: field errors, Status bodies and
// kubectl's rendering of them, and one validate/validateUpdate pair per kind.
export * from "./field.ts";
export { formatInvalidStatus, isInvalidStatus } from "./format-status.ts";
export { goIntOrString, goLabelSelector, goQuote, goRaw, goString, goStringMap, goStringSlice } from "./go-value.ts";
export type { GoValue } from "./go-value.ts";
export { validatePod, validatePodUpdate, validatePodTemplateSpec, UPDATABLE_POD_SPEC_FIELDS } from "./pod.ts";
export { validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from "./apps.ts";
export { validateNamespace, validateNamespaceUpdate, validateNode, validateNodeUpdate } from "./cluster-objects.ts";
export { validateObjectMeta, validateObjectMetaUpdate, validateLabels, validateLabelSelector, selectorMatches } from "./object-meta.ts";
export { NAME_RULES } from "./names.ts";
export type { NameValidator } from "./names.ts";
export { computePodQOS, getPodQOS } from "./qos.ts";
export type { QOSClass } from "./qos.ts";
export { canonicalResourceQuantity, parseQuantity, tryParseQuantity, formatQuantity, QuantityParseError } from "./quantity.ts";
