// Namespaces, Nodes and Events (core/v1).
import { defaultNamespace, defaultNode } from "../defaults/cluster-objects.ts";
import { eventTable } from "../printers/events.ts";
import { namespaceTable } from "../printers/namespaces.ts";
import { nodeTable } from "../printers/nodes.ts";
import type { ResourceType, StrategyHooks } from "../registry.ts";
import type { Event, Namespace, Node } from "../types.ts";
import { validateNamespace, validateNamespaceUpdate, validateNode, validateNodeUpdate } from "../validation/cluster-objects.ts";
import { validateEvent } from "../validation/event.ts";

export const namespaces: ResourceType<Namespace> & StrategyHooks<Namespace> = {
  group: "",
  version: "v1",
  kind: "Namespace",
  resource: "namespaces",
  singular: "namespace",
  shortNames: ["ns"],
  namespaced: false,
  hasStatus: true,
  hasGeneration: false,
  defaults: defaultNamespace,
  validate: validateNamespace,
  validateUpdate: validateNamespaceUpdate,
  table: namespaceTable,
  prepareForCreate(ns) {
    ns.status = { phase: "Active" };
  },
};

export const nodes: ResourceType<Node> & StrategyHooks<Node> = {
  group: "",
  version: "v1",
  kind: "Node",
  resource: "nodes",
  singular: "node",
  shortNames: ["no"],
  namespaced: false,
  hasStatus: true,
  hasGeneration: false,
  defaults: defaultNode,
  validate: validateNode,
  validateUpdate: validateNodeUpdate,
  table: nodeTable,
};

export const events: ResourceType<Event> & StrategyHooks<Event> = {
  group: "",
  version: "v1",
  kind: "Event",
  resource: "events",
  singular: "event",
  shortNames: ["ev"],
  namespaced: true,
  hasStatus: false,
  hasGeneration: false,
  validate: validateEvent,
  table: eventTable,
};
