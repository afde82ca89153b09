// Route-level tests of the session API and the Kubernetes API sub-app, through app.request().
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { SessionStore } from "../../server/sessions.ts";
import { goJsonSyntaxError } from "../../server/k8s/body.ts";

async function setup(speed = 1) {
  let wall = 1_000_000;
  const store = new SessionStore({ speed, wallClock: () => wall });
  const app = createApp({ sessions: store });
  const res = await app.request("/api/sessions", { method: "POST" });
  const { id, token } = (await res.json()) as { id: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  const k8s = (path: string, init: RequestInit = {}) =>
    app.request(`/k8s/${id}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  return { app, store, id, token, auth, k8s, tick: (ms: number) => (wall += ms) };
}

const DEPLOYMENT = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
  },
};
const json = (body: unknown, type = "application/json") => ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": type } });

describe("session API", () => {
  it.each([
    ["no body", undefined, 201],
    ["an empty object", "{}", 201],
    ["bad JSON", "{", 400],
    ["a JSON array", "[]", 400],
    ["an unknown lesson", '{"lesson":"nope"}', 404],
    ["a lesson that is not a string", '{"lesson":1}', 400],
  ])("POST /api/sessions with %s answers %i", async (_, body, code) => {
    const { app } = await setup();
    const res = await app.request("/api/sessions", { method: "POST", body });
    expect(res.status).toBe(code);
    const out = (await res.json()) as Record<string, unknown>;
    if (code === 201) {
      expect(out.id).toMatch(/^[0-9a-f]{16}$/);
      expect(out.token).toMatch(/^[0-9a-f]{64}$/);
    } else {
      expect(typeof out.error).toBe("string");
    }
  });

  it.each([
    ["no token", {}, 401],
    ["a wrong token", { authorization: "Bearer nope" }, 401],
    ["another scheme", { authorization: "Basic abc" }, 401],
  ])("exec and kubeconfig with %s answer %i and no data", async (_, headers, code) => {
    const { app, id } = await setup();
    for (const res of [
      await app.request(`/api/sessions/${id}/exec`, { method: "POST", body: '{"command":"kubectl get pods"}', headers }),
      await app.request(`/api/sessions/${id}/kubeconfig`, { headers }),
    ]) {
      expect(res.status).toBe(code);
      expect(Object.keys((await res.json()) as object)).toEqual(["error"]);
    }
  });

  it("an unknown session is 404 for a caller with a token", async () => {
    const { app, auth } = await setup();
    expect((await app.request("/api/sessions/0000/kubeconfig", { headers: auth })).status).toBe(404);
  });

  it("exec runs a shell line in the sandbox", async () => {
    const { app, id, auth } = await setup();
    const res = await app.request(`/api/sessions/${id}/exec`, { method: "POST", body: '{"command":"kubectl get ns"}', headers: auth });
    const out = (await res.json()) as { stdout: string; stderr: string; exitCode: number };
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^NAME +STATUS +AGE\ndefault +Active/);
    const bad = await app.request(`/api/sessions/${id}/exec`, { method: "POST", body: '{"command":1}', headers: auth });
    expect([bad.status, await bad.json()]).toEqual([400, { error: "command must be a string" }]);
  });

  it("the kubeconfig points at /k8s/:id with the token and kubectl's names", async () => {
    const { app, id, token, auth } = await setup();
    const res = await app.request(`http://example.test:8080/api/sessions/${id}/kubeconfig`, { headers: auth });
    const text = await res.text();
    expect(text).toContain(`server: http://example.test:8080/k8s/${id}\n`);
    expect(text).toContain(`token: ${token}\n`);
    expect(text).toContain("current-context: kubedojo\n");
    expect(text).toMatch(/user: learner/);
  });
});

describe("Kubernetes API: auth and discovery", () => {
  it("answers 401 with a Status, as an apiserver, for a missing or wrong token or unknown sandbox", async () => {
    const { app, id } = await setup();
    for (const [path, headers] of [
      [`/k8s/${id}/api/v1/pods`, {}],
      [`/k8s/${id}/api/v1/pods`, { authorization: "Bearer wrong" }],
      ["/k8s/nope/version", {}],
    ] as const) {
      const res = await app.request(path, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 });
    }
  });

  it("serves legacy discovery", async () => {
    const { k8s } = await setup();
    expect(((await (await k8s("/api")).json()) as { versions: string[] }).versions).toEqual(["v1"]);
    const groups = (await (await k8s("/apis")).json()) as { groups: Array<{ name: string }> };
    expect(groups.groups.map((g) => g.name)).toContain("apps");
    const apps = (await (await k8s("/apis/apps/v1")).json()) as { resources: Array<{ name: string }> };
    expect(apps.resources.map((r) => r.name)).toEqual(expect.arrayContaining(["deployments", "deployments/scale", "deployments/status", "replicasets"]));
    expect((await k8s("/apis/nope/v1")).status).toBe(404);
  });

  it("serves aggregated discovery when asked for it, with its content type", async () => {
    const { k8s } = await setup();
    const accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    const res = await k8s("/apis", { headers: { accept } });
    expect(res.headers.get("content-type")).toBe("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    const body = (await res.json()) as { kind: string; apiVersion: string; items: Array<{ metadata: { name: string }; versions: Array<{ version: string; freshness: string; resources: Array<Record<string, unknown>> }> }> };
    expect([body.kind, body.apiVersion]).toEqual(["APIGroupDiscoveryList", "apidiscovery.k8s.io/v2"]);
    const apps = body.items.find((i) => i.metadata.name === "apps")!;
    const deploy = apps.versions[0]!.resources.find((r) => r.resource === "deployments")!;
    expect(deploy).toMatchObject({
      responseKind: { group: "apps", version: "v1", kind: "Deployment" },
      scope: "Namespaced",
      singularResource: "deployment",
      shortNames: ["deploy"],
      subresources: [
        { subresource: "scale", responseKind: { group: "autoscaling", version: "v1", kind: "Scale" }, verbs: ["get", "patch", "update"] },
        { subresource: "status", responseKind: { group: "apps", version: "v1", kind: "Deployment" }, verbs: ["get", "patch", "update"] },
      ],
    });
    const core = (await (await k8s("/api", { headers: { accept } })).json()) as { items: Array<{ metadata: Record<string, unknown> }> };
    expect(core.items.map((i) => i.metadata)).toEqual([{ creationTimestamp: null }]);
  });

  it("answers /openapi as a server without OpenAPI documents (not built yet)", async () => {
    const { k8s } = await setup();
    expect((await k8s("/openapi/v2")).status).toBe(404);
    expect((await k8s("/openapi/v3")).status).toBe(404);
  });
});

describe("Kubernetes API: verbs", () => {
  it("creates (201), gets, lists as a Table and pages with limit/continue", async () => {
    const { k8s } = await setup();
    const created = await k8s("/apis/apps/v1/namespaces/default/deployments", json(DEPLOYMENT));
    expect(created.status).toBe(201);
    const again = await k8s("/apis/apps/v1/namespaces/default/deployments", json(DEPLOYMENT));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { reason: string }).reason).toBe("AlreadyExists");
    const got = (await (await k8s("/apis/apps/v1/namespaces/default/deployments/web")).json()) as { metadata: { name: string } };
    expect(got.metadata.name).toBe("web");
    const table = (await (await k8s("/api/v1/nodes?limit=2", { headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" } })).json()) as {
      kind: string;
      rows: Array<{ object: { kind: string } }>;
      metadata: { continue?: string };
    };
    expect(table.kind).toBe("Table");
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]!.object.kind).toBe("PartialObjectMetadata");
    const next = (await (await k8s(`/api/v1/nodes?limit=2&continue=${table.metadata.continue}`)).json()) as { kind: string; items: unknown[]; metadata: { continue?: string } };
    expect(next.kind).toBe("NodeList");
    expect(next.items).toHaveLength(2);
    expect(next.metadata.continue).toBeUndefined();
  });

  it.each([
    ["bad JSON", "{nope", "application/json", 400, "the object provided is unrecognized (must be of type Deployment): couldn't get version/kind; json parse error: invalid character 'n' looking for beginning of object key string ({nope)"],
    ["a wrong field type", JSON.stringify({ ...DEPLOYMENT, spec: { replicas: "x" } }), "application/json", 400, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ["an unknown field with Strict", JSON.stringify({ ...DEPLOYMENT, spec: { ...DEPLOYMENT.spec, bogus: 1 } }), "application/json", 400, 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.bogus"'],
    ["protobuf", "k8s\u0000", "application/vnd.kubernetes.protobuf", 415, "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml"],
  ])("a create with %s is a %i with the apiserver's message", async (_, body, type, code, message) => {
    const { k8s } = await setup();
    const res = await k8s("/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict", { method: "POST", body, headers: { "content-type": type } });
    expect(res.status).toBe(code);
    expect(((await res.json()) as { message: string }).message).toBe(message);
  });

  it("warns about unknown fields by default (Warn) and creates nothing on dryRun=All", async () => {
    const { k8s } = await setup();
    const res = await k8s("/apis/apps/v1/namespaces/default/deployments?dryRun=All", json({ ...DEPLOYMENT, spec: { ...DEPLOYMENT.spec, bogus: 1 } }));
    expect(res.status).toBe(201);
    expect(res.headers.get("warning")).toBe('299 - "unknown field \\"spec.bogus\\""');
    expect((await k8s("/apis/apps/v1/namespaces/default/deployments/web")).status).toBe(404);
    const bad = await k8s("/apis/apps/v1/namespaces/default/deployments?fieldValidation=Loud", json(DEPLOYMENT));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { message: string }).message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loud": supported values: "Ignore", "Warn", "Strict"',
    );
  });

  it("patches with the three patch types, refuses apply patches with 415, and serves /scale", async () => {
    const { k8s } = await setup();
    await k8s("/apis/apps/v1/namespaces/default/deployments", json(DEPLOYMENT));
    const path = "/apis/apps/v1/namespaces/default/deployments/web";
    const patch = (type: string, body: unknown) => k8s(path, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": type } });
    expect((await patch("application/strategic-merge-patch+json", { metadata: { labels: { a: "1" } } })).status).toBe(200);
    expect((await patch("application/merge-patch+json", { metadata: { labels: { b: "2" } } })).status).toBe(200);
    expect((await patch("application/json-patch+json", [{ op: "add", path: "/metadata/labels/c", value: "3" }])).status).toBe(200);
    const labels = ((await (await k8s(path)).json()) as { metadata: { labels: Record<string, string> } }).metadata.labels;
    expect(labels).toEqual({ a: "1", b: "2", c: "3" });
    const apply = await patch("application/apply-patch+yaml", {});
    expect(apply.status).toBe(415);
    expect(((await apply.json()) as { reason: string }).reason).toBe("UnsupportedMediaType");
    const strict = await k8s(`${path}?fieldValidation=Strict`, { method: "PATCH", body: '{"spec":{"bogus":1}}', headers: { "content-type": "application/merge-patch+json" } });
    expect([strict.status, ((await strict.json()) as { message: string }).message]).toEqual([400, 'strict decoding error: unknown field "spec.bogus"']);

    const scale = await k8s(`${path}/scale`, { method: "PATCH", body: '{"spec":{"replicas":4}}', headers: { "content-type": "application/merge-patch+json" } });
    expect(await scale.json()).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", metadata: { name: "web" }, spec: { replicas: 4 }, status: { selector: "app=web" } });
    const negative = await k8s(`${path}/scale`, { method: "PATCH", body: '{"spec":{"replicas":-1}}', headers: { "content-type": "application/merge-patch+json" } });
    expect(((await negative.json()) as { message: string }).message).toBe('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it("updates with PUT, checking the name and the resourceVersion", async () => {
    const { k8s } = await setup();
    const created = (await (await k8s("/apis/apps/v1/namespaces/default/deployments", json(DEPLOYMENT))).json()) as typeof DEPLOYMENT & { metadata: { resourceVersion: string } };
    const path = "/apis/apps/v1/namespaces/default/deployments/web";
    const put = (body: unknown) => k8s(path, { method: "PUT", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    expect((await put({ ...created, spec: { ...created.spec, replicas: 5 } })).status).toBe(200);
    const stale = await put({ ...created, spec: { ...created.spec, replicas: 6 } });
    expect([stale.status, ((await stale.json()) as { reason: string }).reason]).toEqual([409, "Conflict"]);
    const renamed = await put({ ...created, metadata: { ...created.metadata, name: "other", resourceVersion: undefined } });
    expect(((await renamed.json()) as { message: string }).message).toBe("the name of the object (other) does not match the name on the URL (web)");
  });

  it("deletes: a Success Status for a deployment, the object for a pod, 404 after", async () => {
    const { k8s } = await setup();
    await k8s("/apis/apps/v1/namespaces/default/deployments", json(DEPLOYMENT));
    const path = "/apis/apps/v1/namespaces/default/deployments/web";
    const res = await k8s(path, { method: "DELETE", body: '{"propagationPolicy":"Background"}', headers: { "content-type": "application/json" } });
    expect(await res.json()).toMatchObject({ kind: "Status", status: "Success", details: { name: "web", group: "apps", kind: "deployments" } });
    expect((await k8s(path)).status).toBe(404);
    const bad = await k8s(path, { method: "DELETE", body: '{"propagationPolicy":"Sideways"}' });
    expect(bad.status).toBe(422);
  });
});

describe("Kubernetes API: watch", () => {
  async function readLines(res: Response, n: number): Promise<Array<{ type: string; object: { kind: string; metadata: { name?: string; resourceVersion?: string } } }>> {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (text.split("\n").length <= n) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    return text.split("\n").filter(Boolean).slice(0, n).map((l) => JSON.parse(l));
  }

  it("from resourceVersion 0: the current objects as ADDED, one JSON per line", async () => {
    const { k8s } = await setup();
    const res = await k8s("/api/v1/namespaces?watch=true&resourceVersion=0");
    expect(res.headers.get("content-type")).toBe("application/json");
    const events = await readLines(res, 4);
    expect(events.map((e) => [e.type, e.object.kind, e.object.metadata.name])).toEqual([
      ["ADDED", "Namespace", "default"],
      ["ADDED", "Namespace", "kube-node-lease"],
      ["ADDED", "Namespace", "kube-public"],
      ["ADDED", "Namespace", "kube-system"],
    ]);
  });

  it("from a list's resourceVersion: what changed since, even before the watch started", async () => {
    const { k8s } = await setup();
    const list = (await (await k8s("/apis/apps/v1/namespaces/default/deployments")).json()) as { metadata: { resourceVersion: string } };
    await k8s("/apis/apps/v1/namespaces/default/deployments", json(DEPLOYMENT));
    const res = await k8s(`/apis/apps/v1/namespaces/default/deployments?watch=1&resourceVersion=${list.metadata.resourceVersion}`);
    const [first] = await readLines(res, 1);
    expect([first!.type, first!.object.metadata.name]).toEqual(["ADDED", "web"]);
  });

  it("as Table rows, and with sendInitialEvents a bookmark after the initial events", async () => {
    const { k8s } = await setup();
    const tables = await readLines(await k8s("/api/v1/nodes?watch=true", { headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } }), 1);
    expect(tables[0]!.object.kind).toBe("Table");
    const events = await readLines(await k8s("/api/v1/namespaces?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true"), 5);
    expect(events.map((e) => e.type)).toEqual(["ADDED", "ADDED", "ADDED", "ADDED", "BOOKMARK"]);
  });

  it("virtual time follows the wall clock when requests arrive, a huge gap capped at an hour", async () => {
    const { k8s, store, id, tick } = await setup();
    const session = store.get(id)!;
    const before = session.now();
    tick(5000);
    await k8s("/version");
    expect(session.now() - before).toBe(5000);
    tick(10 * 3_600_000);
    await k8s("/version");
    expect(session.now() - before).toBe(5000 + 3_600_000);
  });
});

describe("encoding/json syntax errors", () => {
  it.each([
    ["", "unexpected end of JSON input"],
    ["{", "unexpected end of JSON input"],
    ["{}}", "invalid character '}' after top-level value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b"}', "invalid character '\"' after object key:value pair"],
    ["[1,]", "invalid character ']' looking for beginning of value"],
    ["tru", "unexpected end of JSON input"],
    ["trux", "invalid character 'x' in literal true (expecting 'e')"],
    ['{"a":1}', null],
  ])("%j", (text, message) => {
    expect(goJsonSyntaxError(text)).toBe(message);
  });
});
