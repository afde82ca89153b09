// The server-side table convertors, by plural resource name.

import type { TableConvertor } from "../registry.ts";
import { configMapTable, secretTable } from "./config.ts";
import { deploymentTable } from "./deployments.ts";
import { endpointSliceTable, endpointsTable } from "./endpoints.ts";
import { eventTable } from "./events.ts";
import { namespaceTable } from "./namespaces.ts";
import { nodeTable } from "./nodes.ts";
import { podTable } from "./pods.ts";
import { replicaSetTable } from "./replicasets.ts";
import { serviceTable } from "./services.ts";

export { configMapTable, secretTable, deploymentTable, endpointsTable, endpointSliceTable, eventTable, namespaceTable, nodeTable, podTable, replicaSetTable, serviceTable };
export { humanDuration, shortHumanDuration, translateTimestampSince, parseTimestamp } from "./duration.ts";

export const tableConvertors: Readonly<Record<string, TableConvertor>> = {
  pods: podTable,
  deployments: deploymentTable,
  replicasets: replicaSetTable,
  nodes: nodeTable,
  namespaces: namespaceTable,
  events: eventTable,
  configmaps: configMapTable,
  secrets: secretTable,
  endpoints: endpointsTable,
  endpointslices: endpointSliceTable,
  services: serviceTable,
};
