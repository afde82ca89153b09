// Non-local exits inside the interpreter. None of these leave Shell.run: it
// turns each into a status (and, where bash prints one, a message).

/** `exit N`: leaves the shell (or the subshell it runs in). */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super("exit");
  }
}

/** `break N` / `continue N`. */
export class LoopControl extends Error {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {
    super(kind);
  }
}

/** `return N` from a function or a sourced file. */
export class ReturnRequest extends Error {
  constructor(readonly status: number) {
    super("return");
  }
}

/** Ctrl-C: the signal aborted. The line stops with status 130. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

/**
 * An error that abandons the rest of the line after printing `bash: message`
 * (expansion errors, as an interactive bash does).
 */
export class LineAbort extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
