// Per-ReplicaSet counts of the pods each one controls, kept up to date from
// the watch stream (what an informer index gives the real controller). A sync
// whose ReplicaSet has the right number of pods then reads its status from
// these counts instead of walking every pod: a 1,000-pod rollout syncs its
// ReplicaSets thousands of times. For scaling down, it also keeps each
// ReplicaSet's active matching pods and its active pods per node.
import { selectorFromLabelSelector, type Selector } from "../../api/labels.ts";
import type { ApiServer } from "../../api/server.ts";
import type { StoreEvent } from "../../api/store.ts";
import type { Pod, ReplicaSet } from "../../api/types.ts";
import { controllerRef } from "../controller-ref.ts";
import { isPodActive, isPodReady } from "../pod-util.ts";

export interface PodCounts {
  /** Every pod it controls, in any state. */
  owned: number;
  /** Active pods matching the selector: what status.replicas counts. */
  active: number;
  ready: number;
  fullyLabeled: number;
  /** Active pods it controls that no longer match its selector (to be released). */
  mismatched: number;
}

interface Facts {
  rs: string;
  pod: Pod;
  /** What matches and fullyLabeled were worked out from. */
  shape: Shape;
  labels: Record<string, string> | undefined;
  /** spec.nodeName, "" when unscheduled. */
  node: string;
  active: boolean;
  matches: boolean;
  ready: boolean;
  fullyLabeled: boolean;
}

interface Shape {
  resourceVersion: string;
  selector: Selector;
  templateLabels: Record<string, string>;
}

/** What the index knows of one ReplicaSet's pods. */
interface Entry {
  counts: PodCounts;
  /**
   * Its pods by uid, in the order they came under it: a pod keeps its place
   * when it changes, as in the store's own list of what an owner controls
   * (Store.listControlledBy), which this then mirrors.
   */
  owned: Map<string, Facts>;
  /** Active pods (matching or not) per node name. */
  activePerNode: Map<string, number>;
}

export class ReplicaSetPodIndex {
  private readonly facts = new Map<string, Facts>();
  private readonly entries = new Map<string, Entry>();
  private readonly shapes = new Map<string, Shape>();

  constructor(private readonly api: ApiServer) {}

  /** Feed every store event (pods and replicasets) through here. */
  observe(e: StoreEvent): void {
    if (e.resource === "pods") this.onPod(e.object as Pod, e.type === "DELETED");
    else if (e.resource === "replicasets") this.onReplicaSet(e.object as ReplicaSet, e.type === "DELETED");
  }

  /**
   * Counts for the ReplicaSet with `uid` (zeros when it controls nothing).
   * The index knows every pod of that ReplicaSet when `owned` is the number
   * of pods the store says it controls; the other answers hold only then.
   */
  get(uid: string): PodCounts {
    return this.entries.get(uid)?.counts ?? { owned: 0, active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 };
  }

  /**
   * The active pods matching the selector of the ReplicaSet with `uid` (what
   * claim() returns when it has nothing to adopt or release), in the store's order.
   */
  claimedPods(uid: string): Pod[] {
    const out: Pod[] = [];
    const entry = this.entries.get(uid);
    if (entry) for (const f of entry.owned.values()) if (f.active && f.matches) out.push(f.pod);
    return out;
  }

  /** Active pods per node name ("" for unscheduled) of the ReplicaSet with `uid`. */
  activePerNode(uid: string): ReadonlyMap<string, number> {
    return this.entries.get(uid)?.activePerNode ?? new Map();
  }

  private onPod(pod: Pod, gone: boolean): void {
    const uid = pod.metadata.uid!;
    const before = this.facts.get(uid);
    const facts = gone ? undefined : this.factsFor(pod, before);
    if (before && facts && before.rs === facts.rs) {
      // Still the same ReplicaSet's: the pod keeps its place. Most pod writes
      // are kubelet status steps that change nothing counted here.
      const entry = this.entries.get(facts.rs)!;
      if (!sameFacts(before, facts)) {
        count(entry, before, -1);
        count(entry, facts, 1);
      }
      entry.owned.set(uid, facts);
      this.facts.set(uid, facts);
      return;
    }
    if (before) {
      const entry = this.entries.get(before.rs)!;
      count(entry, before, -1);
      entry.owned.delete(uid);
      if (entry.owned.size === 0) this.entries.delete(before.rs);
      this.facts.delete(uid);
    }
    if (!facts) return;
    let entry = this.entries.get(facts.rs);
    if (!entry) {
      entry = { counts: { owned: 0, active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 }, owned: new Map(), activePerNode: new Map() };
      this.entries.set(facts.rs, entry);
    }
    count(entry, facts, 1);
    entry.owned.set(uid, facts);
    this.facts.set(uid, facts);
  }

  private factsFor(pod: Pod, before: Facts | undefined): Facts | undefined {
    const ref = controllerRef(pod);
    if (ref?.kind !== "ReplicaSet") return undefined;
    const shape = this.shape(pod.metadata.namespace!, ref.name, ref.uid);
    if (!shape) return undefined;
    // Status writes keep the stored labels object: what depends on the labels
    // (and the ReplicaSet's shape) alone is known already.
    const known = before && before.shape === shape && before.labels === pod.metadata.labels ? before : undefined;
    return factsOf(pod, ref.uid, shape, known);
  }

  private onReplicaSet(rs: ReplicaSet, gone: boolean): void {
    const uid = rs.metadata.uid!;
    if (gone) {
      this.shapes.delete(uid);
      return;
    }
    const known = this.shapes.get(uid);
    if (!known) return; // learnt lazily when one of its pods is seen
    const next = shapeOf(rs);
    if (sameLabels(known.templateLabels, next.templateLabels) && known.selector.toString() === next.selector.toString()) {
      known.resourceVersion = rs.metadata.resourceVersion!;
      return;
    }
    // Selector or template labels changed: recount its pods.
    this.shapes.set(uid, next);
    for (const pod of this.api.listControlledBy("pods", uid)) this.onPod(pod, false);
  }

  private shape(namespace: string, name: string, uid: string): Shape | undefined {
    const known = this.shapes.get(uid);
    if (known) return known;
    const rs = this.api.find("replicasets", namespace, name);
    if (!rs || rs.metadata.uid !== uid) return undefined;
    const shape = shapeOf(rs);
    this.shapes.set(uid, shape);
    return shape;
  }
}

/** Count (sign 1) or uncount (-1) a pod's facts in its ReplicaSet's entry. */
function count(entry: Entry, f: Facts, sign: 1 | -1): void {
  const c = entry.counts;
  c.owned += sign;
  if (!f.active) return;
  const n = (entry.activePerNode.get(f.node) ?? 0) + sign;
  if (n === 0) entry.activePerNode.delete(f.node);
  else entry.activePerNode.set(f.node, n);
  if (!f.matches) {
    c.mismatched += sign;
  } else {
    c.active += sign;
    if (f.ready) c.ready += sign;
    if (f.fullyLabeled) c.fullyLabeled += sign;
  }
}

function shapeOf(rs: ReplicaSet): Shape {
  return {
    resourceVersion: rs.metadata.resourceVersion!,
    selector: safeSelector(rs),
    templateLabels: rs.spec.template?.metadata?.labels ?? {},
  };
}

function safeSelector(rs: ReplicaSet): Selector {
  try {
    return selectorFromLabelSelector(rs.spec.selector);
  } catch {
    return selectorFromLabelSelector(null);
  }
}

function factsOf(pod: Pod, rs: string, shape: Shape, known: Facts | undefined): Facts {
  const labels = pod.metadata.labels;
  let fullyLabeled = true;
  let matches: boolean;
  if (known) {
    fullyLabeled = known.fullyLabeled;
    matches = known.matches;
  } else {
    for (const key in shape.templateLabels) if (labels?.[key] !== shape.templateLabels[key]) fullyLabeled = false;
    matches = shape.selector.matches(labels);
  }
  return {
    rs,
    pod,
    shape,
    labels,
    node: pod.spec.nodeName ?? "",
    active: isPodActive(pod),
    matches,
    ready: isPodReady(pod),
    fullyLabeled,
  };
}

function sameFacts(a: Facts, b: Facts): boolean {
  return (
    a.rs === b.rs &&
    a.node === b.node &&
    a.active === b.active &&
    a.matches === b.matches &&
    a.ready === b.ready &&
    a.fullyLabeled === b.fullyLabeled
  );
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
