// Benchmarks of the learner's command line (issue 3): in-process `exec` of
// common kubectl commands, median and p99 of wall time, and the same command
// through real kubectl v1.32 over HTTP against the same cluster, as a ratio.
import { createCluster, type Cluster } from "../../engine/index.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { deployment } from "../engine/helpers.ts";

export interface Row {
  name: string;
  value: string;
  goal: string;
}

const THREE_OBJECTS = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: cart}
  template:
    metadata:
      labels: {app: cart}
    spec:
      containers:
      - name: cart
        image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: nginx:1.27
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function hundredPods(): Cluster {
  const cluster = createCluster({ nodes: 3 });
  cluster.api.create("deployments", deployment({ replicas: 100 }));
  cluster.settle();
  return cluster;
}

async function timeExec(cluster: Cluster, line: string, runs: number): Promise<{ median: number; p99: number; exitCode: number }> {
  let exitCode = 0;
  for (let i = 0; i < 20; i++) exitCode = (await cluster.exec(line)).exitCode; // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    exitCode = (await cluster.exec(line)).exitCode;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p99: percentile(times, 99), exitCode };
}

async function timeRealKubectl(cluster: Cluster, args: string[], runs: number, stdin?: string): Promise<number | undefined> {
  if (oracleSkipReason) return undefined;
  const server = new SimApiServer(cluster.api, { clock: () => cluster.nowMs() });
  await server.start();
  try {
    await server.kubectl(args, { stdin }); // warm-up (discovery cache)
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await server.kubectl(args, { stdin });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return percentile(times, 50);
  } finally {
    await server.stop();
  }
}

export async function execRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const cluster = hundredPods();
  await cluster.exec(`cat > three.yaml <<'EOF'\n${THREE_OBJECTS}EOF`);
  const cases: { line: string; args: string[]; stdin?: string }[] = [
    { line: "kubectl get pods", args: ["get", "pods"] },
    { line: "kubectl describe deployment web", args: ["describe", "deployment", "web"] },
    // Applied again and again: after the first run every object is "unchanged".
    { line: "kubectl apply -f three.yaml", args: ["apply", "--validate=false", "-f", "-"], stdin: THREE_OBJECTS },
  ];
  for (const c of cases) {
    const ours = await timeExec(cluster, c.line, 500);
    if (ours.exitCode !== 0) {
      rows.push({ name: `exec \`${c.line}\` (100 pods)`, value: "fails: not built yet", goal: "p99 < 2 ms" });
      continue;
    }
    const real = await timeRealKubectl(cluster, c.args, 10, c.stdin);
    rows.push({
      name: `exec \`${c.line}\` (100 pods; median / p99 of 500)`,
      value: `${ours.median.toFixed(2)} / ${ours.p99.toFixed(2)} ms`,
      goal: "p99 < 2 ms",
    });
    rows.push({
      name: `  real kubectl v1.32 over HTTP, same command (median of 10)`,
      value: real === undefined ? "skipped: no kubectl binary" : `${real.toFixed(0)} ms = ${(real / ours.median).toFixed(0)}x`,
      goal: ">= 100x",
    });
  }
  return rows;
}
