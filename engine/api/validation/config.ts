// ConfigMap and Secret validation (core ValidateConfigMap / ValidateSecret
// and their updates, 1.32). Go walks the data maps in random order; we go
// by sorted key so that several errors come out the same way every time.
import type { ConfigMap, Secret } from "../types.ts";
import { base64Decode, base64DecodedLength } from "../../util/base64.ts";
import { forbidden, invalid, key, required, tooLong, type FieldError } from "./field.ts";
import { deepEqual } from "../../util/json.ts";
import { utf8Length as byteLength } from "../../util/utf8.ts";
import { isConfigMapKey, nameIsDNSSubdomain } from "./names.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

/** core.MaxSecretSize: 1 MiB for a Secret's data and for a ConfigMap's data and binaryData together. */
const MAX_SIZE = 1024 * 1024;
const IMMUTABLE = "field is immutable when `immutable` is set";

function sortedKeys(m: Record<string, string> | undefined): string[] {
  return Object.keys(m ?? {}).sort();
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, nameIsDNSSubdomain);
  let total = 0;
  for (const k of sortedKeys(cm.data)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key("data", k), k, msg));
    if (cm.binaryData && Object.hasOwn(cm.binaryData, k)) errs.push(invalid(key("data", k), k, "duplicate of key present in binaryData"));
    total += byteLength(cm.data![k]!);
  }
  for (const k of sortedKeys(cm.binaryData)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key("binaryData", k), k, msg));
    total += base64DecodedLength(cm.binaryData![k]!);
  }
  if (total > MAX_SIZE) errs.push(tooLong("", MAX_SIZE));
  return errs;
}

export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable) {
    if (!cm.immutable) errs.push(forbidden("immutable", IMMUTABLE));
    if (!deepEqual(cm.data, old.data)) errs.push(forbidden("data", IMMUTABLE));
    if (!deepEqual(cm.binaryData, old.binaryData)) errs.push(forbidden("binaryData", IMMUTABLE));
  }
  return [...errs, ...validateConfigMap(cm)];
}

/** Whether a secret value (base64) holds a JSON object, as json.Unmarshal into a map checks. */
function jsonObjectError(value: string): string | undefined {
  const text = new TextDecoder().decode(base64Decode(value));
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v === "object") {
      if (Array.isArray(v)) return "json: cannot unmarshal array into Go value of type map[string]interface {}";
      return undefined;
    }
    return `json: cannot unmarshal ${typeof v === "string" ? "string" : typeof v === "boolean" ? "bool" : "number"} into Go value of type map[string]interface {}`;
  } catch {
    return text.trim() === "" ? "unexpected end of JSON input" : "invalid character looking for beginning of value";
  }
}

export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, nameIsDNSSubdomain);
  const data = secret.data ?? {};
  let total = 0;
  for (const k of sortedKeys(data)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key("data", k), k, msg));
    total += base64DecodedLength(data[k]!);
  }
  if (total > MAX_SIZE) errs.push(tooLong("data", MAX_SIZE));
  const has = (k: string) => Object.hasOwn(data, k);
  switch (secret.type) {
    case "kubernetes.io/service-account-token":
      if (!secret.metadata.annotations?.["kubernetes.io/service-account.name"]) {
        errs.push(required(key("metadata.annotations", "kubernetes.io/service-account.name")));
      }
      break;
    case "kubernetes.io/dockercfg":
    case "kubernetes.io/dockerconfigjson": {
      const k = secret.type === "kubernetes.io/dockercfg" ? ".dockercfg" : ".dockerconfigjson";
      if (!has(k)) {
        errs.push(required(key("data", k)));
        break;
      }
      const why = jsonObjectError(data[k]!);
      if (why) errs.push(invalid(key("data", k), "<secret contents redacted>", why));
      break;
    }
    case "kubernetes.io/basic-auth":
      if (!has("username") && !has("password")) errs.push(required(key("data", "username")), required(key("data", "password")));
      break;
    case "kubernetes.io/ssh-auth":
      if (!data["ssh-privatekey"]) errs.push(required(key("data", "ssh-privatekey")));
      break;
    case "kubernetes.io/tls":
      if (!has("tls.crt")) errs.push(required(key("data", "tls.crt")));
      if (!has("tls.key")) errs.push(required(key("data", "tls.key")));
      break;
  }
  return errs;
}

export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  // ValidateImmutableField
  if ((secret.type ?? "") !== (old.type ?? "")) errs.push(invalid("type", secret.type ?? "", "field is immutable"));
  if (old.immutable) {
    if (!secret.immutable) errs.push(forbidden("immutable", IMMUTABLE));
    if (!deepEqual(secret.data, old.data)) errs.push(forbidden("data", IMMUTABLE));
  }
  return [...errs, ...validateSecret(secret)];
}
