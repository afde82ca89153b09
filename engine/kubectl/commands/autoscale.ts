// `kubectl autoscale` (kubectl pkg/cmd/autoscale, v1.32): for each object the
// command line names, an autoscaling/v1 HorizontalPodAutoscaler with the
// object as its scale target, created through the v1 API (as the 1.32 client
// does) and printed as the server answered it.
import { fromServedVersion, toServedVersion, type ResourceType, type StrategyHooks } from "../../api/registry.ts";
import type { HorizontalPodAutoscalerV1 } from "../../api/conversion/hpa-v1.ts";
import type { HorizontalPodAutoscaler, KubeObject } from "../../api/types.ts";
import type { Command, Invocation } from "../command.ts";
import type { FlagDef } from "../flags.ts";
import { KubectlError } from "../types.ts";
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, operationPrinter, PRINT_FLAGS, SAVE_CONFIG_FLAG, withApplyAnnotation, type DryRun } from "../write.ts";
import { CHANGE_CAUSE, changeCause, fetchTargets, filenameFlags, objectPrinter, RECORD_FLAG, recording, visitAll } from "./mutation.ts";

const RESOURCE = "horizontalpodautoscalers";

const FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  {
    name: "cpu-percent",
    type: "int32",
    default: "-1",
    usage:
      "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.",
  },
  DRY_RUN_FLAG,
  fieldManagerFlag("kubectl-autoscale"),
  ...filenameFlags("identifying the resource to autoscale."),
  { name: "max", type: "int32", default: "-1", usage: "The upper limit for the number of pods that can be set by the autoscaler. Required." },
  {
    name: "min",
    type: "int32",
    default: "-1",
    usage: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.",
  },
  { name: "name", type: "string", usage: "The name for the newly created object. If not specified, the name of the input resource will be used." },
  RECORD_FLAG,
  SAVE_CONFIG_FLAG,
];

/** What `kubectl autoscale` builds for one target (createHorizontalPodAutoscaler). */
function autoscalerFor(inv: Invocation, type: ResourceType, refName: string): HorizontalPodAutoscalerV1 {
  const f = inv.flags;
  const min = f.int("min");
  const cpu = f.int("cpu-percent");
  const spec: HorizontalPodAutoscalerV1["spec"] = {
    scaleTargetRef: { kind: type.kind, name: refName, apiVersion: type.group ? `${type.group}/${type.version}` : type.version },
    maxReplicas: f.int("max"),
  };
  if (min > 0) spec.minReplicas = min;
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  const name = f.string("name") || refName;
  return {
    kind: "HorizontalPodAutoscaler",
    apiVersion: "autoscaling/v1",
    metadata: { name, creationTimestamp: null as unknown as string },
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

/**
 * The printer kubectl makes after each create: a bad -o fails only then (the
 * autoscaler already exists). The typed client's object prints its JSON in
 * struct order.
 */
function print(inv: Invocation, dryRun: DryRun, operation: string, obj: KubeObject): void {
  const printer = objectPrinter(inv, dryRun);
  if (inv.flags.string("output") === "json") operationPrinter(inv, operation, dryRun, { typed: true })(obj);
  else printer.print(obj, operation);
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags;
  // cobra checks required flags before the command runs.
  if (!f.changedFlag("max")) throw new KubectlError('required flag(s) "max" not set');
  const dryRun = dryRunStrategy(inv);
  const max = f.int("max");
  const min = f.int("min");
  if (max < 1) throw new KubectlError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);

  const { entries } = fetchTargets(inv, { args: inv.args, filenames: f.strings("filename") });
  const api = inv.ctx.api;
  const hpaType = api.registry.get(RESOURCE)!;
  let count = 0;
  await visitAll(entries, (t) => {
    if (!(t.type as ResourceType & StrategyHooks).scalable) {
      const gv = t.type.group ? `${t.type.group}/${t.type.version}` : `/${t.type.version}`;
      throw new KubectlError(`cannot autoscale a ${t.type.kind}: could not find scale subresource for ${gv}, Resource=${t.type.resource} in discovery information`);
    }
    let hpa = autoscalerFor(inv, t.type, t.name) as unknown as KubeObject;
    if (recording(inv)) hpa.metadata.annotations = { ...hpa.metadata.annotations, [CHANGE_CAUSE]: changeCause(inv) };
    if (dryRun === "client") {
      count++;
      print(inv, dryRun, "created", hpa);
      return;
    }
    if (f.bool("save-config")) hpa = withApplyAnnotation(hpa, true);
    const created = api.create(RESOURCE, fromServedVersion(hpaType, "v1", hpa) as HorizontalPodAutoscaler, { namespace: inv.namespace, dryRun: dryRun === "server" });
    count++;
    print(inv, dryRun, "autoscaled", toServedVersion(hpaType, "v1", created));
  });
  if (count === 0) throw new KubectlError("no objects passed to autoscale");
  return 0;
}

export const autoscaleCommand: Command = {
  name: "autoscale",
  short: "Auto-scale a deployment, replica set, stateful set, or replication controller",
  long: `Create an autoscaler that keeps the number of pods of a workload between a minimum and a maximum, adding and removing pods as the load changes.

 Name a deployment, replica set, stateful set or replication controller; the autoscaler is created with that object as its target and scales it through its scale subresource.`,
  example: `  # Keep the deployment web between 2 and 10 pods, with the default CPU target
  kubectl autoscale deployment web --min=2 --max=10
  
  # Keep the replica set web-5d8f between 1 and 5 pods, aiming at 80% of the requested CPU
  kubectl autoscale rs web-5d8f --max=5 --cpu-percent=80`,
  use: "autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]",
  flags: FLAGS,
  run,
};
