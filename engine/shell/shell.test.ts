// The shell as the terminal uses it: prompt, aliases, host commands (a fake
// kubectl), streaming, virtual time, Ctrl-C, the editor hook, watch,
// history, snapshots, limits, and when a line needs more input.
import { describe, expect, it } from "vitest";
import type { ExternalCommand } from "./shell.ts";
import { TEST_START, testShell } from "./testing.ts";

async function run(lines: string[], files: Record<string, string> = {}) {
  const t = testShell({}, files);
  const out = [];
  for (const line of lines) out.push(await t.shell.run(line));
  return { ...t, results: out, last: out[out.length - 1] };
}

describe("prompt", () => {
  const cases: Array<[string[], string]> = [
    [[], "learner@kubedojo:~$ "],
    [["cd /tmp"], "learner@kubedojo:/tmp$ "],
    [["mkdir -p lessons/one && cd lessons/one"], "learner@kubedojo:~/lessons/one$ "],
    [["cd /"], "learner@kubedojo:/$ "],
    [["cd nowhere"], "learner@kubedojo:~$ "],
  ];
  it.each(cases)("after %j: %j", async (lines, prompt) => {
    const { shell } = await run(lines);
    expect(shell.prompt()).toBe(prompt);
    expect(shell.continuationPrompt()).toBe("> ");
  });
});

describe("lines with the fake kubectl", () => {
  const cases: Array<[string, string[], { stdout?: string; stderr?: string; exitCode?: number }]> = [
    ["alias, then the alias on the next line", ["alias k=kubectl", "k get pods"], { stdout: 'kubectl "get" "pods" (cwd /home/learner)\n' }],
    ["alias on the same line is not yet defined (as in bash)", ["alias k=kubectl; k get pods"], { stderr: "bash: k: command not found\n", exitCode: 127 }],
    ["alias whose value has arguments", ["alias kgp='kubectl get pods'", "kgp -o wide"], { stdout: 'kubectl "get" "pods" "-o" "wide" (cwd /home/learner)\n' }],
    ["alias is not expanded when quoted", ["alias k=kubectl", "'k' get"], { stderr: "bash: k: command not found\n", exitCode: 127 }],
    ["alias in a later line of a multi-line input", ["alias k=kubectl\nk version"], { stdout: 'kubectl "version" (cwd /home/learner)\n' }],
    ["type of an alias", ["alias k=kubectl", "type k"], { stdout: "k is aliased to `kubectl'\n" }],
    ["an alias does not expand inside itself", ["alias ls='ls -a'", "ls"], { stdout: ".  ..\n" }],
    ["aliases that refer to each other stop", ["alias a=b b=a", "a"], { stderr: "bash: a: command not found\n", exitCode: 127 }],
    ["an alias ending in a blank expands the next word", ["alias e='echo ' x=expanded", "e x"], { stdout: "expanded\n" }],
    ["which kubectl", ["which kubectl; type kubectl"], { stdout: "/usr/local/bin/kubectl\nkubectl is /usr/local/bin/kubectl\n" }],
    ["heredoc piped into kubectl apply -f -", ["cat <<EOF | kubectl apply -f -\nkind: Pod\nname: $USER\nEOF"], { stdout: 'kubectl "apply" "-f" "-" <<<"kind: Pod\\nname: learner\\n" (cwd /home/learner)\n' }],
    ["heredoc straight into kubectl", ["kubectl apply -f - <<'EOF'\nx: $HOME\nEOF"], { stdout: 'kubectl "apply" "-f" "-" <<<"x: $HOME\\n" (cwd /home/learner)\n' }],
    ["command substitution of kubectl | head", ['POD=$(kubectl get pods -o name | head -1); echo "$POD" ${POD#pod/}'], { stdout: "pod/web-1 web-1\n" }],
    ["xargs into kubectl", ["kubectl get pods -o name | xargs kubectl delete"], { stdout: 'kubectl "delete" "pod/web-1" "pod/web-2" (cwd /home/learner)\n' }],
    ["kubectl failure status", ["kubectl fail; echo $?"], { stdout: "1\n", stderr: 'error: the server doesn\'t have a resource type "fail"\n' }],
    ["kubectl output into a file", ["kubectl get pods -o name > pods.txt; wc -l < pods.txt"], { stdout: "2\n" }],
    ["kubectl in another directory", ["mkdir d; cd d; kubectl get"], { stdout: 'kubectl "get" (cwd /home/learner/d)\n' }],
    ["prefix assignment reaches the command's env", ["X=1 env | grep ^X=; echo [$X]"], { stdout: "X=1\n[]\n" }],
    ["kubectl in a for loop", ["for p in $(kubectl get pods -o name); do echo ${p##*/}; done"], { stdout: "web-1\nweb-2\n" }],
    ["unknown command", ["kubeclt get pods"], { stderr: "bash: kubeclt: command not found\n", exitCode: 127 }],
    ["sh -c speaks dash", ["sh -c 'nope'"], { stderr: "sh: 1: nope: not found\n", exitCode: 127 }],
    ["an expansion error stops only its line", ["echo ${x:?not set}; echo same\necho next"], { stdout: "next\n", stderr: "bash: x: not set\n", exitCode: 0 }],
    ["syntax error stops the rest", ["echo a\necho )\necho c"], { stdout: "a\n", stderr: "bash: syntax error near unexpected token `)'\n", exitCode: 2 }],
    ["a pipe continues on the next line", ["echo a |\ntr a b"], { stdout: "b\n" }],
    ["here-document without its delimiter warns and runs", ["cat <<EOF\nhello"], { stdout: "hello\n", stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n" }],
    ["redirect glob that matches two files is ambiguous", ["touch a.yaml b.yaml; echo hi > *.yaml"], { stderr: "bash: *.yaml: ambiguous redirect\n", exitCode: 1 }],
    ["redirect glob that matches one file", ["touch a.yaml; echo hi > *.yaml; cat a.yaml"], { stdout: "hi\n" }],
    ["background job runs in the foreground, saying so", ["echo bg &"], { stdout: "bg\n", stderr: "bash: job control is not available in this terminal; running in the foreground\n" }],
    ["clear", ["clear"], { stdout: "\x1b[H\x1b[2J\x1b[3J" }],
    ["time reports virtual time", ["time sleep 61.5"], { stderr: "\nreal\t1m1.500s\nuser\t0m0.000s\nsys\t0m0.000s\n" }],
    ["true and false", ["true; echo $?; false; echo $?"], { stdout: "0\n1\n" }],
    ["whoami and hostname", ["whoami; hostname; echo $HOME $USER"], { stdout: "learner\nkubedojo\n/home/learner learner\n" }],
    ["less prints the text", ["echo paged | less"], { stdout: "paged\n" }],
    ["/dev/null reads empty and swallows writes", ["cat /dev/null; awk 'END {print NR}' /dev/null; echo x | tee /dev/null; cp f /dev/null 2>&1; ls /dev/null"], { stdout: "0\nx\ncp: cannot stat 'f': No such file or directory\n/dev/null\n" }],
    ["history expansion", ["echo one two", "!!; echo !$"], { stdout: "one two\ntwo\n", stderr: "echo one two; echo two\n" }],
    ["history expansion of a missing event", ["!nope"], { stderr: "bash: !nope: event not found\n", exitCode: 1 }],
    ["no history expansion in single quotes or before =", ["echo '!!' a!=b !"], { stdout: "!! a!=b !\n" }],
    ["vi without an editor says so", ["vi x.yaml"], { stderr: "vi: the full-screen editor is not available in this terminal; write a file with: cat > FILE <<'EOF'\n", exitCode: 1 }],
    ["tail -f says it shows the file once", ["echo a > f; tail -f f"], { stdout: "a\n", stderr: "tail: -f is not available in this terminal (files here do not grow); showing the file once\n" }],
  ];
  it.each(cases)("%s", async (_name, lines, expected) => {
    const { last } = await run(lines);
    expect(last.stdout).toBe(expected.stdout ?? "");
    expect(last.stderr).toBe(expected.stderr ?? "");
    expect(last.exitCode).toBe(expected.exitCode ?? 0);
  });
});

describe("lines run one at a time", () => {
  it("a second run waits for the first", async () => {
    let release: () => void = () => {};
    const t = testShell({ sleep: () => new Promise<void>((r) => (release = r)) });
    const first = t.shell.run("X=1; sleep 5; echo first $X");
    const second = t.shell.run("echo second $X");
    await new Promise((r) => setTimeout(r, 5));
    release();
    expect((await first).stdout).toBe("first 1\n");
    expect((await second).stdout).toBe("second 1\n");
  });
});

describe("exit", () => {
  it("reports that the learner left and keeps working afterwards", async () => {
    const { shell } = testShell();
    const r = await shell.run("exit 3");
    expect(r).toEqual({ stdout: "", stderr: "exit\n", exitCode: 3, exited: true });
    expect((await shell.run("echo still here")).stdout).toBe("still here\n");
  });
  it("exit in a subshell or pipeline ends only that", async () => {
    const { shell } = testShell();
    const r = await shell.run("(exit 4); echo $?; exit 5 | true; echo $?");
    expect(r).toEqual({ stdout: "4\n0\n", stderr: "", exitCode: 0 });
  });
});

describe("host commands see the shell", () => {
  it("reads files relative to the working directory, sees exported variables and the terminal", async () => {
    const seen: unknown[] = [];
    const apply: ExternalCommand = async (args, io, env) => {
      seen.push({ file: env.fs.readFile(env.resolve(args[0])), env: env.env.KUBECONFIG, tty: [env.stdinIsTerminal, env.stdoutIsTerminal], home: env.home });
      io.stdout("applied\n");
      return 0;
    };
    const { shell } = testShell({ commands: { apply } });
    await shell.run("mkdir m && cd m && echo 'kind: Pod' > pod.yaml");
    const r = await shell.run("KUBECONFIG=/tmp/k apply pod.yaml | cat");
    expect(r.stdout).toBe("applied\n");
    expect(seen).toEqual([{ file: "kind: Pod\n", env: "/tmp/k", tty: [true, false], home: "/home/learner" }]);
  });

  it("a throwing host command becomes a message and status 1", async () => {
    const broken: ExternalCommand = async () => {
      throw new Error("boom");
    };
    const { shell } = testShell({ commands: { broken } });
    expect(await shell.run("broken; echo after")).toEqual({ stdout: "after\n", stderr: "broken: boom\n", exitCode: 0 });
  });
});

describe("virtual time", () => {
  it("sleep advances the clock through the callback, and output streams as produced", async () => {
    const t = testShell();
    const chunks: Array<[string, string, number]> = [];
    const r = await t.shell.run("echo a; sleep 2; echo b >&2; sleep 0.5; date", { onOutput: (text, stream) => chunks.push([text, stream, t.now() - TEST_START]) });
    expect(chunks).toEqual([
      ["a\n", "stdout", 0],
      ["b\n", "stderr", 2000],
      ["Mon Jan  5 09:00:02 UTC 2026\n", "stdout", 2500],
    ]);
    expect(t.sleeps).toEqual([2000, 500]);
    expect(r.stdout).toBe("a\nMon Jan  5 09:00:02 UTC 2026\n");
  });

  it.each([
    ["sleep 1.5", [1500]],
    ["sleep 1m 2s", [62000]],
    ["sleep 1h", [3_600_000]],
  ])("%s sleeps %j", async (line, sleeps) => {
    const t = testShell();
    await t.shell.run(line);
    expect(t.sleeps).toEqual(sleeps);
  });

  it.each([
    ["sleep", "sleep: missing operand\nTry 'sleep --help' for more information.\n"],
    ["sleep x", "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n"],
  ])("%s fails", async (line, stderr) => {
    const t = testShell();
    expect(await t.shell.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it.each([
    ["date", "Mon Jan  5 09:00:00 UTC 2026\n"],
    ["date +%s", "1767603600\n"],
    ["date -u +%Y-%m-%dT%H:%M:%SZ", "2026-01-05T09:00:00Z\n"],
    ["date -d @0", "Thu Jan  1 00:00:00 UTC 1970\n"],
    ["date -d 2026-02-01 +%A", "Sunday\n"],
    ["date -I; date -Iseconds; date -R", "2026-01-05\n2026-01-05T09:00:00+00:00\nMon, 05 Jan 2026 09:00:00 +0000\n"],
    ["echo $SECONDS; sleep 3; echo $SECONDS", "0\n3\n"],
  ])("%s", async (line, stdout) => {
    const t = testShell();
    expect((await t.shell.run(line)).stdout).toBe(stdout);
  });
});

describe("Ctrl-C", () => {
  it("stops a sleeping line with 130 and skips the rest", async () => {
    const controller = new AbortController();
    const t = testShell({ sleep: () => new Promise(() => {}) });
    const pending = t.shell.run("echo before; sleep 100; echo after", { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await pending).toEqual({ stdout: "before\n", stderr: "", exitCode: 130 });
    expect((await t.shell.run("echo $?")).stdout).toBe("130\n");
  });

  it("stops a host command that honours the signal", async () => {
    const controller = new AbortController();
    const waiter: ExternalCommand = (_args, io) =>
      new Promise((resolve) => {
        io.stdout("waiting\n");
        io.signal?.addEventListener("abort", () => resolve(1));
      });
    const t = testShell({ commands: { waiter } });
    const pending = t.shell.run("waiter; echo after", { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await pending).toEqual({ stdout: "waiting\n", stderr: "", exitCode: 130 });
  });

  it("an already aborted signal runs nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const t = testShell();
    expect(await t.shell.run("echo x", { signal: controller.signal })).toEqual({ stdout: "", stderr: "", exitCode: 130 });
  });
});

describe("the editor hook", () => {
  it("vi hands the file to the editor and writes what comes back", async () => {
    const calls: unknown[] = [];
    const t = testShell(
      {
        editor: async (path, content, info) => {
          calls.push([path, content, info.program]);
          return content.replace("replicas: 1", "replicas: 3");
        },
      },
      { "d.yaml": "replicas: 1\n" },
    );
    expect(await t.shell.run("vi d.yaml && cat d.yaml")).toEqual({ stdout: "replicas: 3\n", stderr: "", exitCode: 0 });
    expect(calls).toEqual([["/home/learner/d.yaml", "replicas: 1\n", "vi"]]);
  });

  it.each([
    ["nano new.yaml; cat new.yaml", "kind: Pod\n", async () => "kind: Pod\n"],
    ["vim d.yaml; cat d.yaml", "replicas: 1\n", async () => null],
  ])("%s", async (line, stdout, editor) => {
    const t = testShell({ editor }, { "d.yaml": "replicas: 1\n" });
    expect((await t.shell.run(line)).stdout).toBe(stdout);
  });

  it.each([
    ["vi", "vi: give the file to edit, e.g. vi deployment.yaml\n"],
    ["vi nodir/x", "vi: nodir/x: No such file or directory\n"],
    ["mkdir d; vi d", "vi: d: Is a directory\n"],
  ])("%s", async (line, stderr) => {
    const t = testShell({ editor: async () => "x" });
    expect(await t.shell.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("watch", () => {
  it("runs the command every interval with procps' header, until the output settles", async () => {
    let n = 0;
    const counter: ExternalCommand = async (_args, io) => {
      io.stdout(`pods ${Math.min(++n, 2)}\n`);
      return 0;
    };
    const t = testShell({ commands: { counter }, watch: { idleMs: 3000 } });
    const r = await t.shell.run("watch -n 1 counter");
    const header = (time: string) => `Every 1.0s: counter${" ".repeat(80 - 19 - 34)}kubedojo: Mon Jan  5 ${time} 2026\n\n`;
    const clear = "\x1b[H\x1b[2J";
    expect(r.stdout).toBe(
      [clear + header("09:00:00") + "pods 1\n", clear + header("09:00:01") + "pods 2\n", clear + header("09:00:02") + "pods 2\n", clear + header("09:00:03") + "pods 2\n", clear + header("09:00:04") + "pods 2\n"].join(""),
    );
    expect(r.stderr).toBe("watch: stopped after 5 refreshes (output unchanged for 3s)\n");
    expect(t.sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it("defaults to 2 s, -t drops the header, -g stops on a change; into a pipe there is no clearing", async () => {
    let n = 0;
    const counter: ExternalCommand = async (_args, io) => {
      io.stdout(`${n++ < 2 ? "same" : "changed"}\n`);
      return 0;
    };
    const t = testShell({ commands: { counter } });
    const r = await t.shell.run("watch -t -g counter | cat");
    expect(r).toEqual({ stdout: "same\nsame\nchanged\n", stderr: "", exitCode: 0 });
    expect(t.sleeps).toEqual([2000, 2000]);
  });

  it("runs the command through sh, so aliases do not apply (as with procps watch)", async () => {
    const t = testShell({ watch: { maxFrames: 1 } });
    await t.shell.run("alias k=kubectl");
    const r = await t.shell.run("watch -t k get pods");
    expect(r.stdout).toBe("\x1b[H\x1b[2Jsh: 1: k: not found\n");
  });
});

describe("history", () => {
  it("numbers lines, skips blanks, repeats and lines starting with a space", async () => {
    const { last } = await run(["echo a", "echo a", "", " echo secret", "ls", "history"]);
    expect(last.stdout).toBe("    1  echo a\n    2  ls\n    3  history\n");
  });
  it("history N and -c", async () => {
    const { results } = await run(["echo a", "echo b", "history 2", "history -c", "history"]);
    expect(results[2].stdout).toBe("    2  echo b\n    3  history 2\n");
    expect(results[4].stdout).toBe("    1  history\n");
  });
});

describe("ls on the terminal", () => {
  it("lays out columns on the terminal and one per line into a pipe", async () => {
    const files = Object.fromEntries(["alpha", "beta.yaml", "deployment-nginx.yaml", "service.yaml", "x", "Zeta"].map((n) => [n, "hi\n"]));
    const { results } = await run(["ls", "ls | cat"], files);
    expect(results[0].stdout).toBe("Zeta  alpha  beta.yaml\tdeployment-nginx.yaml  service.yaml  x\n");
    expect(results[1].stdout).toBe("Zeta\nalpha\nbeta.yaml\ndeployment-nginx.yaml\nservice.yaml\nx\n");
  });

  it("ls -l shows virtual times, sizes and the learner as owner", async () => {
    const t = testShell();
    await t.shell.run("echo hello > a.txt; mkdir dir; sleep 3600; touch b");
    const r = await t.shell.run("ls -l; ls -lh a.txt");
    expect(r.stdout).toBe(
      "total 8\n" +
        "-rw-r--r-- 1 learner learner    6 Jan  5 09:00 a.txt\n" +
        "-rw-r--r-- 1 learner learner    0 Jan  5 10:00 b\n" +
        "drwxr-xr-x 2 learner learner 4096 Jan  5 09:00 dir\n" +
        "-rw-r--r-- 1 learner learner 6 Jan  5 09:00 a.txt\n",
    );
  });
});

describe("needsMoreInput", () => {
  const cases: Array<[string, boolean]> = [
    ["echo a", false],
    ["", false],
    ["cat <<EOF", true],
    ["cat <<EOF | kubectl apply -f -\nkind: Pod", true],
    ["cat <<EOF\nx\nEOF", false],
    ["cat <<-EOF\n\tx\n\tEOF", false],
    ["echo 'abc", true],
    ['echo "a', true],
    ["echo $(ls", true],
    ["echo `ls", true],
    ["echo ${X", true],
    ["echo a |", true],
    ["echo a &&", true],
    ["echo a ||", true],
    ["for i in 1 2; do", true],
    ["for i in 1 2; do echo $i; done", false],
    ["if true; then echo", true],
    ["{ echo", true],
    ["( echo", true],
    ["echo a \\", true],
    ["echo (", false],
    ["echo a; ;", false],
  ];
  it.each(cases)("%j → %s", (text, more) => {
    expect(testShell().shell.needsMoreInput(text)).toBe(more);
  });
});

describe("snapshot and restore", () => {
  it("round-trips files, variables, aliases, functions, history, the directory and $?", async () => {
    const a = testShell();
    await a.shell.run("mkdir -p work && cd work && echo 'kind: Pod' > pod.yaml && chmod +x pod.yaml");
    await a.shell.run("export NS=prod; LOCAL=1; alias k=kubectl; greet() { echo hi $1; }");
    await a.shell.run("false");
    const state = JSON.parse(JSON.stringify(a.shell.snapshot()));
    const b = testShell();
    b.shell.restore(state);
    expect(b.shell.prompt()).toBe("learner@kubedojo:~/work$ ");
    const r = await b.shell.run("echo $? $NS $LOCAL; k get; greet you; cat pod.yaml; ls -l pod.yaml | cut -c1-10; env | grep -c ^NS=; history | tail -1");
    expect(r.stdout).toBe(
      '1 prod 1\nkubectl "get" (cwd /home/learner/work)\nhi you\nkind: Pod\n-rwxr-xr-x\n1\n    4  echo $? $NS $LOCAL; k get; greet you; cat pod.yaml; ls -l pod.yaml | cut -c1-10; env | grep -c ^NS=; history | tail -1\n',
    );
    expect(b.shell.snapshot().fs).toEqual(a.shell.snapshot().fs);
  });

  it("rejects something that is not a snapshot, changing nothing", async () => {
    const t = testShell();
    await t.shell.run("X=1");
    expect(() => t.shell.restore({ version: 2 } as never)).toThrow();
    expect(t.shell.variable("X")).toBe("1");
  });
});

describe("limits", () => {
  it("a full filesystem is a write error, as on a full disk", async () => {
    const t = testShell();
    const r = await t.shell.run("seq 1 300000 > big; echo $?; head -c 20 big | wc -c");
    expect(r.stderr).toBe("seq: write error: No space left on device\n");
    expect(r.stdout).toBe("1\n20\n");
  });

  it("too many files is ENOSPC too", async () => {
    const t = testShell();
    const r = await t.shell.run("touch f{1..2100} 2>&1 | head -1; ls | wc -l");
    expect(r.stdout).toMatch(/^touch: cannot touch 'f\d+': No space left on device\n\d+\n$/);
  });

  it.each([
    ["while true; do :; done"],
    ["awk 'BEGIN { while (1) x++ }'"],
    ["f() { f; }; f"],
  ])("a runaway line stops: %s", async (line) => {
    const t = testShell();
    const r = await t.shell.run(`${line}; echo not reached`);
    expect(r.stdout).toBe("");
    expect(r.exitCode === 152 || r.exitCode === 1).toBe(true);
    expect(r.stderr).toMatch(/CPU time limit exceeded|maximum function nesting level exceeded/);
    expect((await t.shell.run("echo fine")).stdout).toBe("fine\n");
  });

  it("a doubling variable stops at the word limit", async () => {
    const t = testShell();
    const r = await t.shell.run("X=ab; for i in $(seq 30); do X=$X$X; done; echo ${#X}");
    expect(r.stderr).toBe("bash: xmalloc: cannot allocate memory for a word that large\n");
    expect(r.exitCode).toBe(1);
  });

  it("a pattern that would backtrack forever elsewhere is linear here", async () => {
    const t = testShell();
    const r = await t.shell.run(`echo ${"a".repeat(5000)}b | grep -cE '(a+)+b'; echo ${"a".repeat(5000)}b | grep -cE '(a|aa)*c'`);
    expect(r.stdout).toBe("1\n0\n");
  });

  it("output beyond the terminal's limit stops the line", async () => {
    const t = testShell({ limits: { outputBytes: 1000 } });
    const r = await t.shell.run("seq 1 1000; echo after");
    expect(r.stdout.length).toBeLessThanOrEqual(1000);
    expect(r.stderr).toBe("bash: output limit exceeded: a line may print at most 1 KiB\n");
    expect(r.exitCode).toBe(1);
  });
});
