// pflag's parsing as kubectl uses it; messages as real kubectl v1.32 prints them.
import { describe, expect, it } from "vitest";
import { FlagError, FlagSet, HelpRequested, parseGoDuration, parseGoInt } from "./flags.ts";

function set(): FlagSet {
  return new FlagSet([
    { name: "output", shorthand: "o", type: "string", usage: "" },
    { name: "watch", shorthand: "w", type: "bool", default: "false", noOptDefVal: "true", usage: "" },
    { name: "all-namespaces", shorthand: "A", type: "bool", default: "false", noOptDefVal: "true", usage: "" },
    { name: "chunk-size", type: "int64", default: "500", usage: "" },
    { name: "label-columns", shorthand: "L", type: "stringSlice", default: "[]", usage: "" },
    { name: "as-group", type: "stringArray", usage: "" },
    { name: "timeout", type: "duration", default: "0s", usage: "" },
    { name: "help", shorthand: "h", type: "bool", default: "false", noOptDefVal: "true", usage: "" },
  ]);
}

function parse(args: string[]) {
  const fs = set();
  const parsed = fs.parse(args);
  return { fs, ...parsed };
}

function error(args: string[]): string {
  try {
    set().parse(args);
  } catch (e) {
    if (e instanceof FlagError) return e.message;
    throw e;
  }
  throw new Error("no error");
}

describe("FlagSet.parse", () => {
  it("takes values in every form", () => {
    for (const args of [["-o", "yaml"], ["-oyaml"], ["-o=yaml"], ["--output", "yaml"], ["--output=yaml"]]) {
      expect(parse(args).fs.string("output")).toBe("yaml");
    }
  });

  it("keeps flags and arguments apart wherever the flags are", () => {
    const r = parse(["pods", "-o", "wide", "nginx", "-A"]);
    expect(r.args).toEqual(["pods", "nginx"]);
    expect(r.fs.bool("all-namespaces")).toBe(true);
    expect(r.fs.string("output")).toBe("wide");
  });

  it("does not take a separate value for a bool flag", () => {
    const r = parse(["--watch", "false"]);
    expect(r.fs.bool("watch")).toBe(true);
    expect(r.args).toEqual(["false"]);
    expect(parse(["--watch=false"]).fs.bool("watch")).toBe(false);
    expect(parse(["-w=0"]).fs.bool("watch")).toBe(false);
  });

  it("combines shorthands", () => {
    const r = parse(["-wAoname"]);
    expect([r.fs.bool("watch"), r.fs.bool("all-namespaces"), r.fs.string("output")]).toEqual([true, true, "name"]);
  });

  it("stops at --", () => {
    const r = parse(["a", "--", "-o", "b"]);
    expect(r.args).toEqual(["a", "-o", "b"]);
    expect(r.argsLenAtDash).toBe(1);
    expect(r.fs.string("output")).toBe("");
  });

  it("treats - alone as an argument", () => {
    expect(parse(["-"]).args).toEqual(["-"]);
  });

  it("accumulates slices and arrays", () => {
    const r = parse(["-L", "app,tier", "-Lzone", "--as-group", "a,b", "--as-group=c"]);
    expect(r.fs.strings("label-columns")).toEqual(["app", "tier", "zone"]);
    expect(r.fs.strings("as-group")).toEqual(["a,b", "c"]);
    expect(parse(['-L', '"a,b",c']).fs.strings("label-columns")).toEqual(["a,b", "c"]);
  });

  it("parses numbers and durations as Go does", () => {
    expect(parse(["--chunk-size=0x10"]).fs.int("chunk-size")).toBe(16);
    expect(parse(["--chunk-size", "1_000"]).fs.int("chunk-size")).toBe(1000);
    expect(parse(["--timeout=1m30s"]).fs.duration("timeout")).toBe(90_000);
    expect(parseGoDuration("1.5h")).toBe(5_400_000);
    expect(parseGoDuration("5")).toBeUndefined();
    expect(parseGoInt("010")).toBe(8);
  });

  it("normalises underscores in long names", () => {
    expect(parse(["--all_namespaces"]).fs.bool("all-namespaces")).toBe(true);
  });

  it("reports errors with pflag's messages", () => {
    expect(error(["--foo"])).toBe("unknown flag: --foo");
    expect(error(["--foo=bar"])).toBe("unknown flag: --foo");
    expect(error(["-Z"])).toBe("unknown shorthand flag: 'Z' in -Z");
    expect(error(["-wZ"])).toBe("unknown shorthand flag: 'Z' in -Z");
    expect(error(["-o"])).toBe("flag needs an argument: 'o' in -o");
    expect(error(["--output"])).toBe("flag needs an argument: --output");
    expect(error(["---x"])).toBe("bad flag syntax: ---x");
    expect(error(["--=x"])).toBe("bad flag syntax: --=x");
    expect(error(["--chunk-size=abc"])).toBe('invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(error(["--chunk-size=99999999999999999999"])).toBe(
      'invalid argument "99999999999999999999" for "--chunk-size" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
    expect(error(["-w=abc"])).toBe('invalid argument "abc" for "-w, --watch" flag: strconv.ParseBool: parsing "abc": invalid syntax');
    expect(error(["--timeout=5"])).toBe('invalid argument "5" for "--timeout" flag: time: invalid duration "5"');
  });

  it("asks for help on an undefined --help or -h", () => {
    const fs = new FlagSet([]);
    expect(() => fs.parse(["--help"])).toThrow(HelpRequested);
    expect(() => fs.parse(["-h"])).toThrow(HelpRequested);
  });
});
