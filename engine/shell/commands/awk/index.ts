// awk [-F fs] [-v var=value] [-f progfile | 'program'] [var=value | file]...
// Errors are worded as mawk (Debian's and Ubuntu's awk) words them.
import { CpuLimitExceeded } from "../../budget.ts";
import { FdTable, InputStream } from "../../io.ts";
import type { CommandContext, CommandTable } from "../context.ts";
import { fsReason } from "../context.ts";
import { AwkInterpreter, AwkRuntimeError, type AwkInput } from "./interp.ts";
import { awkEscape, AwkSyntaxError } from "./lexer.ts";
import { parseAwk } from "./parser.ts";

/** Escapes in -v values and command-line assignments, as in string constants. */
function unescape(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\") {
      out += s[i];
      continue;
    }
    const e = awkEscape(s, i + 1);
    out += e.value;
    i += e.length;
  }
  return out;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

async function awk(ctx: CommandContext): Promise<number> {
  const args = [...ctx.args];
  let fs: string | undefined;
  const assigns: Array<[string, string]> = [];
  let programText: string | undefined;
  while (args.length > 0) {
    const a = args[0];
    if (a === "--") {
      args.shift();
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    args.shift();
    if (a.startsWith("-F")) {
      const v = a.length > 2 ? a.slice(2) : args.shift();
      if (v === undefined) {
        ctx.stderr("awk: option requires an argument -- F\n");
        return 2;
      }
      fs = unescape(v);
    } else if (a.startsWith("-v")) {
      const v = a.length > 2 ? a.slice(2) : args.shift();
      const m = v === undefined ? null : ASSIGNMENT.exec(v);
      if (!m) {
        ctx.stderr(`awk: improper assignment: -v ${v ?? ""}\n`);
        return 2;
      }
      assigns.push([m[1], unescape(m[2])]);
    } else if (a.startsWith("-f")) {
      const file = a.length > 2 ? a.slice(2) : args.shift();
      try {
        programText = (programText ?? "") + ctx.sh.fs.readFile(ctx.sh.resolve(file ?? "")) + "\n";
      } catch (e) {
        ctx.stderr(`awk: couldn't open file ${file}: ${fsReason(e)}\n`);
        return 2;
      }
    } else if (a === "--version" || a === "-W") {
      ctx.stdout("awk (kubedojo's awk, after POSIX and mawk)\n");
      return 0;
    } else {
      ctx.stderr(`awk: not an option: ${a}\n`);
      return 2;
    }
  }
  if (programText === undefined) {
    programText = args.shift();
    if (programText === undefined) {
      ctx.stderr("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n");
      return 2;
    }
  }
  let program;
  try {
    program = parseAwk(programText);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    ctx.stderr(`awk: line ${e.line}: ${e.message}\n`);
    return 2;
  }
  const sh = ctx.sh;
  const interp = new AwkInterpreter(program, {
    budget: sh.budget,
    maxString: sh.maxWordBytes,
    stdout: (t) => ctx.stdout(t),
    readFile: (name) => {
      try {
        return sh.fs.readFile(sh.resolve(name));
      } catch {
        return undefined;
      }
    },
    writeFile: (name, text, append) => {
      if (name === "/dev/stdout" || name === "-") {
        ctx.stdout(text);
        return undefined;
      }
      if (name === "/dev/stderr") {
        ctx.stderr(text);
        return undefined;
      }
      try {
        sh.fs.writeFile(sh.resolve(name), text, { append });
        return undefined;
      } catch (e) {
        return fsReason(e);
      }
    },
    environ: sh.vars.environment(),
  });
  if (fs !== undefined) interp.setVar("FS", fs);
  for (const [k, v] of assigns) interp.setVar(k, v);
  interp.setArgv(["awk", ...args]);
  let status = 0;
  function* inputs(): Generator<AwkInput | { assign: string; value: string }> {
    const files = args.filter((a) => !ASSIGNMENT.test(a));
    if (files.length === 0) {
      for (const a of args) {
        const m = ASSIGNMENT.exec(a) as RegExpExecArray;
        yield { assign: m[1], value: unescape(m[2]) };
      }
      yield { name: "", text: ctx.stdin.readAll() };
      return;
    }
    for (const a of args) {
      const m = ASSIGNMENT.exec(a);
      if (m) {
        yield { assign: m[1], value: unescape(m[2]) };
        continue;
      }
      if (a === "-" || a === "/dev/stdin") {
        yield { name: a, text: ctx.stdin.readAll() };
        continue;
      }
      try {
        yield { name: a, text: sh.fs.readFile(sh.resolve(a)) };
      } catch (e) {
        ctx.stdout(interp.flushOutput());
        ctx.stderr(`awk: cannot open ${a} (${fsReason(e)})\n`);
        status = 2;
        return;
      }
    }
  }
  try {
    const code = interp.run(inputs);
    if (status === 0) status = code;
  } catch (e) {
    ctx.stdout(interp.flushOutput());
    if (e instanceof CpuLimitExceeded) throw e;
    if (e instanceof AwkRuntimeError) {
      ctx.stderr(`awk: run time error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  ctx.stdout(interp.flushOutput());
  // `print | "cmd"`: each command reads what was printed to it, once the program is done.
  for (const [command, text] of interp.pipes) {
    await sh.runScript("sh", command, [], FdTable.of(new InputStream(text), ctx.out, ctx.err), "sh");
  }
  return status;
}

export const AWK_COMMANDS: CommandTable = {
  awk: { impl: awk, kind: "utility", path: "/usr/bin/awk" },
  mawk: { impl: awk, kind: "utility", path: "/usr/bin/mawk" },
  gawk: { impl: awk, kind: "utility", path: "/usr/bin/gawk" },
};
