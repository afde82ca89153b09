// `kubectl get replicasets` columns (printers.go printReplicaSet). Unlike
// deployments, the wide SELECTOR uses FormatLabelSelector: `<none>` when empty,
// `<error>` when invalid.

import type { ReplicaSet, TableColumnDefinition } from "../types.ts";
import type { TableConvertor } from "../registry.ts";
import { translateTimestampSince } from "./duration.ts";
import { formatLabelSelector, layoutContainerCells } from "./format.ts";

export const replicaSetColumns: TableColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name of the replica set.", priority: 0 },
  { name: "Desired", type: "integer", format: "", description: "Desired number of pods.", priority: 0 },
  { name: "Current", type: "integer", format: "", description: "Pods that currently exist.", priority: 0 },
  { name: "Ready", type: "integer", format: "", description: "Pods that are ready.", priority: 0 },
  { name: "Age", type: "string", format: "", description: "Time since the replica set was created.", priority: 0 },
  { name: "Containers", type: "string", format: "", description: "Container names in the pod template.", priority: 1 },
  { name: "Images", type: "string", format: "", description: "Container images in the pod template.", priority: 1 },
  { name: "Selector", type: "string", format: "", description: "Label selector for the replica set's pods.", priority: 1 },
];

export const replicaSetTable: TableConvertor<ReplicaSet> = {
  columns: replicaSetColumns,
  cells(rs, nowMs) {
    const [names, images] = layoutContainerCells(rs.spec.template?.spec?.containers);
    return [
      rs.metadata.name ?? "",
      rs.spec.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
};
