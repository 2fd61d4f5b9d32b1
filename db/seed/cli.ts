/**
 * Seeds a database from the command line (`npm run seed`):
 *
 *   npx tsx db/seed/cli.ts [--database data/app.db] [--if-empty] [--youth N] [--anchor YYYY-MM-DD]
 *
 * An empty database gets the demo data; `--youth N` adds N generated youth (to a new or an
 * already seeded database); `--if-empty` leaves a database with data alone.
 */
import { openDatabase } from "../../app/server/db.server";
import { Clock } from "./clock";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo, seedLarge, todayUtc } from "./index";

type CliOptions = { database: string; ifEmpty: boolean; youth: number; anchor: string | undefined };

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    database: process.env.DATABASE_PATH ?? "data/app.db",
    ifEmpty: false,
    youth: 0,
    anchor: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flagName, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flagName} needs a value`);
      return v;
    };
    switch (flagName) {
      case "--database":
        opts.database = value();
        break;
      case "--if-empty":
        opts.ifEmpty = true;
        break;
      case "--youth": {
        const v = value();
        const num = Number(v);
        if (!Number.isInteger(num) || num < 0) throw new Error(`--youth must be a non-negative integer, got "${v}"`);
        opts.youth = num;
        break;
      }
      case "--anchor":
        opts.anchor = value();
        new Clock(opts.anchor); // validates
        break;
      case "--help":
      case "-h":
        console.log("usage: tsx db/seed/cli.ts [--database PATH] [--if-empty] [--youth N] [--anchor YYYY-MM-DD]");
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return opts;
}

async function main(argv: string[]): Promise<void> {
  const opts = parseArgs(argv);
  const started = performance.now();
  const db = openDatabase(opts.database);
  const anchor = opts.anchor ?? todayUtc();
  try {
    const empty = isEmpty(db);
    if (!empty && opts.ifEmpty) {
      console.log(`${opts.database}: already has data; not seeding (--if-empty).`);
      return;
    }
    if (empty) {
      const t0 = performance.now();
      await seedDemo(db, { anchor });
      console.log(`${opts.database}: seeded the demo data (anchor ${anchor}) in ${Math.round(performance.now() - t0)} ms.`);
      console.log(`  Sign in as any of ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")} with password "${DEMO_PASSWORD}".`);
    } else if (opts.youth === 0) {
      throw new Error(`${opts.database} already has data; use --if-empty, --youth N to add youth, or start from an empty database`);
    }
    if (opts.youth > 0) {
      const t0 = performance.now();
      await seedLarge(db, { youth: opts.youth, anchor });
      console.log(`${opts.database}: added ${opts.youth} generated youth in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    }
  } finally {
    db.$client.close();
  }
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
