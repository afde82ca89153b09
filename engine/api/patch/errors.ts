// How the API server (k8s.io/apiserver handlers/patch.go, 1.32) reports a
// patch that cannot be applied. `message`, `code` and `reason` are what goes
// into the metav1.Status; `detail` is the patch library's own text, which is
// not always the same: for a failed JSON patch the server answers 422 with a
// generic message and the library's text is lost.
//
// What kubectl v1.32 prints for each: 400 → `Error from server (BadRequest):
// <message>`; 422 → `The request is invalid: <message>`; 500 with an empty
// reason → `Error from server: <message>`; the panic 500 (a text/plain body) →
// `Error from server (InternalError): an error on the server ("<message>") has
// prevented the request from succeeding (patch <resource> <name>)`.

export type PatchErrorReason = "BadRequest" | "Invalid" | "RequestEntityTooLarge" | "InternalError" | "";

/** errors.NewGenericServerResponse's text for 422: the JSON-patch detail is not passed on. */
export const UNPROCESSABLE_MESSAGE = "the server rejected our request due to an error in our request";
/** What the apiserver's panic recovery writes (a text/plain 500). */
export const PANIC_MESSAGE = "This request caused apiserver to panic. Look in the logs for details.";

export class PatchError extends Error {
  override name = "PatchError";
  /** HTTP status of the API server's answer. */
  readonly code: number;
  /** metav1.StatusReason; "" is StatusReasonUnknown (a plain error turned into a 500). */
  readonly reason: PatchErrorReason;
  /** The patch library's error text (equal to `message` unless the server hides it). */
  readonly detail: string;

  constructor(message: string, code: number, reason: PatchErrorReason, detail: string = message) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.detail = detail;
  }
}

/** errors.NewBadRequest(msg). */
export function badRequest(message: string): PatchError {
  return new PatchError(message, 400, "BadRequest");
}

/** A plain Go error returned from the handler: 500 with an empty reason and the error text. */
export function serverError(message: string): PatchError {
  return new PatchError(message, 500, "");
}

/** NewGenericServerResponse(422, ...): reason Invalid, generic message. */
export function unprocessable(detail: string): PatchError {
  return new PatchError(UNPROCESSABLE_MESSAGE, 422, "Invalid", detail);
}

/**
 * The library dereferenced a nil pointer; the request dies in the apiserver's
 * panic handler, which answers a text/plain 500 (client-go calls it InternalError).
 */
export function panicked(what: string): PatchError {
  return new PatchError(PANIC_MESSAGE, 500, "InternalError", `runtime error: invalid memory address or nil pointer dereference (${what})`);
}
