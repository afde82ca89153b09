// Generator (a Node script, not part of the engine) for ../messages.ts: the
// protobuf layout of the Go structs the API server's kinds are made of, read
// from the struct tags of k8s.io/api and k8s.io/apimachinery at one tag.
//
//   npx tsx engine/api/protobuf/tools/generate-messages.ts <api git dir> <apimachinery git dir> [tag]
//
// The git dirs are clones of github.com/kubernetes/api and
// github.com/kubernetes/apimachinery (bare is fine); tag defaults to v0.32.13.
// It prints the TypeScript module on stdout.

import { execFileSync } from "node:child_process";

const [apiDir, machineryDir, tag = "v0.32.13"] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  process.stderr.write("usage: generate-messages.ts <api git dir> <apimachinery git dir> [tag]\n");
  process.exit(2);
}

/** Go import path → our package key (as in ../../schema/go-types.ts, plus the packages it does not have). */
const PACKAGES: Record<string, { key: string; repo: string; files: string[] }> = {
  "k8s.io/api/core/v1": { key: "core", repo: apiDir, files: ["core/v1/types.go"] },
  "k8s.io/api/apps/v1": { key: "apps", repo: apiDir, files: ["apps/v1/types.go"] },
  "k8s.io/api/autoscaling/v1": { key: "autoscalingv1", repo: apiDir, files: ["autoscaling/v1/types.go"] },
  "k8s.io/api/autoscaling/v2": { key: "autoscaling", repo: apiDir, files: ["autoscaling/v2/types.go"] },
  "k8s.io/api/policy/v1": { key: "policy", repo: apiDir, files: ["policy/v1/types.go"] },
  "k8s.io/api/discovery/v1": { key: "discovery", repo: apiDir, files: ["discovery/v1/types.go"] },
  "k8s.io/api/storage/v1": { key: "storage", repo: apiDir, files: ["storage/v1/types.go"] },
  "k8s.io/api/batch/v1": { key: "batch", repo: apiDir, files: ["batch/v1/types.go"] },
  "k8s.io/api/networking/v1": { key: "networking", repo: apiDir, files: ["networking/v1/types.go"] },
  "k8s.io/api/rbac/v1": { key: "rbac", repo: apiDir, files: ["rbac/v1/types.go"] },
  "k8s.io/api/scheduling/v1": { key: "scheduling", repo: apiDir, files: ["scheduling/v1/types.go"] },
  "k8s.io/apimachinery/pkg/apis/meta/v1": { key: "meta", repo: machineryDir, files: ["pkg/apis/meta/v1/types.go"] },
  "k8s.io/apimachinery/pkg/api/resource": { key: "resource", repo: machineryDir, files: [] },
  "k8s.io/apimachinery/pkg/util/intstr": { key: "intstr", repo: machineryDir, files: [] },
  "k8s.io/apimachinery/pkg/runtime": { key: "runtime", repo: machineryDir, files: [] },
  "k8s.io/apimachinery/pkg/types": { key: "types", repo: machineryDir, files: [] },
};

/** Types with hand-written protobuf and JSON (see ../special.ts): not expanded. */
const SPECIAL = new Set([
  "meta.Time", "meta.MicroTime", "meta.Duration", "meta.FieldsV1", "runtime.RawExtension",
  "resource.Quantity", "intstr.IntOrString",
]);

/** The kinds whose request bodies are decoded: apiVersion, kind, struct key. */
const ROOTS: [string, string, string][] = [
  ["v1", "ConfigMap", "core.ConfigMap"], ["v1", "Endpoints", "core.Endpoints"], ["v1", "Event", "core.Event"],
  ["v1", "Namespace", "core.Namespace"], ["v1", "Node", "core.Node"],
  ["v1", "PersistentVolume", "core.PersistentVolume"], ["v1", "PersistentVolumeClaim", "core.PersistentVolumeClaim"],
  ["v1", "Pod", "core.Pod"], ["v1", "Secret", "core.Secret"], ["v1", "Service", "core.Service"],
  ["v1", "ServiceAccount", "core.ServiceAccount"], ["v1", "Binding", "core.Binding"],
  ["v1", "ResourceQuota", "core.ResourceQuota"], ["v1", "LimitRange", "core.LimitRange"],
  ["apps/v1", "ControllerRevision", "apps.ControllerRevision"], ["apps/v1", "DaemonSet", "apps.DaemonSet"],
  ["apps/v1", "Deployment", "apps.Deployment"], ["apps/v1", "ReplicaSet", "apps.ReplicaSet"],
  ["apps/v1", "StatefulSet", "apps.StatefulSet"],
  ["autoscaling/v1", "HorizontalPodAutoscaler", "autoscalingv1.HorizontalPodAutoscaler"],
  ["autoscaling/v1", "Scale", "autoscalingv1.Scale"],
  ["autoscaling/v2", "HorizontalPodAutoscaler", "autoscaling.HorizontalPodAutoscaler"],
  ["policy/v1", "Eviction", "policy.Eviction"],
  ["policy/v1", "PodDisruptionBudget", "policy.PodDisruptionBudget"],
  ["batch/v1", "Job", "batch.Job"], ["batch/v1", "CronJob", "batch.CronJob"],
  ["networking.k8s.io/v1", "Ingress", "networking.Ingress"],
  ["rbac.authorization.k8s.io/v1", "Role", "rbac.Role"], ["rbac.authorization.k8s.io/v1", "ClusterRole", "rbac.ClusterRole"],
  ["rbac.authorization.k8s.io/v1", "RoleBinding", "rbac.RoleBinding"],
  ["rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "rbac.ClusterRoleBinding"],
  ["scheduling.k8s.io/v1", "PriorityClass", "scheduling.PriorityClass"],
  ["discovery.k8s.io/v1", "EndpointSlice", "discovery.EndpointSlice"],
  ["storage.k8s.io/v1", "StorageClass", "storage.StorageClass"],
  ["meta.k8s.io/v1", "DeleteOptions", "meta.DeleteOptions"],
];

interface Field { num: number; goName: string; json: string; type: string }
const structs = new Map<string, Field[]>();
const named = new Map<string, string>([["types.UID", "string"]]);

function show(repo: string, path: string): string {
  return execFileSync("git", ["--git-dir", repo, "show", `${tag}:${path}`], { encoding: "utf8", maxBuffer: 64 << 20 });
}

/** A Go type expression in package `pkg` with `imports` → our notation ("*meta.Time", "[]core.Container"). */
function resolve(expr: string, pkg: string, imports: Map<string, string>): string {
  if (expr.startsWith("*")) return "*" + resolve(expr.slice(1), pkg, imports);
  if (expr === "[]byte") return "[]byte";
  if (expr.startsWith("[]")) return "[]" + resolve(expr.slice(2), pkg, imports);
  if (expr.startsWith("map[")) {
    const close = expr.indexOf("]");
    return `map[${resolve(expr.slice(4, close), pkg, imports)}]${resolve(expr.slice(close + 1), pkg, imports)}`;
  }
  if (/^(string|bool|int32|int64|int|float64|uint8|byte)$/.test(expr)) return expr === "byte" ? "uint8" : expr;
  const dot = expr.indexOf(".");
  if (dot < 0) return `${pkg}.${expr}`;
  const alias = expr.slice(0, dot);
  const key = imports.get(alias);
  if (!key) throw new Error(`unknown import ${alias} in ${expr}`);
  return `${key}.${expr.slice(dot + 1)}`;
}

for (const [, info] of Object.entries(PACKAGES)) {
  for (const file of info.files) {
    const src = show(info.repo, file);
    const imports = new Map<string, string>();
    for (const m of src.matchAll(/^\s*(\w+\s+)?"([^"]+)"\s*$/gm)) {
      const pk = PACKAGES[m[2]!];
      if (!pk) continue;
      const alias = m[1]?.trim() ?? m[2]!.split("/").pop()!;
      imports.set(alias, pk.key);
    }
    const lines = src.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const s = /^type (\w+) struct \{\s*$/.exec(line);
      if (s) {
        const fields: Field[] = [];
        let inComment = false;
        for (i++; lines[i] !== "}"; i++) {
          const l = lines[i]!.trim();
          if (l.startsWith("/*")) inComment = true;
          if (inComment) {
            if (l.endsWith("*/")) inComment = false;
            continue;
          }
          if (l === "" || l.startsWith("//")) continue;
          const f = /^(?:(\w+)\s+)?([^\s`]+)\s+`(.*)`$/.exec(l);
          if (!f) throw new Error(`${file}: cannot read field line ${JSON.stringify(l)}`);
          const tags = f[3]!;
          const proto = /protobuf:"([^"]*)"/.exec(tags)?.[1];
          if (!proto || proto === "-") continue;
          const [, num, , ...opts] = proto.split(",");
          const json = /json:"([^"]*)"/.exec(tags)?.[1] ?? "";
          const type = resolve(f[2]!, info.key, imports);
          const goName = f[1] ?? f[2]!.replace(/^\*/, "").split(".").pop()!;
          void opts;
          fields.push({ num: Number(num), goName, json, type });
        }
        structs.set(`${info.key}.${s[1]}`, fields);
        continue;
      }
      const t = /^type (\w+) ([\w.[\]*]+)\s*$/.exec(line);
      if (t) named.set(`${info.key}.${t[1]}`, resolve(t[2]!, info.key, imports));
    }
  }
}

// The closure of the roots: every struct and named type they reach.
const usedStructs = new Set<string>();
const usedNamed = new Set<string>();
function visitType(type: string): void {
  const t = type.replace(/^\*/, "");
  if (t.startsWith("[]")) return visitType(t.slice(2));
  if (t.startsWith("map[")) {
    const close = t.indexOf("]");
    visitType(t.slice(4, close));
    return visitType(t.slice(close + 1));
  }
  if (!t.includes(".") || SPECIAL.has(t)) return;
  if (structs.has(t)) {
    if (usedStructs.has(t)) return;
    usedStructs.add(t);
    for (const f of structs.get(t)!) visitType(f.type);
    return;
  }
  if (named.has(t)) {
    usedNamed.add(t);
    return visitType(named.get(t)!);
  }
  throw new Error(`unknown type ${t}`);
}
for (const [, , key] of ROOTS) visitType(key);

const out: string[] = [];
out.push(
  `// GENERATED by tools/generate-messages.ts from the Go struct tags of`,
  `// k8s.io/api and k8s.io/apimachinery ${tag} (protobuf:"<wire>,<number>,..." and`,
  `// json:"..."); do not edit by hand, rerun the generator.`,
  `//`,
  `// MESSAGES: Go struct → its fields that have a protobuf number, in Go`,
  `// declaration order, as [number, Go field name, json tag, type]. A json tag`,
  `// ",inline" is an embedded struct: a nested message in protobuf, flattened in`,
  `// JSON. Types: string, bool, int32, int64, int, float64, []byte, "*T" (a`,
  `// pointer), "[]T", "map[K]V", "<pkg>.<Name>" (a struct of MESSAGES, a named type`,
  `// of NAMED_TYPES, or one of the special types of special.ts).`,
  ``,
  `export type ProtoField = readonly [number: number, goName: string, json: string, type: string];`,
  ``,
  `/** The kinds whose bodies are decoded: apiVersion, kind, struct. */`,
  `export const PROTO_KINDS: readonly (readonly [apiVersion: string, kind: string, type: string])[] = [`,
  ...ROOTS.map(([a, k, t]) => `  [${JSON.stringify(a)}, ${JSON.stringify(k)}, ${JSON.stringify(t)}],`),
  `];`,
  ``,
  `/** Named non-struct types → their underlying type. */`,
  `export const NAMED_TYPES: Readonly<Record<string, string>> = {`,
  ...[...usedNamed].sort().map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(named.get(n))},`),
  `};`,
  ``,
  `export const MESSAGES: Readonly<Record<string, readonly ProtoField[]>> = {`,
);
for (const key of [...usedStructs].sort()) {
  out.push(`  ${JSON.stringify(key)}: [`);
  for (const f of structs.get(key)!) {
    out.push(`    [${f.num}, ${JSON.stringify(f.goName)}, ${JSON.stringify(f.json)}, ${JSON.stringify(f.type)}],`);
  }
  out.push(`  ],`);
}
out.push(`};`, ``);
process.stdout.write(out.join("\n"));
process.stderr.write(`${usedStructs.size} messages, ${usedNamed.size} named types\n`);
