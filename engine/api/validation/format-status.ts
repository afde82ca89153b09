// How kubectl (cmd/util.checkErr, v0.32) prints a 422 Invalid Status on
// stderr. Shared so the simulated kubectl prints exactly what the real one does.
import type { Status } from "../types.ts";
import { goQuote } from "./go-value.ts";

/** True for the errors checkErr gives the special Invalid treatment (reason Invalid, code 422). */
export function isInvalidStatus(status: Status): boolean {
  return status.code === 422 && status.reason === "Invalid";
}

/**
 * kubectl's stderr text for an Invalid Status, including the final newline:
 *
 *   The Deployment "x" is invalid: spec.replicas: Invalid value: -1: must be ...
 *
 * or, for several distinct causes, a header with a trailing space and one
 * `* <field>: <message>` line per cause.
 */
export function formatInvalidStatus(status: Status): string {
  const details = status.details;
  let s = "The request is invalid";
  if (details == null) {
    if (status.message) s += ": " + status.message;
    return s + "\n";
  }
  const kind = details.kind ?? "";
  const name = details.name ?? "";
  const causes = details.causes ?? [];
  if (kind !== "" || name !== "") {
    s = `The ${kind} ${goQuote(name)} is invalid`;
  } else if (status.message && causes.length === 0) {
    // only without kind/name and causes: the usual constructors repeat them in the message
    s += ": " + status.message;
  }
  if (causes.length === 0) return s + "\n";

  const lines: string[] = [];
  const seen = new Set<string>();
  for (const c of causes) {
    const line = `${c.field ?? ""}: ${c.message ?? ""}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  const prefix = s + ": ";
  if (lines.length === 1) return prefix + lines[0] + "\n";
  return prefix + "\n" + lines.map((l) => `* ${l}\n`).join("");
}
