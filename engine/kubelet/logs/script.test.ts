import { describe, expect, it } from "vitest";
import { commandOutput } from "./script.ts";

const START = Date.parse("2026-01-05T09:00:00Z");
const run = (argv: string[], seconds: number) =>
  commandOutput(argv, { vars: { HOSTNAME: "pod-1", NAME: "kube" }, startMs: START, untilMs: START + seconds * 1000, maxLines: 100 })?.map((l) => l.text);

describe("what a container's command line prints", () => {
  it.each([
    ["echo in a shell script", ["sh", "-c", "echo The app is running! && sleep 3600"], 5, ["The app is running!"]],
    ["quotes and variables", ["sh", "-c", `echo "hello $NAME" 'on $HOSTNAME'`], 1, ["hello kube on $HOSTNAME"]],
    ["sleep delays later output", ["sh", "-c", "echo one; sleep 10; echo two"], 5, ["one"]],
    ["exec-form echo, no expansion", ["echo", "$HOME", "x"], 1, ["$HOME x"]],
    ["the docs' counter loop", ["/bin/sh", "-c", 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'], 2.5, [
      "0: Mon Jan  5 09:00:00 UTC 2026",
      "1: Mon Jan  5 09:00:01 UTC 2026",
      "2: Mon Jan  5 09:00:02 UTC 2026",
    ]],
    ["for loop", ["sh", "-c", "for x in a b c; do echo $x; done"], 1, ["a", "b", "c"]],
    ["hostname and printenv", ["sh", "-c", "hostname; printenv NAME"], 1, ["pod-1", "kube"]],
    ["|| runs after failure only", ["sh", "-c", "false || echo recovered; true || echo never"], 1, ["recovered"]],
    ["exit stops the script", ["sh", "-c", "echo a; exit 1; echo b"], 1, ["a"]],
  ] as const)("%s", (_, argv, seconds, expected) => {
    expect(run([...argv], seconds)).toEqual(expected);
  });

  it("is undefined for a program it does not read (the image's own)", () => {
    expect(run(["nginx", "-g", "daemon off;"], 1)).toBeUndefined();
  });

  it("gives the same lines for the same start, and a prefix of later reads", () => {
    const argv = ["sh", "-c", "while true; do echo tick; sleep 2; done"];
    const early = run(argv, 10)!;
    expect(run(argv, 10)).toEqual(early);
    expect(run(argv, 20)!.slice(0, early.length)).toEqual(early);
  });
});
