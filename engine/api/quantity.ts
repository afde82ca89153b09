// resource.Quantity for the components that do arithmetic with it (scheduler,
// kubelet). The parser and canonical formatter live in validation/quantity.ts,
// written first for validation; this module is the public home that re-exports
// them, so there is one parser, and adds the number views the scheduler uses
// (cpu in millicores, everything else in units, both rounded up as Go does).
import {
  compareQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  tryParseQuantity,
  type Quantity,
} from "./validation/quantity.ts";

export {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  QuantityParseError,
  canonicalResourceQuantity,
  compareQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  quantitySign,
  roundUpQuantity,
  tryParseQuantity,
} from "./validation/quantity.ts";
export type { Quantity, QuantityFormat } from "./validation/quantity.ts";

/** Quantity.Value(): whole units, rounded up (`1.5` → 2, `100m` → 1). */
export function quantityValue(q: Quantity): bigint {
  if (q.scale >= 0) return q.mantissa * 10n ** BigInt(q.scale);
  const d = 10n ** BigInt(-q.scale);
  const trunc = q.mantissa / d;
  return trunc * d === q.mantissa || q.mantissa < 0n ? trunc : trunc + 1n;
}

/** Sum of two quantities; the result keeps the first one's format (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const s = Math.min(a.scale, b.scale);
  const mantissa = a.mantissa * 10n ** BigInt(a.scale - s) + b.mantissa * 10n ** BigInt(b.scale - s);
  return { mantissa, scale: s, format: a.mantissa === 0n ? b.format : a.format, int64Path: true };
}

/** A whole number of units in a format, as resource.NewQuantity builds one. */
export function quantityOf(value: bigint | number, format: Quantity["format"] = "DecimalSI"): Quantity {
  return { mantissa: BigInt(value), scale: 0, format, int64Path: true };
}

/** Milli-units of a quantity string as a JS number (cpu requests); 0 for an invalid one. */
export function milliOf(text: string | number | undefined): number {
  if (text === undefined) return 0;
  const q = tryParseQuantity(text);
  return q === null ? 0 : Number(milliValue(q));
}

/** Whole units of a quantity string as a JS number (memory, pods, storage); 0 for an invalid one. */
export function unitsOf(text: string | number | undefined): number {
  if (text === undefined) return 0;
  const q = tryParseQuantity(text);
  return q === null ? 0 : Number(quantityValue(q));
}

/** The canonical text of a quantity string, or the error message Go gives for it. */
export function canonicalQuantity(text: string | number): string {
  return formatQuantity(parseQuantity(text));
}

/** -1, 0 or 1: how two quantity strings compare (both must be valid). */
export function compareQuantityText(a: string | number, b: string | number): number {
  return compareQuantity(parseQuantity(a), parseQuantity(b));
}

/** True when the text is a valid quantity. */
export function isQuantity(text: string | number): boolean {
  return tryParseQuantity(text) !== null;
}
