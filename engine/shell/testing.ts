// Helpers for the shell's tests: a shell on a fixed virtual clock with a fake
// kubectl that echoes what it received.
import type { ExternalCommand } from "./shell.ts";
import { Shell, type ShellOptions } from "./shell.ts";

export const TEST_START = Date.parse("2026-01-05T09:00:00Z");

/** kubectl stand-in: prints its arguments and stdin; `kubectl fail` exits 1; `kubectl get pods -o name` lists two pods. */
export const fakeKubectl: ExternalCommand = async (args, io, env) => {
  if (args[0] === "fail") {
    io.stderr("error: the server doesn't have a resource type \"fail\"\n");
    return 1;
  }
  if (args.join(" ") === "get pods -o name") {
    io.stdout("pod/web-1\npod/web-2\n");
    return 0;
  }
  io.stdout(`kubectl ${args.map((a) => JSON.stringify(a)).join(" ")}${io.stdin ? ` <<<${JSON.stringify(io.stdin)}` : ""} (cwd ${env.cwd})\n`);
  return 0;
};

export interface TestShell {
  shell: Shell;
  /** Virtual time now, ms since the epoch. */
  now(): number;
  /** Every sleep the shell asked for, in ms. */
  sleeps: number[];
}

export function testShell(options: Partial<ShellOptions> = {}, files: Record<string, string> = {}): TestShell {
  let now = TEST_START;
  const sleeps: number[] = [];
  const shell = new Shell({
    commands: { kubectl: fakeKubectl },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
    ...options,
  });
  for (const [path, content] of Object.entries(files)) {
    const abs = path.startsWith("/") ? path : `/home/learner/${path}`;
    shell.fs.mkdir(abs.slice(0, abs.lastIndexOf("/")) || "/", { parents: true });
    if (!path.endsWith("/")) shell.fs.writeFile(abs, content);
  }
  return { shell, now: () => now, sleeps };
}
