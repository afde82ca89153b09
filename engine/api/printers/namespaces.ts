// `kubectl get namespaces` columns (printers.go printNamespace): the phase as is.

import type { Namespace, TableColumnDefinition } from "../types.ts";
import type { TableConvertor } from "../registry.ts";
import { translateTimestampSince } from "./duration.ts";

export const namespaceColumns: TableColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name of the namespace.", priority: 0 },
  { name: "Status", type: "string", format: "", description: "Phase of the namespace: Active or Terminating.", priority: 0 },
  { name: "Age", type: "string", format: "", description: "Time since the namespace was created.", priority: 0 },
];

export const namespaceTable: TableConvertor<Namespace> = {
  columns: namespaceColumns,
  cells(ns, nowMs) {
    return [ns.metadata.name ?? "", ns.status?.phase ?? "", translateTimestampSince(ns.metadata.creationTimestamp, nowMs)];
  },
};
