import { describe, expect, it } from "vitest";
import type { ContainerStatus, Pod } from "../api/types.ts";
import { podPhase } from "./status.ts";

const pod = (restartPolicy: string, init = false): Pod => ({
  metadata: { name: "p" },
  spec: {
    restartPolicy,
    containers: [{ name: "a" }, { name: "b" }],
    ...(init ? { initContainers: [{ name: "i" }] } : {}),
  },
});
const running: ContainerStatus = { name: "", state: { running: { startedAt: "x" } }, ready: true, restartCount: 0, image: "", imageID: "" };
const waiting: ContainerStatus = { name: "", state: { waiting: { reason: "ContainerCreating" } }, ready: false, restartCount: 0, image: "", imageID: "" };
const done = (code: number): ContainerStatus => ({
  name: "",
  state: { terminated: { exitCode: code } },
  ready: false,
  restartCount: 0,
  image: "",
  imageID: "",
});
const crash: ContainerStatus = { ...waiting, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1 } } };
const named = (s: ContainerStatus, name: string) => ({ ...s, name });

describe("getPhase", () => {
  const cases: Array<[string, Pod, ContainerStatus[], ContainerStatus[], boolean, string]> = [
    ["a container still creating: Pending", pod("Always"), [named(running, "a"), named(waiting, "b")], [], false, "Pending"],
    ["all running: Running", pod("Always"), [named(running, "a"), named(running, "b")], [], false, "Running"],
    ["crash looping under Always: Running", pod("Always"), [named(crash, "a"), named(running, "b")], [], false, "Running"],
    ["all exited 0 under Never: Succeeded", pod("Never"), [named(done(0), "a"), named(done(0), "b")], [], false, "Succeeded"],
    ["one failed under Never: Failed", pod("Never"), [named(done(0), "a"), named(done(1), "b")], [], false, "Failed"],
    ["one failed under OnFailure: Running (restarting)", pod("OnFailure"), [named(done(0), "a"), named(done(1), "b")], [], false, "Running"],
    ["exited under Always, pod terminal (deleted): Succeeded", pod("Always"), [named(done(0), "a"), named(done(0), "b")], [], true, "Succeeded"],
    ["killed under Always, pod terminal: Failed", pod("Always"), [named(done(137), "a"), named(done(0), "b")], [], true, "Failed"],
    ["init container running: Pending", pod("Always", true), [named(waiting, "a"), named(waiting, "b")], [named(running, "i")], false, "Pending"],
    ["init container failed under Never: Failed", pod("Never", true), [named(waiting, "a"), named(waiting, "b")], [named(done(1), "i")], false, "Failed"],
  ];
  it.each(cases)("%s", (_name, p, statuses, init, terminal, phase) => {
    expect(podPhase(p, statuses, init, terminal)).toBe(phase);
  });
});
