import { describe, expect, it } from "vitest";
import type { Pod } from "../types.ts";
import { admitPod } from "../defaults/admission.ts";
import { defaultPod } from "../defaults/pod.ts";
import { podSpecDiff } from "./pod-update-diff.ts";

function livePod(): Pod {
  const p: Pod = { metadata: { name: "nginx", namespace: "default" }, spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }] }] } };
  defaultPod(p);
  admitPod(p, () => "9xmkr");
  return p;
}

// go-cmp's reporter: two records of context around a change, the rest folded
// into "... // N identical fields"; single-line values aligned on their keys;
// the internal core.PodSpec (34 fields in 1.32) and core.Container (24 fields).
const VOLUMES =
  '  \tVolumes:        {{Name: "kube-api-access-9xmkr", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},\n';

describe("podSpecDiff (cmp.Diff of the internal PodSpec)", () => {
  it("is empty for equal specs", () => {
    expect(podSpecDiff(livePod().spec, livePod().spec)).toBe("");
  });

  it("adding an env var", () => {
    const old = livePod();
    const next = structuredClone(old);
    next.spec.containers[0]!.env = [{ name: "FOO", value: "bar" }];
    expect(podSpecDiff(old.spec, next.spec)).toBe(
      "  core.PodSpec{\n" +
        VOLUMES +
        "  \tInitContainers: nil,\n" +
        "  \tContainers: []core.Container{\n" +
        "  \t\t{\n" +
        "  \t\t\t... // 5 identical fields\n" +
        '  \t\t\tPorts:        {{ContainerPort: 80, Protocol: "TCP"}},\n' +
        "  \t\t\tEnvFrom:      nil,\n" +
        "- \t\t\tEnv:          nil,\n" +
        '+ \t\t\tEnv:          []core.EnvVar{{Name: "FOO", Value: "bar"}},\n' +
        "  \t\t\tResources:    {},\n" +
        "  \t\t\tResizePolicy: nil,\n" +
        "  \t\t\t... // 14 identical fields\n" +
        "  \t\t},\n" +
        "  \t},\n" +
        "  \tEphemeralContainers: nil,\n" +
        '  \tRestartPolicy:       "Always",\n' +
        "  \t... // 29 identical fields\n" +
        "  }\n",
    );
  });

  it("changing a port number and the restart policy", () => {
    const old = livePod();
    const next = structuredClone(old);
    next.spec.containers[0]!.ports![0]!.containerPort = 81;
    next.spec.restartPolicy = "Never";
    const diff = podSpecDiff(old.spec, next.spec);
    expect(diff).toContain(
      "  \t\t\tPorts: []core.ContainerPort{\n" +
        "  \t\t\t\t{\n" +
        '  \t\t\t\t\tName:          "",\n' +
        "  \t\t\t\t\tHostPort:      0,\n" +
        "- \t\t\t\t\tContainerPort: 80,\n" +
        "+ \t\t\t\t\tContainerPort: 81,\n" +
        '  \t\t\t\t\tProtocol:      "TCP",\n' +
        '  \t\t\t\t\tHostIP:        "",\n' +
        "  \t\t\t\t},\n" +
        "  \t\t\t},\n",
    );
    expect(diff).toContain('- \tRestartPolicy:                 "Always",\n+ \tRestartPolicy:                 "Never",\n');
    expect(diff.endsWith("  \t... // 27 identical fields\n  }\n")).toBe(true);
  });

  it("long inserted values are broken over lines; quantities print as structs with s\"name\" keys", () => {
    const old = livePod();
    const next = structuredClone(old);
    next.spec.containers[0]!.resources = { limits: { cpu: "500m" } };
    const diff = podSpecDiff(old.spec, next.spec);
    expect(diff).toContain(
      "  \t\t\tResources: core.ResourceRequirements{\n" +
        "- \t\t\t\tLimits: nil,\n" +
        "+ \t\t\t\tLimits: core.ResourceList{\n" +
        '+ \t\t\t\t\ts"cpu": {i: resource.int64Amount{value: 500, scale: -3}, s: "500m", Format: "DecimalSI"},\n' +
        "+ \t\t\t\t},\n" +
        "  \t\t\t\tRequests: nil,\n" +
        "  \t\t\t\tClaims:   nil,\n" +
        "  \t\t\t},\n",
    );
  });

  it("hostNetwork is compared inside the security context, as in the internal type", () => {
    const old = livePod();
    const next = structuredClone(old);
    next.spec.hostNetwork = true;
    expect(podSpecDiff(old.spec, next.spec)).toContain("SecurityContext: &core.PodSecurityContext{\n- \t\tHostNetwork: false,\n+ \t\tHostNetwork: true,\n");
  });
});
