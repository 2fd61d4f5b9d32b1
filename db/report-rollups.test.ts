/**
 * The report counts kept by triggers (db/report-rollups.ts) against a recount from the records,
 * after generated sequences of inserts, updates and deletes of requests, their decisions and
 * action items, as any writer (the app, the seed, a fixture) might make them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../app/server/db.server";
import { recountRollups, recountSql, ROLLUPS, rollupRecountSql, rollupTriggersSql } from "./report-rollups";

const migration = (name: string) => readFileSync(fileURLToPath(new URL(`./migrations/${name}.sql`, import.meta.url)), "utf8");

describe("report rollups", () => {
  it("each rollup's migration holds its triggers and its recount exactly as db/report-rollups.ts makes them", () => {
    const names = [...new Set(ROLLUPS.map((t) => t.migration))];
    expect(names).toEqual(["0026_report_rollups", "0027_report_rollups_meetings_denials"]);
    for (const name of names) {
      const statements = migration(name)
        .split("--> statement-breakpoint")
        .map((s) => s.replace(/^\s*--[^\n]*\n/, "").trim());
      const made = [...rollupTriggersSql(name), ...rollupRecountSql(name)];
      expect(made.length).toBeGreaterThan(3);
      for (const s of made) expect(statements, name).toContain(s.trim());
    }
    expect(rollupTriggersSql().length).toBe(names.reduce((n, name) => n + rollupTriggersSql(name).length, 0));
  });

  const TYPES = ["therapy", "restoration_funds", "medical"];
  const STATUSES = ["draft", "submitted", "approved", "denied", "fulfilled", "withdrawn"];
  const instant = fc
    .record({ day: fc.integer({ min: 0, max: 70 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 1, 59) })
    .map(({ day, hour, minute }) => {
      const d = new Date(Date.UTC(2026, 0, 30) + day * 86_400_000 + hour * 3_600_000 + minute * 60_000);
      return d.toISOString();
    });
  const day = instant.map((i) => i.slice(0, 10));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const amount = maybe(fc.integer({ min: 0, max: 500_000 }));
  const pick = fc.nat(); // an index into the rows written so far

  const op = fc.oneof(
    fc.record({
      kind: fc.constant("request" as const),
      program: fc.constantFrom(0, 1),
      type: fc.constantFrom(...TYPES),
      status: fc.constantFrom(...STATUSES),
      requestedAt: instant,
      amount,
      fulfilledOn: maybe(day),
      fulfilDays: maybe(fc.integer({ min: 0, max: 40 })),
      paid: amount,
    }),
    fc.record({
      kind: fc.constant("update request" as const),
      which: pick,
      type: maybe(fc.constantFrom(...TYPES)),
      status: maybe(fc.constantFrom(...STATUSES)),
      requestedAt: maybe(instant),
      amount,
      fulfilledOn: maybe(day),
      fulfilDays: maybe(fc.integer({ min: 0, max: 40 })),
    }),
    fc.record({ kind: fc.constant("delete request" as const), which: pick }),
    fc.record({
      kind: fc.constant("decision" as const),
      which: pick,
      toStatus: fc.constantFrom("approved", "denied", "submitted", "fulfilled"),
      at: instant,
      amount,
      note: fc.constantFrom(null, "", "  Over budget ", "over budget", "Over budget", "\tOver budget"),
    }),
    fc.record({
      kind: fc.constant("update decision" as const),
      which: pick,
      toStatus: fc.constantFrom("approved", "denied"),
      note: fc.constantFrom(null, "Other", "over budget"),
    }),
    fc.record({
      kind: fc.constant("meeting" as const),
      program: fc.constantFrom(0, 1),
      scheduledAt: instant,
      status: fc.constantFrom("scheduled", "held", "cancelled"),
    }),
    fc.record({
      kind: fc.constant("update meeting" as const),
      which: pick,
      scheduledAt: maybe(instant),
      status: fc.constantFrom("scheduled", "held", "cancelled"),
    }),
    fc.record({ kind: fc.constant("delete meeting" as const), which: pick }),
    fc.record({ kind: fc.constant("delete decision" as const), which: pick }),
    fc.record({
      kind: fc.constant("action" as const),
      program: fc.constantFrom(0, 1),
      dueOn: maybe(day),
      doneAt: maybe(instant),
      doneOn: maybe(day),
    }),
    fc.record({
      kind: fc.constant("update action" as const),
      which: pick,
      dueOn: maybe(day),
      doneAt: maybe(instant),
      doneOn: maybe(day),
    }),
    fc.record({ kind: fc.constant("delete action" as const), which: pick }),
  );

  it("stay equal to a recount from the records after any sequence of writes", () => {
    const c = openDatabase(":memory:").$client;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        // Each run in a transaction of its own, rolled back after.
        c.exec("begin");
        try {
          const programs = [1, 2].map((n) =>
            Number(c.prepare(`insert into programs (name, slug) values (?, ?)`).run(`P${n}`, `p${n}`).lastInsertRowid),
          );
          const userId = Number(
            c.prepare(`insert into users (email, name, password_hash) values ('u@x.test', 'U', 'x')`).run().lastInsertRowid,
          );
          const youthOf = programs.map((p) =>
            Number(
              c
                .prepare(
                  `insert into youth (program_id, first_name, last_name, date_of_birth, case_number) values (?, 'Y', 'Z', '2010-01-01', ?)`,
                )
                .run(p, `C-${p}`).lastInsertRowid,
            ),
          );
          const ids = (table: string) => (c.prepare(`select id from ${table} order by id`).all() as { id: number }[]).map((r) => r.id);
          const nth = (table: string, which: number) => {
            const all = ids(table);
            return all.length ? all[which % all.length]! : null;
          };
          for (const o of ops) {
            switch (o.kind) {
              case "request": {
                const fulfilled = o.status === "fulfilled";
                c.prepare(
                  `insert into resource_requests (program_id, youth_id, type, status, requested_by_user_id, requested_at, amount_cents,
                     fulfilled_on, fulfil_days, paid_amount_cents) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                ).run(
                  programs[o.program],
                  youthOf[o.program],
                  o.type,
                  o.status,
                  userId,
                  o.requestedAt,
                  o.amount,
                  fulfilled ? (o.fulfilledOn ?? o.requestedAt.slice(0, 10)) : o.fulfilledOn,
                  o.fulfilDays,
                  o.paid,
                );
                break;
              }
              case "update request": {
                const id = nth("resource_requests", o.which);
                if (id === null) break;
                c.prepare(
                  `update resource_requests set type = coalesce(?, type), status = coalesce(?, status), requested_at = coalesce(?, requested_at),
                     amount_cents = ?, fulfilled_on = ?, fulfil_days = ? where id = ?`,
                ).run(o.type, o.status, o.requestedAt, o.amount, o.fulfilledOn, o.fulfilDays, id);
                break;
              }
              case "delete request": {
                const id = nth("resource_requests", o.which);
                if (id === null) break;
                c.prepare(`delete from request_status_events where request_id = ?`).run(id);
                c.prepare(`delete from resource_requests where id = ?`).run(id);
                break;
              }
              case "decision": {
                const id = nth("resource_requests", o.which);
                if (id === null) break;
                c.prepare(
                  `insert into request_status_events (program_id, request_id, to_status, amount_cents, note, actor_user_id, at)
                     select program_id, id, ?, ?, ?, ?, ? from resource_requests where id = ?`,
                ).run(o.toStatus, o.amount, o.note, userId, o.at, id);
                break;
              }
              case "update decision": {
                const id = nth("request_status_events", o.which);
                if (id !== null)
                  c.prepare(`update request_status_events set to_status = ?, note = ? where id = ?`).run(o.toStatus, o.note, id);
                break;
              }
              case "meeting":
                c.prepare(
                  `insert into mdt_meetings (program_id, youth_id, type, scheduled_at, status, created_by_user_id) values (?, ?, 'regular_mdt', ?, ?, ?)`,
                ).run(programs[o.program], youthOf[o.program], o.scheduledAt, o.status, userId);
                break;
              case "update meeting": {
                const id = nth("mdt_meetings", o.which);
                if (id !== null)
                  c.prepare(`update mdt_meetings set scheduled_at = coalesce(?, scheduled_at), status = ? where id = ?`).run(
                    o.scheduledAt,
                    o.status,
                    id,
                  );
                break;
              }
              case "delete meeting": {
                const id = nth("mdt_meetings", o.which);
                if (id !== null) c.prepare(`delete from mdt_meetings where id = ?`).run(id);
                break;
              }
              case "delete decision": {
                const id = nth("request_status_events", o.which);
                if (id !== null) c.prepare(`delete from request_status_events where id = ?`).run(id);
                break;
              }
              case "action":
                c.prepare(
                  `insert into action_items (program_id, youth_id, description, owner_user_id, due_on, status, done_at, done_on, created_by_user_id)
                     values (?, ?, 'x', ?, ?, ?, ?, ?, ?)`,
                ).run(
                  programs[o.program],
                  youthOf[o.program],
                  userId,
                  o.dueOn,
                  o.doneAt ? "done" : "open",
                  o.doneAt,
                  o.doneAt ? o.doneOn : null,
                  userId,
                );
                break;
              case "update action": {
                const id = nth("action_items", o.which);
                if (id === null) break;
                c.prepare(`update action_items set due_on = ?, done_at = ?, done_on = ?, status = ? where id = ?`).run(
                  o.dueOn,
                  o.doneAt,
                  o.doneAt ? o.doneOn : null,
                  o.doneAt ? "done" : "open",
                  id,
                );
                break;
              }
              case "delete action": {
                const id = nth("action_items", o.which);
                if (id !== null) c.prepare(`delete from action_items where id = ?`).run(id);
                break;
              }
            }
          }
          for (const t of ROLLUPS) {
            const sums = t.sums.map(([col]) => col);
            const rows = (table: string) =>
              c.prepare(`select * from ${table} where ${sums.map((s) => `${s} <> 0`).join(" or ")} order by 1, 2, 3, 4, 5`).all();
            c.exec(`create temp table recount as select * from ${t.table} where 0`);
            for (const s of recountSql(t, "temp.recount")) c.exec(s);
            expect(rows(t.table), t.table).toEqual(rows("temp.recount"));
            c.exec(`drop table temp.recount`);
          }
        } finally {
          c.exec("rollback");
        }
      }),
      { numRuns: 400 },
    );
    c.close();
  });

  it("a recount gives what the triggers kept", () => {
    const db = openDatabase(":memory:");
    const c = db.$client;
    const p = Number(c.prepare(`insert into programs (name, slug) values ('P', 'p')`).run().lastInsertRowid);
    const u = Number(c.prepare(`insert into users (email, name, password_hash) values ('u@x.test', 'U', 'x')`).run().lastInsertRowid);
    const y = Number(
      c
        .prepare(
          `insert into youth (program_id, first_name, last_name, date_of_birth, case_number) values (?, 'Y', 'Z', '2010-01-01', 'C')`,
        )
        .run(p).lastInsertRowid,
    );
    c.prepare(
      `insert into resource_requests (program_id, youth_id, type, status, requested_by_user_id, requested_at, amount_cents) values (?, ?, 'therapy', 'submitted', ?, '2026-02-03T04:05:06.000Z', 100)`,
    ).run(p, y, u);
    const kept = ROLLUPS.map((t) => c.prepare(`select * from ${t.table} order by 1, 2, 3, 4, 5`).all());
    recountRollups(c);
    expect(ROLLUPS.map((t) => c.prepare(`select * from ${t.table} order by 1, 2, 3, 4, 5`).all())).toEqual(kept);
    expect(kept[0]).toEqual([
      { program_id: p, grain: "d", bucket: "2026-02-03", type: "therapy", status: "submitted", n: 1, amount_n: 1, amount_cents: 100 },
      { program_id: p, grain: "h", bucket: "2026-02-03T04", type: "therapy", status: "submitted", n: 1, amount_n: 1, amount_cents: 100 },
    ]);
    c.close();
  });
});
