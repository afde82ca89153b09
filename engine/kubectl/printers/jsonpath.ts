// kubectl's JSONPath printer (`-o jsonpath=`, `-o jsonpath-as-json=`,
// `-o jsonpath-file=`; cli-runtime printers/jsonpath.go) over the parser
// (jsonpath-parse.ts) and evaluator (jsonpath-eval.ts), with kubectl's
// messages, and the relaxed paths of custom columns.
//
// Missing keys print nothing (kubectl allows missing keys by default). Like
// kubectl, a compiled template keeps the state `range` leaves behind, so
// printing a second object with a `{range}` template fails
// (`not in range, nothing to end`).

import { goSyntax } from "./go/fmt.ts";
import { quote } from "./go/strconv.ts";
import type { GoValue } from "./go/value.ts";
import { JsonPath, type JsonPathOptions } from "./jsonpath-eval.ts";
import { type JpList, JsonPathError, parseJsonPath } from "./jsonpath-parse.ts";
import { PrinterError } from "./printer-error.ts";

export { JsonPath, type JsonPathOptions } from "./jsonpath-eval.ts";
export { JsonPathError, parseJsonPath } from "./jsonpath-parse.ts";

/** The JSONPath printer of `kubectl -o jsonpath=TEMPLATE` (and jsonpath-as-json). */
export class JsonPathPrinter {
  constructor(
    private readonly template: string,
    private readonly jsonPath: JsonPath,
  ) {}

  /** Print one object as kubectl does; throws PrinterError with kubectl's message. */
  execute(data: unknown): string {
    try {
      return this.jsonPath.execute(data);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      const dump =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${data === undefined || data === null ? "<nil>" : goSyntax(data as GoValue)}\n\n`;
      const err = new PrinterError(`error executing jsonpath ${quote(this.template)}: ${dump}\n`);
      err.cause = e;
      throw err;
    }
  }
}

/**
 * Compile `-o jsonpath=TEMPLATE` as kubectl does; a bad template throws
 * PrinterError (`error parsing jsonpath TEMPLATE, REASON`).
 */
export function compileJsonPath(template: string, options: JsonPathOptions = {}): JsonPathPrinter {
  if (template.length === 0) throw new PrinterError("template format specified but no template given");
  let root: JpList;
  try {
    root = parseJsonPath(template);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    const err = new PrinterError(`error parsing jsonpath ${template}, ${e.message}`);
    err.cause = e;
    throw err;
  }
  return new JsonPathPrinter(template, new JsonPath(root, options));
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression (custom columns): `metadata.name`,
 * `.metadata.name`, `{metadata.name}` and `{.metadata.name}` all become
 * `{.metadata.name}`. `-o jsonpath=` does not relax its template.
 */
export function relaxedJsonPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = RELAXED.exec(pathExpression);
  if (!m) {
    throw new PrinterError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] || m[2]}}`;
}
