// Compound commands: { }, ( ), if, for, while/until, case, [[ ]], and
// function definitions.
import type { Case, Command, Cond, For, While } from "./ast.ts";
import { evaluateCondition, TestError } from "./cond.ts";
import { LoopControl } from "./control.ts";
import type { FdTable } from "./io.ts";
import type { Interp } from "./interp.ts";
import { globMatch } from "./pattern.ts";

export async function runCompound(sh: Interp, cmd: Command, fds: FdTable): Promise<number> {
  if (cmd.type === "function") {
    sh.vars.functions.set(cmd.name, cmd);
    return 0;
  }
  if (cmd.type === "simple") return sh.command(cmd, fds);
  const local = await sh.redirected(cmd, fds);
  if (!local) return 1;
  switch (cmd.type) {
    case "group":
      return sh.list(cmd.body, local);
    case "subshell": {
      const sub = sh.subshell();
      return sub.isolated(() => sub.list(cmd.body, local));
    }
    case "if": {
      for (const clause of cmd.clauses) {
        if ((await sh.list(clause.cond, local)) === 0) return sh.list(clause.body, local);
      }
      return cmd.otherwise ? sh.list(cmd.otherwise, local) : 0;
    }
    case "for":
      return forLoop(sh, cmd, local);
    case "while":
      return whileLoop(sh, cmd, local);
    case "case":
      return caseCommand(sh, cmd, local);
    case "cond":
      return condCommand(sh, cmd, local);
  }
}

/** Run one loop body; returns "break" or "continue" when the body asked for this loop. */
async function loopBody(sh: Interp, run: () => Promise<number>): Promise<{ status: number; control?: "break" | "continue" }> {
  try {
    return { status: await run() };
  } catch (e) {
    if (!(e instanceof LoopControl)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return { status: 0, control: e.kind };
  } finally {
    sh.checkInterrupt();
  }
}

async function forLoop(sh: Interp, cmd: For, fds: FdTable): Promise<number> {
  const items = cmd.words ? await sh.expander.words(cmd.words) : [...sh.vars.positional];
  let status = 0;
  sh.loopDepth++;
  try {
    for (const item of items) {
      sh.budget.spend(1);
      sh.assign(cmd.name, item);
      const r = await loopBody(sh, () => sh.list(cmd.body, fds));
      status = r.status;
      if (r.control === "break") break;
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

async function whileLoop(sh: Interp, cmd: While, fds: FdTable): Promise<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      sh.budget.spend(1);
      const c = await loopBody(sh, () => sh.list(cmd.cond, fds));
      if (c.control === "break") break;
      if (c.control === "continue") continue;
      if ((c.status === 0) === cmd.until) break;
      const r = await loopBody(sh, () => sh.list(cmd.body, fds));
      status = r.status;
      if (r.control === "break") break;
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

async function caseCommand(sh: Interp, cmd: Case, fds: FdTable): Promise<number> {
  const subject = await sh.expander.string(cmd.word);
  let status = 0;
  let fallInto = false;
  for (const item of cmd.items) {
    let matched = fallInto;
    if (!matched) {
      for (const p of item.patterns) {
        if (globMatch(await sh.expander.pattern(p.parts), subject)) {
          matched = true;
          break;
        }
      }
    }
    if (!matched) continue;
    status = item.body.items.length > 0 ? await sh.list(item.body, fds) : 0;
    if (item.fallthrough === ";;") return status;
    fallInto = item.fallthrough === ";&";
  }
  return status;
}

async function condCommand(sh: Interp, cmd: Cond, fds: FdTable): Promise<number> {
  const tokens: Array<{ text: string; pattern: string; op?: string }> = [];
  for (const w of cmd.words) {
    if (w.op) tokens.push({ text: w.op, pattern: w.op, op: w.op });
    else {
      const { text, pattern } = await sh.expander.textAndPattern(w.word.parts);
      tokens.push({ text, pattern });
    }
  }
  try {
    return evaluateCondition(tokens, sh, "cond") ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    fds.out(2).write(`bash: ${e.message}\n`);
    return 2;
  }
}
