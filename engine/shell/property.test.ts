// Random lines thrown at the shell: run() always resolves with an exit status
// in 0..255 and never throws, whatever the learner types.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testShell } from "./testing.ts";

const TOKENS = [
  "echo", "cat", "ls", "-l", "-a", "grep", "-E", "-v", "-o", "awk", "'{print $1}'", "'/x/ {print NF}'", "sed", "'s/a/b/g'", "sort", "-n", "-k2",
  "uniq", "-c", "wc", "-l", "head", "-1", "tail", "cut", "-d:", "-f2", "tr", "a-z", "A-Z", "base64", "-d", "xargs", "kubectl", "get", "pods",
  "watch", "-n", "1", "sleep", "0.5", "date", "cd", "..", "/", "~", "mkdir", "-p", "rm", "-rf", "cp", "mv", "touch", "f.txt", "dir", "*.yaml", "*",
  "alias", "k=kubectl", "unalias", "k", "export", "X=1", "$X", "${X}", "${X:-d}", "${#X}", "$?", "$(", ")", "`", "'", '"', "\\", "|", "||", "&&",
  ";", "&", ">", ">>", "<", "2>", "2>&1", "&>", "<<EOF", "<<-EOF", "<<'EOF'", "\nEOF\n", "\n", "EOF", "for", "i", "in", "do", "done", "while",
  "true", "false", "if", "then", "else", "fi", "case", "esac", "{", "}", "(", "((", "))", "$((1+", "[", "]", "[[", "]]", "-z", "==", "!", "#",
  "printf", "'%s %d\\n'", "read", "source", "eval", "set", "-o", "pipefail", "history", "type", "which", "env", "exit", "vi", "seq", "10", "test",
  "{1..3}", "a{b,c}", "$'\\t'", "~/x", "/dev/null", "f(){", "return", "break", "local", "shift", "$@", "$#", "$1",
];

const tokenLine = fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join(" "));
const anyLine = fc.oneof(tokenLine, fc.string({ maxLength: 60 }), fc.string({ unit: fc.constantFrom(..."$(){}[]<>|&;'\"`\\ \n*?~=#!-:%/.,0123456789abcEOF"), maxLength: 40 }));

function shell() {
  return testShell(
    { limits: { cpu: 200_000, commands: 300, outputBytes: 64 * 1024, pipeBytes: 256 * 1024, wordBytes: 64 * 1024 }, watch: { maxFrames: 3 } },
    { "f.txt": "a b c\nx y z\n", "dir/a.yaml": "k: v\n" },
  );
}

function wellFormed(r: { stdout: string; stderr: string; exitCode: number }): void {
  expect(typeof r.stdout).toBe("string");
  expect(typeof r.stderr).toBe("string");
  expect(Number.isInteger(r.exitCode)).toBe(true);
  expect(r.exitCode).toBeGreaterThanOrEqual(0);
  expect(r.exitCode).toBeLessThanOrEqual(255);
  // A JavaScript exception inside a command would surface as "internal error" (or a raw TypeError).
  expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|undefined is not|Cannot read prop/);
}

describe("run() on random input", () => {
  it("always resolves with a status, each line in a fresh shell", async () => {
    await fc.assert(
      fc.asyncProperty(anyLine, async (line) => {
        const { shell: sh } = shell();
        wellFormed(await sh.run(line));
        expect(typeof sh.needsMoreInput(line)).toBe("boolean");
      }),
      { numRuns: 400, seed: 20260105 },
    );
  });

  it("keeps working through a sequence of random lines in one shell, and its snapshot restores", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { maxLength: 8 }), async (lines) => {
        const { shell: sh } = shell();
        for (const line of lines) wellFormed(await sh.run(line));
        const state = JSON.parse(JSON.stringify(sh.snapshot()));
        const { shell: copy } = shell();
        copy.restore(state);
        expect(copy.prompt()).toBe(sh.prompt());
        wellFormed(await copy.run("echo ok"));
      }),
      { numRuns: 120, seed: 42 },
    );
  });
});
