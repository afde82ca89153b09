// The error a printer reports the way kubectl does: `message` is the text
// kubectl prints after "error: " (cmdutil.CheckErr), `stdout` what it had
// already written to standard output (the go-template printer writes the
// partial output and a debugging dump there before failing).

export class PrinterError extends Error {
  constructor(
    message: string,
    readonly stdout = "",
  ) {
    super(message);
    this.name = "PrinterError";
  }

  /** Exactly what kubectl writes to stderr (it exits with code 1). */
  get stderr(): string {
    const msg = this.message.startsWith("error: ") ? this.message : `error: ${this.message}`;
    return msg.endsWith("\n") ? msg : `${msg}\n`;
  }

  get exitCode(): number {
    return 1;
  }
}
