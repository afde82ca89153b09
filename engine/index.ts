// kubedojo's engine: a simulated Kubernetes 1.32 cluster, pure and
// deterministic. createCluster is the way in; see README.md for the interface.
import { ApiServer } from "./api/server.ts";
import { createRegistry } from "./api/kinds/index.ts";
import { Store } from "./api/store.ts";
import type { Namespace, Service } from "./api/types.ts";
import { EventRecorder } from "./client/events.ts";
import { ExecSession, type ExecOptions, type ExecResult } from "./exec.ts";
import type { ComponentContext } from "./context.ts";
import { startDeploymentController } from "./controllers/deployment/controller.ts";
import { startEndpointsController } from "./controllers/endpoint/controller.ts";
import { startEndpointSliceController } from "./controllers/endpointslice/controller.ts";
import { startGarbageCollector } from "./controllers/garbagecollector/controller.ts";
import { startKubernetesEndpointsReconciler } from "./controllers/kubernetesservice/endpoints.ts";
import { startNamespaceController } from "./controllers/namespace/controller.ts";
import { startHorizontalPodAutoscalerController } from "./controllers/podautoscaler/controller.ts";
import { MetricsProvider, type MetricsSource } from "./controllers/podautoscaler/metrics.ts";
import { startReplicaSetController } from "./controllers/replicaset/controller.ts";
import { startKubelets } from "./kubelet/index.ts";
import { nodeObjects } from "./kubelet/node.ts";
import { startScheduler } from "./scheduler/index.ts";
import { Clock } from "./sim/clock.ts";
import { Random } from "./sim/random.ts";
import { Timeline } from "./timeline.ts";

export type * from "./api/types.ts";
export { ApiError } from "./api/errors.ts";
export type { ApiServer } from "./api/server.ts";
export type { Timeline, TimelineEntry } from "./timeline.ts";
export type { ExecOptions, ExecResult } from "./exec.ts";
export type { MetricsSource, PodUsage } from "./controllers/podautoscaler/metrics.ts";
export { utilizationSource } from "./controllers/podautoscaler/metrics.ts";
export { CLUSTER_DOMAIN, dnsRecords, lookupHost, resolveName, type DnsAnswer, type DnsRecord } from "./dns/records.ts";

export interface ClusterOptions {
  /** Seed of the cluster's random source; default 1. */
  seed?: number;
  /** ISO time the cluster's clock starts at; default a fixed date, never the wall clock. */
  startTime?: string;
  /** Worker nodes besides the control-plane node; default 3. */
  nodes?: number;
}

export /** How long before startTime the nodes and system namespaces were created. */
const PROVISIONED_BEFORE_MS = 5 * 60_000;

/** What the API server's bootstrap controller creates in `default`. */
const KUBERNETES_SERVICE: Service = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
  spec: {
    clusterIP: "10.96.0.1",
    ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    sessionAffinity: "None",
    type: "ClusterIP",
  },
};

const DEFAULT_START_TIME = "2026-01-05T09:00:00Z";
const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

export interface ComponentError {
  at: number;
  component: string;
  message: string;
}

export class Cluster {
  readonly api: ApiServer;
  readonly timeline = new Timeline();
  /** Bugs caught inside components (a real controller would log them). Empty in a healthy run. */
  readonly errors: ComponentError[] = [];
  private readonly clock: Clock;
  private readonly metrics = new MetricsProvider();
  private session?: ExecSession;

  constructor(options: ClusterOptions = {}) {
    const start = Date.parse(options.startTime ?? DEFAULT_START_TIME);
    if (Number.isNaN(start)) throw new RangeError(`invalid startTime: ${options.startTime}`);
    const seed = options.seed ?? 1;
    const workers = options.nodes ?? 3;
    if (!Number.isInteger(workers) || workers < 0 || workers > 100) throw new RangeError(`invalid nodes: ${options.nodes}`);

    // The cluster was provisioned a little before the learner arrives: its
    // nodes and system namespaces are minutes old at startTime, as on a real
    // sandbox, not created that very second.
    this.clock = new Clock(start - PROVISIONED_BEFORE_MS);
    const random = new Random(seed);
    const now = () => this.clock.now();
    const store = new Store(now);
    store.subscribe((e) => this.timeline.record(e));
    this.api = new ApiServer(createRegistry(), store, now, random);

    const ctx: ComponentContext = {
      api: this.api,
      clock: this.clock,
      random,
      recorder: new EventRecorder(this.api, now),
      reportError: (component, err) => {
        if (this.errors.length < 100) {
          this.errors.push({ at: this.clock.now(), component, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        }
      },
    };
    startGarbageCollector(ctx);
    startNamespaceController(ctx);
    startReplicaSetController(ctx);
    startDeploymentController(ctx);
    startHorizontalPodAutoscalerController(ctx, this.metrics);
    startEndpointsController(ctx);
    startEndpointSliceController(ctx);
    startKubernetesEndpointsReconciler(ctx);
    startScheduler(ctx);

    for (const name of SYSTEM_NAMESPACES) {
      this.api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } } as Namespace);
    }
    // The API server publishes itself as the `kubernetes` Service, on the
    // first address of the service range.
    this.api.create("services", KUBERNETES_SERVICE);
    for (const node of nodeObjects({ workers, random, nowMs: start - PROVISIONED_BEFORE_MS })) this.api.create("nodes", node);
    startKubelets(ctx);
    this.clock.runUntil(start);
  }

  /**
   * Where autoscalers read pod metrics (a simulated metrics-server). Unset,
   * the cluster has none, and autoscalers report that as a real one does.
   */
  setMetricsSource(source: MetricsSource | undefined): void {
    this.metrics.source = source;
  }

  /** Run the simulation forward by `ms` of virtual time. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance: ms must be a finite number >= 0, got ${ms}`);
    this.clock.runUntil(this.clock.now() + ms);
  }

  /** Advance until nothing is scheduled; false if still busy after `maxMs`. */
  settle(maxMs = 600_000): boolean {
    const limit = this.clock.now() + maxMs;
    for (;;) {
      const next = this.clock.nextAt();
      if (next === undefined) return true;
      if (next > limit) {
        this.clock.runUntil(limit);
        return false;
      }
      this.clock.runUntil(next);
    }
  }

  /**
   * Run one line of the learner's shell (kubectl included). Never throws:
   * failures are an exit code and a message on stderr, as bash and kubectl give them.
   */
  exec(line: string, options?: ExecOptions): Promise<ExecResult> {
    this.session ??= new ExecSession(this);
    return this.session.exec(line, options);
  }

  /** True when nothing is scheduled: the cluster costs nothing until something happens. */
  idle(): boolean {
    return this.clock.nextAt() === undefined;
  }

  now(): Date {
    return new Date(this.clock.now());
  }

  /** Virtual time in ms since the epoch. */
  nowMs(): number {
    return this.clock.now();
  }
}

export function createCluster(options?: ClusterOptions): Cluster {
  return new Cluster(options);
}
