// `kubectl explain` against real kubectl v1.32: the test server serves OUR
// OpenAPI documents (and discovery) over HTTP, real kubectl renders them, and
// our explain must print the same bytes, exit code included. Skipped, saying
// why, without the binary.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import type { KubectlResult } from "../oracle/kubectl.ts";
import { OpenApiServer, oracleSkipReason } from "../oracle/openapi-server.ts";

const LINES = [
  // kinds, by every name kubectl resolves
  "explain deployment",
  "explain deployments.apps",
  "explain deploy.spec",
  "explain pods",
  "explain po.spec",
  "explain rs",
  "explain replicasets.apps.status",
  "explain ns",
  "explain nodes.status",
  "explain events",
  "explain Pod.metadata",
  // nested fields: objects, arrays of objects, maps, scalars with enums
  "explain deployment.spec.strategy",
  "explain deployment.spec.strategy.type",
  "explain deployment.spec.strategy.rollingUpdate.maxSurge",
  "explain deployment.spec.template.spec.containers",
  "explain pod.spec.containers.ports",
  "explain pod.spec.containers.ports.protocol",
  "explain pod.spec.containers.imagePullPolicy",
  "explain pod.spec.containers.resources.limits",
  "explain pod.metadata.labels",
  "explain pod.metadata.creationTimestamp",
  "explain pod.spec.containers.livenessProbe.httpGet",
  "explain pod.spec.volumes.hostPath",
  "explain deployment.status.conditions",
  "explain node.status.capacity",
  "explain event.eventTime",
  "explain pod.metadata.managedFields.fieldsV1",
  "explain deployments.apps.spec.replicas",
  "explain deployment.spec.",
  // recursive and api-version
  "explain deployment.spec.strategy --recursive",
  "explain rs.status --recursive",
  "explain pod.spec.containers.livenessProbe --recursive",
  "explain deployments --api-version=apps/v1",
  "explain deployments.spec --api-version=apps/v1",
  "explain pods --api-version=v1 --recursive",
  // plaintext-openapiv2
  "explain deployment --output=plaintext-openapiv2",
  "explain deploy.spec.strategy -o plaintext-openapiv2",
  "explain pod.spec.containers.ports -o plaintext-openapiv2",
  "explain pod.metadata.labels -o plaintext-openapiv2",
  "explain deployment.spec.replicas -o plaintext-openapiv2",
  "explain deployment.spec.strategy -o plaintext-openapiv2 --recursive",
  "explain pod.metadata.managedFields -o plaintext-openapiv2",
  // errors
  "explain",
  "explain deployment pods",
  "explain foo",
  "explain deployment.foo",
  "explain deployment.spec.foo.bar",
  "explain deploy.apps",
  "explain deployments --api-version=apps/v2",
  "explain pods --api-version=a/b/c",
  "explain deployments -o yaml",
  "explain deployment.foo -o plaintext-openapiv2",
  "explain deployments --api-version=apps/v2 -o plaintext-openapiv2",
  "explain deployment --recursive=maybe",
  "explain deployment[0]",
];

if (oracleSkipReason !== null) {
  describe("kubectl explain against real kubectl v1.32", () => {
    it.skip(`skipped: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("kubectl explain against real kubectl v1.32", () => {
    const cluster = createCluster({ seed: 1 });
    const server = new OpenApiServer(cluster.api.registry);
    const real = new Map<string, KubectlResult>();

    beforeAll(async () => {
      await server.start();
      // Real kubectl runs are the slow part: a few at a time.
      const queue = [...LINES];
      const worker = async () => {
        for (let line = queue.shift(); line !== undefined; line = queue.shift()) real.set(line, await server.kubectl(line.split(" ")));
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    }, 120_000);
    afterAll(() => server.stop());

    it.each(LINES)("%s", async (line) => {
      let stdout = "";
      let stderr = "";
      const exitCode = await runKubectl(
        line.split(" "),
        { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
        { api: cluster.api, now: () => 0, wait: async () => {}, readFile: () => undefined },
      );
      expect({ stdout, stderr, exitCode }).toEqual(real.get(line));
    });
  });
}
