/**
 * Starts the built app: checks the configuration, brings the database schema up to date, seeds
 * demo data into an empty database when asked to (`--demo`), prints where to go, and serves it
 * with the app's own HTTP server (server/http.ts). `/healthz` answers once it listens.
 *
 *   tsx scripts/serve.ts --demo   # demo: generated secret, plain-http cookies, seeded sign-ins
 *   tsx scripts/serve.ts          # production: SESSION_SECRET required, nothing seeded
 */
import "./production-mode";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../app/server/db.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROGRAMS, isEmpty, seedDemo } from "../db/seed";
import { ROLE_LABELS } from "../app/domain/roles";

// Whatever this process creates (the database, its WAL, backups, the demo secret) is private.
process.umask(0o077);

const demo = process.argv.includes("--demo");
const databasePath = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_PATH: databasePath, PORT: port };

if (!existsSync("build/server/index.js")) {
  console.error("The app is not built yet. Run `npm run build` first.");
  process.exit(1);
}

if (demo) {
  // A demo needs no configuration: keep a generated secret beside the database so restarts
  // keep people signed in, and allow the session cookie over plain http on this machine.
  if (!env.SESSION_SECRET) {
    const secretFile = resolve(dirname(databasePath), ".demo-session-secret");
    if (!existsSync(secretFile)) {
      mkdirSync(dirname(secretFile), { recursive: true });
      writeFileSync(secretFile, randomBytes(32).toString("hex"), { mode: 0o600 });
    }
    env.SESSION_SECRET = readFileSync(secretFile, "utf8").trim();
  }
  env.COOKIE_SECURE ??= "false";
} else if (!env.SESSION_SECRET) {
  console.error("SESSION_SECRET is not set. Set it to a long random string, e.g. `export SESSION_SECRET=$(openssl rand -hex 32)`.");
  process.exit(1);
}

const db = openDatabase(databasePath);
if (demo && isEmpty(db)) {
  console.log(`Seeding demo data into ${databasePath} ...`);
  await seedDemo(db);
}
db.$client.close();

const url = `http://localhost:${port}`;
console.log(`\nCASA MDT coordination is starting at ${url} (database: ${databasePath})`);
if (demo) {
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  const programNames = new Map<string, string>(Object.values(DEMO_PROGRAMS).map((p) => [p.slug, p.name]));
  for (const a of DEMO_ACCOUNTS) {
    console.log(`  ${a.email.padEnd(31)} ${ROLE_LABELS[a.role].padEnd(20)} ${programNames.get(a.program) ?? a.program}`);
  }
}
console.log("");

// Set before the server's modules load: React and React Router pick their build from NODE_ENV
// when first imported, and the app reads DATABASE_PATH and SESSION_SECRET at import.
Object.assign(process.env, env);
const { createHttpApp } = await import("../server/http");
const build = (await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild;
const app = createHttpApp({
  build,
  clientDir: resolve("build/client"),
  trustProxy: env.TRUST_PROXY,
  // Production always; browsers ignore it over plain http, and the demo may be served either way.
  hsts: !demo,
});
const server = app.listen(Number(port), host, () => {
  console.log(`Listening on ${host}:${port}${env.TRUST_PROXY ? ` (trusting the proxy: ${env.TRUST_PROXY})` : ""}`);
});
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
// Reminders, digests and email delivery (MAIL_SCHEDULER=off leaves them to a system cron). It
// runs here, beside the HTTP server, not in the React Router build: it opens its own connection
// to the same database, and its failures are logged, never a request's.
const { startMailScheduler } = await import("../app/server/mail-scheduler.server");
const { mailDestination } = await import("../app/server/mail.server");
const mailScheduler = startMailScheduler(env);
console.log(mailScheduler ? `Email: sent to ${mailDestination(env)}` : "Email: scheduler off (MAIL_SCHEDULER=off)");
// Stop taking requests, let the ones in flight (and a mail pass) finish, then exit (a supervisor restarts us).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    let open = 2;
    const done = () => --open === 0 && process.exit(0);
    server.close(done);
    void (mailScheduler?.stop() ?? Promise.resolve()).finally(done);
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
