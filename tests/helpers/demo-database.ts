/**
 * A test file's own database with the demo data in it: a copy of the template the global setup
 * seeded once for the run (tests/helpers/demo-template.ts), so each file still gets its own file
 * and cannot disturb another, without seeding again.
 *
 *   const db = await demoDatabase();   // integration tests, at the top of the file
 *   await copyDemoDatabase(path);      // a fresh file for a server (tests/helpers/server.ts)
 */
import { chmodSync, constants, copyFileSync } from "node:fs";
import { inject } from "vitest";
import { getDb, type Db } from "../../app/server/db.server";
import { todayUtc } from "../../db/seed";
import { prepareDatabase } from "./demo-template";

/**
 * Writes a new SQLite file at `databasePath` (which must not exist yet) holding the demo data
 * laid out around `anchor` (default: today, UTC): a copy of the run's template, or, for another
 * anchor (or a run that crossed midnight), a file seeded directly.
 */
export async function copyDemoDatabase(databasePath: string, anchor: string = todayUtc()): Promise<void> {
  const template = inject("demoTemplate");
  if (template?.anchor !== anchor) {
    await prepareDatabase(databasePath, { anchor });
    return;
  }
  // COPYFILE_EXCL: a file already there means something opened the database first.
  copyFileSync(template.path, databasePath, constants.COPYFILE_EXCL);
  chmodSync(databasePath, 0o600);
}

/**
 * This test file's database (`getDb()`, at DATABASE_PATH from tests/helpers/isolated-db.ts),
 * holding the demo data. Call it at the top of the file, before anything opens the database.
 */
export async function demoDatabase(): Promise<Db> {
  const path = process.env.DATABASE_PATH;
  if (!path) throw new Error("demoDatabase: DATABASE_PATH is not set (tests/helpers/isolated-db.ts sets it for each file)");
  try {
    await copyDemoDatabase(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new Error(`demoDatabase: ${path} exists already; call demoDatabase() before anything calls getDb()`);
    }
    throw error;
  }
  return getDb();
}
