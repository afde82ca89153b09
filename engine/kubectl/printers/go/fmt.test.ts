import { describe, expect, it } from "vitest";
import { type OracleCase, describeOracle } from "../../../../test/oracle/suite.ts";
import { formatValue, goSyntax, sprint, sprintf } from "./fmt.ts";
import { formatFloat } from "./strconv.ts";
import { GoNumber } from "./value.ts";

// Go's fmt as kubectl's printf shows it, checked against the real binary.
const printf = (name: string, args: string): OracleCase => ({ name, output: `go-template={{printf ${args}}}` });

const cases: OracleCase[] = [
  printf("strings: width, precision, left-justify", '"[%5s][%-5s][%.2s][%5.1s]" "ab" "ab" "xyz" "xyz"'),
  printf("strings are zero-padded with 0", '"[%05s][%-05s]" "ab" "ab"'),
  printf("width counts runes", '"[%5s][%-4s]" "héé" "ü"'),
  printf("%q quotes with Go escapes", '"%q %q %q %+q %#q %#q" "a\\"b" "tab\\there" "é" "é" "back`tick" "plain"'),
  printf("%x and %X of strings", '"%x %X % x %#x %# x" "hi" "hi" "hi" "hi" "hi"'),
  printf("integers in every base", '"%d %b %o %O %x %X %#x %#o %#b" 255 255 255 255 255 255 255 255 255'),
  printf("integer flags", '"[%+d][% d][%05d][%-5d][%5d][%.3d][%8.3d][%+05d]" 7 7 -7 7 -7 7 7 7'),
  printf("zero precision of zero prints nothing", '"[%.0d][%5.0d]" 0 0'),
  printf("%c %q %U of integers", '"%c %q %U %#U %c" 65 9731 9731 9731 128512'),
  printf("floats: %f %e %g", '"%f %e %g %E %G" 3.14159 3.14159 3.14159 314159.0 0.000012'),
  printf("floats: precision", '"%.2f %.0f %.3e %.3g %.10g" 2.675 2.5 123456.0 123456.0 0.1'),
  printf("floats: round half to even", '"%.0f %.0f %.0f %.1f %.2f" 0.5 1.5 2.5 0.25 1.005'),
  printf("floats: width, sign and zero padding", '"[%8.2f][%-8.2f][%+.1f][% .1f][%08.2f][%+08.2f]" 3.14159 3.14159 2.0 2.0 -3.14159 3.14159'),
  printf("floats: %v of big and small numbers", '"%v %v %v %v %v" 1e6 123456.0 1e21 1e-5 0.0001'),
  printf("floats: %#g keeps trailing zeros", '"%#g %#.3g %#v %#f" 1.0 2.0 3.0 4.0'),
  printf("booleans", '"%t %v %5t %-6t|" true false true false'),
  printf("a bad verb shows type and value", '"%d %s %t %f" "x" 3 "y" 4'),
  printf("a bad verb keeps width and precision", '"%5.2f" 3'),
  printf("missing and extra arguments", '"%s %d %v" "a"'),
  printf("extra arguments are listed", '"%s" "a" 1 "b" nil'),
  printf("a trailing percent", '"100%"'),
  printf("%% does not take an argument", '"%d%%" 50'),
  printf("explicit argument indexes", '"%[2]s %[1]s %[2]s %s" "a" "b"'),
  printf("a bad argument index", '"%[3]s %[0]d" "a"'),
  printf("width and precision from arguments", '"[%*d][%-*d][%.*f][%*.*f]" 5 1 5 2 2 3.14159 8 3 2.0'),
  printf("a bad width argument", '"%*d" "x" 3'),
  printf("a bad precision argument", '"%.*f" "x" 3.0'),
  printf("%T of every kind", '"%T %T %T %T %T %T" 1 1.5 "s" true nil .metadata.labels'),
  printf("%v, %+v and %#v of a map", '"%v|%+v|%#v" .metadata.labels .metadata.labels .metadata.labels'),
  printf("%#v of a list of maps", '"%#v" .spec.template.spec.containers'),
  printf("a verb applies to map and list elements", '"%d|%q|%x" .metadata.labels .spec.template.spec.containers .spec.selector'),
  printf("width applies to each element", '"%6v|%-6v" .metadata.labels .spec.replicas'),
  printf("nil with several verbs", '"%v %d %s %q" nil nil nil nil'),
  printf("a missing value is nil", '"%v %s %T" .nope .nope .nope'),
  printf("int64 from data and int literals", '"%T %T %v" .spec.replicas 3 .spec.replicas'),
  printf("no verb at the end", '"abc%"'),
  printf("flags without a verb", '"%-"'),
  printf("a verb after an index with width is bad", '"%[1]5d" 3'),
  printf("unknown verbs", '"%z %y" 1 "s"'),
  printf("%p is not supported for values", '"%p" "s"'),
  printf("printf of a bare format", '"plain text"'),
  { name: "print separates non-strings with spaces", output: 'go-template={{print 1 2 "a" 3 "b" "c" 4.5 true nil}}' },
  { name: "println separates everything", output: 'go-template={{println 1 "a" .metadata.labels}}' },
];

describeOracle("fmt matches Go's as kubectl prints it", cases);

describe("sprintf", () => {
  it.each<[string, unknown[], string]>([
    ["%d", [new GoNumber("int", 42)], "42"],
    ["%s", [{ b: 1, a: [1, "x", null] }], "map[a:[%!s(int64=1) x <nil>] b:%!s(int64=1)]"],
    ["%v", [null], "<nil>"],
    ["%x", [-255], "-ff"],
    ["%08.3f", [-3.14159], "-003.142"],
    ["%e", [new GoNumber("float64", 0)], "0.000000e+00"],
    ["%g", [new GoNumber("float64", 100000)], "100000"],
    ["%g", [100000], "%!g(int64=100000)"],
    ["%g", [1e-7], "1e-07"],
  ])("sprintf(%j, %j) is %j", (format, args, expected) => {
    expect(sprintf(format, args as never)).toBe(expected);
  });

  it("sprint adds spaces only between non-strings", () => {
    expect(sprint([1, 2, "a", "b", 3])).toBe("1 2ab3");
  });

  it("formats values as Go's %v and %#v", () => {
    expect(formatValue({ k: [1, 2.5, "s", true, null] })).toBe("map[k:[1 2.5 s true <nil>]]");
    expect(goSyntax({ k: [1, "s", null], e: {} })).toBe(
      'map[string]interface {}{"e":map[string]interface {}{}, "k":[]interface {}{1, "s", interface {}(nil)}}',
    );
  });
});

describe("formatFloat", () => {
  it.each<[number, string, number, string]>([
    [2.5, "f", 0, "2"],
    [3.5, "f", 0, "4"],
    [0.125, "f", 2, "0.12"],
    [1.005, "f", 2, "1.00"],
    [123456789, "e", 2, "1.23e+08"],
    [1e-300, "g", -1, "1e-300"],
    [0.1, "g", 20, "0.10000000000000000555"],
    [-0, "g", -1, "-0"],
    [1 / 3, "f", -1, "0.3333333333333333"],
  ])("%d as %s with precision %d is %s", (x, fmt, prec, expected) => {
    expect(formatFloat(x, fmt, prec)).toBe(expected);
  });
});
