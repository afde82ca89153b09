// Image references as the kubelet and containerd read them (the grammar of
// github.com/distribution/reference): `nginx:1.14.2` is
// `docker.io/library/nginx:1.14.2`, a missing tag means `latest`, and a name
// the grammar rejects is InvalidImageName with the library's wording.

import { REFERENCE_PATTERN } from "../util/image-reference.ts";

export interface ImageReference {
  /** Registry host, `docker.io` when none is given. */
  domain: string;
  /** Repository path inside the registry, `library/nginx` for official images. */
  path: string;
  tag?: string;
  digest?: string;
}

const REFERENCE = REFERENCE_PATTERN;
const HEX64 = /^[a-f0-9]{64}$/;

export class ImageReferenceError extends Error {}

/** ParseNormalizedNamed: throws ImageReferenceError with the library's message. */
export function parseImageReference(image: string): ImageReference {
  if (HEX64.test(image)) {
    throw new ImageReferenceError(`invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`);
  }
  let domain = "docker.io";
  let remainder = image;
  const slash = image.indexOf("/");
  if (slash >= 0) {
    const first = image.slice(0, slash);
    if (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first) {
      domain = first;
      remainder = image.slice(slash + 1);
    }
  }
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
  const colon = remainder.indexOf(":");
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new ImageReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const match = REFERENCE.exec(`${domain}/${remainder}`);
  if (!match) throw new ImageReferenceError("invalid reference format");
  const name = match[1]!;
  if (name.length > 255) throw new ImageReferenceError("repository name must not be more than 255 characters");
  const ref: ImageReference = { domain, path: name.slice(domain.length + 1) };
  if (match[2] !== undefined) ref.tag = match[2];
  if (match[3] !== undefined) ref.digest = match[3];
  return ref;
}

/** `docker.io/library/nginx` */
export function repositoryOf(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

/** The name containerd reports for the image: `docker.io/library/nginx:1.14.2` (tag `latest` when none). */
export function fullImageName(ref: ImageReference): string {
  if (ref.digest && !ref.tag) return `${repositoryOf(ref)}@${ref.digest}`;
  return `${repositoryOf(ref)}:${ref.tag ?? "latest"}`;
}

/** The tag the kubelet pulls: the given one, else `latest` (none for a digest-only reference). */
export function effectiveTag(ref: ImageReference): string | undefined {
  if (ref.tag) return ref.tag;
  return ref.digest ? undefined : "latest";
}
