// `kubectl run` through the learner's shell: what the differential test
// cannot show. Attaching to a running pod (real kubectl opens a stream; ours
// shows the output of a pod without stdin, and says the pod shell is not
// there yet for -i), waiting for the pod in virtual time, --rm, exit codes,
// and the everyday sequences of the tutorials.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import type { Pod } from "../../engine/api/types.ts";
import { POD_SHELL_MESSAGE } from "../../engine/kubectl/commands/exec.ts";

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

interface Want {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

interface Case {
  name: string;
  /** Lines run first (each must succeed). */
  setup?: string[];
  line: string;
  want: Want;
  /** What is left of pod `pod` afterwards: gone (or going), or its restartPolicy/stdin/tty. */
  pod?: { name: string; deleting?: boolean; spec?: Record<string, unknown> };
  /** Virtual seconds the line may take, at most. */
  maxSeconds?: number;
}

const CASES: Case[] = [
  {
    name: "-it --rm with a shell: the prompt line, the pod-shell message, then the pod is deleted",
    line: "kubectl run -it --rm busybox --image=busybox --restart=Never -- sh",
    want: { stdout: 'pod "busybox" deleted\n', stderr: PROMPT + POD_SHELL_MESSAGE, exitCode: 1 },
    pod: { name: "busybox", deleting: true },
    maxSeconds: 10,
  },
  {
    name: "-it without --rm keeps the pod, with stdin and a TTY, restartPolicy Always",
    line: "kubectl run -it box --image=busybox -- sh",
    want: { stdout: "", stderr: PROMPT + POD_SHELL_MESSAGE, exitCode: 1 },
    pod: { name: "box", spec: { restartPolicy: "Always", stdin: true, stdinOnce: true, tty: true } },
  },
  {
    name: "-q leaves out the prompt line and the deletion message",
    line: "kubectl run -i -q --rm box --image=busybox --restart=Never -- sh",
    want: { stdout: "", stderr: POD_SHELL_MESSAGE, exitCode: 1 },
    pod: { name: "box", deleting: true },
  },
  {
    name: "-i --rm on a pod that is done at once: its logs, then the deletion",
    line: "kubectl run -i --rm t --image=busybox --restart=Never -- echo hello",
    want: { stdout: 'hello\npod "t" deleted\n', stderr: "", exitCode: 0 },
    pod: { name: "t", deleting: true },
  },
  {
    name: "--restart=Never returns the container's exit code",
    line: "kubectl run --attach f --image=busybox --restart=Never -- sh -c 'echo bad; exit 3'",
    want: { stdout: "bad\n", stderr: "pod default/f terminated (Error)\n", exitCode: 3 },
  },
  {
    name: "--attach without stdin shows the output of a running pod until it exits",
    line: "kubectl run --attach late --image=busybox --restart=Never -- sh -c 'sleep 3; echo late; exit 2'",
    want: { stdout: "late\n", stderr: PROMPT + "pod default/late terminated (Error)\n", exitCode: 2 },
    maxSeconds: 15,
  },
  {
    name: "a pod that never runs: --pod-running-timeout, and --rm deletes before the error",
    line: "kubectl run --attach --rm bad --image=nginx:doesnotexist --restart=Never --pod-running-timeout=10s",
    want: { stdout: 'pod "bad" deleted\n', stderr: "error: timed out waiting for the condition\n", exitCode: 1 },
    pod: { name: "bad", deleting: true },
    maxSeconds: 11,
  },
  {
    name: "--rm without attaching is refused before anything is created",
    line: "kubectl run nginx --image=nginx --rm",
    want: { stdout: "", stderr: "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 },
  },
  {
    name: "the usual first pod",
    line: "kubectl run nginx --image=nginx",
    want: { stdout: "pod/nginx created\n", stderr: "", exitCode: 0 },
    pod: { name: "nginx", spec: { restartPolicy: "Always" } },
  },
  {
    name: "run twice: AlreadyExists",
    setup: ["kubectl run nginx --image=nginx"],
    line: "kubectl run nginx --image=nginx",
    want: { stdout: "", stderr: 'Error from server (AlreadyExists): pods "nginx" already exists\n', exitCode: 1 },
  },
  {
    name: "a one-shot pod's logs",
    setup: ["kubectl run hi --image=busybox --restart=Never -- sh -c 'echo hi'", "sleep 5"],
    line: "kubectl logs hi",
    want: { stdout: "hi\n", stderr: "", exitCode: 0 },
  },
  {
    name: "a manifest from --dry-run=client -o yaml, then applied",
    setup: ["kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml"],
    line: "grep -c run: pod.yaml && kubectl apply -f pod.yaml",
    want: { stdout: "1\npod/nginx created\n", exitCode: 0 },
    pod: { name: "nginx" },
  },
];

describe("kubectl run", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const cluster = createCluster();
    for (const line of c.setup ?? []) expect((await cluster.exec(line)).exitCode).toBe(0);
    const start = cluster.now().getTime();
    const result = await cluster.exec(c.line);
    expect(result).toMatchObject(c.want);
    if (c.maxSeconds !== undefined) expect(cluster.now().getTime() - start).toBeLessThanOrEqual(c.maxSeconds * 1000);
    if (c.pod) {
      const pod = cluster.api.find("pods", "default", c.pod.name) as Pod | undefined;
      if (c.pod.deleting) expect(pod === undefined || pod.metadata.deletionTimestamp !== undefined).toBe(true);
      else expect(pod?.metadata.deletionTimestamp).toBeUndefined();
      if (c.pod.spec) {
        const { restartPolicy, ...container } = c.pod.spec;
        if (restartPolicy !== undefined) expect(pod?.spec.restartPolicy).toBe(restartPolicy);
        expect(pod?.spec.containers[0]).toMatchObject(container);
      }
    }
  });

  it("--expose needs --port, and creates the Service once the cluster has the kind", async () => {
    const cluster = createCluster();
    expect(await cluster.exec("kubectl run web --image=nginx --expose")).toMatchObject({
      stderr: "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n",
      exitCode: 1,
    });
    const r = await cluster.exec("kubectl run web --image=nginx --expose --port=80");
    if (cluster.api.registry.get("services")) {
      expect(r).toMatchObject({ stdout: "service/web created\npod/web created\n", exitCode: 0 });
    } else {
      expect(r).toMatchObject({ stdout: "", stderr: "error: --expose needs Services, which this simulated cluster does not have yet\n", exitCode: 1 });
      expect(cluster.api.find("pods", "default", "web")).toBeUndefined();
    }
  });

  it("Ctrl-C while waiting for the pod: exit 130, and --rm still cleans up", async () => {
    const cluster = createCluster();
    const controller = new AbortController();
    let waited = 0;
    const r = await cluster.exec("kubectl run --attach --rm stuck --image=nginx:doesnotexist --restart=Never", {
      signal: controller.signal,
      wait: async (ms) => {
        cluster.advance(ms);
        if ((waited += ms) >= 5000) controller.abort();
      },
    });
    expect(r).toMatchObject({ stdout: 'pod "stuck" deleted\n', exitCode: 130 });
  });
});
