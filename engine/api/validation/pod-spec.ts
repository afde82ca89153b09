// PodSpec validation (core ValidatePodSpec, 1.32), shared by Pods and pod
// templates. It expects a defaulted spec: the API server validates after
// defaulting, so e.g. a missing restartPolicy never reaches it.
import type { PodSpec, Toleration } from "../types.ts";
import { child, index, invalid, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { goToleration, sortedKeys } from "./go-value.ts";
import { validateContainers, validateInitContainers } from "./containers.ts";
import { inclusiveRangeError, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from "./names.ts";
import { validateDNS1123Label, validateLabelName, validateLabels } from "./object-meta.ts";
import { unlessPassed } from "./memo.ts";
import { validateVolumes } from "./volumes.ts";

const MAX_INT32 = 2147483647;
export const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export interface PodSpecOptions {
  /** The object is a Pod, not a template (changes the hostNetwork port rule). */
  resourceIsPod: boolean;
}

function validateRestartPolicy(policy: string | undefined, path: string): FieldError[] {
  if (!policy) return [required(path)];
  return RESTART_POLICIES.includes(policy) ? [] : [notSupported(path, policy, RESTART_POLICIES)];
}

function validateDNSPolicy(policy: string | undefined, path: string): FieldError[] {
  if (!policy) return [required(path)];
  return DNS_POLICIES.includes(policy) ? [] : [notSupported(path, policy, DNS_POLICIES)];
}

function validateHostNetworkPorts(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  spec.containers?.forEach((c, ci) => {
    c.ports?.forEach((port, pi) => {
      const hp = port.hostPort ?? 0;
      if ((opts.resourceIsPod || hp !== 0) && hp !== port.containerPort) {
        errs.push(invalid(child(index(child(index(child(path, "containers"), ci), "ports"), pi), "hostPort"), hp, "must match `containerPort` when `hostNetwork` is true"));
      }
    });
  });
  return errs;
}

function validatePodSecurityContext(sc: Record<string, unknown> | undefined, path: string): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  const range = (v: unknown, p: string) => {
    if (typeof v === "number" && (v < 0 || v > MAX_INT32)) errs.push(invalid(p, v, inclusiveRangeError(0, MAX_INT32)));
  };
  range(sc["fsGroup"], child(path, "fsGroup"));
  range(sc["runAsUser"], child(path, "runAsUser"));
  range(sc["runAsGroup"], child(path, "runAsGroup"));
  const groups = Array.isArray(sc["supplementalGroups"]) ? (sc["supplementalGroups"] as unknown[]) : [];
  groups.forEach((g, i) => range(g, index(child(path, "supplementalGroups"), i)));
  return errs;
}

export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = index(path, i);
    const k = t.key ?? "";
    const op = t.operator ?? "";
    const effect = t.effect ?? "";
    if (k.length > 0) errs.push(...validateLabelName(k, child(p, "key")));
    if (k.length === 0 && op !== "Exists") {
      errs.push(invalid(child(p, "operator"), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds != null && effect !== "NoExecute") {
      errs.push(invalid(child(p, "effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (op) {
      case "Equal":
      case "": {
        const msgs = isValidLabelValue(t.value ?? "");
        if (msgs.length > 0) errs.push(invalid(child(p, "operator"), t.value ?? "", msgs.join(";")));
        break;
      }
      case "Exists":
        if ((t.value ?? "").length > 0) errs.push(invalid(child(p, "operator"), goToleration(t), "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(child(p, "operator"), op, ["Equal", "Exists"]));
    }
    if (effect.length > 0 && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(p, "effect"), effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateNames(value: string | undefined, path: string): FieldError[] {
  if (!value) return [];
  return nameIsDNSSubdomain(value, false).map((m) => invalid(path, value, m));
}

export function validatePodSpec(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  return unlessPassed(spec, `podSpec\u0000${opts.resourceIsPod}\u0000${path}`, () => checkPodSpec(spec, path, opts));
}

function checkPodSpec(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds == null) errs.push(required(child(path, "terminationGracePeriodSeconds")));
  const grace = spec.terminationGracePeriodSeconds ?? undefined;
  const vols = validateVolumes(spec.volumes, child(path, "volumes"));
  errs.push(...vols.errs);
  errs.push(...validateContainers(spec.containers, vols.names, grace, child(path, "containers")));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols.names, grace, child(path, "initContainers")));
  errs.push(...validateHostNetworkPorts(spec, path, opts));
  errs.push(...validateRestartPolicy(spec.restartPolicy, child(path, "restartPolicy")));
  errs.push(...validateDNSPolicy(spec.dnsPolicy, child(path, "dnsPolicy")));
  errs.push(...validateLabels(spec.nodeSelector, child(path, "nodeSelector")));
  errs.push(...validatePodSecurityContext(spec.securityContext, child(path, "securityContext")));
  if (spec.dnsPolicy === "None") {
    const cfg = (spec as unknown as Record<string, unknown>)["dnsConfig"] as { nameservers?: string[] } | undefined;
    if (cfg == null) errs.push(required(child(path, "dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None"));
    else if ((cfg.nameservers ?? []).length === 0) {
      errs.push(required(child(path, "dnsConfig", "nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
    }
  }
  (spec.readinessGates ?? []).forEach((g, i) => {
    const ct = g.conditionType ?? "";
    errs.push(...isQualifiedName(ct).map((m) => invalid(child(index(child(path, "readinessGates"), i), "conditionType"), ct, m)));
  });
  errs.push(...validateNames(spec.serviceAccountName, child(path, "serviceAccountName")));
  errs.push(...validateNames(spec.nodeName, child(path, "nodeName")));
  if (spec.activeDeadlineSeconds != null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32) errs.push(invalid(child(path, "activeDeadlineSeconds"), v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, child(path, "hostname")));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, child(path, "subdomain")));
  if ((spec.tolerations ?? []).length > 0) errs.push(...validateTolerations(spec.tolerations, child(path, "tolerations")));
  errs.push(...validateNames(spec.priorityClassName, child(path, "priorityClassName")));
  if (spec.preemptionPolicy != null) {
    const pp = spec.preemptionPolicy;
    if (pp === "") errs.push(required(child(path, "preemptionPolicy")));
    else if (pp !== "PreemptLowerPriority" && pp !== "Never") {
      errs.push(notSupported(child(path, "preemptionPolicy"), pp, ["PreemptLowerPriority", "Never"]));
    }
  }
  return errs;
}

/** ValidatePodSpecificAnnotations: the deletion-cost annotation must be an int32 without sign or leading zeros. */
export function validatePodSpecificAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const k = "controller.kubernetes.io/pod-deletion-cost";
  for (const name of sortedKeys(annotations)) {
    if (name !== k) continue;
    const v = annotations![name]!;
    const ok = /^(0|-[0-9]+|[1-9][0-9]*)$/.test(v) && Number(v) >= -2147483648 && Number(v) <= MAX_INT32;
    if (!ok) return [invalid(`${path}[${k}]`, v, "must be a 32bit integer")];
  }
  return [];
}
