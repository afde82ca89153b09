// API errors carry a metav1.Status, exactly what a real API server sends, so
// kubectl (built in or real, over HTTP) can print them the way it always does.
import type { Status } from "./types.ts";

export class ApiError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? status.reason ?? "unknown error");
    this.name = "ApiError";
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason ?? "";
  }
}

export interface GroupResource {
  group: string;
  resource: string;
}

/** "deployments.apps" or "pods": how messages name a resource. */
export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function status(code: number, reason: string, message: string, details?: Status["details"]): Status {
  const s: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) s.details = details;
  return s;
}

export function notFound(gr: GroupResource, name: string): ApiError {
  return new ApiError(
    status(404, "NotFound", `${qualifiedResource(gr)} "${name}" not found`, { name, group: gr.group || undefined, kind: gr.resource }),
  );
}

export function alreadyExists(gr: GroupResource, name: string): ApiError {
  return new ApiError(
    status(409, "AlreadyExists", `${qualifiedResource(gr)} "${name}" already exists`, {
      name,
      group: gr.group || undefined,
      kind: gr.resource,
    }),
  );
}

export function conflict(gr: GroupResource, name: string, why: string): ApiError {
  return new ApiError(
    status(409, "Conflict", `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`, {
      name,
      group: gr.group || undefined,
      kind: gr.resource,
    }),
  );
}

export const OBJECT_MODIFIED = "the object has been modified; please apply your changes to the latest version and try again";

export function badRequest(message: string): ApiError {
  return new ApiError(status(400, "BadRequest", message));
}

export function forbidden(gr: GroupResource, name: string, why: string): ApiError {
  const subject = name ? `${qualifiedResource(gr)} "${name}"` : qualifiedResource(gr);
  return new ApiError(
    status(403, "Forbidden", `${subject} is forbidden: ${why}`, { name: name || undefined, group: gr.group || undefined, kind: gr.resource }),
  );
}

export function methodNotSupported(gr: GroupResource, action: string): ApiError {
  return new ApiError(status(405, "MethodNotAllowed", `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`));
}

export function internalError(err: unknown): ApiError {
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError(
    status(500, "InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] }),
  );
}

export function unprocessable(message: string): ApiError {
  return new ApiError(status(422, "Invalid", message));
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status.reason === "NotFound";
}
export function isAlreadyExists(err: unknown): boolean {
  return err instanceof ApiError && err.status.reason === "AlreadyExists";
}
export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.status.reason === "Conflict";
}
