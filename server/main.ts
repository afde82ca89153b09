// `npm start`: serves kubedojo on PORT (default 3000). PUBLIC_URL, when set,
// is the server's address in the kubeconfigs it hands out (behind a TLS
// proxy). TLS_CERT and TLS_KEY (PEM files) make it serve HTTPS itself; real
// kubectl sends its bearer token only over TLS.
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";

const port = Number(process.env.PORT ?? 3000);
const certFile = process.env.TLS_CERT;
const keyFile = process.env.TLS_KEY;
const tls = certFile && keyFile ? { cert: readFileSync(certFile, "utf8"), key: readFileSync(keyFile, "utf8") } : undefined;
const app = createApp({ publicUrl: process.env.PUBLIC_URL || undefined, certificateAuthority: tls?.cert });
serve({ fetch: app.fetch, port, ...(tls ? { createServer, serverOptions: tls } : {}) }, (info) => {
  console.log(`kubedojo listening on ${tls ? "https" : "http"}://localhost:${info.port}`);
});
