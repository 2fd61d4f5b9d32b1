/**
 * Starts the built app: checks the configuration, brings the database schema up to date, seeds
 * demo data into an empty database when asked to (`--demo`), prints where to go, and serves it
 * with the app's own HTTP server (server/http.ts) from one worker process per core, all on one
 * port (node:cluster). `/healthz` answers once a worker listens.
 *
 *   tsx scripts/serve.ts --demo   # demo: generated secret, plain-http cookies, seeded sign-ins
 *   tsx scripts/serve.ts          # production: SESSION_SECRET required, nothing seeded
 *
 * The primary process does the checks, the migrations and the seed once, runs the mail scheduler
 * (one in the whole cluster, not one per worker), restarts a worker that dies, and on SIGTERM or
 * SIGINT has every worker stop taking requests and finish the ones in flight. `WEB_CONCURRENCY`
 * sets the number of workers (default: the cores available).
 */
import "./production-mode";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../app/server/db.server";
import { HashingTurns, serveHashingTurns, SHARED_HASHING_ENV, type TurnTaker } from "../app/server/password.server";
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

const workerCount = workersWanted(env.WEB_CONCURRENCY);

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

// Set before the app's modules load: the mail scheduler reads DATABASE_PATH (and the mail
// settings) at import. The workers get the same environment through fork().
Object.assign(process.env, env);

cluster.setupPrimary({ exec: fileURLToPath(new URL("./serve-worker.ts", import.meta.url)), args: demo ? ["--demo"] : [] });
/** The workers running now, each with when it started. */
const workers = new Map<Worker, { startedAt: number }>();
/** How many times in a row the worker in each place died soon after starting (the backoff). */
const quickDeaths: number[] = Array.from({ length: workerCount }, () => 0);
const restartTimers = new Set<NodeJS.Timeout>();
/** Workers that have listened so far, and whether all of them have (said once). */
let listened = 0;
let allListening = false;
let shuttingDown = false;
/** Password hashing, one at a time for the whole cluster (not one per worker): the turns are kept here. */
const hashingTurns = new HashingTurns<TurnTaker>();

function fork(place: number): void {
  const worker = cluster.fork({ ...env, [SHARED_HASHING_ENV]: "1" });
  workers.set(worker, { startedAt: Date.now() });
  const forgetHashingTurns = serveHashingTurns(hashingTurns, worker);
  worker.once("listening", () => {
    if (allListening || ++listened < workerCount) return;
    allListening = true;
    console.log(
      `Listening on ${host}:${port} with ${workerCount} worker${workerCount === 1 ? "" : "s"}${env.TRUST_PROXY ? ` (trusting the proxy: ${env.TRUST_PROXY})` : ""}`,
    );
  });
  worker.once("exit", (code, signal) => {
    const { startedAt } = workers.get(worker)!;
    workers.delete(worker);
    forgetHashingTurns();
    if (shuttingDown) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    // While no worker has ever listened, one that exits could not start (the port is taken, the
    // build is broken) and the next would not either: stop, and say so, instead of retrying for
    // ever where nobody looks. Once the server has served, a worker that dies is replaced.
    if (listened === 0) {
      console.error(`A worker exited (${how}) before the server was listening; stopping.`);
      shutDown(1);
      return;
    }
    const deaths = Date.now() - startedAt < 10_000 ? quickDeaths[place]! + 1 : 0;
    quickDeaths[place] = deaths;
    // 0.25 s, 0.5 s, 1 s ... up to 30 s while it keeps dying at once: a crash loop waits, not spins.
    const wait = Math.min(250 * 2 ** deaths, 30_000);
    console.error(`Worker ${place + 1} (pid ${worker.process.pid}) exited (${how}); starting another in ${wait} ms.`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (!shuttingDown) fork(place);
    }, wait);
    restartTimers.add(timer);
  });
}

for (let place = 0; place < workerCount; place++) fork(place);

// Reminders, digests and email delivery (MAIL_SCHEDULER=off leaves them to a system cron). It
// runs here in the primary, once for the whole cluster, not in each worker; it opens its own
// connection to the same database, and its failures are logged, never a request's.
const { startMailScheduler } = await import("../app/server/mail-scheduler.server");
const { mailDestination } = await import("../app/server/mail.server");
const mailScheduler = startMailScheduler(env);
console.log(mailScheduler ? `Email: sent to ${mailDestination(env)}` : "Email: scheduler off (MAIL_SCHEDULER=off)");

/**
 * Every worker stops taking requests and finishes the ones in flight (and a mail pass its
 * sending), then we exit: a supervisor restarts us. At most 5 s; a worker still there then goes
 * with us (a worker whose primary is gone exits at once).
 */
function shutDown(code: number): void {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const timer of restartTimers) clearTimeout(timer);
  for (const worker of workers.keys()) worker.process.kill("SIGTERM");
  const workersGone = new Promise<void>((resolveGone) => {
    const check = () => workers.size === 0 && resolveGone();
    cluster.on("exit", () => setImmediate(check));
    check();
  });
  void Promise.allSettled([workersGone, mailScheduler?.stop()]).finally(() => process.exit(code));
  setTimeout(() => process.exit(code), 5_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => shutDown(0));

/** `WEB_CONCURRENCY`, or one worker per core available to us. */
function workersWanted(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return availableParallelism();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number of workers from 1 to 64, not "${value}".`);
    process.exit(1);
  }
  return Number(value);
}
