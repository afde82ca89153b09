// The set subcommands and --local in-process, so they are covered where real
// kubectl is not installed (the oracle tests compare every byte with it).
import { describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { buildUpdateScenario } from "./update-scenario.ts";
import { words } from "./words.ts";
import { WRITE_FILES } from "./write-files.ts";

async function kubectl(c: Cluster, line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(words(line), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
    api: c.api,
    now: () => c.nowMs(),
    wait: async (ms) => c.advance(ms),
    readFile: (p) => WRITE_FILES[p],
  });
  return { stdout, stderr, exitCode };
}

function template(c: Cluster, name: string) {
  return c.api.get("deployments", "default", name).spec.template.spec;
}

describe("set env --from and --resolve", () => {
  it("adds a reference per key, named as a variable, with a warning for each renamed key", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, "create cm cfg --from-literal=db.host=h --from-literal=port=1");
    const r = await kubectl(c, "set env deploy/nginx --from=configmap/cfg --prefix=APP_");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "deployment.apps/nginx env updated\n",
      stderr: "Warning: key db.host transferred to DB_HOST\nWarning: key port transferred to PORT\n",
    });
    expect(template(c, "nginx").containers[0]!.env).toEqual([
      { name: "APP_DB_HOST", valueFrom: { configMapKeyRef: { name: "cfg", key: "db.host" } } },
      { name: "APP_PORT", valueFrom: { configMapKeyRef: { name: "cfg", key: "port" } } },
    ]);
  });

  it("lists references resolved, and what cannot be resolved on stderr", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, "create secret generic pw --from-literal=password=s3cret");
    await kubectl(c, "set env deploy/web -c app --from=secret/pw --keys=password");
    await kubectl(c, "delete secret pw");
    const r = await kubectl(c, "set env deploy/web -c app --list --resolve");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "# Deployment web, container app\nMODE=fast\nPOD_NAME=web\n# PASSWORD from secret pw, key password\n",
      stderr: 'error retrieving reference for PASSWORD: secrets "pw" not found\n',
    });
  });

  it("refuses anything but config maps and secrets", async () => {
    const c = buildUpdateScenario();
    expect(await kubectl(c, "set env deploy/web --from=deploy/nginx")).toMatchObject({ exitCode: 1, stderr: "error: unsupported resource specified in --from\n" });
  });
});

describe("set serviceaccount, selector, subject over the server", () => {
  // The failures leave it as it was; one cluster serves them all.
  const shared = buildUpdateScenario();
  it.each([
    ["sets the service account of a pod template", "set sa deploy/nginx builder", 0, "deployment.apps/nginx serviceaccount updated\n", ""],
    ["refuses an object without pod template", "set sa ns/dev x", 1, "", "error: namespaces/dev the object is not a pod or does not have a pod template: *v1.Namespace\n"],
    ["wants the account name", "set sa", 1, "", "error: serviceaccount is required\n"],
    ["only sets selectors of Services", "set selector deploy/nginx app=x", 1, "", "error: setting a selector is only supported for Services\n"],
    ["has no RBAC kinds to change", "set subject rolebinding admin --user=x", 1, "", 'error: the server doesn\'t have a resource type "rolebinding"\n'],
    [
      "only changes bindings",
      "set subject deploy/nginx --user=x",
      1,
      "",
      "error: deployments/nginx setting subjects is only supported for RoleBinding/ClusterRoleBinding\n",
    ],
  ])("%s", async (_, line, exitCode, stdout, stderr) => {
    expect(await kubectl(shared, line)).toEqual({ exitCode, stdout, stderr });
  });

  it("sends the service account even when it is already set", async () => {
    const c = buildUpdateScenario();
    await kubectl(c, "set sa deploy/nginx builder");
    expect((await kubectl(c, "set sa deploy/nginx builder")).stdout).toBe("deployment.apps/nginx serviceaccount updated\n");
    expect(template(c, "nginx").serviceAccountName).toBe("builder");
  });
});

describe("--local changes the file's object, not the cluster's", () => {
  const c = buildUpdateScenario();
  it.each([
    ["set image", "set image -f nginx.yaml nginx=nginx:1.27 --local -o jsonpath={.spec.template.spec.containers[0].image}", "nginx:1.27"],
    ["set env", "set env -f nginx.yaml A=1 --local -o jsonpath={.spec.template.spec.containers[0].env[0].value}", "1"],
    ["set resources", "set resources -f nginx.yaml --limits=cpu=2 --local -o jsonpath={.spec.template.spec.containers[0].resources.limits.cpu}", "2"],
    ["set serviceaccount", "set sa -f nginx.yaml robot --local -o jsonpath={.spec.template.spec.serviceAccountName}", "robot"],
    ["label", "label -f nginx.yaml tier=x --overwrite --local -o jsonpath={.metadata.labels.tier}", "x"],
    ["annotate", "annotate -f nginx.yaml a=b --local -o jsonpath={.metadata.annotations.a}", "b"],
    ["patch", `patch -f nginx.yaml -p '{"spec":{"replicas":9}}' --local -o jsonpath={.spec.replicas}`, "9"],
  ])("%s", async (_, line, printed) => {
    const before = JSON.stringify(c.api.get("deployments", "default", "nginx"));
    expect(await kubectl(c, line)).toEqual({ exitCode: 0, stdout: printed, stderr: "" });
    expect(JSON.stringify(c.api.get("deployments", "default", "nginx"))).toBe(before);
  });
});

describe("create --from-file reads a directory of the learner's shell", () => {
  it("takes each regular file under its name, not the subdirectories", async () => {
    const c = createCluster();
    for (const line of ["mkdir -p conf/sub", "echo blue > conf/color", "echo x > conf/sub/y"]) await c.exec(line);
    const r = await c.exec("kubectl create cm c --from-file=./conf/ --dry-run=client -o jsonpath={.data}");
    expect(r).toEqual({ exitCode: 0, stdout: '{"color":"blue\\n"}', stderr: "" });
    expect((await c.exec("kubectl create cm c --from-file=k=conf --dry-run=client")).stderr).toBe("error: cannot give a key name for a directory path\n");
  });
});
