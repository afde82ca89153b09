// Manifests the write tests (write-oracle.test.ts, write.test.ts) read with -f.

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  labels:
    app: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

export const WRITE_FILES: Record<string, string> = {
  "d.yaml": DEPLOY,
  "d2.yaml": DEPLOY.replace("replicas: 2", "replicas: 4").replace("nginx:1.25", "nginx:1.26"),
  "d3.yaml": DEPLOY.replace("  labels:\n    app: hello\nspec", "  labels:\n    app: hello\n    tier: web\nspec").replace("      - name: nginx\n        image: nginx:1.25\n", "      - name: nginx\n        image: nginx:1.25\n        ports:\n        - containerPort: 80\n"),
  "unknown.yaml": DEPLOY.replace("  replicas: 2\n", "  replicas: 2\n  foo: 1\n"),
  "invalid.yaml": DEPLOY.replace("replicas: 2", "replicas: -1"),

  "foo.yaml": "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n",
  "cm.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n',
  "cm2.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n  b: three\n',
  "list.yaml":
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n  data:\n    k: v\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: two\n  stringData:\n    pw: s3cret\n',
  "pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: main\n    image: nginx:1.25\n",
  "ns-dev.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: dev\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: api\n        image: nginx:1.16.1\n",
  "nginx.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\nspec:\n  replicas: 5\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.14.2\n        ports:\n        - containerPort: 80\n",
  "app.properties": "color=blue\nsize=10\n",
};
