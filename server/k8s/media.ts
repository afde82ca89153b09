// Content negotiation as the apiserver does it: an Accept header is a list of
// media types with parameters (`application/json;as=Table;v=v1;g=meta.k8s.io`),
// tried in order.

export interface MediaType {
  type: string;
  params: Record<string, string>;
}

export function parseMediaTypes(header: string | undefined | null): MediaType[] {
  if (!header) return [];
  const out: MediaType[] = [];
  for (const part of header.split(",")) {
    const [type, ...rest] = part.split(";").map((s) => s.trim());
    if (!type) continue;
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf("=");
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    }
    out.push({ type: type.toLowerCase(), params });
  }
  return out;
}

const JSONISH = new Set(["application/json", "*/*", "application/*"]);

/** The first acceptable `as=` form the client asked for: "Table", "APIGroupDiscoveryList", or undefined for plain objects. */
export function negotiate(header: string | undefined | null, forms: ReadonlyArray<{ as: string; g: string; v: readonly string[] }>): { as: string; v: string } | undefined {
  for (const m of parseMediaTypes(header)) {
    if (!JSONISH.has(m.type)) continue;
    if (!m.params.as) return undefined;
    const form = forms.find((f) => f.as === m.params.as && f.g === m.params.g && f.v.includes(m.params.v ?? ""));
    if (form) return { as: form.as, v: m.params.v! };
  }
  return undefined;
}

/** The bare media type of a Content-Type header. */
export function contentType(header: string | undefined | null): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}
