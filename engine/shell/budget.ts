// Every line a learner runs gets a bounded amount of work: regex steps, awk
// statements, loop iterations, sort comparisons. A runaway line (a catastrophic
// pattern, `while true`) stops with SIGXCPU's message instead of freezing the
// server that hosts the simulator.

export class CpuLimitExceeded extends Error {
  constructor() {
    super("CPU time limit exceeded");
    this.name = "CpuLimitExceeded";
  }
}

export class CpuBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  /** Account for `n` units of work; throws CpuLimitExceeded when the line has used its share. */
  spend(n = 1): void {
    this.used += n;
    if (this.used > this.limit) throw new CpuLimitExceeded();
  }

  get spent(): number {
    return this.used;
  }
}

/** A budget that never runs out, for callers outside a shell line (tests, one-off matches). */
export const UNLIMITED: CpuBudget = new CpuBudget(Number.POSITIVE_INFINITY);
