// How long each step of a pod's life takes on the simulated node: the stage
// durations the kubelet walks (kwok-style data). Change a number here, or pass
// KubeletOptions.timings, to make every node faster or slower.

export interface KubeletTimings {
  /** From a pod being bound to the kubelet acting on it (watch latency). */
  reactionMs: number;
  /** RunPodSandbox plus the CNI ADD that gives the pod its IP. */
  sandboxMs: number;
  /** CreateContainer. */
  createContainerMs: number;
  /** StartContainer, until the process runs. */
  startContainerMs: number;
  /** PLEG relist period: how soon an exited container is noticed and acted on. */
  relistMs: number;
  /** Pod worker re-sync while a container is in a back-off (each one repeats the BackOff event). */
  resyncMs: number;
  /** From the final status of a deleted pod to the kubelet's delete call (volume clean-up). */
  cleanupMs: number;
  /** The kubelet never kills a container with less grace than this (minimumGracePeriodInSeconds). */
  minKillGraceMs: number;
  /** Image pull and container restart back-off: initial, cap, and the quiet time that resets it. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  backoffResetMs: number;
}

export const DEFAULT_TIMINGS: Readonly<KubeletTimings> = {
  reactionMs: 20,
  sandboxMs: 1_100,
  createContainerMs: 120,
  startContainerMs: 180,
  relistMs: 1_000,
  resyncMs: 10_000,
  cleanupMs: 500,
  minKillGraceMs: 2_000,
  backoffInitialMs: 10_000,
  backoffMaxMs: 300_000,
  backoffResetMs: 600_000,
};
