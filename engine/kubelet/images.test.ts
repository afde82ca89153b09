import { describe, expect, it } from "vitest";
import { ImageCatalogue, isPullFailure, pullDurationMs } from "./images.ts";
import { parseImageReference } from "./reference.ts";

const catalogue = new ImageCatalogue();
const resolve = (image: string) => catalogue.resolve(parseImageReference(image));

describe("the image catalogue answers a pull as the registry would", () => {
  it("finds a tag and reports its size and a stable digest", () => {
    const r = resolve("nginx:1.14.2");
    expect(isPullFailure(r)).toBe(false);
    if (isPullFailure(r)) return;
    expect(r.sizeBytes).toBe(44_708_492);
    expect(r.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(resolve("docker.io/library/nginx:1.14.2")).toEqual(r);
  });

  it("follows aliases: latest is the same image as its version tag", () => {
    const latest = resolve("nginx");
    const version = resolve("nginx:1.27.3");
    expect(isPullFailure(latest) || isPullFailure(version)).toBe(false);
    if (isPullFailure(latest) || isPullFailure(version)) return;
    expect(latest.imageID).toBe(version.imageID);
    expect(latest.tag).toBe("1.27.3");
  });

  const failures: Array<[string, string, string]> = [
    [
      "nginx:1.99",
      "NotFound",
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    ],
    [
      "ngnix",
      "Denied",
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      "registry.k8s.io/nope:1.0",
      "NotFound",
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/nope:1.0": failed to resolve reference "registry.k8s.io/nope:1.0": registry.k8s.io/nope:1.0: not found',
    ],
    [
      "my-registry.example.com:5000/team/app:v2",
      "NoSuchHost",
      'rpc error: code = Unknown desc = failed to pull and unpack image "my-registry.example.com:5000/team/app:v2": failed to resolve reference "my-registry.example.com:5000/team/app:v2": failed to do request: Head "https://my-registry.example.com:5000/v2/team/app/manifests/v2": dial tcp: lookup my-registry.example.com on 127.0.0.53:53: no such host',
    ],
  ];
  it.each(failures)("%s: %s", (image, kind, message) => {
    const r = resolve(image);
    expect(isPullFailure(r) && r.kind).toBe(kind);
    expect(isPullFailure(r) && r.message).toBe(message);
  });

  it("a lesson's own entry joins or replaces the built-in ones", () => {
    const own = new ImageCatalogue([{ repository: "docker.io/kubedojo/web", tags: { v1: 10_000_000 }, run: { stopAfterMs: 50 } }]);
    expect(isPullFailure(own.resolve(parseImageReference("kubedojo/web:v1")))).toBe(false);
  });

  it("pull time grows with size, with a little jitter", () => {
    expect(pullDurationMs(44_708_492, 0.5)).toBe(4477);
    expect(pullDurationMs(2_166_802, 0.5)).toBe(1073);
    expect(pullDurationMs(44_708_492, 0)).toBeLessThan(pullDurationMs(44_708_492, 0.99));
  });
});
