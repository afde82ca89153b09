// Image reference parsing for the imagePullPolicy default (pkg/util/parsers
// ParseImageName over the distribution/reference grammar). Only the tag
// matters: `latest` (explicit, or implied by no tag and no digest) gives
// Always, anything else IfNotPresent — including references that fail to
// parse, which the API server also quietly treats as IfNotPresent.

const ALNUM = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|[-]+)";
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

export interface ImageReference {
  name: string;
  tag: string;
  digest: string;
}

/** The name, tag and digest of an image; null when the reference does not parse. No tag and no digest means tag `latest`. */
export function parseImageReference(image: string): ImageReference | null {
  if (image === "" || IDENTIFIER.test(image)) return null;
  const m = REFERENCE.exec(image);
  if (!m) return null;
  const name = m[1]!;
  // the repository path (after a registry host) must be lowercase
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const isDomain = slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first);
  const remote = isDomain ? name.slice(slash + 1) : name;
  if (remote.toLowerCase() !== remote) return null;
  const normalized = isDomain ? name : `docker.io/${slash < 0 ? "library/" : ""}${name}`;
  if (normalized.length > NAME_TOTAL_LENGTH_MAX) return null;
  const tag = m[2] ?? "";
  const digest = m[3] ?? "";
  return { name, tag: tag === "" && digest === "" ? "latest" : tag, digest };
}

/** SetDefaults_Container's imagePullPolicy rule. */
export function defaultPullPolicy(image: string | undefined): "Always" | "IfNotPresent" {
  return parseImageReference(image ?? "")?.tag === "latest" ? "Always" : "IfNotPresent";
}
