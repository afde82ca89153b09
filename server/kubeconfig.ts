// The kubeconfig a learner downloads for their sandbox: the context, cluster
// and user names the built-in kubectl uses, the sandbox's URL and its token.
import { stringify } from "yaml";
import { DEFAULT_KUBECONFIG } from "../engine/kubectl/types.ts";

/**
 * `certificateAuthority`: the PEM certificate the server presents, when it
 * serves TLS itself with a certificate clients cannot otherwise verify.
 * (kubectl sends a bearer token only over TLS.)
 */
export function kubeconfigYaml(server: string, token: string, certificateAuthority?: string): string {
  const k = DEFAULT_KUBECONFIG;
  const cluster: Record<string, string> = { server };
  if (certificateAuthority) cluster["certificate-authority-data"] = btoa(certificateAuthority);
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ cluster, name: k.cluster }],
    contexts: [{ context: { cluster: k.cluster, user: k.user }, name: k.context }],
    "current-context": k.context,
    preferences: {},
    users: [{ name: k.user, user: { token } }],
  });
}
