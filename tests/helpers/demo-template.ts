/**
 * The demo database, seeded once per test run into a template file that test files copy (the
 * scrypt hash and thousands of inserts would otherwise be paid by every file and every server
 * start). The global setups create it and hand its path to the workers with `provide`; the
 * workers copy it with tests/helpers/demo-database.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A migrated SQLite file holding the demo data laid out around `anchor`. */
export type DemoTemplate = { path: string; anchor: string };

declare module "vitest" {
  export interface ProvidedContext {
    /** Absent under a config without provideDemoTemplate in its global setup: files then seed their own. */
    demoTemplate?: DemoTemplate;
  }
}

/** Creates, migrates and (optionally) seeds a SQLite file, then closes it. */
export async function prepareDatabase(databasePath: string, opts: { seed?: boolean; anchor?: string } = {}): Promise<void> {
  const { openDatabase } = await import("../../app/server/db.server");
  // openDatabase resolves "db/migrations" against the cwd unless MIGRATIONS_DIR is set;
  // pin it to this checkout so tests work from any cwd.
  const previous = process.env.MIGRATIONS_DIR;
  process.env.MIGRATIONS_DIR ??= join(REPO_ROOT, "db", "migrations");
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(databasePath);
  } finally {
    if (previous === undefined) delete process.env.MIGRATIONS_DIR;
    else process.env.MIGRATIONS_DIR = previous;
  }
  try {
    if (opts.seed ?? true) {
      const { seedDemo } = await import("../../db/seed");
      await seedDemo(db, opts.anchor === undefined ? undefined : { anchor: opts.anchor });
    }
    // Fold the write-ahead log into the file and stop using one, so that the file alone is the
    // whole database and can be copied as it is (openDatabase turns WAL on again).
    db.$client.pragma("journal_mode = DELETE");
  } finally {
    db.$client.close();
  }
}

/**
 * For a global setup: seeds the demo data (anchor: today, UTC, as `seedDemo` defaults to) into a
 * template in a temp dir, provides it to the test files as `demoTemplate`, and returns the
 * teardown that removes it.
 */
export async function provideDemoTemplate(project: TestProject): Promise<() => void> {
  const { todayUtc } = await import("../../db/seed");
  const dir = mkdtempSync(join(tmpdir(), "casa-template-"));
  try {
    const anchor = todayUtc();
    const path = join(dir, `demo-${anchor}.db`);
    await prepareDatabase(path, { anchor });
    project.provide("demoTemplate", { path, anchor });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
