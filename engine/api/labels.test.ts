import { describe, expect, it } from "vitest";
import {
  formatLabelSelector,
  formatLabels,
  parseSelector,
  SelectorParseError,
  selectorFromLabelSelector,
  selectorFromSet,
} from "./labels.ts";
import type { LabelSelector } from "./types.ts";

// Texts below were produced by kubectl v1.32 (`kubectl set selector --local`
// runs the same labels parser and prefixes `couldn't parse the selector string`).
const QNAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("parseSelector: canonical string form", () => {
  it.each([
    ["equality", "app=web", "app=web"],
    ["double equals is kept as written", "app==web", "app==web"],
    ["inequality", "tier!=cache", "tier!=cache"],
    ["requirements sorted by key", "z=1,a=2,m", "a=2,m,z=1"],
    ["set values sorted and deduplicated", "env in (prod, dev,prod)", "env in (dev,prod)"],
    ["notin", "env notin (qa)", "env notin (qa)"],
    ["exists", "app", "app"],
    ["does not exist", "!app", "!app"],
    ["whitespace everywhere is tolerated", "  a = b ,\tc\n", "a=b,c"],
    ["gt and lt print as > and <", "replicas>2,age<10", "age<10,replicas>2"],
    ["empty value after =", "a=", "a="],
    ["empty value after ==", "a==", "a=="],
    ["empty set means the empty value", "a in ()", "a in ()"],
    ["leading comma in a set adds the empty value", "a in (,b)", "a in (,b)"],
    ["keyword in is a valid key", "in=a", "in=a"],
    ["keyword notin is a valid value", "a in (notin)", "a in (notin)"],
    ["prefixed keys", "app.kubernetes.io/name=web", "app.kubernetes.io/name=web"],
    ["empty string selects everything", "", ""],
    ["only whitespace selects everything", "   ", ""],
    ["a NUL between tokens ends the input", "a=b \u0000,zzz", "a=b"],
    ["a NUL inside a word only ends the word", "a=b\u0000,zzz", "a=b,zzz"],
  ])("%s", (_name, input, expected) => {
    expect(parseSelector(input).toString()).toBe(expected);
  });
});

describe("parseSelector: syntax errors", () => {
  it.each([
    ["missing operator", "a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["junk after a requirement", "a=b c", "found 'c', expected: ',' or 'end of string'"],
    ["unclosed set", "x in (a,b", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["unclosed set after a comma", "a in (b,", "unable to parse requirement: found '', expected: ',', or identifier"],
    ["! takes no operator", "!a=b", "found '=', expected: ',' or 'end of string'"],
    ["trailing comma", "a=b,", "found '', expected: identifier after ','"],
    ["leading comma", ",a", "found ',', expected: !, identifier, or 'end of string'"],
    ["double comma", "a,,b", "found ',', expected: identifier after ','"],
    ["in without parentheses", "a in a", "unable to parse requirement: found 'a' expected: '('"],
    ["space-separated set values", "a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ["nested parenthesis", "a in ((x)", "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
    ["extra closing parenthesis", "a in (x))", "found ')', expected: ',' or 'end of string'"],
    ["starts with an operator", "=x", "found '=', expected: !, identifier, or 'end of string'"],
    ["lone !", "!", "unable to parse requirement: found '', expected: identifier"],
    ["double !", "!!a", "unable to parse requirement: found '!', expected: identifier"],
    ["value in parentheses", "a=(b)", "unable to parse requirement: found '(', expected: identifier"],
    ["second = inside the value", "a=b=c", "found '=', expected: ',' or 'end of string'"],
    ["triple equals", "a===b", "unable to parse requirement: found '=', expected: identifier"],
    ["=> is = then >", "a=>b", "unable to parse requirement: found '>', expected: identifier"],
    ["<= is < then =", "a<=1", "unable to parse requirement: found '=', expected: identifier"],
    ["! after a key", "a!", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ])("%s", (_name, input, message) => {
    expect(() => parseSelector(input)).toThrow(new SelectorParseError(message));
  });
});

describe("parseSelector: validation errors", () => {
  it.each([
    ["value with a bad character", "a=$", `unable to parse requirement: values[0][a]: Invalid value: "$": ${VALUE_RULE}`],
    ["non-ASCII value", "k=é", `unable to parse requirement: values[0][k]: Invalid value: "é": ${VALUE_RULE}`],
    ["bad value inside a set", "a notin (b,$)", `unable to parse requirement: values[0][a]: Invalid value: "$": ${VALUE_RULE}`],
    [
      "value longer than 63",
      `a=${"b".repeat(64)}`,
      `unable to parse requirement: values[0][a]: Invalid value: "${"b".repeat(64)}": must be no more than 63 characters`,
    ],
    ["key ending with a dot", "a.=b", `unable to parse requirement: <nil>: Invalid value: "a.": name part ${QNAME_RULE}`],
    [
      "key longer than 63",
      `${"a".repeat(64)}=b`,
      `unable to parse requirement: <nil>: Invalid value: "${"a".repeat(64)}": name part must be no more than 63 characters`,
    ],
    [
      "two slashes in a key",
      "a/b/c",
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${QNAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    ["empty prefix", "/a=b", 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    [
      "upper-case prefix",
      "Example.com/a=b",
      `unable to parse requirement: <nil>: Invalid value: "Example.com/a": prefix part ${SUBDOMAIN_RULE}`,
    ],
    ["gt needs an integer", "a>x", `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["lt rejects decimals", "a<1.5", `unable to parse requirement: values[0]: Invalid value: "1.5": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["gt with no value", "a>", `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["negative gt value is not a label value", "a>-1", `unable to parse requirement: values[0][a]: Invalid value: "-1": ${VALUE_RULE}`],
    [
      "two errors are aggregated in brackets",
      "a>$",
      `unable to parse requirement: [values[0]: Invalid value: "$": for 'Gt', 'Lt' operators, the value must be an integer, values[0][a]: Invalid value: "$": ${VALUE_RULE}]`,
    ],
  ])("%s", (_name, input, message) => {
    expect(() => parseSelector(input)).toThrow(new SelectorParseError(message));
  });
});

describe("Selector.matches", () => {
  const web = { app: "web", tier: "frontend", replicas: "3" };
  it.each([
    ["equality matches", "app=web", web, true],
    ["equality needs the key", "app=web", {}, false],
    ["equality with the empty value needs the key", "app=", {}, false],
    ["equality with the empty value", "app=", { app: "" }, true],
    ["inequality matches a missing key", "app!=web", {}, true],
    ["inequality rejects the value", "app!=web", web, false],
    ["in matches one of the values", "tier in (backend,frontend)", web, true],
    ["in needs the key", "tier in (backend,frontend)", {}, false],
    ["notin matches a missing key", "tier notin (frontend)", {}, true],
    ["notin rejects a listed value", "tier notin (frontend)", web, false],
    ["exists", "app", web, true],
    ["exists needs the key", "app", {}, false],
    ["does not exist", "!app", web, false],
    ["does not exist with no labels", "!app", undefined, true],
    ["gt compares integers", "replicas>2", web, true],
    ["gt is strict", "replicas>3", web, false],
    ["lt compares integers", "replicas<10", web, true],
    ["gt against a non-integer label is false", "app>1", web, false],
    ["gt needs the key", "missing>1", web, false],
    ["all requirements must hold", "app=web,tier=backend", web, false],
    ["an inherited property is not a label", "constructor", {}, false],
    ["the empty selector matches everything", "", undefined, true],
  ])("%s", (_name, selector, labels, expected) => {
    expect(parseSelector(selector).matches(labels)).toBe(expected);
  });
});

describe("Selector.empty", () => {
  it.each([
    ["empty string", parseSelector(""), true],
    ["one requirement", parseSelector("a"), false],
    ["empty LabelSelector", selectorFromLabelSelector({}), true],
    ["nil LabelSelector (matches nothing, yet is not empty)", selectorFromLabelSelector(undefined), false],
  ])("%s", (_name, selector, expected) => {
    expect(selector.empty()).toBe(expected);
  });
});

describe("selectorFromLabelSelector (metav1.LabelSelectorAsSelector)", () => {
  it.each<[string, LabelSelector, string]>([
    ["matchLabels become equality, sorted by key", { matchLabels: { b: "2", a: "1" } }, "a=1,b=2"],
    [
      "expressions merge with labels by key",
      {
        matchLabels: { app: "web" },
        matchExpressions: [
          { key: "tier", operator: "In", values: ["b", "a"] },
          { key: "env", operator: "NotIn", values: ["qa"] },
          { key: "canary", operator: "DoesNotExist" },
          { key: "ready", operator: "Exists" },
        ],
      },
      "app=web,!canary,env notin (qa),ready,tier in (a,b)",
    ],
    ["duplicate values are kept (only sorted for display)", { matchExpressions: [{ key: "a", operator: "In", values: ["y", "x", "y"] }] }, "a in (x,y,y)"],
  ])("%s", (_name, ls, expected) => {
    expect(selectorFromLabelSelector(ls).toString()).toBe(expected);
  });

  it.each<[string, LabelSelector | undefined, Record<string, string>, boolean]>([
    ["nil selects nothing", undefined, { app: "web" }, false],
    ["empty selects everything", {}, { app: "web" }, true],
    ["empty matchLabels and matchExpressions select everything", { matchLabels: {}, matchExpressions: [] }, {}, true],
    ["matchLabels must all match", { matchLabels: { app: "web", tier: "db" } }, { app: "web" }, false],
    ["In", { matchExpressions: [{ key: "tier", operator: "In", values: ["db", "web"] }] }, { tier: "web" }, true],
    ["DoesNotExist", { matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] }, { tier: "web" }, false],
  ])("%s", (_name, ls, labels, expected) => {
    expect(selectorFromLabelSelector(ls).matches(labels)).toBe(expected);
  });

  it.each<[string, LabelSelector, string]>([
    ["unknown operator", { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }, '"Gt" is not a valid label selector operator'],
    ["lower-case operator", { matchExpressions: [{ key: "a", operator: "in", values: ["1"] }] }, '"in" is not a valid label selector operator'],
    [
      "In without values",
      { matchExpressions: [{ key: "a", operator: "In", values: [] }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      "Exists with values",
      { matchExpressions: [{ key: "a", operator: "Exists", values: ["x", "y"] }] },
      'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
    ],
    ["bad matchLabels key", { matchLabels: { "a b": "c" } }, `key: Invalid value: "a b": name part ${QNAME_RULE}`],
    ["bad matchLabels value", { matchLabels: { a: "b c" } }, `values[0][a]: Invalid value: "b c": ${VALUE_RULE}`],
    [
      "bad key and value together",
      { matchLabels: { "a b": "c d" } },
      `[key: Invalid value: "a b": name part ${QNAME_RULE}, values[0][a b]: Invalid value: "c d": ${VALUE_RULE}]`,
    ],
  ])("rejects %s", (_name, ls, message) => {
    expect(() => selectorFromLabelSelector(ls)).toThrow(new SelectorParseError(message));
  });
});

describe("formatLabelSelector (metav1.FormatLabelSelector)", () => {
  it.each<[string, LabelSelector | undefined, string]>([
    ["replica set selector", { matchLabels: { app: "nginx", "pod-template-hash": "7c5ddbdf54" } }, "app=nginx,pod-template-hash=7c5ddbdf54"],
    ["set-based selector", { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] }, "app in (api,web)"],
    ["empty selector", {}, "<none>"],
    ["nil selector", undefined, "<none>"],
    ["invalid selector", { matchExpressions: [{ key: "a", operator: "Bogus" }] }, "<error>"],
  ])("%s", (_name, ls, expected) => {
    expect(formatLabelSelector(ls)).toBe(expected);
  });
});

describe("formatLabels", () => {
  it.each<[string, Record<string, string> | undefined, string]>([
    ["sorted by key", { tier: "web", app: "nginx" }, "app=nginx,tier=web"],
    ["empty value", { a: "" }, "a="],
    ["sorted as whole k=v strings, as Go sorts them", { a: "1", "a-b": "2" }, "a-b=2,a=1"],
    ["no labels", {}, "<none>"],
    ["undefined labels", undefined, "<none>"],
  ])("%s", (_name, labels, expected) => {
    expect(formatLabels(labels)).toBe(expected);
  });
});

describe("selectorFromSet", () => {
  it("matches exactly the given pairs and prints them sorted", () => {
    const s = selectorFromSet({ b: "2", a: "1" });
    expect(s.toString()).toBe("a=1,b=2");
    expect(s.matches({ a: "1", b: "2", c: "3" })).toBe(true);
    expect(s.matches({ a: "1" })).toBe(false);
  });
});
