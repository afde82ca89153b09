// kubectl's rendering of 422 Invalid errors. The table is checked against the
// real kubectl v1.32 binary when it is installed: a throwaway API server
// answers discovery and returns the Status for `kubectl create -f -`.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { Status } from "../types.ts";
import { forbidden, invalid, invalidStatus, notSupported, required } from "./field.ts";
import { formatInvalidStatus } from "./format-status.ts";

const KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";

const cases: [string, Status, string][] = [
  [
    "one cause",
    invalidStatus("Deployment", "apps", "nginx", [required("spec.template.spec.containers[0].image")]),
    'The Deployment "nginx" is invalid: spec.template.spec.containers[0].image: Required value\n',
  ],
  [
    "several causes: header with a trailing space, one bullet each",
    invalidStatus("Deployment", "apps", "nginx", [
      invalid("spec.replicas", -1, "must be greater than or equal to 0"),
      notSupported("spec.template.spec.restartPolicy", "OnFailure", ["Always"]),
    ]),
    'The Deployment "nginx" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n',
  ],
  [
    "repeated causes are printed once",
    invalidStatus("ReplicaSet", "apps", "rs", [required("spec.selector"), required("spec.selector")]),
    'The ReplicaSet "rs" is invalid: spec.selector: Required value\n',
  ],
  [
    "a multi-line cause is printed as is",
    invalidStatus("Pod", "", "p", [forbidden("spec", "pod updates may not change fields\n  core.PodSpec{\n  }\n")]),
    // the message already ends in a newline and kubectl adds another: a blank line follows
    'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields\n  core.PodSpec{\n  }\n\n',
  ],
  [
    "no causes",
    { ...invalidStatus("Pod", "", "p", []), details: { name: "p", kind: "Pod" } },
    'The Pod "p" is invalid\n',
  ],
];

describe("formatInvalidStatus prints what kubectl prints", () => {
  it.each(cases)("%s", (_name, status, text) => {
    expect(formatInvalidStatus(status)).toBe(text);
  });

  it("without details it is the generic sentence with the server message", () => {
    const s: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "bad", reason: "Invalid", code: 422 };
    expect(formatInvalidStatus(s)).toBe("The request is invalid: bad\n");
  });
});

async function kubectlStderr(status: Status): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const url = req.url ?? "";
      if (req.method === "POST") return send(status.code, status);
      if (url === "/api" || url.startsWith("/api?")) return send(200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] });
      if (url === "/apis" || url.startsWith("/apis?")) {
        return send(200, { kind: "APIGroupList", apiVersion: "v1", groups: [{ name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { groupVersion: "apps/v1", version: "v1" } }] });
      }
      if (url.startsWith("/apis/apps/v1")) {
        return send(200, { kind: "APIResourceList", apiVersion: "v1", groupVersion: "apps/v1", resources: [{ name: "deployments", singularName: "deployment", namespaced: true, kind: "Deployment", verbs: ["create", "get"] }] });
      }
      if (url.startsWith("/api/v1")) {
        return send(200, { kind: "APIResourceList", groupVersion: "v1", resources: [{ name: "pods", singularName: "pod", namespaced: true, kind: "Pod", verbs: ["create", "get"] }] });
      }
      send(404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n";
  try {
    return await new Promise<string>((resolve) => {
      const child = execFile(
        KUBECTL,
        [`--server=http://127.0.0.1:${port}`, "--kubeconfig=/dev/null", "create", "--validate=false", "-f", "-"],
        (_err, _stdout, stderr) => resolve(stderr),
      );
      child.stdin?.end(manifest);
    });
  } finally {
    server.close();
  }
}

describe.skipIf(!existsSync(KUBECTL))("formatInvalidStatus matches kubectl v1.32 (oracle)", () => {
  it.each(cases)("%s", async (_name, status, text) => {
    expect(await kubectlStderr(status)).toBe(text);
  });
});

if (!existsSync(KUBECTL)) {
  describe("kubectl oracle", () => {
    it.skip(`skipped: ${KUBECTL} not installed`, () => {});
  });
}
