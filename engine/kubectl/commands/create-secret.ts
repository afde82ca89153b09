// `kubectl create secret generic | docker-registry | tls` (pkg/cmd/create,
// v1.32): Opaque secrets from files and literals, registry credentials as a
// .dockerconfigjson, and a certificate with its key (checked as
// crypto/tls.X509KeyPair checks the PEM framing).
import type { KubeObject } from "../../api/types.ts";
import { isConfigMapKey } from "../../api/validation/names.ts";
import { base64EncodeText } from "../../util/base64.ts";
import type { Command, Invocation } from "../command.ts";
import { BOOL, type FlagDef, STRING } from "../flags.ts";
import { keyPairError } from "../pem.ts";
import { jsonString } from "../printers/go/json.ts";
import { KubectlError } from "../types.ts";
import { appendHash, createGenerated, DATA_FLAGS, dataSources, fileEntries, generatorFlags, nameArg } from "./create-generate.ts";

/** The data of a secret: keys checked, values base64-encoded. */
function secretData(entries: ReadonlyArray<[string, string]>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, value] of entries) {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) throw new KubectlError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(";")}`);
    if (Object.hasOwn(data, key)) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = base64EncodeText(value);
  }
  return data;
}

/** The secret, named with its hash when --append-hash asks. */
function secretObject(inv: Invocation, name: string, type: string, data: Record<string, string>): KubeObject {
  const obj: Record<string, unknown> = { apiVersion: "v1", kind: "Secret", metadata: { name } };
  if (Object.keys(data).length > 0) obj.data = data;
  if (type !== "") obj.type = type;
  if (inv.flags.bool("append-hash")) appendHash(obj as unknown as KubeObject);
  return obj as unknown as KubeObject;
}

const createSecretGeneric: Command = {
  name: "generic",
  short: "Create a secret from a local file, directory, or literal value",
  long: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.",
  example: [
    "  # Create a new secret named my-secret with key1=supersecret and key2=topsecret",
    "  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret",
    "",
    "  # Create a new secret named my-secret from a file, with a key of your choice",
    "  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa",
  ].join("\n"),
  use: "generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    ...generatorFlags(),
    ...DATA_FLAGS("secret"),
    {
      name: "from-file",
      type: "stringSlice",
      default: "[]",
      usage:
        "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.",
    },
    { name: "type", type: "string", usage: "The type of secret to create" },
  ],
  run(inv) {
    const name = nameArg(inv);
    const obj = secretObject(inv, name, inv.flags.string("type"), secretData(dataSources(inv)));
    return createGenerated(inv, "secrets", obj, "failed to create secret ");
  },
};

const DOCKER_CONFIG_KEY = ".dockerconfigjson";

/** The .dockerconfigjson kubectl writes: one entry under auths, empty fields left out. */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: string[] = [];
  if (username !== "") entry.push(`"username":${jsonString(username)}`);
  if (password !== "") entry.push(`"password":${jsonString(password)}`);
  if (email !== "") entry.push(`"email":${jsonString(email)}`);
  const auth = base64EncodeText(`${username}:${password}`);
  if (auth !== "") entry.push(`"auth":${jsonString(auth)}`);
  return `{"auths":{${jsonString(server)}:{${entry.join(",")}}}}`;
}

const createSecretDockerRegistry: Command = {
  name: "docker-registry",
  short: "Create a secret for use with a Docker registry",
  long: `Create a new secret for use with Docker registries.

 Docker registries that need a login keep their credentials in a dockercfg secret. Nodes use it to pull images for pods that name it in imagePullSecrets (directly, or through their service account).

 Give the registry's address, user name and password (the email is optional), or the path of a Docker config file (~/.docker/config.json) that already holds them.`,
  example: `  # Credentials for a private registry
  kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=ci --docker-password=s3cret --docker-email=ci@example.com
  
  # The credentials of an existing Docker login
  kubectl create secret docker-registry regcred --from-file=.dockerconfigjson=$HOME/.docker/config.json`,
  use: "docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]",
  flags: [
    ...generatorFlags(),
    BOOL("append-hash", "Append a hash of the secret to its name."),
    STRING("docker-email", "Email for Docker registry"),
    STRING("docker-password", "Password for Docker registry authentication"),
    STRING("docker-server", "Server location for Docker registry", { default: "https://index.docker.io/v1/" }),
    STRING("docker-username", "Username for Docker registry authentication"),
    {
      name: "from-file",
      type: "stringSlice",
      default: "[]",
      usage:
        "Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.",
    },
  ] satisfies FlagDef[],
  run(inv) {
    const f = inv.flags;
    const name = nameArg(inv);
    const sources = f.strings("from-file").map((s) => (s.includes("=") ? s : `${DOCKER_CONFIG_KEY}=${s}`));
    const [username, password, email, server] = ["docker-username", "docker-password", "docker-email", "docker-server"].map((n) => f.string(n)) as [
      string,
      string,
      string,
      string,
    ];
    if (sources.length === 0 && (username === "" || password === "" || server === "")) {
      throw new KubectlError("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required");
    }
    const entries: Array<[string, string]> =
      sources.length > 0 ? fileEntries(inv, sources) : [[DOCKER_CONFIG_KEY, dockerConfigJson(username, password, email, server)]];
    const obj = secretObject(inv, name, "kubernetes.io/dockerconfigjson", secretData(entries));
    return createGenerated(inv, "secrets", obj, "failed to create secret ");
  },
};

/** readFile of create_secret_tls.go. */
function readTlsFile(inv: Invocation, path: string): string {
  const text = inv.ctx.readFile(path);
  if (text === undefined) throw new KubectlError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return text;
}

const createSecretTls: Command = {
  name: "tls",
  short: "Create a TLS secret",
  long: `Create a TLS secret from the given public/private key pair.

 The public key certificate must be PEM encoded and match the given private key.`,
  example: `  # A TLS secret from a certificate and its key
  kubectl create secret tls web-tls --cert=web.crt --key=web.key`,
  use: "tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]",
  flags: [
    ...generatorFlags(),
    BOOL("append-hash", "Append a hash of the secret to its name."),
    STRING("cert", "Path to PEM encoded public key certificate."),
    STRING("key", "Path to private key associated with given certificate."),
  ],
  run(inv) {
    const name = nameArg(inv);
    const certPath = inv.flags.string("cert");
    const keyPath = inv.flags.string("key");
    if (certPath === "" || keyPath === "") throw new KubectlError("key and cert must be specified");
    const cert = readTlsFile(inv, certPath);
    const key = readTlsFile(inv, keyPath);
    const bad = keyPairError(cert, key);
    if (bad !== undefined) throw new KubectlError(bad);
    const obj = secretObject(inv, name, "kubernetes.io/tls", { "tls.crt": base64EncodeText(cert), "tls.key": base64EncodeText(key) });
    return createGenerated(inv, "secrets", obj, "failed to create secret ");
  },
};

export const createSecret: Command = {
  name: "secret",
  short: "Create a secret using a specified subcommand",
  long: "Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.",
  use: "secret (docker-registry | generic | tls) [options]",
  subcommands: [createSecretDockerRegistry, createSecretGeneric, createSecretTls],
};
