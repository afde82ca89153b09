// The formatting half of Go's fmt (format.go): the flags, width and
// precision of one verb, and how numbers, strings and booleans are padded,
// signed, quoted and truncated. fmt.ts decides which of these a verb uses.

import { canBackquote, formatFloat, isPrint, quote, quoteRune, quoteToASCII } from "./strconv.ts";
import { runeCount, utf8Encode } from "./value.ts";

export const LDIGITS = "0123456789abcdefx";
export const UDIGITS = "0123456789ABCDEFX";

export class Formatter {
  buf = "";
  // fmtFlags
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;

  clearflags(): void {
    this.widPresent = this.precPresent = this.minus = this.plus = false;
    this.sharp = this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
  }

  protected writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero ? "0" : " ").repeat(n);
  }

  /** pad / padString: honour width and the minus flag; width counts runes. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  protected fmtBoolean(v: boolean): void {
    this.pad(v ? "true" : "false");
  }

  protected fmtUnicode(u: number): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = u.toString(16).toUpperCase();
    if (s.length < prec) s = "0".repeat(prec - s.length) + s;
    s = "U+" + s;
    if (this.sharp && u <= 0x10ffff && isPrint(u)) s += " '" + String.fromCodePoint(u) + "'";
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtIntegerBase(v: number, base: number, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && v < 0;
    const u = Math.abs(v);
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--; // leave room for the sign
    }
    let s = Number.isSafeInteger(u) ? u.toString(base) : BigInt(u).toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (s.length < prec) s = "0".repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = "0b" + s;
      else if (base === 8) {
        if (s[0] !== "0") s = "0" + s;
      } else if (base === 16) s = "0" + digits[16] + s;
    }
    if (verb === "O") s = "0o" + s;
    if (negative) s = "-" + s;
    else if (this.plus) s = "+" + s;
    else if (this.space) s = " " + s;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  protected truncateString(s: string): string {
    if (this.precPresent) {
      const runes = Array.from(s);
      if (runes.length > this.prec) return runes.slice(0, this.prec).join("");
    }
    return s;
  }

  protected fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  protected fmtSx(s: string, digits: string): void {
    const b = utf8Encode(s);
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = "";
    if (this.sharp) out += "0" + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += " ";
        if (this.sharp) out += "0" + digits[16];
      }
      out += digits[b[i]! >> 4]! + digits[b[i]! & 15]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  protected fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.pad("`" + s + "`");
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  protected fmtC(c: number): void {
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) c = 0xfffd;
    this.pad(String.fromCodePoint(c));
  }

  protected fmtQc(c: number): void {
    this.pad(quoteRune(c > 0x10ffff ? 0xfffd : c, this.plus));
  }

  protected fmtFloatPrec(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec);
    if (num[0] === "-" || num[0] === "+") {
      // keep the sign
    } else {
      num = "+" + num;
    }
    if (this.space && num[0] === "+" && !this.plus) num = " " + num.slice(1);
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === "N" && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== "b") {
      let digits = 0;
      if (verb === "v" || verb === "g" || verb === "G" || verb === "x") {
        digits = prec;
        if (digits === -1) digits = 6; // %e is used if the exponent from the conversion is < -4 or >= precision
      }
      let tail = "";
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i]!;
        if (c === ".") {
          hasDecimalPoint = true;
        } else if (c === "p" || c === "P" || ((c === "e" || c === "E") && verb !== "x" && verb !== "X")) {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else {
          if (c !== "0") sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === "0") digits--; // a leading 0 counts as a digit
        num += ".";
      }
      while (digits > 0) {
        num += "0";
        digits--;
      }
      num += tail;
    }
    if (this.plus || num[0] !== "+") {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}

