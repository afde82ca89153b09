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

export class TriggerTimeTracker {
  private readonly states = new Map<string, State>();

  /** The trigger time for this sync of `svc` (ms), or undefined for none. */
  compute(svc: Service, pods: readonly Pod[]): number | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = parseTime(podReadyCondition(pod)?.lastTransitionTime);
      if (Number.isNaN(t)) continue;
      podTimes.set(pod.metadata.name!, t);
      const before = state?.pods.get(pod.metadata.name!);
      if (before === undefined || t > before) min = min === undefined ? t : Math.min(min, t);
    }
    const serviceTime = parseTime(svc.metadata.creationTimestamp);
    if (!Number.isNaN(serviceTime) && (state === undefined || serviceTime > state.service)) {
      min = min === undefined ? serviceTime : Math.min(min, serviceTime);
    }
    this.states.set(key, { pods: podTimes, service: Number.isNaN(serviceTime) ? 0 : serviceTime });
    if (!state) return Number.isNaN(serviceTime) ? undefined : serviceTime;
    return min;
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}
