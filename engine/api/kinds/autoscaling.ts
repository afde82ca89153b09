// HorizontalPodAutoscalers (autoscaling/v2, also served as autoscaling/v1,
// the version `kubectl autoscale` writes in 1.32).
import { DEFAULT_CPU_UTILIZATION, hpaFromV1, hpaToV1, type HorizontalPodAutoscalerV1 } from "../conversion/hpa-v1.ts";
import { horizontalPodAutoscalerTable } from "../printers/autoscaling.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { HorizontalPodAutoscaler, HPAScalingRules } from "../types.ts";
import { validateHorizontalPodAutoscaler, validateHorizontalPodAutoscalerUpdate } from "../validation/autoscaling.ts";

const SCALE_UP_DEFAULTS: Required<HPAScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max",
  policies: [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ],
};
// No stabilization window: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
const SCALE_DOWN_DEFAULTS: HPAScalingRules = { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };

function withDefaults(rules: HPAScalingRules | undefined, defaults: HPAScalingRules): HPAScalingRules {
  const out: HPAScalingRules = {};
  const w = rules?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds;
  if (w !== undefined) out.stabilizationWindowSeconds = w;
  out.selectPolicy = rules?.selectPolicy ?? defaults.selectPolicy;
  out.policies = rules?.policies ?? defaults.policies!.map((p) => ({ ...p }));
  return out;
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2, 1.32). */
export function defaultHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): void {
  const spec = hpa.spec;
  if (!spec || typeof spec !== "object") return;
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  // Behavior is filled in only when the client gave one.
  if (spec.behavior) {
    spec.behavior = { scaleUp: withDefaults(spec.behavior.scaleUp, SCALE_UP_DEFAULTS), scaleDown: withDefaults(spec.behavior.scaleDown, SCALE_DOWN_DEFAULTS) };
  }
}

export const horizontalpodautoscalers: ResourceType<HorizontalPodAutoscaler> & StrategyHooks<HorizontalPodAutoscaler> = {
  group: "autoscaling",
  version: "v2",
  otherVersions: [
    {
      version: "v1",
      fromStored: (obj) => hpaToV1(obj as HorizontalPodAutoscaler),
      toStored: (obj) => hpaFromV1(obj as unknown as HorizontalPodAutoscalerV1),
    },
  ],
  kind: "HorizontalPodAutoscaler",
  resource: "horizontalpodautoscalers",
  singular: "horizontalpodautoscaler",
  shortNames: ["hpa"],
  namespaced: true,
  categories: ["all"],
  hasStatus: true,
  hasGeneration: false,
  defaults: defaultHorizontalPodAutoscaler,
  validate: validateHorizontalPodAutoscaler,
  validateUpdate: validateHorizontalPodAutoscalerUpdate,
  table: horizontalPodAutoscalerTable,
  prepareForCreate(hpa) {
    // The registry strategy resets status on create.
    hpa.status = { desiredReplicas: 0 };
  },
};
