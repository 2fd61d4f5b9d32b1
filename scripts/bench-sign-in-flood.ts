/**
 * How much a flood of failed sign-ins slows the people using the app: p50 and p90 of a
 * supervisor's `GET /youth` on the production server, quiet, then while 8 clients keep failing
 * sign-ins, (a) from one address (the per-address wait soon makes their attempts cheap), and (b)
 * each attempt from a new address (X-Forwarded-For, with TRUST_PROXY=loopback: a distributed
 * guesser, held back only by the bounded hashing). Prints figures, as ratios to the quiet p50.
 *
 *   npm run build && npx tsx scripts/bench-sign-in-flood.ts [--requests 80] [--clients 8]
 *
 * Traffic goes to 127.0.0.1 only, for a bounded number of requests.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "./free-port";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openDatabase } from "../app/server/db.server";
import { DEMO_PASSWORD, seedDemo } from "../db/seed";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg("--requests", 80);
const CLIENTS = arg("--clients", 8);

const dir = mkdtempSync(join(tmpdir(), "casa-bench-flood-"));
const databasePath = join(dir, "app.db");
const db = openDatabase(databasePath);
await seedDemo(db);
db.$client.close();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [resolve("node_modules/tsx/dist/cli.mjs"), "scripts/serve.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    SESSION_SECRET: "bench",
    COOKIE_SECURE: "false",
    TRUST_PROXY: "loopback",
  },
  stdio: "ignore",
});
const stop = () => {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
};
process.on("exit", stop);

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 200) throw new Error("the server did not start");
  await new Promise((r) => setTimeout(r, 100));
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postLogin = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/login`, {
    method: "POST",
    body: form({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, ...headers },
    redirect: "manual",
  });

const signedIn = await postLogin("supervisor@example.org", DEMO_PASSWORD);
const cookie = signedIn.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");

async function measure(): Promise<{ p50: number; p90: number }> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/youth`, { headers: { Cookie: cookie, "Accept-Encoding": "gzip, br" } });
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p90: times[Math.floor(times.length * 0.9)]! };
}

async function whileFlooding(
  addressPerAttempt: boolean,
): Promise<{ p50: number; p90: number; attempts: number; statuses: Record<number, number> }> {
  let running = true;
  let attempts = 0;
  const statuses: Record<number, number> = {};
  const flooder = async (c: number) => {
    while (running) {
      const n = attempts++;
      const headers: Record<string, string> = addressPerAttempt ? { "X-Forwarded-For": `10.${c}.${(n >> 8) & 255}.${n & 255}` } : {};
      const res = await postLogin(`nobody${n}@flood.example`, `guess ${n}`, headers);
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  const floods = Array.from({ length: CLIENTS }, (_, c) => flooder(c));
  await new Promise((r) => setTimeout(r, 1_000));
  const figures = await measure();
  running = false;
  await Promise.all(floods);
  return { ...figures, attempts, statuses };
}

const quiet = await measure();
const oneAddress = await whileFlooding(false);
const manyAddresses = await whileFlooding(true);
const ratio = (x: number) => `${(x / quiet.p50).toFixed(1)}x`;
console.log(`GET /youth as a supervisor, ${REQUESTS} requests each; ${CLIENTS} clients failing sign-ins meanwhile`);
console.log(`  quiet:                          p50 ${quiet.p50.toFixed(1)} ms   p90 ${quiet.p90.toFixed(1)} ms`);
for (const [label, r] of [
  ["flood from one address:", oneAddress],
  ["flood, a new address each try:", manyAddresses],
] as const) {
  console.log(
    `  ${label.padEnd(32)} p50 ${r.p50.toFixed(1)} ms (${ratio(r.p50)})   p90 ${r.p90.toFixed(1)} ms (${ratio(r.p90)})   ${r.attempts} attempts, statuses ${JSON.stringify(r.statuses)}`,
  );
}
stop();
process.exit(0);
