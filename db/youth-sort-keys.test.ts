/**
 * The youth list's sort keys kept by triggers (db/youth-sort-keys.ts) against the keys worked out
 * from the records, after generated sequences of writes to assignments, users' names, placements,
 * CSEC statuses and case parties, as any writer (the app, the seed, a fixture) might make them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../app/server/db.server";
import { SORT_KEYS, sortKeyMigrationSql, sortKeyRecountSql, sortKeyTriggersSql } from "./youth-sort-keys";

const MIGRATIONS = { "0029": "0029_youth_sort_keys", "0031": "0031_core_contact_keys" } as const;
const migration = (m: keyof typeof MIGRATIONS) =>
  readFileSync(fileURLToPath(new URL(`./migrations/${MIGRATIONS[m]}.sql`, import.meta.url)), "utf8");

type Client = ReturnType<typeof openDatabase>["$client"];

/** Every youth's kept keys beside the keys the definitions give from the records now. */
function keptAndWorkedOut(c: Client) {
  const kept = c.prepare(`SELECT id, ${SORT_KEYS.map((k) => k.column).join(", ")} FROM youth ORDER BY id`).all();
  const workedOut = c.prepare(`SELECT id, ${SORT_KEYS.map((k) => `${k.value} AS ${k.column}`).join(", ")} FROM youth ORDER BY id`).all();
  return { kept, workedOut };
}

describe("youth sort keys", () => {
  it("each migration holds its triggers and its backfill exactly as db/youth-sort-keys.ts makes them", () => {
    for (const m of Object.keys(MIGRATIONS) as Array<keyof typeof MIGRATIONS>) {
      const statements = migration(m)
        .split("--> statement-breakpoint")
        .map((s) => s.replace(/^(\s*--[^\n]*\n)+/, "").trim());
      for (const s of sortKeyMigrationSql(m)) expect(statements, m).toContain(s.trim());
    }
    // 0029: insert, update and delete for assignments, placements and statuses; a user's name
    // change; the backfill. 0031: insert, update and delete for parties; the backfill.
    expect(sortKeyMigrationSql("0029")).toHaveLength(11);
    expect(sortKeyMigrationSql("0031")).toHaveLength(4);
    // Every trigger is in one of them, and the recount is their backfills.
    expect([...sortKeyMigrationSql("0029"), ...sortKeyMigrationSql("0031")]).toEqual(
      expect.arrayContaining([...sortKeyTriggersSql(), ...sortKeyRecountSql()]),
    );
    expect(sortKeyTriggersSql()).toHaveLength(13);
  });

  const NAMES = ["Ana Diaz", "ana diaz", "Émile Roy", "Zoe Park", "Bo", "", "O'Neil; --"];
  const PLACEMENTS = ["foster_home", "group_home", "relative", "str_tp"];
  const STATUSES = ["none", "concern", "confirmed"] as const;
  const YOUTH = 4;
  const USERS = 5;
  const youthIx = fc.integer({ min: 0, max: YOUTH - 1 });
  const userIx = fc.integer({ min: 0, max: USERS - 1 });
  /** Which existing row (of its table, by position); none is a no-op. */
  const pick = fc.nat();
  const kind = fc.constantFrom("advocate", "supervisor");
  const role = fc.constantFrom("csw", "attorney", "clc_case_manager", "therapist");
  const contactedAt = fc.constantFrom(null, "2026-01-05T10:00:00.000Z", "2026-03-01T08:30:00.000Z", "2026-03-01T08:30:00.001Z");
  const op = fc.oneof(
    fc.record({ op: fc.constant("assign" as const), youth: youthIx, user: userIx, kind, ended: fc.boolean() }),
    fc.record({ op: fc.constant("end assignment" as const), which: pick, ended: fc.boolean() }),
    fc.record({ op: fc.constant("move assignment" as const), which: pick, youth: youthIx, user: userIx, kind }),
    fc.record({ op: fc.constant("delete assignment" as const), which: pick }),
    fc.record({ op: fc.constant("rename user" as const), user: userIx, name: fc.constantFrom(...NAMES) }),
    fc.record({ op: fc.constant("place" as const), youth: youthIx, type: fc.constantFrom(...PLACEMENTS) }),
    fc.record({ op: fc.constant("retype placement" as const), which: pick, type: fc.constantFrom(...PLACEMENTS) }),
    fc.record({ op: fc.constant("end placement" as const), which: pick }),
    fc.record({ op: fc.constant("delete placement" as const), which: pick }),
    fc.record({ op: fc.constant("set status" as const), youth: youthIx, status: fc.constantFrom(...STATUSES) }),
    fc.record({ op: fc.constant("delete status" as const), youth: youthIx }),
    fc.record({ op: fc.constant("add party" as const), youth: youthIx, role, contacted: contactedAt, ended: fc.boolean() }),
    fc.record({ op: fc.constant("contact party" as const), which: pick, contacted: contactedAt }),
    fc.record({ op: fc.constant("end party" as const), which: pick, ended: fc.boolean() }),
    fc.record({ op: fc.constant("move party" as const), which: pick, youth: youthIx, role }),
    fc.record({ op: fc.constant("delete party" as const), which: pick }),
  );

  it("stay equal to the keys worked out from the records after any sequence of writes", () => {
    const c = openDatabase(":memory:").$client;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        c.exec("begin");
        try {
          const program = Number(c.prepare(`insert into programs (name, slug) values ('P', 'p')`).run().lastInsertRowid);
          const users = Array.from({ length: USERS }, (_, i) =>
            Number(
              c.prepare(`insert into users (email, name, password_hash) values (?, ?, 'x')`).run(`u${i}@x.test`, NAMES[i % NAMES.length])
                .lastInsertRowid,
            ),
          );
          const youthIds = Array.from({ length: YOUTH }, (_, i) =>
            Number(
              c
                .prepare(
                  `insert into youth (program_id, first_name, last_name, date_of_birth, case_number) values (?, 'Y', 'Z', '2010-01-01', ?)`,
                )
                .run(program, `C-${i}`).lastInsertRowid,
            ),
          );
          const nth = (table: string, which: number): number | undefined => {
            const ids = c.prepare(`select id from ${table} order by id`).all() as { id: number }[];
            return ids.length ? ids[which % ids.length]!.id : undefined;
          };
          for (const o of ops) {
            switch (o.op) {
              case "assign":
                c.prepare(
                  `insert into youth_assignments (program_id, youth_id, user_id, kind, started_on, ended_on) values (?, ?, ?, ?, '2026-01-01', ?)`,
                ).run(program, youthIds[o.youth], users[o.user], o.kind, o.ended ? "2026-02-01" : null);
                break;
              case "end assignment": {
                const id = nth("youth_assignments", o.which);
                if (id) c.prepare(`update youth_assignments set ended_on = ? where id = ?`).run(o.ended ? "2026-03-01" : null, id);
                break;
              }
              case "move assignment": {
                const id = nth("youth_assignments", o.which);
                if (id)
                  c.prepare(`update youth_assignments set youth_id = ?, user_id = ?, kind = ? where id = ?`).run(
                    youthIds[o.youth],
                    users[o.user],
                    o.kind,
                    id,
                  );
                break;
              }
              case "delete assignment": {
                const id = nth("youth_assignments", o.which);
                if (id) c.prepare(`delete from youth_assignments where id = ?`).run(id);
                break;
              }
              case "rename user":
                c.prepare(`update users set name = ? where id = ?`).run(o.name, users[o.user]);
                break;
              case "place":
                // As the app moves a youth: the current placement ends, the new one starts.
                c.prepare(`update placements set ended_on = '2026-04-01' where youth_id = ? and ended_on is null`).run(youthIds[o.youth]);
                c.prepare(`insert into placements (program_id, youth_id, type, started_on) values (?, ?, ?, '2026-04-01')`).run(
                  program,
                  youthIds[o.youth],
                  o.type,
                );
                break;
              case "retype placement": {
                const id = nth("placements", o.which);
                if (id) c.prepare(`update placements set type = ? where id = ?`).run(o.type, id);
                break;
              }
              case "end placement": {
                const id = nth("placements", o.which);
                if (id) c.prepare(`update placements set ended_on = '2026-05-01' where id = ?`).run(id);
                break;
              }
              case "delete placement": {
                const id = nth("placements", o.which);
                if (id) c.prepare(`delete from placements where id = ?`).run(id);
                break;
              }
              case "set status": {
                const confirmed = o.status === "confirmed";
                c.prepare(
                  `insert into youth_csec_status (youth_id, program_id, status, basis, basis_on, changed_at, changed_by_user_id)
                   values (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', ?)
                   on conflict (youth_id) do update set status = excluded.status, basis = excluded.basis, basis_on = excluded.basis_on`,
                ).run(youthIds[o.youth], program, o.status, confirmed ? "court_finding" : null, confirmed ? "2026-01-01" : null, users[0]);
                break;
              }
              case "delete status":
                c.prepare(`delete from youth_csec_status where youth_id = ?`).run(youthIds[o.youth]);
                break;
              case "add party":
                c.prepare(
                  `insert into case_parties (program_id, youth_id, role, name, started_on, ended_on, last_contact_at) values (?, ?, ?, 'P', '2026-01-01', ?, ?)`,
                ).run(program, youthIds[o.youth], o.role, o.ended ? "2026-02-01" : null, o.contacted);
                break;
              case "contact party": {
                const id = nth("case_parties", o.which);
                if (id) c.prepare(`update case_parties set last_contact_at = ? where id = ?`).run(o.contacted, id);
                break;
              }
              case "end party": {
                const id = nth("case_parties", o.which);
                if (id) c.prepare(`update case_parties set ended_on = ? where id = ?`).run(o.ended ? "2026-03-01" : null, id);
                break;
              }
              case "move party": {
                const id = nth("case_parties", o.which);
                if (id) c.prepare(`update case_parties set youth_id = ?, role = ? where id = ?`).run(youthIds[o.youth], o.role, id);
                break;
              }
              case "delete party": {
                const id = nth("case_parties", o.which);
                if (id) c.prepare(`delete from case_parties where id = ?`).run(id);
                break;
              }
            }
            const { kept, workedOut } = keptAndWorkedOut(c);
            expect(kept, o.op).toEqual(workedOut);
          }
        } finally {
          c.exec("rollback");
        }
      }),
      { numRuns: Number(process.env.SORT_KEY_RUNS ?? 300) },
    );
  });

  it("are worked out for youth that were there before the migration", () => {
    const c = openDatabase(":memory:").$client;
    const program = Number(c.prepare(`insert into programs (name, slug) values ('P', 'p')`).run().lastInsertRowid);
    const user = Number(c.prepare(`insert into users (email, name, password_hash) values ('a@x.test', 'Ana', 'x')`).run().lastInsertRowid);
    const y = Number(
      c
        .prepare(
          `insert into youth (program_id, first_name, last_name, date_of_birth, case_number) values (?, 'Y', 'Z', '2010-01-01', 'C-1')`,
        )
        .run(program).lastInsertRowid,
    );
    c.prepare(
      `insert into youth_assignments (program_id, youth_id, user_id, kind, started_on) values (?, ?, ?, 'supervisor', '2026-01-01')`,
    ).run(program, y, user);
    const party = (role: string, contacted: string | null) =>
      c
        .prepare(
          `insert into case_parties (program_id, youth_id, role, name, started_on, last_contact_at) values (?, ?, ?, 'P', '2026-01-01', ?)`,
        )
        .run(program, y, role, contacted);
    party("csw", "2026-02-01T10:00:00.000Z");
    party("csw", null);
    party("attorney", null);
    // As a database migrated before 0029 and 0031 holds them: no keys yet.
    c.exec(`update youth set sort_advocate = null, sort_supervisor = null, sort_placement = null, sort_csec = 0,
      kept_csw_contact = null, kept_attorney_contact = null, kept_clc_contact = null`);
    for (const s of sortKeyRecountSql()) c.exec(s);
    expect(
      c.prepare(`select sort_supervisor, kept_csw_contact, kept_attorney_contact, kept_clc_contact from youth where id = ?`).get(y),
    ).toEqual({
      sort_supervisor: "Ana",
      // The latest contact among the current CSWs; an attorney never contacted; nobody as CLC case manager.
      kept_csw_contact: "2026-02-01T10:00:00.000Z",
      kept_attorney_contact: "",
      kept_clc_contact: null,
    });
  });
});
