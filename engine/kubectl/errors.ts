// How kubectl reports errors (cmdutil.CheckErr, v0.32): API errors as
// `Error from server (<Reason>): <message>`, 422 Invalid as `The <Kind>
// "<name>" is invalid: ...`, other errors as `error: <message>`, aggregates
// one per line. Everything ends with a newline and exit code 1.
import { ApiError } from "../api/errors.ts";
import { formatInvalidStatus, isInvalidStatus } from "../api/validation/format-status.ts";
import { PrinterError } from "./printers/printer-error.ts";
import { AggregateError, KubectlError, RawError } from "./types.ts";

/** StandardErrorMessage: the text for an API error, or undefined for other errors. */
function standardMessage(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const s = err.status;
  if (s.reason === "Unauthorized") return `error: You must be logged in to the server (${s.message ?? ""})`;
  if (s.reason) return `Error from server (${s.reason}): ${err.message}`;
  return `Error from server: ${err.message}`;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function withNewline(s: string): string {
  return s.endsWith("\n") ? s : s + "\n";
}

export interface ReportedError {
  stderr: string;
  /** What a printer had written to stdout before failing. */
  stdout: string;
  exitCode: number;
}

/** kubectl's stderr text and exit code for `err`. */
export function reportError(err: unknown): ReportedError {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof RawError) return { stderr: err.text, stdout: "", exitCode: err.exitCode };
  if (err instanceof PrinterError) return { stderr: err.stderr, stdout: err.stdout, exitCode: 1 };
  if (err instanceof ApiError && isInvalidStatus(err.status)) {
    return { stderr: formatInvalidStatus(err.status), stdout: "", exitCode: 1 };
  }
  if (err instanceof AggregateError) {
    const lines = err.errors.map((e) => standardMessage(e) ?? (e instanceof RawError ? e.text.replace(/\n$/, "") : messageOf(e)));
    return { stderr: lines.map((l) => l + "\n").join(""), stdout: "", exitCode: 1 };
  }
  const std = standardMessage(err);
  if (std !== undefined) return { stderr: withNewline(std), stdout: "", exitCode: 1 };
  const msg = messageOf(err);
  const exitCode = err instanceof KubectlError ? err.exitCode : 1;
  if (msg === "") return { stderr: "", stdout: "", exitCode };
  return { stderr: withNewline(msg.startsWith("error: ") ? msg : `error: ${msg}`), stdout: "", exitCode };
}
