// Endpoints (core/v1) and EndpointSlices (discovery.k8s.io/v1): the network
// addresses behind a Service, written by the endpoints and endpointslice
// controllers (or by hand for a Service without a selector).
import { endpointSliceTable, endpointsTable } from "../printers/endpoints.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { EndpointSlice, Endpoints } from "../types.ts";
import { deepEqual } from "../../util/json.ts";
import {
  defaultEndpointSlice,
  defaultEndpoints,
  validateEndpointSlice,
  validateEndpointSliceUpdate,
  validateEndpoints,
  validateEndpointsUpdate,
} from "../validation/endpoints.ts";

export const endpoints: ResourceType<Endpoints> & StrategyHooks<Endpoints> = {
  group: "",
  version: "v1",
  kind: "Endpoints",
  resource: "endpoints",
  singular: "endpoints",
  shortNames: ["ep"],
  namespaced: true,
  hasStatus: false,
  hasGeneration: false,
  defaults: defaultEndpoints,
  validate: validateEndpoints,
  validateUpdate: validateEndpointsUpdate,
  table: endpointsTable,
};

export const endpointslices: ResourceType<EndpointSlice> & StrategyHooks<EndpointSlice> = {
  group: "discovery.k8s.io",
  version: "v1",
  kind: "EndpointSlice",
  resource: "endpointslices",
  singular: "endpointslice",
  shortNames: [],
  namespaced: true,
  hasStatus: false,
  // The slice has no spec: the strategy moves generation itself (below).
  hasGeneration: true,
  defaults: defaultEndpointSlice,
  /** endpointSliceStrategy.PrepareForUpdate: anything but metadata changed, or the labels, moves generation. */
  prepareForUpdate(slice, old) {
    defaultEndpointSlice(slice);
    const body = (s: EndpointSlice) => [s.addressType, s.endpoints ?? [], s.ports ?? []];
    if (!deepEqual(body(slice), body(old)) || !deepEqual(slice.metadata.labels ?? {}, old.metadata.labels ?? {})) {
      slice.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
  },
  validate: validateEndpointSlice,
  validateUpdate: validateEndpointSliceUpdate,
  table: endpointSliceTable,
};
