// What the Kubernetes API sub-app serves: one simulated cluster's API server,
// and how time passes for it. A session wraps a Cluster (virtual time follows
// the wall clock); a test may hand in a bare ApiServer whose clock it drives.
import type { ApiServer } from "../../engine/api/server.ts";

export interface K8sBackend {
  readonly api: ApiServer;
  /** Virtual time, ms since the epoch (node leases are renewed by it). */
  now(): number;
  /** Bring virtual time up to date; called before each request is handled. */
  sync?(): void;
  /**
   * A watch is open: keep virtual time moving (a timer) until the returned
   * function is called. Without it, time only moves when requests arrive.
   */
  hold?(): () => void;
}
