/**
 * `openDatabase` keeps each connection's prepared statements by SQL text (drizzle prepares every
 * query anew). Reuse must never change what a caller gets back: not the row shape another caller
 * left set, not a statement still being iterated, not results after the schema changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, STATEMENT_CACHE_SIZE, type Db } from "~/server/db.server";

const dir = mkdtempSync(join(tmpdir(), "casa-db-cache-"));
let db: Db;

beforeAll(() => {
  db = openDatabase(join(dir, "app.db"));
  db.$client.exec("create table t (id integer primary key, name text not null); insert into t (name) values ('a'), ('b'), ('c');");
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const SELECT = "select id, name from t order by id";

describe("the statement cache", () => {
  it("gives back the same compiled statement for the same SQL text", () => {
    const first = db.$client.prepare(SELECT);
    first.all();
    expect(db.$client.prepare(SELECT)).toBe(first);
    expect(db.$client.prepare(SELECT + " ")).not.toBe(first);
  });

  it("returns objects to a plain caller after another left the statement in raw mode", () => {
    expect(db.$client.prepare(SELECT).raw(true).all()).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    expect(db.$client.prepare(SELECT).all()).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
      { id: 3, name: "c" },
    ]);
  });

  it("still gives drizzle's typed selects their rows after a plain caller used the same text", () => {
    const query = sql`select id, name from t where id = ${2}`;
    expect(db.all<{ id: number; name: string }>(query)).toEqual([{ id: 2, name: "b" }]);
    expect(db.all<{ id: number; name: string }>(query)).toEqual([{ id: 2, name: "b" }]);
    expect(db.values(query)).toEqual([[2, "b"]]);
    expect(db.all<{ id: number; name: string }>(query)).toEqual([{ id: 2, name: "b" }]);
  });

  it("gives a fresh statement while the kept one is still iterating", () => {
    const names: string[] = [];
    for (const row of db.$client.prepare(SELECT).iterate() as Iterable<{ name: string }>) {
      // The same text, asked for inside the loop, must not reset the open iteration.
      const inner = db.$client.prepare(SELECT).all() as Array<{ name: string }>;
      names.push(`${row.name}${inner.length}`);
    }
    expect(names).toEqual(["a3", "b3", "c3"]);
  });

  it("binds parameters per call: nothing from one call reaches the next", () => {
    const byId = "select name from t where id = ?";
    expect(db.$client.prepare(byId).get(1)).toEqual({ name: "a" });
    expect(db.$client.prepare(byId).get(3)).toEqual({ name: "c" });
    expect(db.$client.prepare(byId).get(99)).toBeUndefined();
  });

  it("answers from the current schema after a migration-like change", () => {
    const star = "select * from t where id = 1";
    expect(db.$client.prepare(star).get()).toEqual({ id: 1, name: "a" });
    db.$client.exec("alter table t add column note text");
    expect(db.$client.prepare(star).get()).toEqual({ id: 1, name: "a", note: null });
  });

  it("keeps at most STATEMENT_CACHE_SIZE statements, dropping the least recently used", () => {
    const oldest = db.$client.prepare("select 'oldest'");
    const recent = db.$client.prepare(SELECT);
    for (let i = 0; i < STATEMENT_CACHE_SIZE; i++) {
      db.$client.prepare(`select ${i}`);
      if (i % 100 === 0) db.$client.prepare(SELECT); // kept in use, so never the least recent
    }
    expect(db.$client.prepare("select 'oldest'")).not.toBe(oldest);
    expect(db.$client.prepare(SELECT)).toBe(recent);
  });
});
