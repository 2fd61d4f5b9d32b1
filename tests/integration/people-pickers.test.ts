/**
 * Attendee and owner pickers (issue 13): a user who is also on the youth's team (the CASA
 * advocate, the advocate supervisor) is one entry, the user, with the team role beside it.
 */
import { describe, expect, it } from "vitest";
import { peopleForYouth } from "~/server/people.server";
import { requireYouthInScope } from "~/server/scope.server";
import { getViewer } from "~/server/session.server";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId } from "../helpers/db";
import { cookieFor } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

describe("people appear once", () => {
  it("in the attendee and owner pickers of the advocate's youth", async () => {
    const viewer = (await getViewer(
      new Request("http://localhost/", { headers: { Cookie: await cookieFor(db, "advocate@example.org") } }),
      db,
    ))!;
    const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);
    // The demo has the advocate and the supervisor on the team as well as assigned.
    const team = c.prepare("select role, name from case_parties where youth_id = ? and ended_on is null").all(youthId) as Array<{
      role: string;
      name: string;
    }>;
    expect(team).toEqual(
      expect.arrayContaining([
        { role: "casa_advocate", name: "Elena Novak" },
        { role: "advocate_supervisor", name: "Nadia Haddad" },
      ]),
    );
    const people = peopleForYouth(requireYouthInScope(viewer, youthId, db), db);
    for (const name of ["Elena Novak", "Nadia Haddad"]) {
      expect(
        people.attendees.filter((a) => a.label.includes(name)),
        name,
      ).toHaveLength(1);
      expect(
        people.owners.filter((o) => o.label.includes(name)),
        name,
      ).toHaveLength(1);
    }
    expect(people.attendees.find((a) => a.label.startsWith("Elena Novak"))).toMatchObject({
      key: expect.stringMatching(/^user:/),
      label: expect.stringContaining("CASA advocate"),
    });
    // Outside parties are still there, by their team role.
    expect(people.attendees.some((a) => a.key.startsWith("party:") && a.label.includes("Children's social worker"))).toBe(true);
    expect(people.owners.some((o) => o.value === "role:csw")).toBe(true);
  });

  it("the users offered are the program's leads and whoever is assigned to the youth now, never a disabled account", async () => {
    const viewer = (await getViewer(
      new Request("http://localhost/", { headers: { Cookie: await cookieFor(db, "lead@example.org") } }),
      db,
    ))!;
    // A second lead whose account is disabled is not offered; nor is anyone whose assignment has ended
    // (the demo ends some: the SQL below counts only current ones).
    const now = new Date().toISOString();
    const disabled = Number(
      c.prepare("insert into users (email, name, password_hash, disabled_at) values ('gone@example.org', 'Aaron Gone', 'x', ?)").run(now)
        .lastInsertRowid,
    );
    c.prepare("insert into memberships (user_id, program_id, role) values (?, ?, 'program_lead')").run(disabled, viewer.programId);
    const youthIds = (
      c.prepare("select id from youth where program_id = ? and case_status = 'open' order by id").all(viewer.programId) as Array<{
        id: number;
      }>
    ).map((r) => r.id);
    for (const youthId of youthIds) {
      const want = (
        c
          .prepare(
            `select u.id from users u join memberships m on m.user_id = u.id and m.program_id = ?
             where u.disabled_at is null and (m.role = 'program_lead'
               or exists (select 1 from youth_assignments a where a.user_id = u.id and a.youth_id = ? and a.ended_on is null))
             order by u.name`,
          )
          .all(viewer.programId, youthId) as Array<{ id: number }>
      ).map((r) => `user:${r.id}`);
      const got = peopleForYouth(requireYouthInScope(viewer, youthId, db), db)
        .attendees.filter((a) => a.key.startsWith("user:"))
        .map((a) => a.key);
      expect(got, `youth ${youthId}`).toEqual(want);
      expect(got).not.toContain(`user:${disabled}`);
    }
  });
});
