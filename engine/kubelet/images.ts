// The image catalogue: public images with tags that really exist, the bytes
// containerd reports for them (approximate linux/amd64 sizes), and what each
// one's default command does. Data only: a lesson adds an image, or changes
// one's behaviour, by passing its own entries (KubeletOptions.images).
import type { ProcessBehaviour } from "./behaviour.ts";
import { stableHex64 } from "./ids.ts";
import { fullImageName, repositoryOf, type ImageReference } from "./reference.ts";

export interface ImageRecord {
  /** Fully qualified repository, `docker.io/library/nginx`. */
  repository: string;
  /** Tag → size in bytes, or the tag it is an alias of (`latest` → `1.27.3`). */
  tags: Readonly<Record<string, number | string>>;
  /** What the default command (ENTRYPOINT + CMD) does. */
  run: ProcessBehaviour;
  /** Shell and core utilities, for the wording of failing exec probes; absent: none (distroless). */
  shell?: "busybox" | "coreutils";
  /** Program names on the command line that start the image's own default process. */
  programs?: readonly string[];
  /** Behaviour by first argument, for multi-tool images (`agnhost liveness`). */
  subcommands?: Readonly<Record<string, ProcessBehaviour>>;
}

/** Pull speed model: latency plus size over bandwidth, with a little deterministic jitter. */
export const PULL = {
  latencyMs: 900,
  bytesPerSecond: 12_500_000,
  /** ± fraction of the computed time. */
  jitter: 0.1,
  /** Re-pulling an image whose layers are already there (policy Always, or a second tag). */
  layersPresentMs: 450,
  /** Time to learn a tag does not exist, a repository is denied, or a host is unknown. */
  notFoundMs: 650,
  deniedMs: 900,
  noSuchHostMs: 40,
  /** What containerd's resolver reports as its DNS server. */
  resolver: "127.0.0.53:53",
} as const;

const nginx: ProcessBehaviour = {
  stopAfterMs: 100,
  listenAfterMs: 100,
  listens: [{ port: 80, http: { paths: { "/": 200 }, otherPaths: 404 } }],
  logs: [
    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
    "/docker-entrypoint.sh: Configuration complete; ready for start up",
  ],
};
const shellExits: ProcessBehaviour = { exitAfterMs: 20, exitCode: 0 };
const interpreterExits: ProcessBehaviour = { exitAfterMs: 150, exitCode: 0 };

export const BUILTIN_IMAGES: readonly ImageRecord[] = [
  {
    repository: "docker.io/library/nginx",
    tags: {
      "1.14.2": 44_708_492, "1.16.0": 51_033_218, "1.16.1": 51_030_575, "1.17": 51_235_180, "1.19": 53_600_812,
      "1.20": 54_122_640, "1.21": 56_734_318, "1.23": 56_989_560, "1.24": 56_971_470, "1.25": 70_544_635,
      "1.25.5": 70_544_635, "1.26": 72_102_938, "1.27": 72_955_450, "1.27.3": 72_955_450, latest: "1.27.3",
      stable: "1.26", mainline: "1.27.3", alpine: "1.27-alpine", "1.25-alpine": 18_620_130,
      "1.27-alpine": 20_502_394, "stable-alpine": "1.25-alpine",
    },
    run: nginx,
    shell: "coreutils",
    programs: ["nginx", "/docker-entrypoint.sh"],
  },
  {
    repository: "registry.k8s.io/nginx-slim",
    tags: { "0.8": 51_958_288, "0.21": 32_021_844, "0.24": 20_123_582, "0.26": 20_458_900, "0.27": 20_673_015 },
    run: nginx,
    shell: "coreutils",
    programs: ["nginx"],
  },
  {
    repository: "docker.io/library/busybox",
    tags: {
      "1.28": 727_869, "1.34": 772_788, "1.35": 2_223_685, "1.36": 2_152_262, "1.36.1": 2_152_262,
      "1.37": 2_166_802, "1.37.0": 2_166_802, latest: "1.37.0", stable: "1.37.0", musl: 835_622,
    },
    run: shellExits,
    shell: "busybox",
    programs: ["sh"],
  },
  {
    repository: "docker.io/library/alpine",
    tags: { "3.18": 3_408_729, "3.19": 3_419_706, "3.20": 3_626_898, "3.21": 3_642_264, latest: "3.21" },
    run: shellExits,
    shell: "busybox",
    programs: ["/bin/sh", "sh"],
  },
  {
    repository: "docker.io/library/ubuntu",
    tags: { "20.04": 27_514_328, "22.04": 29_537_286, "24.04": 29_754_422, latest: "24.04", jammy: "22.04", noble: "24.04" },
    run: shellExits,
    shell: "coreutils",
    programs: ["bash"],
  },
  {
    repository: "docker.io/library/debian",
    tags: { "11": 55_084_134, "12": 48_494_272, bookworm: "12", bullseye: "11", "bookworm-slim": 28_227_259, latest: "12" },
    run: shellExits,
    shell: "coreutils",
    programs: ["bash"],
  },
  {
    repository: "docker.io/library/httpd",
    tags: { "2.4": 58_297_103, "2.4.62": 58_297_103, "2.4-alpine": 21_893_101, alpine: "2.4-alpine", latest: "2.4.62" },
    run: {
      stopAfterMs: 150,
      listenAfterMs: 150,
      listens: [{ port: 80, http: { paths: { "/": 200 }, otherPaths: 404 } }],
    },
    shell: "coreutils",
    programs: ["httpd-foreground", "httpd"],
  },
  {
    repository: "docker.io/library/redis",
    tags: { "6": 40_021_455, "7": 45_002_318, "7.2": 43_897_590, "7.4": 45_002_318, "7-alpine": 17_227_035, alpine: "7-alpine", latest: "7.4" },
    run: { stopAfterMs: 250, listenAfterMs: 200, listens: [{ port: 6379 }] },
    shell: "coreutils",
    programs: ["redis-server", "docker-entrypoint.sh"],
  },
  {
    repository: "docker.io/library/mysql",
    tags: { "5.7": 154_668_208, "8.0": 172_987_240, "8.4": 172_090_816, "9.1": 175_601_402, latest: "9.1" },
    run: {
      stopAfterMs: 2_500,
      listenAfterMs: 15_000,
      listens: [{ port: 3306 }, { port: 33060 }],
      requiresEnv: [
        {
          anyOf: ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"],
          exitAfterMs: 1_200,
          exitCode: 1,
          log: "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
        },
      ],
    },
    shell: "coreutils",
    programs: ["mysqld", "docker-entrypoint.sh"],
  },
  {
    repository: "docker.io/library/postgres",
    tags: { "15": 148_236_301, "16": 150_672_818, "17": 153_980_102, "16-alpine": 105_092_313, alpine: "16-alpine", latest: "17" },
    run: {
      stopAfterMs: 800,
      listenAfterMs: 3_000,
      listens: [{ port: 5432 }],
      requiresEnv: [
        {
          anyOf: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"],
          exitAfterMs: 400,
          exitCode: 1,
          log: "Error: Database is uninitialized and superuser password is not specified.",
        },
      ],
    },
    shell: "coreutils",
    programs: ["postgres", "docker-entrypoint.sh"],
  },
  {
    repository: "docker.io/library/python",
    tags: { "3.11": 376_010_432, "3.12": 372_931_020, "3.13": 375_460_981, latest: "3.13", "3.12-slim": 45_412_090, "3.12-alpine": 18_930_411 },
    run: interpreterExits,
    shell: "coreutils",
    programs: ["python", "python3"],
  },
  {
    repository: "docker.io/library/node",
    tags: { "18": 384_112_405, "20": 389_402_618, "22": 392_145_830, latest: "22", "20-alpine": 45_810_271, "22-alpine": 47_121_904 },
    run: interpreterExits,
    shell: "coreutils",
    programs: ["node", "docker-entrypoint.sh"],
  },
  {
    // The busybox of the Kubernetes docs' probe examples (liveness-exec).
    repository: "registry.k8s.io/busybox",
    tags: { "1.24": 676_941, "1.27": 669_548, "1.27.2": 669_548, latest: "1.27.2" },
    run: shellExits,
    shell: "busybox",
    programs: ["sh"],
  },
  {
    // The docs' TCP liveness/readiness example: a proxy on 8080.
    repository: "registry.k8s.io/goproxy",
    tags: { "0.1": 2_585_472 },
    run: { stopAfterMs: 20, listenAfterMs: 20, listens: [{ port: 8080 }] },
  },
  {
    repository: "registry.k8s.io/pause",
    tags: { "3.9": 321_520, "3.10": 320_368 },
    run: { stopAfterMs: 10 },
  },
  {
    // The Kubernetes e2e test image; `agnhost liveness` is the liveness-probe example of the docs.
    repository: "registry.k8s.io/e2e-test-images/agnhost",
    tags: { "2.39": 51_105_200, "2.40": 51_171_850, "2.43": 52_440_109, "2.52": 53_610_722 },
    run: { exitAfterMs: 50, exitCode: 0 },
    programs: ["/agnhost", "agnhost"],
    subcommands: {
      liveness: {
        stopAfterMs: 20,
        listenAfterMs: 20,
        listens: [{ port: 8080, http: { paths: { "/healthz": [[10_000, 200], [Infinity, 500]] }, otherPaths: 404 } }],
      },
      netexec: { stopAfterMs: 20, listenAfterMs: 20, listens: [{ port: 8080, http: { otherPaths: 200 } }, { port: 8081 }] },
      pause: { stopAfterMs: 10 },
    },
  },
  // What a kubeadm cluster runs in kube-system, so system pods behave if a cluster has them.
  {
    repository: "registry.k8s.io/coredns/coredns",
    tags: { "v1.11.3": 18_562_039 },
    run: {
      stopAfterMs: 50,
      listenAfterMs: 300,
      listens: [
        { port: 53 },
        { port: 8080, http: { paths: { "/health": 200 }, otherPaths: 404 } },
        { port: 8181, http: { paths: { "/ready": 200 }, otherPaths: 404 } },
      ],
    },
  },
  {
    repository: "registry.k8s.io/kube-proxy",
    tags: { "v1.32.5": 30_890_112 },
    run: { stopAfterMs: 100, listens: [{ port: 10256, http: { paths: { "/healthz": 200 }, otherPaths: 404 } }] },
  },
  { repository: "registry.k8s.io/etcd", tags: { "3.5.16-0": 57_680_541 }, run: { stopAfterMs: 300, listens: [{ port: 2379 }] } },
  { repository: "registry.k8s.io/kube-apiserver", tags: { "v1.32.5": 28_671_624 }, run: { stopAfterMs: 500, listens: [{ port: 6443 }] } },
  { repository: "registry.k8s.io/kube-controller-manager", tags: { "v1.32.5": 26_259_392 }, run: { stopAfterMs: 200, listens: [{ port: 10257 }] } },
  { repository: "registry.k8s.io/kube-scheduler", tags: { "v1.32.5": 20_657_536 }, run: { stopAfterMs: 200, listens: [{ port: 10259 }] } },
  { repository: "docker.io/flannel/flannel", tags: { "v0.26.1": 31_349_306 }, run: { stopAfterMs: 100 } },
  { repository: "docker.io/flannel/flannel-cni-plugin", tags: { "v1.6.0-flannel1": 4_856_838 }, run: { exitAfterMs: 200 } },
];

/** Registries whose answer for an unknown repository is "not found" rather than Docker Hub's "pull access denied". */
const KNOWN_REGISTRIES = new Set(["docker.io", "registry.k8s.io", "k8s.gcr.io", "gcr.io", "quay.io", "ghcr.io", "mcr.microsoft.com", "public.ecr.aws"]);

export interface ResolvedImage {
  record: ImageRecord;
  /** The tag after following aliases. */
  tag: string;
  sizeBytes: number;
  /** `docker.io/library/nginx@sha256:…`, the same for a tag and its aliases. */
  imageID: string;
}

export type PullFailureKind = "NotFound" | "Denied" | "NoSuchHost";

export interface PullFailure {
  kind: PullFailureKind;
  /** The CRI error text, as the kubelet prints it after `Failed to pull image "...": `. */
  message: string;
  durationMs: number;
}

/** A catalogue indexed by repository; later records replace earlier ones (a lesson's own entries win). */
export class ImageCatalogue {
  private byRepository = new Map<string, ImageRecord>();

  constructor(records: readonly ImageRecord[] = BUILTIN_IMAGES) {
    for (const r of records) this.byRepository.set(r.repository, r);
  }

  record(repository: string): ImageRecord | undefined {
    return this.byRepository.get(repository);
  }

  /** What a pull of `ref` finds: the image, or why the registry refuses it. */
  resolve(ref: ImageReference): ResolvedImage | PullFailure {
    const repository = repositoryOf(ref);
    const record = this.byRepository.get(repository);
    const full = fullImageName(ref);
    if (!record) return repositoryFailure(ref, full);
    let tag = ref.tag ?? "latest";
    if (ref.digest && !ref.tag) {
      for (const t of Object.keys(record.tags)) if (digestOf(record, t) === ref.digest) tag = t;
    }
    for (let hops = 0; hops < 4; hops++) {
      const entry = record.tags[tag];
      if (typeof entry === "string") tag = entry;
      else break;
    }
    const size = record.tags[tag];
    if (typeof size !== "number" || (ref.digest && digestOf(record, tag) !== ref.digest)) {
      return {
        kind: "NotFound",
        message: `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`,
        durationMs: PULL.notFoundMs,
      };
    }
    return { record, tag, sizeBytes: size, imageID: `${repository}@${digestOf(record, tag)}` };
  }
}

export function isPullFailure(r: ResolvedImage | PullFailure): r is PullFailure {
  return "kind" in r;
}

function digestOf(record: ImageRecord, tag: string): string {
  return `sha256:${stableHex64(`${record.repository}:${tag}`)}`;
}

function repositoryFailure(ref: ImageReference, full: string): PullFailure {
  const prefix = `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": `;
  if (ref.domain === "docker.io") {
    return {
      kind: "Denied",
      message: `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      durationMs: PULL.deniedMs,
    };
  }
  if (KNOWN_REGISTRIES.has(ref.domain)) {
    return {
      kind: "NotFound",
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`,
      durationMs: PULL.notFoundMs,
    };
  }
  const host = ref.domain.replace(/:\d+$/, "");
  const reference = ref.digest && !ref.tag ? ref.digest : (ref.tag ?? "latest");
  return {
    kind: "NoSuchHost",
    message: `${prefix}failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${reference}": dial tcp: lookup ${host} on ${PULL.resolver}: no such host`,
    durationMs: PULL.noSuchHostMs,
  };
}

/** How long pulling `sizeBytes` takes; `unit` in [0, 1) spreads it by ±PULL.jitter. */
export function pullDurationMs(sizeBytes: number, unit: number): number {
  const base = PULL.latencyMs + (sizeBytes / PULL.bytesPerSecond) * 1000;
  return Math.round(base * (1 + PULL.jitter * (2 * unit - 1)));
}
