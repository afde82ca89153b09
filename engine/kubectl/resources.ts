// kubectl's resource builder (cli-runtime resource.Builder): which objects a
// command line names. `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`,
// `TYPE/NAME...`, `all` (the "all" category), `-l`/`--field-selector`,
// `-A`, and `-f FILE|-` (multi-document YAML or JSON, lists flattened).
// The result is a list of visits (a list request or a get by name) in the
// order kubectl makes them, or the error kubectl stops with.
import { servesVersion, toServedVersion, type ResourceType } from "../api/registry.ts";
import type { KubeObject } from "../api/types.ts";
import { discoveryOrder, resolveResource } from "./discovery.ts";
import { ManifestError, type ManifestObject, readManifests } from "./manifest.ts";
import { AggregateError, type KubectlContext, KubectlError } from "./types.ts";

export type Visit =
  | {
      kind: "list";
      type: ResourceType;
      /** undefined: all namespaces (or a cluster-scoped type). */
      namespace: string | undefined;
      labelSelector: string;
      fieldSelector: string;
    }
  | {
      kind: "name";
      type: ResourceType;
      namespace: string | undefined;
      name: string;
      /** The object as the file gave it (`-f`). */
      fromFile?: KubeObject;
      source?: string;
      /** The request goes to a path the server does not serve (a file object without apiVersion). */
      badPath?: boolean;
    };

export interface BuilderOptions {
  args: readonly string[];
  filenames?: readonly string[];
  /** -l; undefined when not given. */
  labelSelector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
  namespace: string;
  explicitNamespace: boolean;
  /** `get` and `describe` list every object of a bare type (ResourceTypeOrNameArgs(true, ...)). */
  allowEmptySelector?: boolean;
  /** The stdin of the command, for `-f -`. */
  stdin?: string;
}

export interface BuilderResult {
  visits: Visit[];
  /** One name or one TYPE/NAME was asked for: print the object, not a list. */
  singleItemImplied: boolean;
  /** Errors from reading files (kubectl goes on with the other files). */
  errors: unknown[];
}

/** SplitResourceArgument: comma-separated, empty parts dropped, duplicates removed. */
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(",")) if (s !== "" && !out.includes(s)) out.push(s);
  return out;
}

/** `a,b c d` → `a/c a/d b/c b/d` (normalizeMultipleResourcesArgs). */
function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0]!);
    if (resources.length > 1) {
      const out: string[] = [];
      for (const r of resources) for (const n of args.slice(1)) out.push(`${r}/${n}`);
      return out;
    }
  }
  return [...args];
}

/** The resources of a category (`all`), in discovery order, as `resource[.group]`. */
function expandCategory(ctx: KubectlContext, name: string): string[] | undefined {
  const types = discoveryOrder(ctx.api.registry).filter((t) => t.categories?.includes(name));
  if (types.length === 0) return undefined;
  return types.map((t) => (t.group ? `${t.resource}.${t.group}` : t.resource));
}

function replaceAliases(ctx: KubectlContext, input: string): string {
  return input
    .split(",")
    .map((arg) => expandCategory(ctx, arg)?.join(",") ?? arg)
    .join(",");
}

/** RESTMapping for a type argument, or kubectl's "doesn't have a resource type" error. */
export function mappingFor(ctx: KubectlContext, arg: string): ResourceType {
  const t = resolveResource(ctx.api.registry, arg);
  if (!t) {
    const dot = arg.indexOf(".");
    throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(dot >= 0 ? arg.slice(0, dot) : arg)}`);
  }
  return t;
}

/** The kind a file's object maps to, or kubectl's "unable to recognize" error. */
function mappingForObject(ctx: KubectlContext, obj: KubeObject, source: string): ResourceType {
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  const slash = apiVersion.indexOf("/");
  const group = slash >= 0 ? apiVersion.slice(0, slash) : "";
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const t = ctx.api.registry
    .all()
    .find((r) => r.kind === obj.kind && r.group === group && (version === "" || servesVersion(r, version)));
  if (!t) {
    throw new ManifestError(
      `resource mapping not found for name: ${JSON.stringify(obj.metadata?.name ?? "")} namespace: ${JSON.stringify(obj.metadata?.namespace ?? "")} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
    );
  }
  // A manifest at another version the kind is served at (autoscaling/v1): that version's view.
  return version !== "" && version !== t.version ? { ...t, version } : t;
}

/** A stored object as the version a visit's type names shows it. */
export function atVisitedVersion(ctx: KubectlContext, type: ResourceType, obj: KubeObject): KubeObject {
  const stored = ctx.api.registry.get(type.resource);
  return stored && stored.version !== type.version ? toServedVersion(stored, type.version, obj) : obj;
}

function readFileArg(ctx: KubectlContext, path: string, stdin: string | undefined): string {
  if (path === "-") return stdin ?? "";
  const text = ctx.readFile(path);
  if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(path)} does not exist`);
  return text;
}

/**
 * The objects of `-f` files as read, without asking the server which kinds
 * exist (a builder with Local(): --local). Parse errors are kept per file.
 */
export function readFileObjects(ctx: KubectlContext, filenames: readonly string[], stdin: string | undefined): { objects: ManifestObject[]; errors: unknown[] } {
  const objects: ManifestObject[] = [];
  const errors: unknown[] = [];
  for (const file of filenames) {
    const text = readFileArg(ctx, file, stdin);
    try {
      objects.push(...readManifests(text, file));
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      errors.push(err);
    }
  }
  return { objects, errors };
}

/** Resolve the command line to visits, as Builder.Do() would. Throws kubectl's builder errors. */
export function buildVisits(ctx: KubectlContext, o: BuilderOptions): BuilderResult {
  const namespace = o.allNamespaces ? undefined : o.namespace;
  const filenames = o.filenames ?? [];
  const errors: unknown[] = [];

  // ResourceTypeOrNameArgs
  let args = normalizeMultipleResourcesArgs(o.args);
  const slashes = args.filter((a) => a.includes("/")).length;
  const tuples: Array<{ resource: string; name: string }> = [];
  let resources: string[] = [];
  let names: string[] = [];
  let labelSelector = o.labelSelector;
  if (slashes > 0) {
    if (slashes !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    for (const s of args) {
      const seg = s.split("/");
      if (seg.length !== 2) throw new KubectlError("arguments in resource/name form may not have more than one slash");
      const [resource, name] = seg as [string, string];
      if (resource === "" || name === "" || splitResourceArgument(resource).length !== 1) {
        throw new KubectlError("arguments in resource/name form must have a single resource and name");
      }
      tuples.push({ resource, name });
    }
  } else {
    if (args.length > 0) {
      args = [replaceAliases(ctx, args[0]!), ...args.slice(1)];
      resources = splitResourceArgument(args[0]!);
      names = args.slice(1);
      if (args.length === 1 && labelSelector === undefined && o.allowEmptySelector) labelSelector = "";
    }
  }

  // visitByPaths
  if (filenames.length > 0) {
    if (resources.length > 0) {
      throw new KubectlError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    }
    if (names.length > 0) throw new KubectlError("name cannot be provided when a path is specified");
    if (tuples.length > 0) throw new KubectlError("resource/name arguments cannot be provided when a path is specified");
    const visits: Visit[] = [];
    for (const file of filenames) {
      const text = readFileArg(ctx, file, o.stdin);
      let objects;
      try {
        objects = readManifests(text, file);
      } catch (err) {
        if (err instanceof ManifestError) {
          errors.push(err);
          continue;
        }
        throw err;
      }
      for (const { object, source } of objects) {
        let type: ResourceType;
        try {
          type = mappingForObject(ctx, object, source);
        } catch (err) {
          errors.push(err);
          continue;
        }
        const objNamespace = object.metadata?.namespace;
        let ns: string | undefined;
        if (type.namespaced) {
          if (o.explicitNamespace && objNamespace && objNamespace !== o.namespace) {
            errors.push(
              new KubectlError(
                `the namespace from the provided object ${JSON.stringify(objNamespace)} does not match the namespace ${JSON.stringify(o.namespace)}. You must pass '--namespace=${objNamespace}' to perform this operation.`,
              ),
            );
            continue;
          }
          ns = objNamespace || o.namespace;
        }
        visits.push({
          kind: "name",
          type,
          namespace: ns,
          name: object.metadata?.name ?? "",
          fromFile: object,
          source,
          // Without an apiVersion kubectl requests a URL the server does not have.
          badPath: typeof object.apiVersion !== "string" || object.apiVersion === "",
        });
      }
    }
    const single = filenames.length === 1 && visits.length === 1;
    if (labelSelector) {
      // A selector filters what the files name: kept by the caller after fetching.
    }
    return { visits, singleItemImplied: single, errors };
  }

  // visitBySelector
  if (labelSelector !== undefined || o.fieldSelector) {
    if (names.length > 0) throw new KubectlError("name cannot be provided when a selector is specified");
    if (tuples.length > 0) throw new KubectlError("selectors and the all flag cannot be used when passing resource/name arguments");
    if (resources.length === 0) throw new KubectlError("at least one resource must be specified to use a selector");
    const types = resources.map((r) => mappingFor(ctx, r));
    return {
      visits: types.map((type) => ({
        kind: "list",
        type,
        namespace: type.namespaced ? namespace : undefined,
        labelSelector: labelSelector ?? "",
        fieldSelector: o.fieldSelector ?? "",
      })),
      singleItemImplied: false,
      errors,
    };
  }

  // visitByResource
  if (tuples.length > 0) {
    const visits: Visit[] = [];
    for (const t of tuples) {
      const type = mappingFor(ctx, t.resource);
      if (type.namespaced && namespace === undefined) {
        throw new KubectlError("a resource cannot be retrieved by name across all namespaces");
      }
      visits.push({ kind: "name", type, namespace: type.namespaced ? namespace : undefined, name: t.name });
    }
    return { visits, singleItemImplied: tuples.length === 1, errors };
  }

  // visitByName
  if (names.length > 0) {
    if (resources.length > 1) throw new KubectlError("you must specify only one resource");
    const type = mappingFor(ctx, resources[0]!);
    if (type.namespaced && namespace === undefined) {
      throw new KubectlError("a resource cannot be retrieved by name across all namespaces");
    }
    return {
      visits: names.map((name) => ({ kind: "name", type, namespace: type.namespaced ? namespace : undefined, name })),
      singleItemImplied: names.length === 1,
      errors,
    };
  }

  if (resources.length > 0) {
    for (const r of resources) mappingFor(ctx, r);
    throw new KubectlError("resource(s) were provided, but no name was specified");
  }
  throw new KubectlError(
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
}

/** Throw the errors collected while reading files, as kubectl reports them (one per line). */
export function fileErrors(errors: readonly unknown[]): AggregateError | undefined {
  return errors.length > 0 ? new AggregateError(errors) : undefined;
}
