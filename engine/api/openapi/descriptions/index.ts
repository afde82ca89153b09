// Descriptions of the types and fields in the OpenAPI documents (what
// `kubectl explain` prints), in our own words. Keyed by type key
// ("core.PodSpec"); "" is the type's own description, the other keys are
// JSON field names.
import { APPS } from "./apps.ts";
import { AUTOSCALING } from "./autoscaling.ts";
import { CLUSTER } from "./cluster.ts";
import { CONFIG } from "./config.ts";
import { CONTAINER } from "./container.ts";
import { ENDPOINTS } from "./endpoints.ts";
import { META } from "./meta.ts";
import { POD } from "./pod.ts";
import { SERVICE } from "./service.ts";
import { VOLUMES } from "./volumes.ts";

export type Descriptions = Readonly<Record<string, Readonly<Record<string, string>>>>;

const TABLES: readonly Descriptions[] = [META, POD, CONTAINER, VOLUMES, APPS, CLUSTER, CONFIG, ENDPOINTS, SERVICE, AUTOSCALING];

/** Types whose fields read the same as another type's (asked when the type has no text of its own). */
const SAME_AS: Readonly<Record<string, string>> = {
  "core.EphemeralContainer": "core.Container",
  "core.CephFSPersistentVolumeSource": "core.CephFSVolumeSource",
  "core.CinderPersistentVolumeSource": "core.CinderVolumeSource",
  "core.FlexPersistentVolumeSource": "core.FlexVolumeSource",
  "core.GlusterfsPersistentVolumeSource": "core.GlusterfsVolumeSource",
  "core.ISCSIPersistentVolumeSource": "core.ISCSIVolumeSource",
  "core.RBDPersistentVolumeSource": "core.RBDVolumeSource",
  "core.ScaleIOPersistentVolumeSource": "core.ScaleIOVolumeSource",
  "core.AzureFilePersistentVolumeSource": "core.AzureFileVolumeSource",
  "core.CSIPersistentVolumeSource": "core.CSIVolumeSource",
  "core.StorageOSPersistentVolumeSource": "core.StorageOSVolumeSource",
};

let merged: Map<string, Readonly<Record<string, string>>> | undefined;

function table(): Map<string, Readonly<Record<string, string>>> {
  if (!merged) {
    merged = new Map();
    for (const t of TABLES) for (const [k, v] of Object.entries(t)) merged.set(k, { ...(merged.get(k) ?? {}), ...v });
  }
  return merged;
}

/** The description of type `key`, if written. */
export function describeType(key: string): string | undefined {
  return table().get(key)?.[""];
}

/** The description of field `field` of type `key`, if written. */
export function describeField(key: string, field: string): string | undefined {
  const own = table().get(key)?.[field];
  if (own !== undefined) return own;
  const same = SAME_AS[key];
  if (same !== undefined) {
    const d = table().get(same)?.[field];
    if (d !== undefined) return d;
  }
  // Every object kind carries TypeMeta's two fields.
  if (field === "kind" || field === "apiVersion") return table().get("meta.TypeMeta")?.[field];
  return undefined;
}
