import { describe, expect, it } from "vitest";
import { fullImageName, parseImageReference, repositoryOf } from "./reference.ts";

describe("image references normalise as containerd reports them", () => {
  const cases: Array<[string, string, string]> = [
    ["nginx", "docker.io/library/nginx", "docker.io/library/nginx:latest"],
    ["nginx:1.14.2", "docker.io/library/nginx", "docker.io/library/nginx:1.14.2"],
    ["bitnami/nginx:1.25", "docker.io/bitnami/nginx", "docker.io/bitnami/nginx:1.25"],
    ["registry.k8s.io/nginx-slim:0.8", "registry.k8s.io/nginx-slim", "registry.k8s.io/nginx-slim:0.8"],
    ["localhost:5000/app:v1", "localhost:5000/app", "localhost:5000/app:v1"],
    ["docker.io/library/busybox:1.36", "docker.io/library/busybox", "docker.io/library/busybox:1.36"],
    ["index.docker.io/library/redis", "docker.io/library/redis", "docker.io/library/redis:latest"],
  ];
  it.each(cases)("%s", (image, repo, full) => {
    const ref = parseImageReference(image);
    expect(repositoryOf(ref)).toBe(repo);
    expect(fullImageName(ref)).toBe(full);
  });
});

describe("malformed references are InvalidImageName", () => {
  const cases: Array<[string, string]> = [
    ["NGINX", "invalid reference format: repository name (library/NGINX) must be lowercase"],
    ["nginx:1.14.2:bad", "invalid reference format"],
    ["nginx::1", "invalid reference format"],
    ["nginx@sha256:abc", "invalid reference format"],
    ["-nginx", "invalid reference format"],
  ];
  it.each(cases)("%s", (image, message) => {
    expect(() => parseImageReference(image)).toThrow(message);
  });
});
