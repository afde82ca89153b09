// Service manifests the Service tests (service-oracle.test.ts, service.test.ts) read with -f.

function svc(name: string, spec: string, meta = ""): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${meta}spec:\n${spec}`;
}

const WEB = svc("web", "  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n", "  labels:\n    app: web\n");

export const SERVICE_FILES: Record<string, string> = {
  "web.yaml": WEB,
  "svcs.yaml": [
    WEB,
    svc("np", "  type: NodePort\n  selector:\n    app: nginx\n  ports:\n  - name: http\n    port: 80\n    nodePort: 30080\n  - name: https\n    port: 443\n    targetPort: 8443\n"),
    svc("lb", "  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n  - port: 8080\n    targetPort: http\n    protocol: TCP\n"),
    svc("ext", "  type: ExternalName\n  externalName: db.example.com\n"),
    svc("hl", "  clusterIP: None\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n"),
    svc("dns", "  clusterIP: 10.96.0.10\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: dns-tcp\n    port: 53\n    protocol: TCP\n", "  namespace: dev\n  annotations:\n    note: kube-dns look-alike\n"),
    svc("ips", "  externalIPs:\n  - 192.0.2.10\n  sessionAffinity: ClientIP\n  ports:\n  - port: 80\n"),
  ].join("---\n"),
  "np.yaml": svc("np", "  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n"),
  "np-taken.yaml": svc("np2", "  type: NodePort\n  ports:\n  - port: 8080\n    nodePort: 30080\n"),
  "np-range.yaml": svc("np3", "  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n"),
  "np-auto.yaml": svc("np4", "  type: NodePort\n  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 81\n"),
  "np-on-clusterip.yaml": svc("np5", "  ports:\n  - port: 80\n    nodePort: 30001\n"),
  "np-dup.yaml": svc("np6", "  type: NodePort\n  ports:\n  - name: a\n    port: 80\n    nodePort: 30002\n  - name: b\n    port: 81\n    nodePort: 30002\n"),
  "ip-taken.yaml": svc("ip1", "  clusterIP: 10.96.0.1\n  ports:\n  - port: 80\n"),
  "ip-range.yaml": svc("ip2", "  clusterIP: 10.0.0.5\n  ports:\n  - port: 80\n"),
  "ip-ok.yaml": svc("ip3", "  clusterIP: 10.96.0.50\n  ports:\n  - port: 80\n"),
  "ip-bad.yaml": svc("ip4", "  clusterIP: 10.96.0.300\n  ports:\n  - port: 80\n"),
  "web-ip.yaml": WEB.replace("spec:\n", "spec:\n  clusterIP: 10.96.7.7\n"),
  "web-np.yaml": WEB.replace("spec:\n", "spec:\n  type: NodePort\n"),
  "bad-type.yaml": svc("bad", "  type: Foo\n  ports:\n  - port: 80\n"),
  "no-names.yaml": svc("bad", "  ports:\n  - port: 80\n  - port: 81\n"),
  "dup-names.yaml": svc("bad", "  ports:\n  - name: http\n    port: 80\n  - name: http\n    port: 81\n"),
  "dup-ports.yaml": svc("bad", "  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n"),
  "no-ports.yaml": svc("bad", "  selector:\n    app: web\n"),
  "no-extname.yaml": svc("bad", "  type: ExternalName\n"),
  "bad-extname.yaml": svc("bad", "  type: ExternalName\n  externalName: Not_A_Host\n"),
  "bad-ports.yaml": svc("bad", "  ports:\n  - name: Web\n    port: 0\n    protocol: HTTP\n    targetPort: 70000\n"),
  "bad-selector.yaml": svc("bad", "  selector:\n    app: -x-\n  ports:\n  - port: 80\n"),
  "bad-name.yaml": svc("1web", "  ports:\n  - port: 80\n"),
  "headless-np.yaml": svc("bad", "  type: NodePort\n  clusterIP: None\n  ports:\n  - port: 80\n"),
  "dns-pod.yaml":
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: dns\n  labels:\n    app: dns\nspec:\n  containers:\n  - name: dns\n    image: coredns/coredns:1.11.1\n    ports:\n    - containerPort: 53\n      protocol: UDP\n    - containerPort: 53\n      protocol: TCP\n    - containerPort: 9153\n",
  "bare-pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 80\n",
  "expr-deploy.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: expr\nspec:\n  replicas: 0\n  selector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values: [a, b]\n  template:\n    metadata:\n      labels:\n        app: a\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        ports:\n        - containerPort: 80\n",
  "expr2-deploy.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: expr2\nspec:\n  replicas: 0\n  selector:\n    matchLabels:\n      app: a\n    matchExpressions:\n    - key: tier\n      operator: NotIn\n      values: [db]\n  template:\n    metadata:\n      labels:\n        app: a\n    spec:\n      containers:\n      - name: c\n        image: nginx\n",
  "bad-affinity.yaml": svc("bad", "  sessionAffinity: Sticky\n  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n"),
};
