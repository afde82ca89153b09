import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "../types.ts";
import { defaultDeployment, defaultReplicaSet } from "../defaults/apps.ts";
import { formatFieldError } from "./field.ts";
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from "./apps.ts";

function deployment(mutate: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
    },
  };
  mutate(d);
  defaultDeployment(d);
  return d;
}

const errorsOf = (d: Deployment) => validateDeployment(d).map(formatFieldError);

// deployment-controller.md §1, "Validation"
describe("validateDeployment", () => {
  const cases: [string, (d: Deployment) => void, string[]][] = [
    ["a valid deployment", () => {}, []],
    ["negative replicas", (d) => (d.spec.replicas = -1), ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "missing selector: required, and a nil selector matches no labels",
      (d) => delete (d.spec as Partial<Deployment["spec"]>).selector,
      ["spec.selector: Required value", 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    [
      "empty selector",
      (d) => (d.spec.selector = {}),
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"],
    ],
    [
      "template labels do not match",
      (d) => (d.spec.selector = { matchLabels: { app: "api" } }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    [
      "matchExpressions are honoured",
      (d) => (d.spec.selector = { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] }),
      [],
    ],
    [
      "invalid selector operator",
      (d) => (d.spec.selector = { matchExpressions: [{ key: "app", operator: "Is", values: ["web"] }] }),
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Is", Values:[]string{"web"}}}}: invalid label selector',
      ],
    ],
    [
      "restartPolicy other than Always",
      (d) => (d.spec.template.spec.restartPolicy = "OnFailure"),
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ],
    [
      "an unknown restartPolicy fails twice",
      (d) => (d.spec.template.spec.restartPolicy = "Bogus"),
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Bogus": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Bogus": supported values: "Always"',
      ],
    ],
    ["missing image", (d) => delete d.spec.template.spec.containers[0]!.image, ["spec.template.spec.containers[0].image: Required value"]],
    [
      "template label errors are on spec.template.labels",
      (d) => (d.spec.template.metadata!.labels = { app: "web", "x y": "1" }),
      [
        "spec.template.labels: Invalid value: \"x y\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      "both surge and unavailable 0",
      (d) => (d.spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      "both 0%",
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: "0%", maxUnavailable: "0%" } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      "maxUnavailable above 100%",
      (d) => (d.spec.strategy = { rollingUpdate: { maxUnavailable: "150%" } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'],
    ],
    [
      "negative maxSurge",
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: -1 } }),
      ["spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0"],
    ],
    [
      "percent without digits",
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: "abc" } }),
      [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    [
      "rollingUpdate with Recreate",
      (d) => (d.spec.strategy = { type: "Recreate", rollingUpdate: { maxSurge: 1 } }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      "unknown strategy type",
      (d) => (d.spec.strategy = { type: "BlueGreen" }),
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      "progressDeadlineSeconds not above minReadySeconds",
      (d) => {
        d.spec.minReadySeconds = 10;
        d.spec.progressDeadlineSeconds = 5;
      },
      ["spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds"],
    ],
    ["revisionHistoryLimit 0 is fine", (d) => (d.spec.revisionHistoryLimit = 0), []],
    [
      "activeDeadlineSeconds is not for ReplicaSets",
      (d) => (d.spec.template.spec.activeDeadlineSeconds = 30),
      ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"],
    ],
  ];
  it.each(cases)("%s", (_name, mutate, want) => {
    expect(errorsOf(deployment(mutate))).toEqual(want);
  });
});

describe("validateDeploymentUpdate", () => {
  const stored = () => {
    const d = deployment();
    d.metadata.resourceVersion = "3";
    return d;
  };

  it("the selector is immutable (checked last)", () => {
    const old = stored();
    const d = structuredClone(old);
    d.spec.selector = { matchLabels: { app: "x" } };
    d.spec.template.metadata!.labels = { app: "x" };
    expect(validateDeploymentUpdate(d, old).map(formatFieldError)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it("scaling and template changes are fine", () => {
    const old = stored();
    const d = structuredClone(old);
    d.spec.replicas = 5;
    d.spec.template.spec.containers[0]!.image = "nginx:1.27";
    expect(validateDeploymentUpdate(d, old)).toEqual([]);
  });
});

function replicaSet(mutate: (rs: ReplicaSet) => void = () => {}): ReplicaSet {
  const rs: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-abc", namespace: "default", resourceVersion: "1" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
    },
  };
  mutate(rs);
  defaultReplicaSet(rs);
  return rs;
}

describe("validateReplicaSet", () => {
  it.each([
    ["valid", () => {}, []],
    ["negative minReadySeconds", (rs: ReplicaSet) => (rs.spec.minReadySeconds = -1), ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "empty selector says deployment, as upstream",
      (rs: ReplicaSet) => (rs.spec.selector = { matchLabels: {} }),
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"],
    ],
  ] as [string, (rs: ReplicaSet) => void, string[]][])("%s", (_n, mutate, want) => {
    expect(validateReplicaSet(replicaSet(mutate)).map(formatFieldError)).toEqual(want);
  });

  it("update repeats the spec errors (create + update validation) and checks the selector", () => {
    const old = replicaSet();
    const rs = structuredClone(old);
    rs.spec.replicas = -1;
    rs.spec.selector = { matchLabels: { app: "web", tier: "x" } };
    rs.spec.template!.metadata!.labels = { app: "web", tier: "x" };
    expect(validateReplicaSetUpdate(rs, old).map(formatFieldError)).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});
