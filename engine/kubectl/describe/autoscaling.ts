// `kubectl describe hpa` (describe.go describeHorizontalPodAutoscalerV2,
// kubectl 1.32): the autoscaler as autoscaling/v2 shows it, each metric as
// `current / target` with `<unknown>` for what was never measured.
import type { HorizontalPodAutoscaler, HPAScalingRules, MetricSpec, MetricStatus } from "../../api/types.ts";
import { toWire } from "../wire.ts";
import { quantityString } from "./containers.ts";
import type { Describer, DescribeEnv } from "./describers.ts";
import { describeEvents, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter, rfc1123z, tabbedString } from "./writer.ts";

const UNKNOWN = "<unknown>";

function writeMetric(w: PrefixWriter, m: MetricSpec, cur: MetricStatus | undefined): void {
  switch (m.type) {
    case "External": {
      const t = m.external?.target;
      const name = JSON.stringify(m.external?.metric?.name ?? "");
      if (t?.averageValue !== undefined) {
        const current = cur?.external?.current?.averageValue !== undefined ? quantityString(cur.external.current.averageValue) : UNKNOWN;
        w.write(LEVEL_1, `${name} (target average value):\t${current} / ${quantityString(t.averageValue)}\n`);
      } else {
        const current = cur?.external ? quantityString(cur.external.current?.value ?? "0") : UNKNOWN;
        w.write(LEVEL_1, `${name} (target value):\t${current} / ${quantityString(t?.value ?? "0")}\n`);
      }
      return;
    }
    case "Pods": {
      const current = cur?.pods ? quantityString(cur.pods.current?.averageValue ?? "0") : UNKNOWN;
      w.write(LEVEL_1, `${JSON.stringify(m.pods?.metric?.name ?? "")} on pods:\t${current} / ${quantityString(m.pods?.target?.averageValue ?? "0")}\n`);
      return;
    }
    case "Object": {
      const o = m.object;
      w.write(LEVEL_1, `"${o?.metric?.name ?? ""}" on ${o?.describedObject?.kind ?? ""}/${o?.describedObject?.name ?? ""} `);
      if (o?.target?.type === "AverageValue") {
        const current = cur?.object ? quantityString(cur.object.current?.averageValue ?? "0") : UNKNOWN;
        w.write(LEVEL_0, `(target average value):\t${current} / ${quantityString(o.target.averageValue ?? "0")}\n`);
      } else {
        const current = cur?.object ? quantityString(cur.object.current?.value ?? "0") : UNKNOWN;
        w.write(LEVEL_0, `(target value):\t${current} / ${quantityString(o?.target?.value ?? "0")}\n`);
      }
      return;
    }
    case "Resource":
    case "ContainerResource": {
      const isResource = m.type === "Resource";
      const src = isResource ? m.resource : m.containerResource;
      const status = isResource ? cur?.resource : cur?.containerResource;
      w.write(LEVEL_1, isResource ? `resource ${src?.name ?? ""} on pods` : `resource ${src?.name ?? ""} of container "${m.containerResource?.container ?? ""}" on pods`);
      if (src?.target?.averageValue !== undefined) {
        const current = status ? quantityString(status.current?.averageValue ?? "0") : UNKNOWN;
        w.write(LEVEL_0, `:\t${current} / ${quantityString(src.target.averageValue)}\n`);
      } else {
        const u = status?.current?.averageUtilization;
        const current = u !== undefined ? `${u}% (${quantityString(status?.current?.averageValue ?? "0")})` : UNKNOWN;
        const target = src?.target?.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : "<auto>";
        w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`);
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(m.type)}>\n`);
  }
}

function writeBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? "Max"}\n`);
    w.write(LEVEL_2, "Policies:\n");
    for (const p of rules.policies!) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

type EventSearch = (env: DescribeEnv, obj: HorizontalPodAutoscaler) => Parameters<typeof describeEvents>[0];

/** The describer, given how describe finds an object's events. */
export const horizontalPodAutoscalerDescriber = (searchEvents: EventSearch): Describer => (env, namespace, name, settings) => {
  const hpa = toWire(env.api.get("horizontalpodautoscalers", namespace, name)) as HorizontalPodAutoscaler;
  const events = settings.showEvents ? searchEvents(env, hpa) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`);
    printLabelsMultiline(w, "Labels", hpa.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
    const ref = hpa.spec.scaleTargetRef;
    w.write(LEVEL_0, `Reference:\t${ref?.kind ?? ""}/${ref?.name ?? ""}\n`);
    w.write(LEVEL_0, "Metrics:\t( current / target )\n");
    const current = hpa.status?.currentMetrics ?? [];
    (hpa.spec.metrics ?? []).forEach((m, i) => writeMetric(w, m, current[i]));
    w.write(LEVEL_0, `Min replicas:\t${hpa.spec.minReplicas ?? "<unset>"}\n`);
    w.write(LEVEL_0, `Max replicas:\t${hpa.spec.maxReplicas ?? 0}\n`);
    if (hpa.spec.behavior) {
      w.write(LEVEL_0, "Behavior:\n");
      writeBehavior(w, "Scale Up", hpa.spec.behavior.scaleUp);
      writeBehavior(w, "Scale Down", hpa.spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${ref?.kind ?? ""} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    const conditions = hpa.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------\t-------\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
    if (events) describeEvents(events, w, env.nowMs);
  });
};
