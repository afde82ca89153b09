// The part of a shell's state that a subshell copies: variables, aliases,
// functions, the working directory, positional parameters, $?.
import type { FunctionDef } from "./ast.ts";

export interface Variable {
  value: string;
  exported: boolean;
  readonly?: boolean;
}

export class ShellVars {
  vars = new Map<string, Variable>();
  aliases = new Map<string, string>();
  functions = new Map<string, FunctionDef>();
  cwd = "/";
  positional: string[] = [];
  /** $0 */
  scriptName = "bash";
  lastStatus = 0;
  pipefail = false;
  /** `local` frames of the functions running, innermost last: the values to restore. */
  frames: Array<Map<string, Variable | undefined>> = [];

  clone(): ShellVars {
    const c = new ShellVars();
    for (const [k, v] of this.vars) c.vars.set(k, { ...v });
    c.aliases = new Map(this.aliases);
    c.functions = new Map(this.functions);
    c.cwd = this.cwd;
    c.positional = [...this.positional];
    c.scriptName = this.scriptName;
    c.lastStatus = this.lastStatus;
    c.pipefail = this.pipefail;
    c.frames = this.frames.map((f) => new Map(f));
    return c;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Set a variable, keeping its export flag. Returns false when it is readonly. */
  set(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) return false;
    if (v) {
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: exported ?? false });
    return true;
  }

  unset(name: string): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) return false;
    this.vars.delete(name);
    return true;
  }

  /** The environment a command sees: exported variables, in the order they were made. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  /** `local NAME`: remember the outer value so the function's return restores it. */
  makeLocal(name: string): void {
    const frame = this.frames.at(-1);
    if (!frame || frame.has(name)) return;
    const v = this.vars.get(name);
    frame.set(name, v ? { ...v } : undefined);
  }
}
