// The kubelets of the cluster: one per node, started for the nodes that exist
// and for any node added later. The options are the data a lesson may change:
// stage durations, extra images or image behaviours, forced probe results.
import type { ComponentContext } from "../context.ts";
import { BUILTIN_IMAGES, ImageCatalogue, type ImageRecord } from "./images.ts";
import { Kubelet, type KubeletShared } from "./kubelet.ts";
import type { ProbeOverride } from "./probes.ts";
import { DEFAULT_TIMINGS, type KubeletTimings } from "./timings.ts";

export interface KubeletOptions {
  timings?: Partial<KubeletTimings>;
  /** Images added to (or replacing, by repository) the built-in catalogue. */
  images?: readonly ImageRecord[];
  /** Probe results a lesson forces; the array may be changed while the cluster runs. */
  probeOverrides?: ProbeOverride[];
  /** Let images the catalogue lacks pull and run (default: the registry refuses them, as a real one would). */
  allowUnknownImages?: boolean;
}

export interface Kubelets {
  /** The live shared data: change `probeOverrides` or `timings` to change every node's behaviour. */
  readonly shared: KubeletShared;
  kubelet(nodeName: string): Kubelet | undefined;
  stop(): void;
}

export function sharedKubeletData(options: KubeletOptions = {}): KubeletShared {
  return {
    timings: { ...DEFAULT_TIMINGS, ...options.timings },
    catalogue: new ImageCatalogue([...BUILTIN_IMAGES, ...(options.images ?? [])]),
    allowUnknownImages: options.allowUnknownImages ?? false,
    probeOverrides: options.probeOverrides ?? [],
  };
}

/** One kubelet for one node. */
export function startKubelet(ctx: ComponentContext, nodeName: string, options: KubeletOptions | KubeletShared = {}): Kubelet {
  const shared = "catalogue" in options ? options : sharedKubeletData(options);
  return new Kubelet(ctx, nodeName, shared);
}

/** A kubelet for every node, now and as nodes are added. */
const REGISTER = "kubelet-register";

export function startKubelets(ctx: ComponentContext, options: KubeletOptions = {}): Kubelets {
  const shared = sharedKubeletData(options);
  const kubelets = new Map<string, Kubelet>();
  const start = (name: string) => {
    if (!kubelets.has(name)) kubelets.set(name, new Kubelet(ctx, name, shared));
  };
  for (const node of ctx.api.list("nodes").items) start(node.metadata.name!);
  ctx.clock.on(REGISTER, (name) => {
    if (ctx.api.find("nodes", undefined, name)) start(name);
  });
  const unwatch = ctx.api.watch("nodes", {}, (e) => {
    // A new node's kubelet starts in a clock task, never inside the watch callback.
    if (e.type === "ADDED" && !kubelets.has(e.object.metadata.name!)) ctx.clock.schedule(REGISTER, e.object.metadata.name!, 0);
    if (e.type === "DELETED") {
      kubelets.get(e.object.metadata.name!)?.stop();
      kubelets.delete(e.object.metadata.name!);
    }
  });
  return {
    shared,
    kubelet: (name) => kubelets.get(name),
    stop() {
      unwatch();
      for (const k of kubelets.values()) k.stop();
    },
  };
}

export { nodeObjects, registerNodes, CONTROL_PLANE_NODE, KUBELET_VERSION } from "./node.ts";
export type { ImageRecord } from "./images.ts";
export type { ProbeOverride } from "./probes.ts";
export type { KubeletTimings } from "./timings.ts";
