// The Go types of the built-in kinds and the API server's typed JSON decoding.
export {
  goType,
  goTypeName,
  kindInfo,
  KINDS,
  schemaForKind,
  structOf,
  structSchema,
  typeAtPath,
  type FieldSchema,
  type GoType,
  type KindInfo,
  type ScalarKind,
  type SpecialKind,
  type StructSchema,
} from "./schema.ts";
export {
  decodeBody,
  decodeMetadataOnly,
  decodeTyped,
  formatDecodeError,
  quantityJsonError,
  strictDecodingError,
  type BodyDecode,
  type DecodeError,
  type DecodeOptions,
  type DecodeResult,
  type FieldValidation,
  type StrictError,
} from "./decode.ts";
export { goTimeParseError, RFC3339, RFC3339_MICRO } from "./go-time.ts";
export { goBase64Error } from "./go-base64.ts";
