/**
 * Caseload tables (issue 10): each row's figures against independent SQL, for a viewer who may
 * know of concerns and one who may not; the stale-contact filter against the youth page's own
 * freshness panel; youth missing now first whatever the sort; the per-advocate and
 * per-supervisor figures equal to the lists they link to; the overdue actions across a caseload.
 */
import { describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { loader as caseloadLoader } from "~/routes/caseload";
import { loader as homeLoader } from "~/routes/home";
import { loader as actionsLoader } from "~/routes/my-actions";
import { loader as youthListLoader } from "~/routes/youth-list";
import { action as youthDetailAction, loader as youthPageLoader } from "~/routes/youth-detail";
import { loader as queueLoader } from "~/routes/requests-queue";
import { caseloadsByPerson } from "~/server/caseload.server";
import { DEMO_YOUTH } from "../../db/seed";
import { demoYouthId, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { callRoute, getAs, postAs, statusOf } from "../helpers/routes";

const db = await demoDatabase();

type CaseloadData = Awaited<ReturnType<typeof caseloadLoader>>;
type YouthCaseload = Extract<CaseloadData, { view: "youth" }>;
type HomeData = Awaited<ReturnType<typeof homeLoader>>;

async function caseloadOf(email: string, query = ""): Promise<CaseloadData> {
  return (await callRoute(caseloadLoader, await getAs(db, email, `/caseload?size=100${query}`))) as CaseloadData;
}
async function youthCaseload(email: string, query = ""): Promise<YouthCaseload> {
  const data = await caseloadOf(email, query);
  if (data.view !== "youth") throw new Error(`expected a youth caseload for ${email}`);
  return data;
}
async function youthListTotal(email: string, query: string): Promise<number> {
  const list = (await callRoute(youthListLoader, await getAs(db, email, `/youth?size=100&${query}`))) as Awaited<
    ReturnType<typeof youthListLoader>
  >;
  return list.list.total;
}
async function homeOf(email: string, query = ""): Promise<HomeData> {
  return (await callRoute(homeLoader, await getAs(db, email, `/${query}`))) as HomeData;
}

const user = (email: string) =>
  db.get<{ id: number; role: string; programId: number; timeZone: string }>(
    sql`select u.id, m.role, m.program_id as programId, p.time_zone as timeZone from users u
      join memberships m on m.user_id = u.id join programs p on p.id = m.program_id where u.email = ${email}`,
  );

/** Open youth in a demo user's scope, by independent SQL. */
function scopeSql(email: string): SQL {
  const u = user(email);
  return u.role === "program_lead"
    ? sql`y.case_status = 'open' and y.program_id = ${u.programId}`
    : sql`y.case_status = 'open' and y.id in (select youth_id from youth_assignments where user_id = ${u.id} and kind = ${u.role} and ended_on is null)`;
}

/** The CSEC rule for a record of youth `y`, written out: advocates see CSEC-sensitive records only once confirmed. */
function csecOk(email: string, sensitive: SQL): SQL {
  if (user(email).role !== "advocate") return sql`1`;
  return sql`(not (${sensitive}) or coalesce((select status from youth_csec_status s where s.youth_id = y.id), 'none') = 'confirmed')`;
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** Each youth's expected figures, by SQL that shares nothing with the code under test. */
function expectedRows(email: string) {
  const today = todayIn(user(email).timeZone);
  const now = new Date().toISOString();
  const actionSensitive = sql`(a.csec_sensitive = 1 or coalesce(a.owner_party_role = 'csec_advocate', 0)
    or exists (select 1 from mdt_meetings mm where mm.id = a.meeting_id and mm.type = 'csec_mdt'))`;
  const requestSensitive = sql`(r.type in ('restoration_funds', 'csec_advocate')
    or exists (select 1 from case_parties cp where cp.id = r.addressed_to_party_id and cp.role = 'csec_advocate'))`;
  return db.all<{ id: number; overdue: number; pending: number; nextMeetingId: number | null; concerns: number }>(sql`
    select y.id,
      (select count(*) from action_items a where a.youth_id = y.id and a.status = 'open' and a.due_on < ${today}
        and ${csecOk(email, actionSensitive)}) as overdue,
      (select count(*) from resource_requests r where r.youth_id = y.id and r.status in ('submitted', 'approved')
        and ${csecOk(email, requestSensitive)}) as pending,
      (select m.id from mdt_meetings m where m.youth_id = y.id and m.status = 'scheduled' and m.scheduled_at >= ${now}
        and ${csecOk(email, sql`m.type = 'csec_mdt'`)} order by m.scheduled_at, m.id limit 1) as nextMeetingId,
      (select count(*) from csec_concerns c where c.youth_id = y.id and c.review_status = 'under_review') as concerns
    from youth y where ${scopeSql(email)} order by y.id`);
}

/** The stale flags the youth page itself shows (its contact freshness panel). */
async function staleOnYouthPage(email: string, youthId: number): Promise<number> {
  const page = (await callRoute(youthPageLoader, await getAs(db, email, `/youth/${youthId}`), { youthId: String(youthId) })) as {
    freshness: Array<{ stale: boolean }>;
  };
  return page.freshness.filter((f) => f.stale).length;
}

describe("each caseload row against independent SQL", () => {
  for (const email of ["advocate@example.org", "supervisor@example.org", "supervisor2@example.org"]) {
    it(email, async () => {
      const c = await youthCaseload(email);
      const expected = expectedRows(email);
      expect(c.caseload.total).toBe(expected.length);
      expect(c.caseload.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id));
      const mayKnow = user(email).role !== "advocate";
      expect(c.caseload.showsConcerns).toBe(mayKnow);
      for (const e of expected) {
        const row = c.caseload.rows.find((r) => r.id === e.id)!;
        expect({ overdue: row.overdueActions, pending: row.pendingRequests, next: row.nextMeeting?.id ?? null }, `youth ${e.id}`).toEqual({
          overdue: e.overdue,
          pending: e.pending,
          next: e.nextMeetingId,
        });
        expect(row.concerns, `youth ${e.id}`).toBe(mayKnow ? e.concerns : undefined);
        expect(row.staleContacts, `youth ${e.id}`).toBe(await staleOnYouthPage(email, e.id));
      }
      // The demo has something in each column, so the comparisons above compare something.
      expect(expected.some((e) => e.overdue > 0)).toBe(true);
      expect(c.caseload.rows.some((r) => r.staleContacts > 0)).toBe(true);
    });
  }

  it("the advocate's rows count nothing CSEC-sensitive on a youth whose concern they may not know of", async () => {
    const youthId = demoYouthId(db.$client, DEMO_YOUTH.advocateConcernBySomeoneElse);
    const advocateRow = (await youthCaseload("advocate@example.org")).caseload.rows.find((r) => r.id === youthId)!;
    const supervisorRow = (await youthCaseload("supervisor@example.org")).caseload.rows.find((r) => r.id === youthId)!;
    // The supervisor sees the submitted restoration-funds and CSEC-advocate requests; the advocate does not.
    expect(supervisorRow.pendingRequests).toBeGreaterThan(advocateRow.pendingRequests);
    expect(supervisorRow.concerns).toBeGreaterThan(0);
    expect(advocateRow).not.toHaveProperty("concerns");
    expect(JSON.stringify(advocateRow)).not.toMatch(/concern/i);
  });

  it("the advocate may not sort by concerns: the request falls back to the name order", async () => {
    const byConcerns = await youthCaseload("advocate@example.org", "&sort=concerns.desc");
    const byName = await youthCaseload("advocate@example.org");
    expect(byConcerns.sort).toEqual({ id: "name", desc: false });
    expect(byConcerns.caseload.rows.map((r) => r.id)).toEqual(byName.caseload.rows.map((r) => r.id));
  });
});

describe("sorting, with youth missing now first whatever the sort", () => {
  const sorts = ["name", "advocate", "overdueActions", "staleContacts", "pendingRequests", "nextMeeting", "concerns"];
  for (const sort of sorts) {
    for (const dir of ["asc", "desc"]) {
      it(`${sort}.${dir}`, async () => {
        const c = await youthCaseload("supervisor@example.org", `&sort=${sort}.${dir}`);
        expect(c.sort).toEqual({ id: sort, desc: dir === "desc" });
        const rows = c.caseload.rows;
        const firstNotMissing = rows.findIndex((r) => !r.missing);
        expect(firstNotMissing).toBeGreaterThan(0);
        expect(rows.slice(firstNotMissing).every((r) => !r.missing)).toBe(true);
        const rest = rows.slice(firstNotMissing);
        const key = (r: (typeof rest)[number]): number | string =>
          sort === "name"
            ? r.name.split(" ").reverse().join(" ")
            : sort === "advocate"
              ? (r.advocates.map((a) => a.name).sort()[0] ?? "")
              : sort === "nextMeeting"
                ? (r.nextMeeting?.scheduledAt ?? "")
                : sort === "overdueActions"
                  ? r.overdueActions
                  : sort === "staleContacts"
                    ? r.staleContacts
                    : sort === "pendingRequests"
                      ? r.pendingRequests
                      : (r.concerns ?? 0);
        const keys = rest.map(key);
        if (sort === "nextMeeting") {
          // Youth without a meeting last, in either direction.
          const withMeeting = keys.filter((k) => k !== "");
          expect(keys.slice(0, withMeeting.length)).toEqual(withMeeting);
          keys.splice(withMeeting.length);
        }
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (dir === "desc") sorted.reverse();
        if (sort !== "name") expect(keys).toEqual(sorted);
      });
    }
  }
});

describe("the stale-contact filter is the youth page's own freshness panel", () => {
  for (const email of ["supervisor@example.org", "lead@example.org", "advocate@example.org"]) {
    it(email, async () => {
      const list = (await callRoute(youthListLoader, await getAs(db, email, "/youth?size=100&stale=1"))) as Awaited<
        ReturnType<typeof youthListLoader>
      >;
      const ids = db.all<{ id: number }>(sql`select y.id from youth y where ${scopeSql(email)} order by y.id`).map((r) => r.id);
      const expected: number[] = [];
      for (const id of ids) if ((await staleOnYouthPage(email, id)) > 0) expected.push(id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(ids.length);
      expect(list.list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    });
  }

  it("youth not contacted in 30 days: no contact with the youth themself since the start of that day", async () => {
    const email = "lead@example.org";
    const tz = user(email).timeZone;
    const since = new Date(`${todayIn(tz)}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() - 30);
    const list = (await callRoute(youthListLoader, await getAs(db, email, "/youth?size=100&noContact=30"))) as Awaited<
      ReturnType<typeof youthListLoader>
    >;
    const expected = db
      .all<{ id: number; last: string | null }>(
        sql`select y.id, (select max(occurred_at) from contacts c where c.youth_id = y.id and c.party_id is null) as last
          from youth y where ${scopeSql(email)} order by y.id`,
      )
      // Compared by calendar day in the program's time zone: more than 30 days since the last contact.
      .filter(
        (r) => r.last === null || todayIn(tz) > addDaysTo(new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date(r.last)), 30),
      )
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(list.list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
  });
});

function addDaysTo(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe("figures per advocate and per supervisor are the totals of the lists they link to", () => {
  it("the supervisor's home: each advocate's youth, missing and stale youth", async () => {
    const h = await homeOf("supervisor@example.org");
    const people = h.home.people!;
    expect(people.kind).toBe("advocate");
    expect(people.rows.length).toBeGreaterThan(1);
    for (const r of people.rows) {
      expect(r.youth, r.person.name).toBe(await youthListTotal("supervisor@example.org", `advocate=${r.person.id}`));
      expect(r.staleYouth, r.person.name).toBe(await youthListTotal("supervisor@example.org", `advocate=${r.person.id}&stale=1`));
      expect(r.missingNow, r.person.name).toBe(await youthListTotal("supervisor@example.org", `advocate=${r.person.id}&missing=now`));
    }
    expect(people.rows.some((r) => r.staleYouth > 0)).toBe(true);
  });

  it("the lead's home and /caseload: one row per supervisor, each supervisor's caseload a link away", async () => {
    const h = await homeOf("lead@example.org");
    expect(h.home.caseload).toBeNull();
    const people = h.home.people!;
    expect(people.kind).toBe("supervisor");
    const supervisors = db.all<{
      id: number;
    }>(sql`select distinct a.user_id as id from youth_assignments a join youth y on y.id = a.youth_id
      where a.kind = 'supervisor' and a.ended_on is null and y.case_status = 'open' and y.program_id = ${user("lead@example.org").programId}`);
    expect(people.total).toBe(supervisors.length);
    for (const r of people.rows) {
      expect(r.youth).toBe(await youthListTotal("lead@example.org", `supervisor=${r.person.id}`));
      expect(r.staleYouth).toBe(await youthListTotal("lead@example.org", `supervisor=${r.person.id}&stale=1`));
      expect(r.concernYouth).toBe(await youthListTotal("lead@example.org", `supervisor=${r.person.id}&csec=concern`));
      const theirs = await youthCaseload("lead@example.org", `&supervisor=${r.person.id}`);
      expect(theirs.caseload.total).toBe(r.youth);
      expect(theirs.heading).toContain(r.person.name);
    }
    const list = await caseloadOf("lead@example.org");
    expect(list.view).toBe("supervisors");
  });

  it("the lead's supervisors page through in name order: every one once, a page past the end is the last", () => {
    const lead = db.get<{ userId: number; programId: number; timeZone: string }>(
      sql`select u.id as userId, m.program_id as programId, p.time_zone as timeZone from users u
        join memberships m on m.user_id = u.id join programs p on p.id = m.program_id where u.email = 'lead@example.org'`,
    );
    const viewer = { sessionId: "t", name: "Lead", email: "lead@example.org", programName: "P", role: "program_lead" as const, ...lead };
    const want = db
      .all<{ id: number }>(
        sql`select u.id from users u join memberships m on m.user_id = u.id and m.program_id = ${lead.programId} and m.role = 'supervisor'
          where exists (select 1 from youth_assignments a join youth y on y.id = a.youth_id where a.user_id = u.id
            and a.kind = 'supervisor' and a.ended_on is null and y.case_status = 'open' and y.program_id = ${lead.programId})
          order by u.name, u.id`,
      )
      .map((r) => r.id);
    expect(want.length).toBeGreaterThan(1);
    const seen: number[] = [];
    for (let page = 1; page <= want.length; page++) {
      const got = caseloadsByPerson(viewer, "supervisor", { page, size: 1 }, db);
      expect(got.total).toBe(want.length);
      expect(got.page).toBe(page);
      seen.push(...got.rows.map((r) => r.person.id));
    }
    expect(seen).toEqual(want);
    const past = caseloadsByPerson(viewer, "supervisor", { page: want.length + 5, size: 1 }, db);
    expect(past.page).toBe(want.length);
    expect(past.rows.map((r) => r.person.id)).toEqual([want.at(-1)]);
  });

  it("a lead asking for someone who is not a supervisor of the program gets a 404; others' ?supervisor is ignored", async () => {
    const advocate = userId(db.$client, "advocate@example.org");
    expect(statusOf(await callRoute(caseloadLoader, await getAs(db, "lead@example.org", `/caseload?supervisor=${advocate}`)))).toBe(404);
    const other = userId(db.$client, "supervisor2@example.org");
    const own = await youthCaseload("supervisor@example.org");
    const asked = await youthCaseload("supervisor@example.org", `&supervisor=${other}`);
    expect(asked.caseload.rows.map((r) => r.id)).toEqual(own.caseload.rows.map((r) => r.id));
  });
});

describe("action items overdue across a caseload", () => {
  for (const email of ["supervisor@example.org", "lead@example.org"]) {
    it(`${email}: the home figure, the list it links to, and independent SQL agree`, async () => {
      const today = todayIn(user(email).timeZone);
      const u = user(email);
      // Every youth in scope, open or closed: the list is of the viewer's youth, whatever their case status.
      const scope =
        u.role === "program_lead"
          ? sql`y.program_id = ${u.programId}`
          : sql`y.id in (select youth_id from youth_assignments where user_id = ${u.id} and kind = 'supervisor' and ended_on is null)`;
      const expected = db.get<{ n: number }>(sql`select count(*) as n from action_items a join youth y on y.id = a.youth_id
        where a.status = 'open' and a.due_on < ${today} and ${scope}`).n;
      expect(expected).toBeGreaterThan(0);
      const h = await homeOf(email);
      const figure = h.home.figures.find((f) => f.key === "caseload-overdue")!;
      expect(figure.count).toBe(expected);
      const list = (await callRoute(actionsLoader, await getAs(db, email, figure.href))) as Awaited<ReturnType<typeof actionsLoader>>;
      expect(list.total).toBe(expected);
      expect(list.items.every((i) => i.status === "open" && (i.daysOverdue ?? 0) > 0)).toBe(true);
    });
  }

  it("the advocate has no caseload-wide figure (their own overdue items are theirs)", async () => {
    const h = await homeOf("advocate@example.org");
    expect(h.home.figures.find((f) => f.key === "caseload-overdue")).toBeUndefined();
    expect(h.home.figures.find((f) => f.key === "my-overdue")).toBeDefined();
  });
});

describe("the advocate's requests, and the supervisor's concern queue", () => {
  it("the advocate's home lists the requests they made, newest first, as the queue's ?mine=1 does", async () => {
    const h = await homeOf("advocate@example.org");
    const advocate = userId(db.$client, "advocate@example.org");
    const expected = db
      .all<{ id: number }>(
        sql`select r.id from resource_requests r where r.requested_by_user_id = ${advocate} order by r.requested_at desc, r.id desc`,
      )
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(h.home.myRequests!.total).toBe(expected.length);
    expect(h.home.myRequests!.rows.map((r) => r.id)).toEqual(expected.slice(0, 8));
    const queue = (await callRoute(queueLoader, await getAs(db, "advocate@example.org", "/requests?mine=1"))) as Awaited<
      ReturnType<typeof queueLoader>
    >;
    expect(queue.queue.total).toBe(expected.length);
    expect((await homeOf("supervisor@example.org")).home.myRequests).toBeNull();
  });

  it("concerns awaiting review: new since the supervisor's last review first, then the rest, oldest first", async () => {
    const supervisor = userId(db.$client, "supervisor@example.org");
    const last = db.get<{ at: string | null }>(
      sql`select max(reviewed_at) as at from csec_concerns where reviewed_by_user_id = ${supervisor}`,
    ).at;
    const expected = db
      .all<{ id: number; raisedAt: string }>(
        sql`select c.id, c.raised_at as raisedAt from csec_concerns c join youth y on y.id = c.youth_id
          where c.review_status = 'under_review' and y.id in (select youth_id from youth_assignments where user_id = ${supervisor}
            and kind = 'supervisor' and ended_on is null)`,
      )
      .map((c) => ({ ...c, isNew: last === null || c.raisedAt > last }))
      .sort((a, b) => Number(b.isNew) - Number(a.isNew) || a.raisedAt.localeCompare(b.raisedAt) || a.id - b.id);
    expect(expected.length).toBeGreaterThan(1);
    const h = await homeOf("supervisor@example.org");
    expect(h.home.concernQueue!.total).toBe(expected.length);
    expect(h.home.concernQueue!.rows.map((r) => ({ id: r.concernId, isNew: r.isNew }))).toEqual(
      expected.slice(0, 10).map((e) => ({ id: e.id, isNew: e.isNew })),
    );
    expect((await homeOf("advocate@example.org")).home.concernQueue).toBeNull();
  });
});

describe("logging contacts keeps the staleness current", () => {
  it("a youth contacted, with each of their core parties, leaves the stale list and counts no stale contact", async () => {
    const email = "supervisor@example.org";
    const rows = (await youthCaseload(email, "&sort=staleContacts.desc")).caseload.rows.filter((r) => !r.missing);
    const target = rows[0]!;
    expect(target.staleContacts).toBeGreaterThan(1);
    const youthList = async () =>
      (
        (await callRoute(youthListLoader, await getAs(db, email, "/youth?size=100&stale=1"))) as Awaited<ReturnType<typeof youthListLoader>>
      ).list.rows.map((r) => r.id);
    expect(await youthList()).toContain(target.id);
    const parties = db
      .all<{ id: number }>(
        sql`select id from case_parties where youth_id = ${target.id} and ended_on is null and role in ('csw', 'attorney', 'clc_case_manager')`,
      )
      .map((p) => String(p.id));
    const when = new Date(Date.now() - 3_600_000);
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: user(email).timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .format(when)
      .replace(" ", "T");
    for (const withWhom of ["youth", ...parties]) {
      const result = await callRoute(
        youthDetailAction,
        await postAs(db, email, `/youth/${target.id}`, {
          intent: "log-contact",
          with: withWhom,
          occurredAt: local,
          method: "phone",
          summary: "Checked in",
        }),
        { youthId: String(target.id) },
      );
      expect(statusOf(result)).toBe(302);
    }
    expect(await staleOnYouthPage(email, target.id)).toBe(0);
    const after = (await youthCaseload(email)).caseload.rows.find((r) => r.id === target.id)!;
    expect(after.staleContacts).toBe(0);
    expect(await youthList()).not.toContain(target.id);
  });
});
