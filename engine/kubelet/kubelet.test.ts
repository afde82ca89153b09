import { describe, expect, it } from "vitest";
import type { Container, Pod } from "../api/types.ts";
import { startScheduler } from "../scheduler/scheduler.ts";
import { startKubelets, type KubeletOptions } from "./index.ts";
import { podManifest, TEST_START, testCluster, type TestCluster } from "./testing.ts";

function cluster(options: KubeletOptions & { seed?: number } = {}): TestCluster {
  const c = testCluster({ seed: options.seed });
  startScheduler(c.ctx);
  startKubelets(c.ctx, options);
  return c;
}

/** A pod pinned to a node, with container 0 adjusted. */
function pod(name: string, container: Partial<Container> = {}, spec: Partial<Pod["spec"]> = {}, node = "node-1"): Pod {
  const p = podManifest(name, { nodeSelector: { "kubernetes.io/hostname": node }, ...spec });
  Object.assign(p.spec.containers[0]!, container);
  return p;
}

/** Every status change of a pod: ms since start, phase, and container 0's state reason. */
function statusLog(c: TestCluster, name: string): string[] {
  const out: string[] = [];
  let last = "";
  c.api.watch("pods", {}, (e) => {
    if (e.object.metadata.name !== name) return;
    const s = e.object.status;
    const cs = s?.containerStatuses?.[0];
    const state = cs?.state?.waiting?.reason ?? cs?.state?.terminated?.reason ?? (cs?.state?.running ? "Running" : "-");
    const line = `${s?.phase} ${state} ready=${cs?.ready ?? "-"} restarts=${cs?.restartCount ?? "-"}`;
    if (line !== last || e.type === "DELETED") out.push(`${c.clock.now() - TEST_START} ${e.type === "DELETED" ? "DELETED" : line}`);
    last = line;
  });
  return out;
}

const ms = (t: number) => t - TEST_START;

describe("a pod walked to Running and Ready", () => {
  it("pulls, creates and starts with the kubelet's events, in order", () => {
    const c = cluster();
    c.api.create("pods", pod("nginx"));
    c.advance(10_000);
    expect(c.events("nginx")).toEqual([
      "Normal Scheduled Successfully assigned default/nginx to node-1",
      "Normal Pulling Pulling image \"nginx:1.14.2\"",
      expect.stringMatching(
        /^Normal Pulled Successfully pulled image "nginx:1\.14\.2" in (\d+\.\d+)s \(\1s including waiting\)\. Image size: 44708492 bytes\.$/,
      ),
      "Normal Created Created container nginx",
      "Normal Started Started container nginx",
    ]);
    const kubeletEvent = c.eventObjects("nginx")[1]!;
    expect(kubeletEvent.source).toEqual({ component: "kubelet", host: "node-1" });
    expect(kubeletEvent.involvedObject.fieldPath).toBe("spec.containers{nginx}");
  });

  it("writes the status a 1.32 kubelet writes", () => {
    const c = cluster();
    c.api.create("pods", pod("nginx"));
    c.advance(10_000);
    const s = c.pod("nginx").status!;
    expect(s.phase).toBe("Running");
    expect(s.conditions!.map((x) => `${x.type}=${x.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=True",
      "ContainersReady=True",
      "PodScheduled=True",
    ]);
    expect(s.hostIP).toBe("172.18.0.3");
    expect(s.hostIPs).toEqual([{ ip: "172.18.0.3" }]);
    expect(s.podIP).toBe("10.244.1.2");
    expect(s.podIPs).toEqual([{ ip: "10.244.1.2" }]);
    expect(s.startTime).toBe("2026-01-05T09:00:00Z");
    expect(s.qosClass).toBe("BestEffort");
    const cs = s.containerStatuses![0]!;
    expect(cs).toMatchObject({
      name: "nginx",
      lastState: {},
      ready: true,
      restartCount: 0,
      image: "docker.io/library/nginx:1.14.2",
      started: true,
    });
    // The service account token volume admission added, as the 1.32 status lists mounts.
    expect(cs.volumeMounts).toEqual([
      { name: expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/), mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true, recursiveReadOnly: "Disabled" },
    ]);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.state?.running?.startedAt).toMatch(/^2026-01-05T09:00:0\dZ$/);
  });

  it("shows ContainerCreating with the not-ready reasons until the container runs", () => {
    const c = cluster();
    c.api.create("pods", pod("nginx"));
    c.advance(500);
    const s = c.pod("nginx").status!;
    expect(s.phase).toBe("Pending");
    expect(s.podIP).toBeUndefined();
    expect(s.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["PodReadyToStartContainers", "False", undefined, undefined],
      ["Initialized", "True", undefined, undefined],
      ["Ready", "False", "ContainersNotReady", "containers with unready status: [nginx]"],
      ["ContainersReady", "False", "ContainersNotReady", "containers with unready status: [nginx]"],
      ["PodScheduled", "True", undefined, undefined],
    ]);
    expect(s.containerStatuses![0]).toEqual({
      name: "nginx",
      state: { waiting: { reason: "ContainerCreating" } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: "nginx:1.14.2",
      imageID: "",
      started: false,
      volumeMounts: [expect.objectContaining({ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" })],
    });
  });

  it("runs a pod that tolerates the control-plane taint on the control plane", () => {
    const c = cluster();
    c.api.create(
      "pods",
      pod("cp", {}, { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }, "control-plane"),
    );
    c.advance(10_000);
    const s = c.pod("cp").status!;
    expect([s.phase, s.hostIP, s.podIP]).toEqual(["Running", "172.18.0.2", "10.244.0.2"]);
  });

  it("finds the image already present for a second pod on the node", () => {
    const c = cluster();
    c.api.create("pods", pod("first"));
    c.advance(10_000);
    c.api.create("pods", pod("second"));
    c.advance(3_000);
    expect(c.events("second").slice(1)).toEqual([
      'Normal Pulled Container image "nginx:1.14.2" already present on machine',
      "Normal Created Created container second",
      "Normal Started Started container second",
    ]);
    expect(c.pod("second").status?.podIP).toBe("10.244.1.3");
    const images = c.api.get("nodes", undefined, "node-1").status!.images!;
    expect(images.some((i) => i.names.includes("docker.io/library/nginx:1.14.2"))).toBe(true);
  });

  it("serializes pulls on a node: the second waits for the first", () => {
    const c = cluster();
    c.api.create("pods", pod("a", { image: "mysql:8.0", env: [{ name: "MYSQL_ROOT_PASSWORD", value: "x" }] }));
    c.api.create("pods", pod("b", { image: "redis:7" }));
    c.advance(40_000);
    const pulled = c.events("b").find((e) => e.includes("Successfully pulled"))!;
    const m = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulled)!;
    expect(Number(m[2])).toBeGreaterThan(Number(m[1]) + 10);
  });
});

describe("image pull failures", () => {
  it("a tag that does not exist: ErrImagePull, then ImagePullBackOff, retried after 10 s, 20 s, 40 s", () => {
    const c = cluster();
    const log = statusLog(c, "bad");
    c.api.create("pods", pod("bad", { image: "nginx:1.99" }));
    c.advance(90_000);
    // Sandbox at 1.13 s, the registry answers "not found" 0.65 s later.
    expect(log).toEqual([
      "0 Pending - ready=- restarts=-",
      "30 Pending ContainerCreating ready=false restarts=0",
      "1780 Pending ErrImagePull ready=false restarts=0",
      "2780 Pending ImagePullBackOff ready=false restarts=0",
      "12430 Pending ErrImagePull ready=false restarts=0",
      "22430 Pending ImagePullBackOff ready=false restarts=0",
      "33080 Pending ErrImagePull ready=false restarts=0",
      "43080 Pending ImagePullBackOff ready=false restarts=0",
      "73730 Pending ErrImagePull ready=false restarts=0",
      "83730 Pending ImagePullBackOff ready=false restarts=0",
    ]);
    const notFound =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found';
    expect(c.eventLog("bad").slice(1, 6)).toEqual([
      'Normal Pulling Pulling image "nginx:1.99"',
      `Warning Failed Failed to pull image "nginx:1.99": ${notFound}`,
      "Warning Failed Error: ErrImagePull",
      'Normal BackOff Back-off pulling image "nginx:1.99"',
      "Warning Failed Error: ImagePullBackOff",
    ]);
    expect(c.pod("bad").status!.containerStatuses![0]!.state).toEqual({
      waiting: { reason: "ImagePullBackOff", message: `Back-off pulling image "nginx:1.99": ErrImagePull: ${notFound}` },
    });
  });

  it("caps the pull back-off at 5 minutes", () => {
    const c = cluster();
    const pulls: number[] = [];
    let last = "";
    c.api.watch("pods", {}, (e) => {
      const reason = e.object.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? "";
      // Each failed pull writes ErrImagePull (the event stream is cut by the recorder's spam filter).
      if (reason === "ErrImagePull" && last !== reason) pulls.push(c.clock.now() - 650);
      last = reason;
    });
    c.api.create("pods", pod("bad", { image: "nginx:1.99" }));
    c.advance(1_600_000);
    const gaps = pulls.slice(1).map((t, i) => t - pulls[i]! - 650);
    // A pull starts when the back-off since the last failure has passed; the failure takes 650 ms.
    expect(gaps.slice(0, 6)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
    expect(gaps.length).toBeGreaterThan(7);
    expect(gaps.slice(6).every((g) => g === 300_000)).toBe(true);
  });

  it("an unknown repository on Docker Hub is denied", () => {
    const c = cluster();
    c.api.create("pods", pod("nope", { image: "kubedojo/does-not-exist:v1" }));
    c.advance(3_000);
    expect(c.events("nope")).toContain(
      'Warning Failed Failed to pull image "kubedojo/does-not-exist:v1": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/kubedojo/does-not-exist:v1": failed to resolve reference "docker.io/kubedojo/does-not-exist:v1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it("a malformed reference is InvalidImageName", () => {
    const c = cluster();
    c.api.create("pods", pod("upper", { image: "NGINX" }));
    c.advance(3_000);
    const msg = 'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase';
    expect(c.events("upper").slice(1)).toEqual([`Warning InspectFailed ${msg}`, "Warning Failed Error: InvalidImageName"]);
    expect(c.pod("upper").status!.containerStatuses![0]!.state).toEqual({ waiting: { reason: "InvalidImageName", message: msg } });
  });

  it("imagePullPolicy Never without the image is ErrImageNeverPull", () => {
    const c = cluster();
    c.api.create("pods", pod("never", { image: "nginx:1.25", imagePullPolicy: "Never" }));
    c.advance(3_000);
    expect(c.pod("never").status!.containerStatuses![0]!.state?.waiting?.reason).toBe("ErrImageNeverPull");
    expect(c.events("never")).toContain('Warning ErrImageNeverPull Container image "nginx:1.25" is not present with pull policy of Never');
  });
});

describe("crash loops", () => {
  it("busybox without a command completes, restarts at once, then backs off 10 s, 20 s, 40 s", () => {
    const c = cluster();
    const log = statusLog(c, "bb");
    c.api.create("pods", pod("bb", { image: "busybox:1.36" }));
    c.advance(80_000);
    const states = log.map((l) => l.split(" ").slice(1).join(" "));
    expect(states).toEqual([
      "Pending - ready=- restarts=-",
      "Pending ContainerCreating ready=false restarts=0",
      "Running Completed ready=false restarts=0",
      "Running Completed ready=false restarts=1",
      "Running CrashLoopBackOff ready=false restarts=1",
      "Running Completed ready=false restarts=2",
      "Running CrashLoopBackOff ready=false restarts=2",
      "Running Completed ready=false restarts=3",
      "Running CrashLoopBackOff ready=false restarts=3",
      "Running Completed ready=false restarts=4",
      "Running CrashLoopBackOff ready=false restarts=4",
    ]);
    const at = log.map((l) => Number(l.split(" ")[0]));
    // The exit is acted on a relist (1 s) later; a back-off counts from the exit; a restart takes create + start + run (320 ms).
    expect(at[4]! - at[3]!).toBe(1_000);
    expect([at[5]! - at[3]!, at[7]! - at[5]!, at[9]! - at[7]!]).toEqual([10_320, 20_320, 40_320]);
    const cs = c.pod("bb").status!.containerStatuses![0]!;
    expect(cs.state?.waiting?.message).toBe(
      `back-off 1m20s restarting failed container=bb pod=bb_default(${c.pod("bb").metadata.uid})`,
    );
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(c.events("bb")).toContain(`Warning BackOff Back-off restarting failed container bb in pod bb_default(${c.pod("bb").metadata.uid})`);
    expect(c.events("bb").filter((e) => e.includes("already present")).length).toBeGreaterThan(0);
  });

  it("mysql without a root password exits 1: Error, then CrashLoopBackOff", () => {
    const c = cluster();
    const log = statusLog(c, "db");
    c.api.create("pods", pod("db", { image: "mysql:8.0" }));
    c.advance(60_000);
    expect(log.map((l) => l.split(" ").slice(1, 3).join(" "))).toEqual(
      expect.arrayContaining(["Running Running", "Running Error", "Running CrashLoopBackOff"]),
    );
    const cs = c.pod("db").status!.containerStatuses![0]!;
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
  });

  it("the back-off caps at 5 minutes and the restart count keeps counting", () => {
    const c = cluster();
    c.api.create("pods", pod("bb", { image: "busybox:1.36" }));
    c.advance(1_800_000);
    const cs = c.pod("bb").status!.containerStatuses![0]!;
    expect(cs.state?.waiting?.message).toMatch(/^back-off 5m0s restarting failed container=bb /);
    // Exits ~2.5 s, 4 s, then 10, 20, 40, 80, 160, 300, 300, 300, 300 s of back-off (plus 0.3 s runs): 10 restarts by 30 min.
    expect(cs.restartCount).toBe(10);
  });

  it("a container that ran 10 minutes restarts at once: the back-off was reset", () => {
    const c = cluster();
    const log = statusLog(c, "slow");
    c.api.create("pods", pod("slow", { image: "busybox:1.36", command: ["sh", "-c", "sleep 700; exit 1"] }));
    c.advance(1_500_000);
    expect(log.map((l) => l.split(" ").slice(1, 2 + 1).join(" ")).filter((l) => l.includes("CrashLoopBackOff"))).toEqual([]);
    expect(c.pod("slow").status!.containerStatuses![0]!.restartCount).toBe(2);
  });
});

describe("restart policies", () => {
  it("Never: a command that exits 0 leaves the pod Succeeded", () => {
    const c = cluster();
    c.api.create("pods", pod("job", { image: "busybox:1.36", command: ["sh", "-c", "echo done"] }, { restartPolicy: "Never" }));
    c.advance(10_000);
    const s = c.pod("job").status!;
    expect(s.phase).toBe("Succeeded");
    expect(s.containerStatuses![0]!.state?.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(s.conditions!.map((x) => [x.type, x.status, x.reason])).toEqual([
      ["PodReadyToStartContainers", "False", undefined],
      ["Initialized", "True", "PodCompleted"],
      ["Ready", "False", "PodCompleted"],
      ["ContainersReady", "False", "PodCompleted"],
      ["PodScheduled", "True", undefined],
    ]);
    expect(c.clock.idle()).toBe(true);
  });

  it("Never: a failing command leaves it Failed; OnFailure restarts it", () => {
    const c = cluster();
    c.api.create("pods", pod("f", { image: "busybox:1.36", command: ["false"] }, { restartPolicy: "Never" }));
    c.api.create("pods", pod("o", { image: "busybox:1.36", command: ["false"] }, { restartPolicy: "OnFailure" }));
    c.advance(20_000);
    expect(c.pod("f").status!.phase).toBe("Failed");
    expect(c.pod("f").status!.conditions!.find((x) => x.type === "Ready")?.reason).toBe("PodFailed");
    expect(c.pod("o").status!.phase).toBe("Running");
    expect(c.pod("o").status!.containerStatuses![0]!.restartCount).toBeGreaterThan(0);
  });
});

describe("probes", () => {
  it("readiness with initialDelaySeconds: Running but not Ready until the first probe passes", () => {
    const c = cluster();
    c.api.create("pods", pod("web", { readinessProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 } }));
    c.runUntil(() => !!c.pod("web").status?.containerStatuses?.[0]?.state?.running);
    let s = c.pod("web").status!;
    const started = Date.parse(s.containerStatuses![0]!.state!.running!.startedAt!);
    expect(s.phase).toBe("Running");
    expect(s.containerStatuses![0]!.ready).toBe(false);
    expect(s.conditions!.find((x) => x.type === "Ready")?.message).toBe("containers with unready status: [web]");
    c.advance(started + 5_000 - c.clock.now() - 1);
    expect(c.pod("web").status!.containerStatuses![0]!.ready).toBe(false);
    c.advance(1_000);
    s = c.pod("web").status!;
    expect(s.containerStatuses![0]!.ready).toBe(true);
    expect(s.conditions!.find((x) => x.type === "Ready")?.status).toBe("True");
  });

  it("a readiness probe on the wrong port fails with the prober's message", () => {
    const c = cluster();
    c.api.create("pods", pod("web", { readinessProbe: { httpGet: { path: "/", port: 8080 }, periodSeconds: 5 } }));
    c.advance(30_000);
    const ip = c.pod("web").status!.podIP;
    expect(c.events("web")).toContain(
      `Warning Unhealthy Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`,
    );
    expect(c.pod("web").status!.containerStatuses![0]!.ready).toBe(false);
    expect(c.eventObjects("web").find((e) => e.reason === "Unhealthy")!.count).toBeGreaterThan(3);
  });

  it("the liveness-exec example: healthy for 30 s, then killed and restarted", () => {
    const d = cluster();
    d.api.create(
      "pods",
      pod("liveness-exec", {
        image: "registry.k8s.io/busybox",
        args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
        livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 },
      }),
    );
    d.advance(75_000);
    const events = d.events("liveness-exec");
    expect(events).toContain("Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain("Normal Killing Container liveness-exec failed liveness probe, will be restarted");
    const cs = d.pod("liveness-exec").status!.containerStatuses![0]!;
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
  });

  it("a lesson can force a probe result through data", () => {
    const probeOverrides = [{ pod: "web*", probe: "readiness" as const, result: "failure" as const, message: "HTTP probe failed with statuscode: 503" }];
    const c = cluster({ probeOverrides });
    c.api.create("pods", pod("web-1", { readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 } }));
    c.advance(20_000);
    expect(c.pod("web-1").status!.containerStatuses![0]!.ready).toBe(false);
    expect(c.events("web-1")).toContain("Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 503");
    probeOverrides.length = 0;
    c.advance(5_000);
    expect(c.pod("web-1").status!.containerStatuses![0]!.ready).toBe(true);
  });
});

describe("graceful deletion", () => {
  it("nginx stops at once: Killing, final status Succeeded, then the pod is removed and its IP freed", () => {
    const c = cluster();
    const log = statusLog(c, "nginx");
    c.api.create("pods", pod("nginx"));
    c.advance(10_000);
    c.api.delete("pods", "default", "nginx");
    c.advance(2_000);
    expect(c.events("nginx").at(-1)).toBe("Normal Killing Stopping container nginx");
    expect(log.slice(-2)).toEqual(["10120 Succeeded Completed ready=false restarts=0", "10620 DELETED"]);
    expect(c.api.find("pods", "default", "nginx")).toBeUndefined();
    c.api.create("pods", pod("next"));
    c.advance(5_000);
    expect(c.pod("next").status!.podIP).toBe("10.244.1.3");
  });

  it("sleep ignores SIGTERM: killed when the grace period ends, exit 137, Failed", () => {
    const c = cluster();
    const log = statusLog(c, "sleeper");
    c.api.create("pods", pod("sleeper", { image: "busybox:1.36", command: ["sleep", "3600"] }, { terminationGracePeriodSeconds: 5 }));
    c.advance(10_000);
    c.api.delete("pods", "default", "sleeper");
    c.advance(4_000);
    expect(c.pod("sleeper").status!.phase).toBe("Running");
    c.advance(2_000);
    expect(log.slice(-2)).toEqual(["15020 Failed Error ready=false restarts=0", "15520 DELETED"]);
  });

  it("a pod that never started ends Failed with ContainerStatusUnknown", () => {
    const c = cluster();
    let final: Pod | undefined;
    c.api.watch("pods", {}, (e) => {
      if (e.type === "MODIFIED" && e.object.status?.phase === "Failed") final = e.object;
    });
    c.api.create("pods", pod("bad", { image: "nginx:1.99" }));
    c.advance(5_000);
    c.api.delete("pods", "default", "bad");
    c.advance(2_000);
    expect(final!.status!.containerStatuses![0]!.state).toEqual({
      terminated: { exitCode: 137, reason: "ContainerStatusUnknown", message: "The container could not be located when the pod was terminated" },
    });
    expect(c.api.find("pods", "default", "bad")).toBeUndefined();
    expect(c.clock.idle()).toBe(true);
  });
});

describe("init containers", () => {
  it("run first, one at a time; the app waits in PodInitializing", () => {
    const c = cluster();
    const p = pod("app");
    p.spec.initContainers = [{ name: "wait", image: "busybox:1.36", command: ["sh", "-c", "sleep 5"] }];
    c.api.create("pods", p);
    c.advance(4_000);
    let s = c.pod("app").status!;
    expect(s.phase).toBe("Pending");
    expect(s.initContainerStatuses![0]!.state?.running).toBeDefined();
    expect(s.containerStatuses![0]!.state).toEqual({ waiting: { reason: "PodInitializing" } });
    expect(s.conditions!.find((x) => x.type === "Initialized")).toMatchObject({
      status: "False",
      reason: "ContainersNotInitialized",
      message: "containers with incomplete status: [wait]",
    });
    c.advance(15_000);
    s = c.pod("app").status!;
    expect(s.phase).toBe("Running");
    expect(s.initContainerStatuses![0]!.state?.terminated?.reason).toBe("Completed");
    expect(c.events("app").map((e) => e.split(" ").slice(0, 2).join(" "))).toEqual([
      "Normal Scheduled",
      "Normal Pulling",
      "Normal Pulled",
      "Normal Created",
      "Normal Started",
      "Normal Pulling",
      "Normal Pulled",
      "Normal Created",
      "Normal Started",
    ]);
  });
});

describe("determinism", () => {
  it("the same seed gives the same nodes, IPs, ids and events", () => {
    const run = (seed: number) => {
      const c = cluster({ seed });
      for (let i = 0; i < 5; i++) c.api.create("pods", podManifest(`p${i}`));
      c.api.create("pods", podManifest("bb", { image: "busybox" }));
      c.advance(60_000);
      return JSON.stringify({
        pods: c.api.list("pods").items.map((p) => [p.spec.nodeName, p.status]),
        events: c.api.list("events").items.map((e) => [e.metadata.name, e.message, e.count]),
      });
    };
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });

  it("an idle cluster has nothing on its clock", () => {
    const c = cluster();
    c.api.create("pods", podManifest("nginx"));
    c.advance(30_000);
    expect(c.clock.idle()).toBe(true);
    expect(c.errors).toEqual([]);
  });
});
