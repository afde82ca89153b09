// Services (core/v1): defaulting, cluster IP and node port allocation, the
// service strategy's status rules, validation and table columns.
import { allocateServiceCreate, allocateServiceUpdate } from "../allocators/service.ts";
import { defaultService } from "../defaults/service.ts";
import { serviceTable } from "../printers/services.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { Service } from "../types.ts";
import { validateService, validateServiceUpdate } from "../validation/service.ts";

export const services: ResourceType<Service> & StrategyHooks<Service> = {
  group: "",
  version: "v1",
  kind: "Service",
  resource: "services",
  singular: "service",
  shortNames: ["svc"],
  namespaced: true,
  categories: ["all"],
  hasStatus: true,
  hasGeneration: false,
  defaults: defaultService,
  prepareForCreate(svc) {
    // A new Service's status is the server's to write (the load balancer controller's, later).
    svc.status = {};
  },
  allocate(svc, old, ctx) {
    const stored = ctx.stored() as Service[];
    if (old) allocateServiceUpdate(svc, old, { random: ctx.random, dryRun: ctx.dryRun, services: stored });
    else allocateServiceCreate(svc, { random: ctx.random, dryRun: ctx.dryRun, services: stored });
  },
  validate: validateService,
  validateUpdate: validateServiceUpdate,
  table: serviceTable,
};
