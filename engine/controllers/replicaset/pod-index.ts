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
  uid: string;
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
  /** Uids of the active pods matching the selector (what claim() returns). */
  claimed: Set<string>;
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

  /** Counts for the ReplicaSet with `uid` (zeros when it controls nothing). */
  get(uid: string): PodCounts {
    return this.entries.get(uid)?.counts ?? { owned: 0, active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 };
  }

  /**
   * The uids of the active pods matching the selector of the ReplicaSet with
   * `uid` (what claim() returns). The index knows every pod of that ReplicaSet
   * when get(uid).owned is the number of pods the store says it controls.
   */
  claimedUids(uid: string): ReadonlySet<string> {
    return this.entries.get(uid)?.claimed ?? new Set();
  }

  /** Active pods per node name ("" for unscheduled) of the ReplicaSet with `uid`; same caveat. */
  activePerNode(uid: string): ReadonlyMap<string, number> {
    return this.entries.get(uid)?.activePerNode ?? new Map();
  }

  private onPod(pod: Pod, gone: boolean): void {
    const uid = pod.metadata.uid!;
    const before = this.facts.get(uid);
    const facts = gone ? undefined : this.factsFor(pod, before);
    // Most pod writes are kubelet status steps that change nothing counted here.
    if (before && facts && sameFacts(before, facts)) {
      this.facts.set(uid, facts);
      return;
    }
    if (before) this.add(before, -1);
    this.facts.delete(uid);
    if (!facts) return;
    this.facts.set(uid, facts);
    this.add(facts, 1);
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

  private add(f: Facts, sign: 1 | -1): void {
    let entry = this.entries.get(f.rs);
    if (!entry) {
      entry = { counts: { owned: 0, active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 }, claimed: new Set(), activePerNode: new Map() };
      this.entries.set(f.rs, entry);
    }
    const c = entry.counts;
    c.owned += sign;
    if (f.active) {
      const n = (entry.activePerNode.get(f.node) ?? 0) + sign;
      if (n === 0) entry.activePerNode.delete(f.node);
      else entry.activePerNode.set(f.node, n);
    }
    if (f.active && !f.matches) {
      c.mismatched += sign;
    } else if (f.active) {
      c.active += sign;
      if (f.ready) c.ready += sign;
      if (f.fullyLabeled) c.fullyLabeled += sign;
      if (sign > 0) entry.claimed.add(f.uid);
      else entry.claimed.delete(f.uid);
    }
    if (c.owned === 0) this.entries.delete(f.rs);
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
    uid: pod.metadata.uid!,
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
