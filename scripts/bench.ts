/**
 * Benchmark of the youth list (`listYouthForViewer`) on a large database. Prints figures only:
 * no assertions, no thresholds (the machines this runs on are shared and noisy).
 *
 *   npx tsx scripts/bench.ts [--database data/bench.db] [--youth 50000] [--runs 20] [--budget-ms 3000]
 *                            [--warmup 3] [--plans 3] [--only TEXT] [--no-analyze]
 *
 * - When `--database` does not exist it is created: migrated, seeded with the demo data plus
 *   `--youth` generated youth (`seedLarge`), then `ANALYZE`d. An existing database is used as it
 *   is (`--youth` is then ignored), and `ANALYZE`d only when it has no statistics yet.
 *   `--no-analyze` skips `ANALYZE` (to compare plans with and without statistics).
 * - Every case: `--warmup` untimed calls, then up to `--runs` timed calls or until `--budget-ms`
 *   has passed (at least one). Then a few instrumented calls that time each SQL statement the
 *   call prepared (count, page, filter options).
 * - For the `--plans` slowest cases, the statements' `EXPLAIN QUERY PLAN` (with the parameters
 *   of the real call), and for the slowest one the SQL text too.
 * - `--only TEXT` runs just the cases whose label contains TEXT.
 */
import type BetterSqlite3 from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { openDatabase, type Db } from "../app/server/db.server";
import type { Viewer } from "../app/server/session.server";
import { listYouthForViewer, type YouthList, type YouthListQuery } from "../app/server/youth.server";
import { seedLarge } from "../db/seed";

// =============================================================================================
// Options

type Options = {
  database: string;
  youth: number;
  runs: number;
  budgetMs: number;
  warmup: number;
  plans: number;
  only: string | undefined;
  analyze: boolean;
};

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    database: "data/bench.db",
    youth: 50_000,
    runs: 20,
    budgetMs: 3_000,
    warmup: 3,
    plans: 3,
    only: undefined,
    analyze: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    const int = (min: number): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got "${v}"`);
      return n;
    };
    switch (name) {
      case "--database":
        opts.database = value();
        break;
      case "--youth":
        opts.youth = int(0);
        break;
      case "--runs":
        opts.runs = int(1);
        break;
      case "--budget-ms":
        opts.budgetMs = int(0);
        break;
      case "--warmup":
        opts.warmup = int(0);
        break;
      case "--plans":
        opts.plans = int(0);
        break;
      case "--only":
        opts.only = value();
        break;
      case "--no-analyze":
        opts.analyze = false;
        break;
      case "--help":
      case "-h":
        console.log(
          "usage: tsx scripts/bench.ts [--database PATH] [--youth N] [--runs N] [--budget-ms MS] [--warmup N] [--plans N] [--only TEXT] [--no-analyze]",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return opts;
}

// =============================================================================================
// Statement capture: which SQL one call prepares, with which parameters, and how long each took

type Captured = { sql: string; params: unknown[]; ms: number };

/**
 * Runs `fn` with `client.prepare` wrapped, so that every statement prepared during the call
 * records its SQL, the parameters it was run with and the time its `all`/`get`/`run` took.
 * Drizzle (better-sqlite3 driver) prepares a fresh statement per query and calls
 * `stmt.raw().all(...)` / `stmt.get(...)`; `raw()` returns the statement itself, so wrapping
 * the instance's methods catches those calls.
 */
function capture<T>(client: BetterSqlite3.Database, fn: () => T): { result: T; statements: Captured[] } {
  const statements: Captured[] = [];
  const original = client.prepare;
  type Stmt = ReturnType<BetterSqlite3.Database["prepare"]>;
  const wrapped = function (this: BetterSqlite3.Database, source: string) {
    const stmt: Stmt = original.call(client, source);
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const inner = stmt[method] as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        const t0 = performance.now();
        const out = inner.apply(stmt, params);
        statements.push({ sql: source, params, ms: performance.now() - t0 });
        return out;
      };
    }
    return stmt;
  } as BetterSqlite3.Database["prepare"];
  client.prepare = wrapped;
  try {
    return { result: fn(), statements };
  } finally {
    client.prepare = original;
  }
}

/**
 * What a statement of `listYouthForViewer` is for: the total (`select count(...)`), a filter
 * option list (selects users' ids and names), or the page (anything else: the page query, or the
 * ids and then the rows when it is done in two steps).
 */
function statementKind(sql: string): "count" | "options" | "page" {
  const s = sql.trimStart().toLowerCase();
  if (s.startsWith("select count(")) return "count";
  if (/^select (distinct )?("users"\.)?"id", ("users"\.)?"name" from/.test(s)) return "options";
  return "page";
}

// =============================================================================================
// Figures

function quantile(sorted: number[], p: number): number {
  // Nearest rank.
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function ms(n: number): string {
  if (Number.isNaN(n)) return "-";
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function printTable(header: string[], rows: string[][], leftColumns = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

// =============================================================================================
// Viewers

function viewerByEmail(db: Db, email: string): Viewer {
  const row = db.$client
    .prepare(
      `SELECT u.id AS userId, u.name, u.email, m.program_id AS programId, p.name AS programName,
              p.time_zone AS timeZone, m.role
         FROM users u
         JOIN memberships m ON m.user_id = u.id
         JOIN programs p ON p.id = m.program_id
        WHERE u.email = ?
        ORDER BY m.program_id
        LIMIT 1`,
    )
    .get(email) as Omit<Viewer, "sessionId"> | undefined;
  if (!row) throw new Error(`no user ${email} in the database`);
  return { sessionId: "bench", ...row };
}

/** The generated (seedLarge) supervisor with the most current supervisor assignments. */
function busiestGeneratedSupervisor(db: Db): string | undefined {
  const row = db.$client
    .prepare(
      `SELECT u.email, count(*) AS n
         FROM youth_assignments a
         JOIN users u ON u.id = a.user_id
        WHERE a.kind = 'supervisor' AND a.ended_on IS NULL
          AND u.email LIKE 'supervisor.b%@bench.example.org'
        GROUP BY u.id
        ORDER BY n DESC, u.id
        LIMIT 1`,
    )
    .get() as { email: string; n: number } | undefined;
  return row?.email;
}

/** Youth in the viewer's scope (open and closed), for the header. */
function caseload(db: Db, v: Viewer): number {
  const sql =
    v.role === "program_lead"
      ? `SELECT count(*) AS n FROM youth WHERE program_id = ?`
      : `SELECT count(*) AS n FROM youth y WHERE y.program_id = ? AND EXISTS (
           SELECT 1 FROM youth_assignments a WHERE a.youth_id = y.id AND a.user_id = ? AND a.kind = ? AND a.ended_on IS NULL)`;
  const params = v.role === "program_lead" ? [v.programId] : [v.programId, v.userId, v.role];
  return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}

// =============================================================================================
// Cases

type Case = { label: string; viewer: Viewer; query: YouthListQuery };

function buildCases(v: { lead: Viewer; bigSup: Viewer | undefined; sup: Viewer; adv: Viewer }): Case[] {
  const base: YouthListQuery = { page: 1, size: 25, sort: { id: "name", desc: false }, caseStatus: "open" };
  const q = (over: Partial<YouthListQuery>): YouthListQuery => ({ ...base, ...over });
  const cases: Case[] = [
    { label: "lead: name asc p1", viewer: v.lead, query: base },
    ...(v.bigSup ? [{ label: "big supervisor: name asc p1", viewer: v.bigSup, query: base }] : []),
    { label: "supervisor@: name asc p1", viewer: v.sup, query: base },
    { label: "advocate@: name asc p1", viewer: v.adv, query: base },
  ];
  for (const id of ["age", "placement", "advocate", "supervisor", "csec"]) {
    for (const desc of [false, true]) {
      cases.push({ label: `lead: sort ${id} ${desc ? "desc" : "asc"}`, viewer: v.lead, query: q({ sort: { id, desc } }) });
    }
  }
  // A demo advocate/supervisor: both have a handful of youth, so the filters select few rows.
  cases.push(
    { label: "lead: page 1000 (size 25)", viewer: v.lead, query: q({ page: 1000 }) },
    { label: "lead: q name 'chavez'", viewer: v.lead, query: q({ q: "chavez" }) },
    { label: "lead: q case 'BX-0123'", viewer: v.lead, query: q({ q: "BX-0123" }) },
    { label: "lead: placement group_home", viewer: v.lead, query: q({ placement: "group_home" }) },
    { label: "lead: advocate filter", viewer: v.lead, query: q({ advocateId: v.adv.userId }) },
    { label: "lead: supervisor filter", viewer: v.lead, query: q({ supervisorId: (v.bigSup ?? v.sup).userId }) },
    { label: "lead: csec concern", viewer: v.lead, query: q({ csec: "concern" }) },
    { label: "lead: caseStatus all", viewer: v.lead, query: q({ caseStatus: "all" }) },
  );
  return cases;
}

type Result = {
  c: Case;
  times: number[];
  total: number;
  rows: number;
  perKind: Record<string, number>;
  statements: Captured[];
};

function runCase(db: Db, c: Case, opts: Options): Result {
  const call = () => listYouthForViewer(c.viewer, c.query, db);
  for (let i = 0; i < opts.warmup; i++) call();
  const times: number[] = [];
  let last: YouthList | undefined;
  const started = performance.now();
  while (times.length < opts.runs && (times.length === 0 || performance.now() - started < opts.budgetMs)) {
    const t0 = performance.now();
    last = call();
    times.push(performance.now() - t0);
  }
  // Per-statement breakdown: a few instrumented calls, median per kind.
  const byKind = new Map<string, number[]>();
  let statements: Captured[] = [];
  const instrumented = Math.min(3, times.length);
  for (let i = 0; i < instrumented; i++) {
    const { statements: st } = capture(db.$client, call);
    statements = st;
    const sums = new Map<string, number>();
    for (const s of st) sums.set(statementKind(s.sql), (sums.get(statementKind(s.sql)) ?? 0) + s.ms);
    for (const [k, v] of sums) byKind.set(k, [...(byKind.get(k) ?? []), v]);
  }
  const perKind: Record<string, number> = {};
  for (const [k, v] of byKind) perKind[k] = median(v);
  return { c, times, total: last?.total ?? 0, rows: last?.rows.length ?? 0, perKind, statements };
}

// =============================================================================================
// Plans

function printPlan(client: BetterSqlite3.Database, s: Captured): void {
  const rows = client.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  for (const r of rows) {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    console.log(`    ${"  ".repeat(d - 1)}${r.detail}`);
  }
}

// =============================================================================================

async function main(argv: string[]): Promise<void> {
  const opts = parseArgs(argv);
  const created = !existsSync(opts.database);
  const db = openDatabase(opts.database);
  const client = db.$client;
  try {
    if (created) {
      console.log(`${opts.database} does not exist: seeding the demo data and ${opts.youth} generated youth...`);
      const t0 = performance.now();
      await seedLarge(db, { youth: opts.youth });
      console.log(`Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    } else {
      console.log(`Using the existing ${opts.database} (--youth is ignored).`);
    }
    const hasStats =
      (client.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`).get() as { n: number }).n > 0;
    if (opts.analyze && (created || !hasStats)) {
      const t0 = performance.now();
      client.exec("ANALYZE");
      console.log(`Ran ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    } else {
      console.log(
        opts.analyze
          ? "Not running ANALYZE: the database already has statistics (sqlite_stat1)."
          : `Skipping ANALYZE (--no-analyze); statistics ${hasStats ? "present" : "absent"}.`,
      );
    }

    const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
    const sqliteVersion = (client.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
    const sizeMb = statSync(opts.database).size / 1024 / 1024;
    console.log(
      `Node ${process.version}, SQLite ${sqliteVersion}, ${sizeMb.toFixed(0)} MB; ` +
        `${count("SELECT count(*) AS n FROM youth")} youth, ${count("SELECT count(*) AS n FROM users")} users, ` +
        `${count("SELECT count(*) AS n FROM youth_assignments")} assignments, ${count("SELECT count(*) AS n FROM placements")} placements.`,
    );

    const bigSupEmail = busiestGeneratedSupervisor(db);
    const viewers = {
      lead: viewerByEmail(db, "lead@example.org"),
      bigSup: bigSupEmail ? viewerByEmail(db, bigSupEmail) : undefined,
      sup: viewerByEmail(db, "supervisor@example.org"),
      adv: viewerByEmail(db, "advocate@example.org"),
    };
    console.log("Viewers (youth in scope, open and closed):");
    for (const [key, v] of Object.entries(viewers)) {
      if (v) console.log(`  ${key.padEnd(6)} ${v.email} (${v.role}, user ${v.userId}): ${caseload(db, v)}`);
    }

    let cases = buildCases(viewers);
    if (opts.only) cases = cases.filter((c) => c.label.includes(opts.only!));
    console.log(
      `\n${cases.length} cases; each: ${opts.warmup} warm-up calls, then up to ${opts.runs} timed calls or ${opts.budgetMs} ms. ` +
        `Times in ms.\n` +
        `count/page/opts: median over 3 instrumented calls of the SQL time (better-sqlite3 all/get) of the statements for the total, the page's rows, and the filter options.\n`,
    );

    const results: Result[] = [];
    for (const c of cases) {
      if (process.stderr.isTTY) process.stderr.write(`  ${c.label}...\r`);
      results.push(runCase(db, c, opts));
      if (process.stderr.isTTY) process.stderr.write(`\x1b[2K`);
    }

    printTable(
      ["case", "runs", "median", "p95", "max", "total", "rows", "count", "page", "opts"],
      results.map((r) => {
        const s = [...r.times].sort((a, b) => a - b);
        return [
          r.c.label,
          String(r.times.length),
          ms(median(r.times)),
          ms(quantile(s, 0.95)),
          ms(s[s.length - 1]!),
          String(r.total),
          String(r.rows),
          ms(r.perKind.count ?? NaN),
          ms(r.perKind.page ?? NaN),
          ms(r.perKind.options ?? NaN),
        ];
      }),
    );

    const slowest = [...results].sort((a, b) => median(b.times) - median(a.times)).slice(0, opts.plans);
    slowest.forEach((r, i) => {
      console.log(`\n== Query plans, #${i + 1} slowest: ${r.c.label} (median ${ms(median(r.times))} ms)`);
      for (const s of r.statements) {
        console.log(`\n  [${statementKind(s.sql)}] ${ms(s.ms)} ms, params ${JSON.stringify(s.params)}`);
        if (i === 0) console.log(`    SQL: ${s.sql.replace(/\s+/g, " ")}`);
        printPlan(client, s);
      }
    });
  } finally {
    client.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
