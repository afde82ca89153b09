// YAML syntax errors in manifests, as real kubectl v1.32 (sigs.k8s.io/yaml,
// i.e. go-yaml v2) words and places them. Each bad file goes through real
// kubectl offline (`set image --local` parses the file before any server is
// needed) and through our runKubectl; stdout, stderr and exit code must match
// byte for byte. `want` is go-yaml's text, so the in-process `apply -f`
// check below runs without the binary too.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../engine/index.ts";
import { runKubectl } from "../../engine/kubectl/index.ts";
import { type KubectlResult, mapLimit, oracleSkipReason, runKubectl as runReal } from "../oracle/kubectl.ts";
import { words } from "./words.ts";

interface Case {
  name: string;
  yaml: string;
  /** What follows `yaml: ` in kubectl's message. */
  want: string;
}

const POD = "apiVersion: v1\nkind: Pod\n";

const CASES: Case[] = [
  { name: "a key indented too far", yaml: `${POD}metadata:\n  name: web\n    labels: x\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "a key with children indented too far", yaml: `${POD}metadata:\n  name: web\n    labels:\n      app: web\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "a key indented too little", yaml: `${POD}metadata:\n  name: web\n labels:\n    app: web\n`, want: "line 4: did not find expected key" },
  { name: "a list item's key indented too little", yaml: `${POD}spec:\n  containers:\n  - name: a\n   image: nginx\n`, want: "line 5: did not find expected key" },
  { name: "a list item's key indented too far", yaml: `${POD}spec:\n  containers:\n  - name: a\n      image: nginx\n`, want: "line 6: mapping values are not allowed in this context" },
  { name: "a key after a list at the wrong column", yaml: `${POD}spec:\n  containers:\n  - name: a\n    image: nginx\n   restartPolicy: Always\n`, want: "line 6: did not find expected key" },
  { name: "a tab used for indentation", yaml: `${POD}metadata:\n\tname: web\n`, want: "line 4: found character that cannot start any token" },
  { name: "a tab after the indentation spaces", yaml: `${POD}metadata:\n  name: web\n  labels:\n  \tapp: web\n`, want: "line 6: found character that cannot start any token" },
  { name: "a tab indenting the first line", yaml: `\tapiVersion: v1\nkind: Pod\n`, want: "found character that cannot start any token" },
  { name: "a line of only a tab after a value", yaml: `${POD}metadata:\n  name: web\n\t\n`, want: "line 5: found a tab character that violates indentation" },
  { name: "key:value without a space, then a key", yaml: `${POD}metadata:\n  name:web\n  labels:\n    app: web\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "key:value without a space, then nested keys", yaml: `${POD}metadata:\n  labels:app\n    tier: web\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "a missing colon before nested keys", yaml: `${POD}metadata\n  name: web\n`, want: "line 4: could not find expected ':'" },
  { name: "a missing colon between key and value", yaml: `${POD}metadata:\n  name web\n  namespace: dev\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "a missing colon on the last line", yaml: `${POD}metadata:\n  name: web\n  labels\n`, want: "line 6: could not find expected ':'" },
  { name: "a list item less indented than its siblings", yaml: `${POD}spec:\n  containers:\n  - name: a\n    image: x\n - name: b\n   image: z\n`, want: "line 6: did not find expected key" },
  { name: "a list item more indented than its siblings", yaml: `${POD}spec:\n  containers:\n  - name: a\n    image: x\n    - name: b\n      image: z\n`, want: "line 6: did not find expected key" },
  { name: "a nested list item one column short", yaml: `${POD}spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n   - containerPort: 81\n`, want: "line 7: did not find expected key" },
  { name: "a list item after a scalar value", yaml: `${POD}spec:\n  containers: none\n  - name: a\n`, want: "line 4: did not find expected key" },
  { name: "a list item without a space after the dash", yaml: `${POD}spec:\n  containers:\n  -name: a\n    image: x\n`, want: "line 6: mapping values are not allowed in this context" },
  { name: "a stray dash in a mapping", yaml: `${POD}metadata:\n  name: web\n  - labels: x\n`, want: "line 4: did not find expected key" },
  { name: "a stray dash at the top level", yaml: `${POD}- metadata:\n  name: web\n`, want: "line 2: did not find expected key" },
  { name: "an unclosed double quote", yaml: `${POD}metadata:\n  name: "web\n  namespace: dev\n`, want: "line 6: found unexpected end of stream" },
  { name: "an unclosed double quote on the last line", yaml: `${POD}metadata:\n  name: "web\n`, want: "line 5: found unexpected end of stream" },
  { name: "an unclosed single quote", yaml: `${POD}metadata:\n  name: 'web\n  namespace: dev\n`, want: "line 6: found unexpected end of stream" },
  { name: "an unclosed quote in a key", yaml: `${POD}metadata:\n  "name: web\n`, want: "line 5: found unexpected end of stream" },
  { name: "text after a quoted value", yaml: `${POD}metadata:\n  name: "web" x\n`, want: "line 3: did not find expected key" },
  { name: "an unclosed bracket", yaml: `${POD}spec:\n  containers:\n  - name: a\n    args: [a, b\n    image: x\n`, want: "line 6: did not find expected ',' or ']'" },
  { name: "an unclosed bracket on the last line", yaml: `${POD}spec:\n  containers:\n  - name: a\n    args: [a, b\n`, want: "line 6: did not find expected ',' or ']'" },
  { name: "an unclosed brace", yaml: `${POD}metadata:\n  labels: {app: web\n  name: x\n`, want: "line 4: did not find expected ',' or '}'" },
  { name: "a missing comma in a flow mapping", yaml: `${POD}metadata:\n  labels: {a: b c: d}\n`, want: "line 3: did not find expected ',' or '}'" },
  { name: "a closing bracket with no opening one", yaml: `${POD}spec:\n  containers: ]\n`, want: "line 3: did not find expected node content" },
  { name: "key: value: x", yaml: `${POD}metadata:\n  name: web: x\n`, want: "line 4: mapping values are not allowed in this context" },
  { name: "key: value: x at the top level", yaml: `apiVersion: v1\nkind: Pod: x\n`, want: "line 2: mapping values are not allowed in this context" },
  { name: "a scalar value followed by nested keys", yaml: `${POD}metadata: web\n  name: web\n`, want: "line 4: mapping values are not allowed in this context" },
  { name: "a value starting with @", yaml: `${POD}metadata:\n  name: @web\n`, want: "line 4: found character that cannot start any token" },
  { name: "a value starting with a backquote", yaml: `${POD}metadata:\n  name: \`web\`\n`, want: "line 4: found character that cannot start any token" },
  { name: "an alias to no anchor", yaml: `${POD}metadata:\n  name: *web\n`, want: "unknown anchor 'web' referenced" },
  { name: "an error in the second document counts its own lines", yaml: `${POD}metadata:\n  name: a\n---\n${POD}metadata:\n  name: b\n    labels: x\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "CRLF line ends", yaml: `apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\n    labels: x\r\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "comments count as lines", yaml: `${POD}# the pod\nmetadata:\n  # its name\n  name: web\n    labels: x\n`, want: "line 7: mapping values are not allowed in this context" },
  { name: "no newline at the end", yaml: `${POD}metadata:\n  name: web\n  labels`, want: "line 6: could not find expected ':'" },
  { name: "a colon with no key", yaml: `${POD}metadata:\n  : web\n`, want: "line 3: did not find expected key" },
  { name: "a leading --- line counts as a line", yaml: `---\n${POD}metadata:\n  name: web\n    labels: x\n`, want: "line 6: mapping values are not allowed in this context" },
  { name: "a %YAML directive before ---", yaml: `%YAML 1.1\n---\n${POD}metadata:\n  name: web\n`, want: "line 1: did not find expected <document start>" },
  { name: "a byte order mark", yaml: `\uFEFF${POD}metadata:\n  name: web\n    labels: x\n`, want: "line 5: mapping values are not allowed in this context" },
  { name: "a bad escape in a double-quoted value", yaml: `${POD}metadata:\n  name: "a\\qb"\n`, want: "line 4: found unknown escape character" },
  { name: "an unindented block scalar line", yaml: `${POD}metadata:\n  name: web\ndata:\n  a: |\n    one\n  two\n`, want: "line 9: could not find expected ':'" },
];

/** What go-yaml accepts: tabs between tokens after a key, inside values and comments; anything after `...`. */
const SPEC = "spec:\n  containers:\n  - name: a\n    image: nginx\n";
const ACCEPTED: Record<string, string> = {
  "a tab after a key's colon": `${POD}metadata:\n  name:\tweb\n${SPEC}`,
  "a tab inside a plain value": `${POD}metadata:\n  name: web\n  annotations:\n    a: x\ty\n${SPEC}`,
  "a tab after a value": `${POD}metadata:\n  name: web\t\n${SPEC}`,
  "a tab in a comment": `${POD}metadata:\n  name: web\t# c\t\n${SPEC}`,
  "a tab in a block scalar's text": `${POD}metadata:\n  name: web\n  annotations:\n    a: |\n      x\ty\n      \tz\n${SPEC}`,
  "content after a ... line, which go-yaml never reads": `${POD}metadata:\n  name: web\n${SPEC}...\nfoo: [\n`,
};

/** go-yaml reads one document: a line less indented than the first key's ends it. */
const CUT: Record<string, string> = {
  "the first key indented": " apiVersion: v1\nkind: Pod\n",
  "the first key indented more than the rest": "  apiVersion: v1\n kind: Pod\nmetadata:\n  name: [\n",
};

/** Without a kind, kubectl shows the document as sigs.k8s.io/yaml's JSON: keys sorted. */
const NO_KIND = 'metadata:\n  name: web\n  labels: {z: "1", a: "2"}\n';

const LINE = "set image --local -f bad.yaml '*=x' -o yaml";

async function ours(line: string, yaml: string): Promise<KubectlResult> {
  const cluster = createCluster();
  let stdout = "";
  let stderr = "";
  const exitCode = await runKubectl(words(line), { stdin: "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
    api: cluster.api,
    now: () => cluster.nowMs(),
    wait: async (ms) => cluster.advance(ms),
    readFile: (p) => (p.replace(/^\.\//, "") === "bad.yaml" ? yaml : undefined),
    readDir: () => undefined,
  });
  return { stdout, stderr, exitCode };
}

const message = (c: Case): string => `error: error parsing bad.yaml: error converting YAML to JSON: yaml: ${c.want}\n`;

describe("YAML syntax errors through our cluster", () => {
  it.each(CASES)("apply -f: $name", async (c) => {
    expect(await ours("apply -f bad.yaml", c.yaml)).toEqual({ stdout: "", stderr: message(c), exitCode: 1 });
  });
  it.each(Object.entries(ACCEPTED))("apply -f accepts %s", async (_, yaml) => {
    expect(await ours("apply -f bad.yaml", yaml)).toEqual({ stdout: "pod/web created\n", stderr: "", exitCode: 0 });
  });
  it.each(Object.entries(CUT))("apply -f reads only what go-yaml reads: %s", async (_, yaml) => {
    expect(await ours("apply -f bad.yaml", yaml)).toEqual({
      stdout: "",
      stderr: `error: unable to decode "bad.yaml": Object 'Kind' is missing in '{"apiVersion":"v1"}'\n`,
      exitCode: 1,
    });
  });
  it("a document without a kind, keys sorted as Go's JSON sorts them", async () => {
    expect(await ours("apply -f bad.yaml", NO_KIND)).toEqual({
      stdout: "",
      stderr: `error: unable to decode "bad.yaml": Object 'Kind' is missing in '{"metadata":{"labels":{"a":"2","z":"1"},"name":"web"}}'\n`,
      exitCode: 1,
    });
  });
  it("a --- line with more than a comment after it", async () => {
    expect(await ours("apply -f bad.yaml", `--- ${POD}`)).toEqual({
      stdout: "",
      stderr: "error: error parsing bad.yaml: invalid Yaml document separator: apiVersion: v1\n",
      exitCode: 1,
    });
  });
});

if (oracleSkipReason !== null) {
  describe("YAML syntax errors against real kubectl v1.32", () => {
    it.skip(`${CASES.length} cases: ${oracleSkipReason}`, () => {});
  });
} else {
  describe("YAML syntax errors against real kubectl v1.32", () => {
    const real = mapLimit(CASES, 8, (c) => runReal(words(LINE), { files: { "bad.yaml": c.yaml } }));
    it.each(CASES.map((c, i) => ({ ...c, i })))("$name", async (c) => {
      const theirs = (await real)[c.i]!;
      expect(theirs.stderr).toBe(message(c));
      expect(await ours(LINE, c.yaml)).toEqual(theirs);
    }, 60_000);
    const others = [...Object.values(ACCEPTED), `--- ${POD}`, `${POD}---- \nmetadata: {}\n`, ...Object.values(CUT), NO_KIND];
    const realOthers = mapLimit(others, 8, (yaml) => runReal(words(LINE), { files: { "bad.yaml": yaml } }));
    it("what go-yaml accepts, and --- lines kubectl refuses", async () => {
      const results = await realOthers;
      for (const [i, yaml] of others.entries()) expect({ yaml, ...(await ours(LINE, yaml)) }).toEqual({ yaml, ...results[i]! });
    }, 60_000);
  });
}

describe("YAML errors we do not yet word as kubectl does", () => {
  // go-yaml takes a # right after a token as a comment; the yaml package refuses it and we print its message.
  it.todo("labels: {app: web}# → accepted by real kubectl");
  // kubectl decodes a file that starts with `{` as JSON with Go's encoding/json.
  it.todo(`{"apiVersion": "v1" "kind": "Pod"} → error: error parsing bad.yaml: json: offset 21: invalid character '"' after object key:value pair`);
  it.todo(`{"apiVersion": "v1", "kind": "Pod",} → error: error parsing bad.yaml: json: offset 36: invalid character '}' looking for beginning of object key string`);
});
