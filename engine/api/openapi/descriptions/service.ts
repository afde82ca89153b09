// Services (core/v1): field documentation in our own words.
import type { Descriptions } from "./index.ts";

const METADATA_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const STATUS_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status";
const SERVICES_URL = "https://kubernetes.io/docs/concepts/services-networking/service/";

export const SERVICE: Descriptions = {
  "core.Service": {
    "": "A Service gives a set of pods (usually those its selector matches) one stable name and virtual address, and spreads the traffic sent there over them, as a local proxy on every node does.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    spec: `What the service should look like: its type, ports, selector and addresses. More info: ${STATUS_URL}`,
    status: `What the cluster last observed about the service, such as a load balancer's addresses. Written by the system; read-only. More info: ${STATUS_URL}`,
  },
  "core.ServiceSpec": {
    "": "ServiceSpec is what a user asks of a service.",
    ports: `The ports the service answers on, and where each one sends traffic in the pods. More info: ${SERVICES_URL}#virtual-ips-and-service-proxies`,
    selector:
      "Pods whose labels match every one of these pairs receive the service's traffic, and the endpoints controllers list them. Without a selector the endpoints are managed outside the cluster's control. Ignored for ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
    clusterIP:
      'The virtual IP of the service, normally allocated by the API server from the service range; a specific address in that range may be asked for, and "None" makes a headless service (no proxying, DNS answers with the pod addresses). Cannot be changed once set, except by changing the type to ExternalName (which clears it) or from ExternalName (which allocates one). Must agree with clusterIPs[0]. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
    clusterIPs:
      "The service's virtual IPs, at most one per IP family (two on a dual-stack cluster), in the order of ipFamilies. The first one is clusterIP. Allocated like clusterIP, and cannot be changed once set except as for clusterIP or by adding or removing the secondary address. More info: https://kubernetes.io/docs/concepts/services-networking/dual-stack/",
    type:
      'How the service is reachable. ClusterIP (the default) gives it a virtual IP inside the cluster; NodePort adds a port on every node that forwards to it; LoadBalancer adds an external load balancer, where the platform offers one, in front of the node ports; ExternalName makes the service a DNS alias (CNAME) of externalName, with no proxying. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n\nPossible enum values:\n - `"ClusterIP"` the service gets a cluster-internal virtual IP that proxies to its endpoints.\n - `"ExternalName"` the service is a DNS CNAME to externalName; nothing is proxied.\n - `"LoadBalancer"` like NodePort, plus an external load balancer from the platform.\n - `"NodePort"` like ClusterIP, plus a port on every node that forwards to the service.',
    externalIPs:
      "Addresses, not managed by Kubernetes, at which the nodes also accept traffic for this service (routing that traffic to a node is up to the network). Often used with non-cloud load balancers.",
    sessionAffinity:
      'Whether connections from one client IP keep going to the same pod. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies\n\nPossible enum values:\n - `"ClientIP"` a client\'s connections go to the same pod while the affinity lasts.\n - `"None"` every connection may go to any pod (the default).',
    loadBalancerIP:
      "Deprecated: the address a LoadBalancer service asked its load balancer for, where the platform supports it. Its meaning differs between implementations; use the implementation's own annotations instead.",
    loadBalancerSourceRanges:
      "For a LoadBalancer service on a platform that supports it, the client address ranges (CIDRs) the load balancer accepts traffic from. More info: https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/",
    externalName:
      'The DNS name (lowercase, RFC 1123) that cluster DNS returns as a CNAME for this service. Required, and only allowed, when type is "ExternalName".',
    externalTrafficPolicy:
      'How traffic arriving from outside the cluster (at a node port, load balancer or external IP) is routed. "Cluster" may send it to any ready endpoint on any node, hiding the client\'s address; "Local" only to endpoints on the node that received it, keeping the client\'s address, and drops it where there are none.\n\nPossible enum values:\n - `"Cluster"` traffic goes to all endpoints.\n - `"Local"` traffic goes only to endpoints on the receiving node.',
    healthCheckNodePort:
      'The node port a load balancer probes to learn which nodes have local endpoints, for LoadBalancer services with externalTrafficPolicy "Local". Allocated when not given; cannot change afterwards.',
    publishNotReadyAddresses:
      "If true, DNS and the endpoints list every pod the selector matches, ready or not, so that peers (say of a StatefulSet) can find each other before they are ready. Defaults to false.",
    sessionAffinityConfig: "The settings of the session affinity.",
    ipFamilies:
      'The IP families (IPv4, IPv6) of the service\'s cluster IPs, in order. Filled in from the cluster\'s configuration and ipFamilyPolicy when not given. The first family cannot change; a second one may be added or removed on a dual-stack cluster. More info: https://kubernetes.io/docs/concepts/services-networking/dual-stack/',
    ipFamilyPolicy:
      'Whether the service has one IP family or two. "SingleStack" (the default for most services) one; "PreferDualStack" two when the cluster supports it, else one; "RequireDualStack" two, or the service is refused. Headless services without a selector default to RequireDualStack.\n\nPossible enum values:\n - `"PreferDualStack"` two families on a dual-stack cluster, one otherwise.\n - `"RequireDualStack"` two families; refused on a single-stack cluster.\n - `"SingleStack"` one family.',
    allocateLoadBalancerNodePorts:
      "Whether a LoadBalancer service gets node ports. Defaults to true; set it to false only for load balancers that reach the pods directly. Node ports asked for explicitly are allocated either way.",
    loadBalancerClass:
      "Which load balancer implementation handles this LoadBalancer service (a label-style name such as example.com/internal-vip). Unset means the platform's default implementation. Cannot change once set, and only allowed for LoadBalancer services.",
    internalTrafficPolicy:
      'How traffic sent to the cluster IP from inside the cluster is routed. "Cluster" may send it to any ready endpoint; "Local" only to endpoints on the sending pod\'s node, and drops it where there are none.\n\nPossible enum values:\n - `"Cluster"` traffic goes to all endpoints.\n - `"Local"` traffic goes only to endpoints on the same node.',
    trafficDistribution:
      'A preference for how traffic is spread over the endpoints. "PreferClose" asks proxies to favour topologically close endpoints (the same zone) when they can. Unset means no preference.',
  },
  "core.ServicePort": {
    "": "One port a service exposes.",
    name: "The port's name (a DNS label), unique within the service and required when it has more than one port. The endpoints use it to match their own ports.",
    protocol: 'The IP protocol: "TCP" (the default), "UDP" or "SCTP".\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
    appProtocol:
      "The application protocol on this port, as a hint for implementations: an IANA service name, a kubernetes.io/ name such as kubernetes.io/h2c, or a domain-prefixed name of your own.",
    port: "The port the service answers on.",
    targetPort:
      "The port in each pod that traffic is sent to: a number, or the name of a container port. Defaults to port. Ignored for headless services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service",
    nodePort:
      "For NodePort and LoadBalancer services, the port opened on every node. Allocated from the node port range when not given; refused when taken or out of range; dropped when the type no longer needs it. More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport",
  },
  "core.ServiceStatus": {
    "": "ServiceStatus is what the cluster observed about a service.",
    loadBalancer: "The load balancer's state, if there is one.",
    conditions: "The latest observations of the service's state.",
  },
  "core.SessionAffinityConfig": {
    "": "SessionAffinityConfig holds the session affinity settings.",
    clientIP: "Settings for ClientIP session affinity.",
  },
  "core.ClientIPConfig": {
    "": "ClientIPConfig holds the settings of ClientIP session affinity.",
    timeoutSeconds: 'How long, in seconds, a client stays with the same pod: more than 0 and at most 86400 (one day). Defaults to 10800 (three hours) when sessionAffinity is "ClientIP".',
  },
  "core.LoadBalancerStatus": {
    "": "LoadBalancerStatus describes a load balancer.",
    ingress: "The load balancer's addresses: where traffic for the service enters.",
  },
  "core.LoadBalancerIngress": {
    "": "LoadBalancerIngress is one address of a load balancer.",
    ip: "An IP address, for load balancers addressed by IP.",
    hostname: "A DNS name, for load balancers addressed by name.",
    ipMode:
      'How traffic to ip reaches the service: "VIP" delivers it to the nodes with ip as its destination; "Proxy" delivers it with the destination rewritten to a node or pod address. Only set together with ip.',
    ports: "The state of each of the service's ports on this address.",
  },
  "core.PortStatus": {
    "": "PortStatus is the state of one port of a load balancer address.",
    port: "The port number.",
    protocol: 'The port\'s protocol: "TCP", "UDP" or "SCTP".\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
    error: "Why the port could not be set up, if it could not: a CamelCase reason (a standard one, or prefixed with a domain name), empty when all is well.",
  },
  "meta.Condition": {
    "": "One aspect of an object's current state.",
    type: "The condition's type, in CamelCase (or foo.example.com/CamelCase).",
    status: "Whether the condition holds: True, False or Unknown.",
    observedGeneration: "The metadata.generation of the object that the condition was set from; if it is older than the current one, the condition may be out of date.",
    lastTransitionTime: "When the condition last changed status.",
    reason: "A CamelCase, machine-readable reason for the last transition. Never empty.",
    message: "A human-readable message about the last transition. May be empty.",
  },
};
