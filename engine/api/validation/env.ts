// Container environment: env, envFrom and the downward API field selectors
// (core ValidateEnv / ValidateEnvFrom / validateObjectFieldSelector, 1.32).
import type { EnvVar } from "../types.ts";
import { child, index, invalid, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { isConfigMapKey, isQualifiedName, isRelaxedEnvVarName, nameIsDNSSubdomain } from "./names.ts";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" ? (v as Obj) : undefined);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

const ENV_FIELD_PATHS = [
  "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
  "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
];
const DOWNWARD_LABELS = new Set([
  "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
  "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase",
  "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
]);
export const RESOURCE_FIELD_PATHS = [
  "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory",
];

/** Splits `metadata.labels['x']` into its path and subscript (fieldpath.SplitMaybeSubscriptedPath). */
function splitSubscript(fieldPath: string): [string, string] | null {
  if (!fieldPath.endsWith("']")) return null;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return null;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** Downward API field selector; `expressions` are the plain field paths allowed in this context. */
export function validateObjectFieldSelector(fs: Obj, expressions: readonly string[], path: string): FieldError[] {
  const apiVersion = str(fs["apiVersion"]);
  const fieldPath = str(fs["fieldPath"]);
  if (apiVersion === "") return [required(child(path, "apiVersion"))];
  if (fieldPath === "") return [required(child(path, "fieldPath"))];
  let convError = "";
  const sub = splitSubscript(fieldPath);
  if (apiVersion !== "v1") convError = `unsupported pod version: ${apiVersion}`;
  else if (sub && sub[0] !== "metadata.annotations" && sub[0] !== "metadata.labels") convError = `field label does not support subscript: ${fieldPath}`;
  else if (!sub && !DOWNWARD_LABELS.has(fieldPath) && fieldPath !== "spec.host") convError = `field label not supported: ${fieldPath}`;
  if (convError) return [invalid(child(path, "fieldPath"), fieldPath, `error converting fieldPath: ${convError}`)];
  if (sub) {
    const subject = sub[0] === "metadata.annotations" ? sub[1].toLowerCase() : sub[1];
    return isQualifiedName(subject).map((m) => invalid(path, subject, m));
  }
  const internal = fieldPath === "spec.host" ? "spec.nodeName" : fieldPath;
  if (!expressions.includes(internal)) return [notSupported(child(path, "fieldPath"), internal, [...expressions].sort())];
  return [];
}

function validateKeySelector(sel: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sel["name"]);
  for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(child(path, "name"), name, m));
  const k = str(sel["key"]);
  if (k === "") errs.push(required(child(path, "key")));
  else for (const m of isConfigMapKey(k)) errs.push(invalid(child(path, "key"), k, m));
  return errs;
}

function validateEnvVarValueFrom(ev: EnvVar, path: string): FieldError[] {
  const from = obj(ev.valueFrom);
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  const fieldRef = obj(from["fieldRef"]);
  if (fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(fieldRef, ENV_FIELD_PATHS, child(path, "fieldRef")));
  }
  const resourceFieldRef = obj(from["resourceFieldRef"]);
  if (resourceFieldRef) {
    sources++;
    const r = str(resourceFieldRef["resource"]);
    const p = child(path, "resourceFieldRef");
    if (r === "") errs.push(required(child(p, "resource")));
    else if (!RESOURCE_FIELD_PATHS.includes(r) && !r.startsWith("limits.hugepages-") && !r.startsWith("requests.hugepages-")) {
      errs.push(notSupported(child(p, "resource"), r, RESOURCE_FIELD_PATHS));
    }
  }
  const cm = obj(from["configMapKeyRef"]);
  if (cm) {
    sources++;
    errs.push(...validateKeySelector(cm, child(path, "configMapKeyRef")));
  }
  const secret = obj(from["secretKeyRef"]);
  if (secret) {
    sources++;
    errs.push(...validateKeySelector(secret, child(path, "secretKeyRef")));
  }
  if (sources === 0) errs.push(invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
  else if ((ev.value ?? "") !== "") errs.push(invalid(path, "", "may not be specified when `value` is not empty"));
  else if (sources > 1) errs.push(invalid(path, "", "may not have more than one field specified at a time"));
  return errs;
}

export function validateEnv(vars: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, "name")));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(child(p, "name"), ev.name, m));
    errs.push(...validateEnvVarValueFrom(ev, child(p, "valueFrom")));
  });
  return errs;
}

export function validateEnvFrom(list: unknown[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (list ?? []).forEach((raw, i) => {
    const ev = obj(raw) ?? {};
    const p = index(path, i);
    const prefix = str(ev["prefix"]);
    if (prefix) for (const m of isRelaxedEnvVarName(prefix)) errs.push(invalid(child(p, "prefix"), prefix, m));
    let sources = 0;
    for (const refName of ["configMapRef", "secretRef"]) {
      const ref = obj(ev[refName]);
      if (!ref) continue;
      sources++;
      const name = str(ref["name"]);
      const np = child(p, refName, "name");
      if (name === "") errs.push(required(np));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(np, name, m));
    }
    if (sources === 0) errs.push(invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (sources > 1) errs.push(invalid(path, "", "may not have more than one field specified at a time"));
  });
  return errs;
}

