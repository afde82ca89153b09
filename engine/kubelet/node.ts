// The cluster's Node objects as a kubeadm-built 1.32 cluster with containerd
// and flannel shows them: a tainted control-plane node and N workers, their
// capacity, allocatable (capacity less the kubelet's hard eviction
// thresholds), conditions, addresses and system info. Everything random comes
// from the cluster's seed. Conditions carry the creation time as their
// heartbeat: the simulation sends no heartbeats, so an idle cluster stays idle.
import type { ApiServer } from "../api/server.ts";
import type { Node } from "../api/types.ts";
import { formatQuantity, quantityOf } from "../api/quantity.ts";
import type { Random } from "../sim/random.ts";
import { rfc3339 } from "../util/time.ts";
import { ImageCatalogue, isPullFailure } from "./images.ts";
import { randomHex32 } from "./ids.ts";
import { parseImageReference } from "./reference.ts";

export const CONTROL_PLANE_NODE = "control-plane";
export const KUBELET_VERSION = "v1.32.5";
export const CONTAINER_RUNTIME_VERSION = "containerd://1.7.24";
export const CONTROL_PLANE_TAINT = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" } as const;

export interface NodeOptions {
  /** Worker nodes besides the control plane (default 3). */
  workers?: number;
  random: Random;
  /** Creation time of the nodes (their condition timestamps). */
  nowMs: number;
  /** Hardware of every node. */
  cpu?: number;
  /** Memory the machine reports, in KiB (an "8 GiB" VM reports a little less). */
  memoryKi?: number;
  /** Root filesystem size, in KiB. */
  diskKi?: number;
}

const DEFAULT_MEMORY_KI = 8_148_740;
const DEFAULT_DISK_KI = 101_430_960;
/** --eviction-hard defaults: memory.available<100Mi, nodefs.available<10% (a float32 in the kubelet). */
const EVICTION_MEMORY_KI = 102_400;
const EVICTION_NODEFS_FRACTION = Math.fround(0.1);

const WORKER_IMAGES = [
  "registry.k8s.io/kube-proxy:v1.32.5",
  "docker.io/flannel/flannel:v0.26.1",
  "docker.io/flannel/flannel-cni-plugin:v1.6.0-flannel1",
  "registry.k8s.io/pause:3.10",
];
const CONTROL_PLANE_IMAGES = [
  ...WORKER_IMAGES,
  "registry.k8s.io/etcd:3.5.16-0",
  "registry.k8s.io/kube-apiserver:v1.32.5",
  "registry.k8s.io/kube-controller-manager:v1.32.5",
  "registry.k8s.io/kube-scheduler:v1.32.5",
  "registry.k8s.io/coredns/coredns:v1.11.3",
];

/** The nodes to create, control plane first, then `node-1` … `node-N`. */
export function nodeObjects(options: NodeOptions): Node[] {
  const workers = options.workers ?? 3;
  const nodes = [buildNode(CONTROL_PLANE_NODE, 0, true, options)];
  for (let i = 1; i <= workers; i++) nodes.push(buildNode(`node-${i}`, i, false, options));
  return nodes;
}

/**
 * Create the nodes as kubelets register them: the Node object, then its status
 * (an API server that resets status on create gets it through the status subresource).
 */
export function registerNodes(api: ApiServer, nodes: readonly Node[]): void {
  for (const node of nodes) {
    const created = api.create("nodes", node);
    if (!created.status?.addresses) api.updateStatus("nodes", { ...created, status: node.status });
  }
}

/** The InternalIP of the node with index `i` (control plane 0). */
export function nodeInternalIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

function buildNode(name: string, index: number, controlPlane: boolean, o: NodeOptions): Node {
  const random = o.random;
  const at = rfc3339(o.nowMs);
  const ip = nodeInternalIP(index);
  const cidr = `10.244.${index}.0/24`;
  const memoryKi = o.memoryKi ?? DEFAULT_MEMORY_KI;
  const diskBytes = BigInt(o.diskKi ?? DEFAULT_DISK_KI) * 1024n;
  const evictDisk = BigInt(Math.trunc(Number(diskBytes) * EVICTION_NODEFS_FRACTION));
  const capacity: Record<string, string> = {
    cpu: String(o.cpu ?? 4),
    "ephemeral-storage": formatQuantity(quantityOf(diskBytes, "BinarySI")),
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: `${memoryKi}Ki`,
    pods: "110",
  };
  const allocatable = {
    ...capacity,
    "ephemeral-storage": formatQuantity(quantityOf(diskBytes - evictDisk, "BinarySI")),
    memory: `${memoryKi - EVICTION_MEMORY_KI}Ki`,
  };
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
  };
  if (controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  const mac = Array.from({ length: 6 }, (_, i) => {
    const byte = random.int(256);
    return (i === 0 ? (byte & 0xfe) | 0x02 : byte).toString(16).padStart(2, "0");
  }).join(":");
  const node: Node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels,
      annotations: {
        "flannel.alpha.coreos.com/backend-data": `{"VNI":1,"VtepMAC":"${mac}"}`,
        "flannel.alpha.coreos.com/backend-type": "vxlan",
        "flannel.alpha.coreos.com/kube-subnet-manager": "true",
        "flannel.alpha.coreos.com/public-ip": ip,
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr] },
    status: {
      capacity,
      allocatable,
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", at),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", at),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", at),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", at),
      ],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: randomHex32(random),
        systemUUID: random.uuid(),
        bootID: random.uuid(),
        kernelVersion: "6.8.0-51-generic",
        osImage: "Ubuntu 24.04.1 LTS",
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: "linux",
        architecture: "amd64",
      },
      images: nodeImages(controlPlane ? CONTROL_PLANE_IMAGES : WORKER_IMAGES),
    },
  };
  if (controlPlane) node.spec.taints = [{ ...CONTROL_PLANE_TAINT }];
  return node;
}

function condition(type: string, status: "True" | "False", reason: string, message: string, at: string) {
  return { type, status, lastHeartbeatTime: at, lastTransitionTime: at, reason, message };
}

const catalogue = new ImageCatalogue();

/** node.status.images entries for images already on the machine, largest first as the kubelet lists them. */
export function nodeImages(images: readonly string[]): { names: string[]; sizeBytes: number }[] {
  const out: { names: string[]; sizeBytes: number }[] = [];
  for (const image of images) {
    const ref = parseImageReference(image);
    const found = catalogue.resolve(ref);
    if (isPullFailure(found)) continue;
    out.push({ names: [found.imageID, `${found.record.repository}:${ref.tag ?? "latest"}`], sizeBytes: found.sizeBytes });
  }
  return out.sort((a, b) => b.sizeBytes - a.sizeBytes);
}
