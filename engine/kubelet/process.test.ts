import { describe, expect, it } from "vitest";
import type { Container } from "../api/types.ts";
import { fileExists } from "./behaviour.ts";
import { BUILTIN_IMAGES, type ImageRecord } from "./images.ts";
import { resolveProcess } from "./process.ts";

const image = (repo: string): ImageRecord => BUILTIN_IMAGES.find((i) => i.repository === repo)!;
const busybox = image("docker.io/library/busybox");
const c = (extra: Partial<Container>): Container => ({ name: "c", image: "busybox", ...extra });

describe("what a container's main process does", () => {
  it("busybox with no command exits 0 at once; with stdin it waits", () => {
    expect(resolveProcess(busybox, c({}))).toMatchObject({ exitAfterMs: 20, exitCode: 0 });
    expect(resolveProcess(busybox, c({ stdin: true })).exitAfterMs).toBeUndefined();
  });

  it("sleep N runs N seconds and ignores SIGTERM", () => {
    const b = resolveProcess(busybox, c({ command: ["sleep", "3600"] }));
    expect(b).toEqual({ exitAfterMs: 3_600_000, exitCode: 0 });
    expect(b.stopAfterMs).toBeUndefined();
    expect(resolveProcess(busybox, c({ args: ["sleep", "1d"] })).exitAfterMs).toBe(86_400_000);
    expect(resolveProcess(busybox, c({ command: ["sleep", "infinity"] }))).toEqual({});
  });

  it("reads the liveness-exec example's script for its files and timing", () => {
    const b = resolveProcess(busybox, c({ args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"] }));
    expect(b.exitAfterMs).toBe(630_020);
    expect(fileExists(b, "/tmp/healthy", 10_000)).toBe(true);
    expect(fileExists(b, "/tmp/healthy", 30_000)).toBe(false);
  });

  it("a while-true loop runs forever; exit N exits with N", () => {
    expect(resolveProcess(busybox, c({ command: ["sh", "-c", "while true; do echo hi; sleep 5; done"] }))).toEqual({});
    expect(resolveProcess(busybox, c({ command: ["sh", "-c", "echo boom; exit 1"] }))).toEqual({ exitAfterMs: 20, exitCode: 1 });
    expect(resolveProcess(busybox, c({ command: ["false"] }))).toEqual({ exitAfterMs: 20, exitCode: 1 });
  });

  it("a for loop over listed items ends after its sleeps; one over a substitution runs until killed", () => {
    const sh = (script: string) => resolveProcess(busybox, c({ command: ["sh", "-c", script] }));
    expect(sh("for i in 1 2 3; do echo line $i; sleep 30; done")).toEqual({ exitAfterMs: 90_020, exitCode: 0 });
    expect(sh("for i in a b; do\n  echo $i\n  sleep 1\ndone; echo end; sleep 5")).toEqual({ exitAfterMs: 7_020, exitCode: 0 });
    expect(sh("for i in 1 2; do echo $i; done; false")).toEqual({ exitAfterMs: 20, exitCode: 1 });
    expect(sh("for i in $(seq 1 5); do echo $i; sleep 1; done")).toEqual({});
    expect(sh("for i in 1 2; do while true; do sleep 1; done; done")).toEqual({});
    expect(sh("for i in 1 2; do sleep infinity; done")).toEqual({});
  });

  it("mysql without a root password option exits 1; with one it serves 3306", () => {
    const mysql = image("docker.io/library/mysql");
    expect(resolveProcess(mysql, c({}))).toMatchObject({ exitAfterMs: 1_200, exitCode: 1 });
    const ok = resolveProcess(mysql, c({ env: [{ name: "MYSQL_ROOT_PASSWORD", value: "x" }] }));
    expect(ok.exitAfterMs).toBeUndefined();
    expect(ok.listens?.[0]?.port).toBe(3306);
  });

  it("nginx's own command line keeps nginx's behaviour", () => {
    const nginx = image("docker.io/library/nginx");
    expect(resolveProcess(nginx, c({ command: ["nginx", "-g", "daemon off;"] }))).toBe(nginx.run);
    expect(resolveProcess(image("registry.k8s.io/e2e-test-images/agnhost"), c({ args: ["liveness"] })).listens?.[0]?.port).toBe(8080);
  });
});
