import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OracleCase, describeOracle } from "../../../test/oracle/suite.ts";
import { TemplateExecError } from "./go/template/exec.ts";
import { FUNCS } from "./go/template/funcs.ts";
import { TemplateParseError, parseTemplate } from "./go/template/parse.ts";
import { executeTemplate } from "./go/template/exec.ts";
import { compileGoTemplate } from "./gotemplate.ts";
import { PrinterError } from "./printer-error.ts";

const pods = ["pods"];
const deploys = ["deployments"];
const gt = (t: string): string => `go-template=${t}`;

const cases: OracleCase[] = [
  // Values and how Go prints them.
  { name: "a string field", output: gt("{{.metadata.name}}") },
  { name: "an integer prints as int64", output: gt("{{.spec.replicas}}") },
  { name: "a map prints as map[k:v] with sorted keys", output: gt("{{.metadata.labels}}") },
  { name: "a list prints as [a b]", output: gt("{{.spec.template.spec.containers}}") },
  { name: "a boolean", output: gt("{{.spec.unschedulable}}"), get: ["node", "node-2"] },
  { name: "a missing key prints <no value>", output: gt("{{.spec.paused}}") },
  { name: "a field of a missing key prints <no value>", output: gt("{{.spec.missing.deeper}}") },
  { name: "text and escapes in string literals", output: gt('{{"a\\tb\\n"}}{{`raw\\n`}}') },
  { name: "a comment prints nothing", output: gt("{{/* a comment */}}{{.kind}}") },
  { name: "trim markers eat surrounding spaces", output: gt("  {{- .metadata.name -}}  \n  !") },
  // Range, if, with, variables.
  { name: "docs: range over items", output: gt('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'), get: pods },
  { name: "if eq kind inside range", output: gt('{{range .items}}{{if eq .kind "Deployment"}}{{.metadata.name}} {{end}}{{end}}'), get: deploys },
  { name: "range with index and element", output: gt("{{range $i, $c := .spec.template.spec.containers}}{{if $i}}, {{end}}{{$c.image}}{{end}}") },
  { name: "range over a map visits sorted keys", output: gt("{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}") },
  { name: "range over a map without variables", output: gt("{{range .metadata.labels}}[{{.}}]{{end}}") },
  { name: "range else for an empty list", output: gt("{{range .spec.volumes}}{{.name}}{{else}}no volumes{{end}}"), get: ["pod", "db-0"] },
  { name: "range over a string fails", output: gt("{{range .metadata.name}}x{{end}}") },
  { name: "range over a number fails", output: gt("{{range 3}}x{{end}}") },
  { name: "break and continue in range", output: gt('{{range .items}}{{if eq .status.phase "Pending"}}{{continue}}{{end}}{{if eq .metadata.name "crash-7d9f"}}{{break}}{{end}}{{.metadata.name}}{{end}}'), get: pods },
  { name: "nested ranges with $ for the root", output: gt('{{range .items}}{{$.kind}}:{{.metadata.name}}:{{range .spec.containers}}{{.image}} {{end}}{{"\\n"}}{{end}}'), get: pods },
  { name: "if / else if / else", output: gt('{{range .items}}{{if eq .status.phase "Running"}}R{{else if eq .status.phase "Pending"}}P{{else}}?{{end}}{{end}}'), get: pods },
  { name: "with binds dot", output: gt("{{with .status.readyReplicas}}ready={{.}}{{else}}none{{end}}") },
  { name: "with else for a missing key", output: gt("{{with .status.readyReplicas}}ready={{.}}{{else}}none{{end}}"), get: ["deployment", "api"] },
  { name: "else with (Go 1.23)", output: gt("{{with .x}}x{{else with .metadata}}{{.name}}{{end}}") },
  { name: "a field of a string bound by with fails", output: gt("{{with .metadata.name}}{{.first}}{{end}}") },
  { name: "variables: declare and assign", output: gt("{{$n := 0}}{{range .items}}{{$n = .spec.replicas}}{{end}}{{$n}}"), get: deploys },
  { name: "a condition status per condition", output: gt('{{range .status.conditions}}{{if eq .type "Available"}}{{.status}}{{end}}{{end}}') },
  // Functions.
  { name: "printf with padding and %d", output: gt('{{printf "%-20s %d\\n" .metadata.name .spec.replicas}}') },
  { name: "printf of a missing value", output: gt('{{printf "%s|%d|%v" .x .x .x}}') },
  { name: "printf with a piped argument", output: gt('{{.spec.replicas | printf "%03d"}}') },
  { name: "len of a list, a map and a string", output: gt('{{len .spec.template.spec.containers}} {{len .metadata.labels}} {{len "héllo"}}') },
  { name: "index into a map", output: gt('{{index .metadata.labels "app"}}') },
  { name: "index a key with dots", output: gt('{{index .metadata.annotations "deployment.kubernetes.io/revision"}}') },
  { name: "index into lists and maps", output: gt('{{index .spec.template.spec.containers 1 "image"}}') },
  { name: "index of a missing key", output: gt('{{index .metadata.labels "nope"}}') },
  { name: "index out of range fails", output: gt("{{index .spec.template.spec.containers 5}}") },
  { name: "index a map with a number fails", output: gt("{{index .metadata.labels 1}}") },
  { name: "slice a string and a list", output: gt('{{slice .metadata.name 1 3}} {{slice .spec.template.spec.containers 1}}') },
  { name: "comparisons", output: gt('{{eq .spec.replicas 3}} {{ne .kind "Pod"}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}') },
  { name: "eq with several candidates", output: gt('{{eq .metadata.name "api" "web"}}') },
  { name: "eq of a missing key is false", output: gt('{{eq .x "y"}}') },
  { name: "eq of a number and a string fails", output: gt('{{eq .spec.replicas "3"}}') },
  { name: "lt of maps fails", output: gt("{{lt .metadata.labels .metadata.labels}}") },
  { name: "and / or / not", output: gt('{{and .spec.replicas .metadata.name}} {{or .x "" "z"}} {{not .x}} {{and 1 0 2}}') },
  { name: "print and println", output: gt('{{print 1 2 "a" "b" 3 .missing nil}}|{{println .kind 1}}|') },
  { name: "html, js and urlquery", output: gt('{{html .data.mode}} {{js "a\'b\\"<c>="}} {{urlquery "a b&c=d/é"}} {{html .missing}}'), get: ["configmap", "app-config"] },
  { name: "cheat sheet: base64decode every secret key", output: gt('{{range $k,$v := .data}}{{"### "}}{{$k}}{{"\\n"}}{{$v|base64decode}}{{"\\n\\n"}}{{end}}'), get: ["secret", "db-credentials"] },
  { name: "base64decode of bad data fails", output: gt('{{base64decode "aGVsbG8"}}'), get: ["secret", "db-credentials"] },
  { name: "exists", output: gt('{{exists . "metadata" "labels" "app"}} {{exists . "metadata" "nope"}} {{exists .spec.template.spec.containers 1}}') },
  { name: "call of a non-function fails", output: gt("{{call .metadata.name}}") },
  { name: "parenthesized pipelines and chains", output: gt('{{(index .spec.template.spec.containers 0).image}} {{len (index .spec.template.spec.containers 0).ports}}') },
  { name: "define and template", output: gt('{{define "c"}}<{{.name}}>{{end}}{{range .spec.template.spec.containers}}{{template "c" .}}{{end}}') },
  { name: "block", output: gt('{{block "b" .metadata}}{{.name}}{{end}}!') },
  // Execution errors.
  { name: "a field of a string fails", output: gt("A{{.metadata.name.foo}}") },
  { name: "a field of null fails", output: gt("{{.data.x.y}}"), objects: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "n" }, data: { x: null } }], get: ["configmap", "n"] },
  { name: "wrong number of args", output: gt("{{and}}") },
  { name: "printf with a non-string format fails", output: gt("{{printf .spec.replicas}}") },
  { name: "an undefined template fails", output: gt('{{template "x"}}') },
  { name: "arguments to a non-function fail", output: gt("{{.metadata.name 1}}") },
  { name: "missing keys fail when not allowed", output: gt("{{.metadata.name}} {{.spec.paused}}"), flags: ["--allow-missing-template-keys=false"] },
  { name: "a missing key inside a missing key fails when not allowed", output: gt("{{.x.y}}"), flags: ["--allow-missing-template-keys=false"] },
  // Parse errors.
  { name: "unclosed action", output: gt("{{.metadata.name") },
  { name: "unclosed action on a later line", output: gt("a\n{{.x\n") },
  { name: "unexpected end", output: gt("{{end}}") },
  { name: "unexpected EOF in if", output: gt("{{if .x}}") },
  { name: "two elses", output: gt("{{range .x}}{{else}}{{else}}{{end}}") },
  { name: "undefined function", output: gt("{{foo .x}}") },
  { name: "undefined variable", output: gt("{{$x}}") },
  { name: "a non-executable pipeline stage", output: gt("{{.a | 3}}") },
  { name: "unterminated quoted string", output: gt('{{"abc}}') },
  { name: "bad number", output: gt("{{3x}}") },
  { name: "a dot after a field", output: gt("{{.a.}}") },
  { name: "unclosed paren", output: gt("{{(.a}}") },
  { name: "unexpected right paren", output: gt("{{.a)}}") },
  { name: "empty action", output: gt("{{}}") },
  { name: "a bad character", output: gt("{{.a#}}") },
  { name: "break outside range", output: gt("{{break}}") },
  { name: "missing value for if", output: gt("{{if}}{{end}}") },
  { name: "a lone brace is a bad character", output: gt("A{{.x}") },
  { name: "integer overflow", output: gt("{{99999999999999999999}}") },
  { name: "unclosed comment", output: gt("{{/* x }}") },
  // Flags and files.
  { name: "--template with -o go-template", output: "go-template", flags: ["--template={{.metadata.uid}}"] },
  { name: "-o template is go-template", output: "template={{.kind}}" },
  {
    name: "a template file with trimming",
    output: "go-template-file=t.tmpl",
    files: { "t.tmpl": "{{- range .items }}\n{{ .metadata.name }} {{ .status.phase }}\n{{- end }}\n" },
    get: pods,
  },
];

describeOracle("go-template matches kubectl", cases);

describe("compileGoTemplate", () => {
  it("reports an empty template as kubectl does", () => {
    expect(() => compileGoTemplate("")).toThrow("template format specified but no template given");
  });

  it("puts partial output and the debug dump on stdout", () => {
    try {
      compileGoTemplate("A{{.a.b}}").execute({ a: "x" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PrinterError);
      const err = e as PrinterError;
      // Go positions a field chain at its second field: column 5 here.
      expect(err.stdout.startsWith('AError executing template: template: output:1:5: executing "output" at <.a.b>')).toBe(true);
      expect(err.stderr).toBe(
        'error: error executing template "A{{.a.b}}": template: output:1:5: executing "output" at <.a.b>: can\'t evaluate field b in type interface {}\n',
      );
    }
  });

  it("counts error columns in bytes, as Go does", () => {
    expect(() => compileGoTemplate("é{{.a.b}}").execute({ a: 1 })).toThrow(/output:1:6:/);
  });

  it.each([
    ["{{.n}}", { n: 1.5 }, "1.5"],
    ["{{.n}}", { n: 1e21 }, "1e+21"],
    ["{{.n}}", { n: 0.0000015 }, "1.5e-06"],
    ["{{printf \"%.1f\" .n}}", { n: 0.25 }, "0.2"],
  ])("prints %s of %j as %j", (t, data, expected) => {
    expect(compileGoTemplate(t).execute(data)).toBe(expected);
  });
});

describe("go-template fuzz", () => {
  const funcs = new Set(FUNCS.keys());
  const pieces = fc.constantFrom(
    "{{", "}}", "{{-", "-}}", " ", ".", ".a", ".b", "$", "$x", ":=", "=", "|", "(", ")", "\"s\"", "`r`", "'c'",
    "1", "-2", "3.5", "0x1f", "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
    "nil", "true", "printf", "len", "index", "slice", "eq", "lt", "and", "not", "base64decode", "exists", "\n", "/*", "*/", ",", "%d", "x",
  );
  const template = fc.array(pieces, { maxLength: 25 }).map((a) => a.join(""));
  const data = { a: { b: [1, "x", null], c: "s" }, b: 2 };

  it("parses or fails with TemplateParseError, runs or fails with TemplateExecError", () => {
    fc.assert(
      fc.property(template, (t) => {
        let parsed;
        try {
          parsed = parseTemplate("output", t, funcs);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateParseError);
          return;
        }
        try {
          executeTemplate(parsed, "output", data);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateExecError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("arbitrary text only ever fails with PrinterError", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        try {
          compileGoTemplate(t).execute(data);
        } catch (e) {
          expect(e).toBeInstanceOf(PrinterError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
