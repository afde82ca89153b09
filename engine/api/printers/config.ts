// `kubectl get configmaps` and `kubectl get secrets` columns (printers.go
// printConfigMap, printSecret): DATA counts the keys (data and binaryData).

import type { TableConvertor } from "../registry.ts";
import type { ConfigMap, Secret, TableColumnDefinition } from "../types.ts";
import { translateTimestampSince } from "./duration.ts";

const name: TableColumnDefinition = { name: "Name", type: "string", format: "name", description: "Name of the object.", priority: 0 };
const age: TableColumnDefinition = { name: "Age", type: "string", format: "", description: "Time since the object was created.", priority: 0 };

export const configMapTable: TableConvertor<ConfigMap> = {
  columns: [name, { name: "Data", type: "string", format: "", description: "Number of keys in data and binaryData.", priority: 0 }, age],
  cells(cm, nowMs) {
    const keys = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name ?? "", keys, translateTimestampSince(cm.metadata.creationTimestamp, nowMs)];
  },
};

export const secretTable: TableConvertor<Secret> = {
  columns: [
    name,
    { name: "Type", type: "string", format: "", description: "The type of the secret.", priority: 0 },
    { name: "Data", type: "string", format: "", description: "Number of keys in data.", priority: 0 },
    age,
  ],
  cells(s, nowMs) {
    return [s.metadata.name ?? "", s.type ?? "", Object.keys(s.data ?? {}).length, translateTimestampSince(s.metadata.creationTimestamp, nowMs)];
  },
};
