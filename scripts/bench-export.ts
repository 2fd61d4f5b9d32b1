/**
 * Benchmark of the program export (`exportProgram`, /reports/export) on a large database: the
 * largest program's lead exports everything into a sink that counts bytes, and the script prints
 * rows, bytes, seconds, and the peak memory and event-loop delay sampled during the run (the
 * export streams, so memory should stay flat however large the program is). Figures only.
 *
 *   npx tsx scripts/bench-export.ts [--database data/bench.db] [--read-kib-per-s N]
 *
 * - `--database` must exist (create it with `npx tsx db/seed/cli.ts --database data/bench.db --youth 50000`).
 * - `--read-kib-per-s N` reads the download at about N KiB/s, as a slow client would, to show
 *   that the export waits for the client instead of buffering the workbook.
 * - The export writes its `program.export` audit row into that database, as it would for a person.
 */
import { existsSync, statSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { openDatabase, type Db } from "../app/server/db.server";
import { exportProgram } from "../app/server/program-export.server";
import type { Viewer } from "../app/server/session.server";

type Options = { database: string; readKibPerS: number | undefined };

function parseArgs(argv: string[]): Options {
  const opts: Options = { database: "data/bench.db", readKibPerS: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case "--database":
        opts.database = value();
        break;
      case "--read-kib-per-s": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error("--read-kib-per-s must be a positive integer");
        opts.readKibPerS = n;
        break;
      }
      case "--help":
      case "-h":
        console.log("usage: tsx scripts/bench-export.ts [--database PATH] [--read-kib-per-s N]");
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return opts;
}

/** The lead of the program with the most youth, as a viewer (no sign-in: the bench calls the server layer). */
function leadOfLargestProgram(db: Db): Viewer {
  const row = db.$client
    .prepare(
      `SELECT u.id AS userId, u.name, u.email, p.id AS programId, p.name AS programName, p.time_zone AS timeZone, m.role
         FROM programs p
         JOIN memberships m ON m.program_id = p.id AND m.role = 'program_lead'
         JOIN users u ON u.id = m.user_id
        WHERE p.id = (SELECT program_id FROM youth GROUP BY program_id ORDER BY count(*) DESC LIMIT 1)
        ORDER BY m.id
        LIMIT 1`,
    )
    .get() as Omit<Viewer, "sessionId"> | undefined;
  if (!row) throw new Error("no program with youth and a program lead in this database");
  return { sessionId: "bench", ...row };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.database)) {
    console.error(`${opts.database} does not exist. Create a large database first:

  npx tsx db/seed/cli.ts --database ${opts.database} --youth 50000
`);
    process.exit(1);
  }
  const db = openDatabase(opts.database);
  const viewer = leadOfLargestProgram(db);
  console.log(
    `${opts.database} (${mib(statSync(opts.database).size)}): exporting program ${viewer.programId} as ${viewer.email}` +
      (opts.readKibPerS ? `, read at ${opts.readKibPerS} KiB/s` : ""),
  );

  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed, arrayBuffers: before.arrayBuffers };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  const perSheet = new Map<string, number>();
  const sampler = setInterval(sample, 50);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  const started = performance.now();
  const { response, finished } = exportProgram(viewer, {
    db,
    onBatch: (sheet, rows) => perSheet.set(sheet, (perSheet.get(sheet) ?? 0) + rows),
  });
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // A client at that pace would have had these bytes by `due`.
    const due = started + (bytes / 1024 / (opts.readKibPerS ?? Infinity)) * 1000;
    if (due > performance.now()) await sleep(due - performance.now());
  }
  const summary = await finished;
  const seconds = (performance.now() - started) / 1000;
  sample();
  clearInterval(sampler);
  loop.disable();

  if (!summary.complete) throw new Error(`the export stopped: ${String(summary.error)}`);
  for (const [sheet, rows] of perSheet) console.log(`  ${sheet.padEnd(24)} ${String(rows).padStart(9)} rows`);
  console.log(`sheets:        ${summary.sheets.length} (${summary.sheets.filter((s) => s.endsWith(")")).join(", ") || "none continued"})`);
  console.log(`rows:          ${summary.rows} in ${summary.batches} batches`);
  console.log(`bytes:         ${bytes} (${mib(bytes)})`);
  console.log(`seconds:       ${seconds.toFixed(1)} (${Math.round(summary.rows / seconds)} rows/s)`);
  console.log(`RSS:           ${mib(before.rss)} before, peak ${mib(peak.rss)}`);
  console.log(`heap used:     ${mib(before.heapUsed)} before, peak ${mib(peak.heapUsed)}`);
  console.log(`buffers:       ${mib(before.arrayBuffers)} before, peak ${mib(peak.arrayBuffers)}`);
  console.log(
    `event loop:    delay p50 ${(loop.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
  );
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
