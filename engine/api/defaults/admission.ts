// What the default admission plugins of a 1.32 API server add to a Pod:
// ServiceAccount (service account name + the projected API-access volume),
// Priority (priority / preemptionPolicy) and DefaultTolerationSeconds (the
// not-ready / unreachable NoExecute tolerations). Runs after defaulting and
// before validation, in that plugin order.
import type { Container, Pod, Toleration, Volume } from "../types.ts";

export const SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
const TOKEN_VOLUME_PREFIX = "kube-api-access-";

export interface PriorityClassInfo {
  value: number;
  preemptionPolicy?: "PreemptLowerPriority" | "Never";
}

/** The PriorityClasses every cluster has. */
export const BUILTIN_PRIORITY_CLASSES: Record<string, PriorityClassInfo> = {
  "system-node-critical": { value: 2000001000, preemptionPolicy: "PreemptLowerPriority" },
  "system-cluster-critical": { value: 2000000000, preemptionPolicy: "PreemptLowerPriority" },
};

export interface AdmitPodOptions {
  /** Known PriorityClasses (defaults to the two built-in ones). */
  priorityClasses?: Record<string, PriorityClassInfo>;
  /** The service account's automountServiceAccountToken, when it sets one. */
  serviceAccountAutomount?: boolean;
}

/** The projected volume the ServiceAccount plugin adds (token valid 3607 s, the CA bundle, the namespace). */
export function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
      ],
    },
  };
}

function mountToken(pod: Pod, randomSuffix: () => string): void {
  const spec = pod.spec;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing ? existing.name : TOKEN_VOLUME_PREFIX + randomSuffix();
  let needed = false;
  const addMount = (c: Container) => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) return;
    (c.volumeMounts ??= []).push({ mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true });
    needed = true;
  };
  (spec.initContainers ?? []).forEach(addMount);
  (spec.containers ?? []).forEach(addMount);
  if (!existing && needed) (spec.volumes ??= []).push(tokenVolume(volumeName));
}

// A toleration with an empty key or empty effect also covers the default ones.
function defaultTolerations(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? [];
  const covers = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));
  const add: Toleration[] = [];
  if (!covers("node.kubernetes.io/not-ready")) {
    add.push({ effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 });
  }
  if (!covers("node.kubernetes.io/unreachable")) {
    add.push({ effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 });
  }
  if (add.length > 0) pod.spec.tolerations = [...tolerations, ...add];
}

/**
 * Mutating admission for a Pod create. `randomSuffix` gives the 5 characters
 * of the token volume name (apimachinery rand.String(5), from the cluster's
 * seeded stream). Returns undefined when admitted, or the reason of a 403
 * Forbidden (`pods "<name>" is forbidden: <reason>`, see forbiddenStatus).
 */
export function admitPod(pod: Pod, randomSuffix: () => string, opts: AdmitPodOptions = {}): string | undefined {
  const spec = pod.spec;
  const mirror = pod.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined;

  // ServiceAccount
  if (!mirror) {
    if (!spec.serviceAccountName) spec.serviceAccountName = "default";
    spec.serviceAccount = spec.serviceAccountName;
    const automount = spec.automountServiceAccountToken ?? opts.serviceAccountAutomount ?? true;
    if (automount) mountToken(pod, randomSuffix);
  }

  // Priority
  const classes = opts.priorityClasses ?? BUILTIN_PRIORITY_CLASSES;
  let priority = 0;
  let policy: string | undefined = "PreemptLowerPriority";
  if (spec.priorityClassName) {
    const pc = classes[spec.priorityClassName];
    if (pc === undefined) return `no PriorityClass with name ${spec.priorityClassName} was found`;
    priority = pc.value;
    policy = pc.preemptionPolicy;
  }
  if (spec.priority != null && spec.priority !== priority) {
    return `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`;
  }
  spec.priority = priority;
  if (policy !== undefined) {
    if (spec.preemptionPolicy != null && spec.preemptionPolicy !== policy) {
      return `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`;
    }
    spec.preemptionPolicy = policy;
  }

  // DefaultTolerationSeconds
  defaultTolerations(pod);
  return undefined;
}

/**
 * Mutating admission for a Pod update: the default tolerations are re-added,
 * and priority / preemptionPolicy carried over when the update drops them.
 */
export function admitPodUpdate(pod: Pod, old: Pod): void {
  if (pod.spec.priority == null && old.spec.priority != null) pod.spec.priority = old.spec.priority;
  if (pod.spec.preemptionPolicy == null && old.spec.preemptionPolicy != null) pod.spec.preemptionPolicy = old.spec.preemptionPolicy;
  defaultTolerations(pod);
}
