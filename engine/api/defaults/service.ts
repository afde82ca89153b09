// Service defaulting (core/v1 SetDefaults_Service, 1.32), in place. The IP
// families and policy are not defaults: the registry's allocator fills them
// (allocators/service.ts), because they depend on how the cluster is set up.
import type { Service } from "../types.ts";

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  if (!spec.sessionAffinity) spec.sessionAffinity = "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP" && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };
  }
  if (!spec.type) spec.type = "ClusterIP";
  if (spec.ports) {
    spec.ports = spec.ports.map((p) => {
      const port = { ...p };
      if (!port.protocol) port.protocol = "TCP";
      if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
      return port;
    });
  }
  const t = spec.type;
  const external = t === "LoadBalancer" || t === "NodePort" || (t === "ClusterIP" && (spec.externalIPs?.length ?? 0) > 0);
  if (external && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
  if (spec.internalTrafficPolicy === undefined && (t === "NodePort" || t === "LoadBalancer" || t === "ClusterIP")) {
    spec.internalTrafficPolicy = "Cluster";
  }
  if (t === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  if (t === "LoadBalancer") {
    // LoadBalancerIPMode (beta, on in 1.32): an ingress IP without a mode is a VIP.
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip && ing.ipMode === undefined) ing.ipMode = "VIP";
  }
  // LoadBalancerStatus is a struct, not a pointer: it is always written, `{}` when empty.
  svc.status = { ...svc.status, loadBalancer: svc.status?.loadBalancer ?? {} };
}
