/**
 * The hourly counts reports read for a whole program (migration 0022's triggers): they follow
 * every insert, move and delete of contacts and action items, whatever writes them; a program
 * whose time zone is not a whole number of hours from UTC is counted from the records instead,
 * with the same figures.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/server/db.server";
import { findReportTable, getReports } from "~/server/reports.server";
import type { Viewer } from "~/server/session.server";
import { createProgram, createUser, createYouth } from "../helpers/factories";

const db = getDb();
const c = db.$client;

type Row = { program_id: number; kind: string; hour: string; n: number };
const rollups = (programId: number) =>
  c
    .prepare("select program_id, kind, hour, n from report_hourly_counts where program_id = ? and n <> 0 order by kind, hour")
    .all(programId) as Row[];
const counted = (programId: number) =>
  c
    .prepare(
      `select program_id, kind, hour, count(*) as n from (
         select program_id, 'contact' as kind, substr(occurred_at, 1, 13) as hour from contacts
         union all select program_id, 'action_opened', substr(created_at, 1, 13) from action_items
         union all select program_id, 'action_closed', substr(done_at, 1, 13) from action_items where done_at is not null)
       where program_id = ? group by 1, 2, 3 order by kind, hour`,
    )
    .all(programId) as Row[];

async function programWith(timeZone: string) {
  const program = createProgram(db);
  c.prepare("update programs set time_zone = ? where id = ?").run(timeZone, program.id);
  const lead = await createUser(db, { programId: program.id, role: "program_lead" });
  const y = createYouth(db, { programId: program.id });
  const viewer: Viewer = {
    sessionId: "x",
    userId: lead.id,
    name: lead.name,
    email: lead.email,
    programId: program.id,
    programName: program.name,
    timeZone,
    role: "program_lead",
  };
  const contact = (at: string) =>
    Number(
      c
        .prepare(
          "insert into contacts (program_id, youth_id, occurred_at, method, summary, logged_by_user_id) values (?, ?, ?, 'phone', 's', ?)",
        )
        .run(program.id, y.id, at, lead.id).lastInsertRowid,
    );
  const action = (createdAt: string, doneAt: string | null) =>
    Number(
      c
        .prepare(
          `insert into action_items (program_id, youth_id, description, owner_user_id, created_by_user_id, status, created_at, done_at)
           values (?, ?, 'Do it', ?, ?, ?, ?, ?)`,
        )
        .run(program.id, y.id, lead.id, lead.id, doneAt ? "done" : "open", createdAt, doneAt).lastInsertRowid,
    );
  return { program, viewer, contact, action };
}

describe("the hourly counts", () => {
  it("follow inserts, moves and deletes of contacts and action items", async () => {
    const { program, contact, action } = await programWith("America/Los_Angeles");
    const a = contact("2026-01-31T23:30:00.000Z");
    const b = contact("2026-01-31T23:59:59.999Z");
    contact("2026-02-01T08:00:00.000Z");
    const x = action("2026-01-10T10:00:00.000Z", null);
    const y = action("2026-01-11T10:00:00.000Z", "2026-01-12T01:00:00.000Z");
    expect(rollups(program.id)).toEqual(counted(program.id));

    c.prepare("update contacts set occurred_at = '2026-03-02T10:00:00.000Z' where id = ?").run(a);
    c.prepare("update contacts set summary = 'corrected' where id = ?").run(b); // not a move
    c.prepare("delete from contacts where id = ?").run(b);
    c.prepare("update action_items set done_at = '2026-02-01T09:00:00.000Z', status = 'done' where id = ?").run(x);
    c.prepare("update action_items set done_at = null, status = 'open' where id = ?").run(y);
    expect(rollups(program.id)).toEqual(counted(program.id));
    c.prepare("delete from action_items where id = ?").run(x);
    expect(rollups(program.id)).toEqual(counted(program.id));
    expect(rollups(program.id).find((r) => r.kind === "contact" && r.hour === "2026-03-02T10")?.n).toBe(1);
  });

  it("give a lead the same monthly figures as counting the records, in a whole-hour and a half-hour time zone", async () => {
    for (const timeZone of ["America/New_York", "Asia/Kolkata"]) {
      const { viewer, contact, action } = await programWith(timeZone);
      // Around local midnight at the turn of January and February, in each zone; five of each (no count is suppressed).
      const times = ["2026-01-31T18:20:00.000Z", "2026-01-31T18:40:00.000Z", "2026-02-01T04:30:00.000Z", "2026-02-01T05:30:00.000Z"];
      for (const at of times) {
        for (let i = 0; i < 5; i++) {
          contact(at);
          action(at, at);
        }
      }
      const reports = getReports(
        viewer,
        { period: { kind: "custom", from: "2026-01-01", to: "2026-02-28" } },
        db,
        new Date("2026-03-15T12:00:00Z"),
      );
      const local = (at: string) => new Date(at).toLocaleDateString("sv-SE", { timeZone }).slice(0, 7);
      const jan = 5 * times.filter((at) => local(at) === "2026-01").length;
      const feb = 5 * times.filter((at) => local(at) === "2026-02").length;
      // New York (-5): 18:20, 18:40 and 04:30 UTC are still 31 January; 05:30 UTC is 00:30 on 1 February (read from the hourly counts).
      // Kolkata (+5:30): 18:20 UTC is 23:50 on 31 January, the rest are 1 February (counted from the records).
      expect([jan, feb], timeZone).toEqual(timeZone === "Asia/Kolkata" ? [5, 15] : [15, 5]);
      const contacts = findReportTable(reports, "contacts-per-month")!;
      const actions = findReportTable(reports, "actions-per-month")!;
      expect(
        contacts.rows.map((r) => r[1]),
        timeZone,
      ).toEqual([jan, feb]);
      expect(
        actions.rows.map((r) => [r[1], r[2]]),
        timeZone,
      ).toEqual([
        [jan, jan],
        [feb, feb],
      ]);
    }
  });
});
