// The strategic-merge-patch metadata of the built-in kinds: which lists merge
// and by which key, which maps keep only listed keys. Upstream reads it from
// the `patchStrategy` / `patchMergeKey` struct tags of k8s.io/api (v0.32);
// this is the same information as a table. Only fields that carry a tag, or
// lead to one, are listed: any other field merges as a plain map (if an
// object) or is replaced (if a list or scalar), which is what an untagged
// struct field does.

export interface PatchMeta {
  /** patchStrategy tag split on ",": "merge", "replace", "retainKeys". */
  readonly strategies: readonly string[];
  /** patchMergeKey tag; "" for primitive lists and untagged fields. */
  readonly mergeKey: string;
}

/** strategicpatch.LookupPatchMeta. */
export interface StrategicSchema {
  /** Metadata of field `key` and the schema of its value. */
  lookupStruct(key: string): { schema: StrategicSchema; meta: PatchMeta };
  /** Metadata of list field `key` and the schema of its elements. */
  lookupSlice(key: string): { schema: StrategicSchema; meta: PatchMeta };
  /** Go reflect.Kind of the type, as in "cannot merge lists without merge key for struct". */
  name(): string;
}

export interface FieldSpec {
  /** The patchStrategy tag, e.g. "merge" or "merge,retainKeys". */
  readonly strategy?: string;
  readonly mergeKey?: string;
  /** The field's type (for a list: its element type). */
  readonly type?: TypeSpec;
}

export interface TypeSpec {
  /** reflect.Kind of the type: "struct" for objects, "string" for string list elements. */
  readonly kind?: string;
  readonly fields?: Readonly<Record<string, FieldSpec>>;
}

const NO_META: PatchMeta = { strategies: [], mergeKey: "" };

class TableSchema implements StrategicSchema {
  constructor(private readonly type: TypeSpec) {}

  lookupStruct(key: string): { schema: StrategicSchema; meta: PatchMeta } {
    const fields = this.type.fields ?? {};
    const spec = Object.hasOwn(fields, key) ? fields[key]! : undefined;
    if (!spec) return { schema: OPAQUE, meta: NO_META };
    return {
      schema: spec.type ? new TableSchema(spec.type) : OPAQUE,
      meta: { strategies: spec.strategy ? spec.strategy.split(",") : [], mergeKey: spec.mergeKey ?? "" },
    };
  }

  lookupSlice(key: string): { schema: StrategicSchema; meta: PatchMeta } {
    return this.lookupStruct(key);
  }

  name(): string {
    return this.type.kind ?? "struct";
  }
}

/** The schema of anything untagged: no field has patch metadata. */
const OPAQUE: StrategicSchema = new TableSchema({});

/** A schema from a type table (tests and callers can describe their own types). */
export function schemaFromType(type: TypeSpec): StrategicSchema {
  return new TableSchema(type);
}

// ---------- k8s.io/api v0.32 types ----------

const STRING: TypeSpec = { kind: "string" };
const byType = (type?: TypeSpec): FieldSpec => ({ strategy: "merge", mergeKey: "type", ...(type ? { type } : {}) });

const OBJECT_META: TypeSpec = {
  fields: {
    ownerReferences: { strategy: "merge", mergeKey: "uid" },
    finalizers: { strategy: "merge", type: STRING },
  },
};

const CONTAINER: TypeSpec = {
  fields: {
    ports: { strategy: "merge", mergeKey: "containerPort" },
    env: { strategy: "merge", mergeKey: "name" },
    volumeMounts: { strategy: "merge", mergeKey: "mountPath" },
    volumeDevices: { strategy: "merge", mergeKey: "devicePath" },
  },
};

const POD_SPEC: TypeSpec = {
  fields: {
    volumes: { strategy: "merge,retainKeys", mergeKey: "name" },
    initContainers: { strategy: "merge", mergeKey: "name", type: CONTAINER },
    containers: { strategy: "merge", mergeKey: "name", type: CONTAINER },
    ephemeralContainers: { strategy: "merge", mergeKey: "name", type: CONTAINER },
    imagePullSecrets: { strategy: "merge", mergeKey: "name" },
    hostAliases: { strategy: "merge", mergeKey: "ip" },
    topologySpreadConstraints: { strategy: "merge", mergeKey: "topologyKey" },
    schedulingGates: { strategy: "merge", mergeKey: "name" },
    resourceClaims: { strategy: "merge,retainKeys", mergeKey: "name" },
  },
};

// Container statuses are atomic lists (no tag), so their own tags never apply.
const POD_STATUS: TypeSpec = {
  fields: {
    conditions: byType(),
    hostIPs: { strategy: "merge", mergeKey: "ip" },
    podIPs: { strategy: "merge", mergeKey: "ip" },
    resourceClaimStatuses: { strategy: "merge,retainKeys", mergeKey: "name" },
  },
};

const POD_TEMPLATE_SPEC: TypeSpec = { fields: { metadata: { type: OBJECT_META }, spec: { type: POD_SPEC } } };

const CONDITIONS_STATUS: TypeSpec = { fields: { conditions: byType() } };

const workload = (spec: Record<string, FieldSpec> = {}): TypeSpec => ({
  fields: {
    metadata: { type: OBJECT_META },
    spec: { type: { fields: { template: { type: POD_TEMPLATE_SPEC }, ...spec } } },
    status: { type: CONDITIONS_STATUS },
  },
});

const metadataOnly: TypeSpec = { fields: { metadata: { type: OBJECT_META } } };

const KINDS: Record<string, TypeSpec> = {
  Pod: { fields: { metadata: { type: OBJECT_META }, spec: { type: POD_SPEC }, status: { type: POD_STATUS } } },
  PodTemplate: { fields: { metadata: { type: OBJECT_META }, template: { type: POD_TEMPLATE_SPEC } } },
  // DeploymentSpec.strategy carries patchStrategy "retainKeys".
  Deployment: workload({ strategy: { strategy: "retainKeys" } }),
  ReplicaSet: workload(),
  StatefulSet: workload(),
  DaemonSet: workload(),
  ReplicationController: workload(),
  Job: workload(),
  CronJob: {
    fields: {
      metadata: { type: OBJECT_META },
      spec: { type: { fields: { jobTemplate: { type: { fields: { metadata: { type: OBJECT_META }, spec: { type: { fields: { template: { type: POD_TEMPLATE_SPEC } } } } } } } } } },
    },
  },
  Service: {
    fields: {
      metadata: { type: OBJECT_META },
      spec: { type: { fields: { ports: { strategy: "merge", mergeKey: "port" } } } },
      status: { type: CONDITIONS_STATUS },
    },
  },
  Node: {
    fields: {
      metadata: { type: OBJECT_META },
      spec: { type: { fields: { podCIDRs: { strategy: "merge", type: STRING } } } },
      status: { type: { fields: { conditions: byType(), addresses: byType() } } },
    },
  },
  Namespace: { fields: { metadata: { type: OBJECT_META }, status: { type: CONDITIONS_STATUS } } },
  PersistentVolumeClaim: { fields: { metadata: { type: OBJECT_META }, status: { type: CONDITIONS_STATUS } } },
  ServiceAccount: { fields: { metadata: { type: OBJECT_META }, secrets: { strategy: "merge", mergeKey: "name" } } },
  ConfigMap: metadataOnly,
  Secret: metadataOnly,
  Event: metadataOnly,
  Endpoints: metadataOnly,
  PersistentVolume: metadataOnly,
  ControllerRevision: metadataOnly,
};

/** The strategic-merge schema of a built-in kind; unknown kinds get the ObjectMeta rules only. */
export function schemaFor(kind: string): StrategicSchema {
  return new TableSchema(Object.hasOwn(KINDS, kind) ? KINDS[kind]! : metadataOnly);
}
