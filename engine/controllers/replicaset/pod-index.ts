// Per-ReplicaSet counts of the pods each one controls, kept up to date from
// the watch stream (what an informer index gives the real controller). A sync
// whose ReplicaSet has the right number of pods then reads its status from
// these counts instead of walking every pod: a 1,000-pod rollout syncs its
// ReplicaSets thousands of times.
import { selectorFromLabelSelector, type Selector } from "../../api/labels.ts";
import type { ApiServer } from "../../api/server.ts";
import type { StoreEvent } from "../../api/store.ts";
import type { Pod, ReplicaSet } from "../../api/types.ts";
import { controllerRef } from "../controller-ref.ts";
import { isPodActive, isPodReady } from "../pod-util.ts";

export interface PodCounts {
  /** Active pods matching the selector: what status.replicas counts. */
  active: number;
  ready: number;
  fullyLabeled: number;
  /** Active pods it controls that no longer match its selector (to be released). */
  mismatched: number;
}

interface Facts {
  rs: string;
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

export class ReplicaSetPodIndex {
  private readonly facts = new Map<string, Facts>();
  private readonly counts = new Map<string, PodCounts>();
  private readonly shapes = new Map<string, Shape>();

  constructor(private readonly api: ApiServer) {}

  /** Feed every store event (pods and replicasets) through here. */
  observe(e: StoreEvent): void {
    if (e.resource === "pods") this.onPod(e.object as Pod, e.type === "DELETED");
    else if (e.resource === "replicasets") this.onReplicaSet(e.object as ReplicaSet, e.type === "DELETED");
  }

  /** Counts for the ReplicaSet with `uid` (zeros when it controls nothing). */
  get(uid: string): PodCounts {
    return this.counts.get(uid) ?? { active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 };
  }

  private onPod(pod: Pod, gone: boolean): void {
    const uid = pod.metadata.uid!;
    const before = this.facts.get(uid);
    if (before) this.add(before, -1);
    this.facts.delete(uid);
    if (gone) return;
    const ref = controllerRef(pod);
    if (ref?.kind !== "ReplicaSet") return;
    const shape = this.shape(pod.metadata.namespace!, ref.name, ref.uid);
    if (!shape) return;
    const facts = factsOf(pod, ref.uid, shape);
    this.facts.set(uid, facts);
    this.add(facts, 1);
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
    let c = this.counts.get(f.rs);
    if (!c) this.counts.set(f.rs, (c = { active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 }));
    if (!f.active) return;
    if (!f.matches) {
      c.mismatched += sign;
    } else {
      c.active += sign;
      if (f.ready) c.ready += sign;
      if (f.fullyLabeled) c.fullyLabeled += sign;
    }
    if (c.active === 0 && c.mismatched === 0 && c.ready === 0 && c.fullyLabeled === 0) this.counts.delete(f.rs);
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

function factsOf(pod: Pod, rs: string, shape: Shape): Facts {
  const labels = pod.metadata.labels;
  let fullyLabeled = true;
  for (const key in shape.templateLabels) if (labels?.[key] !== shape.templateLabels[key]) fullyLabeled = false;
  return { rs, active: isPodActive(pod), matches: shape.selector.matches(labels), ready: isPodReady(pod), fullyLabeled };
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
