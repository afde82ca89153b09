// GNU sed, the part scripts and tutorials use: addresses (N, $, /re/,
// first~step, ranges, addr,+N, !), s/// with g p N I and \1..\9 & \U \L \u
// \l \E, d p q Q = a i c y n N D P h H g G x, blocks, labels with b and t,
// -n -E -r -e -f -i -s.
import type { CommandContext, CommandTable } from "../context.ts";
import { fsReason, options } from "../context.ts";
import { SedRun } from "./run.ts";
import { type Command, ScriptParser, SedError } from "./script.ts";

async function sed(ctx: CommandContext): Promise<number> {
  const args = ctx.args.map((a) => (/^-i.+/.test(a) ? `--in-place=${a.slice(2)}` : a));
  const opts = options(ctx, {
    flags: "nErsiuz",
    withArg: "ef",
    long: { quiet: ["n", false], silent: ["n", false], "regexp-extended": ["E", false], expression: ["e", "required"], file: ["f", "required"], "in-place": ["i", "optional"], separate: ["s", false] },
  }, args);
  if (!opts) return 1;
  const operands = [...opts.operands];
  const extended = opts.has("E") || opts.has("r");
  const scripts: Array<{ text: string; where: string }> = [];
  let n = 0;
  for (const [k, v] of opts.list) {
    if (k === "e") scripts.push({ text: v ?? "", where: `-e expression #${++n}` });
    if (k === "f") {
      try {
        scripts.push({ text: ctx.sh.fs.readFile(ctx.sh.resolve(v ?? "")), where: `file ${v} line 1` });
      } catch (e) {
        ctx.stderr(`sed: couldn't open file ${v}: ${fsReason(e)}\n`);
        return 1;
      }
    }
  }
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      ctx.stderr("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n");
      return 1;
    }
    scripts.push({ text: s, where: "-e expression #1" });
  }
  let commands: Command[];
  try {
    commands = new ScriptParser(scripts.map((s) => s.text).join("\n"), extended, scripts[0].where).parse();
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    ctx.stderr(`sed: ${e.message}\n`);
    return 1;
  }
  const inPlace = opts.has("i");
  if (inPlace && operands.length === 0) {
    ctx.stderr("sed: no input files\n");
    return 1;
  }
  const sources: Array<{ name: string; text: string }> = [];
  let status = 0;
  for (const name of operands.length === 0 ? ["-"] : operands) {
    if (name === "-") {
      sources.push({ name, text: ctx.stdin.readAll() });
      continue;
    }
    try {
      sources.push({ name, text: ctx.sh.fs.readFile(ctx.sh.resolve(name)) });
    } catch (e) {
      ctx.stderr(`sed: can't read ${name}: ${fsReason(e)}\n`);
      status = 2;
    }
  }
  const run = new SedRun(commands, opts.has("n"), ctx);
  if (inPlace || opts.has("s")) {
    for (const src of sources) {
      const out = run.process([src]);
      if (inPlace) ctx.sh.fs.writeFile(ctx.sh.resolve(src.name), out.text);
      else ctx.stdout(out.text);
      if (out.quit !== undefined) return out.quit;
    }
  } else {
    const out = run.process(sources);
    ctx.stdout(out.text);
    if (out.quit !== undefined) return out.quit;
  }
  return status;
}

export const SED_COMMANDS: CommandTable = {
  sed: {
    impl: async (ctx) => {
      try {
        return await sed(ctx);
      } catch (e) {
        if (!(e instanceof SedError)) throw e;
        ctx.stderr(`sed: ${e.message}\n`);
        return 4;
      }
    },
    kind: "utility",
    path: "/usr/bin/sed",
  },
};
