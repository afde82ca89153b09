// The cluster's object store (etcd's role): one map per resource, a single
// increasing resourceVersion, and an ordered stream of watch events. Stored
// objects are frozen and replaced on every write, never changed in place, so
// readers, watch events and the timeline can share them without copying.
import type { KubeObject, WatchEventType } from "./types.ts";
import { deepFreeze } from "../util/json.ts";

export interface StoreEvent {
  /** The object before this write (MODIFIED and DELETED). */
  old?: KubeObject;
  type: WatchEventType;
  resource: string;
  object: KubeObject;
  /** Virtual time of the write, ms since the epoch. */
  at: number;
}

export type StoreListener = (event: StoreEvent) => void;

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

class ResourceTable {
  readonly items = new Map<string, KubeObject>();
  /**
   * The same objects by namespace ("" when cluster-scoped), then name: a get
   * then needs no "namespace/name" string built and hashed (gets are the
   * most frequent store call).
   */
  private readonly byName = new Map<string, Map<string, KubeObject>>();
  /**
   * controller owner uid -> the objects it controls, by key, in the order
   * they came under it (an object keeps its place when it is rewritten).
   */
  readonly byController = new Map<string, Map<string, KubeObject>>();
  /** Keys of objects with no controller, which controllers may adopt. */
  readonly uncontrolled = new Set<string>();

  put(key: string, obj: KubeObject, old: KubeObject | undefined): void {
    const oldOwner = old && controllerUid(old);
    const newOwner = controllerUid(obj);
    if (!old || oldOwner !== newOwner) {
      if (oldOwner) this.unindex(oldOwner, key);
      else if (old) this.uncontrolled.delete(key);
      if (newOwner) this.index(newOwner, key, obj);
      else this.uncontrolled.add(key);
    } else if (newOwner) {
      this.byController.get(newOwner)!.set(key, obj);
    }
    this.items.set(key, obj);
    const ns = obj.metadata.namespace || "";
    let names = this.byName.get(ns);
    if (!names) this.byName.set(ns, (names = new Map()));
    names.set(obj.metadata.name!, obj);
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byName.get(namespace || "")?.get(name);
  }

  remove(key: string, old: KubeObject): void {
    const owner = controllerUid(old);
    if (owner) this.unindex(owner, key);
    else this.uncontrolled.delete(key);
    this.items.delete(key);
    const ns = old.metadata.namespace || "";
    const names = this.byName.get(ns);
    names?.delete(old.metadata.name!);
    if (names?.size === 0) this.byName.delete(ns);
  }

  private index(owner: string, key: string, obj: KubeObject) {
    let objects = this.byController.get(owner);
    if (!objects) this.byController.set(owner, (objects = new Map()));
    objects.set(key, obj);
  }

  private unindex(owner: string, key: string) {
    const set = this.byController.get(owner);
    if (!set) return;
    set.delete(key);
    if (set.size === 0) this.byController.delete(owner);
  }
}

export function controllerUid(obj: KubeObject): string | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (const ref of refs) if (ref.controller) return ref.uid;
  return undefined;
}

export class Store {
  private tables = new Map<string, ResourceTable>();
  private listeners: StoreListener[] = [];
  private byResource = new Map<string, StoreListener[]>();
  private rv: number;

  constructor(
    private readonly now: () => number,
    initialResourceVersion = 0,
  ) {
    this.rv = initialResourceVersion;
  }

  /** The latest resourceVersion written, as a string like the API returns. */
  resourceVersion(): string {
    return String(this.rv);
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.get(namespace, name);
  }

  /** Objects of a resource, optionally in one namespace, sorted by namespace then name. */
  list(resource: string, namespace?: string): KubeObject[] {
    const table = this.tables.get(resource);
    if (!table) return [];
    const out: KubeObject[] = [];
    for (const obj of table.items.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    }
    return out.sort(byNamespaceAndName);
  }

  /**
   * Objects whose controller ownerReference points at `ownerUid`, in the order
   * they came under it (deterministic; unsorted because controllers call this
   * on every sync and do their own ordering where it matters).
   */
  listControlledBy(resource: string, ownerUid: string): KubeObject[] {
    const objects = this.tables.get(resource)?.byController.get(ownerUid);
    if (!objects) return [];
    const out: KubeObject[] = new Array(objects.size);
    let i = 0;
    for (const obj of objects.values()) out[i++] = obj;
    return out;
  }

  /** How many objects have their controller ownerReference pointing at `ownerUid`. */
  countControlledBy(resource: string, ownerUid: string): number {
    return this.tables.get(resource)?.byController.get(ownerUid)?.size ?? 0;
  }

  /** Objects in `namespace` without a controller, sorted by name. */
  listUncontrolled(resource: string, namespace: string): KubeObject[] {
    const table = this.tables.get(resource);
    if (!table || table.uncontrolled.size === 0) return [];
    const out: KubeObject[] = [];
    for (const key of table.uncontrolled) {
      const obj = table.items.get(key)!;
      if (obj.metadata.namespace === namespace) out.push(obj);
    }
    return out.sort(byNamespaceAndName);
  }

  count(resource: string): number {
    return this.tables.get(resource)?.items.size ?? 0;
  }

  /** Write an object (already carrying its new resourceVersion) and emit the watch event. */
  put(resource: string, obj: KubeObject): void {
    deepFreeze(obj);
    const table = this.table(resource);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name!);
    const old = table.items.get(key);
    table.put(key, obj, old);
    this.emit({ type: old ? "MODIFIED" : "ADDED", resource, object: obj, old, at: this.now() });
  }

  /** Remove an object; `final` is the object as last seen, with a fresh resourceVersion. */
  remove(resource: string, final: KubeObject): void {
    deepFreeze(final);
    const table = this.table(resource);
    const key = objectKey(final.metadata.namespace, final.metadata.name!);
    const old = table.items.get(key);
    if (!old) return;
    table.remove(key, old);
    this.emit({ type: "DELETED", resource, object: final, old, at: this.now() });
  }

  /** Listen to every write, or (with `resource`) to the writes of one resource. */
  subscribe(listener: StoreListener, resource?: string): () => void {
    let list: StoreListener[];
    if (resource === undefined) list = this.listeners;
    else {
      list = this.byResource.get(resource) ?? [];
      this.byResource.set(resource, list);
    }
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  resources(): string[] {
    return [...this.tables.keys()];
  }

  private table(resource: string): ResourceTable {
    let table = this.tables.get(resource);
    if (!table) this.tables.set(resource, (table = new ResourceTable()));
    return table;
  }

  private emit(event: StoreEvent): void {
    // Listeners may unsubscribe while being called: iterate over copies.
    const scoped = this.byResource.get(event.resource);
    if (scoped && scoped.length > 0) for (const listener of scoped.slice()) listener(event);
    for (const listener of this.listeners.slice()) listener(event);
  }
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name!;
  const mb = b.metadata.name!;
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}
