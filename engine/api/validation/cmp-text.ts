// go-cmp's text layout (report_text.go): records are first collapsed onto one
// line where possible (formatCompactTo: no -/+ inside, no comments, and for a
// removed/inserted value at most 80 columns), then written out with a "  ",
// "- " or "+ " marker and tab indentation, keys and comments aligned in runs.

export interface TWrap {
  prefix: string;
  list: TRec[];
  suffix: string;
}
export type TNode = string | TWrap;
export interface TRec {
  diff: "" | "-" | "+";
  key: string;
  value: TNode;
  elideComma?: boolean;
  comment?: string;
}

export const MAX_COLUMN = 80;

type D = "" | "-" | "+";

export function compact(node: TNode, d: D): TNode {
  if (typeof node === "string") return node;
  let multiLine = false;
  const parts: string[] = [];
  const list = node.list.map((r) => {
    const value = compact(r.value, r.diff || d);
    if (r.diff === "-" || r.diff === "+" || typeof value !== "string" || r.comment !== undefined) multiLine = true;
    parts.push((r.key ? r.key + ": " : "") + (typeof value === "string" ? value : ""));
    return { ...r, value };
  });
  const text = parts.join(", ");
  if ((d === "-" || d === "+") && text.length > MAX_COLUMN) multiLine = true;
  return multiLine ? { ...node, list } : node.prefix + text + node.suffix;
}

export function indent(n: number, d: D): string {
  return (d === "-" ? "- " : d === "+" ? "+ " : "  ") + "\t".repeat(n);
}

function alignLens(list: TRec[], skip: (r: TRec) => boolean, len: (r: TRec) => number): number[] {
  const lens = new Array<number>(list.length).fill(0);
  let start = 0;
  let end = 0;
  let max = 0;
  const close = () => {
    for (let j = start; j < end; j++) lens[j] = max - len(list[j]!);
  };
  list.forEach((r, i) => {
    if (skip(r)) {
      close();
      start = end = i + 1;
      max = 0;
    } else {
      max = Math.max(max, len(r));
      end = i + 1;
    }
  });
  close();
  return lens;
}

export function expand(node: TNode, d: D, n: number): string {
  if (typeof node === "string") return node;
  return node.prefix + expandList(node.list, d, n) + node.suffix;
}

function expandList(list: TRec[], d: D, n: number): string {
  if (list.length === 0) return "";
  const isLine = (r: TRec) => typeof r.value === "string";
  const keyPad = alignLens(list, (r) => r.key === "" || !isLine(r), (r) => [...r.key].length);
  const valuePad = alignLens(list, (r) => !isLine(r) || r.value === "..." || r.comment === undefined, (r) => [...(r.value as string)].length);
  let out = "";
  if (list.every((r) => r.key === "" && isLine(r) && r.comment === undefined)) {
    // simple lists are batched onto lines of at most 80 columns
    let batch = "";
    const emit = () => {
      if (batch.length > 0) out += "\n" + indent(n + 1, d) + batch.trimEnd();
      batch = "";
    };
    for (const r of list) {
      const line = r.value as string;
      if (batch.length + line.length + 2 > MAX_COLUMN) emit();
      batch += line + ", ";
    }
    emit();
    return out + "\n" + indent(n, d);
  }
  list.forEach((r, i) => {
    out += "\n" + indent(n + 1, r.diff || d);
    if (r.key) out += r.key + ": ";
    out += " ".repeat(keyPad[i]!);
    out += expand(r.value, r.diff || d, n + 1);
    if (!r.elideComma) out += ",";
    out += " ".repeat(valuePad[i]!);
    if (r.comment !== undefined) out += " // " + r.comment;
  });
  return out + "\n" + indent(n, d);
}

