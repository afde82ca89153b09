import { describe, expect, it } from "vitest";
import type { Container, Pod, Probe } from "../api/types.ts";
import type { ProcessBehaviour } from "./behaviour.ts";
import { BUILTIN_IMAGES } from "./images.ts";
import { runProbe, type ProbeOverride } from "./probes.ts";

const nginx = BUILTIN_IMAGES.find((i) => i.repository === "docker.io/library/nginx")!;
const busybox = BUILTIN_IMAGES.find((i) => i.repository === "docker.io/library/busybox")!;
const pod: Pod = { metadata: { name: "web-7f9c", namespace: "default" }, spec: { containers: [] } };
const container: Container = { name: "web", ports: [{ name: "http", containerPort: 80 }] };

function probe(p: Probe, behaviour: ProcessBehaviour = nginx.run, sinceStart = 5_000, overrides: ProbeOverride[] = [], image = nginx) {
  return runProbe(p, "readiness", { pod, container, behaviour, image, podIP: "10.244.1.5", sinceStart, overrides });
}

describe("probe outcomes from what the container serves", () => {
  const cases: Array<[string, Probe, boolean, string]> = [
    ["httpGet on the port nginx serves", { httpGet: { path: "/", port: 80 } }, true, ""],
    ["httpGet by port name", { httpGet: { path: "/", port: "http" } }, true, ""],
    [
      "httpGet on a closed port",
      { httpGet: { path: "/", port: 8080 } },
      false,
      'Get "http://10.244.1.5:8080/": dial tcp 10.244.1.5:8080: connect: connection refused',
    ],
    ["httpGet on a path nginx lacks", { httpGet: { path: "/healthz", port: 80 } }, false, "HTTP probe failed with statuscode: 404"],
    ["tcpSocket on the served port", { tcpSocket: { port: 80 } }, true, ""],
    ["tcpSocket on a closed port", { tcpSocket: { port: 81 } }, false, "dial tcp 10.244.1.5:81: connect: connection refused"],
  ];
  it.each(cases)("%s", (_name, p, ok, message) => {
    expect(probe(p)).toEqual({ ok, message });
  });

  it("a server that is not listening yet refuses connections", () => {
    const slow: ProcessBehaviour = { listenAfterMs: 15_000, listens: [{ port: 3306 }] };
    expect(probe({ tcpSocket: { port: 3306 } }, slow, 10_000).ok).toBe(false);
    expect(probe({ tcpSocket: { port: 3306 } }, slow, 15_000).ok).toBe(true);
  });

  it("a status that changes over time (agnhost liveness: 200 for 10 s, then 500)", () => {
    const agnhost = BUILTIN_IMAGES.find((i) => i.repository === "registry.k8s.io/e2e-test-images/agnhost")!;
    const b = agnhost.subcommands!.liveness!;
    expect(probe({ httpGet: { path: "/healthz", port: 8080 } }, b, 9_000).ok).toBe(true);
    expect(probe({ httpGet: { path: "/healthz", port: 8080 } }, b, 10_000)).toEqual({ ok: false, message: "HTTP probe failed with statuscode: 500" });
  });

  it("exec probes see the files the process made, with the image's wording", () => {
    const b: ProcessBehaviour = { files: [{ path: "/tmp/healthy", fromMs: 0, untilMs: 30_000 }] };
    const cat = { exec: { command: ["cat", "/tmp/healthy"] } };
    expect(probe(cat, b, 29_000, [], busybox).ok).toBe(true);
    expect(probe(cat, b, 31_000, [], busybox)).toEqual({ ok: false, message: "cat: can't open '/tmp/healthy': No such file or directory" });
    expect(probe(cat, b, 31_000, [], nginx)).toEqual({ ok: false, message: "cat: /tmp/healthy: No such file or directory" });
    expect(probe({ exec: { command: ["sh", "-c", "test -f /tmp/healthy"] } }, b, 31_000, [], busybox)).toEqual({ ok: false, message: "" });
  });

  it("an image without a shell cannot run one", () => {
    const pause = BUILTIN_IMAGES.find((i) => i.repository === "registry.k8s.io/pause")!;
    expect(probe({ exec: { command: ["sh", "-c", "true"] } }, pause.run, 1_000, [], pause).message).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown',
    );
  });

  it("a lesson's override wins, matched by pod name prefix", () => {
    const overrides: ProbeOverride[] = [{ pod: "web-*", probe: "readiness", result: "failure" }];
    expect(probe({ httpGet: { path: "/", port: 80 } }, nginx.run, 5_000, overrides)).toEqual({
      ok: false,
      message: "dial tcp 10.244.1.5:80: connect: connection refused",
    });
    expect(probe({ httpGet: { path: "/", port: 8080 } }, nginx.run, 5_000, [{ probe: "readiness", result: "success" }]).ok).toBe(true);
  });
});
