// ConfigMaps and Secrets (core/v1): configuration data for pods.
import { base64EncodeText } from "../../util/base64.ts";
import { configMapTable, secretTable } from "../printers/config.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { ConfigMap, Secret } from "../types.ts";
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from "../validation/config.ts";

export const configmaps: ResourceType<ConfigMap> & StrategyHooks<ConfigMap> = {
  group: "",
  version: "v1",
  kind: "ConfigMap",
  resource: "configmaps",
  singular: "configmap",
  shortNames: ["cm"],
  namespaced: true,
  hasStatus: false,
  hasGeneration: false,
  validate: validateConfigMap,
  validateUpdate: validateConfigMapUpdate,
  table: configMapTable,
};

/** The v1 → internal conversion: stringData is written into data (as bytes) and is not kept. */
function mergeStringData(secret: Secret): void {
  if (secret.stringData === undefined) return;
  const data = { ...secret.data };
  for (const [k, v] of Object.entries(secret.stringData)) data[k] = base64EncodeText(v);
  secret.data = data;
  delete secret.stringData;
}

export const secrets: ResourceType<Secret> & StrategyHooks<Secret> = {
  group: "",
  version: "v1",
  kind: "Secret",
  resource: "secrets",
  singular: "secret",
  shortNames: [],
  namespaced: true,
  hasStatus: false,
  hasGeneration: false,
  defaults(secret) {
    if (!secret.type) secret.type = "Opaque";
  },
  prepareForCreate: mergeStringData,
  prepareForUpdate: mergeStringData,
  validate: validateSecret,
  validateUpdate: validateSecretUpdate,
  table: secretTable,
};
