// kubectl's go-template printer (`-o go-template=`, `--template`,
// `-o go-template-file=`): Go's text/template over the object as JSON-decoded
// maps, with kubectl's extra functions `exists` and `base64decode`
// (cli-runtime printers/template.go), and kubectl's messages:
//
//   parse:   error: error parsing template TEMPLATE, template: output:1: ...
//   execute: the partial output and a debugging dump go to stdout, then
//            error: error executing template "TEMPLATE": template: output:1:5: executing "output" at <...>: ...
//
// Missing keys print `<no value>` (missingkey=default); with
// allowMissingKeys false (`--allow-missing-template-keys=false`) they fail.

import { formatValue } from "./go/fmt.ts";
import { marshal } from "./go/json.ts";
import { quote } from "./go/strconv.ts";
import { executeTemplate, TemplateExecError } from "./go/template/exec.ts";
import { FUNCS } from "./go/template/funcs.ts";
import { type ParsedTemplates, TemplateParseError, parseTemplate } from "./go/template/parse.ts";
import type { GoValue } from "./go/value.ts";
import { PrinterError } from "./printer-error.ts";

export { TemplateExecError } from "./go/template/exec.ts";
export { TemplateParseError } from "./go/template/parse.ts";

/** The template's name in kubectl, which every message shows. */
const NAME = "output";

const FUNC_NAMES: ReadonlySet<string> = new Set(FUNCS.keys());

export interface GoTemplateOptions {
  /** `--allow-missing-template-keys` (default true). */
  allowMissingKeys?: boolean;
}

export class GoTemplatePrinter {
  constructor(
    private readonly raw: string,
    private readonly templates: ParsedTemplates,
    private readonly allowMissingKeys: boolean,
  ) {}

  /** Print one object; throws PrinterError with kubectl's stdout and message. */
  execute(data: unknown): string {
    try {
      return executeTemplate(this.templates, NAME, data, this.allowMissingKeys ? "default" : "error");
    } catch (e) {
      if (!(e instanceof TemplateExecError)) throw e;
      const obj = (data ?? null) as GoValue;
      const stdout =
        e.output +
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.raw}\n` +
        `\traw data was:\n\t\t${marshal(obj)}\n` +
        `\tobject given to template engine was:\n\t\t${formatValue(obj)}\n\n`;
      const err = new PrinterError(`error executing template ${quote(this.raw)}: ${e.message}`, stdout);
      err.cause = e;
      throw err;
    }
  }
}

/** Compile a go-template as kubectl does; a bad one throws PrinterError. */
export function compileGoTemplate(text: string, options: GoTemplateOptions = {}): GoTemplatePrinter {
  if (text.length === 0) throw new PrinterError("template format specified but no template given");
  let templates: ParsedTemplates;
  try {
    templates = parseTemplate(NAME, text, FUNC_NAMES);
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e;
    const err = new PrinterError(`error parsing template ${text}, ${e.message}`);
    err.cause = e;
    throw err;
  }
  return new GoTemplatePrinter(text, templates, options.allowMissingKeys ?? true);
}
