// Events (core/v1): the few rules a client can trip over when it writes one.
import type { Event } from "../types.ts";
import { required, type FieldError } from "./field.ts";

export function validateEvent(event: Event): FieldError[] {
  const errors: FieldError[] = [];
  if (!event.metadata.name) errors.push(required("metadata.name", "name or generateName is required"));
  if (!event.involvedObject) errors.push(required("involvedObject", ""));
  return errors;
}
