// metav1.Status bodies for what the HTTP layer itself refuses (the engine's
// ApiError already carries its own Status), and the JSON responses that carry them.
import { ApiError } from "../../engine/api/errors.ts";
import type { Status } from "../../engine/api/types.ts";

export function failure(code: number, reason: string, message: string, details?: Status["details"]): Status {
  const s: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) s.details = details;
  return s;
}

export function httpError(code: number, reason: string, message: string, details?: Status["details"]): ApiError {
  return new ApiError(failure(code, reason, message, details));
}

/** What a real apiserver answers for a path it does not serve. */
export function pathNotFound(): ApiError {
  return httpError(404, "NotFound", "the server could not find the requested resource", {});
}

export function badRequest(message: string): ApiError {
  return httpError(400, "BadRequest", message);
}

export function methodNotAllowed(message: string): ApiError {
  return httpError(405, "MethodNotAllowed", message, {});
}

/** The 401 a real apiserver sends to a request without valid credentials. */
export const UNAUTHORIZED: Status = failure(401, "Unauthorized", "Unauthorized");

export function jsonResponse(code: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: code,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** An error as the Status response a real server would send; anything unexpected is a 500 without a stack. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) return jsonResponse(err.code, err.status);
  const message = err instanceof Error ? err.message : String(err);
  return jsonResponse(500, failure(500, "InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] }));
}
