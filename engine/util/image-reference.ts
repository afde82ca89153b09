// The image reference grammar of github.com/distribution/reference
// (ReferenceRegexp): an optional registry domain, path components, an
// optional tag and an optional digest. Shared by kubectl (`run` rejects a
// name it does not match) and the kubelet (which also normalises names).

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;

/** Groups: 1 the name (domain and path), 2 the tag, 3 the digest. */
export const REFERENCE_PATTERN = new RegExp(
  `^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?$`,
);
