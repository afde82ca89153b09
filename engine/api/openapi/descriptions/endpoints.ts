// Endpoints (core/v1) and EndpointSlices (discovery.k8s.io/v1): field
// documentation in our own words.
import type { Descriptions } from "./index.ts";

const METADATA_URL = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const ENDPOINTS: Descriptions = {
  "core.Endpoints": {
    "": "Endpoints lists the network addresses that implement a service, grouped into subsets that share the same ports. The endpoints controller keeps it in step with the pods a service's selector matches. EndpointSlices carry the same information and are preferred.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    subsets: "Groups of addresses that expose the same set of ports. The full list of endpoints is every address of a subset combined with every port of that subset. No subsets means the service has no endpoints.",
  },
  "core.EndpointSubset": {
    "": "A set of addresses that all expose the same set of ports.",
    addresses: "Addresses ready to receive traffic on the subset's ports.",
    notReadyAddresses: "Addresses that expose the subset's ports but are not ready to receive traffic yet (still starting, or failing their readiness checks).",
    ports: "The port numbers available on each address of the subset.",
  },
  "core.EndpointAddress": {
    "": "One address of an endpoint.",
    ip: "The IP address of the endpoint. It may not be a loopback, link-local or link-local multicast address.",
    hostname: "The hostname of the endpoint, if the pod asked for one.",
    nodeName: "The node that hosts the endpoint, when it runs on one.",
    targetRef: "The object that provides the endpoint, usually a pod.",
  },
  "core.EndpointPort": {
    "": "A port on which an endpoint can be reached.",
    name: "The port's name, matching the name of the service port it serves. Required when a subset has more than one port; must be a DNS_LABEL.",
    port: "The port number.",
    protocol: "The IP protocol of the port: TCP (the default), UDP or SCTP.",
    appProtocol: "The application protocol spoken on the port, such as a standard service name (IANA) or a prefixed name like mycompany.com/my-protocol. Copied from the service port.",
  },
  "discovery.EndpointSlice": {
    "": "An EndpointSlice holds a part of the endpoints of a service: at most 100 of them by default, all of one address type and all exposing the same ports. The endpointslice controller writes them for every service with a selector; a service may have several.",
    metadata: `Standard object metadata. More info: ${METADATA_URL}`,
    addressType: "The kind of address every endpoint of the slice has: IPv4, IPv6 or FQDN (a fully qualified domain name). It cannot be changed.",
    endpoints: "The endpoints of the slice, at most 1000.",
    ports: "The network ports every endpoint of the slice exposes. With no ports, every port is available; a port without a number means every port number. At most 100 ports.",
  },
  "discovery.Endpoint": {
    "": "One logical backend of a service, such as a pod, with the addresses it can be reached at.",
    addresses: "The addresses of the endpoint, of the slice's address type. At least one; consumers use the first.",
    conditions: "What is known of the endpoint's current state.",
    hostname: "The hostname of the endpoint, if it has one (a DNS label).",
    targetRef: "The object behind the endpoint, usually a pod.",
    deprecatedTopology: "Old topology labels; zone and node name now have fields of their own. Not written any more.",
    nodeName: "The node that hosts the endpoint.",
    zone: "The zone the endpoint's node is in.",
    hints: "Hints for consumers on how to route traffic to the endpoint, used by topology-aware routing.",
  },
  "discovery.EndpointConditions": {
    "": "The state of an endpoint.",
    ready: "Whether the endpoint is ready to receive traffic. For a pod this is its readiness, and it is false while the pod terminates (unless the service publishes not-ready addresses). Unset means unknown, read as ready.",
    serving: "Like ready, but reported also while the endpoint terminates: whether it still passes its readiness checks. Unset means unknown, read as serving.",
    terminating: "Whether the endpoint is shutting down. For a pod, true once it has a deletion timestamp. Unset means unknown, read as not terminating.",
  },
  "discovery.EndpointHints": {
    "": "Where an endpoint should be used from.",
    forZones: "The zones whose clients should be routed to this endpoint.",
  },
  "discovery.ForZone": {
    "": "A zone that should use an endpoint.",
    name: "The name of the zone.",
  },
  "discovery.EndpointPort": {
    "": "A port exposed by the endpoints of a slice.",
    name: "The port's name, matching the name of the service port it serves. Empty for a service with a single unnamed port; otherwise a DNS_LABEL, unique within the slice.",
    protocol: "The IP protocol of the port: TCP (the default), UDP or SCTP.",
    port: "The port number; unset means every port number.",
    appProtocol: "The application protocol spoken on the port, such as a standard service name (IANA) or a prefixed name like mycompany.com/my-protocol.",
  },
};
