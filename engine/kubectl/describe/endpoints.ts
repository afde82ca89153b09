// `kubectl describe endpoints` and `kubectl describe endpointslice`
// (kubectl pkg/describe/describe.go describeEndpoints,
// describeEndpointSliceV1, v0.32).
import type { EndpointSlice, Endpoints } from "../../api/types.ts";
import { toWire } from "../wire.ts";
import type { Describer } from "./describers.ts";
import { eventsFor } from "./describers.ts";
import { describeEvents, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from "./writer.ts";

export const describeEndpoints: Describer = (env, namespace, name, settings) => {
  const ep = toWire(env.api.get("endpoints", namespace, name)) as Endpoints;
  const events = settings.showEvents ? eventsFor(env, ep, ep.kind) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ep.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ep.metadata.annotations);
    w.write(LEVEL_0, "Subsets:\n");
    for (const ss of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
      if (ss.ports?.length) {
        w.write(LEVEL_1, "Ports:\n");
        w.write(LEVEL_2, "Name\tPort\tProtocol\n");
        w.write(LEVEL_2, "----\t----\t--------\n");
        for (const p of ss.ports) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? ""}\n`);
      }
      w.write(LEVEL_0, "\n");
    }
    if (events) describeEvents(events, w, env.nowMs);
  });
};

export const describeEndpointSlice: Describer = (env, namespace, name, settings) => {
  const eps = toWire(env.api.get("endpointslices", namespace, name)) as EndpointSlice;
  const events = settings.showEvents ? eventsFor(env, eps, eps.kind) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", eps.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ""}\n`);
    if (!eps.ports?.length) {
      w.write(LEVEL_0, "Ports: <unset>\n");
    } else {
      w.write(LEVEL_0, "Ports:\n");
      w.write(LEVEL_1, "Name\tPort\tProtocol\n");
      w.write(LEVEL_1, "----\t----\t--------\n");
      for (const p of eps.ports) {
        const portName = p.name ? p.name : "<unset>";
        const portNum = p.port !== undefined && p.port !== null ? String(p.port) : "<unset>";
        w.write(LEVEL_1, `${portName}\t${portNum}\t${p.protocol ?? ""}\n`);
      }
    }
    if (!eps.endpoints?.length) {
      w.write(LEVEL_0, "Endpoints: <none>\n");
    } else {
      w.write(LEVEL_0, "Endpoints:\n");
      for (const e of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(", ") || "<none>"}\n`);
        w.write(LEVEL_2, "Conditions:\n");
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? "<unset>" : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ""}/${e.targetRef.name ?? ""}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? "<unset>"}\n`);
      }
    }
    if (events) describeEvents(events, w, env.nowMs);
  });
};
