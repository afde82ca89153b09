// Tab completion without the real kubectl: what cobra derives from a command
// tree (hidden, deprecated, aliases, repeatable flags, local flags, `--`),
// the directive lines, and completeKubectl on the scenario cluster.
import { describe, expect, it } from "vitest";
import { buildScenario } from "../../../test/kubectl/scenario.ts";
import type { Command } from "../command.ts";
import { BOOL } from "../flags.ts";
import { completeKubectl, runKubectl } from "../index.ts";
import type { KubectlContext } from "../types.ts";
import { completionLine, directiveNames } from "./cobra.ts";
import { completeKubectlOn, Directive } from "./index.ts";

const cluster = buildScenario();
const ctx: KubectlContext = { api: cluster.api, now: () => 0, wait: async () => {}, readFile: () => undefined };

/** A small tree: what completion offers must come from it alone. */
const tree: Command = {
  name: "kubectl",
  short: "",
  use: "kubectl",
  subcommands: [
    {
      name: "zeta",
      aliases: ["z"],
      short: "Last by name",
      use: "zeta",
      flags: [
        BOOL("quiet", "Say less."),
        BOOL("old", "Gone.", { deprecated: "use --quiet" }),
        BOOL("secret", "Not listed.", { hidden: true }),
        { name: "tag", shorthand: "t", type: "stringArray", usage: "Tags, repeatable." },
        { name: "mode", type: "string", usage: "One mode." },
      ],
      completeArgs: ({ args, toComplete }) => ({
        completions: ["red", "green"].filter((c) => c.startsWith(toComplete) && !args.includes(c)),
        directive: Directive.NoFileComp,
      }),
      run() {},
    },
    { name: "alpha", short: "First by name", use: "alpha", run() {} },
    { name: "ghost", short: "Hidden", use: "ghost", hidden: true, run() {} },
    { name: "empty", short: "A group with nothing to run", use: "empty", subcommands: [{ name: "x", short: "", use: "x", hidden: true, run() {} }] },
    {
      name: "group",
      short: "A group",
      use: "group",
      flags: [BOOL("local", "A flag of the group.")],
      subcommands: [{ name: "child", short: "The child\nsecond line", use: "child", run() {} }],
    },
  ],
};

async function values(args: string[], root: Command = tree): Promise<string[]> {
  return (await completeKubectlOn(root, args, ctx)).candidates.map((c) => c.value);
}

describe("completion from the command tree", () => {
  it.each([
    { name: "subcommands sorted by name, help added, hidden and empty groups left out", args: [""], want: ["alpha", "group", "help", "zeta"] },
    { name: "subcommands by prefix", args: ["a"], want: ["alpha"] },
    { name: "an alias finds the command", args: ["z", ""], want: ["red", "green"] },
    { name: "the command's argument function, given the arguments so far", args: ["zeta", "red", ""], want: ["green"] },
    { name: "deprecated flags are not offered", args: ["zeta", "--o"], want: [] },
    { name: "hidden flags are not offered", args: ["zeta", "--se"], want: ["--server"] },
    { name: "a given flag is not offered again", args: ["zeta", "--quiet", "--q"], want: [] },
    { name: "repeatable flags are offered again", args: ["zeta", "-t", "a", "-t"], want: ["-t"] },
    { name: "after --, no flag names", args: ["zeta", "--", "-"], want: [] },
    { name: "a flag's value with no completion function", args: ["zeta", "--mode", ""], want: [] },
    { name: "a group's own flag given: no subcommands", args: ["group", "--local", ""], want: [] },
    { name: "help completes the tree's commands", args: ["help", "group", ""], want: ["child"] },
  ])("$name", async ({ args, want }) => {
    expect(await values(args)).toEqual(want);
  });

  it("offers the flags of zeta: globals, then its own and help", async () => {
    const got = await values(["zeta", "--"]);
    expect(got.slice(-4)).toEqual(["--help", "--mode", "--quiet", "--tag"]);
    expect(got).toContain("--namespace");
    expect(got.indexOf("--warnings-as-errors")).toBeLessThan(got.indexOf("--help"));
  });

  it("keeps only a description's first line", async () => {
    const r = await completeKubectlOn(tree, ["group", ""], ctx);
    expect(r.candidates).toEqual([{ value: "child", description: "The child" }]);
  });

  it("falls back to files when nothing is registered", async () => {
    expect((await completeKubectlOn(tree, ["alpha", ""], ctx)).directive).toBe(Directive.Default);
  });
});

describe("completeKubectl on the scenario cluster", () => {
  it.each([
    { args: ["get", "deploy", ""], want: ["broken", "crash", "nginx", "web"], directive: Directive.NoFileComp },
    { args: ["get", "deploy/w"], want: ["deploy/web"], directive: Directive.NoFileComp },
    { args: ["-n", "dev", "get", "deploy", ""], want: ["api", "odd"], directive: Directive.NoFileComp },
    { args: ["get", "-n", "d"], want: ["default", "dev"], directive: Directive.NoFileComp },
    { args: ["get", "deploy/nginx", "p"], want: ["pods/"], directive: Directive.NoFileComp | Directive.NoSpace },
    { args: ["logs", "zzz"], want: [], directive: Directive.NoFileComp | Directive.NoSpace },
    { args: ["get", "-f", ""], want: ["json", "yaml", "yml"], directive: Directive.FilterFileExt },
    { args: ["get", "-o", "y"], want: ["yaml"], directive: Directive.NoFileComp },
    { args: ["get", "--zzz", ""], want: [], directive: Directive.Default },
  ])("kubectl $args", async ({ args, want, directive }) => {
    const r = await completeKubectl(args, ctx);
    expect(r.candidates.map((c) => c.value)).toEqual(want);
    expect(r.directive).toBe(directive);
  });

  it("describes subcommands", async () => {
    const r = await completeKubectl(["ge"], ctx);
    expect(r.candidates).toEqual([{ value: "get", description: "Display one or many resources" }]);
  });
});

describe("the __complete command", () => {
  async function run(args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await runKubectl(args, { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, ctx);
    return { stdout, stderr, code };
  }

  it("prints candidates, the directive, and its names on stderr", async () => {
    expect(await run(["__complete", "get", "deploy/nginx", "r"])).toEqual({
      stdout: "replicasets.apps/\n:6\n",
      stderr: "Completion ended with directive: ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp\n",
      code: 0,
    });
  });

  it("drops descriptions for __completeNoDesc", async () => {
    expect((await run(["__completeNoDesc", "ge"])).stdout).toBe("get\n:4\n");
  });

  it("reports an unknown command on stderr", async () => {
    expect(await run(["__complete", "nope", ""])).toEqual({
      stdout: ":0\n",
      stderr:
        "[Debug] Cleared global flags for plugin completion\n[Debug] [Error] unable to find a command for arguments: [nope]\nCompletion ended with directive: ShellCompDirectiveDefault\n",
      code: 0,
    });
  });

  it("wants at least one word", async () => {
    expect(await run(["__complete"])).toEqual({ stdout: "", stderr: "error: requires at least 1 arg(s), only received 0\n", code: 1 });
  });
});

describe("directive lines", () => {
  it.each([
    [0, "ShellCompDirectiveDefault"],
    [4, "ShellCompDirectiveNoFileComp"],
    [6, "ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp"],
    [8, "ShellCompDirectiveFilterFileExt"],
    [33, "ShellCompDirectiveError, ShellCompDirectiveKeepOrder"],
    [64, "ERROR: unexpected ShellCompDirective value: 64"],
  ])("%i is %s", (d, names) => {
    expect(directiveNames(d)).toBe(names);
  });

  it.each([
    ["get\tDisplay one", true, "get\tDisplay one"],
    ["get\tDisplay one", false, "get"],
    ["x\tfirst\nsecond", true, "x\tfirst"],
    ["  padded\t", true, "padded"],
  ])("%j prints as %j", (comp, desc, line) => {
    expect(completionLine(comp, desc as boolean)).toBe(line);
  });
});
