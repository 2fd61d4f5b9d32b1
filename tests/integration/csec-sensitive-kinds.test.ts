/**
 * Every record kind that can be CSEC-sensitive, planted on a youth whose status is only a
 * concern, is absent from every output that lists that kind: for the youth's advocate (on
 * screen) and for the `court` audience (the court draft, whoever prints it). Issue 8 found a
 * request addressed to the CSEC advocate in the court draft because that one list filtered by
 * request type alone; this test plants one of each way a record becomes sensitive.
 *
 * Each planted record carries a marker in whatever the outputs show of it (a name, a summary,
 * a description, an exact timestamp), so a leak shows up in the serialised loader data whatever
 * field carries it. The supervisor's own view, and the court draft once the status is confirmed,
 * are the controls: there the same markers must appear, so the test cannot pass by listing
 * nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as youthDetailLoader } from "~/routes/youth-detail";
import { loader as meetingDetailLoader } from "~/routes/meeting-detail";
import { loader as prepPacketLoader } from "~/routes/prep-packet";
import { loader as prepPacketsLoader } from "~/routes/prep-packets";
import { loader as courtDraftLoader } from "~/routes/court-draft";
import { loader as requestsQueueLoader } from "~/routes/requests-queue";
import { loader as meetingsListLoader } from "~/routes/meetings-list";
import { loader as myActionsLoader } from "~/routes/my-actions";
import { loader as requestDetailLoader } from "~/routes/request-detail";
import { DAY_MS } from "../helpers/dates";
import { userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, describeResult, getAs, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

const ADVOCATE = "advocate@example.org";
const SUPERVISOR = "supervisor@example.org";
const LEAD = "lead@example.org";

/** An instant `days` from now with a millisecond part no other row has: a marker in itself. */
function markedInstant(days: number, ms: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  d.setUTCMilliseconds(ms);
  return d.toISOString();
}

/** What each sensitive record shows of itself, by kind: any of these in an output is a leak. */
const hidden: Record<string, string[]> = {};
/** The same youth's ordinary records: they must be listed, or the outputs list nothing at all. */
const visible: string[] = [];

let y: YouthCase;
let regularMeetingId: number;
let sensitiveRequestIds: number[] = [];

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row);
  const info = c.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...Object.values(row));
  return Number(info.lastInsertRowid);
}

beforeAll(() => {
  y = makeYouth(db, { advocate: ADVOCATE, supervisor: SUPERVISOR, concernBy: SUPERVISOR, notePrefix: "zq-kind" });
  const sup = userId(c, SUPERVISOR);
  const base = { program_id: y.programId, youth_id: y.youthId };

  // A team member in a CSEC-sensitive role.
  const csecParty = insert("case_parties", {
    ...base,
    role: "csec_advocate",
    name: "Zq Partyname Hidden",
    organization: "Zq Org Hidden",
    phone: "(555) 555-0177",
    email: "zq.hidden@csec.example.org",
    started_on: "2025-02-01",
  });
  hidden.party = ["Zq Partyname Hidden", "Zq Org Hidden", "zq.hidden@csec.example.org"];

  // A contact with them.
  const contactAt = markedInstant(-4, 371);
  insert("contacts", {
    ...base,
    party_id: csecParty,
    occurred_at: contactAt,
    method: "phone",
    summary: "Zq contact summary hidden",
    logged_by_user_id: sup,
  });
  hidden.contact = ["Zq contact summary hidden", contactAt];
  // An ordinary contact, the control.
  insert("contacts", {
    ...base,
    party_id: y.cswId,
    occurred_at: markedInstant(-2, 111),
    method: "phone",
    summary: "Zq contact summary shown",
    logged_by_user_id: sup,
  });
  visible.push("Zq contact summary shown");

  // Requests: sensitive by type, and sensitive only because of whom they are addressed to.
  const request = (
    type: string,
    subtype: string | null,
    description: string,
    requestedAt: string,
    partyId: number | null,
    amountCents: number | null = null,
  ) =>
    insert("resource_requests", {
      ...base,
      type,
      subtype,
      description,
      addressed_to_party_id: partyId,
      addressed_to_agency: partyId ? null : "Zq Agency",
      amount_cents: amountCents,
      status: "submitted",
      requested_by_user_id: userId(c, ADVOCATE),
      requested_at: requestedAt,
    });
  const addressedAt = markedInstant(-10, 373);
  const fundsAt = markedInstant(-11, 374);
  sensitiveRequestIds = [
    request("therapy", "emdr", "Zq request addressed hidden", addressedAt, csecParty),
    request("restoration_funds", null, "Zq request type hidden", fundsAt, null, 987_613),
  ];
  hidden.request = ["Zq request addressed hidden", "Zq request type hidden", addressedAt, fundsAt, "9876.13", "987613"];
  const shownAt = markedInstant(-9, 112);
  request("medical", null, "Zq request shown", shownAt, y.cswId);
  visible.push(shownAt);

  // A CSEC MDT held last week, with an action item from it owned by the CASA advocate role (so it
  // would otherwise be on the advocate's own action list).
  const csecMeetingAt = markedInstant(-7, 375);
  const csecMeeting = insert("mdt_meetings", {
    ...base,
    type: "csec_mdt",
    scheduled_at: csecMeetingAt,
    status: "held",
    location: "Zq csec meeting room hidden",
    notes: "Zq csec meeting notes hidden",
    decisions: "Zq csec meeting decisions hidden",
    created_by_user_id: sup,
  });
  hidden.meeting = ["Zq csec meeting room hidden", "Zq csec meeting notes hidden", "Zq csec meeting decisions hidden", csecMeetingAt];

  // A regular MDT in two days (so the youth has a prep packet), with the CSEC advocate invited
  // and an agenda item tagged sensitive.
  regularMeetingId = insert("mdt_meetings", {
    ...base,
    type: "regular_mdt",
    scheduled_at: markedInstant(2, 113),
    status: "scheduled",
    location: "Zq regular meeting room shown",
    created_by_user_id: sup,
  });
  visible.push("Zq regular meeting room shown");
  insert("meeting_attendees", { meeting_id: regularMeetingId, party_id: csecParty });
  insert("meeting_attendees", { meeting_id: regularMeetingId, party_id: y.cswId });
  hidden.attendee = hidden.party;
  insert("meeting_agenda_items", { meeting_id: regularMeetingId, text: "Zq agenda item hidden", csec_sensitive: 1, added_by_user_id: sup });
  insert("meeting_agenda_items", { meeting_id: regularMeetingId, text: "Zq agenda item shown", csec_sensitive: 0, added_by_user_id: sup });
  visible.push("Zq agenda item shown");

  // Action items: from the CSEC MDT, owned by the CSEC advocate, tagged sensitive by hand.
  const action = (description: string, extra: Record<string, unknown>) =>
    insert("action_items", { ...base, description, due_on: "2026-12-24", status: "open", created_by_user_id: sup, ...extra });
  action("Zq action from csec mdt hidden", { meeting_id: csecMeeting, owner_party_role: "casa_advocate" });
  action("Zq action owned by csec advocate hidden", { owner_party_role: "csec_advocate" });
  action("Zq action tagged hidden", { owner_party_role: "csw", csec_sensitive: 1 });
  hidden.action = ["Zq action from csec mdt hidden", "Zq action owned by csec advocate hidden", "Zq action tagged hidden"];
  action("Zq action shown", { meeting_id: regularMeetingId, owner_party_role: "casa_advocate" });
  visible.push("Zq action shown");
});

async function load(fn: unknown, email: string, url: string, params: Record<string, string> = {}): Promise<string> {
  const result = await callRoute(fn as never, await getAs(db, email, url), params);
  expect(statusOf(result), `${email} ${url}: ${describeResult(result)}`).toBe(200);
  return JSON.stringify(result);
}

/** Every output that lists one of the kinds, as `email` receives it. */
async function outputsAs(email: string): Promise<Record<string, string>> {
  const youthId = String(y.youthId);
  return {
    "youth page": await load(youthDetailLoader, email, `/youth/${youthId}`, { youthId }),
    "meeting and its agenda": await load(meetingDetailLoader, email, `/meetings/${regularMeetingId}`, {
      meetingId: String(regularMeetingId),
    }),
    "prep packet": await load(prepPacketLoader, email, `/youth/${youthId}/prep`, { youthId }),
    "/prep": await load(prepPacketsLoader, email, `/prep`),
    "court draft": await load(courtDraftLoader, email, `/youth/${youthId}/court-draft`, { youthId }),
    "request queue": await load(requestsQueueLoader, email, `/requests?size=100`),
    "meetings list": await load(meetingsListLoader, email, `/meetings`),
    "my actions": await load(myActionsLoader, email, `/actions`),
  };
}

function leaksIn(json: string): string[] {
  return Object.entries(hidden).flatMap(([kind, markers]) => markers.filter((m) => json.includes(m)).map((m) => `${kind}: ${m}`));
}

describe("a CSEC-sensitive record of each kind on a youth with an unconfirmed concern", () => {
  it("is absent from everything the youth's advocate receives, while the ordinary records are there", async () => {
    const outputs = await outputsAs(ADVOCATE);
    for (const [where, json] of Object.entries(outputs)) expect(leaksIn(json), where).toEqual([]);
    const all = Object.values(outputs).join("\n");
    for (const marker of visible) expect(all.includes(marker), marker).toBe(true);
  });

  it("is absent from the court draft whoever prints it, supervisors and leads included", async () => {
    for (const email of [ADVOCATE, SUPERVISOR, LEAD]) {
      const json = await load(courtDraftLoader, email, `/youth/${y.youthId}/court-draft`, { youthId: String(y.youthId) });
      expect(leaksIn(json), email).toEqual([]);
      expect(json.includes("Casey Worker"), "the ordinary team is there").toBe(true);
    }
  });

  it("is not counted for the advocate: the queue counts only the ordinary request of this youth", async () => {
    const name = (c.prepare("SELECT first_name AS n FROM youth WHERE id = ?").get(y.youthId) as { n: string }).n;
    const queueOf = async (email: string) => {
      const result = await callRoute(requestsQueueLoader, await getAs(db, email, `/requests?youth=${encodeURIComponent(name)}&size=100`));
      return (result as { queue: { total: number; counts: Record<string, number> } }).queue;
    };
    const [advocate, supervisor] = [await queueOf(ADVOCATE), await queueOf(SUPERVISOR)];
    expect(advocate.total).toBe(1);
    expect(advocate.counts.submitted).toBe(1);
    expect(supervisor.total).toBe(3);
    expect(supervisor.counts.submitted).toBe(3);
  });

  it("is a 404 for the advocate when asked for by its own URL", async () => {
    for (const id of sensitiveRequestIds) {
      const result = await callRoute(requestDetailLoader, await getAs(db, ADVOCATE, `/requests/${id}`), { requestId: String(id) });
      expect(statusOf(result)).toBe(404);
    }
  });

  it("is shown to the supervisor, who may know of the concern (the control)", async () => {
    const outputs = await outputsAs(SUPERVISOR);
    const onScreen = { ...outputs };
    delete onScreen["court draft"];
    const all = Object.values(onScreen).join("\n");
    for (const kind of ["party", "contact", "request", "meeting", "action"]) {
      expect(
        hidden[kind]!.some((m) => all.includes(m)),
        kind,
      ).toBe(true);
    }
    expect(outputs["meeting and its agenda"]!.includes("Zq agenda item hidden")).toBe(true);
    expect(outputs["meeting and its agenda"]!.includes("Zq Partyname Hidden")).toBe(true);
  });

  it("reaches the court draft once the status is confirmed (the control)", async () => {
    c.prepare(`UPDATE youth_csec_status SET status = 'confirmed', basis = 'court_finding', basis_on = '2026-11-01' WHERE youth_id = ?`).run(
      y.youthId,
    );
    try {
      const json = await load(courtDraftLoader, LEAD, `/youth/${y.youthId}/court-draft`, { youthId: String(y.youthId) });
      for (const kind of ["party", "contact", "request", "meeting", "action"]) {
        expect(
          hidden[kind]!.some((m) => json.includes(m)),
          kind,
        ).toBe(true);
      }
    } finally {
      c.prepare(`UPDATE youth_csec_status SET status = 'concern', basis = NULL, basis_on = NULL WHERE youth_id = ?`).run(y.youthId);
    }
  });
});
