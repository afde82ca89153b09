// ConfigMaps and Secrets (core/v1): field documentation in our own words.
import type { Descriptions } from "./index.ts";

const METADATA_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const CONFIG: Descriptions = {
  "core.ConfigMap": {
    "": "A ConfigMap holds configuration data, as key-value pairs, for pods to read as environment variables, command-line arguments or files in a volume.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    immutable: "If true, the data cannot be changed any more (only metadata can); the object can still be deleted and created again. Unset means mutable.",
    data: "The configuration as UTF-8 strings. Keys consist of alphanumeric characters, '-', '_' or '.', and may not also appear in binaryData.",
    binaryData: "Configuration that is not UTF-8 text, as base64-encoded bytes. Keys follow the same rules as in data and may not also appear there.",
  },
  "core.Secret": {
    "": "A Secret holds a small amount of sensitive data, such as a password, a token or a key, for pods to read as files or environment variables. Values are base64-encoded bytes, not encrypted.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    immutable: "If true, the data cannot be changed any more (only metadata can). Unset means mutable.",
    data: "The secret data, base64-encoded. Keys consist of alphanumeric characters, '-', '_' or '.'. All values together may not exceed 1MiB.",
    stringData: "Write-only convenience for plain-text values: each key is written into data (replacing what is there) when the secret is stored, and stringData itself is never read back.",
    type: "How the data is meant to be used, e.g. Opaque (the default), kubernetes.io/tls or kubernetes.io/dockerconfigjson; some types require certain keys. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types",
  },
};
