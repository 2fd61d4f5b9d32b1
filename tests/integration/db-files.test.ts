/**
 * The database holds case data about children: its file, its WAL and shared-memory files are
 * readable by the app's user alone, however permissive the umask (issue 8).
 */
import { afterAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "~/server/db.server";

const dir = mkdtempSync(join(tmpdir(), "casa-db-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("the database files", () => {
  it("are created 0600 in a 0700 folder, the -wal and -shm too, even under umask 000", () => {
    const previous = process.umask(0o000);
    try {
      const path = join(dir, "new", "app.db");
      const db = openDatabase(path);
      db.$client.exec("create table t (x); insert into t values (1);");
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(join(dir, "new"))).toBe(0o700);
      for (const f of [`${path}-wal`, `${path}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(modeOf(f), f).toBe(0o600);
      }
      db.$client.close();
    } finally {
      process.umask(previous);
    }
  });

  it("are tightened to 0600 when an existing database is opened", () => {
    const path = join(dir, "old.db");
    writeFileSync(path, "");
    chmodSync(path, 0o644);
    const db = openDatabase(path);
    expect(modeOf(path)).toBe(0o600);
    db.$client.close();
  });
});
