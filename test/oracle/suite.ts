// A vitest table of oracle cases for the output printers: each case is a
// `kubectl get ... -o FORMAT` run against the fake API server, and the same
// object(s) printed by our printers; stdout, stderr and exit code must match
// byte for byte. Without the kubectl binary the table is skipped, saying why.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileCustomColumns, compileCustomColumnsFile } from "../../engine/kubectl/printers/custom-columns.ts";
import { compileGoTemplate } from "../../engine/kubectl/printers/gotemplate.ts";
import { compileJsonPath } from "../../engine/kubectl/printers/jsonpath.ts";
import { PrinterError } from "../../engine/kubectl/printers/printer-error.ts";
import { namespaceObjects, nodes } from "./fixtures.ts";
import { FakeApiServer, type KubectlResult, kubectlGetList, mapLimit, oracleSkipReason } from "./kubectl.ts";

type Obj = Record<string, unknown>;

export interface OracleCase {
  /** The behaviour under test (the test's name). */
  name: string;
  /** The `-o` value, e.g. `jsonpath={.metadata.name}`. */
  output: string;
  /** `kubectl get` arguments: a resource and names. Default: `deployment web`. */
  get?: string[];
  /** More kubectl flags: --no-headers, --template=..., --allow-missing-template-keys=false. */
  flags?: string[];
  /** Files in the working directory (for the *-file formats). */
  files?: Record<string, string>;
  /** Objects for a namespace of this case's own instead of the shared fixtures. */
  objects?: Obj[];
  /** Go iterates maps in random order here: compare stdout's sorted words. */
  unordered?: boolean;
}

const KINDS: Record<string, string> = {
  deployment: "Deployment",
  deployments: "Deployment",
  deploy: "Deployment",
  pod: "Pod",
  pods: "Pod",
  po: "Pod",
  service: "Service",
  services: "Service",
  svc: "Service",
  configmap: "ConfigMap",
  configmaps: "ConfigMap",
  cm: "ConfigMap",
  secret: "Secret",
  secrets: "Secret",
  node: "Node",
  nodes: "Node",
  no: "Node",
};

/** What kubectl's printer is given for `kubectl get RESOURCE [NAME...]`. */
export function printedObject(objects: readonly Obj[], get: readonly string[]): unknown {
  const [resource, ...names] = get;
  const kind = KINDS[resource!];
  if (!kind) throw new Error(`unknown resource ${resource}`);
  const ofKind = [...objects, ...nodes].filter((o) => o.kind === kind);
  if (names.length === 1) return ofKind.find((o) => (o.metadata as Obj).name === names[0]);
  if (names.length === 0) return kubectlGetList(ofKind);
  return kubectlGetList(names.map((n) => ofKind.find((o) => (o.metadata as Obj).name === n)!));
}

function flagValue(flags: readonly string[], name: string): string | undefined {
  const f = flags.find((x) => x.startsWith(`--${name}=`));
  return f?.slice(name.length + 3);
}

/** Our printers, chosen and configured from the -o value and flags as kubectl does. */
export function renderOurs(c: OracleCase, data: unknown): KubectlResult {
  const flags = c.flags ?? [];
  const eq = c.output.indexOf("=");
  const format = eq < 0 ? c.output : c.output.slice(0, eq);
  let value = eq < 0 ? "" : c.output.slice(eq + 1);
  const template = flagValue(flags, "template");
  if (template !== undefined) value = template;
  const allowMissingKeys = flagValue(flags, "allow-missing-template-keys") !== "false";
  const file = (name: string): string => c.files?.[name] ?? "";
  try {
    let stdout: string;
    switch (format) {
      case "jsonpath":
      case "jsonpath-as-json":
        stdout = compileJsonPath(value, { allowMissingKeys, outputJson: format === "jsonpath-as-json" }).execute(data);
        break;
      case "jsonpath-file":
        stdout = compileJsonPath(file(value), { allowMissingKeys }).execute(data);
        break;
      case "go-template":
      case "template":
        stdout = compileGoTemplate(value, { allowMissingKeys }).execute(data);
        break;
      case "go-template-file":
      case "templatefile":
        stdout = compileGoTemplate(file(value), { allowMissingKeys }).execute(data);
        break;
      case "custom-columns":
        stdout = compileCustomColumns(value, { noHeaders: flags.includes("--no-headers") }).print(data);
        break;
      case "custom-columns-file":
        stdout = compileCustomColumnsFile(file(value)).print(data);
        break;
      default:
        throw new Error(`no printer for ${format}`);
    }
    return { stdout, stderr: "", exitCode: 0 };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    return { stdout: e.stdout, stderr: e.stderr, exitCode: e.exitCode };
  }
}

function sortedWords(s: string): string {
  return s.split(/\s+/).sort().join(" ");
}


/** Register `cases` as tests comparing our printers with kubectl's output. */
export function describeOracle(title: string, cases: readonly OracleCase[]): void {
  if (oracleSkipReason !== null) {
    describe(title, () => {
      it.skip(`${cases.length} cases: ${oracleSkipReason}`, () => {});
    });
    return;
  }
  describe(title, () => {
    const server = new FakeApiServer();
    const theirs: KubectlResult[] = [];
    const namespaces: string[] = [];

    beforeAll(async () => {
      await server.start();
      server.setClusterObjects(nodes);
      const shared = server.addNamespace(namespaceObjects, "default");
      for (const c of cases) namespaces.push(c.objects ? server.addNamespace(c.objects) : shared);
      const results = await mapLimit(cases, 8, (c) => {
        const i = cases.indexOf(c);
        const args = ["get", ...(c.get ?? ["deployment", "web"]), "-o", c.output, ...(c.flags ?? [])];
        return server.kubectl(namespaces[i]!, args, { files: c.files });
      });
      theirs.push(...results);
    }, 120_000);

    afterAll(async () => {
      await server.stop();
    });

    cases.forEach((c, i) => {
      it(c.name, () => {
        const data = printedObject(server.objectsIn(namespaces[i]!), c.get ?? ["deployment", "web"]);
        const ours = renderOurs(c, data);
        const real = theirs[i]!;
        if (c.unordered) {
          expect({ ...ours, stdout: sortedWords(ours.stdout) }).toEqual({ ...real, stdout: sortedWords(real.stdout) });
        } else {
          expect(ours).toEqual(real);
        }
      });
    });
  });
}
