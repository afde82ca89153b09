// The text of a scheduling failure (framework.FitError.Error in 1.32): a
// histogram of reasons over all nodes, sorted as strings, then what the
// DefaultPreemption PostFilter found. The same text goes into the
// FailedScheduling event and the PodScheduled condition.
import type { Pod } from "../api/types.ts";
import type { FilterStatus } from "./filters.ts";

export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";
const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
const NO_VICTIMS = "No preemption victims found for incoming pod";

function histogram(total: number, statuses: ReadonlyArray<{ reasons: readonly string[] }>): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.length > 0 ? `0/${total} nodes are available: ${parts.join(", ")}.` : `0/${total} nodes are available:`;
}

/**
 * What preemption says for each node: nodes a filter rejected for good are not
 * helped by evicting pods; on the others, only pods of lower priority could be
 * evicted (and with every pod at priority 0 there are none).
 */
function preemptionMessage(pod: Pod, statuses: readonly FilterStatus[], lowerPriorityPods: (i: number) => number): string {
  if (pod.spec.preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
  const perNode = statuses.map((s, i) => {
    if (s.code === "UnschedulableAndUnresolvable") return { reasons: [PREEMPTION_NOT_HELPFUL] };
    if (lowerPriorityPods(i) === 0) return { reasons: [NO_VICTIMS] };
    // Evicting lower-priority pods could make room; the simulator does not preempt, so the node keeps its reasons.
    return { reasons: s.reasons };
  });
  return `preemption: ${histogram(statuses.length, perNode)}`;
}

export function fitErrorMessage(pod: Pod, statuses: readonly FilterStatus[], lowerPriorityPods: (i: number) => number): string {
  if (statuses.length === 0) return NO_NODES_AVAILABLE;
  return `${histogram(statuses.length, statuses)} ${preemptionMessage(pod, statuses, lowerPriorityPods)}`;
}
