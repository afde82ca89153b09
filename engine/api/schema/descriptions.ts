// Short descriptions of fields, in our own words, for kubectl explain. Keyed
// by "<struct type>.<json field>", e.g. "core.Container.image". Empty for now:
// schema.ts attaches a description to a field when one is listed here.
export const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {};

/** Short descriptions of types (structs and named types), keyed by type, e.g. "apps.Deployment". */
export const TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {};
