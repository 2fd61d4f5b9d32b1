/**
 * Several processes write the one database file (the server's workers, the mail scheduler, the
 * scripts). Two connections to one file here stand for two of them: SQLite locks the file the
 * same way whichever process holds the connection.
 *
 * `db.transaction` begins IMMEDIATE, so a transaction that reads and then writes never meets a
 * write that slipped in between (which fails it with SQLITE_BUSY at once, whatever the
 * busy_timeout); `readTransaction` only reads, holds no lock, and refuses a write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, readTransaction, type Db, type DbOrTx } from "~/server/db.server";

const dir = mkdtempSync(join(tmpdir(), "casa-db-tx-"));
let one: Db;
let other: Db;

beforeAll(() => {
  const path = join(dir, "app.db");
  one = openDatabase(path);
  other = openDatabase(path);
  one.$client.exec("create table counter (n integer not null); insert into counter values (0);");
  // The other process, when it must wait, gives up at once instead of blocking this test.
  other.$client.pragma("busy_timeout = 0");
});
afterAll(() => {
  one.$client.close();
  other.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: DbOrTx) => db.get<{ n: number }>(sql`select n from counter`).n;
const bump = (db: DbOrTx) => db.run(sql`update counter set n = n + 1`);

/** The SQLite error code `run` fails with (drizzle wraps SQLite's error as its cause), or null. */
function sqliteErrorOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return String((cause as { code?: unknown }).code);
  }
}

describe("db.transaction", () => {
  it("holds the write lock from its first statement: another process's write waits for it", () => {
    one.transaction((tx) => {
      const before = count(tx);
      expect(sqliteErrorOf(() => bump(other))).toBe("SQLITE_BUSY");
      bump(tx);
      expect(count(tx)).toBe(before + 1);
    });
    bump(other);
    expect(count(one)).toBe(2);
  });

  it("is what a read-then-write needs: begun DEFERRED, a write that slips in fails it at once", () => {
    const deferred = () =>
      one.transaction(
        (tx) => {
          count(tx);
          bump(other);
          bump(tx);
        },
        { behavior: "deferred" },
      );
    expect(sqliteErrorOf(deferred)).toBe("SQLITE_BUSY_SNAPSHOT");
  });
});

describe("readTransaction", () => {
  it("sees one snapshot and lets other processes write meanwhile", () => {
    const seen = readTransaction(one, (tx) => {
      const first = count(tx);
      bump(other);
      return [first, count(tx)];
    });
    expect(seen[0]).toBe(seen[1]);
    expect(count(one)).toBe(seen[0]! + 1);
  });

  it("refuses a write, and the connection writes again afterwards", () => {
    expect(sqliteErrorOf(() => readTransaction(one, (tx) => bump(tx)))).toBe("SQLITE_READONLY");
    expect(one.$client.inTransaction).toBe(false);
    const before = count(one);
    bump(one);
    expect(count(one)).toBe(before + 1);
  });

  it("inside a write transaction is a part of it", () => {
    one.transaction((tx) => {
      readTransaction(one, (inner) => count(inner));
      readTransaction(tx, (inner) => count(inner));
      bump(tx);
    });
  });
});
