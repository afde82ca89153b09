// The write commands that need no server against real kubectl v1.32, run
// offline: `set ... --local -f`, `label|annotate --local -f`, and the secret
// generators with --dry-run=client. Both read the same files; stdout, stderr
// and exit code must match byte for byte. The key pair is a throw-away
// self-signed P-256 certificate made for these tests.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { type KubectlResult, mapLimit, oracleSkipReason, runKubectl as runReal } from "../oracle/kubectl.ts";
import { words } from "./words.ts";
import { WRITE_FILES } from "./write-files.ts";

const CERT = `-----BEGIN CERTIFICATE-----
MIIBgzCCASmgAwIBAgIUUd+0kh8Fxf8BlRixoCSPcjx81wgwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLd2ViLmV4YW1wbGUwIBcNMjYxMTI1MTgzNjU1WhgPMjEyNjEx
MDExODM2NTVaMBYxFDASBgNVBAMMC3dlYi5leGFtcGxlMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAE4z3CAJJA1rOKMJnSLg5OjBHQdeGd/bT8UIm2wVFV9E6/+ijf
c4roYLtIzVfj7Kg+/+anIs40bKHv2+GlXhMZHKNTMFEwHQYDVR0OBBYEFHMVhH5y
BWPH5QpLoJUlOdAT/g7dMB8GA1UdIwQYMBaAFHMVhH5yBWPH5QpLoJUlOdAT/g7d
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgBjekTKQwTbDO1DfV
d/rkNH1bCfNISM7dVcxwUNQt/DICIQDr3xfCztZXFMGIJ1aL7MQ7YETxiRU4XmnZ
/DlEOV5Kyw==
-----END CERTIFICATE-----
`;

const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgdUmOmAMtFSjKWM1h
pjRULKlFjr8bA9KNrFvTYwVbk4WhRANCAATjPcIAkkDWs4owmdIuDk6MEdB14Z39
tPxQibbBUVX0Tr/6KN9ziuhgu0jNV+PsqD7/5qcizjRsoe/b4aVeExkc
-----END PRIVATE KEY-----
`;

const FILES: Record<string, string> = {
  "d.yaml": WRITE_FILES["d.yaml"]!,
  "ns-dev.yaml": WRITE_FILES["ns-dev.yaml"]!,
  "pod.yaml": WRITE_FILES["pod.yaml"]!.replace("    image: nginx:1.25\n", "    image: nginx:1.25\n    env:\n    - name: X\n      value: \"1\"\n"),
  "cm.yaml": WRITE_FILES["cm2.yaml"]!,
  "foo.yaml": WRITE_FILES["foo.yaml"]!,
  "svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n",
  "rb.yaml":
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: admin\nsubjects:\n- kind: User\n  apiGroup: rbac.authorization.k8s.io\n  name: alice\n",
  "crb.yaml":
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: admin\n",
  "tls.crt": CERT,
  "tls.key": KEY,
  "both.pem": CERT + KEY,
  "other.pem": "-----BEGIN FOO-----\nYWJj\n-----END FOO-----\n",
  "notes.txt": "not a certificate\n",
  "config.json": '{"auths":{"registry.example":{"auth":"dTpw"}}}\n',
  "nometa.yaml": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n",
  "conf/app.properties": "color=blue\n",
  "conf/motd.txt": "hello\n",
  "conf/nested/ignored.txt": "not read\n",
};

/** The regular files of a directory of FILES (subdirectories left out). */
function readDir(path: string): string[] | undefined {
  const prefix = path.replace(/\/+$/, "") + "/";
  const names = Object.keys(FILES).filter((f) => f.startsWith(prefix));
  if (names.length === 0) return undefined;
  return names.map((f) => f.slice(prefix.length)).filter((n) => !n.includes("/")).sort();
}

interface Case {
  name: string;
  lines: string[];
}

const CASES: Case[] = [
  {
    name: "set image --local prints the typed object",
    lines: [
      "set image -f d.yaml nginx=nginx:1.26 --local -o yaml",
      "set image -f d.yaml nginx=nginx:1.26 --local -o json",
      "set image -f d.yaml nginx=nginx:1.25 --local",
    ],
  },
  {
    name: "set image --local errors",
    lines: [
      "set image deploy/x nginx=x --local",
      "set image -f d.yaml nope=x --local",
      "set image -f cm.yaml a=b --local",
      "set image -f ns-dev.yaml api=x --local -n other",
      "set image -f ns-dev.yaml api=x --local -n dev -o name",
    ],
  },
  {
    name: "set env --local",
    lines: [
      "set env --local -f d.yaml A=1 B=2 -o yaml",
      "set env --local -f d.yaml A=1 --list",
      "set env --local -f pod.yaml --list",
      "set env --local -f pod.yaml X- -o json",
      "set env --local -f pod.yaml -e Y=2 --prefix=APP_ -o yaml",
      "set env --local -f d.yaml -c nope A=1",
    ],
  },
  {
    name: "set env --local errors",
    lines: [
      "set env --local -f d.yaml --list -o yaml",
      "set env --local deploy/x A=1",
      "set env --local -f d.yaml --from=configmap/x",
      "set env --local -f cm.yaml A=1",
      "set env --local -f d.yaml --keys=a A=1",
      "set env --record deploy/x A=1",
      "set env --local -f d.yaml 1A=x",
    ],
  },
  {
    name: "set resources --local",
    lines: [
      "set resources --local -f d.yaml --limits=cpu=1 -o yaml",
      "set resources --local -f d.yaml --limits=cpu=1,memory=1Gi --requests=cpu=500m -o json",
      "set resources --local -f d.yaml -c nope --limits=cpu=1",
    ],
  },
  {
    name: "set selector --local",
    lines: [
      "set selector --local -f svc.yaml app=x -o yaml",
      "set selector --local -f svc.yaml app=x --resource-version=5 -o json",
      "set selector --local -f svc.yaml '' -o yaml",
      "set selector --local -f svc.yaml 'app=x,tier in (b,a),!c,d'",
      "set selector --local -f d.yaml app=x",
      "set selector --local -f svc.yaml",
      "set selector --local -f svc.yaml a=b=c",
      "set selector --local -f svc.yaml 'a!=b'",
      "set selector --local svc/web app=x",
    ],
  },
  {
    name: "set serviceaccount --local",
    lines: [
      "set sa --local -f d.yaml builder -o yaml",
      "set serviceaccount --local -f pod.yaml builder -o json",
      "set sa --local -f d.yaml",
      "set sa --local -f nometa.yaml builder -o yaml",
      "set sa --local -f svc.yaml builder",
      "set sa --local deploy/x builder",
      "set sa --local -f d.yaml builder -l a=b",
    ],
  },
  {
    name: "set subject --local",
    lines: [
      "set subject --local -f rb.yaml --user=bob --group=g1 --serviceaccount=ns:sa -o yaml",
      "set subject --local -f rb.yaml --user=bob",
      "set subject --local -f rb.yaml --serviceaccount=:sa -o yaml -n team",
      "set subject --local -f crb.yaml --serviceaccount=ns:sa --user=b --user=a --user=b -o yaml",
      "set subject --local -f crb.yaml --serviceaccount=:sa",
      "set subject --local -f rb.yaml",
      "set subject --local -f rb.yaml -f d.yaml --user=x",
      "set subject --local -f foo.yaml --user=x",
    ],
  },
  {
    name: "label and annotate --local",
    lines: [
      "label --local -f d.yaml a=b -o yaml",
      "label --local -f foo.yaml a=b",
      "label --local -f d.yaml app=x",
      "label --local -f d.yaml -f svc.yaml a=b -o name",
      "label --local -f d.yaml --list",
      "label --local -f ns-dev.yaml a=b -n other",
      "label --local -f nometa.yaml a=b -o yaml",
      "annotate --local -f nometa.yaml a=b -o name",
      "label --local deploy/x a=b",
      "label --local -f d.yaml a=b --dry-run=server",
      "annotate --local -f d.yaml a=b -o json",
      "annotate --local -f svc.yaml a=b --resource-version=3 -o yaml",
      "annotate --local a=b",
    ],
  },
  {
    name: "patch --local",
    lines: [
      `patch --local -f d.yaml -p '{"spec":{"replicas":5}}' -o yaml`,
      `patch --local -f d.yaml -p '{"spec":{"replicas":2}}'`,
      `patch --local -f d.yaml --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]' -o name`,
      `patch --local -f foo.yaml -p '{"a":1}'`,
      `patch --local -f foo.yaml --type=merge -p '{"a":1}' -o json`,
      `patch --local deploy/x -p '{}'`,
    ],
  },
  {
    name: "create secret tls",
    lines: [
      "create secret tls web-tls --cert=tls.crt --key=tls.key --dry-run=client -o yaml",
      "create secret tls web-tls --cert=tls.crt --key=tls.key --dry-run=client",
      "create secret tls web-tls --cert=both.pem --key=both.pem --dry-run=client -o name",
      "create secret tls web-tls --cert=nope.crt --key=tls.key --dry-run=client",
      "create secret tls web-tls --cert=tls.crt --dry-run=client",
      "create secret tls web-tls --cert=notes.txt --key=tls.key --dry-run=client",
      "create secret tls web-tls --cert=tls.key --key=tls.crt --dry-run=client",
      "create secret tls web-tls --cert=tls.crt --key=tls.crt --dry-run=client",
      "create secret tls web-tls --cert=other.pem --key=tls.key --dry-run=client",
      "create secret tls web-tls --cert=tls.crt --key=other.pem --dry-run=client",
    ],
  },
  {
    name: "create secret docker-registry",
    lines: [
      "create secret docker-registry reg --docker-username=u --docker-password='p<&>' --docker-email=e@x.io --dry-run=client -o json",
      "create secret docker-registry reg --docker-username=u --docker-password=p --docker-server=registry.example --dry-run=client -o yaml",
      "create secret docker-registry reg --from-file=config.json --dry-run=client -o yaml",
      "create secret docker-registry reg --from-file=k=config.json --dry-run=client -o name",
      "create secret docker-registry reg --docker-username=u --dry-run=client",
      "create secret docker-registry reg --from-file=nope.json --dry-run=client",
    ],
  },
  {
    name: "--from-file with a directory takes each file in it",
    lines: [
      "create configmap c --from-file=conf --dry-run=client -o yaml",
      "create configmap c --from-file=conf/ --from-file=k=tls.crt --dry-run=client -o yaml",
      "create secret generic s --from-file=conf --dry-run=client -o yaml",
      "create configmap c --from-file=k=conf --dry-run=client",
      "create secret docker-registry reg --from-file=conf --dry-run=client",
    ],
  },
  {
    name: "--append-hash names config maps and secrets after their content",
    lines: [
      "create secret generic s --from-literal=a=b --append-hash --dry-run=client",
      "create secret generic s --append-hash --type=x --dry-run=client -o yaml",
      "create secret docker-registry reg --docker-username=u --docker-password=p --append-hash --dry-run=client",
      "create secret tls web-tls --cert=tls.crt --key=tls.key --append-hash --dry-run=client",
      "create configmap c --from-literal=a=b --from-literal=z='<&>' --append-hash --dry-run=client -o yaml",
      "create configmap c --append-hash --dry-run=client",
    ],
  },
];

async function ours(line: string): Promise<KubectlResult> {
  const cluster = createCluster();
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(words(line), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
    api: cluster.api,
    now: () => cluster.nowMs(),
    wait: async (ms) => cluster.advance(ms),
    readFile: (p) => FILES[p.replace(/^\.\//, "")],
    readDir,
  });
  return { stdout, stderr, exitCode };
}

if (oracleSkipReason !== null) {
  describe("commands without a server against real kubectl v1.32", () => {
    it.skip(`${CASES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("commands without a server against real kubectl v1.32", () => {
    // One batch of real kubectl runs for every case, a few at a time.
    const lines = CASES.flatMap((c) => c.lines);
    const real = mapLimit(lines, 8, (line) => runReal(words(line), { files: FILES }));
    it.each(CASES)("$name", async (c) => {
      const results = await real;
      for (const line of c.lines) {
        const theirs = results[lines.indexOf(line)]!;
        expect({ line, ...(await ours(line)) }).toEqual({ line, ...theirs });
      }
    }, 60_000);
  });
}
