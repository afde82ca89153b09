// ObjectMeta and the other apimachinery types every kind shares.
import type { Descriptions } from "./index.ts";

export const META: Descriptions = {
  "meta.TypeMeta": {
    apiVersion:
      "APIVersion names the versioned schema this object is written in, as \"group/version\" (or just \"v1\" for the core group). The server converts the versions it knows to its own internal form and rejects the ones it does not. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
    kind:
      "Kind is the type of object this is, in CamelCase (for example Deployment). The server can also infer it from the URL a request is sent to. It cannot be changed once set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
  },
};
