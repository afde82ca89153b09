import { describe, expect, it } from "vitest";
import {
  duplicate,
  forbidden,
  formatFieldError,
  internalError,
  invalid,
  invalidStatus,
  forbiddenStatus,
  notFound,
  notSupported,
  required,
  tooLong,
  tooMany,
  child,
  index,
  key,
} from "./field.ts";
import type { FieldError } from "./field.ts";
import { goIntOrString, goLabelSelector, goQuote, goStringMap, goStringSlice } from "./go-value.ts";

describe("formatFieldError renders each error type as the 1.32 API server does", () => {
  const cases: [string, FieldError, string][] = [
    ["invalid int", invalid("spec.replicas", -1, "must be greater than or equal to 0"), "spec.replicas: Invalid value: -1: must be greater than or equal to 0"],
    ["invalid string is quoted", invalid("metadata.name", "Web_1", "bad"), 'metadata.name: Invalid value: "Web_1": bad'],
    ["invalid nil", invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"), "spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value"],
    ["required without detail", required("spec.template.spec.containers[0].image"), "spec.template.spec.containers[0].image: Required value"],
    ["required with detail", required("metadata.name", "name or generateName is required"), "metadata.name: Required value: name or generateName is required"],
    ["not supported lists quoted values", notSupported("spec.template.spec.restartPolicy", "OnFailure", ["Always"]), 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ["not supported several values", notSupported("spec.strategy.type", "X", ["Recreate", "RollingUpdate"]), 'spec.strategy.type: Unsupported value: "X": supported values: "Recreate", "RollingUpdate"'],
    ["forbidden shows no value", forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"), "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ["duplicate", duplicate("spec.containers[1].name", "web"), 'spec.containers[1].name: Duplicate value: "web"'],
    ["not found", notFound("spec.containers[0].volumeMounts[0].name", "data"), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ["too long never shows the value", tooLong("metadata.annotations", 262144), "metadata.annotations: Too long: may not be more than 262144 bytes"],
    ["too many", tooMany("spec.x", 5, 4), "spec.x: Too many: 5: must have at most 4 items"],
    ["internal error", internalError("spec", "boom"), "spec: Internal error: boom"],
  ];
  it.each(cases)("%s", (_name, err, text) => {
    expect(formatFieldError(err)).toBe(text);
  });
});

describe("field paths print like Go's field.Path", () => {
  it("joins children, indexes and map keys", () => {
    expect(child("spec", "template", "spec")).toBe("spec.template.spec");
    expect(index(child("spec", "containers"), 0)).toBe("spec.containers[0]");
    expect(key("spec.containers[0].resources.limits", "cpu")).toBe("spec.containers[0].resources.limits[cpu]");
    expect(child("", "metadata")).toBe("metadata");
  });
});

describe("Go value rendering", () => {
  it.each([
    ["plain", "abc", '"abc"'],
    ["quote and backslash", 'a"b\\c', '"a\\"b\\\\c"'],
    ["newline and tab", "a\nb\tc", '"a\\nb\\tc"'],
    ["control character", "a\u0001", '"a\\x01"'],
    ["DEL", "\u007f", '"\\x7f"'],
    ["printable unicode kept", "café ☃", '"café ☃"'],
    ["non-breaking space escaped", "a\u00a0b", '"a\\u00a0b"'],
  ])("strconv.Quote: %s", (_n, input, out) => {
    expect(goQuote(input)).toBe(out);
  });

  it("prints maps with sorted keys, %#v style", () => {
    expect(goStringMap({ tier: "web", app: "x" }).go).toBe('map[string]string{"app":"x", "tier":"web"}');
    expect(goStringMap({}).go).toBe("map[string]string{}");
    expect(goStringMap(undefined).go).toBe("map[string]string(nil)");
  });

  it("prints string slices", () => {
    expect(goStringSlice(["a", "b"]).go).toBe('[]string{"a", "b"}');
    expect(goStringSlice(undefined).go).toBe("[]string(nil)");
  });

  it("prints intstr.IntOrString as a struct", () => {
    expect(goIntOrString(0).go).toBe('intstr.IntOrString{Type:0, IntVal:0, StrVal:""}');
    expect(goIntOrString("150%").go).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}');
  });

  it("prints v1.LabelSelector with nil and non-nil requirement lists", () => {
    expect(goLabelSelector({ matchLabels: { app: "x" } }).go).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
    expect(goLabelSelector({ matchExpressions: [{ key: "tier", operator: "In", values: ["a", "b"] }, { key: "x", operator: "Exists" }] }).go).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}, v1.LabelSelectorRequirement{Key:"x", Operator:"Exists", Values:[]string(nil)}}}',
    );
    expect(goLabelSelector({}).go).toBe("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
  });
});

describe("invalidStatus builds the 422 body of apimachinery NewInvalid", () => {
  it("one error: bare message, one cause", () => {
    const s = invalidStatus("Deployment", "apps", "nginx", [required("spec.template.spec.containers[0].image")]);
    expect(s).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'Deployment.apps "nginx" is invalid: spec.template.spec.containers[0].image: Required value',
      reason: "Invalid",
      details: {
        name: "nginx",
        group: "apps",
        kind: "Deployment",
        causes: [{ reason: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers[0].image" }],
      },
      code: 422,
    });
  });

  it("several errors: bracketed list; duplicates dropped from the message but kept as causes", () => {
    const errs = [
      invalid("spec.replicas", -1, "must be greater than or equal to 0"),
      required("spec.selector"),
      required("spec.selector"),
    ];
    const s = invalidStatus("ReplicaSet", "apps", "rs", errs);
    expect(s.message).toBe('ReplicaSet.apps "rs" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]');
    expect(s.details?.causes).toHaveLength(3);
  });

  it("a list that is all one error repeated prints it bare", () => {
    const s = invalidStatus("ReplicaSet", "apps", "rs", [required("spec.selector"), required("spec.selector")]);
    expect(s.message).toBe('ReplicaSet.apps "rs" is invalid: spec.selector: Required value');
  });

  it("core kinds have no group", () => {
    const s = invalidStatus("Pod", "", "p", [required("spec.containers")]);
    expect(s.message).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(s.details).toEqual({ name: "p", kind: "Pod", causes: [{ reason: "FieldValueRequired", message: "Required value", field: "spec.containers" }] });
  });

  it("forbiddenStatus is the admission 403", () => {
    const s = forbiddenStatus("pods", "", "p", "no PriorityClass with name x was found");
    expect(s.message).toBe('pods "p" is forbidden: no PriorityClass with name x was found');
    expect(s.code).toBe(403);
    expect(s.reason).toBe("Forbidden");
    expect(s.details).toEqual({ name: "p", kind: "pods" });
  });
});
