// `npm run bench`: the engine's speed and memory figures, printed as a table.
// Run with --expose-gc (the npm script does) so memory figures are exact.
import { createCluster, type Cluster } from "../../engine/index.ts";
import { deployment, setImage } from "../engine/helpers.ts";
import { execRows } from "./exec.ts";

interface Row {
  name: string;
  value: string;
  goal: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Create a Deployment and wait for it; then roll it to a new image and wait again. */
function rollout(replicas: number): { createMs: number; rollMs: number; virtualS: number } {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = cpu();
  // A node runs at most 110 pods, so big Deployments get enough nodes.
  const cluster = createCluster({ nodes: Math.max(3, Math.ceil((replicas * 1.3) / 100)) });
  cluster.api.create("deployments", deployment({ replicas }));
  cluster.settle();
  const t1 = cpu();
  const start = cluster.nowMs();
  setImage(cluster, "web", "nginx:1.16.1");
  cluster.settle(3_600_000);
  const t2 = cpu();
  if (cluster.errors.length > 0) throw new Error(`engine errors: ${cluster.errors[0].message}`);
  if (cluster.api.list("pods").items.length !== replicas) throw new Error("rollout did not finish");
  return { createMs: t1 - t0, rollMs: t2 - t1, virtualS: (cluster.nowMs() - start) / 1000 };
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
  const results = Array.from({ length: runs }, () => rollout(replicas));
  rows.push({
    name: `create ${replicas}-replica Deployment, until ready (CPU, median of ${runs})`,
    value: `${median(results.map((r) => r.createMs)).toFixed(1)} ms`,
    goal: "",
  });
  rows.push({
    name: `roll ${replicas}-replica Deployment to a new image (CPU, median of ${runs})`,
    value: `${median(results.map((r) => r.rollMs)).toFixed(1)} ms (${results[0].virtualS.toFixed(0)} s virtual)`,
    goal: replicas === 1000 ? "< 1000 ms" : "",
  });
}
const hasGc = typeof (globalThis as { gc?: unknown }).gc === "function";
rows.push({
  name: `idle cluster with a 3-replica Deployment (heap, mean of 200)${hasGc ? "" : " [no --expose-gc: rough]"}`,
  value: `${(idleClusterBytes(200) / 1024).toFixed(1)} KB`,
  goal: "< 200 KB",
});

rows.push(...(await execRows()));

const w0 = Math.max(...rows.map((r) => r.name.length), 9);
const w1 = Math.max(...rows.map((r) => r.value.length), 6);
console.log(`${"benchmark".padEnd(w0)}  ${"result".padEnd(w1)}  goal`);
console.log(`${"-".repeat(w0)}  ${"-".repeat(w1)}  ----`);
for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padEnd(w1)}  ${r.goal}`);
