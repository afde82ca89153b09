// Tab completion against real kubectl v1.32: `kubectl __complete WORDS...
// PARTIAL` run by real kubectl through the oracle shim and by ours against the
// same scenario cluster; stdout (candidates and `:directive`), stderr and the
// exit code must match byte for byte. `''` is the empty word being completed.
// A case marked `# needs CMD [--flag]` depends on a command (or flag) this
// kubectl does not have yet and is skipped, saying so, until it lands.
// Without the binary every case is skipped, saying why.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../engine/index.ts";
import { kubectlCommandAt, runKubectl } from "../../engine/kubectl/index.ts";
import { type KubectlResult, mapLimit } from "../oracle/kubectl.ts";
import { oracleSkipReason, SimApiServer } from "../oracle/sim-server.ts";
import { buildScenario } from "./scenario.ts";
import { words } from "./words.ts";

const LINES = [
  // subcommands, with descriptions, sorted, `help` included, hidden ones not
  "__complete ''",
  "__complete g",
  "__complete co",
  "__completeNoDesc ro",
  "__complete config '' # needs config delete-cluster, config delete-context, config delete-user, config get-clusters, config get-users, config rename-context, config set, config set-cluster, config set-context, config set-credentials, config unset, config use-context",
  "__complete config cu",
  "__complete help ''",
  "__complete help co",
  "__complete help config '' # needs config delete-cluster, config delete-context, config delete-user, config get-clusters, config get-users, config rename-context, config set, config set-cluster, config set-context, config set-credentials, config unset, config use-context",
  "__complete help nope ''",
  "__complete --namespace dev g",
  "__complete -n dev desc",
  // unknown commands (kubectl's plugin hook clears the global flags first)
  "__complete foo ''",
  "__complete gett po",
  "__complete",
  // flag names: globals then the command's own, shorthands, repeatable ones again, changed ones not
  "__complete -",
  "__complete --n",
  "__complete get -",
  "__complete get --sel",
  "__complete get --namespace",
  "__complete get -n",
  "__complete describe --show",
  "__complete get --show-labels --show",
  "__complete get -L x --label",
  "__completeNoDesc get --a",
  "__complete api-resources --",
  "__complete version -",
  "__complete config view --r",
  // after `--`, and -h/--help
  "__complete get -- -",
  "__complete get pods -- ''",
  "__complete get -h ''",
  "__complete describe --help -",
  // flag errors
  "__complete get --zzz ''",
  "__complete get --zzz=",
  "__complete get -Z ''",
  "__complete get --namespace -",
  // flag values kubectl registers
  "__complete get -n ''",
  "__complete get --namespace=d",
  "__complete get -n=k",
  "__complete get -An ''",
  "__complete --context ''",
  "__complete get --cluster k",
  "__complete get --user=",
  "__complete get -o ''",
  "__complete get -o j",
  "__complete get --output=custom",
  "__complete get -oj",
  "__complete get -f ''",
  "__complete describe --filename=x",
  "__complete get --subresource s",
  "__complete get -l ''",
  "__complete get --kubeconfig ''",
  "__complete version -o ''",
  "__complete api-resources -o ''",
  "__complete config view -o ''",
  // bool flags take no value: the next word is an argument
  "__complete get --watch ''",
  "__complete get -w -",
  // resource types, then names
  "__complete get ''",
  "__complete get d",
  "__complete get po,dep",
  "__complete get pods ''",
  "__complete get pods ng",
  "__complete get deploy nginx ''",
  "__complete get deploy,rs ''",
  "__complete get all ''",
  "__complete get nodes ''",
  "__complete get no node-1 ''",
  "__complete get foo ''",
  "__complete get pods -n dev ''",
  "__complete -n dev get deploy ''",
  "__complete get -A pods ''",
  "__complete get --context nope pods ''",
  "__complete describe ''",
  "__complete describe deploy w",
  "__complete describe ns ''",
  // TYPE/NAME
  "__complete get deploy/",
  "__complete get deploy/ng",
  "__complete get deploy/nginx ''",
  "__complete get deploy/nginx r",
  "__complete get deploy/nginx deploy/",
  "__complete get nope/",
  "__complete describe rs/",
  // commands still missing here complete their arguments from kubectl's registrations
  "__complete rollout '' # needs rollout history, rollout pause, rollout restart, rollout resume, rollout status, rollout undo",
  "__complete rollout st # needs rollout status",
  "__complete rollout status '' # needs rollout status",
  "__complete rollout status deployment '' # needs rollout status",
  "__complete rollout status deployment nginx '' # needs rollout status",
  "__complete rollout status deploy/ # needs rollout status",
  "__complete rollout history deploy nginx '' # needs rollout history",
  "__complete rollout history deployment/nginx '' # needs rollout history",
  "__complete rollout undo deployment/nginx deployment/ # needs rollout undo",
  "__complete -n dev rollout restart deploy '' # needs rollout restart",
  "__complete scale deploy '' # needs scale --replicas",
  "__complete autoscale '' # needs autoscale --max",
  "__complete expose ''",
  "__complete set image '' # needs set image",
  "__complete delete ''",
  "__complete label deploy nginx ''",
  "__complete logs ''",
  "__complete logs ng",
  "__complete logs x",
  "__complete logs deployments/",
  "__complete logs nginx-cff86b44d-9ltjj ''",
  "__complete logs web-74f6655c58-4z458 ''",
  "__complete logs pod/web-74f6655c58-4z458 i",
  "__complete exec ''",
  "__complete exec web-74f6655c58-4z458 -c '' # needs exec --container",
  "__complete attach cr",
  "__complete port-forward nginx-cff86b44d-9ltjj ''",
  "__complete port-forward nginx-cff86b44d-9ltjj 8080",
  "__complete cordon ''",
  "__complete drain node-1 ''",
  "__complete taint ''",
  "__complete taint node ''",
  "__complete top '' # needs top node, top pod",
  "__complete top pod '' # needs top pod",
  // kubectl lists the shells from a Go map: in random order (the shell sorts them).
  "__complete completion '' # unordered",
  "__complete completion z",
  "__complete completion bash ''",
  "__complete config use-context '' # needs config use-context",
  "__complete config use-context k # needs config use-context",
  "__complete config use-context kubedojo '' # needs config use-context",
  // flags of the commands being written: from the tree as soon as they land
  "__complete delete --gr # needs delete --grace-period",
  "__complete delete pods - # needs delete --grace-period",
  "__complete apply -f '' # needs apply --filename",
  "__complete apply --pr # needs apply --prune",
  "__complete create deployment '' # needs create deployment --image",
  "__complete create deployment web - # needs create deployment --image",
  "__complete create ns # needs create namespace",
  "__complete run ''",
  "__complete run web --image=nginx --",
  "__complete run --im",
  "__complete run web --restart ''",
  "__complete run web -o ''",
  "__complete run web --image=nginx -- ''",
  "__complete scale --r # needs scale --replicas",
  "__complete scale --replicas=3 deploy '' # needs scale --replicas",
  "__complete logs --t # needs logs --tail",
  "__complete logs nginx-cff86b44d-9ltjj -c '' # needs logs --container",
  "__complete label --ov # needs label --overwrite",
  "__complete patch --type '' # needs patch --type",
  "__complete wait --for # needs wait --for",
  "__complete drain --ig # needs drain --ignore-daemonsets",
  "__complete explain --r # needs explain --recursive",
  "__complete rollout status - # needs rollout status --watch",
  "__complete set image deployment nginx '' # needs set image",
  "__complete set image deploy/nginx '' # needs set image",
  // no completion function: the shell falls back to files
  "__complete version ''",
  "__complete options ''",
  "__complete rollout foo ''",
  "__complete explain ''",
];

interface Case {
  line: string;
  args: string[];
  /** Why the case cannot pass yet, or undefined. */
  missing?: string;
  /** Real kubectl prints the candidates in random order: compare them sorted. */
  unordered?: boolean;
}

/** `# needs rollout status, scale --replicas`: what is not in our kubectl yet. */
function missing(needs: string | undefined): string | undefined {
  for (const need of needs?.split(",") ?? []) {
    const parts = need.trim().split(" ");
    const flag = parts.find((p) => p.startsWith("--"))?.slice(2);
    const path = parts.filter((p) => !p.startsWith("--"));
    const cmd = kubectlCommandAt(path);
    if (!cmd) return `"kubectl ${path.join(" ")}" is not in the simulated kubectl yet`;
    if (flag && !cmd.flags?.some((f) => f.name === flag)) return `"kubectl ${path.join(" ")}" has no --${flag} yet`;
  }
  return undefined;
}

const CASES: Case[] = LINES.map((text) => {
  const unordered = text.endsWith(" # unordered");
  const [line, needs] = text.replace(/ # unordered$/, "").split(" # needs ") as [string, string | undefined];
  return { line, args: words(line), missing: missing(needs), unordered };
});

/** The candidate lines sorted (the directive line stays last). */
function sortCandidates(r: KubectlResult): KubectlResult {
  const lines = r.stdout.split("\n");
  const directive = lines.findIndex((l) => l.startsWith(":"));
  if (directive < 0) return r;
  return { ...r, stdout: [...lines.slice(0, directive).sort(), ...lines.slice(directive)].join("\n") };
}

async function ours(cluster: Cluster, args: string[]): Promise<KubectlResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(
    args,
    { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { api: cluster.api, now: () => 0, wait: async (ms) => cluster.advance(ms), idle: () => true, readFile: () => undefined },
  );
  return { stdout, stderr, exitCode };
}


if (oracleSkipReason !== null) {
  describe("kubectl __complete against real kubectl v1.32", () => {
    it.skip(`${CASES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl __complete against real kubectl v1.32", () => {
    const cluster = buildScenario();
    const server = new SimApiServer(cluster.api);
    let theirs: KubectlResult[] = [];

    beforeAll(async () => {
      await server.start();
      theirs = await mapLimit(CASES, 4, (c) => (c.missing ? Promise.resolve({ stdout: "", stderr: "", exitCode: 0 }) : server.kubectl(c.args)));
    }, 300_000);

    afterAll(async () => {
      await server.stop();
    });

    CASES.forEach((c, i) => {
      if (c.missing) {
        it.skip(`kubectl ${c.line} (${c.missing})`, () => {});
        return;
      }
      it(`kubectl ${c.line}`, async () => {
        const order = (r: KubectlResult) => (c.unordered ? sortCandidates(r) : r);
        const mine = order(await ours(cluster, c.args));
        // Real kubectl, run 4 at a time on a busy machine, is asked again once before we differ.
        let real = order(theirs[i]!);
        if (JSON.stringify(mine) !== JSON.stringify(real)) real = order(await server.kubectl(c.args));
        expect(mine).toEqual(real);
      });
    });
  });
}
