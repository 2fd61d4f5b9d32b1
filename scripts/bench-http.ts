/**
 * The HTTP benchmark (`npm run bench`): the production server on the large seed, each main page
 * requested as the role that uses it, timed per request at the client. Figures only: no
 * assertions, no thresholds (the machines this runs on are shared and noisy).
 *
 *   npm run bench -- [--database data/bench-50k.db] [--youth 50000] [--requests 60] [--seconds 2]
 *                    [--concurrency 10] [--workers N] [--only TEXT] [--out bench-results/http.md]
 *
 * - Builds the app when build/ is missing, and generates the database (the demo plus `--youth`
 *   generated youth, then ANALYZE) when `--database` does not exist; an existing one is reused.
 * - Starts scripts/serve.ts (as `npm run start:production` does) on a free port, with
 *   `WEB_CONCURRENCY=--workers` when given, signs in as each role over HTTP, and for each page:
 *   three warm-up requests, then `--requests` one after another on one keep-alive connection
 *   (p50, p95, p99 of the time from sending the request to the last byte of the body), the
 *   server's CPU time over them (user + system of the server's processes, from /proc) per
 *   request, then `--seconds` at `--concurrency` connections (requests per second).
 * - The floor is `GET /login`: server-rendered, no database. It is measured at the start, the
 *   middle and the end; each page's p50 is shown as a ratio to the floor's median.
 * - First-load JavaScript: the module scripts and `modulepreload` links of the page's HTML, each
 *   fetched once and gzipped here (level 6, as nginx's `gzip on` would send it).
 * - Requests carry `Accept-Encoding: gzip, deflate, br` like a browser. Every page must answer
 *   200 (a CSV 200 too); anything else stops the run with the response.
 * - Prints one table and writes it, with the machine and the data set, to `--out`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { freePort } from "./free-port";
import { processGroupMembers } from "./process-group";
import { availableParallelism, cpus, totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { openDatabase } from "../app/server/db.server";
import { seedLarge } from "../db/seed";

// =============================================================================================
// Options

type Options = {
  database: string;
  youth: number;
  requests: number;
  seconds: number;
  concurrency: number;
  workers: number | undefined;
  only: string | undefined;
  out: string;
};

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    database: "data/bench-50k.db",
    youth: 50_000,
    requests: 60,
    seconds: 2,
    concurrency: 10,
    workers: undefined,
    only: undefined,
    out: "bench-results/http.md",
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i]!.includes("=") ? (argv[i]!.split(/=(.*)/s, 2) as [string, string]) : [argv[i]!, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    const num = (min: number): number => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}`);
      return n;
    };
    if (name === "--database") opts.database = value();
    else if (name === "--youth") opts.youth = Math.floor(num(0));
    else if (name === "--requests") opts.requests = Math.floor(num(5));
    else if (name === "--seconds") opts.seconds = num(0);
    else if (name === "--concurrency") opts.concurrency = Math.floor(num(1));
    else if (name === "--workers") opts.workers = Math.floor(num(1));
    else if (name === "--only") opts.only = value();
    else if (name === "--out") opts.out = value();
    else throw new Error(`unknown option ${name}`);
  }
  return opts;
}

// =============================================================================================
// The server

const PASSWORD = "casa-demo-2026";

async function startServer(opts: Options, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_ENV;
  Object.assign(env, {
    DATABASE_PATH: resolve(opts.database),
    PORT: String(port),
    HOST: "127.0.0.1",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECURE: "false",
    MAIL_SCHEDULER: "off",
    ...(opts.workers ? { WEB_CONCURRENCY: String(opts.workers) } : {}),
  });
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it answered`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not answer /healthz within 120 s");
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** User + system CPU milliseconds so far of the server's processes (its process group: it is started detached). */
function serverCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processGroupMembers(root)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Resident memory (MB) of the server's processes together. */
function serverRssMb(root: number): number {
  let kb = 0;
  for (const pid of processGroupMembers(root)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

// =============================================================================================
// The client

type Reply = { status: number; body: Buffer; headers: Record<string, string | string[] | undefined> };

const BROWSER_HEADERS = {
  Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "Accept-Encoding": "gzip, deflate, br",
  "Accept-Language": "en-US,en;q=0.9",
  "User-Agent": "casa-bench/1 (like a browser)",
};

function get(base: string, path: string, cookie: string, agent: Agent): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      new URL(path, base),
      { agent, headers: { ...BROWSER_HEADERS, ...(cookie ? { Cookie: cookie } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end();
  });
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password: PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("casa_session="));
  if (res.status !== 302 && res.status !== 303) throw new Error(`signing in as ${email}: ${res.status}`);
  if (!cookie) throw new Error(`signing in as ${email}: no session cookie`);
  return cookie.split(";")[0]!;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

type Measured = { p50: number; p95: number; p99: number; rps: number; cpuMs: number; bytes: number; firstLoadJsKb: number | null };

async function measure(base: string, path: string, cookie: string, opts: Options, serverPid: number): Promise<Measured> {
  const one = new Agent({ keepAlive: true, maxSockets: 1 });
  const check = (r: Reply) => {
    if (r.status !== 200)
      throw new Error(`GET ${path}: ${r.status} ${String(r.headers.location ?? "")}\n${r.body.toString("utf8").slice(0, 400)}`);
  };
  for (let i = 0; i < 3; i++) check(await get(base, path, cookie, one));
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = serverCpuMs(serverPid);
  for (let i = 0; i < opts.requests; i++) {
    const t = process.hrtime.bigint();
    const r = await get(base, path, cookie, one);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    check(r);
    bytes = r.body.length;
  }
  const cpuMs = (serverCpuMs(serverPid) - cpuBefore) / opts.requests;
  one.destroy();
  times.sort((a, b) => a - b);

  let rps = 0;
  if (opts.seconds > 0) {
    const many = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
    let done = 0;
    const start = performance.now();
    const end = start + opts.seconds * 1000;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (performance.now() < end) {
          check(await get(base, path, cookie, many));
          done++;
        }
      }),
    );
    rps = done / ((performance.now() - start) / 1000);
    many.destroy();
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps,
    cpuMs,
    bytes,
    firstLoadJsKb: await firstLoadJs(base, path, cookie),
  };
}

const jsSizes = new Map<string, number>();

/** Gzipped size (KB) of the JavaScript a first load of the page fetches; null for a non-HTML answer. */
async function firstLoadJs(base: string, path: string, cookie: string): Promise<number | null> {
  const agent = new Agent({ keepAlive: false });
  const page = await get(base, path, cookie, agent);
  if (!String(page.headers["content-type"] ?? "").includes("text/html")) return null;
  const html = page.body.toString("utf8");
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/import\s*\(?\s*"(\/assets\/[^"]+\.js)"/g)) urls.add(m[1]!);
  let total = 0;
  for (const url of urls) {
    if (!jsSizes.has(url)) {
      const r = await get(base, url, "", agent);
      jsSizes.set(url, r.status === 200 ? gzipSync(r.body, { level: 6 }).length : 0);
    }
    total += jsSizes.get(url)!;
  }
  return total / 1024;
}

// =============================================================================================
// The pages

type Role = "admin" | "lead" | "supervisor" | "advocate";
const ACCOUNTS: Record<Role, string> = {
  admin: "admin@example.org",
  lead: "lead@example.org",
  supervisor: "supervisor@example.org",
  advocate: "advocate@example.org",
};
type Case = { label: string; role: Role | null; path: string };

/** Records to open: a youth with many records and one whose own last contact is oldest, a meeting, ... */
function pickRecords(databasePath: string) {
  const db = new Database(databasePath, { readonly: true });
  const one = <T>(sql: string, ...args: unknown[]) => {
    const row = db.prepare(sql).get(...args) as T | undefined;
    if (!row) throw new Error(`no record for: ${sql}`);
    return row;
  };
  const program = one<{ id: number }>("SELECT id FROM programs WHERE slug = 'example-county'").id;
  const rich = one<{ id: number }>(
    `SELECT youth_id AS id FROM contacts WHERE program_id = ? AND youth_id IN (SELECT id FROM youth WHERE case_status = 'open' AND program_id = ? LIMIT 2000)
     GROUP BY youth_id ORDER BY count(*) DESC LIMIT 1`,
    program,
    program,
  ).id;
  const stale = one<{ id: number }>(
    `SELECT id FROM youth WHERE program_id = ? AND case_status = 'open' AND last_youth_contact_at IS NOT NULL ORDER BY last_youth_contact_at LIMIT 1`,
    program,
  ).id;
  const supervisor = one<{ id: number }>("SELECT id FROM users WHERE email = ?", ACCOUNTS.supervisor).id;
  const supervised = one<{ id: number }>(
    `SELECT m.youth_id AS id FROM mdt_meetings m JOIN youth_assignments a ON a.youth_id = m.youth_id
     WHERE a.user_id = ? AND a.kind = 'supervisor' AND a.ended_on IS NULL ORDER BY m.scheduled_at DESC LIMIT 1`,
    supervisor,
  ).id;
  const meeting = one<{ id: number }>(
    "SELECT id FROM mdt_meetings WHERE program_id = ? AND status = 'held' ORDER BY scheduled_at DESC LIMIT 1",
    program,
  ).id;
  const counts = Object.fromEntries(
    ["youth", "contacts", "resource_requests", "mdt_meetings", "action_items", "audit_events", "users", "programs"].map((t) => [
      t,
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
  db.close();
  return { rich, stale, supervised, meeting, counts };
}

function cases(r: ReturnType<typeof pickRecords>): Case[] {
  return [
    { label: "youth list", role: "lead", path: "/youth" },
    ...["name.desc", "age.asc", "caseNumber.asc", "placement.asc", "advocate.asc", "supervisor.asc", "csec.desc"].map((sort) => ({
      label: `youth list, sort ${sort}`,
      role: "lead" as const,
      path: `/youth?sort=${sort}`,
    })),
    { label: "youth list, filter placement", role: "lead", path: "/youth?placement=group_home" },
    { label: "youth list, text search", role: "lead", path: "/youth?q=mar" },
    { label: "youth list, page 1000", role: "lead", path: "/youth?page=1000" },
    { label: "youth page, rich", role: "lead", path: `/youth/${r.rich}` },
    { label: "youth page, stale", role: "lead", path: `/youth/${r.stale}` },
    { label: "request queue", role: "lead", path: "/requests" },
    { label: "request queue, overdue", role: "lead", path: "/requests?overdue=1" },
    { label: "request queue, days open", role: "lead", path: "/requests?sort=daysOpen.desc" },
    { label: "meetings", role: "lead", path: "/meetings" },
    { label: "a meeting", role: "lead", path: `/meetings/${r.meeting}` },
    { label: "my actions", role: "advocate", path: "/actions" },
    { label: "prep packet", role: "supervisor", path: `/youth/${r.supervised}/prep` },
    { label: "/prep", role: "supervisor", path: "/prep" },
    { label: "court draft", role: "supervisor", path: `/youth/${r.supervised}/court-draft` },
    { label: "home, advocate", role: "advocate", path: "/" },
    { label: "home, supervisor", role: "supervisor", path: "/" },
    { label: "home, lead", role: "lead", path: "/" },
    { label: "reports, year to date", role: "lead", path: "/reports?period=year_to_date" },
    { label: "reports, this month", role: "lead", path: "/reports?period=this_month" },
    { label: "reports, last quarter", role: "lead", path: "/reports?period=last_quarter" },
    { label: "reports, year to date, one type", role: "lead", path: "/reports?period=year_to_date&type=therapy" },
    { label: "reports, year to date (caseload)", role: "supervisor", path: "/reports?period=year_to_date" },
    { label: "reports summary, year to date", role: "lead", path: "/reports/summary?period=year_to_date" },
    { label: "report CSV", role: "lead", path: "/reports/tables/requests-by-type.csv?period=year_to_date" },
    { label: "report workbook (every table)", role: "lead", path: "/reports/tables/all.xlsx?period=year_to_date" },
    // The administrator's home is /admin/users (/ redirects there).
    { label: "/admin/users (admin's home)", role: "admin", path: "/admin/users" },
    { label: "/audit", role: "lead", path: "/audit" },
  ];
}

// =============================================================================================
// The run

const fmt = (n: number, digits = 1) => (n >= 100 ? n.toFixed(0) : n.toFixed(digits));

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync("build/server/index.js")) {
    console.log("Building the app (npm run build) ...");
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("the build failed");
  }
  if (!existsSync(opts.database)) {
    console.log(`Generating ${opts.database}: the demo plus ${opts.youth} youth ...`);
    mkdirSync(dirname(resolve(opts.database)), { recursive: true });
    const t = performance.now();
    const db = openDatabase(opts.database);
    await seedLarge(db, { youth: opts.youth });
    db.$client.exec("ANALYZE");
    db.$client.close();
    console.log(`  in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const records = pickRecords(opts.database);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(opts, port);
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  try {
    const cookies = {} as Record<Role, string>;
    for (const role of Object.keys(ACCOUNTS) as Role[]) cookies[role] = await signIn(base, ACCOUNTS[role]);
    const all = cases(records).filter((c) => !opts.only || c.label.includes(opts.only));
    const rows: { label: string; role: string; m: Measured }[] = [];
    const floors: number[] = [];
    const floor = async (when: string) => {
      const m = await measure(base, "/login", "", opts, server.pid!);
      floors.push(m.p50);
      rows.push({ label: `floor: GET /login (${when})`, role: "-", m });
      console.log(`  floor (${when}): p50 ${fmt(m.p50, 2)} ms`);
    };
    // Warm the server (JIT, statement caches, the page cache) before the first figure.
    const warm = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 200; i++) await get(base, "/login", "", warm);
    warm.destroy();
    await floor("start");
    let rssPeak = serverRssMb(server.pid!);
    for (const [i, c] of all.entries()) {
      if (i === Math.floor(all.length / 2)) await floor("middle");
      const m = await measure(base, c.path, c.role ? cookies[c.role] : "", opts, server.pid!);
      rssPeak = Math.max(rssPeak, serverRssMb(server.pid!));
      rows.push({ label: c.label, role: c.role ?? "-", m });
      console.log(
        `  ${c.label.padEnd(34)} p50 ${fmt(m.p50, 2).padStart(6)} ms  p95 ${fmt(m.p95, 2).padStart(6)}  ${fmt(m.rps, 0).padStart(5)}/s`,
      );
    }
    await floor("end");
    const floorP50 = [...floors].sort((a, b) => a - b)[1] ?? floors[0]!;

    const header = [
      "| page | as | p50 ms | p95 ms | p99 ms | x floor | req/s at " +
        opts.concurrency +
        " | CPU ms/req | KB sent | first-load JS KB (gzip) |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ];
    const lines = rows.map(
      ({ label, role, m }) =>
        `| ${label} | ${role} | ${fmt(m.p50, 2)} | ${fmt(m.p95, 2)} | ${fmt(m.p99, 2)} | ${(m.p50 / floorP50).toFixed(1)} | ${fmt(m.rps, 0)} | ${fmt(m.cpuMs, 2)} | ${fmt(m.bytes / 1024)} | ${m.firstLoadJsKb === null ? "-" : fmt(m.firstLoadJsKb)} |`,
    );
    const c = records.counts;
    const about = [
      `HTTP benchmark, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB;`,
      `server workers: ${opts.workers ?? `the server's default (one per core, ${availableParallelism()})`}; ${opts.requests} requests per page at 1 connection, ${opts.seconds} s at ${opts.concurrency}.`,
      `Data: ${c.youth} youth, ${c.contacts} contacts, ${c.resource_requests} requests, ${c.mdt_meetings} meetings, ${c.action_items} action items, ${c.audit_events} audit events, ${c.users} users, ${c.programs} programs (${opts.database}).`,
      `Floor (GET /login p50 at start, middle, end): ${floors.map((f) => fmt(f, 2)).join(", ")} ms. Server memory (RSS, all processes) peaked at ${fmt(rssPeak, 0)} MB.`,
    ];
    const text = [...about, "", ...header, ...lines, ""].join("\n");
    console.log(`\n${text}`);
    mkdirSync(dirname(resolve(opts.out)), { recursive: true });
    writeFileSync(opts.out, text);
    console.log(`Written to ${opts.out}`);
  } finally {
    stop();
  }
}

await main();
