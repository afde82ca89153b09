// `-o/--output` and its companions (--template, --no-headers,
// --allow-missing-template-keys): which printer kubectl picks, with its
// errors, and the non-table printers (json, yaml, name, jsonpath,
// go-template, custom-columns) over objects in their wire form.
import type { KubeObject } from "../api/types.ts";
import { type CustomColumnsPrinter, compileCustomColumns, compileCustomColumnsFile } from "./printers/custom-columns.ts";
import { marshalIndent } from "./printers/go/json.ts";
import type { GoValue } from "./printers/go/value.ts";
import { compileGoTemplate } from "./printers/gotemplate.ts";
import { compileJsonPath } from "./printers/jsonpath.ts";
import { PrinterError } from "./printers/printer-error.ts";
import { toYaml } from "./printers/yaml.ts";
import { KubectlError } from "./types.ts";

export type Printer =
  | { kind: "table"; wide: boolean }
  | { kind: "custom-columns"; printer: CustomColumnsPrinter }
  | { kind: "object"; print(obj: unknown): string };

const GET_FORMATS =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

export interface OutputOptions {
  output: string;
  /** --template. */
  template: string;
  /** Whether -o was given (an explicit empty -o still counts). */
  outputSpecified: boolean;
  noHeaders: boolean;
  allowMissingKeys: boolean;
  readFile(path: string): string | undefined;
  /** The formats the command lists in its error (get's list by default). */
  allowedFormats?: string;
  /** Commands without tables (describe-less ones such as version) pass false. */
  humanReadable?: boolean;
}

export function jsonText(obj: unknown): string {
  return marshalIndent(obj as GoValue, "    ") + "\n";
}

export function yamlText(obj: unknown): string {
  return toYaml(obj);
}

/** NamePrinter: `kind.group/name` per object (a list prints its items). */
export function nameText(obj: unknown): string {
  const rec = obj as { items?: unknown[] };
  if (Array.isArray(rec.items) && (obj as KubeObject).kind?.endsWith("List")) return rec.items.map(nameText).join("");
  const o = obj as KubeObject;
  const kind = o.kind ?? "";
  const apiVersion = o.apiVersion ?? "";
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const name = o.metadata?.name || "<unknown>";
  if (kind === "") throw new KubectlError(`missing kind for resource with name ${name}`);
  return group ? `${kind.toLowerCase()}.${group}/${name}\n` : `${kind.toLowerCase()}/${name}\n`;
}

function readTemplateFile(o: OutputOptions, path: string): string {
  const text = o.readFile(path);
  if (text === undefined) throw new KubectlError(`error reading --template ${path}, open ${path}: no such file or directory\n`);
  return text;
}

/** PrintFlags.ToPrinter for `kubectl get`. Throws kubectl's errors. */
export function choosePrinter(o: OutputOptions): Printer {
  let format = o.output;
  if (o.template !== "" && format === "") format = "go-template";
  if (format === "" || format === "wide") {
    if (o.humanReadable === false) {
      throw new KubectlError(
        `unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: ${o.allowedFormats ?? GET_FORMATS}`,
      );
    }
    return { kind: "table", wide: format === "wide" };
  }
  if (format.startsWith("custom-columns=") || format === "custom-columns") {
    const spec = format.startsWith("custom-columns=") ? format.slice("custom-columns=".length) : "";
    return { kind: "custom-columns", printer: compileCustomColumns(spec, { noHeaders: o.noHeaders }) };
  }
  if (format.startsWith("custom-columns-file=") || format === "custom-columns-file") {
    const path = format.slice("custom-columns-file=".length);
    const text = o.readFile(path);
    if (text === undefined) throw new KubectlError(`open ${path}: no such file or directory`);
    return { kind: "custom-columns", printer: compileCustomColumnsFile(text) };
  }
  if (format === "json") return { kind: "object", print: jsonText };
  if (format === "yaml") {
    // YAMLPrinter separates the objects it prints (a watch prints many) with `---`.
    let count = 0;
    return { kind: "object", print: (obj) => (++count > 1 ? "---\n" : "") + yamlText(obj) };
  }
  if (format === "name") return { kind: "object", print: nameText };

  // Template printers: FORMAT=TEMPLATE, or FORMAT with --template.
  const templateFormats = ["go-template", "go-template-file", "template", "templatefile"];
  const jsonpathFormats = ["jsonpath", "jsonpath-as-json", "jsonpath-file"];
  let name = format;
  let value = "";
  if (o.template === "") {
    for (const f of [...templateFormats, ...jsonpathFormats]) {
      if (format.startsWith(f + "=")) {
        name = f;
        value = format.slice(f.length + 1);
        break;
      }
    }
  } else {
    value = o.template;
  }
  if (templateFormats.includes(name)) {
    if (value === "") throw new PrinterError("template format specified but no template given");
    const text = name.endsWith("file") ? readTemplateFile(o, value) : value;
    const printer = compileGoTemplate(text, { allowMissingKeys: o.allowMissingKeys });
    return { kind: "object", print: (obj) => printer.execute(obj) };
  }
  if (jsonpathFormats.includes(name)) {
    if (value === "") throw new PrinterError("template format specified but no template given");
    const text = name === "jsonpath-file" ? readTemplateFile(o, value) : value;
    const printer = compileJsonPath(text, { allowMissingKeys: o.allowMissingKeys, outputJson: name === "jsonpath-as-json" });
    return { kind: "object", print: (obj) => printer.execute(obj) };
  }
  throw new KubectlError(
    `unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: ${o.allowedFormats ?? GET_FORMATS}`,
  );
}
