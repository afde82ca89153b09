// Probes and lifecycle hooks (core validateProbe / validateHandler, 1.32).
import type { Container, Probe } from "../types.ts";
import { child, forbidden, invalid, notSupported, required } from "./field.ts";
import type { FieldError } from "./field.ts";
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from "./names.ts";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" ? (v as Obj) : undefined);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

const HTTP_SCHEMES = ["HTTP", "HTTPS"];

export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  // a missing IntOrString is the zero value: the integer 0
  if (port === undefined || port === null) port = 0;
  if (typeof port === "number") return isValidPortNum(port).map((m) => invalid(path, port, m));
  const s = str(port);
  return isValidPortName(s).map((m) => invalid(path, s, m));
}

/** One handler: exec, httpGet, tcpSocket, grpc, sleep (lifecycle only); exactly one required. */
function validateHandler(h: Obj, gracePeriod: number | undefined, path: string, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const one = (name: string, check: (v: Obj, p: string) => FieldError[]) => {
    const v = obj(h[name]);
    if (!v) return;
    if (n > 0) {
      errs.push(forbidden(child(path, name), "may not specify more than 1 handler type"));
      return;
    }
    n++;
    errs.push(...check(v, child(path, name)));
  };
  one("exec", (v, p) => ((v["command"] as unknown[] | undefined)?.length ? [] : [required(child(p, "command"))]));
  one("httpGet", (v, p) => {
    const e: FieldError[] = [];
    if (!str(v["path"])) e.push(required(child(p, "path")));
    e.push(...validatePortNumOrName(v["port"], child(p, "port")));
    const scheme = str(v["scheme"]);
    if (!HTTP_SCHEMES.includes(scheme)) e.push(notSupported(child(p, "scheme"), scheme, HTTP_SCHEMES));
    for (const hdr of (v["httpHeaders"] as Obj[] | undefined) ?? []) {
      const hn = str(hdr["name"]);
      for (const m of isHTTPHeaderName(hn)) e.push(invalid(child(p, "httpHeaders"), hn, m));
    }
    return e;
  });
  one("tcpSocket", (v, p) => validatePortNumOrName(v["port"], child(p, "port")));
  if (!allowSleep) one("grpc", (v, p) => validatePortNumOrName(typeof v["port"] === "number" ? v["port"] : 0, child(p, "port")));
  if (allowSleep) {
    one("sleep", (v, p) => {
      const seconds = typeof v["seconds"] === "number" ? v["seconds"] : 0;
      const grace = gracePeriod ?? 0;
      return seconds <= 0 || seconds > grace
        ? [invalid(p, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`)]
        : [];
    });
  }
  if (n === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

function validateProbe(probe: Probe, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(probe as unknown as Obj, gracePeriod, path, false);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const) {
    const v = probe[f] ?? 0;
    if (v < 0) errs.push(invalid(child(path, f), v, "must be greater than or equal to 0"));
  }
  if (probe.terminationGracePeriodSeconds != null && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, "terminationGracePeriodSeconds"), probe.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  return errs;
}

export function validateProbes(c: Container, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (c.lifecycle) {
    const lc = obj(c.lifecycle) ?? {};
    for (const hook of ["postStart", "preStop"]) {
      const h = obj(lc[hook]);
      if (h) errs.push(...validateHandler(h, gracePeriod, child(path, "lifecycle", hook), true));
    }
  }
  if (c.livenessProbe) {
    const p = child(path, "livenessProbe");
    errs.push(...validateProbe(c.livenessProbe, gracePeriod, p));
    if ((c.livenessProbe.successThreshold ?? 0) !== 1) errs.push(invalid(child(p, "successThreshold"), c.livenessProbe.successThreshold ?? 0, "must be 1"));
  }
  if (c.readinessProbe) {
    const p = child(path, "readinessProbe");
    errs.push(...validateProbe(c.readinessProbe, gracePeriod, p));
    if (c.readinessProbe.terminationGracePeriodSeconds != null) {
      errs.push(invalid(child(p, "terminationGracePeriodSeconds"), c.readinessProbe.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
    }
  }
  if (c.startupProbe) {
    const p = child(path, "startupProbe");
    errs.push(...validateProbe(c.startupProbe, gracePeriod, p));
    if ((c.startupProbe.successThreshold ?? 0) !== 1) errs.push(invalid(child(p, "successThreshold"), c.startupProbe.successThreshold ?? 0, "must be 1"));
  }
  return errs;
}

