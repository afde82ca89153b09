// TriggerTimeTracker (k8s.io/endpointslice/util): the value of the
// endpoints.kubernetes.io/last-change-trigger-time annotation. For a service
// seen for the first time, its creation time; afterwards, the earliest of the
// trigger times that moved since the last sync (a pod's Ready transition, the
// service's creation), or none when nothing moved.
import type { Pod, Service } from "../../api/types.ts";
import { parseTime } from "../../util/time.ts";
import { podReadyCondition } from "../pod-util.ts";

export const LAST_CHANGE_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";

interface State {
  pods: Map<string, number>;
  service: number;
}

/** When the pod's Ready condition last changed (NaN without one). */
function readyTime(pod: Pod): number {
  return parseTime(podReadyCondition(pod)?.lastTransitionTime);
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, State>();

  /** The trigger time for this sync of `svc` (ms), or undefined for none. */
  compute(svc: Service, pods: readonly Pod[]): number | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    let state = this.states.get(key);
    const known = state !== undefined;
    if (!state) this.states.set(key, (state = { pods: new Map(), service: 0 }));
    // The pods' last trigger times are updated in place: a sync with a
    // thousand pods allocates nothing when none of them moved.
    let min: number | undefined;
    let withTime = 0;
    for (const pod of pods) {
      const t = readyTime(pod);
      if (Number.isNaN(t)) continue;
      withTime++;
      const before = state.pods.get(pod.metadata.name!);
      if (before === undefined || t > before) min = min === undefined ? t : Math.min(min, t);
      if (before !== t) state.pods.set(pod.metadata.name!, t);
    }
    if (state.pods.size !== withTime) {
      // Pods left (or lost their Ready condition): forget them.
      const names = new Set<string>();
      for (const pod of pods) if (!Number.isNaN(readyTime(pod))) names.add(pod.metadata.name!);
      for (const name of state.pods.keys()) if (!names.has(name)) state.pods.delete(name);
    }
    const serviceTime = parseTime(svc.metadata.creationTimestamp);
    if (!Number.isNaN(serviceTime) && (!known || serviceTime > state.service)) {
      min = min === undefined ? serviceTime : Math.min(min, serviceTime);
    }
    state.service = Number.isNaN(serviceTime) ? 0 : serviceTime;
    if (!known) return Number.isNaN(serviceTime) ? undefined : serviceTime;
    return min;
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}
