// `npm run bench`: the engine's speed and memory figures, printed as a table.
// Run with --expose-gc (the npm script does) so memory figures are exact.
import { createCluster, type Cluster } from "../../engine/index.ts";
import { deployment, setImage } from "../engine/helpers.ts";

interface Row {
  name: string;
  value: string;
  goal: string;
}

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Create a Deployment, wait for it, roll it to a new image and wait again. */
function rollout(replicas: number): { ms: number; virtualS: number; cluster: Cluster } {
  let cluster!: Cluster;
  let virtualS = 0;
  const ms = cpuMs(() => {
    // A node runs at most 110 pods, so big Deployments get enough nodes.
    cluster = createCluster({ nodes: Math.max(3, Math.ceil((replicas * 1.3) / 100)) });
    cluster.api.create("deployments", deployment({ replicas }));
    cluster.settle();
    const start = cluster.nowMs();
    setImage(cluster, "web", "nginx:1.16.1");
    cluster.settle(3_600_000);
    virtualS = (cluster.nowMs() - start) / 1000;
  });
  if (cluster.errors.length > 0) throw new Error(`engine errors: ${cluster.errors[0].message}`);
  return { ms, virtualS, cluster };
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

function idleClusterBytes(count: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep: Cluster[] = [];
  for (let i = 0; i < count; i++) {
    const c = createCluster({ seed: i + 1 });
    c.api.create("deployments", deployment({ replicas: 3 }));
    c.settle();
    c.timeline.mark();
    keep.push(c);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== count) throw new Error("unreachable");
  return (after - before) / count;
}

const rows: Row[] = [];
for (const [replicas, runs] of [
  [3, 20],
  [100, 5],
  [1000, 3],
] as const) {
  rollout(replicas); // warm-up
  const samples: number[] = [];
  let virtualS = 0;
  for (let i = 0; i < runs; i++) {
    const r = rollout(replicas);
    samples.push(r.ms);
    virtualS = r.virtualS;
  }
  rows.push({
    name: `create + roll ${replicas}-replica Deployment (CPU, median of ${runs})`,
    value: `${median(samples).toFixed(1)} ms (rollout ${virtualS.toFixed(0)} s virtual)`,
    goal: replicas === 1000 ? "< 1000 ms" : "",
  });
}
const hasGc = typeof (globalThis as { gc?: unknown }).gc === "function";
rows.push({
  name: `idle cluster with a 3-replica Deployment (heap, mean of 200)${hasGc ? "" : " [no --expose-gc: rough]"}`,
  value: `${(idleClusterBytes(200) / 1024).toFixed(1)} KB`,
  goal: "< 200 KB",
});

const w0 = Math.max(...rows.map((r) => r.name.length), 9);
const w1 = Math.max(...rows.map((r) => r.value.length), 6);
console.log(`${"benchmark".padEnd(w0)}  ${"result".padEnd(w1)}  goal`);
console.log(`${"-".repeat(w0)}  ${"-".repeat(w1)}  ----`);
for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padEnd(w1)}  ${r.goal}`);
