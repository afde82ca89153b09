// The Hono application. Feature apps (sessions, terminal, Kubernetes API,
// pages) are mounted here as they are built.
import { Hono } from "hono";
import { sessionRoutes, type SessionRoutesOptions } from "./session-routes.ts";
import { SessionStore } from "./sessions.ts";

export interface AppOptions extends SessionRoutesOptions {
  /** The sandboxes (default: a fresh in-memory store). */
  sessions?: SessionStore;
}

export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  const sessions = options.sessions ?? new SessionStore();
  app.get("/healthz", (c) => c.text("ok"));
  app.get("/", (c) =>
    c.html(
      "<!doctype html><title>kubedojo</title><h1>kubedojo</h1>" +
        "<p>The simulated cluster engine is under construction; lessons and the terminal come next.</p>",
    ),
  );
  app.route("/", sessionRoutes(sessions, options));
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
  // Never a stack trace on the wire.
  app.onError((err, c) => {
    console.error(err);
    return c.json({ error: "internal server error" }, 500);
  });
  return app;
}
