// Text forms shared by the table printers: label maps, label selectors and the
// CONTAINERS/IMAGES cells, as apimachinery's labels package and printers.go
// render them.

import { selectorFromLabelSelector } from "../labels.ts";
import type { Container, LabelSelector } from "../types.ts";

export { formatLabels, formatLabelSelector } from "../labels.ts";

/**
 * metav1.LabelSelectorAsSelector(sel).String(): "" for a missing or empty
 * selector, undefined where Go returns an error (the caller picks the cell
 * text: `<invalid>` for deployments, `<error>` for replica sets).
 */
export function labelSelectorString(sel: LabelSelector | undefined | null): string | undefined {
  if (!sel) return "";
  try {
    return selectorFromLabelSelector(sel).toString();
  } catch {
    return undefined;
  }
}

/** printers.go layoutContainerCells: names and images, each joined by `,`. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(","), list.map((c) => c.image ?? "").join(",")];
}
