// Full-screen programs. vi, vim and nano go through the shell's editor hook
// (the web terminal's editor); without one they say so. less and more have no
// screen to page: they print the text, as they do when output is not a
// terminal.
import { dirname, FsError } from "../fs.ts";
import type { CommandContext, CommandTable } from "./context.ts";
import { fsReason, inputs } from "./context.ts";

async function editor(ctx: CommandContext): Promise<number> {
  const files = ctx.args.filter((a) => !a.startsWith("-") && !a.startsWith("+"));
  const hook = ctx.sh.shared.editor;
  if (!hook) {
    ctx.stderr(`${ctx.name}: the full-screen editor is not available in this terminal; write a file with: cat > FILE <<'EOF'\n`);
    return 1;
  }
  if (files.length === 0) {
    ctx.stderr(`${ctx.name}: give the file to edit, e.g. ${ctx.name} deployment.yaml\n`);
    return 1;
  }
  if (files.length > 1) {
    ctx.stderr(`${ctx.name}: this terminal edits one file at a time\n`);
    return 1;
  }
  const name = files[0];
  const path = ctx.sh.resolve(name);
  const fs = ctx.sh.fs;
  if (fs.isDir(path)) {
    ctx.stderr(`${ctx.name}: ${name}: Is a directory\n`);
    return 1;
  }
  let content = "";
  try {
    if (fs.exists(path)) content = fs.readFile(path);
    else if (!fs.isDir(dirname(path))) throw new FsError("ENOENT", path);
  } catch (e) {
    ctx.stderr(`${ctx.name}: ${name}: ${fsReason(e)}\n`);
    return 1;
  }
  const result = await hook(path, content, { program: ctx.name, signal: ctx.signal });
  ctx.sh.checkInterrupt();
  if (result === null || result === content) return 0;
  try {
    fs.writeFile(path, result);
  } catch (e) {
    ctx.stderr(`${ctx.name}: cannot write ${name}: ${fsReason(e)}\n`);
    return 1;
  }
  return 0;
}

function pager(ctx: CommandContext): number {
  let status = 0;
  const files = ctx.args.filter((a) => !a.startsWith("-") && !a.startsWith("+"));
  for (const input of inputs(ctx, files)) {
    if ("error" in input) {
      ctx.stderr(`${input.name}: ${input.error}\n`);
      status = 1;
      continue;
    }
    ctx.stdout(input.text);
  }
  return status;
}

export const INTERACTIVE_COMMANDS: CommandTable = {
  vi: { impl: editor, kind: "utility", path: "/usr/bin/vi" },
  vim: { impl: editor, kind: "utility", path: "/usr/bin/vim" },
  nano: { impl: editor, kind: "utility", path: "/usr/bin/nano" },
  less: { impl: pager, kind: "utility", path: "/usr/bin/less" },
  more: { impl: pager, kind: "utility", path: "/usr/bin/more" },
};
