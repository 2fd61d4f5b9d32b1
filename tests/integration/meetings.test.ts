/**
 * MDT meetings (issue 5) through their route actions and loaders, on a fresh seeded SQLite:
 * - carry-over: an item opened in meeting 1 and still open is on meeting 2's and 3's agendas
 *   (overdue first) until it is done or dropped; an item of meeting 2 is carried into meeting 3
 *   only;
 * - every write is audited in the same transaction; forbidden writes (admin 403, out of scope
 *   404) and invalid ones (400, fields named, input sent back) change nothing;
 * - the agenda's red flags, and the CSEC MDT type, follow the CSEC rule.
 *
 * The tests of a describe block run in order and build on one another (meetings 1-3 and their
 * items); every block has its own youth.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as newMeetingAction, loader as newMeetingLoader } from "~/routes/meeting-new";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meeting-detail";
import { action as myActionsAction } from "~/routes/my-actions";
import { redFlagLabel } from "~/domain/red-flags";
import { PARTY_ROLE_LABELS } from "~/domain/youth";
import { DEMO_YOUTH } from "../../db/seed";
import { DAY_MS, PROGRAM_ONE_TZ, dayFromToday, meetingTime } from "../helpers/dates";
import {
  auditRowsAfter,
  demoYouthId,
  maxId,
  meetingVersion,
  snapshot,
  userId,
  userName,
  withAuditFailing,
  type AuditRow,
} from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { MEETING_TABLES, actionItem, makeMeetingYouth, meetingRow } from "../helpers/meetings";
import {
  callRoute,
  describeResult,
  getAs,
  payloadOf,
  postAs,
  redirectLocation,
  statusOf,
  type Fields,
  type Settled,
} from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

const ADV = "advocate@example.org";
const SUP = "supervisor@example.org";
const TZ = PROGRAM_ONE_TZ;

let A1: number;
let SUP1: number;
let PROGRAM_ONE: number;

beforeAll(() => {
  A1 = userId(c, ADV);
  SUP1 = userId(c, SUP);
  PROGRAM_ONE = (c.prepare("select id from programs where slug = 'example-county'").get() as { id: number }).id;
});

type MeetingPage = Awaited<ReturnType<typeof meetingLoader>>;
type NewMeetingPage = Awaited<ReturnType<typeof newMeetingLoader>>;

async function scheduleAs(email: string, youthId: number, fields: Fields): Promise<Settled> {
  return callRoute(newMeetingAction, await postAs(db, email, `/youth/${youthId}/meetings/new`, fields), { youthId: String(youthId) });
}
/** Posts a meeting form; the record form carries the meeting's current version, as the page's does. */
async function postToMeeting(email: string, meetingId: number, fields: Fields): Promise<Settled> {
  const withVersion = fields.intent === "record" ? { baseVersion: meetingVersion(c, meetingId), ...fields } : fields;
  return callRoute(meetingAction, await postAs(db, email, `/meetings/${meetingId}`, withVersion), { meetingId: String(meetingId) });
}
async function postToMyActions(email: string, fields: Fields): Promise<Settled> {
  return callRoute(myActionsAction, await postAs(db, email, `/actions?status=open`, fields));
}
async function openMeeting(email: string, meetingId: number): Promise<MeetingPage> {
  const r = await callRoute(meetingLoader, await getAs(db, email, `/meetings/${meetingId}`), { meetingId: String(meetingId) });
  if (r instanceof Response || statusOf(r) !== 200) throw new Error(`GET /meetings/${meetingId} as ${email}: ${describeResult(r)}`);
  return r as MeetingPage;
}
const carriedOver = (p: MeetingPage) => p.meeting.agenda.carriedOver.map((a) => a.description);

function scheduledId(result: Settled): number {
  const location = redirectLocation(result);
  const m = /^\/meetings\/(\d+)\?saved=scheduled$/.exec(location);
  expect(m, location).not.toBeNull();
  return Number(m![1]);
}

/** Exactly one audit row was written since `afterId`, and it says this. */
function expectOneAudit(afterId: number, expected: Partial<AuditRow>): AuditRow {
  const rows = auditRowsAfter(c, afterId);
  expect(rows.map((r) => r.action)).toEqual([expected.action]);
  expect(rows[0]).toMatchObject(expected);
  return rows[0]!;
}

/** Runs a write that must be refused, and checks the status and that no table changed. */
async function expectRefused(run: () => Promise<Settled>, status: number): Promise<Settled> {
  const before = snapshot(c, MEETING_TABLES);
  const result = await run();
  expect(statusOf(result), describeResult(result)).toBe(status);
  expect(snapshot(c, MEETING_TABLES)).toEqual(before);
  return result;
}

// ------------------------------------------------------------------------------------------

describe("carry-over across meetings 1, 2 and 3 of one youth (as advocate@example.org)", () => {
  let youth: ReturnType<typeof makeMeetingYouth>;
  const meetings: number[] = [];
  const item: Record<"A" | "B" | "C" | "D", number> = { A: 0, B: 0, C: 0, D: 0 };
  const text = {
    A: "Ask the CSW for the school records (carry-over A)",
    B: "Call the caregiver about weekend visits (carry-over B)",
    C: "Book the dentist appointment (carry-over C)",
    D: "Draft the tutoring referral (carry-over D)",
  };
  const due = { A: dayFromToday(TZ, 10), B: dayFromToday(TZ, -3), C: dayFromToday(TZ, 2), D: dayFromToday(TZ, 5) };

  beforeAll(() => {
    youth = makeMeetingYouth(db, { advocate: ADV, supervisor: SUP });
  });

  async function addAction(meetingId: number, key: keyof typeof item, owner: string): Promise<number> {
    const before = maxId(c, "audit_events");
    const result = await postToMeeting(ADV, meetingId, { intent: "add-action", description: text[key], owner, dueOn: due[key] });
    expect(redirectLocation(result)).toBe(`/meetings/${meetingId}?saved=action`);
    const row = c.prepare("select * from action_items where description = ?").get(text[key]) as { id: number };
    expect(row).toBeDefined();
    item[key] = row.id;
    expect(actionItem(c, row.id)).toMatchObject({
      youth_id: youth.youthId,
      program_id: PROGRAM_ONE,
      meeting_id: meetingId,
      owner_party_role: owner.startsWith("role:") ? owner.slice(5) : null,
      owner_user_id: owner.startsWith("user:") ? Number(owner.slice(5)) : null,
      due_on: due[key],
      status: "open",
      done_at: null,
      csec_sensitive: 0,
      created_by_user_id: A1,
    });
    expectOneAudit(before, {
      action: "action_item.create",
      entity_type: "action_item",
      entity_id: String(row.id),
      youth_id: youth.youthId,
      actor_user_id: A1,
      program_id: PROGRAM_ONE,
    });
    return row.id;
  }

  it("schedules three meetings at increasing times, stored in UTC, each with one audit row", async () => {
    const times = [meetingTime(TZ, -10 * DAY_MS), meetingTime(TZ, 7 * DAY_MS), meetingTime(TZ, 14 * DAY_MS)];
    for (const t of times) {
      const before = maxId(c, "audit_events");
      const id = scheduledId(
        await scheduleAs(ADV, youth.youthId, {
          scheduledAt: t.local,
          type: "regular_mdt",
          location: "Family resource center, room 2",
          videoLink: "",
          attendees: [`party:${youth.cswId}`, `party:${youth.attorneyId}`, `user:${A1}`, `user:${SUP1}`],
        }),
      );
      meetings.push(id);
      expect(meetingRow(c, id)).toMatchObject({
        youth_id: youth.youthId,
        program_id: PROGRAM_ONE,
        type: "regular_mdt",
        scheduled_at: t.utc,
        location: "Family resource center, room 2",
        video_link: null,
        status: "scheduled",
        created_by_user_id: A1,
      });
      const invited = c.prepare("select party_id, user_id, attended from meeting_attendees where meeting_id = ? order by id").all(id);
      expect(invited).toEqual([
        { party_id: youth.cswId, user_id: null, attended: null },
        { party_id: youth.attorneyId, user_id: null, attended: null },
        { party_id: null, user_id: A1, attended: null },
        { party_id: null, user_id: SUP1, attended: null },
      ]);
      expectOneAudit(before, {
        action: "meeting.schedule",
        entity_type: "mdt_meeting",
        entity_id: String(id),
        youth_id: youth.youthId,
        actor_user_id: A1,
        program_id: PROGRAM_ONE,
      });
    }
    expect(new Set(meetings).size).toBe(3);
  });

  it("items added in meeting 1 are on meeting 2's and meeting 3's agendas, overdue first, not on meeting 1's own", async () => {
    const [m1, m2, m3] = meetings as [number, number, number];
    await addAction(m1, "A", "role:csw");
    await addAction(m1, "B", `user:${A1}`);
    await addAction(m1, "D", `user:${A1}`);

    const page1 = await openMeeting(ADV, m1);
    expect(page1.meeting.actions.map((a) => a.description).sort()).toEqual([text.A, text.B, text.D].sort());
    expect(carriedOver(page1)).toEqual([]);

    for (const m of [m2, m3]) {
      const page = await openMeeting(ADV, m);
      // B is overdue (added second, due 3 days ago): it comes first; then by due date.
      expect(carriedOver(page)).toEqual([text.B, text.D, text.A]);
      const b = page.meeting.agenda.carriedOver[0]!;
      expect(b.daysOverdue).toBe(3);
      expect(b.owner).toBe(userName(c, ADV));
      expect(page.meeting.agenda.carriedOver.find((a) => a.id === item.A)?.owner).toBe(PARTY_ROLE_LABELS.csw);
      for (const a of page.meeting.agenda.carriedOver.slice(1)) expect(a.daysOverdue).toBeLessThanOrEqual(0);
      expect(page.meeting.actions).toEqual([]);
    }
  });

  it("marking an item done (from meeting 2's page) takes it off every later agenda; done twice is a 400", async () => {
    const [, m2, m3] = meetings as [number, number, number];
    const before = maxId(c, "audit_events");
    const startedAt = new Date().toISOString();
    const result = await postToMeeting(ADV, m2, { intent: "done", actionId: String(item.A) });
    expect(redirectLocation(result)).toBe(`/meetings/${m2}?saved=action-done`);
    const row = actionItem(c, item.A)!;
    expect(row.status).toBe("done");
    expect(row.drop_reason).toBeNull();
    expect(row.done_at! >= startedAt && row.done_at! <= new Date().toISOString()).toBe(true);
    expectOneAudit(before, {
      action: "action_item.done",
      entity_type: "action_item",
      entity_id: String(item.A),
      youth_id: youth.youthId,
      actor_user_id: A1,
    });
    for (const m of [m2, m3]) expect(carriedOver(await openMeeting(ADV, m))).toEqual([text.B, text.D]);

    const again = await expectRefused(() => postToMeeting(ADV, m2, { intent: "done", actionId: String(item.A) }), 400);
    expect(payloadOf(again).errors._form).toMatch(/already done/);
  });

  it("dropping needs a reason: without one it is a 400 and nothing changes; with one the item leaves the agendas", async () => {
    const [, m2, m3] = meetings as [number, number, number];
    for (const reason of ["", "   "]) {
      const result = await expectRefused(() => postToMeeting(ADV, m3, { intent: "drop", actionId: String(item.D), reason }), 400);
      const reply = payloadOf<{ errors: Record<string, string>; values: Record<string, string>; actionId: number; intent: string }>(result);
      expect(Object.keys(reply.errors)).toEqual(["reason"]);
      expect(reply.intent).toBe("drop");
      expect(reply.actionId).toBe(item.D);
      expect(reply.values).toMatchObject({ actionId: String(item.D), reason });
    }
    expect(actionItem(c, item.D)!.status).toBe("open");
    expect(carriedOver(await openMeeting(ADV, m2))).toEqual([text.B, text.D]);

    const before = maxId(c, "audit_events");
    const result = await postToMeeting(ADV, m3, {
      intent: "drop",
      actionId: String(item.D),
      reason: "The school arranged tutoring itself",
    });
    expect(redirectLocation(result)).toBe(`/meetings/${m3}?saved=action-dropped`);
    expect(actionItem(c, item.D)).toMatchObject({ status: "dropped", drop_reason: "The school arranged tutoring itself" });
    const audit = expectOneAudit(before, {
      action: "action_item.drop",
      entity_type: "action_item",
      entity_id: String(item.D),
      youth_id: youth.youthId,
      actor_user_id: A1,
    });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ reason: "The school arranged tutoring itself" });
    for (const m of [m2, m3]) expect(carriedOver(await openMeeting(ADV, m))).toEqual([text.B]);
  });

  it("an item created in meeting 2 is not carried over into meeting 2, but is into meeting 3 (after the overdue one)", async () => {
    const [, m2, m3] = meetings as [number, number, number];
    await addAction(m2, "C", "role:attorney");
    const page2 = await openMeeting(ADV, m2);
    expect(carriedOver(page2)).toEqual([text.B]);
    expect(page2.meeting.actions.map((a) => a.description)).toEqual([text.C]);
    expect(carriedOver(await openMeeting(ADV, m3))).toEqual([text.B, text.C]);
  });

  it("adds agenda items by hand and records meeting 1 (in the past), each audited", async () => {
    const [m1, m2, m3] = meetings as [number, number, number];
    let before = maxId(c, "audit_events");
    expect(redirectLocation(await postToMeeting(ADV, m3, { intent: "add-agenda", text: "Summer job options" }))).toBe(
      `/meetings/${m3}?saved=agenda`,
    );
    const agendaRow = c.prepare("select * from meeting_agenda_items where meeting_id = ?").get(m3) as {
      id: number;
      text: string;
      csec_sensitive: number;
      added_by_user_id: number;
    };
    expect(agendaRow).toMatchObject({ text: "Summer job options", csec_sensitive: 0, added_by_user_id: A1 });
    expectOneAudit(before, {
      action: "meeting.agenda_add",
      entity_type: "meeting_agenda_item",
      entity_id: String(agendaRow.id),
      youth_id: youth.youthId,
      actor_user_id: A1,
    });
    expect((await openMeeting(ADV, m3)).meeting.agenda.byHand.map((i) => i.text)).toEqual(["Summer job options"]);
    expect((await openMeeting(ADV, m2)).meeting.agenda.byHand).toEqual([]);

    before = maxId(c, "audit_events");
    const recorded = await postToMeeting(ADV, m1, {
      intent: "record",
      attended: [`party:${youth.cswId}`, `user:${A1}`],
      notes: "Talked through school and visits.",
      decisions: "Keep the placement; revisit tutoring next time.",
    });
    expect(redirectLocation(recorded)).toBe(`/meetings/${m1}?saved=recorded`);
    expect(meetingRow(c, m1)).toMatchObject({
      status: "held",
      notes: "Talked through school and visits.",
      decisions: "Keep the placement; revisit tutoring next time.",
    });
    expect(c.prepare("select party_id, user_id, attended from meeting_attendees where meeting_id = ? order by id").all(m1)).toEqual([
      { party_id: youth.cswId, user_id: null, attended: 1 },
      { party_id: youth.attorneyId, user_id: null, attended: 0 },
      { party_id: null, user_id: A1, attended: 1 },
      { party_id: null, user_id: SUP1, attended: 0 },
    ]);
    expectOneAudit(before, {
      action: "meeting.record",
      entity_type: "mdt_meeting",
      entity_id: String(m1),
      youth_id: youth.youthId,
      actor_user_id: A1,
    });

    // Meeting 2 has not taken place yet: nothing to record.
    const early = await expectRefused(
      () => postToMeeting(ADV, m2, { intent: "record", attended: [`user:${A1}`], notes: "Too early" }),
      400,
    );
    expect(payloadOf(early).errors._form).toBeTruthy();
  });

  it("every write and its audit row commit or roll back together", async () => {
    const [m1, m2, m3] = meetings as [number, number, number];
    const writes: Array<[string, () => Promise<Settled>]> = [
      [
        "meeting.schedule",
        () =>
          scheduleAs(ADV, youth.youthId, {
            scheduledAt: meetingTime(TZ, 21 * DAY_MS).local,
            type: "regular_mdt",
            location: "Room 9",
            attendees: [`user:${A1}`],
          }),
      ],
      [
        "action_item.create",
        () => postToMeeting(ADV, m2, { intent: "add-action", description: "Never written", owner: "role:csw", dueOn: dayFromToday(TZ, 4) }),
      ],
      ["action_item.done", () => postToMeeting(ADV, m3, { intent: "done", actionId: String(item.C) })],
      ["action_item.drop", () => postToMeeting(ADV, m3, { intent: "drop", actionId: String(item.C), reason: "Never dropped" })],
      ["meeting.agenda_add", () => postToMeeting(ADV, m3, { intent: "add-agenda", text: "Never added" })],
      ["meeting.record", () => postToMeeting(ADV, m1, { intent: "record", attended: [], notes: "Never recorded" })],
    ];
    for (const [name, run] of writes) {
      const before = snapshot(c, MEETING_TABLES);
      await expect(withAuditFailing(c, run), name).rejects.toThrow(/audit log unavailable/);
      expect(snapshot(c, MEETING_TABLES), name).toEqual(before);
    }
    expect(actionItem(c, item.C)!.status).toBe("open");
  });

  describe("forbidden writes change nothing", () => {
    const actors = [
      ["admin@example.org", 403],
      ["supervisor2@example.org", 404],
      ["advocate2@example.org", 404],
      ["lead@second.example.org", 404],
    ] as const;
    for (const [email, status] of actors) {
      it(`${email}: every meeting write is a ${status}`, async () => {
        const [m1, m2] = meetings as [number, number, number];
        const writes: Array<[string, () => Promise<Settled>]> = [
          [
            "schedule",
            () =>
              scheduleAs(email, youth.youthId, {
                scheduledAt: meetingTime(TZ, 20 * DAY_MS).local,
                type: "regular_mdt",
                location: "Room 1",
                attendees: [],
              }),
          ],
          [
            "add-action",
            () =>
              postToMeeting(email, m2, {
                intent: "add-action",
                description: "Not mine to add",
                owner: "role:csw",
                dueOn: dayFromToday(TZ, 3),
              }),
          ],
          ["done", () => postToMeeting(email, m2, { intent: "done", actionId: String(item.B) })],
          ["drop", () => postToMeeting(email, m2, { intent: "drop", actionId: String(item.B), reason: "Not mine to drop" })],
          ["add-agenda", () => postToMeeting(email, m2, { intent: "add-agenda", text: "Not mine to add" })],
          ["record", () => postToMeeting(email, m1, { intent: "record", attended: [], notes: "Not mine to record" })],
          ["done from /actions", () => postToMyActions(email, { intent: "done", actionId: String(item.B) })],
          ["drop from /actions", () => postToMyActions(email, { intent: "drop", actionId: String(item.B), reason: "Not mine" })],
        ];
        for (const [name, run] of writes) {
          const result = await expectRefused(run, status);
          const body = JSON.stringify(result);
          expect(body, name).not.toContain(text.B);
          expect(body, name).not.toContain("Youth" + youth.youthId);
        }
      });
    }

    it("advocate@example.org cannot close, from their own meeting or /actions, an item they may not see", async () => {
      const [, m2] = meetings as [number, number, number];
      // A CSEC-sensitive item on the advocate's own youth whose concern they may not see ...
      const hidden = c
        .prepare("select id from action_items where youth_id = ? and csec_sensitive = 1 and status = 'open' order by id limit 1")
        .get(demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse)) as { id: number };
      // ... and an item on a youth that is not theirs at all.
      const outOfScope = c
        .prepare(
          `select a.id from action_items a where a.status = 'open' and a.program_id = ? and not exists (
             select 1 from youth_assignments ya where ya.youth_id = a.youth_id and ya.user_id = ? and ya.ended_on is null) order by a.id limit 1`,
        )
        .get(PROGRAM_ONE, A1) as { id: number };
      for (const id of [hidden.id, outOfScope.id]) {
        await expectRefused(() => postToMeeting(ADV, m2, { intent: "done", actionId: String(id) }), 404);
        await expectRefused(() => postToMeeting(ADV, m2, { intent: "drop", actionId: String(id), reason: "Trying" }), 404);
        await expectRefused(() => postToMyActions(ADV, { intent: "done", actionId: String(id) }), 404);
      }
    });
  });
});

// ------------------------------------------------------------------------------------------

describe("validation errors: 400 with the fields named and the input sent back; nothing written", () => {
  let youth: ReturnType<typeof makeMeetingYouth>;
  let meetingId: number;
  let LEAD2: number;

  beforeAll(async () => {
    youth = makeMeetingYouth(db, { advocate: ADV, supervisor: SUP });
    LEAD2 = userId(c, "lead@second.example.org");
    meetingId = scheduledId(
      await scheduleAs(ADV, youth.youthId, {
        scheduledAt: meetingTime(TZ, 5 * DAY_MS).local,
        type: "regular_mdt",
        location: "Room 3",
        attendees: [],
      }),
    );
  });

  const cases: Array<[string, () => Fields, string[], () => Record<string, unknown>]> = [
    [
      "no time, an unknown type and an http link",
      () => ({ scheduledAt: "", type: "bogus", location: "Room 4", videoLink: "http://meet.example.org/x", attendees: [`user:${A1}`] }),
      ["scheduledAt", "type", "videoLink"],
      () => ({ location: "Room 4", videoLink: "http://meet.example.org/x", type: "bogus", attendees: [`user:${A1}`] }),
    ],
    [
      "a day that does not exist",
      () => ({ scheduledAt: "2027-02-30T10:00", type: "regular_mdt", location: "Room 4", attendees: [] }),
      ["scheduledAt"],
      () => ({ scheduledAt: "2027-02-30T10:00", location: "Room 4" }),
    ],
    [
      "neither a place nor a video link",
      () => ({ scheduledAt: meetingTime(TZ, 3 * DAY_MS).local, type: "regular_mdt", location: "", videoLink: "", attendees: [] }),
      ["location"],
      () => ({ type: "regular_mdt", location: "", videoLink: "" }),
    ],
    [
      "an attendee who is not on the team",
      () => ({ scheduledAt: meetingTime(TZ, 3 * DAY_MS).local, type: "regular_mdt", location: "Room 4", attendees: ["party:999999"] }),
      ["attendees"],
      () => ({ attendees: ["party:999999"] }),
    ],
    [
      "an attendee from another program",
      () => ({ scheduledAt: meetingTime(TZ, 3 * DAY_MS).local, type: "other", location: "Room 4", attendees: [`user:${LEAD2}`] }),
      ["attendees"],
      () => ({ attendees: [`user:${LEAD2}`], type: "other" }),
    ],
  ];
  for (const [name, fields, keys, echoed] of cases) {
    it(`schedule: ${name}`, async () => {
      const result = await expectRefused(() => scheduleAs(ADV, youth.youthId, fields()), 400);
      const reply = payloadOf(result);
      expect(Object.keys(reply.errors).sort()).toEqual([...keys].sort());
      for (const k of keys) expect(reply.errors[k]).toMatch(/\w/);
      expect(reply.values).toMatchObject(echoed());
    });
  }

  const actionCases: Array<[string, () => Fields, string[]]> = [
    [
      "add-action: nothing filled in properly",
      () => ({ intent: "add-action", description: "  ", owner: "someone", dueOn: "2027-13-01" }),
      ["description", "owner", "dueOn"],
    ],
    [
      "add-action: a role nobody holds on the team",
      () => ({ intent: "add-action", description: "Ask the therapist", owner: "role:therapist", dueOn: dayFromToday(TZ, 3) }),
      ["owner"],
    ],
    [
      "add-action: a user of another program",
      () => ({ intent: "add-action", description: "Ask the other lead", owner: `user:${LEAD2}`, dueOn: dayFromToday(TZ, 3) }),
      ["owner"],
    ],
    ["add-agenda: empty text", () => ({ intent: "add-agenda", text: "   " }), ["text"]],
    ["an unknown intent", () => ({ intent: "explode" }), ["_form"]],
  ];
  for (const [name, fields, keys] of actionCases) {
    it(name, async () => {
      const sent = fields();
      const result = await expectRefused(() => postToMeeting(ADV, meetingId, sent), 400);
      const reply = payloadOf(result);
      expect(Object.keys(reply.errors).sort()).toEqual([...keys].sort());
      expect(reply.intent).toBe(sent.intent);
      const { intent: _intent, ...rest } = sent;
      expect(reply.values).toMatchObject(rest);
    });
  }
});

// ------------------------------------------------------------------------------------------

describe("red flags on the agenda follow the CSEC rule", () => {
  let youth: ReturnType<typeof makeMeetingYouth>;
  let meetingId: number;
  const label = redFlagLabel("running_away");

  beforeAll(async () => {
    youth = makeMeetingYouth(db, { advocate: ADV, supervisor: SUP, concernBy: SUP });
    meetingId = scheduledId(
      await scheduleAs(SUP, youth.youthId, {
        scheduledAt: meetingTime(TZ, 4 * DAY_MS).local,
        type: "regular_mdt",
        location: "Room 5",
        attendees: [],
      }),
    );
  });

  it("are null for advocate@example.org, who may not see the unconfirmed concern", async () => {
    const page = await openMeeting(ADV, meetingId);
    expect(page.meeting.agenda.redFlags).toBeNull();
    expect(page.meeting.openConcernCount).toBeNull();
    const json = JSON.stringify(page);
    expect(json).not.toContain(label);
    expect(json).not.toContain(`Meeting fixture flag note ${youth.youthId}`);
    expect(json).not.toContain(`Meeting fixture concern note ${youth.youthId}`);
  });

  it("are there for supervisor@example.org", async () => {
    const page = await openMeeting(SUP, meetingId);
    expect(page.meeting.agenda.redFlags).toEqual([{ label, observedOn: new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10) }]);
    expect(page.meeting.openConcernCount).toBe(1);
  });
});

describe("a CSEC MDT follows the status's visibility", () => {
  let youthId: number;
  let csecPartyId: number;

  beforeAll(() => {
    youthId = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);
    csecPartyId = (c.prepare("select id from case_parties where youth_id = ? and role = 'csec_advocate'").get(youthId) as { id: number })
      .id;
  });

  it("is not offered to advocate@example.org on a youth whose concern they may not see, and a forged one is a 400 on `type`", async () => {
    const form = (await callRoute(newMeetingLoader, await getAs(db, ADV, `/youth/${youthId}/meetings/new`), {
      youthId: String(youthId),
    })) as NewMeetingPage;
    expect(form.types.map((t) => t.value)).not.toContain("csec_mdt");
    expect(JSON.stringify(form)).not.toContain("CSEC");

    const result = await expectRefused(
      () =>
        scheduleAs(ADV, youthId, {
          scheduledAt: meetingTime(TZ, 2 * DAY_MS).local,
          type: "csec_mdt",
          location: "Room 6",
          attendees: [`user:${A1}`],
        }),
      400,
    );
    const reply = payloadOf(result);
    expect(Object.keys(reply.errors)).toEqual(["type"]);
    expect(reply.values).toMatchObject({ type: "csec_mdt", location: "Room 6" });
  });

  it("the hidden CSEC advocate cannot be invited by advocate@example.org, and the refusal is the same as for a made-up party", async () => {
    const send = (party: number) =>
      scheduleAs(ADV, youthId, {
        scheduledAt: meetingTime(TZ, 2 * DAY_MS).local,
        type: "regular_mdt",
        location: "Room 6",
        attendees: [`party:${party}`],
      });
    const real = payloadOf(await expectRefused(() => send(csecPartyId), 400));
    const madeUp = payloadOf(await expectRefused(() => send(999_999), 400));
    expect(real.errors).toEqual(madeUp.errors);
  });

  it("supervisor@example.org is offered it and can schedule it", async () => {
    const form = (await callRoute(newMeetingLoader, await getAs(db, SUP, `/youth/${youthId}/meetings/new`), {
      youthId: String(youthId),
    })) as NewMeetingPage;
    expect(form.types.map((t) => t.value)).toContain("csec_mdt");
    const id = scheduledId(
      await scheduleAs(SUP, youthId, {
        scheduledAt: meetingTime(TZ, 2 * DAY_MS).local,
        type: "csec_mdt",
        location: "Room 6",
        attendees: [`party:${csecPartyId}`, `user:${SUP1}`],
      }),
    );
    expect(meetingRow(c, id)).toMatchObject({ type: "csec_mdt", youth_id: youthId, created_by_user_id: SUP1 });
  });
});

// ------------------------------------------------------------------------------------------

describe("carry-over only runs forwards", () => {
  it("an item of a LATER meeting is not 'carried over' into an earlier meeting's agenda", async () => {
    const youth = makeMeetingYouth(db, { advocate: ADV, supervisor: SUP });
    const schedule = async (days: number) =>
      scheduledId(
        await scheduleAs(ADV, youth.youthId, {
          scheduledAt: meetingTime(TZ, days * DAY_MS).local,
          type: "regular_mdt",
          location: "Room 7",
          attendees: [],
        }),
      );
    const next = await schedule(7);
    const later = await schedule(35);
    // Planning ahead: an item noted on the later meeting's page now.
    const description = "Plan the school transition (raised for the later meeting)";
    expect(
      redirectLocation(
        await postToMeeting(ADV, later, { intent: "add-action", description, owner: "role:csw", dueOn: dayFromToday(TZ, 30) }),
      ),
    ).toBe(`/meetings/${later}?saved=action`);
    expect((await openMeeting(ADV, later)).meeting.actions.map((a) => a.description)).toEqual([description]);
    // The meeting before it cannot have it as an open item "from an earlier meeting".
    expect(carriedOver(await openMeeting(ADV, next))).not.toContain(description);
  });
});
