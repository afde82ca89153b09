// The session API (DESIGN.md "Server API and access"): create a sandbox, run
// a shell line in it, download its kubeconfig, and its Kubernetes API under
// /k8s/:id. Every route of a session needs its bearer token.
import { Hono, type Context } from "hono";
import { k8sApi } from "./k8s/app.ts";
import { jsonResponse, UNAUTHORIZED } from "./k8s/status.ts";
import { kubeconfigYaml } from "./kubeconfig.ts";
import type { Session, SessionStore } from "./sessions.ts";

function bearer(c: Context): string | undefined {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header("authorization") ?? "");
  return m?.[1];
}

function apiError(code: number, error: string): Response {
  const headers: Record<string, string> = code === 401 ? { "www-authenticate": 'Bearer realm="kubedojo"' } : {};
  return jsonResponse(code, { error }, headers);
}

/** The session of the request, or the 401/404 answer. */
function authorize(store: SessionStore, c: Context): Session | Response {
  const token = bearer(c);
  if (token === undefined) return apiError(401, "missing bearer token (Authorization: Bearer <token>)");
  const session = store.get(c.req.param("id") ?? "");
  if (!session) return apiError(404, "session not found");
  if (!session.authorized(token)) return apiError(401, "invalid token for this session");
  return session;
}

/** A JSON object body, or the 400 that says why not. */
async function jsonObject(c: Context, optional: boolean): Promise<Record<string, unknown> | Response> {
  const text = await c.req.text();
  if (text.trim() === "") return optional ? {} : apiError(400, "request body must be a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return apiError(400, `request body is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return apiError(400, "request body must be a JSON object");
  return value as Record<string, unknown>;
}

export interface SessionRoutesOptions {
  /** The server's public URL (behind a proxy); default: the request's own origin. */
  publicUrl?: string;
  /** The PEM certificate the server serves TLS with, put into kubeconfigs (self-signed set-ups). */
  certificateAuthority?: string;
}

export function sessionRoutes(store: SessionStore, options: SessionRoutesOptions = {}): Hono {
  const app = new Hono();

  app.post("/api/sessions", async (c) => {
    const body = await jsonObject(c, true);
    if (body instanceof Response) return body;
    if (body.lesson !== undefined && body.lesson !== null) {
      if (typeof body.lesson !== "string") return apiError(400, "lesson must be a string");
      // No lessons exist yet: every name is unknown.
      return apiError(404, `lesson "${body.lesson}" not found`);
    }
    const { session, token } = store.create();
    return c.json({ id: session.id, token }, 201);
  });

  app.post("/api/sessions/:id/exec", async (c) => {
    const session = authorize(store, c);
    if (session instanceof Response) return session;
    const body = await jsonObject(c, false);
    if (body instanceof Response) return body;
    if (typeof body.command !== "string") return apiError(400, "command must be a string");
    if (body.command.includes("\n")) return apiError(400, "command must be a single line");
    session.sync();
    const signal = c.req.raw.signal;
    const result = await session.cluster.exec(body.command, { signal, wait: (ms) => session.wait(ms, signal) });
    return c.json({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode });
  });

  app.get("/api/sessions/:id/kubeconfig", (c) => {
    const session = authorize(store, c);
    if (session instanceof Response) return session;
    const origin = options.publicUrl?.replace(/\/+$/, "") ?? new URL(c.req.url).origin;
    const yaml = kubeconfigYaml(`${origin}/k8s/${session.id}`, bearer(c)!, options.certificateAuthority);
    return c.body(yaml, 200, { "content-type": "application/yaml; charset=utf-8" });
  });

  // The Kubernetes API: a real apiserver answers every credential problem with
  // the same 401 Status, whether or not the sandbox exists.
  app.route(
    "/k8s/:id",
    k8sApi((c) => {
      const session = store.get(c.req.param("id") ?? "");
      if (!session || !session.authorized(bearer(c))) return jsonResponse(401, UNAUTHORIZED);
      return session;
    }),
  );

  return app;
}
