// The API server's OpenAPI documents (v2 and v3), generated from the Go types.
export { documentHash, openApiDocuments, type OpenApiDocuments, type ServedKind } from "./documents.ts";
export type { Json, JsonObject } from "./schemas.ts";
export { definitionName } from "./names.ts";
