/**
 * Puts a backup made by `npm run backup` in place of the database. Stop the app first:
 *
 *   npm run restore -- backups/app-2026-03-01.db      # DATABASE_PATH selects the database to replace
 *
 * Refuses while the app (or anything else) has the database open, and refuses a backup that is
 * not a sound SQLite database of this app. The current database is not deleted: it is kept
 * beside it as `<database>.before-restore-<timestamp>`. The restored database is checked and
 * brought up to the current schema, so a backup from an older version can be restored.
 */
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../app/server/db.server";

// The restored database and the kept-aside one hold case data about children.
process.umask(0o077);

const KEY_TABLES = ["youth", "contacts", "audit_events"] as const;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) fail("Usage: npm run restore -- <backup-file>   (DATABASE_PATH selects the database to replace)");

const backupPath = resolve(positionals[0]!);
const targetPath = resolve(process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
const port = process.env.PORT ?? "3000";

if (!existsSync(backupPath)) fail(`There is no backup file at ${backupPath}.`);
if (existsSync(targetPath) && realpathSync(targetPath) === realpathSync(backupPath)) {
  fail("The backup file is the database itself; nothing to restore.");
}

/** SQLite's integrity check as a list of problems (empty when the file is sound). */
function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
  return rows.length === 1 && rows[0]!.integrity_check === "ok" ? [] : rows.map((r) => r.integrity_check);
}

function countsOf(db: Database.Database): string {
  return KEY_TABLES.map((table) => {
    const row = db.prepare(`select count(*) as n from ${table}`).get() as { n: number };
    return `${row.n} ${table.replace("_", " ")}`;
  }).join(", ");
}

// Two checks that the app is not running, because each misses a case the other catches.
// The app on this machine answers /healthz even before its first request opens the database
// (serve.ts migrates and closes; the app opens the database again when first asked).
// The file-lock check below catches the app on another port, a second instance, a backup in
// progress or a `sqlite3` shell: anything holding the database open.
async function appAnswersHealthCheck(): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return res.ok && (await res.text()).trim() === "ok";
  } catch {
    return false;
  }
}
if (await appAnswersHealthCheck()) {
  fail(`The app is running (http://127.0.0.1:${port}/healthz answers). Stop it, then run the restore again.`);
}

// A backup written by `npm run backup` is one file. A WAL with content beside it holds commits
// the file alone lacks (it is a copy of a live database); copying the file would lose them.
if (existsSync(`${backupPath}-wal`) && statSync(`${backupPath}-wal`).size > 0) {
  fail(`${backupPath} has a ${basename(backupPath)}-wal beside it: it is a live database, not a backup. Make one with \`npm run backup\`.`);
}

// The backup is copied beside the target and checked there, before anything else changes: what is
// checked is exactly what goes in place, SQLite never opens (and adds files beside) the backup
// itself, and the final rename means the target is never a half-copied file.
mkdirSync(dirname(targetPath), { recursive: true, mode: 0o700 });
const partialPath = join(dirname(targetPath), `.${basename(targetPath)}.restore-partial-${process.pid}`);

function failLeavingDatabaseAlone(message: string): never {
  for (const file of [partialPath, `${partialPath}-wal`, `${partialPath}-shm`, `${partialPath}-journal`]) rmSync(file, { force: true });
  fail(message);
}

/** Why the copy must not be restored, or undefined when it is a sound database of this app. */
function problemWithCopy(): string | undefined {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(partialPath, { fileMustExist: true });
    const problems = integrityProblems(copy);
    if (problems.length > 0) return `it failed SQLite's integrity check:\n  ${problems.join("\n  ")}`;
    const tableRows = copy.prepare("select name from sqlite_schema where type = 'table'").all() as Array<{ name: string }>;
    const tables = new Set(tableRows.map((t) => t.name));
    const missing = KEY_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) return `it is not a backup of this app (it has no ${missing.join(", ")} table)`;
    return undefined;
  } catch (error) {
    // SQLITE_NOTADB, SQLITE_CORRUPT: whatever the file is, it is not a readable database.
    return `it is not a readable SQLite database (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    copy?.close();
  }
}

copyFileSync(backupPath, partialPath, constants.COPYFILE_EXCL);
chmodSync(partialPath, 0o600);
const copyProblem = problemWithCopy();
if (copyProblem) failLeavingDatabaseAlone(`Not restoring ${backupPath}: ${copyProblem}. The database was not changed.`);

/**
 * Switches the current database out of WAL mode. SQLite allows that only to the one connection
 * that has the database open (in WAL mode every open connection keeps a shared lock on it, even
 * when idle), so with no waiting allowed it fails with SQLITE_BUSY exactly when another process
 * holds the database. A plain `BEGIN EXCLUSIVE` would not do: in WAL mode it conflicts only with
 * another writer, not with an idle app. On success it also folds the WAL into the database file
 * and removes the -wal and -shm, so the file kept aside is complete on its own.
 */
function takeOverCurrentDatabase(): void {
  const current = new Database(targetPath, { fileMustExist: true });
  try {
    current.pragma("busy_timeout = 0");
    const mode = current.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") {
      failLeavingDatabaseAlone(`Could not take over ${targetPath} (it stayed in ${String(mode)} mode). Is the app still running?`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      failLeavingDatabaseAlone(
        `${targetPath} is in use by another process (the app, a backup, or a sqlite3 shell). Stop it, then run the restore again.`,
      );
    }
    // A database too damaged to open is what a restore is for: nothing can be using it, set it aside as it is.
    console.warn(
      `The current database cannot be read (${error instanceof Error ? error.message : String(error)}); setting it aside as it is.`,
    );
  } finally {
    current.close();
  }
}

let keptAsidePath: string | undefined;
if (existsSync(targetPath)) {
  takeOverCurrentDatabase();
  keptAsidePath = `${targetPath}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(targetPath, keptAsidePath);
  chmodSync(keptAsidePath, 0o600);
  // Only there when the current database could not be read. They may hold its last commits, so
  // they go with it (SQLite looks for `<file>-wal` and `<file>-journal` beside the kept file).
  for (const suffix of ["-wal", "-journal"]) {
    if (existsSync(`${targetPath}${suffix}`)) renameSync(`${targetPath}${suffix}`, `${keptAsidePath}${suffix}`);
  }
}
// Whatever is still beside the target belongs to no database now. Left there, SQLite would
// replay a -wal or roll back a -journal onto the restored file and corrupt it; a -shm indexes a WAL.
for (const stale of [`${targetPath}-wal`, `${targetPath}-shm`, `${targetPath}-journal`]) {
  if (existsSync(stale)) {
    rmSync(stale);
    console.log(`Removed the stale ${stale}.`);
  }
}

renameSync(partialPath, targetPath);

const keptAsideNote = keptAsidePath ? ` The previous database is kept at ${keptAsidePath}.` : "";
let restored: ReturnType<typeof openDatabase>;
try {
  restored = openDatabase(targetPath);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  fail(`Restored ${targetPath}, but bringing its schema up to date failed: ${reason}.${keptAsideNote}`);
}
const problems = integrityProblems(restored.$client);
if (problems.length > 0) {
  restored.$client.close();
  fail(`The restored ${targetPath} failed SQLite's integrity check:\n  ${problems.join("\n  ")}\n${keptAsideNote.trim()}`);
}
const counts = countsOf(restored.$client);
restored.$client.close();
console.log(`Restored ${backupPath} into ${targetPath} (${counts}).${keptAsideNote}`);
