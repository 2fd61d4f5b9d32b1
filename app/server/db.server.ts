import Database from "better-sqlite3";
import { is } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteTransaction } from "drizzle-orm/sqlite-core";
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

/**
 * Opens a SQLite database the way every process here should, and brings its schema up to date.
 *
 * Several processes write the one file (the server's workers, the mail scheduler, the scripts):
 * WAL lets readers go on while one writes, and a writer that finds another at work waits for it
 * (busy_timeout, 5 s; the app's write transactions last milliseconds). `db.transaction` begins
 * IMMEDIATE, taking the write lock first: a DEFERRED transaction (drizzle's default) reads under
 * a snapshot and asks for the lock at its first write, and when another process has written
 * since, SQLite cannot let it write from a stale snapshot, so it fails at once with SQLITE_BUSY,
 * busy_timeout or not (two workers under load: youth pages, which audit their read, answered
 * 500). A transaction that only reads says so with `readTransaction`.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") createPrivateFile(path);
  const sqlite = new Database(path);
  cacheStatements(sqlite);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  const deferred = db.transaction.bind(db);
  db.transaction = (transaction, config) => deferred(transaction, { behavior: "immediate", ...config });
  migrate(db, { migrationsFolder: migrationsFolder() });
  // SQLite's advice for long-lived connections: refresh the planner's statistics where they are
  // missing or stale, so list queries keep choosing the right index as a program's data grows.
  // A full analysis (no analysis_limit) costs ~0.6 s on 50,000 youth, and only when statistics
  // are out of date; sampled statistics misjudged rows per program by 100x and chose worse plans.
  sqlite.pragma("optimize = 0x10002");
  return db;
}

/** Statements kept per connection; a page runs 20-250 distinct ones, the whole app about 1,500. */
export const STATEMENT_CACHE_SIZE = 2000;

/**
 * Keeps the connection's prepared statements, by SQL text, for reuse. drizzle prepares every query
 * anew, and compiling the SQL was ~20 % of a page's server time (a prep packet's 230 statements:
 * ~6 ms of 32). A cached statement is SQLite's own prepared statement, re-prepared by SQLite itself
 * after a schema change; parameters are bound per call, so reuse shares nothing between calls but
 * the compiled program. What one caller may leave set is undone on the way out: raw mode (drizzle
 * turns it on for typed selects; a plain `.all()` of the same text expects objects). A statement
 * still busy (an iteration left open) is not reused: that caller gets a fresh one. Least recently
 * used statements go first once the cache is full, so SQL with inlined values cannot grow it.
 */
function cacheStatements(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const kept = cache.get(source);
    if (kept && !kept.busy) {
      cache.delete(source);
      cache.set(source, kept);
      if (kept.reader) kept.raw(false);
      return kept;
    }
    const made = prepare(source);
    if (!kept) {
      cache.set(source, made);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return made;
  }) as typeof sqlite.prepare;
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

/**
 * A transaction that only reads: one consistent snapshot, without the write lock, so it never
 * waits for a writer nor holds one up. It is read-only for real (PRAGMA query_only): a write
 * slipped into it fails at once, in every test, not only when two processes happen to collide.
 * Inside another transaction it is a part of that one, as any nested transaction is.
 */
export function readTransaction<T>(db: DbOrTx, read: (tx: Tx) => T): T {
  if (is(db, SQLiteTransaction)) return db.transaction(read);
  const client = (db as Db).$client;
  if (client.inTransaction) return db.transaction(read);
  client.pragma("query_only = ON");
  try {
    return db.transaction(read, { behavior: "deferred" });
  } finally {
    client.pragma("query_only = OFF");
  }
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
