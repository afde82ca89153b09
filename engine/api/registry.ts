// One registry entry per kind: what the API server needs to know to serve it
// (names for discovery, defaulting, validation, table columns).
import type { FieldError } from "./validation/field.ts";
import type { KubeObject, TableColumnDefinition } from "./types.ts";
import type { Random } from "../sim/random.ts";

export interface TableConvertor<T extends KubeObject = KubeObject> {
  /** Column definitions in server order; priority 1 columns are the `-o wide` extras. */
  columns: TableColumnDefinition[];
  /** One row's cells for `obj`, at virtual time `nowMs`. */
  cells(obj: T, nowMs: number): unknown[];
}

export interface ResourceType<T extends KubeObject = KubeObject> {
  group: string; // "" for the core group
  version: string;
  kind: string;
  /** Plural resource name, as in URLs: "deployments". */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  categories?: string[];
  /** Has a status subresource: status is kept apart from spec writes. */
  hasStatus: boolean;
  /** metadata.generation is maintained (starts at 1, bumps on spec change). */
  hasGeneration: boolean;
  /** Fill in API defaults, in place, on a private copy. */
  defaults?(obj: T): void;
  validate?(obj: T): FieldError[];
  validateUpdate?(obj: T, old: T): FieldError[];
  table: TableConvertor<T>;
}

export interface StrategyHooks<T extends KubeObject = KubeObject> {
  /**
   * Mutating admission on create, after defaulting (e.g. the service account
   * volume of a pod). Returns the reason when admission forbids the object.
   */
  admit?(obj: T, random: Random): string | undefined;
  /** Mutating admission on update. */
  admitUpdate?(obj: T, old: T): void;
  /** Reset what a client may not set on create (e.g. status). */
  prepareForCreate?(obj: T): void;
  /** Adjust an update before validation (e.g. carry over fields clients cannot change). */
  prepareForUpdate?(obj: T, old: T): void;
  /** metadata.generation also moves when annotations change (Deployments do this). */
  generationCountsAnnotations?: boolean;
  /**
   * Graceful deletion: the grace period in seconds for this object given the
   * one the client asked for, or undefined when the kind deletes at once.
   */
  gracePeriod?(obj: T, requested: number | undefined): number | undefined;
  /**
   * Values taken from a pool the whole cluster shares (a Service's cluster IP
   * and node ports), after defaulting and admission, before validation, as the
   * real registry's BeginCreate/BeginUpdate hooks do. `old` is undefined on
   * create. Throws the ApiError the server answers when a value is refused.
   */
  allocate?(obj: T, old: T | undefined, ctx: AllocationContext): void;
  /** The scale subresource: where spec.replicas and the selector live. */
  scalable?: boolean;
}

export interface AllocationContext {
  random: Random;
  dryRun: boolean;
  /** Every stored object of the kind, all namespaces (the one being written included). */
  stored(): readonly KubeObject[];
}

/** Every kind the API server serves, looked up the ways kubectl names them. */
export class Registry {
  private byResource = new Map<string, ResourceType & StrategyHooks>();

  add<T extends KubeObject>(type: ResourceType<T> & StrategyHooks<T>): void {
    this.byResource.set(type.resource, type as unknown as ResourceType & StrategyHooks);
  }

  get(resource: string): (ResourceType & StrategyHooks) | undefined {
    return this.byResource.get(resource);
  }

  /** Resolve `pods`, `pod`, `po`, `Pod`, `deployments.apps`, `deploy` ... to a type. */
  resolve(name: string): (ResourceType & StrategyHooks) | undefined {
    const lower = name.toLowerCase();
    const dot = lower.indexOf(".");
    const base = dot >= 0 ? lower.slice(0, dot) : lower;
    const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
    for (const t of this.byResource.values()) {
      if (group !== undefined && t.group !== group && !(group === "" && t.group === "")) continue;
      if (t.resource === base || t.singular === base || t.kind.toLowerCase() === base || t.shortNames.includes(base)) return t;
    }
    return undefined;
  }

  byKind(apiVersion: string | undefined, kind: string): (ResourceType & StrategyHooks) | undefined {
    for (const t of this.byResource.values()) {
      if (t.kind !== kind) continue;
      if (apiVersion === undefined || apiVersion === (t.group ? `${t.group}/${t.version}` : t.version)) return t;
    }
    return undefined;
  }

  all(): Array<ResourceType & StrategyHooks> {
    return [...this.byResource.values()];
  }
}

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}
