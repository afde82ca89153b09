// Container resource requirements (ValidateResourceRequirements, 1.32).
import type { ResourceRequirements } from "../types.ts";
import { forbidden, invalid, key, required, child } from "./field.ts";
import type { FieldError } from "./field.ts";
import { goRaw, sortedKeys } from "./go-value.ts";
import { isQualifiedName } from "./names.ts";
import { compareQuantity, formatQuantity, goQuantity, milliValue, quantitySign, tryParseQuantity } from "./quantity.ts";
import type { Quantity } from "./quantity.ts";

const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const STANDARD_RESOURCES = new Set([
  "cpu", "memory", "ephemeral-storage",
  "requests.cpu", "requests.memory", "requests.ephemeral-storage",
  "limits.cpu", "limits.memory", "limits.ephemeral-storage",
  "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
  "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
]);
const INTEGER_RESOURCES = new Set([
  "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
  "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
]);

const isHugePages = (name: string) => name.startsWith("hugepages-");
const isNative = (name: string) => !name.includes("/") || name.includes("kubernetes.io/");
const isOvercommitAllowed = (name: string) => isNative(name) && !isHugePages(name);

function isExtendedResourceName(name: string): boolean {
  if (isNative(name) || name.startsWith("requests.")) return false;
  return isQualifiedName("requests." + name).length === 0;
}

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || name.startsWith("hugepages-") || name.startsWith("requests.hugepages-");
}

// core.ResourceName has a value-receiver String(), so its values print unquoted.
function validateContainerResourceName(name: string, path: string): FieldError[] {
  const value = goRaw(name);
  const qn = isQualifiedName(name).map((m) => invalid(path, value, m));
  if (qn.length > 0) return qn;
  const errs: FieldError[] = [];
  if (!name.includes("/") && !isStandardResourceName(name)) {
    errs.push(invalid(path, value, "must be a standard resource type or fully qualified"));
  }
  if (!name.includes("/")) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalid(path, value, "must be a standard resource for containers"));
    }
  } else if (!isNative(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, value, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function validateQuantityValue(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (quantitySign(q) < 0) errs.push(invalid(path, formatQuantity(q), "must be greater than or equal to 0"));
  if ((INTEGER_RESOURCES.has(name) || isExtendedResourceName(name)) && milliValue(q) % 1000n !== 0n) {
    // the Quantity is passed by value and has no value-receiver String(): %#v
    errs.push(invalid(path, goRaw(goQuantity(q)), "must be an integer"));
  }
  return errs;
}

/**
 * Limits first, then requests (each in sorted key order); a request above its
 * limit is reported on `resources.requests` itself, not on the key.
 * Unparsable quantities never get here: the API server rejects them while decoding.
 */
export function validateResourceRequirements(req: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = child(path, "limits");
  const reqPath = child(path, "requests");
  const limits = req?.limits ?? {};
  const requests = req?.requests ?? {};
  let cpuOrMemory = false;
  let hugePages = false;
  for (const name of sortedKeys(limits)) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = tryParseQuantity(limits[name]!);
    if (q) errs.push(...validateQuantityValue(name, q, p));
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") cpuOrMemory = true;
  }
  for (const name of sortedKeys(requests)) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = tryParseQuantity(requests[name]!);
    if (q) errs.push(...validateQuantityValue(name, q, p));
    const limitText = limits[name];
    if (limitText !== undefined) {
      const lim = tryParseQuantity(limitText);
      if (q && lim) {
        const cmp = compareQuantity(q, lim);
        if (cmp !== 0 && !isOvercommitAllowed(name)) {
          errs.push(invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(lim)}`));
        } else if (cmp > 0) {
          errs.push(invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`));
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, "HugePages require cpu or memory"));
  return errs;
}
