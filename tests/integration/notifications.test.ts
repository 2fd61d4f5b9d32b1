/**
 * Notifications (issue 14): each event tells the people it concerns, in the change's own
 * transaction, and only those who may see the record (the CSEC rule): an advocate is never told
 * of a concern, a CSEC MDT or a CSEC-sensitive action item they may not see, and their inbox and
 * its count do not change because of one. The inbox lists, opens and marks read.
 */
import { describe, expect, it } from "vitest";
import { loader as inboxLoader, action as inboxAction } from "~/routes/inbox";
import { loader as openLoader } from "~/routes/inbox-open";
import { action as newRequestAction } from "~/routes/request-new";
import { action as requestAction } from "~/routes/request-detail";
import { addActionItem } from "~/server/action-items.server";
import { monitorConcern, raiseConcern } from "~/server/csec.server";
import { reportMissing } from "~/server/episodes.server";
import { URGENT_MISSING_TEXT } from "~/server/mail-queue.server";
import { scheduleMeeting } from "~/server/meetings.server";
import { unreadCount } from "~/server/notifications.server";
import { requireYouthInScope } from "~/server/scope.server";
import { getViewer, type Viewer } from "~/server/session.server";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday, localDateTime } from "../helpers/dates";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, userId } from "../helpers/db";
import { callRoute, getAs, postAs, redirectLocation, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const viewerOf = async (email: string): Promise<Viewer> => (await getViewer(await getAs(db, email, "/")))!;
const ADVOCATE = "advocate@example.org";
const SUPERVISOR = "supervisor@example.org";
const LEAD = "lead@example.org";
const noneYouth = demoYouthId(c, DEMO_YOUTH.advocateNone);
const concernYouth = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);

type N = { id: number; user_id: number; kind: string; text: string; href: string; urgent: number };
const newSince = (id: number) => c.prepare("select * from notifications where id > ? order by id").all(id) as N[];
const lastId = () => (c.prepare("select coalesce(max(id), 0) as id from notifications").get() as { id: number }).id;
const recipients = (rows: N[]) => rows.map((r) => r.user_id).sort((a, b) => a - b);
const ids = (...emails: string[]) => emails.map((e) => userId(c, e)).sort((a, b) => a - b);

describe("who is told", () => {
  it("a concern an advocate raises: the youth's supervisor and the program's leads, in the app's words", async () => {
    const before = lastId();
    const advocate = await viewerOf(ADVOCATE);
    const result = raiseConcern(requireYouthInScope(advocate, noneYouth), {
      indicators: ["running_away"],
      observedOn: dayFromToday(PROGRAM_ONE_TZ, 0),
    });
    expect(result.ok).toBe(true);
    const rows = newSince(before);
    expect(recipients(rows)).toEqual(ids(SUPERVISOR, LEAD));
    expect(rows[0]).toMatchObject({ kind: "concern.raised", href: `/youth/${noneYouth}/csec` });
    expect(rows[0]!.text).toMatch(/^Elena Novak raised a concern about \S+ \S\.: it awaits your review\.$/);
  });

  it("a concern someone else raises on the advocate's youth: nothing for the advocate, not even in the count", async () => {
    const advocate = await viewerOf(ADVOCATE);
    const countBefore = unreadCount(advocate);
    const inboxBefore = JSON.stringify(await callRoute(inboxLoader, await getAs(db, ADVOCATE, "/inbox")));
    const lead = await viewerOf(LEAD);
    const before = lastId();
    expect(
      raiseConcern(requireYouthInScope(lead, noneYouth), {
        indicators: ["unexplained_gifts_cash_phones"],
        observedOn: dayFromToday(PROGRAM_ONE_TZ, 0),
      }).ok,
    ).toBe(true);
    expect(recipients(newSince(before))).toEqual(ids(SUPERVISOR));
    expect(unreadCount(advocate)).toBe(countBefore);
    expect(JSON.stringify(await callRoute(inboxLoader, await getAs(db, ADVOCATE, "/inbox")))).toBe(inboxBefore);
  });

  it("the review of a concern: only the people who raised it, that it was reviewed, whatever the outcome", async () => {
    const before = lastId();
    const supervisor = await viewerOf(SUPERVISOR);
    const result = monitorConcern(requireYouthInScope(supervisor, noneYouth), {
      nextReviewOn: dayFromToday(PROGRAM_ONE_TZ, 7),
      guidance: "Keep weekly visits.",
    });
    expect(result.ok).toBe(true);
    const rows = newSince(before);
    // The advocate and the lead raised the open concerns; the supervisor reviewed.
    expect(recipients(rows)).toEqual(ids(ADVOCATE, LEAD));
    for (const r of rows)
      expect(r.text).toMatch(/^The concern you raised about \S+ \S\. was reviewed\. What to keep doing: Keep weekly visits\.$/);
  });

  it("a request submitted: those who decide it; decided: the one who made it", async () => {
    let before = lastId();
    const created = await callRoute(
      newRequestAction,
      await postAs(db, ADVOCATE, `/youth/${noneYouth}/requests/new`, {
        type: "medical",
        addressedTo: "agency",
        agency: "County clinic",
        intent: "submit",
      }),
      { youthId: String(noneYouth) },
    );
    const requestId = Number(/\/requests\/(\d+)/.exec(redirectLocation(created))![1]);
    let rows = newSince(before);
    expect(recipients(rows)).toEqual(ids(SUPERVISOR));
    expect(rows[0]).toMatchObject({ kind: "request.submitted", href: `/requests/${requestId}` });

    before = lastId();
    const version = (c.prepare("select version from resource_requests where id = ?").get(requestId) as { version: number }).version;
    const approved = await callRoute(
      requestAction,
      await postAs(db, SUPERVISOR, `/requests/${requestId}`, { action: "approve", version: String(version) }),
      { requestId: String(requestId) },
    );
    expect(statusOf(approved)).toBe(302);
    rows = newSince(before);
    expect(recipients(rows)).toEqual(ids(ADVOCATE));
    expect(rows[0]!.text).toMatch(/^Your request for \S+ \S\. \(Medical.*\) was approved\.$/);
  });

  it("an action item given to the advocate: told, unless it is CSEC-sensitive on a youth whose concern they may not know of", async () => {
    const supervisor = await viewerOf(SUPERVISOR);
    let before = lastId();
    const owner = `user:${userId(c, ADVOCATE)}`;
    expect(
      addActionItem(requireYouthInScope(supervisor, noneYouth), null, {
        description: "Call the school",
        owner,
        dueOn: dayFromToday(PROGRAM_ONE_TZ, 3),
      }).ok,
    ).toBe(true);
    expect(recipients(newSince(before))).toEqual(ids(ADVOCATE));

    // From the CSEC MDT of the youth with a concern the advocate did not raise: sensitive.
    const csecMeeting = c.prepare("select id from mdt_meetings where youth_id = ? and type = 'csec_mdt' limit 1").get(concernYouth) as {
      id: number;
    };
    before = lastId();
    expect(
      addActionItem(requireYouthInScope(supervisor, concernYouth), csecMeeting.id, {
        description: "Follow up",
        owner,
        dueOn: dayFromToday(PROGRAM_ONE_TZ, 3),
      }).ok,
    ).toBe(true);
    expect(newSince(before)).toEqual([]);
  });

  it("a meeting: its user attendees, except a CSEC MDT for an advocate who may not see it", async () => {
    const supervisor = await viewerOf(SUPERVISOR);
    const attendees = [`user:${userId(c, ADVOCATE)}`, `user:${userId(c, LEAD)}`];
    let before = lastId();
    expect(
      scheduleMeeting(requireYouthInScope(supervisor, concernYouth), {
        scheduledAt: localDateTime(PROGRAM_ONE_TZ, 3 * 86_400_000),
        type: "regular_mdt",
        location: "Office",
        attendees,
      }),
    ).toEqual({ ok: true, id: expect.any(Number) });
    expect(recipients(newSince(before))).toEqual(ids(ADVOCATE, LEAD));
    before = lastId();
    expect(
      scheduleMeeting(requireYouthInScope(supervisor, concernYouth), {
        scheduledAt: localDateTime(PROGRAM_ONE_TZ, 4 * 86_400_000),
        type: "csec_mdt",
        location: "Office",
        attendees,
      }),
    ).toEqual({ ok: true, id: expect.any(Number) });
    const rows = newSince(before);
    expect(recipients(rows)).toEqual(ids(LEAD));
    // The words are the same for both kinds: nothing says what kind of meeting.
    expect(rows[0]!.text).toMatch(/^An MDT meeting for \S+ \S\. you are invited to was scheduled\.$/);
  });

  it("a youth reported missing: advocates, supervisors and leads at once, by email too, in words that name nobody", async () => {
    const advocate = await viewerOf(ADVOCATE);
    const before = lastId();
    const outboxBefore = (c.prepare("select coalesce(max(id), 0) as id from outbox").get() as { id: number }).id;
    expect(
      reportMissing(requireYouthInScope(advocate, noneYouth), {
        leftAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
        leftFrom: "Foster home",
      }).ok,
    ).toBe(true);
    const rows = newSince(before);
    expect(recipients(rows)).toEqual(ids(SUPERVISOR, LEAD)); // the advocate reported it
    for (const r of rows) expect(r.urgent).toBe(1);
    const mail = c.prepare("select to_address, subject, body from outbox where id > ? order by id").all(outboxBefore) as Array<
      Record<string, string>
    >;
    expect(mail.map((m) => m.to_address).sort()).toEqual([LEAD, SUPERVISOR].sort());
    const youth = c.prepare("select first_name, last_name, case_number from youth where id = ?").get(noneYouth) as Record<string, string>;
    for (const m of mail) {
      expect(m.body).toContain(URGENT_MISSING_TEXT);
      for (const v of Object.values(youth)) expect(`${m.subject}\n${m.body}`).not.toContain(v);
    }
  });
});

describe("the inbox", () => {
  it("lists the viewer's own, newest first; opening one marks it read and goes to the record; another's is a 404", async () => {
    const page = (await callRoute(inboxLoader, await getAs(db, SUPERVISOR, "/inbox"))) as Awaited<ReturnType<typeof inboxLoader>>;
    expect(page.inbox.items.length).toBeGreaterThan(2);
    const times = page.inbox.items.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const unread = page.inbox.items.find((i) => !i.read)!;
    const before = page.inbox.unread;
    const opened = await callRoute(openLoader, await getAs(db, SUPERVISOR, `/inbox/${unread.id}`), { notificationId: String(unread.id) });
    expect(redirectLocation(opened)).toBe(unread.href);
    expect(unreadCount(await viewerOf(SUPERVISOR))).toBe(before - 1);
    const other = await callRoute(openLoader, await getAs(db, ADVOCATE, `/inbox/${unread.id}`), { notificationId: String(unread.id) });
    expect(statusOf(other)).toBe(404);
  });

  it("marks all read", async () => {
    expect(unreadCount(await viewerOf(SUPERVISOR))).toBeGreaterThan(0);
    const result = await callRoute(inboxAction, await postAs(db, SUPERVISOR, "/inbox", { intent: "all" }));
    expect(redirectLocation(result)).toBe("/inbox");
    expect(unreadCount(await viewerOf(SUPERVISOR))).toBe(0);
  });

  it("the demo seed left each demo user what would have arrived", () => {
    const kinds = (email: string) =>
      (
        c
          .prepare("select distinct kind from notifications where user_id = ? and created_at < ? order by kind")
          .all(userId(c, email), new Date(Date.now() - 60_000).toISOString()) as Array<{ kind: string }>
      ).map((r) => r.kind);
    expect(kinds(SUPERVISOR)).toEqual(expect.arrayContaining(["concern.raised", "request.submitted"]));
    expect(kinds(ADVOCATE)).toEqual(expect.arrayContaining(["request.decided", "action.assigned"]));
  });
});
