// `kubectl get deployments` columns (printers.go printDeployment). READY is
// ready (not available) over desired; SELECTOR is the selector's string form,
// `<invalid>` when it cannot be parsed.

import type { Deployment, TableColumnDefinition } from "../types.ts";
import type { TableConvertor } from "../registry.ts";
import { translateTimestampSince } from "./duration.ts";
import { labelSelectorString, layoutContainerCells } from "./format.ts";

export const deploymentColumns: TableColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name of the deployment.", priority: 0 },
  { name: "Ready", type: "string", format: "", description: "Ready pods out of desired pods.", priority: 0 },
  { name: "Up-to-date", type: "string", format: "", description: "Pods running the latest template.", priority: 0 },
  { name: "Available", type: "string", format: "", description: "Pods available for at least minReadySeconds.", priority: 0 },
  { name: "Age", type: "string", format: "", description: "Time since the deployment was created.", priority: 0 },
  { name: "Containers", type: "string", format: "", description: "Container names in the pod template.", priority: 1 },
  { name: "Images", type: "string", format: "", description: "Container images in the pod template.", priority: 1 },
  { name: "Selector", type: "string", format: "", description: "Label selector for the deployment's pods.", priority: 1 },
];

export const deploymentTable: TableConvertor<Deployment> = {
  columns: deploymentColumns,
  cells(d, nowMs) {
    const status = d.status ?? {};
    const [names, images] = layoutContainerCells(d.spec.template?.spec?.containers);
    return [
      d.metadata.name ?? "",
      `${status.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      translateTimestampSince(d.metadata.creationTimestamp, nowMs),
      names,
      images,
      labelSelectorString(d.spec.selector) ?? "<invalid>",
    ];
  },
};
