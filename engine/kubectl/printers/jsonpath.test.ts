import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OracleCase, describeOracle } from "../../../test/oracle/suite.ts";
import { JsonPath, JsonPathError, compileJsonPath, parseJsonPath, relaxedJsonPathExpression } from "./jsonpath.ts";
import { PrinterError } from "./printer-error.ts";

const pods = ["pods"];
const deploys = ["deployments"];
const nodes = ["nodes"];

const cases: OracleCase[] = [
  // Fields and the printing of each kind of value.
  { name: "a string field prints raw", output: "jsonpath={.metadata.name}" },
  { name: "an integer prints without exponent or decimals", output: "jsonpath={.spec.replicas}" },
  { name: "a map prints as compact JSON with sorted keys", output: "jsonpath={.metadata.labels}" },
  { name: "a list prints as compact JSON", output: "jsonpath={.spec.template.spec.containers[0].ports}" },
  { name: "a boolean prints as true/false", output: "jsonpath={.status.containerStatuses[0].ready}", get: ["pod", "crash-7d9f"] },
  { name: "JSON output escapes <, > and & like Go", output: "jsonpath={.data}", get: ["configmap", "app-config"] },
  { name: "a missing field prints nothing", output: "jsonpath={.spec.paused}" },
  { name: "a field of a string prints nothing", output: "jsonpath={.metadata.name.first}" },
  { name: "text around actions is printed as is", output: "jsonpath=name={.metadata.name} replicas={.spec.replicas}\\n" },
  { name: "quoted text in an action gets escapes", output: 'jsonpath={.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}' },
  { name: "single-quoted text works too", output: "jsonpath={'x'}{.kind}{'\\u0041'}" },
  { name: "a template without braces is literal text", output: "jsonpath=.metadata.name" },
  { name: "{$} prints the whole object", output: "jsonpath={$}", get: ["configmap", "app-config"] },
  { name: "{@} prints the whole object", output: "jsonpath={@}", get: ["secret", "db-credentials"] },
  { name: "an empty action prints the whole object", output: "jsonpath={}", get: ["secret", "db-credentials"] },
  { name: "escaped dots in a key", output: "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}" },
  { name: "cheat sheet: a config map key with a dot", output: "jsonpath={.data.ca\\.crt}", get: ["configmap", "app-config"] },
  { name: "cheat sheet: a secret key starting with a dot", output: "jsonpath={.data.\\.dockerconfigjson}", get: ["secret", "db-credentials"] },
  { name: "a quoted key in brackets", output: "jsonpath={.metadata['name']}" },
  { name: "dots in a bracketed key still split it (client-go quirk)", output: "jsonpath={.metadata.annotations['deployment.kubernetes.io/revision']}" },
  // Arrays.
  { name: "docs: the first item", output: "jsonpath={.items[0].metadata.name}", get: pods },
  { name: "a negative index counts from the end", output: "jsonpath={.items[-1].metadata.name}", get: pods },
  { name: "docs: a slice from the end", output: "jsonpath={.items[-1:].metadata.name}", get: pods },
  { name: "a slice with a step", output: "jsonpath={.items[0:3:2].metadata.name}", get: pods },
  { name: "a zero-length slice prints nothing", output: "jsonpath={.items[1:1].metadata.name}", get: pods },
  { name: "a wildcard over a list", output: "jsonpath={.items[*].metadata.name}", get: pods },
  { name: "a union of indexes", output: "jsonpath={.items[2,0].metadata.name}", get: pods },
  { name: "docs: a union of quoted keys", output: "jsonpath={.items[*]['metadata.name', 'status.capacity']}", get: nodes },
  { name: "an index past the end fails", output: "jsonpath={.items[7].metadata.name}", get: pods },
  { name: "a slice past the end fails", output: "jsonpath={.spec.template.spec.containers[0:5].name}" },
  { name: "a start after the end fails", output: "jsonpath={.items[2:1].metadata.name}", get: pods },
  { name: "a zero step fails", output: "jsonpath={.items[0:2:0].metadata.name}", get: pods },
  { name: "indexing a string fails", output: "jsonpath={.metadata.name[0]}" },
  { name: "indexing an integer fails", output: "jsonpath={.spec.replicas[0]}" },
  { name: "indexing a map fails", output: "jsonpath={.metadata.labels[0]}" },
  { name: "a wildcard over a map's values", output: "jsonpath={.metadata.labels.*}", unordered: true },
  { name: "a wildcard over a string gives its bytes", output: "jsonpath={.kind.*}" },
  // Recursive descent.
  { name: "recursive descent finds names at every depth", output: "jsonpath={..image}", unordered: true },
  { name: "docs: recursive descent for names", output: "jsonpath={..containerPort}" },
  { name: "two recursive descents in a row fail to parse", output: "jsonpath={.....name}" },
  // Filters.
  { name: "cheat sheet: filter nodes' external IPs", output: 'jsonpath={.items[*].status.addresses[?(@.type=="ExternalIP")].address}', get: nodes },
  { name: "docs: filter items by name", output: 'jsonpath={.items[?(@.metadata.name=="web")].spec.replicas}', get: deploys },
  { name: "filter with a condition status", output: 'jsonpath={.status.conditions[?(@.type=="Available")].status}' },
  { name: "filter with != and single quotes", output: "jsonpath={.status.conditions[?(@.type!='Available')].type}" },
  { name: "filter comparing numbers", output: "jsonpath={.items[?(@.spec.replicas>1)].metadata.name}", get: deploys },
  { name: "filter with <= on numbers", output: "jsonpath={.items[?(@.status.containerStatuses[0].restartCount<=0)].metadata.name}", get: pods },
  { name: "filter comparing strings with <", output: 'jsonpath={.items[?(@.metadata.name<"d")].metadata.name}', get: pods },
  { name: "filter by existence", output: "jsonpath={.items[?(@.spec.nodeName)].metadata.name}", get: pods },
  { name: "filter comparing a string with a number fails", output: "jsonpath={.status.conditions[?(@.status==3)].type}" },
  { name: "filter comparing an int with a float fails", output: "jsonpath={.items[?(@.spec.replicas>1.5)].metadata.name}", get: deploys },
  { name: "filter comparing a bool", output: "jsonpath={.items[?(@.spec.unschedulable==true)].metadata.name}", get: nodes },
  { name: "filter on a map fails", output: "jsonpath={.metadata[?(@.name)]}" },
  { name: "filter with =~ is not supported", output: 'jsonpath={.items[?(@.metadata.name=~"w")].metadata.name}', get: deploys },
  // Range.
  { name: "cheat sheet: range with tabs and newlines", output: 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', get: pods },
  { name: "docs: range with brackets", output: "jsonpath={range .items[*]}[{.metadata.name}, {.status.capacity.cpu}] {end}", get: nodes },
  {
    name: "cheat sheet: nested ranges",
    output: 'jsonpath={range .items[*]}{@.metadata.name}:{range @.status.conditions[*]}{@.type}={@.status};{end}{end}',
    get: nodes,
  },
  {
    name: "cheat sheet: images per pod",
    output: 'jsonpath={range .items[*]}{"\\n"}{.metadata.name}{":\\t"}{range .spec.containers[*]}{.image}{", "}{end}{end}',
    get: pods,
  },
  { name: "cheat sheet: init container IDs", output: 'jsonpath={range .items[*].status.initContainerStatuses[*]}{.containerID}{"\\n"}{end}', get: pods },
  { name: "range over nothing prints nothing", output: 'jsonpath={range .items[*].spec.volumes[*]}{.name}{"\\n"}{end}x', get: pods },
  { name: "end without range fails", output: "jsonpath={.metadata.name}{end}" },
  { name: "an unknown identifier fails", output: "jsonpath={metadata.name}" },
  { name: "literal numbers and booleans print", output: "jsonpath={3} {-1.5} {true}" },
  // Parse errors.
  { name: "an unterminated array", output: "jsonpath={.items[}", get: pods },
  { name: "an unclosed action", output: "jsonpath={.metadata.name" },
  { name: "an unterminated quote", output: 'jsonpath={"abc}' },
  { name: "an unterminated filter", output: "jsonpath={.items[?(@.a==1}", get: pods },
  { name: "a filter without ]", output: "jsonpath={.items[?(@.a==1)}", get: pods },
  { name: "an invalid array index", output: "jsonpath={.items[a]}", get: pods },
  { name: "a non-number index", output: "jsonpath={.items[-]}", get: pods },
  { name: "an unrecognized character", output: "jsonpath={#}" },
  { name: "a bad number", output: "jsonpath={1.2.3}" },
  { name: "a bad escape in a quoted string", output: 'jsonpath={"\\q"}' },
  // Lists from `kubectl get`.
  { name: "the list object itself", output: "jsonpath={.kind} {.apiVersion} {.metadata}", get: deploys },
  { name: "two named objects make a list", output: "jsonpath={.items[*].metadata.name}", get: ["deployment", "api", "web"] },
  { name: "cheat sheet: labels of all pods", output: "jsonpath={.items[*].metadata.labels.app}", get: pods },
  { name: "replicas per deployment", output: 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}', get: deploys },
  // jsonpath-as-json.
  { name: "as-json: results as an indented JSON array", output: "jsonpath-as-json={.items[*].metadata.name}", get: pods },
  { name: "as-json: one array per action", output: 'jsonpath-as-json={.metadata.name}{"\\n"}{.spec.replicas}' },
  { name: "as-json: objects indent with four spaces", output: "jsonpath-as-json={.spec.selector}" },
  { name: "as-json: no results is []", output: "jsonpath-as-json={.spec.paused}" },
  // Flags and files.
  { name: "missing keys fail when not allowed", output: "jsonpath={.spec.paused}", flags: ["--allow-missing-template-keys=false"] },
  { name: "--template with -o jsonpath", output: "jsonpath", flags: ["--template={.metadata.uid}"] },
  {
    name: "a jsonpath file keeps its trailing newline",
    output: "jsonpath-file=t.txt",
    files: { "t.txt": '{range .items[*]}{.metadata.name}{"\\n"}{end}\n' },
    get: pods,
  },
];

describeOracle("jsonpath matches kubectl", cases);

describe("relaxedJsonPathExpression", () => {
  it.each([
    ["metadata.name", "{.metadata.name}"],
    [".metadata.name", "{.metadata.name}"],
    ["{metadata.name}", "{.metadata.name}"],
    ["{.metadata.name}", "{.metadata.name}"],
    ["", ""],
    [".spec.containers[*].image", "{.spec.containers[*].image}"],
  ])("relaxes %j to %j", (input, expected) => {
    expect(relaxedJsonPathExpression(input)).toBe(expected);
  });

  it("rejects braces inside the expression", () => {
    expect(() => relaxedJsonPathExpression("{.a}{.b}")).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});

describe("compileJsonPath", () => {
  it("keeps range state between objects, as kubectl does", () => {
    const p = compileJsonPath('{range .items[*]}{.n}{"\\n"}{end}');
    expect(p.execute({ items: [{ n: "a" }, { n: "b" }] })).toBe("a\nb\n");
    expect(() => p.execute({ items: [{ n: "c" }] })).toThrow(/not in range, nothing to end/);
  });

  it("reports an empty template as kubectl does", () => {
    expect(() => compileJsonPath("")).toThrow("template format specified but no template given");
  });

  it("sorts map keys where Go's order is random", () => {
    expect(compileJsonPath("{.m.*}").execute({ m: { b: 2, a: 1 } })).toBe("1 2");
  });
});

describe("jsonpath fuzz", () => {
  const alphabet = fc.constantFrom(..."{}[]().,*@$?=!<>'\"\\:-+ 0123abc\n\trange end".split(""));
  const template = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(""));
  const data = { a: { b: [1, "x", { c: true }], d: null }, items: [{ n: "a" }, { n: "b" }] };

  it("parses or fails with a JsonPathError, and runs or fails likewise", () => {
    fc.assert(
      fc.property(template, (t) => {
        let root;
        try {
          root = parseJsonPath(t);
        } catch (e) {
          expect(e).toBeInstanceOf(JsonPathError);
          return;
        }
        try {
          new JsonPath(root).execute(data);
        } catch (e) {
          expect(e).toBeInstanceOf(JsonPathError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("kubectl-level errors are PrinterErrors", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (t) => {
        try {
          compileJsonPath(t).execute(data);
        } catch (e) {
          expect(e).toBeInstanceOf(PrinterError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
