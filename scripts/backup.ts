/**
 * Writes a consistent copy of the database to a file, while the app keeps running and writing:
 *
 *   npm run backup -- backups/app-2026-03-01.db           # DATABASE_PATH selects the database
 *   npm run backup -- backups/app-2026-03-01.db --force   # replace an existing backup file
 *
 * The copy is one self-contained file (no -wal beside it), readable by this user alone, checked
 * with SQLite's integrity check before it is put in place. Restore it with `npm run restore`.
 */
import { chmodSync, existsSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_PATH } from "../app/server/db.server";

// The copy holds the same case data about children as the database itself.
process.umask(0o077);

const KEY_TABLES = ["youth", "contacts", "audit_events"] as const;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
if (positionals.length !== 1) fail("Usage: npm run backup -- <file> [--force]   (DATABASE_PATH selects the database to copy)");

const sourcePath = resolve(process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
const destinationPath = resolve(positionals[0]!);

if (!existsSync(sourcePath)) fail(`There is no database at ${sourcePath}. Set DATABASE_PATH to the app's database.`);
if (!existsSync(dirname(destinationPath))) fail(`The folder ${dirname(destinationPath)} does not exist.`);
if (existsSync(destinationPath)) {
  if (realpathSync(destinationPath) === realpathSync(sourcePath)) fail("The backup file cannot be the database itself.");
  if (!values.force) fail(`${destinationPath} already exists. Choose another name, or pass --force to replace it.`);
}

// Written beside the destination so the final rename stays on one file system and is atomic:
// a reader of the destination sees the previous file or the complete, checked copy, never a part.
const partialPath = join(dirname(destinationPath), `.${basename(destinationPath)}.partial-${process.pid}`);

function removePartial(): void {
  for (const file of [partialPath, `${partialPath}-journal`, `${partialPath}-wal`, `${partialPath}-shm`]) rmSync(file, { force: true });
}

try {
  // Not read-only, though nothing is written: a read-only connection cannot remove the -wal and
  // -shm it creates, and would leave them beside a database the app is not running on.
  const source = new Database(sourcePath, { fileMustExist: true });
  // The app writes in short transactions; waiting for one is better than failing the backup.
  source.pragma("busy_timeout = 5000");
  // SQLite restarts an online backup from the first page whenever another connection writes
  // between two steps, so small steps may never finish while the app is busy. Copying every page
  // in one step reads them all inside one read transaction: a snapshot of the last commit.
  // In WAL mode that reader does not hold up the app's writers.
  await source.backup(partialPath, { progress: () => 0x7fffffff });
  source.close();

  const copy = new Database(partialPath, { fileMustExist: true });
  // The source's WAL mode travels with the copied header; a rollback-journal file has nothing
  // beside it that a later copy or move of the backup could leave behind.
  copy.pragma("journal_mode = DELETE");
  const problems = copy.pragma("integrity_check", { simple: false }) as Array<{ integrity_check: string }>;
  if (problems.length !== 1 || problems[0]!.integrity_check !== "ok") {
    copy.close();
    throw new Error(`the copy failed SQLite's integrity check:\n  ${problems.map((p) => p.integrity_check).join("\n  ")}`);
  }
  const counts = KEY_TABLES.map((table) => {
    const row = copy.prepare(`select count(*) as n from ${table}`).get() as { n: number };
    return `${row.n} ${table.replace("_", " ")}`;
  });
  copy.close();

  chmodSync(partialPath, 0o600);
  renameSync(partialPath, destinationPath);
  const megabytes = (statSync(destinationPath).size / 1024 / 1024).toFixed(1);
  console.log(`Backed up ${sourcePath} to ${destinationPath} (${megabytes} MB; ${counts.join(", ")}).`);
} catch (error) {
  removePartial();
  fail(`Backup failed, nothing was written to ${destinationPath}: ${error instanceof Error ? error.message : String(error)}`);
}
