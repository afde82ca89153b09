// Help of the write commands against real kubectl v1.32: our own prose, but
// the options and usage (from "Options:" or "Usage:" on) must match exactly.
// Help needs no server, so real kubectl runs offline.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { oracleSkipReason, runKubectl as runReal } from "../oracle/kubectl.ts";
import { words } from "./words.ts";

const LINES = [
  "scale --help",
  "label --help",
  "annotate --help",
  "patch --help",
  "set --help",
  "set image --help",
  "set env --help",
  "set resources --help",
  "set selector --help",
  "set serviceaccount --help",
  "set sa --help",
  "set subject --help",
  "create --help",
  "create deployment --help",
  "create namespace --help",
  "create configmap --help",
  "create secret --help",
  "create secret docker-registry --help",
  "create secret tls --help",
  "create secret generic --help",
  "rollout --help",
  "rollout status --help",
  "rollout history --help",
  "rollout undo --help",
  "rollout pause --help",
  "rollout resume --help",
  "rollout restart --help",
  "autoscale --help",
];

function helpTail(s: string): string {
  const i = s.indexOf("\nOptions:");
  return i >= 0 ? s.slice(i) : s.slice(s.indexOf("\nUsage:"));
}

if (oracleSkipReason !== null) {
  describe("write commands' help against real kubectl v1.32", () => {
    it.skip(`${LINES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe.concurrent("write commands' help against real kubectl v1.32", () => {
    const cluster = createCluster();
    it.each(LINES)("kubectl %s", async (line) => {
      const real = await runReal(words(line));
      let stdout = "";
      let stderr = "";
      const exitCode = await runKubectl(words(line), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
        api: cluster.api,
        now: () => cluster.nowMs(),
        wait: async (ms) => cluster.advance(ms),
        readFile: () => undefined,
      });
      expect({ exitCode, stderr }).toEqual({ exitCode: real.exitCode, stderr: real.stderr });
      expect(helpTail(stdout)).toBe(helpTail(real.stdout));
      expect(helpTail(stdout).length).toBeGreaterThan(0);
    });
  });
}
