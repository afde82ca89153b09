// A port of Go's fmt printing (print.go) over GoValue: Sprint, Sprintln
// and Sprintf with Go's verbs, flags, width/precision (also `*` and `[n]`
// argument indexes) and its error forms (%!d(string=x), %!s(MISSING),
// %!(EXTRA ...), %!(NOVERB), %!(BADWIDTH) ...). format.ts does the padding.
//
// `null` is Go's nil: as an argument it is an untyped nil interface, inside a
// map or slice a nil interface{} element. Not ported: %p (no addresses),
// hex/binary float verbs (%x %X %b on floats), complex numbers, methods
// (Stringer/error/Formatter; JSON-decoded values have none).

import { Formatter, LDIGITS, UDIGITS } from "./format.ts";
import { type GoValue, kindOf, numberOf, sortedKeys, typeString } from "./value.ts";

/** Marks "no argument" (Go's p.arg == nil / invalid p.value). */
const NONE = Symbol("none");

class Printer extends Formatter {
  private arg: GoValue | typeof NONE = NONE;
  private value: GoValue | typeof NONE = NONE;
  private reordered = false;
  private goodArgNum = true;

  // --- print.go ---

  private badVerb(verb: string): void {
    this.buf += "%!" + verb + "(";
    if (this.arg !== NONE) {
      this.buf += typeString(this.arg) + "=";
      this.printArg(this.arg, "v");
    } else if (this.value !== NONE) {
      this.buf += typeString(this.value) + "=";
      this.printValue(this.value, "v", 0);
    } else {
      this.buf += "<nil>";
    }
    this.buf += ")";
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === "t" || verb === "v") this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  private fmtInteger(v: number, isSigned: boolean, verb: string): void {
    switch (verb) {
      case "v":
        if (this.sharpV && !isSigned) {
          const sharp = this.sharp;
          this.sharp = true;
          this.fmtIntegerBase(v, 16, false, "v", LDIGITS);
          this.sharp = sharp;
        } else {
          this.fmtIntegerBase(v, 10, isSigned, verb, LDIGITS);
        }
        return;
      case "d":
        return this.fmtIntegerBase(v, 10, isSigned, verb, LDIGITS);
      case "b":
        return this.fmtIntegerBase(v, 2, isSigned, verb, LDIGITS);
      case "o":
      case "O":
        return this.fmtIntegerBase(v, 8, isSigned, verb, LDIGITS);
      case "x":
        return this.fmtIntegerBase(v, 16, isSigned, verb, LDIGITS);
      case "X":
        return this.fmtIntegerBase(v, 16, isSigned, verb, UDIGITS);
      case "c":
        return this.fmtC(v);
      case "q":
        return this.fmtQc(v);
      case "U":
        return this.fmtUnicode(v);
    }
    this.badVerb(verb);
  }

  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case "v":
        return this.fmtFloatPrec(v, "g", -1);
      case "g":
      case "G":
        return this.fmtFloatPrec(v, verb, -1);
      case "f":
      case "e":
      case "E":
        return this.fmtFloatPrec(v, verb, 6);
      case "F":
        return this.fmtFloatPrec(v, "f", 6);
    }
    this.badVerb(verb);
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case "v":
        return this.sharpV ? this.fmtQ(v) : this.fmtS(v);
      case "s":
        return this.fmtS(v);
      case "x":
        return this.fmtSx(v, LDIGITS);
      case "X":
        return this.fmtSx(v, UDIGITS);
      case "q":
        return this.fmtQ(v);
    }
    this.badVerb(verb);
  }

  printArg(arg: GoValue, verb: string): void {
    this.arg = arg === null ? NONE : arg;
    this.value = NONE;
    if (arg === null) {
      if (verb === "T" || verb === "v") this.pad("<nil>");
      else this.badVerb(verb);
      return;
    }
    if (verb === "T") {
      this.fmtS(typeString(arg));
      return;
    }
    if (verb === "p") {
      this.badVerb(verb);
      return;
    }
    this.printConcrete(arg, verb, 0);
  }

  /** printValue for a concrete value. */
  private printValue(v: GoValue, verb: string, depth: number): void {
    this.arg = NONE;
    this.value = v;
    this.printConcrete(v, verb, depth);
  }

  private printConcrete(v: GoValue, verb: string, depth: number): void {
    switch (kindOf(v)) {
      case "bool":
        return this.fmtBool(v as boolean, verb);
      case "int":
        return this.fmtInteger(numberOf(v), true, verb);
      case "uint":
        return this.fmtInteger(numberOf(v), false, verb);
      case "float":
        return this.fmtFloat(numberOf(v), verb);
      case "string":
        return this.fmtString(v as string, verb);
      case "map": {
        const m = v as Record<string, GoValue>;
        this.arg = NONE;
        this.value = v;
        this.buf += this.sharpV ? typeString(v) + "{" : "map[";
        sortedKeys(m).forEach((key, i) => {
          if (i > 0) this.buf += this.sharpV ? ", " : " ";
          this.printValue(key, verb, depth + 1);
          this.buf += ":";
          this.printElem(m[key]!, verb, depth + 1);
        });
        this.buf += this.sharpV ? "}" : "]";
        return;
      }
      case "slice": {
        const a = v as GoValue[];
        this.arg = NONE;
        this.value = v;
        this.buf += this.sharpV ? typeString(v) + "{" : "[";
        a.forEach((e, i) => {
          if (i > 0) this.buf += this.sharpV ? ", " : " ";
          this.printElem(e, verb, depth + 1);
        });
        this.buf += this.sharpV ? "}" : "]";
        return;
      }
      case "invalid":
        this.buf += "<nil>";
    }
  }

  /** printValue of an interface{} element of a map or slice. */
  private printElem(e: GoValue, verb: string, depth: number): void {
    if (e === null) {
      this.buf += this.sharpV ? "interface {}(nil)" : "<nil>";
      return;
    }
    this.printValue(e, verb, depth + 1);
  }

  // --- doPrintf ---

  private argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== "[") return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && 0 <= index && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  doPrintf(format: string, a: readonly GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    formatLoop: for (let i = 0; i < end; ) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== "%") i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++; // skip %
      this.clearflags();
      simpleFormat: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case "#":
            this.sharp = true;
            break;
          case "0":
            this.zero = !this.minus; // only allow zero padding to the left
            break;
          case "+":
            this.plus = true;
            break;
          case "-":
            this.minus = true;
            this.zero = false;
            break;
          case " ":
            this.space = true;
            break;
          default:
            // Fast path: a lower-case verb with no width or precision.
            if ("a" <= c && c <= "z" && argNum < a.length) {
              if (c === "v") {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(a[argNum]!, c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }

      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);

      if (i < end && format[i] === "*") {
        i++;
        [this.wid, this.widPresent, argNum] = intFromArg(a, argNum);
        if (!this.widPresent) this.buf += "%!(BADWIDTH)";
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false; // "%[3]2d"
      }

      if (i + 1 < end && format[i] === ".") {
        i++;
        if (afterIndex) this.goodArgNum = false; // "%[3].2d"
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === "*") {
          i++;
          [this.prec, this.precPresent, argNum] = intFromArg(a, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += "%!(BADPREC)";
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }

      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);

      if (i >= end) {
        this.buf += "%!(NOVERB)";
        break;
      }

      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;

      if (verb === "%") {
        this.buf += "%"; // does not absorb operands and ignores width and precision
      } else if (!this.goodArgNum) {
        this.buf += "%!" + verb + "(BADINDEX)";
      } else if (argNum >= a.length) {
        this.buf += "%!" + verb + "(MISSING)";
      } else {
        if (verb === "v") {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[argNum]!, verb);
        argNum++;
      }
    }

    if (!this.reordered && argNum < a.length) {
      this.clearflags();
      this.buf += "%!(EXTRA ";
      a.slice(argNum).forEach((arg, i) => {
        if (i > 0) this.buf += ", ";
        if (arg === null) {
          this.buf += "<nil>";
        } else {
          this.buf += typeString(arg) + "=";
          this.printArg(arg, "v");
        }
      });
      this.buf += ")";
    }
  }
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s[i]! >= "0" && s[i]! <= "9"; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + Number(s[i]);
    isnum = true;
  }
  return [num, isnum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === "]") {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

function intFromArg(a: readonly GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = a[argNum]!;
    const k = kindOf(v);
    if (k === "int" || k === "uint") {
      num = numberOf(v);
      isInt = true;
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === "string";
    if (i > 0 && !isString && !prevString) p.buf += " ";
    p.printArg(arg, "v");
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += " ";
    p.printArg(arg, "v");
  });
  return p.buf + "\n";
}

/** fmt.Sprint of one value: Go's default (%v) format. */
export function formatValue(v: GoValue): string {
  return sprint([v]);
}

/** fmt.Sprintf("%#v", v): Go syntax, as kubectl's jsonpath error dump shows objects. */
export function goSyntax(v: GoValue): string {
  return sprintf("%#v", [v]);
}

