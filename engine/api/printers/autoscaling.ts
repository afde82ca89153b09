// `kubectl get hpa` columns (printers.go printHorizontalPodAutoscaler, 1.32):
// TARGETS lists at most two metrics as `name: current/target`, `<unknown>`
// for a current value the controller has not measured, then `+ N more...`.

import type { TableConvertor } from "../registry.ts";
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, TableColumnDefinition } from "../types.ts";
import { translateTimestampSince } from "./duration.ts";

const column = (name: string, description: string, format = ""): TableColumnDefinition => ({ name, type: "string", format, description, priority: 0 });

const UNKNOWN = "<unknown>";
const MAX_SHOWN = 2;

function metricText(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case "External": {
      const t = spec.external?.target;
      if (t?.averageValue !== undefined) return `${status?.external?.current?.averageValue ?? UNKNOWN}/${t.averageValue} (avg)`;
      return `${status?.external ? (status.external.current?.value ?? "0") : UNKNOWN}/${t?.value ?? "0"}`;
    }
    case "Pods":
      return `${status?.pods ? (status.pods.current?.averageValue ?? "0") : UNKNOWN}/${spec.pods?.target?.averageValue ?? "0"}`;
    case "Object": {
      const t = spec.object?.target;
      if (t?.averageValue !== undefined) return `${status?.object?.current?.averageValue ?? UNKNOWN}/${t.averageValue} (avg)`;
      return `${status?.object ? (status.object.current?.value ?? "0") : UNKNOWN}/${t?.value ?? "0"}`;
    }
    case "Resource":
    case "ContainerResource": {
      const src = spec.type === "Resource" ? spec.resource : spec.containerResource;
      const cur = spec.type === "Resource" ? status?.resource : status?.containerResource;
      const name = src?.name ?? "";
      if (src?.target?.averageValue !== undefined) return `${name}: ${cur ? (cur.current?.averageValue ?? "0") : UNKNOWN}/${src.target.averageValue}`;
      const current = cur?.current?.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : UNKNOWN;
      const target = src?.target?.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : "<auto>";
      return `${name}: ${current}/${target}`;
    }
    default:
      return "<unknown type>";
  }
}

export function formatHPAMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return "<none>";
  const list = specs.map((spec, i) => metricText(spec, statuses?.[i]));
  if (list.length <= MAX_SHOWN) return list.join(", ");
  return `${list.slice(0, MAX_SHOWN).join(", ")} + ${list.length - MAX_SHOWN} more...`;
}

export const horizontalPodAutoscalerTable: TableConvertor<HorizontalPodAutoscaler> = {
  columns: [
    column("Name", "Name of the autoscaler.", "name"),
    column("Reference", "The scaled object: kind/name."),
    column("Targets", "Current and target value of each metric."),
    column("MinPods", "Lower limit of replicas."),
    column("MaxPods", "Upper limit of replicas."),
    column("Replicas", "Current number of replicas of the scaled object."),
    column("Age", "Time since the autoscaler was created."),
  ],
  cells(hpa, nowMs) {
    const ref = hpa.spec.scaleTargetRef ?? { kind: "", name: "" };
    return [
      hpa.metadata.name ?? "",
      `${ref.kind ?? ""}/${ref.name ?? ""}`,
      formatHPAMetrics(hpa.spec.metrics, hpa.status?.currentMetrics),
      hpa.spec.minReplicas === undefined ? "<unset>" : String(hpa.spec.minReplicas),
      hpa.spec.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      translateTimestampSince(hpa.metadata.creationTimestamp, nowMs),
    ];
  },
};
