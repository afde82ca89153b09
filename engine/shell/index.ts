// The learner's shell: see shell.ts for the interface the cluster wires into exec.
export { Shell } from "./shell.ts";
export type { EditorHook, ExternalCommand, ShellCommandIO, ShellEnvView, ShellLimits, ShellOptions, ShellRunOptions, ShellRunResult, ShellState } from "./shell.ts";
export { VirtualFs, FsError, DEFAULT_FS_LIMITS, normalizePath, resolvePath } from "./fs.ts";
export type { FsErrorCode, FsLimits, FsSnapshot, FsStat } from "./fs.ts";
