import { describe, expect, it } from "vitest";
import { defaultPullPolicy, parseImageReference } from "./image.ts";

const DIGEST = "sha256:" + "a".repeat(64);

// SetDefaults_Container: Always when the tag is `latest` (or there is neither
// tag nor digest), IfNotPresent otherwise — also for references that do not parse.
describe("imagePullPolicy default", () => {
  it.each([
    ["nginx", "Always"],
    ["nginx:latest", "Always"],
    ["nginx:1.27", "IfNotPresent"],
    ["library/nginx:1.27-alpine", "IfNotPresent"],
    [`nginx@${DIGEST}`, "IfNotPresent"],
    [`nginx:latest@${DIGEST}`, "Always"],
    ["registry.example.com:5000/team/app", "Always"],
    ["registry.example.com:5000/team/app:v1", "IfNotPresent"],
    ["localhost/app:Latest", "IfNotPresent"],
    ["Nginx", "IfNotPresent"],
    ["nginx:", "IfNotPresent"],
    ["", "IfNotPresent"],
  ])("%j → %s", (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it("splits name, tag and digest", () => {
    expect(parseImageReference("ghcr.io/org/app:2.0")).toEqual({ name: "ghcr.io/org/app", tag: "2.0", digest: "" });
    expect(parseImageReference(`busybox@${DIGEST}`)).toEqual({ name: "busybox", tag: "", digest: DIGEST });
    expect(parseImageReference("a".repeat(64))).toBeNull();
  });
});
