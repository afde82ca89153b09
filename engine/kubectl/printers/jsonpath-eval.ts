// The evaluator of kubectl's JSONPath, ported from
// k8s.io/client-go/util/jsonpath/jsonpath.go (v0.32): it finds the results
// of each `{}` of a parsed template and prints them as kubectl does:
// strings raw, numbers and booleans as Go prints them, null as `null`, maps
// and lists as compact JSON, the results of one `{}` separated by spaces.
//
// Where Go iterates a map (`*`, `..`) its order is random; we use sorted key
// order. Like client-go, an instance keeps the state `range` leaves behind,
// so running a `{range}` template a second time fails as it does in kubectl
// (`not in range, nothing to end`).

import { formatValue } from "./go/fmt.ts";
import { marshal, marshalIndent } from "./go/json.ts";
import { type GoValue, GoNumber, isGoMap, kindOf, mapGet, numberOf, sortedKeys, typeString, utf8Encode } from "./go/value.ts";
import { type JpList, type JpNode, JsonPathError } from "./jsonpath-parse.ts";

/** A reflect.Value: a concrete value, null for a nil interface{}, undefined for the invalid Value. */
type V = GoValue | undefined;
type Walked = [V[], JsonPathError | null];

const ok = (values: V[]): Walked => [values, null];
const fail = (values: V[], message: string): Walked => [values, new JsonPathError(message)];

export interface JsonPathOptions {
  /** `--allow-missing-template-keys` (default true): a missing key is no result rather than an error. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: print each result list as an indented JSON array. */
  outputJson?: boolean;
}

/** template.Indirect: through a nil interface{} is "nil". */
function indirect(v: V): [V, boolean] {
  return v === null ? [v, true] : [v, false];
}

/** reflect.Value.Interface() handed back to FindResults: a nil interface is no value. */
function iface(v: V): V {
  return v === null ? undefined : v;
}

/** A compiled JSONPath template (jsonpath.JSONPath). */
export class JsonPath {
  private root: JpList;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JpNode | null = null;
  private readonly allowMissingKeys: boolean;
  private readonly outputJson: boolean;

  constructor(root: JpList, options: JsonPathOptions = {}) {
    this.root = root;
    this.allowMissingKeys = options.allowMissingKeys ?? true;
    this.outputJson = options.outputJson ?? false;
  }

  /** Every top-level result list, in order; throws JsonPathError. */
  findResults(data: unknown): V[][] {
    const cur: V[] = [data as V];
    const nodes = this.root.nodes;
    const fullResult: V[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const [results, err] = this.walk(cur, node);
      if (err) throw err;

      // An end node closes the current block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      // A range node: run the rest of the template for each result.
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.root.nodes = nodes.slice(i + 1);
            fullResult.push(...this.findResults(iface(value)));
          }
        } else {
          // Still walk the block so the position advances to its end node.
          this.root.nodes = nodes.slice(i + 1);
          this.findResults(undefined);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  /** JSONPath.Execute: find everything first, then print each result list. */
  execute(data: unknown): string {
    const fullResults = this.findResults(data);
    let out = "";
    for (const results of fullResults) out += this.printResults(results);
    return out;
  }

  private printResults(results: V[]): string {
    if (this.outputJson) results = [results.map((r) => (r === undefined ? null : r))];
    let out = "";
    results.forEach((r, i) => {
      const kind = r === undefined || r === null ? "invalid" : kindOf(r);
      let text: string;
      if (kind === "map" || kind === "slice" || this.outputJson) {
        text = this.outputJson ? marshalIndent(r ?? null, "    ") + "\n" : marshal(r ?? null);
      } else {
        text = evalToText(r);
      }
      if (i !== results.length - 1) text += " ";
      out += text;
    });
    return out;
  }

  private walk(value: V[], node: JpNode): Walked {
    switch (node.type) {
      case "list":
        return this.evalList(value, node);
      case "text":
        return ok([node.text]);
      case "field":
        return this.evalField(value, node.value);
      case "array":
        return evalArray(value, node.params);
      case "filter":
        return this.evalFilter(value, node);
      case "int":
        return ok(value.map(() => new GoNumber("int", node.value)));
      case "float":
        return ok(value.map(() => new GoNumber("float64", node.value)));
      case "bool":
        return ok(value.map(() => node.value));
      case "wildcard":
        return ok(evalWildcard(value));
      case "recursive":
        return ok(evalRecursive(value));
      case "union":
        return this.evalUnion(value, node.nodes);
      case "identifier":
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: V[], node: JpList): Walked {
    let cur = value;
    for (const n of node.nodes) {
      const [next, err] = this.walk(cur, n);
      if (err) return [next, err];
      cur = next;
    }
    return ok(cur);
  }

  private evalIdentifier(input: V[], name: string): Walked {
    switch (name) {
      case "range":
        this.beginRange++;
        return ok(input);
      case "end":
        if (this.inRange > 0) {
          this.endRange++;
          return ok([]);
        }
        return fail([], "not in range, nothing to end");
    }
    return fail(input, `unrecognized identifier ${name}`);
  }

  private evalUnion(input: V[], lists: JpList[]): Walked {
    const result: V[] = [];
    for (const list of lists) {
      const [temp, err] = this.evalList(input, list);
      if (err) return [input, err];
      result.push(...temp);
    }
    return ok(result);
  }

  private evalField(input: V[], name: string): Walked {
    const results: V[] = [];
    if (input.length === 0) return ok(results);
    for (const value of input) {
      const [v, isNil] = indirect(value);
      if (isNil) continue;
      if (isGoMap(v)) {
        const result = mapGet(v, name);
        if (result !== undefined) results.push(result);
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) return fail(results, `${name} is not found`);
    return ok(results);
  }

  private evalFilter(input: V[], node: Extract<JpNode, { type: "filter" }>): Walked {
    const results: V[] = [];
    for (const value of input) {
      const v = indirect(value)[0];
      if (!Array.isArray(v)) {
        const shown = v === undefined ? "<invalid reflect.Value>" : formatValue(v);
        return fail(input, `${shown} is not array or slice and cannot be filtered`);
      }
      for (const elem of v) {
        const temp: V[] = [elem];
        const [lefts, lerr] = this.evalList(temp, node.left);
        if (node.operator === "exists") {
          if (lefts.length > 0) results.push(elem);
          continue;
        }
        if (lerr) return [input, lerr];
        if (lefts.length === 0) continue;
        if (lefts.length > 1) return fail(input, "can only compare one element at a time");
        const left = iface(lefts[0]);

        const [rights, rerr] = this.evalList(temp, node.right);
        if (rerr) return [input, rerr];
        if (rights.length === 0) continue;
        if (rights.length > 1) return fail(input, "can only compare one element at a time");
        const right = iface(rights[0]);

        let pass: boolean | string;
        switch (node.operator) {
          case "<":
            pass = less(left, right);
            break;
          case ">":
            pass = greater(left, right);
            break;
          case "==":
            pass = equal(left, right);
            break;
          case "!=":
            pass = notEqual(left, right);
            break;
          case "<=":
            pass = lessEqual(left, right);
            break;
          case ">=":
            pass = greaterEqual(left, right);
            break;
          default:
            return fail(results, `unrecognized filter operator ${node.operator}`);
        }
        if (typeof pass === "string") return fail(results, pass);
        if (pass) results.push(elem);
      }
    }
    return ok(results);
  }
}

function evalArray(input: V[], nodeParams: Extract<JpNode, { type: "array" }>["params"]): Walked {
  const result: V[] = [];
  for (const value of input) {
    const [v, isNil] = indirect(value);
    if (isNil) continue;
    if (!Array.isArray(v)) {
      // Go asks the type of the invalid Value here and panics.
      if (v === undefined) return fail(input, "reflect: call of reflect.Value.Type on zero Value");
      return fail(input, `${typeString(v)} is not array or slice`);
    }
    const params = nodeParams.map((p) => ({ ...p }));
    const [p0, p1, p2] = params as [(typeof params)[0], (typeof params)[0], (typeof params)[0]];
    const len = v.length;
    if (!p0.known) p0.value = 0;
    if (p0.value < 0) p0.value += len;
    if (!p1.known) p1.value = len;
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
    if (p1.value !== p0.value) {
      // Asking for zero elements is allowed.
      if (p0.value >= len || p0.value < 0) return fail(input, `array index out of bounds: index ${p0.value}, length ${len}`);
      if (p1.value > len || p1.value < 0) return fail(input, `array index out of bounds: index ${p1.value - 1}, length ${len}`);
      if (p0.value > p1.value) return fail(input, `starting index ${p0.value} is greater than ending index ${p1.value}`);
    } else {
      return ok(result);
    }
    const sliced = v.slice(p0.value, p1.value);
    let step = 1;
    if (p2.known) {
      if (p2.value <= 0) return fail(input, "step must be > 0");
      step = p2.value;
    }
    for (let i = 0; i < sliced.length; i += step) result.push(sliced[i]!);
  }
  return ok(result);
}

/** The elements of a map (sorted keys), slice, or the bytes of a string. */
function children(v: V): V[] {
  if (typeof v === "string") return utf8Encode(v).map((b) => new GoNumber("uint8", b));
  if (Array.isArray(v)) return v;
  if (isGoMap(v)) return sortedKeys(v).map((k) => v[k]!);
  return [];
}

function evalWildcard(input: V[]): V[] {
  const results: V[] = [];
  for (const value of input) {
    const [v, isNil] = indirect(value);
    if (isNil) continue;
    results.push(...children(v));
  }
  return results;
}

function evalRecursive(input: V[]): V[] {
  const result: V[] = [];
  for (const value of input) {
    const [v, isNil] = indirect(value);
    if (isNil) continue;
    const results = children(v);
    if (results.length !== 0) {
      result.push(v);
      result.push(...evalRecursive(results));
    }
  }
  return result;
}

/** evalToText: the printable form of one non-JSON result. */
function evalToText(v: V): string {
  if (v === undefined) return "<no value>";
  if (v === null) return "null";
  return formatValue(v);
}

// --- comparisons (client-go's fork of text/template funcs: kinds must match) ---

type Kind = "bool" | "int" | "uint" | "float" | "string";

/** basicKind; a string is the error. */
function basicKind(v: V): Kind | string {
  const k = v === undefined || v === null ? "invalid" : kindOf(v);
  if (k === "invalid" || k === "map" || k === "slice") return "invalid type for comparison";
  return k;
}

function equal(a: V, b: V): boolean | string {
  const k1 = basicKind(a);
  if (!isKind(k1)) return k1;
  const k2 = basicKind(b);
  if (!isKind(k2)) return k2;
  if (k1 !== k2) {
    if ((k1 === "int" && k2 === "uint") || (k1 === "uint" && k2 === "int")) return numberOf(a!) === numberOf(b!);
    return "incompatible types for comparison";
  }
  if (k1 === "int" || k1 === "uint" || k1 === "float") return numberOf(a!) === numberOf(b!);
  return a === b;
}

function notEqual(a: V, b: V): boolean | string {
  const e = equal(a, b);
  return typeof e === "string" ? e : !e;
}

function less(a: V, b: V): boolean | string {
  const k1 = basicKind(a);
  if (!isKind(k1)) return k1;
  const k2 = basicKind(b);
  if (!isKind(k2)) return k2;
  if (k1 !== k2) {
    if ((k1 === "int" && k2 === "uint") || (k1 === "uint" && k2 === "int")) return numberOf(a!) < numberOf(b!);
    return "incompatible types for comparison";
  }
  if (k1 === "bool") return "invalid type for comparison";
  if (k1 === "string") return compareBytes(a as string, b as string) < 0;
  return numberOf(a!) < numberOf(b!);
}

function lessEqual(a: V, b: V): boolean | string {
  const lt = less(a, b);
  if (lt === true || typeof lt === "string") return lt;
  return equal(a, b);
}

function greater(a: V, b: V): boolean | string {
  const le = lessEqual(a, b);
  return typeof le === "string" ? le : !le;
}

function greaterEqual(a: V, b: V): boolean | string {
  const lt = less(a, b);
  return typeof lt === "string" ? lt : !lt;
}

function isKind(k: string): k is Kind {
  return k === "bool" || k === "int" || k === "uint" || k === "float" || k === "string";
}

function compareBytes(a: string, b: string): number {
  const x = utf8Encode(a);
  const y = utf8Encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
