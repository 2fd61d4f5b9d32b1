/**
 * Meeting invitations (issue 14): the organiser queues one email per invited team member with an
 * address, each with an iCalendar REQUEST that names only its recipient; every text is the
 * neutral one (no type, place, youth name or CSEC word); the CSEC advocate is invited only when
 * the organiser may see them; sending again for the same time queues nothing, a new time queues
 * the new time; anyone but the organiser is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meeting-detail";
import { MEETING_TYPES } from "~/domain/meetings";
import { changeMeeting, scheduleMeeting } from "~/server/meetings.server";
import { invitationOffer, sendMeetingInvitations } from "~/server/meeting-invitations.server";
import { requireYouthInScope } from "~/server/scope.server";
import { getViewer, type Viewer } from "~/server/session.server";
import { caseParties } from "../../db/schema";
import { DAY_MS, PROGRAM_ONE_TZ, meetingTime } from "../helpers/dates";
import { auditRowsAfter, maxId, meetingVersion, programId, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeMeetingYouth } from "../helpers/meetings";
import { callRoute, getAs, postRoute, redirectLocation, statusOf, type Settled } from "../helpers/routes";
import type { YouthCase } from "../helpers/factories";

const db = await demoDatabase();
const c = db.$client;

const ADV = "advocate@example.org";
const SUP = "supervisor@example.org";
const OTHER_ADV = "advocate3@example.org";
const ADMIN = "admin@example.org";
const PLACE = "Saving Innocence office, Room 2";

async function viewerOf(email: string): Promise<Viewer> {
  return (await getViewer(await getAs(db, email, "/")))!;
}

type OutboxRow = { to_address: string; subject: string; body: string; ics: string; kind: string; once_key: string; user_id: number | null };
const outboxOf = (meetingId: number) =>
  c.prepare("select * from outbox where once_key like ? order by id").all(`invite:${meetingId}:%`) as OutboxRow[];

const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, "");
const CSEC_WORDS = /csec|exploit|traffick|saving innocence|restoration|concern/i;

let y: YouthCase;
let csecAdvocateId: number;
let youthName: string;

async function schedule(email: string, type: "regular_mdt" | "csec_mdt", attendees: string[], inDays = 3): Promise<number> {
  const viewer = await viewerOf(email);
  const result = scheduleMeeting(requireYouthInScope(viewer, y.youthId), {
    scheduledAt: meetingTime(PROGRAM_ONE_TZ, inDays * DAY_MS).local,
    type,
    location: PLACE,
    attendees,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

const invite = (email: string, meetingId: number): Promise<Settled> =>
  postRoute(db, meetingAction, email, `/meetings/${meetingId}`, { meetingId: String(meetingId) }, { intent: "invite" });

beforeAll(() => {
  // A concern raised by the supervisor: the advocate may not know of it, nor see the CSEC advocate.
  y = makeMeetingYouth(db, { advocate: ADV, supervisor: SUP, concernBy: SUP });
  csecAdvocateId = db
    .insert(caseParties)
    .values({
      programId: programId(c, "example-county"),
      youthId: y.youthId,
      role: "csec_advocate",
      name: "Sam Helper",
      organization: "Saving Innocence",
      email: "sam@savinginnocence.example.org",
      startedOn: "2025-01-01",
    })
    .returning({ id: caseParties.id })
    .get().id;
  const row = c.prepare("select first_name || ' ' || last_name n from youth where id = ?").get(y.youthId) as { n: string };
  youthName = row.n;
});

describe("an advocate's meeting, with the CSEC advocate added by the supervisor", () => {
  let meetingId: number;

  beforeAll(async () => {
    meetingId = await schedule(ADV, "regular_mdt", [`party:${y.cswId}`, `party:${y.attorneyId}`, `user:${userId(c, ADV)}`]);
    c.prepare("insert into meeting_attendees (meeting_id, party_id) values (?, ?)").run(meetingId, csecAdvocateId);
  });

  it("offers the organiser an invitation to the two team members they may see", async () => {
    const page = (await callRoute(meetingLoader, await getAs(db, ADV, `/meetings/${meetingId}`), { meetingId: String(meetingId) })) as {
      invitations: unknown;
    };
    expect(page.invitations).toEqual({ recipients: 2, alreadyInvited: 0 });
    // The supervisor did not schedule it: nothing offered.
    expect(invitationOffer(await viewerOf(SUP), meetingId)).toBeNull();
  });

  it("queues one neutral email each, with a REQUEST naming only its recipient, audited", async () => {
    const before = maxId(c, "audit_events");
    expect(redirectLocation(await invite(ADV, meetingId))).toBe(`/meetings/${meetingId}?saved=invited`);
    const rows = outboxOf(meetingId);
    expect(rows.map((r) => r.to_address).sort()).toEqual([`attorney.${y.youthId}@dcfs.example.org`, `csw.${y.youthId}@dcfs.example.org`]);
    const scheduledAt = (c.prepare("select scheduled_at s from mdt_meetings where id = ?").get(meetingId) as { s: string }).s;
    const initials = `${youthName.split(" ")[0]![0]}. ${youthName.split(" ")[1]![0]}.`;
    for (const r of rows) {
      expect(r.subject).toBe("MDT meeting invitation");
      expect(r.kind).toBe("invitation");
      expect(r.user_id).toBeNull();
      expect(r.body).toMatch(
        /^You are invited to an MDT meeting on \w+day, \w+ \d+, \d{4} at \d+:\d\d [AP]M P[SD]T\. Reply to the person who invited you/,
      );
      const ics = unfold(r.ics);
      expect(ics).toContain("METHOD:REQUEST");
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).toContain(`SUMMARY:MDT meeting (${initials})`);
      expect(ics).toContain(`DTSTART:${scheduledAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`);
      expect(ics).toMatch(/ORGANIZER;CN="?Elena Novak"?:mailto:advocate@example\.org/);
      const attendees = [...ics.matchAll(/^ATTENDEE.*mailto:(.*)$/gim)].map((m) => m[1]);
      expect(attendees).toEqual([r.to_address]);
      expect(r.once_key).toMatch(new RegExp(`^invite:${meetingId}:\\d+:${scheduledAt.replace(/\./g, "\\.")}$`));
      for (const text of [r.subject, r.body, ics]) {
        expect(text).not.toMatch(CSEC_WORDS);
        expect(text).not.toContain(youthName.split(" ")[0]);
        expect(text).not.toContain(PLACE);
        for (const t of MEETING_TYPES) expect(text.toLowerCase()).not.toContain(t.label.toLowerCase());
      }
    }
    expect(rows.some((r) => r.to_address.includes("savinginnocence"))).toBe(false);
    const audit = auditRowsAfter(c, before);
    expect(audit.map((a) => a.action)).toEqual(["meeting.invite"]);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ queued: 2, parties: 2 });
  });

  it("queues nothing new when sent again for the same time", async () => {
    expect(sendMeetingInvitations(await viewerOf(ADV), meetingId)).toEqual({ ok: true, queued: 0 });
    expect(outboxOf(meetingId)).toHaveLength(2);
    expect(invitationOffer(await viewerOf(ADV), meetingId)).toEqual({ recipients: 2, alreadyInvited: 2 });
  });

  it("refuses anyone but the organiser: the supervisor 403, an advocate of other youth 404, an administrator 403", async () => {
    expect(statusOf(await invite(SUP, meetingId))).toBe(403);
    expect(statusOf(await invite(OTHER_ADV, meetingId))).toBe(404);
    expect(statusOf(await invite(ADMIN, meetingId))).toBe(403);
    expect(outboxOf(meetingId)).toHaveLength(2);
  });

  it("sends the new time after the meeting moves, and nothing once it is cancelled", async () => {
    const adv = await viewerOf(ADV);
    const moved = changeMeeting(
      adv,
      meetingId,
      { kind: "reschedule", scheduledAt: meetingTime(PROGRAM_ONE_TZ, 4 * DAY_MS).local, reason: "Room taken" },
      Number(meetingVersion(c, meetingId)),
    );
    expect(moved.ok).toBe(true);
    expect(sendMeetingInvitations(adv, meetingId)).toEqual({ ok: true, queued: 2 });
    const rows = outboxOf(meetingId);
    expect(rows).toHaveLength(4);
    expect(unfold(rows[3]!.ics)).toMatch(/SEQUENCE:[2-9]/);

    changeMeeting(adv, meetingId, { kind: "cancel", reason: "Not needed" }, Number(meetingVersion(c, meetingId)));
    expect(invitationOffer(adv, meetingId)).toBeNull();
    expect(statusOf(await invite(ADV, meetingId))).toBe(400);
    expect(outboxOf(meetingId)).toHaveLength(4);
  });
});

describe("the supervisor's CSEC MDT", () => {
  it("invites the CSEC advocate too, under the same neutral words", async () => {
    const meetingId = await schedule(SUP, "csec_mdt", [`party:${y.cswId}`, `party:${csecAdvocateId}`], 5);
    expect(sendMeetingInvitations(await viewerOf(SUP), meetingId)).toEqual({ ok: true, queued: 2 });
    const rows = outboxOf(meetingId);
    expect(rows.map((r) => r.to_address).sort()).toEqual([`csw.${y.youthId}@dcfs.example.org`, "sam@savinginnocence.example.org"]);
    // The CSW's attachment does not name the CSEC advocate (their address would tell).
    const csw = rows.find((r) => r.to_address.startsWith("csw."))!;
    for (const text of [csw.subject, csw.body, csw.ics]) {
      expect(text).not.toMatch(CSEC_WORDS);
      expect(text).not.toContain("CSEC MDT");
    }
  });
});
