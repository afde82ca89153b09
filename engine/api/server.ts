// The API server: the one way into the cluster. Every client (controllers,
// scheduler, kubelet, kubectl, the HTTP API) reads and writes through it, and
// it applies Kubernetes' object semantics: defaulting, validation, uid,
// resourceVersion, generation, graceful deletion, finalizers, watch.
import type { Random } from "../sim/random.ts";
import { decodedClone, decodedCloneSharing, deepClone, deepEqual, editableCopy, shareUnchanged } from "../util/json.ts";
import { rfc3339 } from "../util/time.ts";
import {
  ApiError,
  OBJECT_MODIFIED,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  internalError,
  methodNotSupported,
  notFound,
} from "./errors.ts";
import { parseFieldSelector, fieldSelectorMatcher, parseSelector } from "./labels.ts";
import { PatchError } from "./patch/errors.ts";
import { decodeBody, type FieldValidation } from "./schema/decode.ts";
import { kindInfo } from "./schema/schema.ts";
import { applyJsonPatch } from "./patch/json.ts";
import { applyMergePatch } from "./patch/merge.ts";
import { applyStrategicMergePatch } from "./patch/strategic.ts";
import { schemaFor } from "./patch/strategic-schema.ts";
import { Registry, apiVersionOf, fromServedVersion, toServedVersion, type AllocationContext, type ResourceType, type StrategyHooks } from "./registry.ts";
import { Store, type StoreEvent } from "./store.ts";
import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  HorizontalPodAutoscaler,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
  Status,
  Table,
  WatchEvent,
} from "./types.ts";
import { forbidden as forbiddenField, invalid as invalidField, invalidStatus, required, type FieldError } from "./validation/field.ts";
import { decodeScale, scaleOf, type Scale, type ScalableObject } from "./scale.ts";
import { readPodLog, type PodLogOptions, type PodLogResult } from "./logs.ts";
import { evictPod, type Eviction } from "./eviction.ts";

/** The typed kinds, by resource name. Other resources are plain KubeObjects. */
export interface Kinds {
  pods: Pod;
  replicasets: ReplicaSet;
  deployments: Deployment;
  nodes: Node;
  namespaces: Namespace;
  events: Event;
  endpoints: Endpoints;
  endpointslices: EndpointSlice;
  services: Service;
  horizontalpodautoscalers: HorizontalPodAutoscaler;
}
export type KindOf<R extends string> = R extends keyof Kinds ? Kinds[R] : KubeObject;

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * What to do with fields the schema does not know (the fieldValidation
   * query parameter): Strict refuses the request, Warn (the default) accepts
   * it and reports each one in `warnings`, Ignore drops them silently.
   */
  fieldValidation?: FieldValidation;
  /** Where the server's warnings (Warning headers) for this request are pushed. */
  warnings?: string[];
  /**
   * Set by engine components (controllers, kubelet, event recorder) only:
   * the object was built by our own code, in decoded form, and is handed
   * over. The typed decode (JSON type checks, unknown fields) is skipped, and
   * a status write stores the given status without copying it. Never set for
   * anything that came from a user.
   */
  fromEngine?: boolean;
}

export interface CreateOptions extends WriteOptions {
  namespace?: string;
}

export interface UpdateOptions extends WriteOptions {
  subresource?: "status";
  /** A patch written against another version the kind is served at (autoscaling/v1): applied to that version's view. */
  version?: string;
}

export type PatchType = "json" | "merge" | "strategic";

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

export type WatchHandler<T extends KubeObject = KubeObject> = (event: WatchEvent<T>) => void;

export const FINALIZER_ORPHAN = "orphan";
/** The NamespaceLifecycle admission plugin refuses to delete these. */
const IMMORTAL_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);
export const FINALIZER_FOREGROUND = "foregroundDeletion";

export class ApiServer {
  constructor(
    readonly registry: Registry,
    private readonly store: Store,
    private readonly now: () => number,
    private readonly random: Random,
  ) {}

  // ---------- reads ----------

  get<R extends string>(resource: R, namespace: string | undefined, name: string): KindOf<R> {
    const type = this.type(resource);
    const obj = this.store.get(type.resource, type.namespaced ? namespace ?? "default" : undefined, name);
    if (!obj) throw notFound(type, name);
    return obj as KindOf<R>;
  }

  /** Like get, but undefined instead of NotFound. */
  find<R extends string>(resource: R, namespace: string | undefined, name: string): KindOf<R> | undefined {
    const type = this.type(resource);
    return this.store.get(type.resource, type.namespaced ? namespace ?? "default" : undefined, name) as
      | KindOf<R>
      | undefined;
  }

  list<R extends string>(resource: R, options: ListOptions = {}): ListResult<KindOf<R>> {
    const type = this.type(resource);
    const match = this.matcher(type, options);
    const items = this.store.list(type.resource, type.namespaced ? options.namespace : undefined);
    return {
      items: (match ? items.filter(match) : items) as KindOf<R>[],
      resourceVersion: this.store.resourceVersion(),
    };
  }

  /** Objects controlled (controller ownerReference) by the object with `ownerUid`, unsorted. */
  listControlledBy<R extends string>(resource: R, ownerUid: string): KindOf<R>[] {
    return this.store.listControlledBy(this.type(resource).resource, ownerUid) as KindOf<R>[];
  }

  /** How many objects listControlledBy would return. */
  countControlledBy(resource: string, ownerUid: string): number {
    return this.store.countControlledBy(this.type(resource).resource, ownerUid);
  }

  /** Objects in `namespace` with no controller ownerReference (orphans a controller may adopt). */
  listUncontrolled<R extends string>(resource: R, namespace: string): KindOf<R>[] {
    return this.store.listUncontrolled(this.type(resource).resource, namespace) as KindOf<R>[];
  }

  /**
   * Watch a resource from now on. Like the real watch, an object that stops
   * matching the selectors is reported DELETED and one that starts matching ADDED.
   */
  watch<R extends string>(resource: R, options: ListOptions, handler: WatchHandler<KindOf<R>>): () => void {
    const type = this.type(resource);
    const match = this.matcher(type, options);
    const namespace = type.namespaced ? options.namespace : undefined;
    return this.store.subscribe((event: StoreEvent) => {
      const obj = event.object;
      if (namespace !== undefined && obj.metadata.namespace !== namespace) return;
      if (!match) return handler({ type: event.type, object: obj as KindOf<R> });
      const now = match(obj);
      const before = event.old !== undefined && match(event.old);
      if (event.type === "DELETED") {
        if (before || now) handler({ type: "DELETED", object: obj as KindOf<R> });
      } else if (now) {
        handler({ type: before ? event.type : "ADDED", object: obj as KindOf<R> });
      } else if (before) {
        handler({ type: "DELETED", object: obj as KindOf<R> });
      }
    }, type.resource);
  }

  /**
   * Raw store events (with the previous object), in resourceVersion order: of
   * every resource, or of one. For the garbage collector, indexes and timeline.
   */
  watchAll(handler: (event: StoreEvent) => void, resource?: string): () => void {
    return this.store.subscribe(handler, resource === undefined ? undefined : this.type(resource).resource);
  }

  /**
   * The selector test list and watch apply (undefined: everything matches).
   * A bad selector is a 400, as list answers it. For the HTTP watch cache.
   */
  selectorMatcher(resource: string, options: ListOptions): ((obj: KubeObject) => boolean) | undefined {
    return this.matcher(this.type(resource), options);
  }

  /** The Table the server returns for `kubectl get`. */
  table(resource: string, objects: readonly KubeObject[]): Table {
    const type = this.type(resource);
    const nowMs = this.now();
    return {
      kind: "Table",
      apiVersion: "meta.k8s.io/v1",
      metadata: { resourceVersion: this.store.resourceVersion() },
      columnDefinitions: type.table.columns,
      rows: objects.map((object) => ({ cells: type.table.cells(object, nowMs), object })),
    };
  }

  // ---------- writes ----------

  create<R extends string>(resource: R, input: KindOf<R>, options: CreateOptions = {}): KindOf<R> {
    const type = this.type(resource);
    const obj = this.decode(type, input as KubeObject, options);
    const meta = obj.metadata;
    if (type.namespaced) {
      if (options.namespace && meta.namespace && meta.namespace !== options.namespace) {
        throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      meta.namespace = meta.namespace || options.namespace || "default";
      this.requireActiveNamespace(type, meta.namespace, meta.name ?? "");
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = this.generateName(type, meta.namespace, meta.generateName);

    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    meta.uid = this.random.uuid();
    meta.creationTimestamp = rfc3339(this.now());
    if (type.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    type.prepareForCreate?.(obj);
    type.defaults?.(obj);
    const refusal = type.admit?.(obj, this.random);
    if (refusal) throw forbidden(type, meta.name ?? "", refusal);
    type.allocate?.(obj, undefined, this.allocationContext(type, options));
    this.validate(type, obj, type.validate?.(obj) ?? []);

    if (this.store.get(type.resource, meta.namespace, meta.name!)) throw alreadyExists(type, meta.name!);
    if (options.dryRun) {
      meta.resourceVersion = undefined;
      return obj as KindOf<R>;
    }
    meta.resourceVersion = this.store.nextResourceVersion();
    this.store.put(type.resource, obj);
    return obj as KindOf<R>;
  }

  update<R extends string>(resource: R, input: KindOf<R>, options: UpdateOptions = {}): KindOf<R> {
    const type = this.type(resource);
    const name = input.metadata?.name;
    const namespace = type.namespaced ? input.metadata?.namespace || "default" : undefined;
    if (!name) throw this.invalid(type, "", [required("metadata.name", "name is required")]);
    const old = this.store.get(type.resource, namespace, name);
    if (!old) throw notFound(type, name);
    // A status write reads only metadata and status: decode just those.
    const decoded =
      options.subresource === "status"
        ? this.decodeForStatus(type, input as KubeObject, options)
        : this.decode(type, input as KubeObject, options);
    return this.write(type, old, decoded, options) as KindOf<R>;
  }

  updateStatus<R extends string>(resource: R, input: KindOf<R>, options: WriteOptions = {}): KindOf<R> {
    return this.update(resource, input, { ...options, subresource: "status" });
  }

  patch<R extends string>(
    resource: R,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    options: UpdateOptions = {},
  ): KindOf<R> {
    const type = this.type(resource);
    const old = this.get(resource, namespace, name) as KubeObject;
    const base = options.version && options.version !== type.version ? toServedVersion(type, options.version, old) : old;
    const obj = this.decode(type, applyPatch(base, type.kind, patchType, patch) as KubeObject, options);
    // A patch addresses the object by URL: name and namespace cannot move.
    obj.metadata.name = name;
    if (type.namespaced) obj.metadata.namespace = old.metadata.namespace;
    return this.write(type, old, obj, options) as KindOf<R>;
  }

  // ---------- the scale subresource (autoscaling/v1 Scale) ----------

  /** The Scale of a scalable object (`GET .../deployments/NAME/scale`). */
  getScale(resource: string, namespace: string | undefined, name: string): Scale {
    const type = this.type(resource);
    if (!type.scalable) throw notFound(type, name);
    return scaleOf(this.get(resource, namespace, name) as ScalableObject);
  }

  /**
   * Write a Scale (`PUT .../scale`): its replicas go to the object's
   * spec.replicas. A resourceVersion in the Scale is a precondition.
   */
  updateScale(resource: string, namespace: string | undefined, name: string, input: unknown, options: WriteOptions = {}): Scale {
    const type = this.type(resource);
    if (!type.scalable) throw notFound(type, name);
    const old = this.get(resource, namespace, name) as ScalableObject;
    const scale = decodeScale(input);
    const replicas = scale.spec?.replicas ?? 0;
    const errors: FieldError[] = [];
    if (replicas < 0) errors.push(invalidField("spec.replicas", replicas, "must be greater than or equal to 0"));
    if (errors.length > 0) throw new ApiError(invalidStatus("Scale", "autoscaling", name, errors));
    const rv = scale.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(type, name, OBJECT_MODIFIED);
    // A full copy: defaulting rewrites the template in place (quantities), so nothing may be shared frozen.
    const next = deepClone(old);
    next.spec.replicas = replicas;
    return scaleOf(this.write(type, old, next, options) as ScalableObject);
  }

  /** Patch a Scale (`PATCH .../scale`), as kubectl scale does. */
  patchScale(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options: WriteOptions = {}): Scale {
    const current = this.getScale(resource, namespace, name);
    return this.updateScale(resource, namespace, name, applyPatch(current, "Scale", patchType, patch), options);
  }

  /**
   * Delete an object. Returns the object as it now stands: with a
   * deletionTimestamp when deletion is graceful or waits on finalizers, or its
   * final state when it is gone.
   */
  delete<R extends string>(resource: R, namespace: string | undefined, name: string, options: DeleteOptions = {}): KindOf<R> {
    const type = this.type(resource);
    const old = this.get(resource, namespace, name) as KubeObject;
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw conflict(type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(
        type,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
      );
    }
    // Only metadata changes below (and a namespace's status, replaced whole):
    // the rest is shared with the stored version. A dry run's result is the
    // caller's to keep, so it is a full copy as before.
    const obj = options.dryRun ? deepClone(old) : editableCopy(old, "metadata");
    const meta = obj.metadata;
    const now = this.now();

    if (type.resource === "namespaces") return this.deleteNamespace(obj as Namespace, options) as KindOf<R>;
    if (!meta.deletionTimestamp) {
      const policy = options.propagationPolicy ?? "Background";
      const finalizers = meta.finalizers ? [...meta.finalizers] : [];
      if (policy === "Orphan" && !finalizers.includes(FINALIZER_ORPHAN)) finalizers.push(FINALIZER_ORPHAN);
      if (policy === "Foreground" && !finalizers.includes(FINALIZER_FOREGROUND)) finalizers.push(FINALIZER_FOREGROUND);
      if (finalizers.length > 0) meta.finalizers = finalizers;
    }
    const hasFinalizers = (meta.finalizers?.length ?? 0) > 0;
    const grace = type.gracePeriod?.(old, options.gracePeriodSeconds) ?? 0;

    if (meta.deletionTimestamp) {
      // Already terminating: only a shorter grace period changes anything.
      const current = meta.deletionGracePeriodSeconds ?? 0;
      if (grace >= current) return old as KindOf<R>;
      if (grace === 0 && !hasFinalizers) return this.remove(type, obj, options) as KindOf<R>;
      meta.deletionTimestamp = rfc3339(now + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
    } else if (grace > 0 || hasFinalizers) {
      // Graceful deletion, or waiting on finalizers: the object stays, marked.
      meta.deletionTimestamp = rfc3339(now + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
      if (type.hasGeneration && meta.generation) meta.generation++;
    } else {
      return this.remove(type, obj, options) as KindOf<R>;
    }
    if (options.dryRun) return obj as KindOf<R>;
    meta.resourceVersion = this.store.nextResourceVersion();
    this.store.put(type.resource, obj);
    return obj as KindOf<R>;
  }

  /**
   * Namespaces are deleted in two steps: marked Terminating, emptied by the
   * namespace controller, then finalized (their `kubernetes` finalizer removed).
   */
  private deleteNamespace(ns: Namespace, options: DeleteOptions): Namespace {
    const name = ns.metadata.name!;
    if (IMMORTAL_NAMESPACES.has(name)) {
      throw forbidden({ group: "", resource: "namespaces" }, name, "this namespace may not be deleted");
    }
    if (ns.metadata.deletionTimestamp) return this.store.get("namespaces", undefined, name) as Namespace;
    if (!(ns.spec?.finalizers?.length ?? 0) && !(ns.metadata.finalizers?.length ?? 0)) {
      return this.remove(this.type("namespaces"), ns, options) as Namespace;
    }
    ns.metadata.deletionTimestamp = rfc3339(this.now());
    ns.metadata.deletionGracePeriodSeconds = 0;
    ns.status = { ...ns.status, phase: "Terminating" };
    if (options.dryRun) return ns;
    ns.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put("namespaces", ns);
    return ns;
  }

  /** The namespaces/finalize subresource: drop spec.finalizers; an emptied, deleted namespace goes. */
  finalizeNamespace(name: string): void {
    const old = this.get("namespaces", undefined, name);
    const ns = editableCopy(old, "metadata");
    ns.spec = { ...ns.spec, finalizers: [] };
    delete ns.spec.finalizers;
    if (Object.keys(ns.spec).length === 0) ns.spec = {};
    ns.metadata.resourceVersion = this.store.nextResourceVersion();
    if (ns.metadata.deletionTimestamp && !(ns.metadata.finalizers?.length ?? 0)) this.store.remove("namespaces", ns);
    else this.store.put("namespaces", ns);
  }

  private remove(type: ResourceType, obj: KubeObject, options: WriteOptions): KubeObject {
    if (options.dryRun) return obj;
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.remove(type.resource, obj);
    return obj;
  }

  /**
   * The pods/binding subresource: the scheduler's way to put a pod on a node.
   * Sets spec.nodeName and the PodScheduled condition, as the binding storage does.
   */
  bind(namespace: string, name: string, nodeName: string): Pod {
    const type = this.type("pods");
    const old = this.get("pods", namespace, name);
    if (old.metadata.deletionTimestamp) {
      throw conflict(type, name, "pod is being deleted, cannot be assigned to a host");
    }
    if (old.spec.nodeName) {
      throw conflict(type, name, `pod ${name} is already assigned to node "${old.spec.nodeName}"`);
    }
    // Copies of what changes (metadata, spec, status); the rest is shared.
    const pod = editableCopy(old, "metadata", "spec", "status");
    pod.spec.nodeName = nodeName;
    const status = (pod.status ??= {});
    const conditions = (status.conditions ??= []).filter((c) => c.type !== "PodScheduled");
    conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(this.now()) });
    status.conditions = conditions;
    pod.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put(type.resource, pod);
    return pod;
  }

  // ---------- pods/log and pods/eviction (logs.ts, eviction.ts) ----------

  /** `GET pods/NAME/log`: the container's log as the kubelet of its node serves it. */
  podLogs(namespace: string, name: string, options: PodLogOptions = {}): PodLogResult {
    return readPodLog(this, this.now(), namespace, name, options);
  }

  /** `POST pods/NAME/eviction`: delete the pod unless a disruption budget forbids it. */
  evict(namespace: string, name: string, eviction: Eviction = {}): Status {
    return evictPod(this, namespace, name, eviction);
  }

  // ---------- internals ----------

  private write(type: ResourceType & StrategyHooks, old: KubeObject, obj: KubeObject, options: UpdateOptions): KubeObject {
    const meta = obj.metadata;
    const name = old.metadata.name!;
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(type, name, OBJECT_MODIFIED);
    }
    if (meta.uid && meta.uid !== old.metadata.uid) {
      throw conflict(
        type,
        name,
        `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    // Fields the server owns.
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    meta.generation = old.metadata.generation;
    if (!type.namespaced) delete meta.namespace;

    const record = obj as unknown as Record<string, unknown>;
    const oldRecord = old as unknown as Record<string, unknown>;
    if (options.subresource === "status") {
      if (!type.hasStatus) throw methodNotSupported(type, "update status");
      // A status write changes status (and annotations) only.
      // Unchanged parts are shared with the stored (frozen) version, not copied.
      const next = { ...old, metadata: { ...old.metadata, annotations: meta.annotations }, status: record.status };
      if (next.metadata.annotations === undefined) delete next.metadata.annotations;
      if (next.status === undefined) delete (next as { status?: unknown }).status;
      return this.commit(type, old, next as KubeObject, options, false);
    }
    if (type.hasStatus) {
      if (oldRecord.status === undefined) delete record.status;
      else record.status = deepClone(oldRecord.status);
    }
    type.prepareForUpdate?.(obj, old);
    type.defaults?.(obj);
    type.admitUpdate?.(obj, old);
    type.allocate?.(obj, old, this.allocationContext(type, options));
    // What the update left as it was is shared with the stored version, not
    // stored again: fewer objects to freeze and compare, and validation can
    // recognise a pod spec it has already accepted (validation/pod-spec.ts).
    // The metadata object itself stays private: commit sets its resourceVersion.
    for (const key in record) if (key !== "metadata") record[key] = shareUnchanged(record[key], oldRecord[key]);
    const metaRecord = meta as Record<string, unknown>;
    const oldMeta = old.metadata as Record<string, unknown>;
    for (const key in metaRecord) metaRecord[key] = shareUnchanged(metaRecord[key], oldMeta[key]);
    if (
      type.hasGeneration &&
      (!deepEqual(record.spec, oldRecord.spec) ||
        (type.generationCountsAnnotations && !deepEqual(meta.annotations ?? {}, old.metadata.annotations ?? {})))
    ) {
      meta.generation = (old.metadata.generation ?? 0) + 1;
    }
    this.validate(type, obj, type.validateUpdate?.(obj, old) ?? type.validate?.(obj) ?? []);
    if (old.metadata.deletionTimestamp) {
      const added = (meta.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
      if (added.length > 0) {
        throw this.invalid(type, name, [
          forbiddenField(
            "metadata.finalizers",
            `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(", ")}}`,
          ),
        ]);
      }
    }
    return this.commit(type, old, obj, options, true);
  }

  private commit(type: ResourceType, old: KubeObject, obj: KubeObject, options: WriteOptions, mayFinish: boolean): KubeObject {
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    // An update that changes nothing is not written: no new resourceVersion, no watch event.
    if (deepEqual(obj, old)) return old;
    if (options.dryRun) return obj;
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    // The last finalizer removed from an object being deleted: it goes. (A pod
    // still in its grace period waits for the kubelet's final delete instead.)
    const m = obj.metadata;
    if (mayFinish && m.deletionTimestamp && !(m.finalizers?.length ?? 0) && !(m.deletionGracePeriodSeconds ?? 0)) {
      this.store.remove(type.resource, obj);
      return obj;
    }
    this.store.put(type.resource, obj);
    return obj;
  }

  private allocationContext(type: ResourceType, options: WriteOptions): AllocationContext {
    return { random: this.random, dryRun: options.dryRun === true, stored: () => this.store.list(type.resource) };
  }

  private validate(type: ResourceType, obj: KubeObject, errors: FieldError[]): void {
    if (errors.length > 0) throw this.invalid(type, obj.metadata.name ?? "", errors);
  }

  private invalid(type: ResourceType, name: string, errors: readonly FieldError[]): ApiError {
    return new ApiError(invalidStatus(type.kind, type.group, name, errors));
  }

  /**
   * What a status write reads of the client's object, decoded as decode()
   * would: the preconditions, annotations and status (not the rest of the
   * metadata, nor spec).
   */
  private decodeForStatus(type: ResourceType, input: KubeObject, options: WriteOptions): KubeObject {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      throw badRequest("the object provided is not a JSON object");
    }
    this.checkKind(type, input);
    const inputMeta = input.metadata as unknown;
    const m: Record<string, unknown> =
      inputMeta !== null && typeof inputMeta === "object" && !Array.isArray(inputMeta) ? (inputMeta as Record<string, unknown>) : {};
    const metadata: Record<string, unknown> = {};
    for (const key of ["resourceVersion", "uid"]) {
      const v = m[key];
      if (v !== undefined && v !== null) metadata[key] = decodedClone(v);
    }
    // Annotations usually come back as the stored object has them: kept, not copied.
    const annotations = decodedCloneSharing(m.annotations);
    if (annotations !== undefined && annotations !== null) metadata.annotations = annotations;
    const obj = { apiVersion: apiVersionOf(type), kind: type.kind, metadata } as KubeObject;
    const given = (input as { status?: unknown }).status;
    const status = options.fromEngine ? given : decodedClone(given);
    if (status !== undefined && status !== null) (obj as { status?: unknown }).status = status;
    return obj;
  }

  /**
   * The typed decode a real server does first: a field of the wrong JSON
   * type is a 400 with encoding/json's words, before any validation.
   */
  private typedDecode(type: ResourceType, body: KubeObject, options: WriteOptions, apiVersion = apiVersionOf(type)): readonly string[] {
    const info = kindInfo(apiVersion, type.kind);
    if (!info) return [];
    const decoded = decodeBody(info, body, options.fieldValidation ?? "Warn");
    if (decoded.error) throw badRequest(decoded.error);
    options.warnings?.push(...decoded.warnings);
    return decoded.unknownFields ?? [];
  }

  private checkKind(type: ResourceType, obj: KubeObject): void {
    const apiVersion = apiVersionOf(type);
    if (obj.kind !== undefined && obj.kind !== null && obj.kind !== type.kind) {
      throw badRequest(`the kind of the provided object (${obj.kind}) does not match the resource (${type.kind})`);
    }
    if (obj.apiVersion !== undefined && obj.apiVersion !== null && obj.apiVersion !== apiVersion) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
    }
  }

  /** A private, defaulted-to-type copy of the client's object. */
  private decode(type: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      throw badRequest("the object provided is not a JSON object");
    }
    // An object of another version the kind is served at (autoscaling/v1) is
    // decoded as that version, then converted to the stored one.
    const other = otherServedVersion(type, input);
    const unknownFields = options.fromEngine ? [] : this.typedDecode(type, input, options, other ? input.apiVersion : undefined);
    // A private copy even of an engine-built object: defaulting writes into it.
    let obj = decodedClone(input);
    // A typed decode has nowhere to put fields the schema does not know.
    for (const path of unknownFields) dropField(obj, path);
    if (other) obj = fromServedVersion(type, other, obj);
    const apiVersion = apiVersionOf(type);
    if (obj.kind !== undefined && obj.kind !== type.kind) {
      throw badRequest(`the kind of the provided object (${obj.kind}) does not match the resource (${type.kind})`);
    }
    if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
    }
    obj.apiVersion = apiVersion;
    obj.kind = type.kind;
    if (obj.metadata === null || typeof obj.metadata !== "object" || Array.isArray(obj.metadata)) obj.metadata = {};
    return obj;
  }

  private requireActiveNamespace(type: ResourceType, namespace: string, name: string): void {
    const ns = this.store.get("namespaces", undefined, namespace) as Namespace | undefined;
    if (!ns) throw notFound({ group: "", resource: "namespaces" }, namespace);
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(type, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private generateName(type: ResourceType, namespace: string | undefined, prefix: string): string {
    // Upstream truncates the base to 58 characters and appends 5 random ones.
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    for (;;) {
      const name = base + this.random.string(5);
      if (!this.store.get(type.resource, namespace, name)) return name;
    }
  }

  private matcher(type: ResourceType, options: ListOptions): ((obj: KubeObject) => boolean) | undefined {
    const checks: Array<(obj: KubeObject) => boolean> = [];
    try {
      if (options.labelSelector) {
        const selector = parseSelector(options.labelSelector);
        if (!selector.empty()) checks.push((obj) => selector.matches(obj.metadata.labels));
      }
      if (options.fieldSelector) {
        const fields = parseFieldSelector(options.fieldSelector);
        checks.push(fieldSelectorMatcher(type.resource, fields));
      }
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw badRequest(err instanceof Error ? err.message : String(err));
    }
    if (checks.length === 0) return undefined;
    if (checks.length === 1) return checks[0];
    return (obj) => checks.every((check) => check(obj));
  }

  private type(resource: string): ResourceType & StrategyHooks {
    const type = this.registry.get(resource) ?? this.registry.resolve(resource);
    if (!type) {
      throw new ApiError({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "the server could not find the requested resource",
        reason: "NotFound",
        details: {},
        code: 404,
      });
    }
    return type;
  }
}

/** The version an object names when it is another one its kind is served at (autoscaling/v1), else undefined. */
function otherServedVersion(type: ResourceType, input: KubeObject): string | undefined {
  if (!type.otherVersions || typeof input.apiVersion !== "string") return undefined;
  const prefix = type.group ? `${type.group}/` : "";
  if (!input.apiVersion.startsWith(prefix)) return undefined;
  const version = input.apiVersion.slice(prefix.length);
  return type.otherVersions.some((v) => v.version === version) ? version : undefined;
}

/** Run `fn`, turning anything that is not an ApiError into an InternalError. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw internalError(err);
  }
}

/**
 * Remove the field at a decoder path (`spec.template.spec.containers[0].foo`)
 * from a private copy. Map keys may contain dots: a segment not found is
 * joined with the next one.
 */
export function dropField(obj: unknown, path: string): void {
  const segments = path.split(/(?=\[)|\./).filter((s) => s !== "");
  let node: unknown = obj;
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i]!;
    if (node === null || typeof node !== "object") return;
    const m = /^\[(\d+)\]$/.exec(seg);
    if (m) {
      node = Array.isArray(node) ? node[Number(m[1])] : undefined;
      continue;
    }
    const rec = node as Record<string, unknown>;
    while (!Object.hasOwn(rec, seg) && i + 1 < segments.length && !segments[i + 1]!.startsWith("[")) seg += "." + segments[++i]!;
    if (i === segments.length - 1) {
      delete rec[seg];
      return;
    }
    node = rec[seg];
  }
}

/** Apply a patch of `patchType` to `old`, with the API's errors for a bad patch. */
export function applyPatch(old: object, kind: string, patchType: PatchType, patch: unknown): object {
  let patched: unknown;
  try {
    if (patchType === "json") patched = applyJsonPatch(old, patch);
    else if (patchType === "merge") patched = applyMergePatch(old, patch);
    else patched = applyStrategicMergePatch(old, patch, schemaFor(kind));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof PatchError) {
      const status: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: err.message, code: err.code };
      if (err.reason) status.reason = err.reason;
      throw new ApiError(status);
    }
    throw internalError(err);
  }
  if (patched === null || typeof patched !== "object" || Array.isArray(patched)) {
    throw badRequest("the patch produced an object that is not a JSON object");
  }
  return patched;
}
