// Score plugins of the default profile, with their default weights:
// TaintToleration 3, NodeAffinity 2, PodTopologySpread 2 (the system default
// constraints: spread pods of one owner over hostnames), NodeResourcesFit 1
// (LeastAllocated), NodeResourcesBalancedAllocation 1, ImageLocality 1.
// InterPodAffinity scores 0 without pod affinity terms and is left out.
import type { Node, Pod } from "../api/types.ts";
import { controllerUid } from "../api/store.ts";
import { preferredAffinityScore, tolerationsTolerate } from "./filters.ts";
import type { NodeInfo } from "./node-info.ts";
import type { Resources } from "./resources.ts";

const MAX = 100;
const MB = 1024 * 1024;
const IMAGE_MIN_THRESHOLD = 23 * MB;
const IMAGE_MAX_CONTAINER_THRESHOLD = 1000 * MB;

export interface NodeScore {
  name: string;
  total: number;
}

function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX * s) / max);
    return reverse ? MAX - v : v;
  });
}

function taintScores(pod: Pod, nodes: NodeInfo[]): number[] {
  const tolerations = (pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
  const counts = nodes.map(
    (n) => (n.node.spec.taints ?? []).filter((t) => t.effect === "PreferNoSchedule" && !tolerationsTolerate(tolerations, t)).length,
  );
  return defaultNormalize(counts, true);
}

function leastAllocated(info: NodeInfo, podNonZero: Resources): number {
  const pairs: Array<[number, number]> = [
    [info.nonZeroRequested.milliCPU + podNonZero.milliCPU, info.allocatable.milliCPU],
    [info.nonZeroRequested.memory + podNonZero.memory, info.allocatable.memory],
  ];
  let sum = 0;
  let weights = 0;
  for (const [requested, capacity] of pairs) {
    if (capacity === 0) continue;
    sum += requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX) / capacity);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

function balanced(info: NodeInfo, podExact: Resources): number {
  // Best-effort pods are not scored by this plugin (it would pile them onto one node).
  if (podExact.milliCPU === 0 && podExact.memory === 0) return 0;
  const fractions: number[] = [];
  const pairs: Array<[number, number]> = [
    [info.requested.milliCPU + podExact.milliCPU, info.allocatable.milliCPU],
    [info.requested.memory + podExact.memory, info.allocatable.memory],
  ];
  for (const [requested, capacity] of pairs) if (capacity > 0) fractions.push(Math.min(1, requested / capacity));
  const std = fractions.length === 2 ? Math.abs((fractions[0]! - fractions[1]!) / 2) : 0;
  return Math.trunc((1 - std) * MAX);
}

function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

interface ClusterImages {
  /** The node objects these figures were computed from, in order. */
  nodes: Node[];
  sizes: Map<string, number>;
  spread: Map<string, number>;
}

/**
 * Image sizes and spread over all nodes, by the scheduler's NodeInfo list.
 * Node objects are frozen and replaced on every write, so the figures stay
 * valid while the list holds the same node objects; any other node is a
 * recount.
 */
const clusterImages = new WeakMap<NodeInfo[], ClusterImages>();
/** The image names on a node (a frozen node object never changes). */
const nodeImages = new WeakMap<Node, Set<string>>();

function imagesOf(allNodes: NodeInfo[]): ClusterImages {
  const known = clusterImages.get(allNodes);
  if (known && known.nodes.length === allNodes.length && known.nodes.every((node, i) => node === allNodes[i]!.node)) return known;
  const sizes = new Map<string, number>();
  const spread = new Map<string, number>();
  for (const n of allNodes) {
    for (const img of n.node.status?.images ?? []) {
      for (const name of img.names) {
        sizes.set(name, img.sizeBytes);
        spread.set(name, (spread.get(name) ?? 0) + 1);
      }
    }
  }
  const images = { nodes: allNodes.map((n) => n.node), sizes, spread };
  clusterImages.set(allNodes, images);
  return images;
}

function imagesOn(node: Node): Set<string> {
  let here = nodeImages.get(node);
  if (!here) {
    here = new Set((node.status?.images ?? []).flatMap((i) => i.names));
    if (Object.isFrozen(node)) nodeImages.set(node, here);
  }
  return here;
}

function imageScores(pod: Pod, nodes: NodeInfo[], allNodes: NodeInfo[]): number[] {
  const { sizes, spread } = imagesOf(allNodes);
  const containers = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  return nodes.map((n) => {
    const here = imagesOn(n.node);
    let sum = 0;
    for (const c of containers) {
      const name = normalizedImageName(c.image ?? "");
      if (here.has(name)) sum += Math.trunc((sizes.get(name) ?? 0) * ((spread.get(name) ?? 0) / allNodes.length));
    }
    const maxThreshold = IMAGE_MAX_CONTAINER_THRESHOLD * containers.length;
    sum = Math.min(Math.max(sum, IMAGE_MIN_THRESHOLD), maxThreshold);
    return Math.trunc((MAX * (sum - IMAGE_MIN_THRESHOLD)) / (maxThreshold - IMAGE_MIN_THRESHOLD));
  });
}

/**
 * The system default topology spread (hostname, maxSkew 3, ScheduleAnyway) for a
 * pod with an owner: fewer pods of the same owner on a node score higher.
 */
function spreadScores(pod: Pod, nodes: NodeInfo[]): number[] {
  const owner = controllerUid(pod);
  if (!owner || (pod.spec.topologySpreadConstraints?.length ?? 0) > 0) return nodes.map(() => 0);
  const weight = Math.log(nodes.length + 2);
  const maxSkew = 3;
  const raw = nodes.map((n) => Math.round((n.ownerCounts.get(owner) ?? 0) * weight + (maxSkew - 1)));
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  return raw.map((s) => (max === 0 ? MAX : Math.trunc((MAX * (max + min - s)) / max)));
}

export function scoreNodes(
  pod: Pod,
  feasible: NodeInfo[],
  allNodes: NodeInfo[],
  request: { exact: Resources; nonZero: Resources },
): NodeScore[] {
  const taint = taintScores(pod, feasible);
  const affinity = defaultNormalize(
    feasible.map((n) => preferredAffinityScore(pod, n.node)),
    false,
  );
  const spread = spreadScores(pod, feasible);
  const images = imageScores(pod, feasible, allNodes);
  return feasible.map((n, i) => ({
    name: n.name,
    total:
      3 * taint[i]! +
      2 * affinity[i]! +
      2 * spread[i]! +
      leastAllocated(n, request.nonZero) +
      balanced(n, request.exact) +
      images[i]!,
  }));
}
