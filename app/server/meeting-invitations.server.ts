/**
 * Email invitations to an MDT meeting for the team members (case parties) invited to it who have
 * an email address: one outbox row each, with an iCalendar REQUEST attached. Email and calendars
 * are not confidential channels (DOMAIN.md), so the text is the same neutral one for every
 * meeting: a time, the youth's initials, a link; never the type, the place, the notes or a CSEC
 * word. Each attachment names only its own recipient as attendee, so nobody learns from it who
 * else is on the team (the CSEC advocate's address would tell).
 *
 * Only the organiser (the person who scheduled the meeting) sends them, for a scheduled meeting
 * that has not begun; a CSEC advocate is invited only when the organiser may see them (they are on
 * the organiser's list of the invited anyway). Each is queued once per party and meeting time, so
 * sending again sends nothing new, and after a move to another time it sends the new time.
 */
import { data } from "react-router";
import { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { caseParties, meetingAttendees, outbox } from "../../db/schema";
import { MEETING_EVENT_MINUTES, meetingEventSummary } from "../domain/calendar";
import type { FieldErrors } from "../domain/forms";
import { displayName } from "../domain/youth";
import { auditChange } from "./audit.server";
import { meetingEventUid, meetingLink, newCalendar } from "./calendar-feed.server";
import { csecSensitiveShownFor } from "./csec-sensitive.server";
import { getDb, nowIso, type DbOrTx } from "./db.server";
import { visibleMeetingOrNotFound } from "./meeting-access.server";
import { requireCaseAccess, requirePermission, requireYouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export const INVITATION_SUBJECT = "MDT meeting invitation";

type Meeting = ReturnType<typeof visibleMeetingOrNotFound>;

/** The invited parties the viewer may see who are still on the team and have an email address. */
function invitableParties(viewer: Viewer, m: Meeting, db: DbOrTx) {
  const inScope = requireYouthInScope(viewer, m.meeting.youthId, db);
  return db
    .select({ partyId: caseParties.id, email: caseParties.email })
    .from(meetingAttendees)
    .innerJoin(caseParties, eq(caseParties.id, meetingAttendees.partyId))
    .where(
      and(
        eq(meetingAttendees.meetingId, m.meeting.id),
        isNull(caseParties.endedOn),
        isNotNull(caseParties.email),
        ne(sql`trim(${caseParties.email})`, ""),
        csecSensitiveShownFor("attendee", inScope.audience, inScope.csecStatus),
      ),
    )
    .orderBy(asc(meetingAttendees.id))
    .all()
    .map((p) => ({ partyId: p.partyId, email: p.email!.trim() }));
}

const onceKey = (meetingId: number, partyId: number, scheduledAt: string) => `invite:${meetingId}:${partyId}:${scheduledAt}`;

function mayInvite(viewer: Viewer, m: Meeting): boolean {
  return m.meeting.createdByUserId === viewer.userId && m.meeting.status === "scheduled" && m.meeting.scheduledAt > nowIso();
}

/**
 * What the meeting page offers its organiser: how many team members an invitation would reach,
 * and how many of them have one for the current time already; null when there is nothing to offer.
 */
export function invitationOffer(
  viewer: Viewer,
  meetingId: number,
  db: DbOrTx = getDb(),
): { recipients: number; alreadyInvited: number } | null {
  requireCaseAccess(viewer);
  const m = visibleMeetingOrNotFound(viewer, meetingId, db);
  if (!mayInvite(viewer, m)) return null;
  const parties = invitableParties(viewer, m, db);
  if (!parties.length) return null;
  const keys = parties.map((p) => onceKey(meetingId, p.partyId, m.meeting.scheduledAt));
  const alreadyInvited = db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.onceKey, keys)).all().length;
  return { recipients: parties.length, alreadyInvited };
}

/** The meeting's time as the invitation's text says it, in the program's time zone. */
function whenInWords(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
}

function invitationIcs(viewer: Viewer, m: Meeting, to: string): string {
  const calendar = newCalendar();
  calendar.method(ICalCalendarMethod.REQUEST);
  const start = new Date(m.meeting.scheduledAt);
  calendar.createEvent({
    id: meetingEventUid(m.meeting.id),
    sequence: m.meeting.version,
    start,
    end: new Date(start.getTime() + MEETING_EVENT_MINUTES * 60_000),
    summary: meetingEventSummary(displayName(m.youth)),
    description: meetingLink(m.meeting.id),
    url: meetingLink(m.meeting.id),
    status: ICalEventStatus.CONFIRMED,
    organizer: { name: viewer.name, email: viewer.email },
    attendees: [{ email: to, role: ICalAttendeeRole.REQ, rsvp: true }],
  });
  return calendar.toString();
}

/**
 * Queues the invitations (404 outside scope, 403 for a role that cannot write or for anyone but
 * the organiser); audited as `meeting.invite` with how many were queued.
 */
export function sendMeetingInvitations(
  viewer: Viewer,
  meetingId: number,
  db: DbOrTx = getDb(),
): { ok: true; queued: number } | { ok: false; errors: FieldErrors } {
  requireCaseAccess(viewer);
  const m = visibleMeetingOrNotFound(viewer, meetingId, db);
  requirePermission(viewer, "write:case", "Your role cannot send meeting invitations.");
  if (m.meeting.createdByUserId !== viewer.userId) {
    throw data({ message: "Only the person who scheduled this meeting sends its invitations." }, { status: 403 });
  }
  if (!mayInvite(viewer, m)) return { ok: false, errors: { _form: "Invitations go out only for a scheduled meeting that has not begun." } };
  return db.transaction((tx) => {
    const parties = invitableParties(viewer, m, tx);
    if (!parties.length) return { ok: false as const, errors: { _form: "Nobody invited to this meeting has an email address." } };
    const at = nowIso();
    const text =
      `You are invited to an MDT meeting on ${whenInWords(m.meeting.scheduledAt, viewer.timeZone)}. ` +
      `Reply to the person who invited you with any questions.\n\nInvited by ${viewer.name} (${viewer.email}).\n`;
    let queued = 0;
    for (const p of parties) {
      queued += tx
        .insert(outbox)
        .values({
          programId: viewer.programId,
          userId: null,
          toAddress: p.email,
          subject: INVITATION_SUBJECT,
          body: text,
          ics: invitationIcs(viewer, m, p.email),
          kind: "invitation",
          onceKey: onceKey(meetingId, p.partyId, m.meeting.scheduledAt),
          createdAt: at,
          nextAttemptAt: at,
        })
        .onConflictDoNothing()
        .run().changes;
    }
    auditChange(tx, viewer, {
      action: "meeting.invite",
      entityType: "mdt_meeting",
      entityId: meetingId,
      youthId: m.meeting.youthId,
      details: { queued, parties: parties.length, scheduledAt: m.meeting.scheduledAt },
    });
    return { ok: true as const, queued };
  });
}
