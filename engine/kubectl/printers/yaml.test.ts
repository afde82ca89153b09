// The YAML printer against what real kubectl v1.32 printed for the same
// strings (captured from `kubectl get deploy odd -o yaml` through the oracle
// shim; see test/kubectl/oracle-diff.test.ts, which checks it live).
import { describe, expect, it } from "vitest";
import { resolvesToString, toYaml, yamlKeyLess } from "./yaml.ts";

const ANNOTATIONS: Record<string, string> = {
  long: "a long annotation value with many spaces in it that goes past the eighty column limit of the yaml emitter for sure",
  verylong: "word ".repeat(40).trim(),
  nospaces: "x".repeat(150),
  multiline: "line one\nline two\n",
  t: "true", y: "y", n: "no", num: "80", flt: "1.5", e: "", sp: " lead", tr: "trail ", star: "*x", colon: "a: b",
  hash: "a #b", hash2: "a#b", dash: "- x", dash2: "-x", q: "'q'", dq: '"dq"', nl3: "one\n\ntwo\n\n", tab: "a\tb",
  uni: "héllo wörld", emoji: "😀", oct: "0777", hex: "0x1F", base60: "1:20", tilde: "~", nul: "null", dot: ".inf",
  bool2: "On", colonend: "a:", brace: "{a}", pct: "%x", at: "@x", q2: "?x", q3: "? x", ddd: "---", ver: "1.14.2",
  date: "2026-01-01", ts: "2026-01-05T09:00:00Z", sci: "1e3", under: "1_000", plus: "+1", neg: "-1", ip: "10.0.0.1",
  nlsp: "a \nb", lspnl: "\n a", bs: "a\\b", amp: "&x", json: '{"a":1,"b":[1,2]}',
  "deployment.kubernetes.io/revision": "1",
};
const LABELS = { app: "odd", a10: "x", a9: "y", "a-b": "1", ab: "2", "a.b": "3", a_b: "4", A: "5", a09: "6", a9b: "7" };

const EXPECTED = "metadata:\n  annotations:\n    amp: '&x'\n    at: '@x'\n    base60: \"1:20\"\n    bool2: \"On\"\n    brace: '{a}'\n    bs: a\\b\n    colon: 'a: b'\n    colonend: 'a:'\n    dash: '- x'\n    dash2: -x\n    date: \"2026-01-01\"\n    ddd: '---'\n    deployment.kubernetes.io/revision: \"1\"\n    dot: \".inf\"\n    dq: '\"dq\"'\n    e: \"\"\n    emoji: \"\\U0001F600\"\n    flt: \"1.5\"\n    hash: 'a #b'\n    hash2: a#b\n    hex: \"0x1F\"\n    ip: 10.0.0.1\n    json: '{\"a\":1,\"b\":[1,2]}'\n    long: a long annotation value with many spaces in it that goes past the eighty\n      column limit of the yaml emitter for sure\n    lspnl: |2-\n\n       a\n    multiline: |\n      line one\n      line two\n    \"n\": \"no\"\n    neg: \"-1\"\n    nl3: |+\n      one\n\n      two\n\n    nlsp: \"a \\nb\"\n    nospaces: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    nul: \"null\"\n    num: \"80\"\n    oct: \"0777\"\n    pct: '%x'\n    plus: \"+1\"\n    q: '''q'''\n    q2: ?x\n    q3: '? x'\n    sci: \"1e3\"\n    sp: ' lead'\n    star: '*x'\n    t: \"true\"\n    tab: \"a\\tb\"\n    tilde: \"~\"\n    tr: 'trail '\n    ts: \"2026-01-05T09:00:00Z\"\n    under: \"1_000\"\n    uni: h\u00e9llo w\u00f6rld\n    ver: 1.14.2\n    verylong: word word word word word word word word word word word word word word\n      word word word word word word word word word word word word word word word word\n      word word word word word word word word word word\n    \"y\": \"y\"\n  labels:\n    A: \"5\"\n    a-b: \"1\"\n    a.b: \"3\"\n    a_b: \"4\"\n    a9: \"y\"\n    a9b: \"7\"\n    a09: \"6\"\n    a10: x\n    ab: \"2\"\n    app: odd\n";

describe("toYaml", () => {
  it("prints strings, keys and folds as kubectl does", () => {
    expect(toYaml({ metadata: { annotations: ANNOTATIONS, labels: LABELS } })).toBe(EXPECTED);
  });

  it("prints JSON values as go-yaml does", () => {
    expect(toYaml({ a: [], b: {}, c: null, d: true, e: 1.5, f: 3, g: [{ x: 1, y: [1, 2] }, [1, [2]]], h: [{}] })).toBe(
      "a: []\nb: {}\nc: null\nd: true\ne: 1.5\nf: 3\ng:\n- x: 1\n  \"y\":\n  - 1\n  - 2\n- - 1\n  - - 2\nh:\n- {}\n",
    );
  });

  it("orders keys with digit runs compared as numbers", () => {
    const keys = ["a10", "a9", "a-b", "ab", "a.b", "a_b", "A", "a09", "a9b"].sort((a, b) => (yamlKeyLess(a, b) ? -1 : 1));
    expect(keys).toEqual(["A", "a-b", "a.b", "a_b", "a9", "a9b", "a09", "a10", "ab"]);
  });

  it("quotes what would read back as another type", () => {
    for (const s of ["true", "y", "NO", "~", "", "12", "-1", "0x1F", "1e3", "1_000", ".5", "2026-01-01", "1:20", "null"]) {
      expect(resolvesToString(s), s).toBe(false);
    }
    for (const s of ["1.14.2", "10.0.0.1", "yes please", "0999x", "abc", "2026-13-01"]) expect(resolvesToString(s), s).toBe(true);
  });
});
