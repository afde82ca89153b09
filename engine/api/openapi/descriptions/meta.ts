// ObjectMeta and the other apimachinery types every kind shares.
import type { Descriptions } from "./index.ts";

const CONVENTIONS = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md";

export const META: Descriptions = {
  "meta.TypeMeta": {
    apiVersion: `APIVersion names the versioned schema this object is written in, as "group/version" (just "v1" for the core group). The server converts the versions it knows to its own internal form and rejects the ones it does not. More info: ${CONVENTIONS}#resources`,
    kind: `Kind is the type of object this is, in CamelCase (for example Deployment). The server can also infer it from the URL a request is sent to. It cannot be changed once set. More info: ${CONVENTIONS}#types-kinds`,
  },
  "meta.ObjectMeta": {
    "": "ObjectMeta is the metadata every persisted object has: its name and namespace, labels and annotations, owners, and the bookkeeping the server keeps (uid, resourceVersion, generation, timestamps).",
    name: "Name identifies the object within its namespace (or in the cluster, for cluster-scoped kinds). It is required when creating, unless generateName is set, and it cannot be changed afterwards. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
    generateName:
      "GenerateName asks the server to make up a unique name when name is empty: it appends a random suffix to this prefix. Controllers use it for the objects they create, for example a ReplicaSet's pods. More info: " +
      `${CONVENTIONS}#idempotency`,
    namespace: "Namespace is the scope the name is unique in. An empty namespace means \"default\" for namespaced kinds; cluster-scoped kinds leave it empty. It cannot be changed. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces",
    selfLink: "Deprecated: the server no longer fills this field in. It used to hold the object's URL.",
    uid: "UID is the unique identity the server gives the object when it is created, different for every object ever created in the cluster (a new object with the same name gets a new UID). Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids",
    resourceVersion: `ResourceVersion is an opaque value that changes every time the object is written. Clients send it back on updates to detect conflicting changes (optimistic concurrency) and use it to resume watches; they must not interpret it. Read-only. More info: ${CONVENTIONS}#concurrency-control-and-consistency`,
    generation: "Generation counts changes to the desired state (spec) of the object. The server increments it; controllers report the generation they last acted on in status.observedGeneration. Read-only.",
    creationTimestamp: `CreationTimestamp is when the server created the object, in UTC, RFC 3339 format. Clients cannot set it. Read-only. More info: ${CONVENTIONS}#metadata`,
    deletionTimestamp: `DeletionTimestamp is set when deletion of the object has been requested and it is waiting for its finalizers to be removed or for a grace period to end (a pod whose containers are being stopped). Once set it cannot be unset; the object disappears when its finalizers list is empty. Read-only. More info: ${CONVENTIONS}#metadata`,
    deletionGracePeriodSeconds: "DeletionGracePeriodSeconds is the number of seconds the object was given to terminate gracefully when its deletion was requested. Only set together with deletionTimestamp. Read-only.",
    labels: "Labels are key/value pairs used to organize and select objects: label selectors of Services, ReplicaSets and Deployments match them, and `kubectl get -l` filters by them. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels",
    annotations: "Annotations are key/value pairs for arbitrary non-identifying data that tools and people attach to an object (for example kubernetes.io/change-cause, or the last-applied-configuration kubectl apply keeps). They are not used to select objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations",
    ownerReferences: "OwnerReferences lists the objects this one belongs to. A pod created by a ReplicaSet points at it, and a ReplicaSet points at its Deployment. When every owner is deleted, the garbage collector deletes the object too. At most one owner may be the managing controller.",
    finalizers: "Finalizers must all be removed before the object is really deleted. Deleting an object with finalizers only sets deletionTimestamp; the components that own each finalizer do their clean-up and then remove their entry.",
    managedFields: "ManagedFields records which field manager (kubectl, a controller, ...) set which fields of the object, for server-side apply. Mostly internal; kubectl hides it unless --show-managed-fields is given.",
  },
  "meta.OwnerReference": {
    "": "OwnerReference identifies an object that owns this one. The owner must be in the same namespace, or be cluster-scoped.",
    apiVersion: "API version of the owner.",
    kind: `Kind of the owner. More info: ${CONVENTIONS}#types-kinds`,
    name: "Name of the owner. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
    uid: "UID of the owner: the reference only counts for that exact object. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids",
    controller: "If true, the owner is the managing controller of this object (a ReplicaSet for its pods). Only one owner may be the controller.",
    blockOwnerDeletion: "If true and the owner is deleted with foreground cascading deletion, the owner is not removed until this object is gone. Setting it requires permission to delete the owner.",
  },
  "meta.ManagedFieldsEntry": {
    "": "ManagedFieldsEntry records the fields one field manager owns, and how it last wrote them.",
    manager: "Name of the field manager (for example kubectl-client-side-apply or kube-controller-manager).",
    operation: "The kind of write that produced this entry: Apply or Update.",
    apiVersion: "API version the fields were written in; the field set is only meaningful in that version.",
    time: "When the manager last changed these fields.",
    fieldsType: "Format of fieldsV1. The only value is \"FieldsV1\".",
    fieldsV1: "The set of fields this manager owns, in the FieldsV1 format.",
    subresource: "The subresource the write went to (for example \"status\" or \"scale\"), empty for the main resource.",
  },
  "meta.LabelSelector": {
    "": "A label selector chooses objects by their labels. matchLabels and matchExpressions are ANDed together. An empty selector matches every object; a missing (null) one matches none.",
    matchLabels: "Labels an object must have, each with exactly this value. Each pair is the same as a matchExpressions entry with operator In and a single value.",
    matchExpressions: "Requirements on labels, all of which must hold.",
  },
  "meta.LabelSelectorRequirement": {
    "": "A requirement on one label: its key, an operator, and values.",
    key: "The label key the requirement applies to.",
    operator: "How the label relates to the values: In, NotIn, Exists or DoesNotExist.",
    values: "The values for In and NotIn (must not be empty). Must be empty for Exists and DoesNotExist.",
  },
  "meta.ListMeta": {
    "": "ListMeta is the metadata of a list response.",
    continue: "Set when the server returned only part of the list (because of a limit): pass it back as the continue parameter to get the next part. It expires after a while.",
    remainingItemCount: "How many items were left out of this partial list, when the server can tell. Only an estimate when the list was read with a continue token.",
    resourceVersion: `The version of the collection the list was read at; start a watch from it to see the changes after it. More info: ${CONVENTIONS}#concurrency-control-and-consistency`,
    selfLink: "Deprecated: the server no longer fills this field in.",
  },
  "meta.Time": {
    "": "A point in time, written as an RFC 3339 string in UTC with second precision (for example 2024-05-01T12:00:00Z).",
  },
  "meta.MicroTime": {
    "": "A point in time with microsecond precision, written as an RFC 3339 string (for example 2024-05-01T12:00:00.123456Z).",
  },
  "meta.FieldsV1": {
    "": "FieldsV1 describes a set of fields as a JSON tree: each key names a field (f:<name>), a list item by key or value (k:..., v:...), or an index (i:...); \".\" stands for the field itself.",
  },
  "runtime.RawExtension": {
    "": "Any embedded JSON object, kept as it was sent.",
  },
  "resource.Quantity": {
    "": "A quantity is a number with an optional suffix, written as a string: binary suffixes Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), decimal suffixes k, M, G, T, P, E (powers of 1000) and m (thousandths), or an exponent (1e3). For CPU, 1 is one core and 500m is half a core; for memory, 128Mi is 128 mebibytes. The server keeps the form it was given when it can and otherwise writes the canonical one.",
  },
  "intstr.IntOrString": {
    "": "A value that is either an integer or a string. Fields that take it say what each form means: a port number or a port name, or a count or a percentage such as \"25%\".",
  },
};
