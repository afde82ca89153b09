import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OracleCase, describeOracle } from "../../../test/oracle/suite.ts";
import { compileCustomColumns, compileCustomColumnsFile } from "./custom-columns.ts";
import { PrinterError } from "./printer-error.ts";

const pods = ["pods"];
const deploys = ["deployments"];
const cc = (spec: string): string => `custom-columns=${spec}`;

const cases: OracleCase[] = [
  { name: "cheat sheet: name and images of pods", output: cc("NAME:.metadata.name,IMAGE:.spec.containers[*].image"), get: pods },
  { name: "cheat sheet: relaxed path without a leading dot", output: cc("DATA:spec.containers[*].image"), get: pods },
  {
    name: "cheat sheet: a filter in a column",
    output: cc('DATA:spec.containers[?(@.image!="registry.k8s.io/coredns:1.6.2")].image'),
    get: pods,
  },
  { name: "several values join with commas", output: cc("NAME:.metadata.name,IMAGES:.spec.template.spec.containers[*].image"), get: deploys },
  { name: "a missing value is <none>", output: cc("NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP"), get: pods },
  { name: "maps and lists print the Go way", output: cc("NAME:.metadata.name,LABELS:.metadata.labels,PORTS:.spec.ports"), get: ["services"] },
  { name: "numbers and booleans", output: cc("NAME:.metadata.name,RESTARTS:.status.containerStatuses[0].restartCount,READY:.status.containerStatuses[0].ready"), get: pods },
  { name: "one object prints one row", output: cc("NAME:.metadata.name,REPLICAS:.spec.replicas,AVAILABLE:.status.availableReplicas") },
  { name: "{} and no-dot forms are relaxed", output: cc("A:{.metadata.name},B:{metadata.uid},C:.kind,D:kind") },
  { name: "an empty path is <none>", output: cc("NAME:.metadata.name,EMPTY:"), get: deploys },
  { name: "headers are printed as given", output: cc("name:.metadata.name,Ready Replicas:.status.readyReplicas"), get: deploys },
  { name: "--no-headers", output: cc("NAME:.metadata.name,PHASE:.status.phase"), get: pods, flags: ["--no-headers"] },
  { name: "a wide column widens the table", output: cc("CAUSE:.metadata.annotations.kubernetes\\.io/change-cause,N:.metadata.name"), get: deploys },
  { name: "a condition by filter", output: cc('NAME:.metadata.name,READY:.status.conditions[?(@.type=="Ready")].status'), get: pods },
  // One match per object: Go's map order would make several random.
  { name: "recursive descent in a column", output: cc("NAME:.metadata.name,PORT:..containerPort"), get: deploys },
  { name: "nodes with addresses", output: cc('NAME:.metadata.name,EXTERNAL:.status.addresses[?(@.type=="ExternalIP")].address,CIDR:.spec.podCIDR'), get: ["nodes"] },
  { name: "a null value prints <nil>", output: cc("NAME:.metadata.name,X:.data.x"), get: ["configmaps"], objects: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "n" }, data: { x: null } }] },
  { name: "a value with a newline breaks the row", output: cc("NAME:.metadata.name,PROPS:.data.game\\.properties"), get: ["configmaps"] },
  // Errors.
  { name: "no spec", output: "custom-columns=" },
  { name: "a column without a colon", output: cc("NAME") },
  { name: "braces inside a column", output: cc("A:{.a}{.b}") },
  { name: "a column that does not parse", output: cc("NAME:.metadata.name,BAD:.x[") },
  { name: "an index out of range", output: cc("NAME:.metadata.name,C:.spec.containers[3].name"), get: pods },
  { name: "a union's comma splits the spec", output: cc("A:.items[0,1]") },
  // The file form.
  {
    name: "a columns file",
    output: "custom-columns-file=cols.txt",
    files: { "cols.txt": "NAME          IMAGE\n.metadata.name   .spec.containers[0].image\n" },
    get: pods,
  },
  { name: "a columns file ignores --no-headers", output: "custom-columns-file=cols.txt", files: { "cols.txt": "NAME\nmetadata.name" }, get: pods, flags: ["--no-headers"] },
  { name: "a columns file without a spec line", output: "custom-columns-file=cols.txt", files: { "cols.txt": "NAME IMAGE\n" }, get: pods },
  { name: "an empty columns file", output: "custom-columns-file=cols.txt", files: { "cols.txt": "" }, get: pods },
  { name: "a columns file with mismatched lines", output: "custom-columns-file=cols.txt", files: { "cols.txt": "A B\n.x\n" }, get: pods },
];

describeOracle("custom-columns matches kubectl", cases);

describe("CustomColumnsPrinter", () => {
  it("repeats the header only when the object type changes", () => {
    const p = compileCustomColumns("N:.n");
    expect(p.print({ n: "a" })).toBe("N\na\n");
    expect(p.print({ n: "b" })).toBe("b\n");
    expect(p.print({ items: [{ n: "c" }] })).toBe("N\nc\n");
  });

  it("escapes terminal control characters in cells", () => {
    expect(compileCustomColumns("N:.n").print({ n: "a\x1b[31mb\rc" })).toBe("N\na^[[31mb\\rc\n");
  });

  it("splits a file's lines on any white space", () => {
    expect(compileCustomColumnsFile("A\tB\r\n.a  b\r\n").columns).toEqual([
      { header: "A", fieldSpec: "{.a}" },
      { header: "B", fieldSpec: "{.b}" },
    ]);
  });
});

describe("custom-columns fuzz", () => {
  const spec = fc.array(fc.constantFrom(..."NAME:.a,b[]*{}?()@=\"'0-1 ".split("")), { maxLength: 30 }).map((a) => a.join(""));
  it("only ever fails with PrinterError", () => {
    fc.assert(
      fc.property(spec, (s) => {
        try {
          compileCustomColumns(s).print({ a: { b: [1, 2] }, items: [{ a: 1 }] });
        } catch (e) {
          expect(e).toBeInstanceOf(PrinterError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
