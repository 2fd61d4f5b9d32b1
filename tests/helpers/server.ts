/**
 * Starts the production build (`build/server/index.js`) the way `npm run start:production` does
 * (scripts/serve.ts and the app's own HTTP server) on a free port against a fresh SQLite file in a
 * temp dir (a copy of the run's demo template, see tests/helpers/demo-database.ts), for
 * end-to-end and wire tests.
 *
 *   const server = await startServer();          // seeded with the demo data
 *   ... fetch(`${server.url}/login`) ...
 *   await server.stop();                          // kills it, removes the temp dir
 *
 *   await server.crash();                         // SIGKILL to all its processes; the files stay
 *   const again = await startServer({ databasePath: server.databasePath });  // on the same file
 *
 * The server runs one worker (`WEB_CONCURRENCY=1`: the machine's cores are shared by the tests)
 * unless `env` asks for more. It leads a process group of its own (tsx, the cluster's primary,
 * its workers): stopping it leaves none of them behind.
 *
 * Requires `npm run build` first; the server is the built app, not the sources.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { freePort } from "../../scripts/free-port";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { watchChild } from "./child";
import { copyDemoDatabase } from "./demo-database";
import { prepareDatabase } from "./demo-template";

/** The repository root (this file lives in tests/helpers/). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SERVER_BUILD = join(REPO_ROOT, "build", "server", "index.js");
const TSX_CLI = join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SERVE_SCRIPT = join(REPO_ROOT, "scripts", "serve.ts");

export const TEST_SESSION_SECRET = "test-secret";
const HOST = "127.0.0.1";

export type StartServerOptions = {
  /** Start with the demo data (default true). Without it the schema is still migrated. */
  seed?: boolean;
  /**
   * The date the demo data is laid out around (default: today, UTC). The run's template is for
   * today; another anchor is seeded for this server alone.
   */
  seedAnchor?: string;
  /** Extra or overriding environment for the server process. */
  env?: Record<string, string>;
  /** Path polled until it answers 200 (default "/login"). */
  readyPath?: string;
  /** How long to wait for readiness (default 30 000 ms). */
  readyTimeoutMs?: number;
  /**
   * Serve this existing database file (another server's, after `crash()`) instead of a fresh
   * copy; `seed` and `seedAnchor` do not apply, and `stop()` leaves the file where it is.
   */
  databasePath?: string;
};

export type TestServer = {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  /** The SQLite file the server uses (open it read-only in tests to check what was written). */
  databasePath: string;
  /** What the server printed so far (stdout and stderr interleaved; the last 256 kB). */
  output(): string;
  /**
   * Stops the server (SIGTERM, then SIGKILL after 2 s, then SIGKILL to any of its processes
   * still there) and removes the temp dir. Idempotent.
   */
  stop(): Promise<void>;
  /** SIGKILL to every process of the server at once, as a power cut would; keeps the temp dir (`stop()` removes it). */
  crash(): Promise<void>;
  /** The server's processes now: tsx, the primary and its workers. */
  pids(): number[];
};

/** A server's processes by what they run: tsx's CLI (the group's leader), the cluster's primary, its workers. */
export function serverProcesses(server: TestServer): { tsx: number[]; primary: number[]; workers: number[] } {
  const found = { tsx: [] as number[], primary: [] as number[], workers: [] as number[] };
  for (const pid of server.pids()) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // It exited while we looked.
    }
    if (args.some((a) => a.endsWith("tsx/dist/cli.mjs"))) found.tsx.push(pid);
    else if (args.some((a) => a.endsWith("scripts/serve.ts"))) found.primary.push(pid);
    else if (args.some((a) => a.endsWith("scripts/serve-worker.ts"))) found.workers.push(pid);
  }
  return found;
}

export { freePort };

function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Environment of the server: this process's, minus vitest's own markers, plus the test settings. */
function serverEnv(port: number, databasePath: string, extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // NODE_ENV too (vitest sets it to "test"): serve.ts must make itself production, as it does for
    // `npm start` and a systemd unit that set nothing.
    if (key.startsWith("VITEST") || key === "TEST" || key === "NODE_ENV") continue;
    env[key] = value;
  }
  return {
    ...env,
    PORT: String(port),
    HOST,
    DATABASE_PATH: databasePath,
    MIGRATIONS_DIR: join(REPO_ROOT, "db", "migrations"),
    SESSION_SECRET: TEST_SESSION_SECRET,
    COOKIE_SECURE: "false",
    // The mail scheduler's passes (reminders, digests) would add notifications at wall-clock
    // moments a test cannot foresee; a test that wants them passes MAIL_SCHEDULER: "on".
    MAIL_SCHEDULER: "off",
    // One worker: tests share the machine's cores. A test of the cluster asks for more.
    WEB_CONCURRENCY: "1",
    ...extra,
  };
}

export async function startServer(opts: StartServerOptions = {}): Promise<TestServer> {
  if (!existsSync(SERVER_BUILD)) {
    throw new Error(`startServer: ${SERVER_BUILD} does not exist. Run \`npm run build\` first (the tests serve the production build).`);
  }
  if (!existsSync(TSX_CLI)) {
    throw new Error(`startServer: ${TSX_CLI} is missing; run npm ci.`);
  }
  let databasePath: string;
  let removeDir: () => void;
  if (opts.databasePath !== undefined) {
    if (!existsSync(opts.databasePath)) throw new Error(`startServer: ${opts.databasePath} does not exist`);
    databasePath = opts.databasePath;
    removeDir = () => {};
  } else {
    const dir = mkdtempSync(join(tmpdir(), "casa-e2e-"));
    databasePath = join(dir, "app.db");
    removeDir = () => rmSync(dir, { recursive: true, force: true });
    try {
      if (opts.seed ?? true) await copyDemoDatabase(databasePath, opts.seedAnchor);
      else await prepareDatabase(databasePath, { seed: false });
    } catch (error) {
      removeDir();
      throw error;
    }
  }

  // The free port can be taken between probing and listening; retry a couple of times if so.
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(port, databasePath, removeDir, opts);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortInUseError)) break;
    }
  }
  removeDir();
  throw lastError;
}

class PortInUseError extends Error {}

async function launch(port: number, databasePath: string, removeDir: () => void, opts: StartServerOptions): Promise<TestServer> {
  const url = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, [TSX_CLI, SERVE_SCRIPT], {
    cwd: REPO_ROOT,
    env: serverEnv(port, databasePath, opts.env),
    stdio: ["ignore", "pipe", "pipe"],
    // A process group of its own: tsx, the primary and its workers can be signalled together.
    detached: true,
  });
  // Keep the last ~256 kB (the server logs every request).
  const watched = watchChild(child, { keepBytes: 256 * 1024, onExitSignal: "SIGKILL", processGroup: true });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await watched.stop(2_000);
    removeDir();
  };
  const crash = () => watched.kill("SIGKILL");

  const readyPath = opts.readyPath ?? "/login";
  const timeoutMs = opts.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (true) {
    const spawnError = watched.spawnError();
    const exited = watched.exited();
    if (spawnError !== null || exited !== null) {
      const how =
        spawnError !== null
          ? `could not be started: ${spawnError.message}`
          : `exited early (code ${exited?.code}, signal ${exited?.signal})`;
      // Not stop(): the caller decides about the temp dir (a port retry reuses it). Whatever
      // it started goes with it.
      stopped = true;
      await watched.stop(0);
      if (/EADDRINUSE/.test(watched.stderr())) throw new PortInUseError(`startServer: port ${port} was taken`);
      throw new Error(
        `startServer: the server ${how} before ${url}${readyPath} answered.\n--- server output ---\n${tail(watched.output()) || "(none)"}`,
      );
    }
    try {
      const res = await fetch(`${url}${readyPath}`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
      lastProblem = `GET ${readyPath} answered ${res.status}`;
    } catch (error) {
      lastProblem = `GET ${readyPath} failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `startServer: ${url}${readyPath} did not answer 200 within ${timeoutMs} ms (last: ${lastProblem}).\n` +
          `--- server stderr ---\n${tail(watched.stderr()) || "(empty)"}\n--- server output ---\n${tail(watched.output(), 20) || "(empty)"}`,
      );
    }
    await delay(150);
  }

  return { url, databasePath: resolve(databasePath), output: watched.output, stop, crash, pids: watched.groupPids };
}
