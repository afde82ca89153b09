// End to end through the oracle shim (test/oracle/sim-server.ts): real
// kubectl's typed `create` sends protobuf, which the shim decodes and hands to
// the simulated API server. Each case is run on two twin clusters: on one as
// typed (protobuf), on the other as `create -f` of the same command's
// `--dry-run=client -o json` (a JSON body). What kubectl prints, and the
// stored object read back with `get -o json`, must be byte for byte the same.
// For a request the server refuses, kubectl's typed create prints
// "error: failed to create <kind>: <Status message>": the message must be the
// one the API server gives for the JSON object.
// Skipped when the binary is missing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../index.ts";
import { ApiError } from "../errors.ts";
import type { KubeObject } from "../types.ts";
import { oracleSkipReason, SimApiServer } from "../../../test/oracle/sim-server.ts";

const CASES: readonly (readonly [create: string[], get: string[]])[] = [
  [["create", "deployment", "web", "--image=nginx"], ["deployment", "web"]],
  [["create", "deployment", "api", "--image=nginx:1.27", "--replicas=3", "--port=8080", "-n", "dev"], ["deployment", "api", "-n", "dev"]],
  [["create", "deployment", "sleeper", "--image=busybox", "--", "sleep", "3600"], ["deployment", "sleeper"]],
  [["create", "deployment", "pair", "--image=busybox", "--image=redis:7", "--port=6379"], ["deployment", "pair"]],
  [["create", "deployment", "zero", "--image=nginx", "--replicas=0"], ["deployment", "zero"]],
  [["create", "namespace", "staging"], ["namespace", "staging"]],
  // errors from the server: already exists, an invalid name
  [["create", "deployment", "web", "--image=httpd"], ["deployment", "web"]],
  [["create", "deployment", "Bad_Name", "--image=nginx"], ["deployment", "Bad_Name"]],
  // server-side dry run: the answer is printed, nothing is stored
  [["create", "deployment", "preview", "--image=nginx", "--dry-run=server", "-o", "yaml"], ["deployment", "preview"]],
];

/** Put kubectl's own flags before a `--`. */
function withFlags(args: readonly string[], ...flags: string[]): string[] {
  const dash = args.indexOf("--");
  return dash < 0 ? [...args, ...flags] : [...args.slice(0, dash), ...flags, ...args.slice(dash)];
}

describe.skipIf(oracleSkipReason !== null)("typed create over protobuf = create -f over JSON, through the shim", () => {
  const twin = () => {
    const cluster = createCluster({ seed: 11 });
    cluster.api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    return { api: cluster.api, server: new SimApiServer(cluster.api) };
  };
  const { server: proto } = twin();
  const { server: json, api: jsonApi } = twin();

  beforeAll(async () => {
    await Promise.all([proto.start(), json.start()]);
  });
  afterAll(async () => {
    await Promise.all([proto.stop(), json.stop()]);
  });

  it.each(CASES.map(([create, get]) => ({ line: create.join(" "), create, get })))("kubectl $line", async ({ create, get }) => {
    const dryRunServer = create.includes("--dry-run=server");
    const offline = await proto.kubectl(withFlags(create.filter((a) => a !== "--dry-run=server" && a !== "-o" && a !== "yaml"), "--dry-run=client", "-o", "json"));
    expect(offline.stderr).toBe("");
    const namespace = create.includes("-n") ? ["-n", create[create.indexOf("-n") + 1]!] : [];
    const obj = JSON.parse(offline.stdout) as KubeObject;
    const resource = obj.kind === "Namespace" ? "namespaces" : "deployments";
    const viaProto = await proto.kubectl(create);
    if (viaProto.exitCode !== 0) {
      // The same request, refused the same way on the twin (so both stay in step).
      let refusal = "(accepted)";
      try {
        jsonApi.create(resource, obj, { namespace: namespace[1] ?? (resource === "namespaces" ? undefined : "default") });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        refusal = err.status.message ?? "";
      }
      expect(viaProto).toEqual({ stdout: "", stderr: `error: failed to create ${obj.kind!.toLowerCase()}: ${refusal}\n`, exitCode: 1 });
    } else {
      const dryRun = dryRunServer ? ["--dry-run=server", "-o", "yaml"] : [];
      const viaJson = await json.kubectl(["create", "-f", "obj.json", "--validate=false", ...namespace, ...dryRun], { files: { "obj.json": offline.stdout } });
      expect(viaProto).toEqual(viaJson);
    }
    const [storedProto, storedJson] = await Promise.all([proto.kubectl(["get", ...get, "-o", "json"]), json.kubectl(["get", ...get, "-o", "json"])]);
    expect(storedProto).toEqual(storedJson);
  });
});
