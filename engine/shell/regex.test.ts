// The regex engine against GNU grep -o (leftmost-longest matches, BRE and
// ERE), against regerror's messages, and on patterns that backtrack
// catastrophically in other engines.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CpuBudget, CpuLimitExceeded } from "./budget.ts";
import { Regex, RegexError, type RegexSyntax } from "./regex.ts";

const haveGrep = spawnSync("grep", ["--version"]).status === 0;

function matches(pattern: string, syntax: RegexSyntax, text: string, options: { ignoreCase?: boolean; word?: boolean } = {}): string[] {
  const re = Regex.compile(pattern, { syntax, ...options });
  const out: string[] = [];
  for (const line of text.split("\n")) {
    for (const m of re.matches(line)) if (m.end > m.start) out.push(line.slice(m.start, m.end));
  }
  return out;
}

const TEXT = "abcd xabcd aab\nfoo-bar foo_bar @foo\nHello World 123 4.5\nkey=value; k2 = v2\n(paren) [bracket] {brace} a+b a*b a?b a|b\nweb-7d4b9c6f5-abcde 1/1 Running\ntab\there  spaces\n";

const cases: Array<[string, RegexSyntax, { ignoreCase?: boolean; word?: boolean }?]> = [
  ["a|b", "extended"],
  ["x(a|ab)(c|bcd)", "extended"],
  ["(a*)(ab)*b", "extended"],
  ["ab|abcd|a", "extended"],
  ["foo", "basic", { word: true }],
  ["@foo", "basic", { word: true }],
  ["[[:upper:]][a-z]+", "extended"],
  ["[[:digit:]]+(\\.[0-9]+)?", "extended"],
  ["\\w+", "basic"],
  ["\\bfoo\\b", "extended"],
  ["\\<f", "basic"],
  ["o\\>", "basic"],
  ["[^ ]*-[a-z0-9]{5}", "extended"],
  ["[a-z0-9]\\{5\\}$", "basic"],
  ["a\\+b", "basic"],
  ["a+b", "basic"],
  ["a\\?b", "basic"],
  ["a\\|b", "basic"],
  ["\\(paren\\)", "basic"],
  ["(paren)", "basic"],
  ["\\(paren\\)", "extended"],
  ["\\[[a-z]*\\]", "basic"],
  ["{brace}", "extended"],
  ["a{2}", "extended"],
  ["a{,1}b", "extended"],
  ["^[a-z]+", "extended"],
  ["[0-9]$", "basic"],
  ["k2? *= *v?", "extended"],
  ["[[:space:]]+", "extended"],
  ["[]a]+", "basic"],
  ["[^]a-z]+", "basic"],
  ["hello", "basic", { ignoreCase: true }],
  ["[A-Z]+", "extended", { ignoreCase: true }],
  ["R[a-z]*g", "fixed"],
  ["a*b", "fixed"],
  ["x*", "basic"],
  [".", "basic"],
  ["t.b", "basic"],
  ["1/1", "basic"],
  ["(b|c)+d", "extended"],
  ["((a|b)c?)+", "extended"],
];

describe.skipIf(!haveGrep)("matches agree with GNU grep -o", () => {
  it.each(cases)("%s (%s %j)", (pattern, syntax, options = {}) => {
    const flag = syntax === "extended" ? "-E" : syntax === "fixed" ? "-F" : "-G";
    const args = ["-o", flag, ...(options.ignoreCase ? ["-i"] : []), ...(options.word ? ["-w"] : []), "-e", pattern];
    const real = spawnSync("grep", args, { input: TEXT, encoding: "utf8", env: { LC_ALL: "C.UTF-8" } });
    const expected = real.stdout === "" ? [] : real.stdout.replace(/\n$/, "").split("\n");
    expect(matches(pattern, syntax, TEXT, options)).toEqual(expected);
  });
});

describe("errors are regerror's words", () => {
  const errors: Array<[string, RegexSyntax, string]> = [
    ["a(", "extended", "Unmatched ( or \\("],
    ["a\\(", "basic", "Unmatched ( or \\("],
    ["a\\)", "basic", "Unmatched ) or \\)"],
    ["[abc", "basic", "Unmatched [, [^, [:, [., or [="],
    ["[[:foo:]]", "basic", "Invalid character class name"],
    ["[z-a]", "extended", "Invalid range end"],
    ["a{2,1}", "extended", "Invalid content of \\{\\}"],
    ["a\\{1", "basic", "Unmatched \\{"],
    ["a\\", "basic", "Trailing backslash"],
    ["[:space:]", "basic", "character class syntax is [[:space:]], not [:space:]"],
    ["x{99999}", "extended", "Regular expression too big"],
    ["(a)\\1", "extended", "back-references (\\1 to \\9) are not supported in this terminal"],
  ];
  it.each(errors)("%s (%s)", (pattern, syntax, message) => {
    expect(() => Regex.compile(pattern, { syntax })).toThrow(new RegexError(message));
  });
});

describe("captures, as sed's \\1 and awk's match() use them", () => {
  it.each([
    ["(a|ab)(c|bcd)", "abcd", [0, 4], [[0, 1], [1, 4]]],
    ["([a-z]+)-([0-9]+)", "web-12 x", [0, 6], [[0, 3], [4, 6]]],
    ["(x)?y", "y", [0, 1], [undefined]],
  ] as const)("%s on %s", (pattern, text, whole, groups) => {
    const m = Regex.compile(pattern, { syntax: "extended" }).exec(text);
    expect(m && [m.start, m.end]).toEqual(whole);
    expect(m?.groups).toEqual(groups);
  });
});

describe("no catastrophic backtracking", () => {
  it.each([
    ["(a+)+b", `${"a".repeat(20_000)}`],
    ["(a|aa)*c", `${"a".repeat(20_000)}`],
    ["(.*a){12}", `${"a".repeat(2_000)}`],
    ["(x+x+)+y", `${"x".repeat(20_000)}`],
  ])("%s on a long line finishes quickly", (pattern, text) => {
    const started = performance.now();
    Regex.compile(pattern, { syntax: "extended" }).test(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("charges its work to the budget and stops when it runs out", () => {
    const budget = new CpuBudget(10_000);
    expect(() => Regex.compile("(a|b)*c", { syntax: "extended" }).test("ab".repeat(10_000), budget)).toThrow(CpuLimitExceeded);
  });
});
