// `kubectl set image` (kubectl pkg/cmd/set/set_image.go, v1.32):
// CONTAINER=IMAGE pairs (`*` for every container) applied to the pod
// templates of the objects named; init containers count. An unknown
// container is an error reported at the end; the other changes still go.
import type { Command, Invocation } from "../../command.ts";
import { AggregateError, KubectlError } from "../../types.ts";
import { toWire } from "../../wire.ts";
import { dryRunStrategy, fetchTargets, LOCAL_DRY_RUN_SERVER, LOCAL_RESOURCE_ERROR, localTargets, objectPrinter, resourcesAndPairs } from "../mutation.ts";
import { objectName, podSpecOf, sendChange, setFlags } from "./common.ts";

const FLAGS = setFlags("If true, set image will NOT contact api-server but run locally.");

function run(inv: Invocation): number {
  const f = inv.flags;
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, dryRun, { form: "typed" });
  const local = f.bool("local");
  const { resources, pairs } = resourcesAndPairs(inv.args, "image");
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") images.set(p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1));
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new KubectlError(`invalid image format: ${invalid.join(", ")}`);
  // Complete() reads the objects before Validate() looks at the flags.
  if (local && resources.length > 0) throw new KubectlError(LOCAL_RESOURCE_ERROR);
  const { targets, errors: fetchErrors } = local
    ? localTargets(inv, f.strings("filename"), { typed: true })
    : fetchTargets(inv, { args: resources, all: f.bool("all"), selector: f.string("selector"), filenames: f.strings("filename") });
  if (fetchErrors.length > 0) throw new AggregateError(fetchErrors);
  const problems: string[] = [];
  if (f.bool("all") && f.string("selector") !== "") problems.push("cannot set --all and --selector at the same time");
  if (resources.length < 1 && f.strings("filename").length === 0) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (images.size < 1) problems.push("at least one image update is required");
  else if (images.size > 1 && images.has("*")) problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  if (local && dryRun === "server") problems.push(LOCAL_DRY_RUN_SERVER);
  if (problems.length > 0) throw new AggregateError(problems.map((p) => new KubectlError(p)));

  const errors: unknown[] = [];
  const changed: Array<{ t: (typeof targets)[number]; original: unknown }> = [];
  for (const t of targets) {
    const original = toWire(t.object);
    try {
      const spec = podSpecOf(t);
      for (const [name, image] of images) {
        let found = false;
        for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
          if (c.name === name || name === "*") {
            c.image = image;
            found = true;
          }
        }
        if (!found) errors.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
      changed.push({ t, original });
    } catch (err) {
      if (!(err instanceof KubectlError)) throw err;
      changed.push({ t, original: err });
    }
  }
  for (const { t, original } of changed) {
    if (original instanceof KubectlError) {
      errors.push(new KubectlError(`error: ${objectName(t)} ${original.message}\n`));
      continue;
    }
    const err = sendChange({ inv, target: t, original, dryRun, printer, operation: "image updated", failure: (m) => `failed to patch image update to pod template: ${m}` });
    if (err) errors.push(err);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const setImageCommand: Command = {
  name: "image",
  short: "Update the image of a pod template",
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Run nginx:1.25 in the container app of the deployment web
  kubectl set image deployment/web app=nginx:1.25
  
  # The same image for every container, init containers included
  kubectl set image deployment/web '*=nginx:1.25'
  
  # Several containers at once
  kubectl set image deployment/web app=nginx:1.25 sidecar=busybox:1.36
  
  # Show the change to a manifest on disk, without the server
  kubectl set image -f web.yaml app=nginx:1.25 --local -o yaml`,
  use: "image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
  flags: FLAGS,
  run,
};
