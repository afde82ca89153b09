// What an image's default process writes to its log, as data: lines at
// start-up, a line (or a few) per HTTP request it serves (the kubelet's
// httpGet probes are the requests a sandbox sees), and lines on a clean stop.
// Templates take `{name}` placeholders, filled in by generate.ts:
//   {time:nginx} 2026/01/05 09:00:03     {time:clf} 05/Jan/2026:09:00:03 +0000
//   {time:redis} 05 Jan 2026 09:00:03.123 {time:httpd} Mon Jan 05 09:00:03.123456 2026
//   {time:entrypoint} 2026-01-05 09:00:03+00:00
//   {version} the image tag's version, {podIP}, {client} (the prober's address),
//   {path}, {bytes}, {host} (podIP:port), {worker} (a worker's pid), {kernel}.

export interface TimedLine {
  /** Written this long after the process started. */
  afterMs: number;
  text: string;
  /** Once per worker process (nginx starts one per CPU). */
  perWorker?: boolean;
}

export interface LogModel {
  /** Only for tags of at least this version (the first matching variant wins). */
  minVersion?: string;
  start?: readonly TimedLine[];
  /** Per request answered 200, and per request answered 404. */
  request?: { ok: readonly string[]; okBytes: number; notFound: readonly string[]; notFoundBytes: number };
  /** On a clean stop (the stop signal handled). */
  stop?: readonly TimedLine[];
}

const NGINX_ACCESS = '{client} - - [{time:clf}] "GET {path} HTTP/1.1" {status} {bytes} "-" "kube-probe/1.32" "-"';
const NGINX_404_ERROR =
  '{time:nginx} [error] {worker}#{worker}: *{request} open() "/usr/share/nginx/html{path}" failed (2: No such file or directory), client: {client}, server: localhost, request: "GET {path} HTTP/1.1", host: "{host}"';

const nginxNotices = (afterMs: number): TimedLine[] => [
  { afterMs, text: '{time:nginx} [notice] 1#1: using the "epoll" event method' },
  { afterMs, text: "{time:nginx} [notice] 1#1: nginx/{version}" },
  { afterMs, text: "{time:nginx} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) " },
  { afterMs, text: "{time:nginx} [notice] 1#1: OS: Linux {kernel}" },
  { afterMs, text: "{time:nginx} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576" },
  { afterMs, text: "{time:nginx} [notice] 1#1: start worker processes" },
  { afterMs, text: "{time:nginx} [notice] 1#1: start worker process {worker}", perWorker: true },
];

/** nginx since 1.19: the entrypoint scripts, then the master's notices (error_log at notice level). */
const NGINX: LogModel = {
  minVersion: "1.19",
  start: [
    { afterMs: 2, text: "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration" },
    { afterMs: 2, text: "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/" },
    { afterMs: 3, text: "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh" },
    { afterMs: 5, text: "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf" },
    { afterMs: 9, text: "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf" },
    { afterMs: 10, text: "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh" },
    { afterMs: 11, text: "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh" },
    { afterMs: 14, text: "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh" },
    { afterMs: 16, text: "/docker-entrypoint.sh: Configuration complete; ready for start up" },
    ...nginxNotices(21),
  ],
  request: { ok: [NGINX_ACCESS], okBytes: 615, notFound: [NGINX_404_ERROR, NGINX_ACCESS], notFoundBytes: 153 },
  stop: [
    { afterMs: 0, text: "{time:nginx} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down" },
    { afterMs: 1, text: "{time:nginx} [notice] {worker}#{worker}: gracefully shutting down", perWorker: true },
    { afterMs: 1, text: "{time:nginx} [notice] {worker}#{worker}: exiting", perWorker: true },
    { afterMs: 2, text: "{time:nginx} [notice] {worker}#{worker}: exit", perWorker: true },
    { afterMs: 3, text: "{time:nginx} [notice] 1#1: signal 17 (SIGCHLD) received from {worker}", perWorker: true },
    { afterMs: 3, text: "{time:nginx} [notice] 1#1: worker process {worker} exited with code 0", perWorker: true },
    { afterMs: 4, text: "{time:nginx} [notice] 1#1: exit" },
  ],
};

/** Older nginx images log at warn level and have no entrypoint scripts: only requests show. */
const NGINX_LEGACY: LogModel = {
  request: { ok: [NGINX_ACCESS], okBytes: 612, notFound: [NGINX_404_ERROR, NGINX_ACCESS], notFoundBytes: 169 },
};

/** nginx run as `nginx -g 'daemon off;'` (no entrypoint): the notices only. */
export const NGINX_DIRECT: readonly LogModel[] = [{ ...NGINX, start: nginxNotices(3) }, NGINX_LEGACY];

const HTTPD_HOST =
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message";
const HTTPD: LogModel = {
  start: [
    { afterMs: 8, text: HTTPD_HOST },
    { afterMs: 12, text: HTTPD_HOST },
    { afterMs: 15, text: "[{time:httpd}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{version} (Unix) configured -- resuming normal operations" },
    { afterMs: 15, text: "[{time:httpd}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'" },
  ],
  request: {
    ok: ['{client} - - [{time:clf}] "GET {path} HTTP/1.1" {status} {bytes}'],
    okBytes: 45,
    notFound: ['{client} - - [{time:clf}] "GET {path} HTTP/1.1" {status} {bytes}'],
    notFoundBytes: 196,
  },
  stop: [{ afterMs: 0, text: "[{time:httpd}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully" }],
};

const REDIS: LogModel = {
  start: [
    { afterMs: 1, text: "1:C {time:redis} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo" },
    { afterMs: 1, text: "1:C {time:redis} * Redis version={version}, bits=64, commit=00000000, modified=0, pid=1, just started" },
    {
      afterMs: 1,
      text: "1:C {time:redis} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
    },
    { afterMs: 2, text: "1:M {time:redis} * monotonic clock: POSIX clock_gettime" },
    { afterMs: 2, text: "1:M {time:redis} * Running mode=standalone, port=6379." },
    { afterMs: 3, text: "1:M {time:redis} * Server initialized" },
    { afterMs: 3, text: "1:M {time:redis} * Ready to accept connections tcp" },
  ],
  stop: [
    { afterMs: 0, text: "1:signal-handler ({time:epoch}) Received SIGTERM scheduling shutdown..." },
    { afterMs: 100, text: "1:M {time:redis} * User requested shutdown..." },
    { afterMs: 100, text: "1:M {time:redis} * Saving the final RDB snapshot before exiting." },
    { afterMs: 102, text: "1:M {time:redis} * DB saved on disk" },
    { afterMs: 102, text: "1:M {time:redis} # Redis is now ready to exit, bye bye..." },
  ],
};

/** Log models by repository (the catalogue's names). */
export const LOG_MODELS: Readonly<Record<string, readonly LogModel[]>> = {
  "docker.io/library/nginx": [NGINX, NGINX_LEGACY],
  "registry.k8s.io/nginx-slim": [NGINX_LEGACY],
  "docker.io/library/httpd": [HTTPD],
  "docker.io/library/redis": [REDIS],
};

/** Compare dotted versions numerically (`1.9` < `1.14.2`); non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first variant for this version. */
export function pickModel(models: readonly LogModel[] | undefined, version: string): LogModel | undefined {
  return models?.find((m) => m.minVersion === undefined || compareVersions(version, m.minVersion) >= 0);
}
