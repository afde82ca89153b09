import { describe, expect, it } from "vitest";
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from "../types.ts";
import { podColumns, podTable, summarizePod } from "./pods.ts";

// Cases follow kubectl-output.md §2.4 and upstream printers_test.go (TestPrintPod,
// TestPrintPodWithRestartableInitContainer, TestPrintPodwide).

const NOW = Date.UTC(2026, 10, 24, 20, 42, 0);
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace(".000Z", "Z");

function cs(state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: "c", ready: false, restartCount: 0, image: "nginx", imageID: "", state, ...extra };
}
const running = (extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  cs({ running: { startedAt: ago(60) } }, { ready: true, started: true, ...extra });
const waiting = (reason?: string, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  cs({ waiting: reason === undefined ? {} : { reason } }, extra);
const terminated = (exitCode: number, reason?: string, signal?: number): ContainerStatus =>
  cs({ terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}) } });
const cond = (type: string, status: PodCondition["status"], reason?: string): PodCondition => ({
  type,
  status,
  ...(reason ? { reason } : {}),
});

interface PodFixture {
  containers?: number;
  init?: Container[];
  status?: PodStatus;
  deleting?: boolean;
}

function pod(f: PodFixture): Pod {
  const containers: Container[] = Array.from({ length: f.containers ?? 1 }, (_, i) => ({ name: `c${i}`, image: "nginx" }));
  return {
    metadata: {
      name: "p",
      creationTimestamp: ago(180),
      ...(f.deleting ? { deletionTimestamp: ago(0) } : {}),
    },
    spec: { containers, ...(f.init ? { initContainers: f.init } : {}) },
    ...(f.status ? { status: f.status } : {}),
  };
}

const sidecar = (name: string): Container => ({ name, image: "envoy", restartPolicy: "Always" });
const initC = (name: string): Container => ({ name, image: "busybox" });

describe("pod STATUS", () => {
  const cases: [string, PodFixture, string][] = [
    ["phase when nothing else is known", { status: { phase: "Pending" } }, "Pending"],
    ["no status at all is an empty cell", {}, ""],
    ["container being created", { status: { phase: "Pending", containerStatuses: [waiting("ContainerCreating")] } }, "ContainerCreating"],
    ["regular containers waiting for init", { status: { phase: "Pending", containerStatuses: [waiting("PodInitializing")] } }, "PodInitializing"],
    ["first failed pull", { status: { phase: "Pending", containerStatuses: [waiting("ErrImagePull")] } }, "ErrImagePull"],
    ["pull back-off", { status: { phase: "Pending", containerStatuses: [waiting("ImagePullBackOff")] } }, "ImagePullBackOff"],
    ["invalid image name", { status: { phase: "Pending", containerStatuses: [waiting("InvalidImageName")] } }, "InvalidImageName"],
    ["image never pulled", { status: { phase: "Pending", containerStatuses: [waiting("ErrImageNeverPull")] } }, "ErrImageNeverPull"],
    ["bad container config", { status: { phase: "Pending", containerStatuses: [waiting("CreateContainerConfigError")] } }, "CreateContainerConfigError"],
    ["all containers running and ready", { status: { phase: "Running", containerStatuses: [running()] } }, "Running"],
    ["running but failing readiness is still Running", { status: { phase: "Running", containerStatuses: [running({ ready: false })] } }, "Running"],
    ["terminated with an error", { status: { phase: "Running", containerStatuses: [terminated(1, "Error")] } }, "Error"],
    ["out of memory", { status: { phase: "Running", containerStatuses: [terminated(137, "OOMKilled")] } }, "OOMKilled"],
    ["crash loop", { status: { phase: "Running", containerStatuses: [waiting("CrashLoopBackOff", { restartCount: 4 })] } }, "CrashLoopBackOff"],
    ["completed", { status: { phase: "Succeeded", containerStatuses: [terminated(0, "Completed")] } }, "Completed"],
    ["terminated without reason shows the signal", { status: { phase: "Running", containerStatuses: [terminated(137, undefined, 9)] } }, "Signal:9"],
    ["terminated without reason or signal shows the exit code", { status: { phase: "Running", containerStatuses: [terminated(2)] } }, "ExitCode:2"],
    ["a waiting state without reason keeps the phase", { status: { phase: "Pending", containerStatuses: [waiting()] } }, "Pending"],
    ["status.reason wins over the phase", { status: { phase: "Failed", reason: "Evicted" } }, "Evicted"],
    [
      "the first container with a reason wins (walked backwards)",
      { containers: 2, status: { phase: "Running", containerStatuses: [waiting("ContainerWaitingReason"), terminated(0, "ContainerTerminatedReason")] } },
      "ContainerWaitingReason",
    ],
    [
      "Completed with another container running and Ready condition is Running",
      { containers: 2, status: { phase: "Running", containerStatuses: [terminated(0, "Completed"), running()], conditions: [cond("Ready", "True")] } },
      "Running",
    ],
    [
      "Completed with another container running but not Ready is NotReady",
      { containers: 2, status: { phase: "Running", containerStatuses: [terminated(0, "Completed"), running()] } },
      "NotReady",
    ],
    ["scheduling gates", { containers: 2, status: { phase: "Pending", conditions: [cond("PodScheduled", "False", "SchedulingGated")] } }, "SchedulingGated"],
    [
      "init container running: Init:<index>/<count>",
      { init: [initC("a"), initC("b")], status: { phase: "Pending", initContainerStatuses: [running({ ready: false }), waiting()], containerStatuses: [waiting("PodInitializing")] } },
      "Init:0/2",
    ],
    [
      "finished init containers are skipped",
      { init: [initC("a"), initC("b")], status: { phase: "Pending", initContainerStatuses: [terminated(0), running({ ready: false })] } },
      "Init:1/2",
    ],
    [
      "init container failed",
      { init: [initC("a")], status: { phase: "Pending", initContainerStatuses: [terminated(1, "Error")] } },
      "Init:Error",
    ],
    [
      "init container failed without reason shows the exit code",
      { init: [initC("a")], status: { phase: "Pending", initContainerStatuses: [terminated(3)] } },
      "Init:ExitCode:3",
    ],
    [
      "init container killed by a signal",
      { init: [initC("a")], status: { phase: "Pending", initContainerStatuses: [terminated(137, undefined, 9)] } },
      "Init:Signal:9",
    ],
    [
      "init container crash loop",
      { init: [initC("a")], status: { phase: "Pending", initContainerStatuses: [waiting("CrashLoopBackOff")] } },
      "Init:CrashLoopBackOff",
    ],
    [
      "init container waiting with PodInitializing counts as not started",
      { init: [initC("a")], status: { phase: "Pending", initContainerStatuses: [waiting("PodInitializing")] } },
      "Init:0/1",
    ],
    [
      "started sidecar lets the next init container decide",
      { init: [sidecar("s"), initC("b")], status: { phase: "Pending", initContainerStatuses: [running({ name: "s" }), waiting("ImagePullBackOff", { name: "b" })] } },
      "Init:ImagePullBackOff",
    ],
    [
      "sidecar not yet started blocks initialization",
      { init: [sidecar("s")], status: { phase: "Pending", initContainerStatuses: [running({ name: "s", started: false })] } },
      "Init:0/1",
    ],
    [
      "an Initialized condition lets a container's reason override a failed init container",
      { init: [initC("a")], status: { phase: "Running", initContainerStatuses: [terminated(1, "Error")], containerStatuses: [waiting("CrashLoopBackOff")], conditions: [cond("Initialized", "True")] } },
      "CrashLoopBackOff",
    ],
    [
      "running containers set no reason, so a failed init container still shows",
      { init: [initC("a")], status: { phase: "Running", initContainerStatuses: [terminated(1, "Error")], containerStatuses: [running()], conditions: [cond("Initialized", "True")] } },
      "Init:Error",
    ],
    ["deleting a running pod", { deleting: true, status: { phase: "Running", containerStatuses: [running()] } }, "Terminating"],
    ["deleting a pending pod", { deleting: true, status: { phase: "Pending" } }, "Terminating"],
    ["deleting a completed pod keeps Completed", { deleting: true, status: { phase: "Succeeded", containerStatuses: [terminated(0, "Completed")] } }, "Completed"],
    ["deleting a failed pod keeps Error", { deleting: true, status: { phase: "Failed", containerStatuses: [terminated(1, "Error")] } }, "Error"],
    ["deleting a pod on a lost node is Unknown", { deleting: true, status: { phase: "Running", reason: "NodeLost", containerStatuses: [running()] } }, "Unknown"],
    ["a lost node without deletion keeps showing NodeLost", { status: { phase: "Running", reason: "NodeLost" } }, "NodeLost"],
  ];
  it.each(cases)("%s", (_name, fixture, want) => {
    expect(summarizePod(pod(fixture), NOW).status).toBe(want);
  });
});

describe("pod READY", () => {
  const cases: [string, PodFixture, string][] = [
    ["ready and running containers count", { containers: 2, status: { phase: "Running", containerStatuses: [running(), running({ ready: false })] } }, "1/2"],
    ["ready without running does not count", { containers: 2, status: { phase: "Running", containerStatuses: [running(), cs({}, { ready: true })] } }, "1/2"],
    ["no statuses yet", { containers: 3, status: { phase: "Pending" } }, "0/3"],
    ["plain init containers do not count", { init: [initC("a")], status: { phase: "Running", initContainerStatuses: [terminated(0, "Completed")], containerStatuses: [running()] } }, "1/1"],
    [
      "started, ready sidecars count toward both sides",
      { init: [sidecar("s1"), sidecar("s2")], status: { phase: "Running", initContainerStatuses: [running({ name: "s1" }), running({ name: "s2", ready: false })], containerStatuses: [running()], conditions: [cond("Initialized", "True")] } },
      "2/3",
    ],
    [
      "statuses for unknown init containers still count as pending (upstream test4)",
      { init: [initC("init1"), sidecar("sidecar1")], status: { phase: "Running", initContainerStatuses: [cs({}, { name: "initinvalid" }), cs({}, { name: "init1" })], containerStatuses: [cs({}, { name: "x" })] } },
      "0/2",
    ],
  ];
  it.each(cases)("%s", (_name, fixture, want) => {
    expect(summarizePod(pod(fixture), NOW).ready).toBe(want);
  });
});

describe("pod RESTARTS", () => {
  const lastDied = (secondsAgo: number) => ({ terminated: { exitCode: 1, finishedAt: ago(secondsAgo) } });
  const cases: [string, PodFixture, string][] = [
    ["no restarts", { status: { phase: "Running", containerStatuses: [running()] } }, "0"],
    ["restarts with the age of the last one", { status: { phase: "Running", containerStatuses: [waiting("CrashLoopBackOff", { restartCount: 4, lastState: lastDied(12) })] } }, "4 (12s ago)"],
    ["restarts without a finish time are a bare count", { status: { phase: "Running", containerStatuses: [running({ restartCount: 2 })] } }, "2"],
    [
      "summed over containers, the most recent restart wins",
      { containers: 2, status: { phase: "Running", containerStatuses: [running({ restartCount: 6, lastState: lastDied(5 * 86400) }), running({ restartCount: 3, lastState: lastDied(20 * 86400) })] } },
      "9 (5d ago)",
    ],
    [
      "init restarts count while initializing",
      { init: [initC("a")], status: { phase: "Pending", initContainerStatuses: [running({ ready: false, restartCount: 3, lastState: lastDied(10) })], containerStatuses: [waiting()] } },
      "3 (10s ago)",
    ],
    [
      "init restarts stop counting once initialized (upstream test11)",
      { init: [initC("a")], status: { phase: "Running", initContainerStatuses: [cs({ terminated: { exitCode: 0 } }, { restartCount: 2, lastState: lastDied(120) })], containerStatuses: [running({ ready: false, restartCount: 4, lastState: lastDied(20) })] } },
      "4 (20s ago)",
    ],
    [
      "sidecar restarts keep counting after initialization",
      { init: [sidecar("s")], status: { phase: "Running", initContainerStatuses: [running({ name: "s", ready: false, restartCount: 3, lastState: lastDied(10) })], containerStatuses: [running({ restartCount: 4, lastState: lastDied(20) })], conditions: [cond("Initialized", "True")] } },
      "7 (10s ago)",
    ],
  ];
  it.each(cases)("%s", (_name, fixture, want) => {
    expect(summarizePod(pod(fixture), NOW).restarts).toBe(want);
  });
});

describe("pod table row", () => {
  it("has the 1.32 columns, wide ones at priority 1", () => {
    expect(podColumns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0",
      "Ready:0",
      "Status:0",
      "Restarts:0",
      "Age:0",
      "IP:1",
      "Node:1",
      "Nominated Node:1",
      "Readiness Gates:1",
    ]);
  });

  it("fills the wide cells, <none> when unset", () => {
    const p = pod({ status: { phase: "Pending" } });
    expect(podTable.cells(p, NOW)).toEqual(["p", "0/1", "Pending", "0", "3m", "<none>", "<none>", "<none>", "<none>"]);
  });

  it("shows the first pod IP, the node, the nominated node and true readiness gates", () => {
    const p = pod({
      status: {
        phase: "Running",
        podIPs: [{ ip: "10.244.1.5" }, { ip: "fd00::5" }],
        nominatedNodeName: "node-3",
        containerStatuses: [running()],
        conditions: [cond("gate1", "False"), cond("gate2", "True")],
      },
    });
    p.spec.nodeName = "node-1";
    p.spec.readinessGates = [{ conditionType: "gate1" }, { conditionType: "gate2" }, { conditionType: "gate3" }];
    expect(podTable.cells(p, NOW).slice(5)).toEqual(["10.244.1.5", "node-1", "node-3", "1/3"]);
  });

  it("prefers status.podIP, which the v1 conversion treats as authoritative", () => {
    const p = pod({ status: { phase: "Running", podIP: "10.0.0.9" } });
    expect(podTable.cells(p, NOW)[5]).toBe("10.0.0.9");
  });
});
