// The Hono application. Feature apps (sessions, terminal, Kubernetes API,
// pages) are mounted here as they are built.
import { Hono } from "hono";

export function createApp(): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  app.get("/", (c) =>
    c.html(
      "<!doctype html><title>kubedojo</title><h1>kubedojo</h1>" +
        "<p>The simulated cluster engine is under construction; lessons and the terminal come next.</p>",
    ),
  );
  return app;
}
