// klog's line format, for the few messages kubectl logs rather than prints
// (a fatal sort error, a deprecated flag's warning).

/** The process id kubectl's log lines show. */
const KUBECTL_PID = 4242;

/** A klog line: `Fmmdd hh:mm:ss.uuuuuu   12345 file.go:123] message`, in UTC. */
export function klogLine(level: string, nowMs: number, where: string, message: string): string {
  const d = new Date(nowMs);
  const two = (n: number) => String(n).padStart(2, "0");
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, "0");
  return `${level}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${String(KUBECTL_PID).padStart(7)} ${where}] ${message}\n`;
}
