import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "../../db/schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction(tx => ...)`; writes through it commit or roll back together. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_DATABASE_PATH = "data/app.db";

export function migrationsFolder(): string {
  return resolve(process.env.MIGRATIONS_DIR ?? "db/migrations");
}

/** Opens a SQLite database the way every process here should, and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") createPrivateFile(path);
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  // SQLite's advice for long-lived connections: refresh the planner's statistics where they are
  // missing or stale, so list queries keep choosing the right index as a program's data grows.
  // A full analysis (no analysis_limit) costs ~0.6 s on 50,000 youth, and only when statistics
  // are out of date; sampled statistics misjudged rows per program by 100x and chose worse plans.
  sqlite.pragma("optimize = 0x10002");
  return db;
}

/**
 * The database holds case data about children: the file is readable by the app's user alone
 * (0600, its folder 0700 when we create it). SQLite gives the -wal and -shm files the database
 * file's own permissions, so they follow.
 */
export function createPrivateFile(path: string): void {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

let instance: Db | undefined;

/** The process's one connection, opened (and migrated) on first use. */
export function getDb(): Db {
  instance ??= openDatabase(process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
  return instance;
}

/** Current time as the UTC ISO string stored everywhere. */
export function nowIso(): string {
  return new Date().toISOString();
}
