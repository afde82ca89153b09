// Pod volumes (core ValidateVolumes / validateVolumeSource, 1.32). The sources
// a learner meets (emptyDir, hostPath, configMap, secret, PVC, projected,
// downwardAPI, nfs) are checked in depth; the rest only count towards
// "one volume type per volume".
import type { Volume } from "../types.ts";
import { child, duplicate, forbidden, index, invalid, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { validateLocalDescendingPath } from "./containers.ts";
import { RESOURCE_FIELD_PATHS, validateObjectFieldSelector } from "./env.ts";
import { validateDNS1123Label } from "./object-meta.ts";
import { tryParseQuantity, quantitySign } from "./quantity.ts";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

const FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";
const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];
const VOLUME_FIELD_PATHS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];

/** Volume source fields in upstream check order; the value is the path used in the "more than 1" error. */
const SOURCES: [string, string][] = [
  ["emptyDir", "emptyDir"], ["hostPath", "hostPath"], ["gitRepo", "gitRepo"], ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"], ["secret", "secret"], ["nfs", "nfs"], ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"], ["flocker", "flocker"], ["persistentVolumeClaim", "persistentVolumeClaim"], ["rbd", "rbd"],
  ["cinder", "cinder"], ["cephfs", "cephFS"], ["quobyte", "quobyte"], ["downwardAPI", "downwarAPI"], ["fc", "fc"],
  ["flexVolume", "flexVolume"], ["configMap", "configMap"], ["azureFile", "azureFile"], ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"], ["portworxVolume", "portworxVolume"], ["azureDisk", "azureDisk"],
  ["storageos", "storageos"], ["projected", "projected"], ["scaleIO", "scaleIO"], ["csi", "csi"], ["ephemeral", "ephemeral"],
];

function validateMode(v: unknown, path: string): FieldError[] {
  return typeof v === "number" && (v > 0o777 || v < 0) ? [invalid(path, v, FILE_MODE_ERROR)] : [];
}

function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith("..") && !target.startsWith("../")) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateKeyToPath(kp: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(kp["key"])) errs.push(required(child(path, "key")));
  if (!str(kp["path"])) errs.push(required(child(path, "path")));
  errs.push(...validateLocalNonReservedPath(str(kp["path"]), child(path, "path")));
  errs.push(...validateMode(kp["mode"], child(path, "mode")));
  return errs;
}

function validateItems(items: unknown, path: string): FieldError[] {
  return list(items).flatMap((kp, i) => validateKeyToPath(kp, index(path, i)));
}

function validateDownwardAPIFile(file: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const p = str(file["path"]);
  if (!p) errs.push(required(child(path, "path")));
  errs.push(...validateLocalNonReservedPath(p, child(path, "path")));
  const fieldRef = obj(file["fieldRef"]);
  const resourceFieldRef = obj(file["resourceFieldRef"]);
  if (fieldRef) {
    errs.push(...validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, child(path, "fieldRef")));
    if (resourceFieldRef) errs.push(invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
  } else if (resourceFieldRef) {
    const rp = child(path, "resourceFieldRef");
    const r = str(resourceFieldRef["resource"]);
    if (!str(resourceFieldRef["containerName"])) errs.push(required(child(rp, "containerName")));
    else if (r === "") errs.push(required(child(rp, "resource")));
    else if (!RESOURCE_FIELD_PATHS.includes(r) && !r.startsWith("limits.hugepages-") && !r.startsWith("requests.hugepages-")) {
      errs.push(notSupported(child(rp, "resource"), r, RESOURCE_FIELD_PATHS));
    }
  } else {
    errs.push(required(path, "one of fieldRef and resourceFieldRef is required"));
  }
  errs.push(...validateMode(file["mode"], child(path, "mode")));
  return errs;
}

function validateProjected(src: Obj, path: string): FieldError[] {
  const errs = validateMode(src["defaultMode"], child(path, "defaultMode"));
  const paths = new Set<string>();
  const claim = (p: string, reportAs: string) => {
    if (p === "") return;
    if (paths.has(p)) errs.push(invalid(path, reportAs, "conflicting duplicate paths"));
    else paths.add(p);
  };
  list(src["sources"]).forEach((source, i) => {
    const sp = index(child(path, "sources"), i);
    let n = 0;
    for (const kind of ["secret", "configMap"]) {
      const ref = obj(source[kind]);
      if (!ref) continue;
      n++;
      if (!str(ref["name"])) errs.push(required(child(sp, kind, "name")));
      list(ref["items"]).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, index(child(sp, kind, "items"), j)));
        claim(str(kp["path"]), str(ref["name"]));
      });
    }
    const dapi = obj(source["downwardAPI"]);
    if (dapi) {
      n++;
      for (const file of list(dapi["items"])) {
        errs.push(...validateDownwardAPIFile(file, child(sp, "downwardAPI")));
        claim(str(file["path"]), str(file["path"]));
      }
    }
    const token = obj(source["serviceAccountToken"]);
    if (token) {
      n++;
      const tp = child(sp, "serviceAccountToken");
      const exp = typeof token["expirationSeconds"] === "number" ? token["expirationSeconds"] : 0;
      if (exp < 600) errs.push(invalid(child(tp, "expirationSeconds"), exp, "may not specify a duration less than 10 minutes"));
      if (exp > 2 ** 32) errs.push(invalid(child(tp, "expirationSeconds"), exp, "may not specify a duration larger than 2^32 seconds"));
      const tokenPath = str(token["path"]);
      if (tokenPath === "") errs.push(required(child(path, "path")));
      else errs.push(...validateLocalNonReservedPath(tokenPath, child(path, "path")));
    }
    if (n > 1) errs.push(forbidden(sp, "may not specify more than 1 volume type per source"));
  });
  return errs;
}

function validateSource(kind: string, src: Obj, path: string): FieldError[] {
  switch (kind) {
    case "emptyDir": {
      const limit = src["sizeLimit"];
      const q = typeof limit === "string" || typeof limit === "number" ? tryParseQuantity(limit) : null;
      return q && quantitySign(q) < 0 ? [forbidden(child(path, "sizeLimit"), "SizeLimit field must be a valid resource quantity")] : [];
    }
    case "hostPath": {
      const p = str(src["path"]);
      if (p === "") return [required(child(path, "path"))];
      const errs = p.split("/").includes("..") ? [invalid(child(path, "path"), p, "must not contain '..'")] : [];
      const t = src["type"];
      if (typeof t === "string" && !HOST_PATH_TYPES.includes(t)) errs.push(notSupported(child(path, "type"), t, HOST_PATH_TYPES));
      return errs;
    }
    case "secret": {
      const errs = str(src["secretName"]) ? [] : [required(child(path, "secretName"))];
      errs.push(...validateMode(src["defaultMode"], child(path, "defaultMode")));
      errs.push(...validateItems(src["items"], child(path, "items")));
      return errs;
    }
    case "configMap": {
      const errs = str(src["name"]) ? [] : [required(child(path, "name"))];
      errs.push(...validateMode(src["defaultMode"], child(path, "defaultMode")));
      errs.push(...validateItems(src["items"], child(path, "items")));
      return errs;
    }
    case "persistentVolumeClaim":
      return str(src["claimName"]) ? [] : [required(child(path, "claimName"))];
    case "nfs": {
      const errs: FieldError[] = [];
      if (!str(src["server"])) errs.push(required(child(path, "server")));
      const p = str(src["path"]);
      if (!p) errs.push(required(child(path, "path")));
      if (!p.startsWith("/")) errs.push(invalid(child(path, "path"), p, "must be an absolute path"));
      return errs;
    }
    case "downwardAPI": {
      const errs = validateMode(src["defaultMode"], child(path, "defaultMode"));
      for (const file of list(src["items"])) errs.push(...validateDownwardAPIFile(file, path));
      return errs;
    }
    case "projected":
      return validateProjected(src, path);
    default:
      return [];
  }
}

function validateVolumeSource(vol: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const [kind, forbiddenPath] of SOURCES) {
    const src = obj(vol[kind]);
    if (!src) continue;
    if (n > 0) {
      errs.push(forbidden(child(path, forbiddenPath), "may not specify more than 1 volume type"));
      continue;
    }
    n++;
    errs.push(...validateSource(kind, src, child(path, kind)));
  }
  if (n === 0) errs.push(required(path, "must specify a volume type"));
  return errs;
}

/**
 * ValidateVolumes: returns the names of the volumes that passed (mounts may
 * only refer to those) and the errors. Source errors come before name errors.
 */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const namePath = child(p, "name");
    const el = validateVolumeSource(vol, p);
    if (!vol.name) el.push(required(namePath));
    else el.push(...validateDNS1123Label(vol.name, namePath));
    if (names.has(vol.name ?? "")) el.push(duplicate(namePath, vol.name ?? ""));
    if (el.length === 0) names.add(vol.name ?? "");
    else errs.push(...el);
  });
  return { names, errs };
}
