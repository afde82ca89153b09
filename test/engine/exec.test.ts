// cluster.exec: the learner's shell with kubectl wired to the cluster.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import { deployment } from "./helpers.ts";

describe("cluster.exec", () => {
  it("runs kubectl against the cluster, through pipes, on the virtual clock", async () => {
    const cluster = createCluster();
    cluster.api.create("deployments", deployment({ replicas: 3 }));
    const start = cluster.nowMs();
    const r = await cluster.exec("sleep 30; kubectl get deploy web --no-headers | awk '{print $1, $2}'");
    expect(r).toEqual({ stdout: "web 3/3\n", stderr: "", exitCode: 0 });
    expect(cluster.nowMs() - start).toBe(30_000);
    const names = await cluster.exec("kubectl get pods -o name | wc -l");
    expect(names.stdout.trim()).toBe("3");
  });

  it("answers errors as kubectl and bash do, and never throws", async () => {
    const cluster = createCluster();
    expect(await cluster.exec("kubectl get foo")).toEqual({
      stdout: "",
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    });
    expect(await cluster.exec("kubectl get deploy nope")).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(await cluster.exec("foo")).toEqual({ stdout: "", stderr: "bash: foo: command not found\n", exitCode: 127 });
    expect((await cluster.exec("echo 'unterminated")).exitCode).not.toBe(0);
  });

  it("keeps files between lines and paces waits through the caller", async () => {
    const cluster = createCluster();
    await cluster.exec("echo hello > note.txt");
    expect((await cluster.exec("cat note.txt")).stdout).toBe("hello\n");
    const waited: number[] = [];
    const before = cluster.nowMs();
    await cluster.exec("sleep 2", { wait: async (ms) => void waited.push(ms) });
    expect(waited).toEqual([2000]);
    expect(cluster.nowMs() - before).toBe(2000);
  });

  it("hands vi and nano to the caller's editor, line by line", async () => {
    const cluster = createCluster();
    await cluster.exec("echo 'replicas: 1' > d.yaml");
    const calls: string[][] = [];
    const editor = async (path: string, content: string, info: { program: string }) => {
      calls.push([path, content, info.program]);
      return content.replace("1", "3");
    };
    expect(await cluster.exec("nano d.yaml && cat d.yaml", { editor })).toEqual({ stdout: "replicas: 3\n", stderr: "", exitCode: 0 });
    expect(calls).toEqual([["/home/learner/d.yaml", "replicas: 1\n", "nano"]]);
    // The next line comes from a terminal without an editor: vi says so.
    const r = await cluster.exec("vi d.yaml");
    expect([r.exitCode, r.stderr]).toEqual([1, "vi: the full-screen editor is not available in this terminal; write a file with: cat > FILE <<'EOF'\n"]);
  });
});
