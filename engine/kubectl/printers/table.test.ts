import { describe, expect, it } from "vitest";
import type { TableConvertor } from "../../api/registry.ts";
import type { Deployment, KubeObject, Node, Pod, Table } from "../../api/types.ts";
import { deploymentTable, eventTable, namespaceTable, nodeTable, podTable } from "../../api/printers/index.ts";
import { WatchTablePrinter, renderTable, renderTables } from "./table.ts";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace(".000Z", "Z");

function table<T extends KubeObject>(convertor: TableConvertor<T>, objects: T[]): Table {
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: {},
    columnDefinitions: convertor.columns,
    rows: objects.map((object) => ({ cells: convertor.cells(object, NOW), object })),
  };
}

function runningPod(name: string, ageSeconds: number, ip: string, node: string, labels: Record<string, string>, ns = "default"): Pod {
  return {
    metadata: { name, namespace: ns, creationTimestamp: ago(ageSeconds), labels },
    spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }], nodeName: node },
    status: {
      phase: "Running",
      podIP: ip,
      containerStatuses: [
        { name: "nginx", ready: true, restartCount: 0, image: "nginx:1.16.1", imageID: "", started: true, state: { running: { startedAt: ago(ageSeconds) } } },
      ],
    },
  };
}

// The three pods of kubectl-output.md §2.1, in the mock server's order.
const pods: Pod[] = [
  runningPod("nginx-deployment-7c5ddbdf54-2xlxk", 123, "10.244.1.5", "node-1", { app: "nginx" }),
  {
    metadata: { name: "web-0", namespace: "default", creationTimestamp: ago(5), labels: { app: "web" } },
    spec: { containers: [{ name: "nginx", image: "registry.k8s.io/nginx-slim:0.24" }], nodeName: "node-2" },
    status: {
      phase: "Pending",
      containerStatuses: [{ name: "nginx", ready: false, restartCount: 0, image: "registry.k8s.io/nginx-slim:0.24", imageID: "", state: { waiting: { reason: "ContainerCreating" } } }],
    },
  },
  {
    metadata: { name: "crash-7d9f", namespace: "default", creationTimestamp: ago(180), labels: { app: "crash" } },
    spec: { containers: [{ name: "app", image: "busybox" }], nodeName: "node-2" },
    status: {
      phase: "Running",
      podIP: "10.244.2.9",
      containerStatuses: [
        {
          name: "app",
          ready: false,
          restartCount: 4,
          image: "busybox",
          imageID: "",
          state: { waiting: { reason: "CrashLoopBackOff" } },
          lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(12) } },
        },
      ],
    },
  },
];

const deployment: Deployment = {
  metadata: { name: "nginx-deployment", namespace: "default", creationTimestamp: ago(61 * 60) },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "nginx" } },
    template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } },
  },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
};

const lines = (...l: string[]) => l.map((x) => x + "\n").join("");

describe("kubectl get tables, as verified in kubectl-output.md §2.1", () => {
  it("kubectl get pods", () => {
    expect(renderTable(table(podTable, pods))).toBe(
      lines(
        "NAME                                READY   STATUS              RESTARTS      AGE",
        "nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running             0             2m3s",
        "web-0                               0/1     ContainerCreating   0             5s",
        "crash-7d9f                          0/1     CrashLoopBackOff    4 (12s ago)   3m",
      ),
    );
  });

  it("kubectl get pods -o wide", () => {
    expect(renderTable(table(podTable, pods), { wide: true })).toBe(
      lines(
        "NAME                                READY   STATUS              RESTARTS      AGE    IP           NODE     NOMINATED NODE   READINESS GATES",
        "nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running             0             2m3s   10.244.1.5   node-1   <none>           <none>",
        "web-0                               0/1     ContainerCreating   0             5s     <none>       node-2   <none>           <none>",
        "crash-7d9f                          0/1     CrashLoopBackOff    4 (12s ago)   3m     10.244.2.9   node-2   <none>           <none>",
      ),
    );
  });

  it("kubectl get deploy,pods: kind prefixes, one header per type, a blank line between", () => {
    const out = renderTables([
      { table: table(deploymentTable, [deployment]), options: { withKind: { kind: "Deployment", group: "apps" } } },
      { table: table(podTable, pods), options: { withKind: { kind: "Pod", group: "" } } },
    ]);
    expect(out).toBe(
      lines(
        "NAME                               READY   UP-TO-DATE   AVAILABLE   AGE",
        "deployment.apps/nginx-deployment   3/3     3            3           61m",
        "",
        "NAME                                    READY   STATUS              RESTARTS      AGE",
        "pod/nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running             0             2m3s",
        "pod/web-0                               0/1     ContainerCreating   0             5s",
        "pod/crash-7d9f                          0/1     CrashLoopBackOff    4 (12s ago)   3m",
      ),
    );
  });

  it("kubectl get pods --show-labels -L app: label columns, then LABELS last", () => {
    const out = renderTable(table(podTable, pods), { showLabels: true, columnLabels: ["app"] });
    expect(out.split("\n").slice(0, 2)).toEqual([
      "NAME                                READY   STATUS              RESTARTS      AGE    APP     LABELS",
      "nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running             0             2m3s   nginx   app=nginx",
    ]);
    expect(out).toBe(
      lines(
        "NAME                                READY   STATUS              RESTARTS      AGE    APP     LABELS",
        "nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running             0             2m3s   nginx   app=nginx",
        "web-0                               0/1     ContainerCreating   0             5s     web     app=web",
        "crash-7d9f                          0/1     CrashLoopBackOff    4 (12s ago)   3m     crash   app=crash",
      ),
    );
  });
});

describe("table decoration and filtering (cli-runtime tableprinter.go)", () => {
  const two = [pods[0]!, runningPod("web-1", 30, "10.244.3.3", "node-3", { app: "web", "app.kubernetes.io/name": "web" }, "shop")];

  it("-A puts NAMESPACE first", () => {
    expect(renderTable(table(podTable, two), { withNamespace: true })).toBe(
      lines(
        "NAMESPACE   NAME                                READY   STATUS    RESTARTS   AGE",
        "default     nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running   0          2m3s",
        "shop        web-1                               1/1     Running   0          30s",
      ),
    );
  });

  it("-L takes the header from the key's last path segment; a missing label is an empty cell", () => {
    expect(renderTable(table(podTable, two), { columnLabels: ["app.kubernetes.io/name", "tier"] })).toBe(
      lines(
        "NAME                                READY   STATUS    RESTARTS   AGE    NAME   TIER",
        "nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running   0          2m3s          ",
        "web-1                               1/1     Running   0          30s    web    ",
      ),
    );
  });

  it("--no-headers prints only rows", () => {
    expect(renderTable(table(podTable, two), { noHeaders: true })).toBe(
      lines("nginx-deployment-7c5ddbdf54-2xlxk   1/1   Running   0     2m3s", "web-1                               1/1   Running   0     30s"),
    );
  });

  it("prints nothing at all for a table without rows", () => {
    expect(renderTable(table(podTable, []))).toBe("");
    expect(renderTable(table(podTable, []), { noHeaders: true })).toBe("");
  });

  it("no blank line between groups with --no-headers, nor before the first group that prints", () => {
    const groups = [
      { table: table(deploymentTable, []), options: { withKind: { kind: "Deployment", group: "apps" } } },
      { table: table(podTable, [pods[0]!]), options: { withKind: { kind: "Pod", group: "" } } },
      { table: table(namespaceTable, [{ metadata: { name: "default", creationTimestamp: ago(3600) }, status: { phase: "Active" } }]), options: { withKind: { kind: "Namespace", group: "" } } },
    ];
    expect(renderTables(groups)).toBe(
      lines(
        "NAME                                    READY   STATUS    RESTARTS   AGE",
        "pod/nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running   0          2m3s",
        "",
        "NAME                STATUS   AGE",
        "namespace/default   Active   60m",
      ),
    );
    expect(renderTables(groups, true)).toBe(
      lines("pod/nginx-deployment-7c5ddbdf54-2xlxk   1/1   Running   0     2m3s", "namespace/default   Active   60m"),
    );
  });

  it("puts the kind prefix on the name-format column, even a wide-only one (events)", () => {
    const ev = {
      metadata: { name: "web-0.187a9c3e2b1d4f00", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web-0", fieldPath: "spec.containers{nginx}" },
      reason: "Pulled",
      message: 'Container image "nginx:1.16.1" already present on machine',
      source: { component: "kubelet", host: "node-2" },
      firstTimestamp: ago(200),
      lastTimestamp: ago(100),
      count: 3,
      type: "Normal",
    };
    const t = table(eventTable, [ev]);
    expect(renderTable(t, { withKind: { kind: "Event", group: "" } })).toBe(
      lines(
        "LAST SEEN   TYPE     REASON   OBJECT      MESSAGE",
        'Normal   Pulled   pod/web-0   Container image "nginx:1.16.1" already present on machine'.replace(/^/, "100s        "),
      ),
    );
    expect(renderTable(t, { wide: true, withKind: { kind: "Event", group: "" } })).toBe(
      lines(
        "LAST SEEN   TYPE     REASON   OBJECT      SUBOBJECT                SOURCE            MESSAGE                                                     FIRST SEEN   COUNT   NAME",
        'Normal   Pulled   pod/web-0   spec.containers{nginx}   kubelet, node-2   Container image "nginx:1.16.1" already present on machine   3m20s        3       event/web-0.187a9c3e2b1d4f00'.replace(
          /^/,
          "100s        ",
        ),
      ),
    );
  });

  it("cuts a cell at its first line break with `...` and makes escape characters visible", () => {
    const t: Table = {
      kind: "Table",
      apiVersion: "meta.k8s.io/v1",
      metadata: {},
      columnDefinitions: [
        { name: "Name", type: "string", format: "name", description: "", priority: 0 },
        { name: "Message", type: "string", format: "", description: "", priority: 0 },
        { name: "Count", type: "integer", format: "", description: "", priority: 0 },
        { name: "Flag", type: "boolean", format: "", description: "", priority: 0 },
      ],
      rows: [
        { cells: ["a", "first line\nsecond line", 7, true] },
        { cells: ["b", "bell\x1b[31mred", null, false] },
        { cells: ["c", "extra cells are ignored", 1, false, "ignored"] },
      ],
    };
    expect(renderTable(t)).toBe(
      lines(
        "NAME   MESSAGE                   COUNT   FLAG",
        "a      first line...             7       true",
        "b      bell^[[31mred                     false",
        "c      extra cells are ignored   1       false",
      ),
    );
  });
});

// Outputs below were produced by kubectl v1.32.5 from these very tables, served
// by a throw-away mock API server (not kept in the repo).
describe("checked against kubectl v1.32.5", () => {
  const pod = (name: string, ageSeconds: number, labels: Record<string, string>) =>
    runningPod(name, ageSeconds, "10.0.0.1", "node-1", labels);
  const three = [pod("a-b", 30, { a: "1", "a-b": "2", "app.kubernetes.io/name": "web" }), pod("web-1", 4000, {}), pod("weird", 100000, { app: "x" })];

  it("get pods --show-labels -L app.kubernetes.io/name -L a", () => {
    expect(renderTable(table(podTable, three), { showLabels: true, columnLabels: ["app.kubernetes.io/name", "a"] })).toBe(
      lines(
        "NAME    READY   STATUS    RESTARTS   AGE   NAME   A     LABELS",
        "a-b     1/1     Running   0          30s   web    1     a-b=2,a=1,app.kubernetes.io/name=web",
        "web-1   1/1     Running   0          66m                <none>",
        "weird   1/1     Running   0          27h                app=x",
      ),
    );
  });

  it("get events -o wide (an object without name, a multi-line message, eventTime only)", () => {
    const events = [
      {
        metadata: { name: "web-0.187a9c3e2b1d4f00", namespace: "default" },
        involvedObject: { kind: "Pod", name: "web-0", fieldPath: "spec.containers{nginx}" },
        reason: "Pulled",
        message: 'Container image "nginx:1.16.1" already present on machine',
        source: { component: "kubelet", host: "node-2" },
        firstTimestamp: ago(200),
        lastTimestamp: ago(100),
        count: 3,
        type: "Normal",
      },
      {
        metadata: { name: "x.1", namespace: "default" },
        involvedObject: { kind: "Node", name: "" },
        reason: "R",
        message: "multi\nline",
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        eventTime: ago(6).replace("Z", ".123456Z"), // 5.876544s ago
        type: "Warning",
      },
    ];
    expect(renderTable(table(eventTable, events), { wide: true })).toBe(
      lines(
        "LAST SEEN   TYPE      REASON   OBJECT      SUBOBJECT                SOURCE            MESSAGE                                                     FIRST SEEN   COUNT   NAME",
        '100s        Normal    Pulled   pod/web-0   spec.containers{nginx}   kubelet, node-2   Container image "nginx:1.16.1" already present on machine   3m20s        3       web-0.187a9c3e2b1d4f00',
        "5s          Warning   R        node                                                   multi...                                                    5s           1       x.1",
      ),
    );
  });

  it("get nodes,ns --show-labels", () => {
    const node: Node = {
      metadata: { name: "node-1", creationTimestamp: ago(9000), labels: { "node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/a": "" } },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: "Ready", status: "True" }],
        addresses: [{ type: "InternalIP", address: "172.18.0.2" }],
        nodeInfo: { kubeletVersion: "v1.32.5", osImage: "Debian", kernelVersion: "6.1", containerRuntimeVersion: "containerd://1.7" },
      },
    };
    const ns = { metadata: { name: "default", creationTimestamp: ago(99999) }, status: { phase: "Active" as const } };
    expect(
      renderTables([
        { table: table(nodeTable, [node]), options: { showLabels: true, withKind: { kind: "Node", group: "" } } },
        { table: table(namespaceTable, [ns]), options: { showLabels: true, withKind: { kind: "Namespace", group: "" } } },
      ]),
    ).toBe(
      lines(
        "NAME          STATUS                     ROLES             AGE    VERSION   LABELS",
        "node/node-1   Ready,SchedulingDisabled   a,control-plane   150m   v1.32.5   node-role.kubernetes.io/a=,node-role.kubernetes.io/control-plane=",
        "",
        "NAME                STATUS   AGE   LABELS",
        "namespace/default   Active   27h   <none>",
      ),
    );
    expect(renderTable(table(nodeTable, [node]), { wide: true })).toBe(
      lines(
        "NAME     STATUS                     ROLES             AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE   KERNEL-VERSION   CONTAINER-RUNTIME",
        "node-1   Ready,SchedulingDisabled   a,control-plane   150m   v1.32.5   172.18.0.2    <none>        Debian     6.1              containerd://1.7",
      ),
    );
  });

  it("get pods -w: widths grow with later events and never shrink", () => {
    const p = new WatchTablePrinter();
    const t = table(podTable, three);
    const long = { ...t, columnDefinitions: [], rows: [{ ...t.rows[0]!, cells: ["a-very-long-pod-name-here", ...t.rows[0]!.cells.slice(1)] }] };
    const out =
      p.print(t) +
      p.print({ ...t, rows: [t.rows[1]!] }) +
      p.print(long) +
      p.print({ ...t, columnDefinitions: [], rows: [t.rows[2]!] });
    expect(out).toBe(
      lines(
        "NAME    READY   STATUS    RESTARTS   AGE",
        "a-b     1/1     Running   0          30s",
        "web-1   1/1     Running   0          66m",
        "weird   1/1     Running   0          27h",
        "web-1   1/1     Running   0          66m",
        "a-very-long-pod-name-here   1/1     Running   0          30s",
        "weird                       1/1     Running   0          27h",
      ),
    );
  });
});

describe("WatchTablePrinter (kubectl get -w)", () => {
  it("prints the header once and never narrows a column", () => {
    const p = new WatchTablePrinter();
    const first = p.print(table(podTable, [pods[1]!]));
    expect(first).toBe(lines("NAME    READY   STATUS              RESTARTS   AGE", "web-0   0/1     ContainerCreating   0          5s"));
    // A later event with a longer name widens NAME; shorter cells keep the old widths.
    const running = runningPod("web-0", 9, "10.244.2.7", "node-2", { app: "web" });
    expect(p.print(table(podTable, [running]))).toBe(lines("web-0   1/1     Running             0          9s"));
    const long = runningPod("nginx-deployment-7c5ddbdf54-2xlxk", 123, "10.244.1.5", "node-1", {});
    expect(p.print(table(podTable, [long]))).toBe(lines("nginx-deployment-7c5ddbdf54-2xlxk   1/1     Running             0          2m3s"));
    expect(p.print(table(podTable, [running]))).toBe(lines("web-0                               1/1     Running             0          9s"));
  });

  it("reuses the last columns for tables sent without them, and adds EVENT with --output-watch-events", () => {
    const p = new WatchTablePrinter();
    expect(p.print(table(podTable, []))).toBe("");
    const t = table(podTable, [pods[1]!]);
    expect(p.print(t, "ADDED")).toBe(
      lines("EVENT      NAME    READY   STATUS              RESTARTS   AGE", "ADDED      web-0   0/1     ContainerCreating   0          5s"),
    );
    expect(p.print({ ...t, columnDefinitions: [] }, "DELETED")).toBe(lines("DELETED    web-0   0/1     ContainerCreating   0          5s"));
  });
});
