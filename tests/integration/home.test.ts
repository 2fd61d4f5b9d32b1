/**
 * Each role's home (issue 10): the figures against the seeded data, computed here by independent
 * SQL; every figure equals the total of the list it links to; the advocate's home carries nothing
 * of a concern they may not know of, and no figure moves when one is added.
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { loader as homeLoader } from "~/routes/home";
import { loader as youthListLoader } from "~/routes/youth-list";
import { loader as queueLoader } from "~/routes/requests-queue";
import { DEMO_YOUTH } from "../../db/seed";
import { demoYouthId, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { callRoute, getAs, redirectLocation } from "../helpers/routes";
import { daysFromTo, localDate } from "../helpers/dates";

const db = await demoDatabase();

type HomeData = Awaited<ReturnType<typeof homeLoader>>;
async function homeOf(email: string): Promise<HomeData> {
  return (await callRoute(homeLoader, await getAs(db, email, "/"))) as HomeData;
}
const figure = (h: HomeData, key: string) => h.home.figures.find((f) => f.key === key);

/** The open youth in a demo user's scope, by independent SQL (assignments for advocates and supervisors, the program for leads). */
function scopeSql(email: string) {
  const u = db.get<{ id: number; role: string; programId: number }>(
    sql`select u.id, m.role, m.program_id as programId from users u join memberships m on m.user_id = u.id where u.email = ${email}`,
  );
  return u.role === "program_lead"
    ? sql`y.case_status = 'open' and y.program_id = ${u.programId}`
    : sql`y.case_status = 'open' and y.id in (select youth_id from youth_assignments where user_id = ${u.id} and kind = ${u.role} and ended_on is null)`;
}
const countWhere = (where: ReturnType<typeof sql>) => db.get<{ n: number }>(sql`select count(*) as n from youth y where ${where}`).n;

describe("each demo role's figures, against independent SQL", () => {
  for (const email of ["advocate@example.org", "supervisor@example.org", "lead@example.org", "lead@second.example.org"]) {
    it(`${email}: open cases, missing now, meetings in 14 days`, async () => {
      const h = await homeOf(email);
      const scope = scopeSql(email);
      expect(figure(h, "youth")?.count).toBe(countWhere(scope));
      const missing = db
        .all<{ id: number }>(
          sql`select y.id from youth y where ${scope} and y.id in (select youth_id from runaway_episodes where returned_at is null) order by y.id`,
        )
        .map((r) => r.id);
      expect(missing.length).toBeGreaterThan(0);
      expect(h.home.missing.map((m) => m.id).sort((a, b) => a - b)).toEqual(missing);
      expect(figure(h, "missing")?.count).toBe(missing.length);
      for (const m of h.home.missing) expect(m.missing?.episodeId).toBeGreaterThan(0);
      const now = new Date();
      const meetings = db.get<{ n: number }>(sql`select count(*) as n from mdt_meetings m join youth y on y.id = m.youth_id
        where ${scope} and m.status = 'scheduled' and m.scheduled_at >= ${now.toISOString()}
          and m.scheduled_at < ${new Date(now.getTime() + 14 * 86_400_000).toISOString()}
          and (m.type not in ('csec_mdt') or coalesce((select status from youth_csec_status s where s.youth_id = y.id), 'none') = 'confirmed'
               or ${email} <> 'advocate@example.org')`).n;
      expect(figure(h, "meetings")?.count).toBe(meetings);
    });
  }

  it("youth with a stale core contact, from the contacts themselves (not the derived last-contact columns)", async () => {
    for (const email of ["advocate@example.org", "supervisor@example.org", "lead@example.org"]) {
      const p = db.get<{ tz: string; youthDays: number; partyDays: number }>(
        sql`select p.time_zone as tz, p.stale_youth_contact_days as youthDays, p.stale_csw_contact_days as partyDays
          from programs p join memberships m on m.program_id = p.id join users u on u.id = m.user_id where u.email = ${email}`,
      );
      const today = localDate(new Date(), p.tz);
      const days = (at: string | null) => (at === null ? null : daysFromTo(localDate(new Date(at), p.tz), today));
      const rows = db.all<{ id: number; youthLast: string | null; roles: string | null }>(sql`
        select y.id,
          (select max(occurred_at) from contacts c where c.youth_id = y.id and c.party_id is null) as youthLast,
          (select group_concat(role || '=' || coalesce(last, ''), ',') from (
            select p.role, max(c.occurred_at) as last from case_parties p left join contacts c on c.party_id = p.id
            where p.youth_id = y.id and p.ended_on is null and p.role in ('csw', 'attorney', 'clc_case_manager') group by p.role)) as roles
        from youth y where ${scopeSql(email)}`);
      const stale = rows.filter((r) => {
        const youthDays = days(r.youthLast);
        if (youthDays === null || youthDays > p.youthDays) return true;
        return (r.roles ?? "")
          .split(",")
          .filter(Boolean)
          .some((pair) => {
            const d = days(pair.split("=")[1] || null);
            return d === null || d > p.partyDays;
          });
      });
      expect(stale.length, email).toBeGreaterThan(0);
      expect(stale.length, email).toBeLessThan(rows.length);
      expect(figure(await homeOf(email), "stale")?.count, email).toBe(stale.length);
    }
  });

  it("the supervisor and the lead see youth with a concern awaiting review; the advocate has no such figure", async () => {
    for (const email of ["supervisor@example.org", "lead@example.org"]) {
      const h = await homeOf(email);
      const expected = countWhere(sql`${scopeSql(email)} and (select status from youth_csec_status s where s.youth_id = y.id) = 'concern'`);
      expect(expected).toBeGreaterThan(0);
      expect(figure(h, "concerns")?.count).toBe(expected);
    }
    expect(figure(await homeOf("advocate@example.org"), "concerns")).toBeUndefined();
  });

  it("requests waiting for a decision count for those who decide; the advocate, who does not, has no such figure", async () => {
    for (const email of ["supervisor@example.org", "lead@example.org"]) {
      const h = await homeOf(email);
      const expected = db.get<{ n: number }>(sql`select count(*) as n from resource_requests r join youth y on y.id = r.youth_id
        where r.status = 'submitted' and ${scopeSql(email)}`).n;
      expect(figure(h, "to-decide")?.count).toBe(expected);
    }
    expect(figure(await homeOf("advocate@example.org"), "to-decide")).toBeUndefined();
  });

  it("counts youth missing with the NCMEC report overdue (24 h after going missing, not recorded)", async () => {
    for (const email of ["advocate@example.org", "supervisor@example.org", "lead@example.org"]) {
      const expected = countWhere(sql`${scopeSql(email)} and y.id in (select youth_id from runaway_episodes where returned_at is null
        and reported_to_ncmec_at is null and left_at <= ${new Date(Date.now() - 24 * 3_600_000).toISOString()})`);
      expect(expected, email).toBe(1); // the demo's missingNow youth; the other missing youth was reported in time
      expect(figure(await homeOf(email), "ncmec-overdue")?.count, email).toBe(expected);
    }
  });

  it("a program lead sees the program's requests by status", async () => {
    const h = await homeOf("lead@example.org");
    for (const status of ["draft", "approved", "fulfilled", "denied"]) {
      const expected = db.get<{ n: number }>(sql`select count(*) as n from resource_requests r where r.status = ${status}
        and r.program_id = (select program_id from memberships m join users u on u.id = m.user_id where u.email = 'lead@example.org')`).n;
      expect(figure(h, `requests-${status}`)?.count, status).toBe(expected);
    }
    expect(figure(await homeOf("supervisor@example.org"), "requests-draft")).toBeUndefined();
  });

  it("the advocate sees the concerns they raised that are under review, and only those", async () => {
    const h = await homeOf("advocate@example.org");
    const expected = db
      .all<{ youthId: number }>(
        sql`select c.youth_id as youthId from csec_concerns c where c.raised_by_user_id = ${userId(db.$client, "advocate@example.org")}
          and c.review_status = 'under_review' and c.youth_id in (select youth_id from youth_assignments a join users u on u.id = a.user_id
            where u.email = 'advocate@example.org' and a.kind = 'advocate' and a.ended_on is null) order by c.raised_at desc`,
      )
      .map((r) => r.youthId);
    expect(expected).toContain(demoYouthId(db.$client, DEMO_YOUTH.advocateOwnConcern));
    expect(h.home.ownConcerns.map((c) => c.youthId)).toEqual(expected);
    expect((await homeOf("supervisor@example.org")).home.ownConcerns).toEqual([]);
  });

  it("an administrator is sent to administration", async () => {
    expect(redirectLocation(await callRoute(homeLoader, await getAs(db, "admin@example.org", "/")))).toBe("/admin/users");
  });
});

describe("every figure is the total of the list it links to", () => {
  for (const email of ["advocate@example.org", "supervisor@example.org", "lead@example.org"]) {
    it(email, async () => {
      const h = await homeOf(email);
      for (const f of h.home.figures) {
        const url = new URL(f.href, "http://localhost");
        if (url.pathname === "/youth") {
          const list = (await callRoute(youthListLoader, await getAs(db, email, `${f.href}${url.search ? "&" : "?"}size=100`))) as Awaited<
            ReturnType<typeof youthListLoader>
          >;
          expect(list.list.total, f.key).toBe(f.count);
        } else if (url.pathname === "/requests") {
          const queue = (await callRoute(queueLoader, await getAs(db, email, f.href))) as Awaited<ReturnType<typeof queueLoader>>;
          expect(queue.queue.total, f.key).toBe(f.count);
        }
      }
    });
  }
});

describe("the advocate's home and a concern they may not know of", () => {
  it("holds nothing of it, and no figure or list changes when one is raised with CSEC-sensitive records", async () => {
    const before = JSON.stringify(await homeOf("advocate@example.org"));
    const youthId = demoYouthId(db.$client, DEMO_YOUTH.advocateNone);
    const supervisor = userId(db.$client, "supervisor@example.org");
    const programId = db.get<{ p: number }>(sql`select program_id as p from youth where id = ${youthId}`).p;
    db.run(sql`insert into csec_concerns (program_id, youth_id, raised_by_user_id, raised_at, note, review_status)
      values (${programId}, ${youthId}, ${supervisor}, ${new Date().toISOString()}, 'HOME-MARKER concern', 'under_review')`);
    db.run(sql`insert into youth_csec_status (youth_id, program_id, status, changed_at, changed_by_user_id)
      values (${youthId}, ${programId}, 'concern', ${new Date().toISOString()}, ${supervisor})
      on conflict(youth_id) do update set status = 'concern'`);
    db.run(sql`insert into resource_requests (program_id, youth_id, type, status, requested_by_user_id, requested_at, due_on, description)
      values (${programId}, ${youthId}, 'restoration_funds', 'submitted', ${supervisor}, '2020-01-01T00:00:00.000Z', '2020-02-01', 'HOME-MARKER request')`);
    const after = JSON.stringify(await homeOf("advocate@example.org"));
    expect(after).not.toContain("HOME-MARKER");
    expect(after).toBe(before);
    // The control: the supervisor's home does move.
    expect(figure(await homeOf("supervisor@example.org"), "concerns")?.count).toBeGreaterThan(0);
  });
});
