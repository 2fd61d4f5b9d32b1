/**
 * One worker of the production server (scripts/serve.ts forks one per core with node:cluster):
 * the app's own HTTP server (server/http.ts) over the built app, on the port all workers share.
 * The primary has checked the configuration, migrated the database and set the environment.
 *
 * On SIGTERM or SIGINT (from the primary, or Ctrl-C reaching the whole process group) it stops
 * taking requests, lets the ones in flight finish, and exits, at most 5 s later. When the primary
 * is gone (killed outright), node:cluster's 'disconnect' ends the worker at once: nothing is left
 * listening without someone to restart it.
 */
import "./production-mode";
import cluster from "node:cluster";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";

if (cluster.isPrimary) {
  console.error("scripts/serve-worker.ts is started by scripts/serve.ts; run that instead.");
  process.exit(1);
}

process.umask(0o077);
const demo = process.argv.includes("--demo");
const { createHttpApp } = await import("../server/http");
const build = (await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild;
const app = createHttpApp({
  build,
  clientDir: resolve("build/client"),
  trustProxy: process.env.TRUST_PROXY,
  // Production always; browsers ignore it over plain http, and the demo may be served either way.
  hsts: !demo,
});
const server = app.listen(Number(process.env.PORT ?? "3000"), process.env.HOST ?? "0.0.0.0");
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // close() stops accepting and ends idle keep-alive connections; it calls back once the
    // requests in flight have been answered.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
