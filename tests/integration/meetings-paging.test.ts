/**
 * The meetings list is paged in SQL (issue 15): a lead of a network has thousands of upcoming and
 * recent meetings, which were cut off at 200 without a word. Each list counts all of its meetings,
 * shows a page of them in order, and keeps the other list's page in its links.
 */
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/meetings-list";
import { MEETINGS_PAGE_SIZE, type MeetingPage } from "~/server/meetings.server";
import { demoDatabase } from "../helpers/demo-database";
import { callRoute, getAs } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const program = (c.prepare("select id from programs where slug = 'example-county'").get() as { id: number }).id;
const youthId = (
  c.prepare("select id from youth where program_id = ? and case_status = 'open' order by id limit 1").get(program) as { id: number }
).id;
const lead = (c.prepare("select id from users where email = 'lead@example.org'").get() as { id: number }).id;

// 70 more upcoming meetings, one a day from tomorrow, so the lead's upcoming list has two pages or more.
const insert = c.prepare(
  `insert into mdt_meetings (program_id, youth_id, type, scheduled_at, status, created_by_user_id) values (?, ?, 'regular_mdt', ?, 'scheduled', ?)`,
);
for (let i = 1; i <= 70; i++) insert.run(program, youthId, new Date(Date.now() + i * 86_400_000 + 3_600_000).toISOString(), lead);

type Lists = { upcoming: MeetingPage; recent: MeetingPage };
const listAs = async (query = "") => (await callRoute(loader, await getAs(db, "lead@example.org", `/meetings${query}`))) as Lists;

/** The lead's upcoming meetings, by SQL written here: the program's, from now, not cancelled, soonest first. */
const upcomingIds = () =>
  (
    c
      .prepare(`select id from mdt_meetings where program_id = ? and scheduled_at >= ? and status <> 'cancelled' order by scheduled_at, id`)
      .all(program, new Date().toISOString()) as { id: number }[]
  ).map((r) => r.id);

describe("the meetings list", () => {
  it("counts every upcoming meeting and shows them a page at a time, in order", async () => {
    const all = upcomingIds();
    expect(all.length).toBeGreaterThan(MEETINGS_PAGE_SIZE + 20);
    const first = await listAs();
    expect(first.upcoming.total).toBe(all.length);
    expect(first.upcoming.page).toBe(1);
    expect(first.upcoming.rows.map((r) => r.id)).toEqual(all.slice(0, MEETINGS_PAGE_SIZE));
    const second = await listAs("?upcoming=2");
    expect(second.upcoming.rows.map((r) => r.id)).toEqual(all.slice(MEETINGS_PAGE_SIZE, 2 * MEETINGS_PAGE_SIZE));
    // The recent list stays on its first page while the upcoming one turns.
    expect(second.recent.page).toBe(1);
    expect(second.recent.rows.map((r) => r.id)).toEqual(first.recent.rows.map((r) => r.id));
  });

  it("shows the last page for a page past the end, and the first for nonsense", async () => {
    const last = Math.ceil(upcomingIds().length / MEETINGS_PAGE_SIZE);
    expect((await listAs("?upcoming=999")).upcoming.page).toBe(last);
    for (const q of ["?upcoming=0", "?upcoming=-3", "?upcoming=abc", "?upcoming=1e400", "?upcoming=2.5"]) {
      const l = await listAs(q);
      expect(l.upcoming.page, q).toBe(1);
    }
  });

  it("counts the recent meetings the lead may see: the program's last 90 days", async () => {
    const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const n = (
      c
        .prepare(`select count(*) as n from mdt_meetings where program_id = ? and scheduled_at < ? and scheduled_at >= ?`)
        .get(program, new Date().toISOString(), since) as { n: number }
    ).n;
    expect(n).toBeGreaterThan(0);
    expect((await listAs()).recent.total).toBe(n);
  });
});

describe("the home's upcoming meetings", () => {
  it("counts every meeting of the next 14 days, and shows the first 8", async () => {
    const { getHome } = await import("~/server/home.server");
    const { getViewer } = await import("~/server/session.server");
    const request = await getAs(db, "lead@example.org", "/");
    const viewer = (await getViewer(request, db))!;
    const home = getHome(viewer, { page: 1, size: 25, sort: { id: "name", desc: false } }, db);
    const now = new Date();
    const soon = (
      c
        .prepare(
          `select id from mdt_meetings where program_id = ? and status = 'scheduled' and scheduled_at >= ? and scheduled_at < ? order by scheduled_at, id`,
        )
        .all(program, now.toISOString(), new Date(now.getTime() + 14 * 86_400_000).toISOString()) as { id: number }[]
    ).map((r) => r.id);
    expect(soon.length).toBeGreaterThan(8);
    expect(home.meetingTotal).toBe(soon.length);
    expect(home.figures.find((f) => f.key === "meetings")?.count).toBe(soon.length);
    expect(home.meetings.map((m) => m.id)).toEqual(soon.slice(0, 8));
  });
});
