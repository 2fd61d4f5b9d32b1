/**
 * "My actions" (/actions, issue 5) per demo role: exactly the expected items, computed here with
 * plain SQL written independently of the app, for every status filter; sorted by due date both
 * ways; overdue items say by how many days.
 *
 * Expected set, per viewer:
 * - the items owned by the viewer (owner_user_id), and for an advocate also the items owned by the
 *   CASA advocate role (owner_party_role = 'casa_advocate') on the youth currently assigned to
 *   them as advocate;
 * - on youth in the viewer's scope only (a youth out of scope is a 404 for them, so an item on it
 *   cannot be listed either: its youth's name would leak), in the viewer's program only;
 * - minus CSEC-sensitive items (tagged, from a CSEC MDT, or owned by the CSEC advocate role) on
 *   youth whose status the viewer may not see (advocates: anything but `confirmed`).
 *
 * The demo seed is extended with items that sit on each of these edges.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as myActionsAction, loader as myActionsLoader } from "~/routes/my-actions";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday, daysFromTo, localDate } from "../helpers/dates";
import { auditRowsAfter, demoYouthId, maxId, programId, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { SENSITIVE_ACTION_SQL, actionItem, insertActionItem } from "../helpers/meetings";
import { callRoute, describeResult, getAs, postAs, redirectLocation, statusOf } from "../helpers/routes";
import { createYouth } from "../helpers/factories";

const db = await demoDatabase();
const c = db.$client;

type LoaderData = Awaited<ReturnType<typeof myActionsLoader>>;
type Item = LoaderData["items"][number];
type Role = "advocate" | "supervisor" | "program_lead";
type Status = "open" | "done" | "dropped" | "all";

const VIEWERS: ReadonlyArray<{ email: string; role: Role; timeZone: string }> = [
  { email: "advocate@example.org", role: "advocate", timeZone: PROGRAM_ONE_TZ },
  { email: "supervisor@example.org", role: "supervisor", timeZone: PROGRAM_ONE_TZ },
  { email: "supervisor2@example.org", role: "supervisor", timeZone: PROGRAM_ONE_TZ },
  { email: "lead@example.org", role: "program_lead", timeZone: PROGRAM_ONE_TZ },
  { email: "lead@second.example.org", role: "program_lead", timeZone: "America/Denver" },
];
const STATUSES: readonly Status[] = ["open", "done", "dropped", "all"];

/** Descriptions of the fixture items that must never reach advocate@example.org. */
const HIDDEN_FROM_ADVOCATE = [
  "MA: tagged CSEC-sensitive, on the concern youth, owned by the advocate",
  "MA: from the CSEC MDT, CASA role, on the concern youth",
  "MA: tagged CSEC-sensitive, CASA role, on the advocate's own-concern youth",
  "MA: owned by the advocate, on a youth not theirs",
  "MA: CASA role, on a youth the advocate no longer has",
  "MA: CASA role, on another advocate's youth",
];

beforeAll(() => {
  const p1 = programId(c, "example-county");
  const p2 = programId(c, "second-county");
  const a1 = userId(c, "advocate@example.org");
  const a2 = userId(c, "advocate2@example.org");
  const sup1 = userId(c, "supervisor@example.org");
  const lead = userId(c, "lead@example.org");
  const lead2 = userId(c, "lead@second.example.org");
  const y = (ref: { caseNumber: string; program: string }) => demoYouthId(c, ref);
  const concernElse = y(DEMO_YOUTH.advocateConcernBySomeoneElse);
  const csecMdt = (
    c.prepare("select id from mdt_meetings where youth_id = ? and type = 'csec_mdt' order by id limit 1").get(concernElse) as { id: number }
  ).id;

  // A youth advocate@example.org had (ended assignment), now advocate2's.
  const former = createYouth(db, { programId: p1, advocateId: a2, supervisorId: sup1 });
  c.prepare(
    "insert into youth_assignments (program_id, youth_id, user_id, kind, started_on, ended_on) values (?, ?, ?, 'advocate', '2024-01-01', '2025-06-30')",
  ).run(p1, former.id, a1);

  const add = (a: Parameters<typeof insertActionItem>[1]) => insertActionItem(c, a);
  const by = sup1;
  // advocate@example.org
  add({
    programId: p1,
    youthId: concernElse,
    description: HIDDEN_FROM_ADVOCATE[0]!,
    ownerUserId: a1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -1),
    csecSensitive: true,
    createdBy: by,
  });
  add({
    programId: p1,
    youthId: concernElse,
    description: HIDDEN_FROM_ADVOCATE[1]!,
    meetingId: csecMdt,
    ownerPartyRole: "casa_advocate",
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 2),
    createdBy: by,
  });
  add({
    programId: p1,
    youthId: concernElse,
    description: "MA: plain item, owned by the advocate, on the concern youth",
    ownerUserId: a1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 1),
    createdBy: by,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.advocateOwnConcern),
    description: HIDDEN_FROM_ADVOCATE[2]!,
    ownerPartyRole: "casa_advocate",
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 3),
    csecSensitive: true,
    createdBy: a1,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.advocateConfirmed),
    description: "MA: tagged CSEC-sensitive, on the confirmed youth, owned by the advocate",
    ownerUserId: a1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -4),
    csecSensitive: true,
    createdBy: by,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.sharedConcernByCoAdvocate),
    description: "MA: CASA role, done, on the shared youth",
    ownerPartyRole: "casa_advocate",
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -8),
    status: "done",
    createdBy: a2,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.confirmedCourtFinding),
    description: HIDDEN_FROM_ADVOCATE[5]!,
    ownerPartyRole: "casa_advocate",
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 5),
    createdBy: a2,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.confirmedCourtFinding),
    description: HIDDEN_FROM_ADVOCATE[3]!,
    ownerUserId: a1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 6),
    createdBy: a2,
  });
  add({
    programId: p1,
    youthId: former.id,
    description: HIDDEN_FROM_ADVOCATE[4]!,
    ownerPartyRole: "casa_advocate",
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -2),
    createdBy: a2,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.advocateNone),
    description: "MA: dropped, owned by the advocate",
    ownerUserId: a1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -10),
    status: "dropped",
    createdBy: a1,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.advocateNone),
    description: "MA: no due date, owned by the advocate",
    ownerUserId: a1,
    dueOn: null,
    createdBy: a1,
  });
  // supervisor@example.org: may see CSEC-sensitive items of the youth they supervise.
  add({
    programId: p1,
    youthId: concernElse,
    description: "MA: tagged CSEC-sensitive, owned by the supervisor",
    ownerUserId: sup1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -5),
    csecSensitive: true,
    createdBy: sup1,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.missingNow),
    description: "MA: done, owned by the supervisor",
    ownerUserId: sup1,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -1),
    status: "done",
    createdBy: sup1,
  });
  // lead@example.org (owns nothing in the seed).
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.advocateNone),
    description: "MA: overdue, owned by the lead",
    ownerUserId: lead,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, -2),
    createdBy: lead,
  });
  add({
    programId: p1,
    youthId: concernElse,
    description: "MA: tagged CSEC-sensitive, owned by the lead",
    ownerUserId: lead,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 3),
    csecSensitive: true,
    createdBy: lead,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.concernByLead),
    description: "MA: dropped, owned by the lead",
    ownerUserId: lead,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 9),
    status: "dropped",
    createdBy: lead,
  });
  // lead@second.example.org: one item in their program, and a stray row pointing into program one.
  add({
    programId: p2,
    youthId: y(DEMO_YOUTH.secondProgramConcern),
    description: "MA: owned by the second lead, in their program",
    ownerUserId: lead2,
    dueOn: dayFromToday("America/Denver", -3),
    csecSensitive: true,
    createdBy: lead2,
  });
  add({
    programId: p1,
    youthId: y(DEMO_YOUTH.advocateNone),
    description: "MA: owned by the second lead, on program one's youth",
    ownerUserId: lead2,
    dueOn: dayFromToday(PROGRAM_ONE_TZ, 1),
    createdBy: lead,
  });
});

// ------------------------------------------------------------------------------------------
// The expectation, in SQL written for this test

type ExpectedRow = { id: number; due_on: string | null; status: string; description: string };

function expectedItems(viewer: { email: string; role: Role }, status: Status): ExpectedRow[] {
  const me = userId(c, viewer.email);
  const program = (
    c.prepare("select m.program_id as p from memberships m join users u on u.id = m.user_id where u.email = ?").get(viewer.email) as {
      p: number;
    }
  ).p;
  const inScope =
    viewer.role === "program_lead"
      ? "1"
      : `exists (select 1 from youth_assignments s where s.youth_id = y.id and s.user_id = @me and s.kind = '${viewer.role}' and s.ended_on is null)`;
  const mine =
    viewer.role === "advocate"
      ? `(a.owner_user_id = @me or (a.owner_party_role = 'casa_advocate' and exists (
           select 1 from youth_assignments s2 where s2.youth_id = a.youth_id and s2.user_id = @me and s2.kind = 'advocate' and s2.ended_on is null)))`
      : "a.owner_user_id = @me";
  // Supervisors and leads may see every status; advocates only a confirmed one.
  const mayKnow =
    viewer.role === "advocate"
      ? "coalesce((select st.status from youth_csec_status st where st.youth_id = y.id), 'none') = 'confirmed'"
      : "1";
  return c
    .prepare(
      `select a.id, a.due_on, a.status, a.description from action_items a join youth y on y.id = a.youth_id
       where y.program_id = @program and ${inScope} and ${mine}
         and (not ${SENSITIVE_ACTION_SQL} or ${mayKnow})
         and (@status = 'all' or a.status = @status)
       order by a.id`,
    )
    .all({ me, program, status }) as ExpectedRow[];
}

async function myActions(email: string, query: string): Promise<LoaderData> {
  const result = await callRoute(myActionsLoader, await getAs(db, email, `/actions${query}`));
  if (result instanceof Response || statusOf(result) !== 200) throw new Error(`/actions${query} as ${email}: ${describeResult(result)}`);
  return result as LoaderData;
}

const ids = (items: ReadonlyArray<{ id: number }>) => items.map((i) => i.id).sort((a, b) => a - b);

/** Due dates in order (nulls, if any, after every date), ascending or descending. */
function expectSortedByDue(items: Item[], desc: boolean) {
  const dues = items.map((i) => i.dueOn);
  const firstNull = dues.indexOf(null);
  if (firstNull >= 0)
    expect(
      dues.slice(firstNull).every((d) => d === null),
      `nulls last: ${JSON.stringify(dues)}`,
    ).toBe(true);
  const dated = dues.filter((d): d is string => d !== null);
  const sorted = [...dated].sort();
  if (desc) sorted.reverse();
  expect(dated).toEqual(sorted);
}

// ------------------------------------------------------------------------------------------

describe("/actions per demo role", () => {
  for (const viewer of VIEWERS) {
    describe(viewer.email, () => {
      for (const status of STATUSES) {
        it(`status=${status}: exactly the expected items, sorted by due date both ways`, async () => {
          const expected = expectedItems(viewer, status);
          for (const sort of ["due.asc", "due.desc"] as const) {
            const page = await myActions(viewer.email, `?status=${status}&sort=${sort}`);
            expect(page.status).toBe(status);
            expect(page.sortDesc).toBe(sort === "due.desc");
            expect(ids(page.items), `${viewer.email} ${status} ${sort}`).toEqual(ids(expected));
            expectSortedByDue(page.items, sort === "due.desc");
            if (status !== "all") for (const i of page.items) expect(i.status).toBe(status);
          }
        });
      }

      it("has something to show (the expectation is not vacuous)", () => {
        expect(expectedItems(viewer, "all").length).toBeGreaterThan(0);
        expect(expectedItems(viewer, "open").length).toBeGreaterThan(0);
      });

      it("opens on the open items, soonest first, when the query says nothing (or nonsense)", async () => {
        const expected = ids(expectedItems(viewer, "open"));
        for (const query of ["", "?status=everything&sort=sideways"]) {
          const page = await myActions(viewer.email, query);
          expect(page.status).toBe("open");
          expect(page.sortDesc).toBe(false);
          expect(ids(page.items)).toEqual(expected);
          expectSortedByDue(page.items, false);
        }
      });

      it("marks overdue open items with how many days overdue", async () => {
        const today = localDate(new Date(), viewer.timeZone);
        const page = await myActions(viewer.email, "?status=all");
        let overdue = 0;
        for (const item of page.items) {
          if (item.status !== "open" || item.dueOn === null) {
            expect(item.daysOverdue, item.description).toBeNull();
            continue;
          }
          const days = daysFromTo(item.dueOn, today);
          expect(item.daysOverdue, item.description).toBe(days);
          if (item.dueOn < today) {
            expect(item.daysOverdue!).toBeGreaterThan(0);
            overdue++;
          } else {
            expect(item.daysOverdue!).toBeLessThanOrEqual(0);
          }
        }
        // Every demo role here owns at least one overdue item (seed or fixture).
        if (viewer.email !== "supervisor2@example.org") expect(overdue).toBeGreaterThan(0);
      });
    });
  }
});

describe("/actions and the CSEC rule", () => {
  it("sends advocate@example.org nothing of the items they may not see, in any view", async () => {
    for (const status of STATUSES) {
      const json = JSON.stringify(await myActions("advocate@example.org", `?status=${status}`));
      for (const hidden of HIDDEN_FROM_ADVOCATE) expect(json, status).not.toContain(hidden);
      expect(json).not.toContain("Follow up on the CSEC advocate referral");
      expect(json).not.toContain("Confirm the CSEC unit screening with DCFS");
    }
  });

  it("lists for advocate@example.org the CSEC-sensitive item on their confirmed youth, and the CASA-role items of their youth", async () => {
    const all = await myActions("advocate@example.org", "?status=all");
    const descriptions = all.items.map((i) => i.description);
    expect(descriptions).toContain("MA: tagged CSEC-sensitive, on the confirmed youth, owned by the advocate");
    expect(descriptions).toContain("MA: plain item, owned by the advocate, on the concern youth");
    expect(descriptions).toContain("MA: CASA role, done, on the shared youth");
    // A seeded item owned by the advocate on the youth with no CSEC status at all.
    expect(descriptions).toContain("Call the school counselor about the attendance plan");
  });

  it("lists the supervisor's and the lead's CSEC-sensitive items on a youth with an unconfirmed concern", async () => {
    expect((await myActions("supervisor@example.org", "?status=open")).items.map((i) => i.description)).toContain(
      "MA: tagged CSEC-sensitive, owned by the supervisor",
    );
    expect((await myActions("lead@example.org", "?status=open")).items.map((i) => i.description)).toContain(
      "MA: tagged CSEC-sensitive, owned by the lead",
    );
  });
});

describe("/actions across roles and programs", () => {
  it("gives an admin a 403 that says why", async () => {
    const result = await callRoute(myActionsLoader, await getAs(db, "admin@example.org", "/actions?status=all"));
    expect(statusOf(result)).toBe(403);
    expect(JSON.stringify(result)).toMatch(/see no case content/);
  });

  it("shows lead@second.example.org only their own program's items", async () => {
    const page = await myActions("lead@second.example.org", "?status=all");
    expect(page.items.map((i) => i.description)).toEqual(["MA: owned by the second lead, in their program"]);
    const programTwo = programId(c, "second-county");
    for (const item of page.items) {
      const y = c.prepare("select program_id as p from youth where id = ?").get(item.youthId) as { p: number };
      expect(y.p).toBe(programTwo);
    }
  });
});

describe("closing an item from /actions", () => {
  it("marks it done, audits it, and keeps the list's query", async () => {
    const a1 = userId(c, "advocate@example.org");
    const item = c
      .prepare("select id from action_items where description = ?")
      .get("MA: plain item, owned by the advocate, on the concern youth") as {
      id: number;
    };
    const before = maxId(c, "audit_events");
    const request = await postAs(db, "advocate@example.org", "/actions?status=open&sort=due.desc", {
      intent: "done",
      actionId: String(item.id),
    });
    const result = await callRoute(myActionsAction, request);
    expect(redirectLocation(result)).toBe("/actions?status=open&sort=due.desc&saved=action-done");
    expect(actionItem(c, item.id)!.status).toBe("done");
    // The day it was closed, in the program's calendar (America/Los_Angeles), kept for reports.
    const closed = c.prepare("select done_at, done_on from action_items where id = ?").get(item.id) as { done_at: string; done_on: string };
    expect(closed.done_on).toBe(new Date(closed.done_at).toLocaleDateString("sv-SE", { timeZone: "America/Los_Angeles" }));
    expect(auditRowsAfter(c, before)).toMatchObject([{ action: "action_item.done", entity_id: String(item.id), actor_user_id: a1 }]);
    expect(ids((await myActions("advocate@example.org", "?status=open")).items)).not.toContain(item.id);
    expect(ids((await myActions("advocate@example.org", "?status=done")).items)).toContain(item.id);
  });
});
