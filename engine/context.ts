// What every simulated component (controllers, scheduler, kubelets) is given.
// Components talk to the API server only, never to each other, and do their
// work in clock tasks so that nothing runs while nothing is scheduled.
import type { ApiServer } from "./api/server.ts";
import type { EventRecorder } from "./client/events.ts";
import type { Clock } from "./sim/clock.ts";
import type { Random } from "./sim/random.ts";

export interface ComponentContext {
  api: ApiServer;
  clock: Clock;
  random: Random;
  recorder: EventRecorder;
  /** Report a bug inside a component without stopping the cluster (a real controller logs and requeues). */
  reportError(component: string, err: unknown): void;
}

/** How long after a change a watching component acts (informer and queue latency). */
export const REACTION_MS = {
  deployment: 5,
  replicaset: 5,
  garbagecollector: 5,
  namespace: 5,
  scheduler: 10,
  endpoints: 5,
  endpointslice: 5,
} as const;
