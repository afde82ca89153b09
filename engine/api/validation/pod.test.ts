import { describe, expect, it } from "vitest";
import type { Container, Pod } from "../types.ts";
import { admitPod } from "../defaults/admission.ts";
import { defaultPod } from "../defaults/pod.ts";
import { formatFieldError } from "./field.ts";
import { validatePod, validatePodUpdate } from "./pod.ts";

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** A pod as the API server sees it at validation time: defaulted and admitted. */
function pod(mutate: (p: Pod) => void = () => {}): Pod {
  const p: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default" },
    spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
  };
  mutate(p);
  defaultPod(p);
  admitPod(p, () => "x7k2p");
  return p;
}

const c0 = (p: Pod): Container => p.spec.containers[0]!;
const errorsOf = (p: Pod) => validatePod(p).map(formatFieldError);

describe("validatePod: what a learner can get wrong", () => {
  const cases: [string, (p: Pod) => void, string[]][] = [
    ["a valid pod", () => {}, []],
    ["no name", (p) => delete p.metadata.name, ["metadata.name: Required value: name or generateName is required"]],
    ["bad name", (p) => (p.metadata.name = "My_Pod"), [`metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}`]],
    [
      "bad label key and value, reported on metadata.labels",
      (p) => (p.metadata.labels = { "bad key": "ok", app: "bad value" }),
      [
        'metadata.labels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')',
        'metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
      ],
    ],
    ["no containers", (p) => (p.spec.containers = []), ["spec.containers: Required value"]],
    ["no image", (p) => delete c0(p).image, ["spec.containers[0].image: Required value"]],
    ["bad container name", (p) => (c0(p).name = "Web_1"), [`spec.containers[0].name: Invalid value: "Web_1": ${LABEL_MSG}`]],
    [
      "duplicate container names",
      (p) => p.spec.containers.push({ name: "web", image: "busybox" }),
      ['spec.containers[1].name: Duplicate value: "web"'],
    ],
    [
      "port out of range",
      (p) => (c0(p).ports = [{ containerPort: 70000 }]),
      ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"],
    ],
    ["port 0 is missing", (p) => (c0(p).ports = [{ containerPort: 0 }]), ["spec.containers[0].ports[0].containerPort: Required value"]],
    [
      "unknown protocol",
      (p) => (c0(p).ports = [{ containerPort: 80, protocol: "HTTP" }]),
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      "duplicate port names",
      (p) => (c0(p).ports = [{ name: "http", containerPort: 80 }, { name: "http", containerPort: 81 }]),
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      "env var name with '='",
      (p) => (c0(p).env = [{ name: "A=B", value: "1" }]),
      ['spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\''],
    ],
    [
      "env value and valueFrom together",
      (p) => (c0(p).env = [{ name: "A", value: "1", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }]),
      ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
    ],
    [
      "unsupported downward API field",
      (p) => (c0(p).env = [{ name: "A", valueFrom: { fieldRef: { fieldPath: "status.phase" } } }]),
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      "request above limit is reported on resources.requests",
      (p) => (c0(p).resources = { requests: { cpu: "2" }, limits: { cpu: "1" } }),
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    [
      "unknown resource name prints unquoted (ResourceName is a Stringer)",
      (p) => (c0(p).resources = { limits: { gpu: "1" } }),
      [
        "spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified",
        "spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource for containers",
        "spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified",
        "spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource for containers",
      ],
    ],
    [
      "negative quantity",
      (p) => (c0(p).resources = { requests: { memory: "-1Gi" } }),
      ['spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0'],
    ],
    [
      "restartPolicy",
      (p) => (p.spec.restartPolicy = "Sometimes"),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      "dnsPolicy",
      (p) => (p.spec.dnsPolicy = "Cluster"),
      ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      "imagePullPolicy",
      (p) => (c0(p).imagePullPolicy = "Sometimes"),
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    [
      "probe without a handler",
      (p) => (c0(p).livenessProbe = { periodSeconds: 5 }),
      ["spec.containers[0].livenessProbe: Required value: must specify a handler type"],
    ],
    [
      "probe with two handlers",
      (p) => (c0(p).readinessProbe = { exec: { command: ["true"] }, tcpSocket: { port: 80 } }),
      ["spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type"],
    ],
    [
      "negative probe numbers",
      (p) => (c0(p).livenessProbe = { exec: { command: ["true"] }, initialDelaySeconds: -1 }),
      ["spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0"],
    ],
    [
      "liveness successThreshold must be 1",
      (p) => (c0(p).livenessProbe = { exec: { command: ["true"] }, successThreshold: 2 }),
      ["spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"],
    ],
    [
      "httpGet port name",
      (p) => (c0(p).readinessProbe = { httpGet: { port: "HTTP" } }),
      [
        'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ],
    ],
    [
      "mount of an unknown volume",
      (p) => (c0(p).volumeMounts = [{ name: "data", mountPath: "/data" }]),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      "duplicate volume names",
      (p) => (p.spec.volumes = [{ name: "data", emptyDir: {} }, { name: "data", emptyDir: {} }]),
      ['spec.volumes[1].name: Duplicate value: "data"'],
    ],
    [
      "two sources in one volume",
      (p) => (p.spec.volumes = [{ name: "data", emptyDir: {}, configMap: { name: "cfg" } }]),
      ["spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type"],
    ],
    [
      "configMap volume without a name",
      (p) => (p.spec.volumes = [{ name: "cfg", configMap: {} }]),
      ["spec.volumes[0].configMap.name: Required value"],
    ],
    [
      "activeDeadlineSeconds 0",
      (p) => (p.spec.activeDeadlineSeconds = 0),
      ["spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"],
    ],
    [
      "toleration with an empty key must be Exists",
      (p) => (p.spec.tolerations = [{ operator: "Equal", value: "x" }]),
      ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
    ],
    [
      "pod deletion cost must be an int32",
      (p) => (p.metadata.annotations = { "controller.kubernetes.io/pod-deletion-cost": "+10" }),
      ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer'],
    ],
    [
      "image with surrounding spaces (pods only)",
      (p) => (c0(p).image = " nginx"),
      ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    ],
  ];
  it.each(cases)("%s", (_name, mutate, want) => {
    expect(errorsOf(pod(mutate))).toEqual(want);
  });

  it("a negative terminationGracePeriodSeconds is accepted (upstream only warns)", () => {
    expect(errorsOf(pod((p) => (p.spec.terminationGracePeriodSeconds = -1)))).toEqual([]);
  });
});

describe("validatePodUpdate", () => {
  const old = () => {
    const p = pod();
    p.metadata.resourceVersion = "5";
    p.metadata.uid = "u1";
    p.metadata.creationTimestamp = "2025-01-01T00:00:00Z";
    p.status = { phase: "Running", qosClass: "BestEffort" };
    return p;
  };
  const update = (mutate: (p: Pod) => void) => {
    const o = old();
    const n = structuredClone(o);
    mutate(n);
    return validatePodUpdate(n, o).map(formatFieldError);
  };

  it("changing the image is allowed", () => {
    expect(update((p) => (c0(p).image = "nginx:1.28"))).toEqual([]);
  });

  it("adding a toleration is allowed; changing one is not", () => {
    expect(update((p) => p.spec.tolerations!.push({ key: "k", operator: "Exists", effect: "NoSchedule" }))).toEqual([]);
    // the tolerations are put back before the spec comparison, so there is no second error
    expect(update((p) => (p.spec.tolerations![0]!.key = "other"))).toEqual([
      "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
    ]);
  });

  it("adding a container is refused before anything else", () => {
    expect(update((p) => p.spec.containers.push({ name: "b", image: "busybox", terminationMessagePolicy: "File", imagePullPolicy: "Always" }))).toEqual([
      "spec.containers: Forbidden: pod updates may not add or remove containers",
    ]);
  });

  it("any other change gets the long Forbidden text, with the spec diff after a newline", () => {
    const [err] = update((p) => (c0(p).env = [{ name: "FOO", value: "bar" }]));
    const head =
      "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n";
    expect(err!.startsWith(head)).toBe(true);
    expect(err!.slice(head.length)).toContain('+ \t\t\tEnv:          []core.EnvVar{{Name: "FOO", Value: "bar"}},');
  });

  it("changing resources is just another forbidden change (1.32 resizes through pods/resize)", () => {
    const errs = update((p) => (c0(p).resources = { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } }));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than/);
  });

  it("activeDeadlineSeconds may only shrink", () => {
    const o = old();
    o.spec.activeDeadlineSeconds = 100;
    const n = structuredClone(o);
    n.spec.activeDeadlineSeconds = 200;
    expect(validatePodUpdate(n, o).map(formatFieldError)).toEqual([
      "spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value",
    ]);
  });

  it("the name is immutable", () => {
    expect(update((p) => (p.metadata.name = "other"))).toEqual(['metadata.name: Invalid value: "other": field is immutable']);
  });
});
