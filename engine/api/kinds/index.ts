// Every kind the simulated API server serves.
import { Registry } from "../registry.ts";
import { deployments, replicasets } from "./apps.ts";
import { horizontalpodautoscalers } from "./autoscaling.ts";
import { events, namespaces, nodes } from "./cluster.ts";
import { configmaps, secrets } from "./config.ts";
import { endpoints, endpointslices } from "./endpoints.ts";
import { pods } from "./pods.ts";
import { services } from "./services.ts";

export function createRegistry(): Registry {
  const registry = new Registry();
  registry.add(pods);
  registry.add(replicasets);
  registry.add(deployments);
  registry.add(namespaces);
  registry.add(nodes);
  registry.add(events);
  registry.add(configmaps);
  registry.add(secrets);
  registry.add(endpoints);
  registry.add(endpointslices);
  registry.add(services);
  registry.add(horizontalpodautoscalers);
  return registry;
}
