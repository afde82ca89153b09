import { describe, expect, it } from "vitest";
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from "./names.ts";

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QNAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("DNS names (kubectl-output.md §8 texts)", () => {
  it.each([
    ["valid subdomain", "web.example-1", []],
    ["underscore and capitals", "My_App", [SUBDOMAIN_MSG]],
    ["254 characters", "a".repeat(254), ["must be no more than 253 characters"]],
  ])("subdomain: %s", (_n, name, msgs) => {
    expect(isDNS1123Subdomain(name)).toEqual(msgs);
  });

  it.each([
    ["valid label", "web-1", []],
    ["underscore", "Web_1", [LABEL_MSG]],
    ["dots get their own message", "web.1", ["must not contain dots"]],
    ["64 characters", "a".repeat(64), ["must be no more than 63 characters"]],
  ])("label: %s", (_n, name, msgs) => {
    expect(isDNS1123Label(name)).toEqual(msgs);
  });

  it("DNS-1035 labels must start with a letter", () => {
    expect(isDNS1035Label("1abc")).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it("generateName prefixes may end in a dash (upstream masks the last two characters)", () => {
    expect(nameIsDNSSubdomain("web-", true)).toEqual([]);
    expect(nameIsDNSLabel("web-", true)).toEqual([]);
    expect(nameIsDNSSubdomain("web-", false)).toEqual([SUBDOMAIN_MSG]);
    // "a-" masks to "a" and "-" stays invalid
    expect(nameIsDNSSubdomain("-", true)).toEqual([SUBDOMAIN_MSG]);
  });
});

describe("label keys and values", () => {
  it.each([
    ["plain key", "app", []],
    ["prefixed key", "example.com/app", []],
    ["bad name part", "my app", [QNAME_MSG]],
    ["empty prefix", "/app", ["prefix part must be non-empty"]],
    ["bad prefix", "Example.com/app", ["prefix part " + SUBDOMAIN_MSG]],
    ["name part too long", "a".repeat(64), ["name part must be no more than 63 characters"]],
    ["empty name part", "example.com/", ["name part must be non-empty", QNAME_MSG]],
    [
      "two slashes",
      "a/b/c",
      [
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])("key: %s", (_n, k, msgs) => {
    expect(isQualifiedName(k)).toEqual(msgs);
  });

  it.each([
    ["empty is fine", "", []],
    ["ordinary", "web_1.v2", []],
    [
      "space",
      "a b",
      [
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
    ["too long", "a".repeat(64), ["must be no more than 63 characters"]],
  ])("value: %s", (_n, v, msgs) => {
    expect(isValidLabelValue(v)).toEqual(msgs);
  });
});

describe("other formats", () => {
  it("percent strings (note the double space upstream prints)", () => {
    expect(isValidPercent("25%")).toEqual([]);
    expect(isValidPercent("abc")).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });

  it.each([
    ["http", []],
    ["HTTP", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]],
    ["8080", ["must contain at least one letter (a-z)"]],
    ["a--b", ["must not contain consecutive hyphens"]],
    ["-web", ["must not begin or end with a hyphen"]],
    ["sixteen-chars-ab", ["must be no more than 15 characters"]],
  ])("port name %s", (name, msgs) => {
    expect(isValidPortName(name)).toEqual(msgs);
  });

  it("relaxed env var names (1.32 default): printable ASCII except '='", () => {
    expect(isRelaxedEnvVarName("1-MY var.x")).toEqual([]);
    expect(isRelaxedEnvVarName("A=B")).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    expect(isRelaxedEnvVarName("café")).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  });

  it("config map keys", () => {
    expect(isConfigMapKey("app.conf")).toEqual([]);
    expect(isConfigMapKey("..x")).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey("a/b")).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
});
