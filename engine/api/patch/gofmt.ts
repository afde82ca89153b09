// Go's view of decoded JSON values, for the strategic-merge code ported from
// apimachinery: the dynamic type names its type checks and error messages
// use, `==` on interface{} values, and fmt's %v / %s renderings.
//
// Both the API server and kubectl decode with UnmarshalCaseSensitivePreserveInts:
// a number written without fraction or exponent is an int64, any other a
// float64. Decoded JS numbers cannot tell 1 from 1.0, so integers are int64.
import { isMap } from "./json-value.ts";

/** reflect.TypeOf(v).String(), or "" for nil (reflect.TypeOf(nil) is a nil Type). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return "[]interface {}";
  if (isMap(v)) return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "interface {}";
}

/** reflect.Kind name of the dynamic type. */
export function goKind(v: unknown): string {
  const t = goTypeName(v);
  if (t.startsWith("map[")) return "map";
  if (t.startsWith("[]")) return "slice";
  return t;
}

/** Raised where Go would panic (uncomparable `==`, nil reflect.Type); the server answers 500. */
export class GoPanic extends Error {}

/** `a == b` on two interface{} values holding decoded JSON. */
export function goEqual(a: unknown, b: unknown): boolean {
  const ta = goTypeName(a);
  const tb = goTypeName(b);
  if (ta !== tb) return false;
  if (ta.startsWith("map[") || ta.startsWith("[]")) throw new GoPanic(`runtime error: comparing uncomparable type ${ta}`);
  if (ta === "") return true;
  return a === b;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is what %v prints for a float64. */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  // Shortest digits; exponent form when the exponent is < -4 or >= 6 (%g with precision -1).
  const [mantissa, e] = f.toExponential().split("e") as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(f);
}

function formatNumber(n: number): string {
  return goTypeName(n) === "int64" ? String(n) : formatFloat(n);
}

/** fmt's %v. Maps print as map[k:v ...] with sorted keys, nil as <nil>. */
export function goSprintV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map((x) => goSprintV(x)).join(" ")}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goSprintV(v[k])}`).join(" ")}]`;
  }
  if (typeof v === "number") return formatNumber(v);
  return String(v);
}

/** fmt's %s of an interface{}: strings as is, other scalars as %!s(type=value). */
export function goSprintS(v: unknown): string {
  if (v === null || v === undefined) return "%!s(<nil>)";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return `[${v.map((x) => goSprintS(x)).join(" ")}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goSprintS(v[k])}`).join(" ")}]`;
  }
  return `%!s(${goTypeName(v)}=${goSprintV(v)})`;
}

/** mergepatch.ErrBadArgType: "expected a <type>, but received a <type>". */
export function errBadArgType(expected: string, actual: unknown): string {
  const t = goTypeName(actual);
  return `expected a ${expected}, but received a ${t === "" ? "%!s(<nil>)" : t}`;
}
