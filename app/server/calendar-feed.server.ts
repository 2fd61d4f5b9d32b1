/**
 * The private calendar feed (`/calendar/<token>.ics`) as iCalendar text, built with
 * ical-generator. An outside calendar service reads it, and so may anyone holding the URL, so
 * every event says the same neutral thing whatever the meeting is (app/domain/calendar.ts), and
 * the events are the ones the person's own screens would show them.
 *
 * Which meetings: in each program the person belongs to (in a role that sees case content), the
 * meetings they were invited to as a user, and the meetings of the youth currently assigned to
 * them (an advocate's or supervisor's caseload; a program lead's feed is not the whole program),
 * each only if their screens would show it: scope, and a CSEC MDT only where the CSEC rule lets
 * them see CSEC-sensitive records of that youth (`meetingVisibleTo`). From 90 days back to 365
 * ahead, at most 500 per program; a cancelled meeting stays in the feed as STATUS:CANCELLED, so a
 * calendar that already holds it shows it cancelled instead of keeping the old time.
 */
import ical, { ICalEventStatus, type ICalCalendar } from "ical-generator";
import { and, asc, eq, gte, lte, or, sql } from "drizzle-orm";
import { mdtMeetings, meetingAttendees, memberships, programs, youth, youthAssignments } from "../../db/schema";
import { actionDueEventSummary, MEETING_EVENT_MINUTES, meetingEventSummary } from "../domain/calendar";
import { calendarDateIn } from "../domain/dates";
import { seesCaseContent } from "../domain/permissions";
import { displayName } from "../domain/youth";
import { listOwnOpenActionsDue } from "./action-items.server";
import { getDb, type DbOrTx } from "./db.server";
import { appUrl } from "./mail-queue.server";
import { meetingVisibleTo } from "./meeting-access.server";
import type { Viewer } from "./session.server";

const DAY_MS = 86_400_000;
export const FEED_WINDOW = { daysBack: 90, daysAhead: 365, perProgramLimit: 500 } as const;

/** The host part of event UIDs: stable, so a calendar updates an event instead of adding another. */
function uidHost(): string {
  try {
    return new URL(appUrl()).host || "casa-mdt";
  } catch {
    return "casa-mdt";
  }
}

export function meetingEventUid(meetingId: number): string {
  return `meeting-${meetingId}@${uidHost()}`;
}

export function meetingLink(meetingId: number): string {
  return `${appUrl()}/meetings/${meetingId}`;
}

/** A new calendar with the app's name, for the feed or an invitation. */
export function newCalendar(): ICalCalendar {
  return ical({ name: "CASA MDT", prodId: { company: "CASA MDT", product: "calendar" } });
}

/**
 * The person as the viewer of one program, for the scope and CSEC rules: the feed has no session,
 * so it is built from each of their memberships.
 */
function viewersOf(userId: number, db: DbOrTx): Viewer[] {
  return db
    .select({ programId: programs.id, programName: programs.name, timeZone: programs.timeZone, role: memberships.role })
    .from(memberships)
    .innerJoin(programs, eq(programs.id, memberships.programId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(programs.id))
    .all()
    .filter((m) => seesCaseContent(m.role))
    .map((m) => ({ sessionId: "", userId, name: "", email: "", ...m }));
}

function feedMeetings(viewer: Viewer, now: number, db: DbOrTx) {
  const invitedOrAssigned = or(
    sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${mdtMeetings.id}
      and ${meetingAttendees.userId} = ${viewer.userId})`,
    sql`${mdtMeetings.youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
      where ${youthAssignments.userId} = ${viewer.userId} and ${youthAssignments.endedOn} is null)`,
  );
  return db
    .select({
      id: mdtMeetings.id,
      firstName: youth.firstName,
      lastName: youth.lastName,
      scheduledAt: mdtMeetings.scheduledAt,
      status: mdtMeetings.status,
      version: mdtMeetings.version,
    })
    .from(mdtMeetings)
    .innerJoin(youth, eq(youth.id, mdtMeetings.youthId))
    .where(
      and(
        meetingVisibleTo(viewer),
        invitedOrAssigned,
        gte(mdtMeetings.scheduledAt, new Date(now - FEED_WINDOW.daysBack * DAY_MS).toISOString()),
        lte(mdtMeetings.scheduledAt, new Date(now + FEED_WINDOW.daysAhead * DAY_MS).toISOString()),
      ),
    )
    .orderBy(asc(mdtMeetings.scheduledAt), asc(mdtMeetings.id))
    .limit(FEED_WINDOW.perProgramLimit)
    .all();
}

/** The feed of the user whose token was presented (`calendarOwnerByToken`), as iCalendar text. */
export function buildCalendarFeed(owner: { userId: number; includeActions: boolean }, db: DbOrTx = getDb(), now = Date.now()): string {
  const calendar = newCalendar();
  calendar.ttl(60 * 60);
  for (const viewer of viewersOf(owner.userId, db)) {
    for (const m of feedMeetings(viewer, now, db)) {
      const start = new Date(m.scheduledAt);
      calendar.createEvent({
        id: meetingEventUid(m.id),
        sequence: m.version,
        start,
        end: new Date(start.getTime() + MEETING_EVENT_MINUTES * 60_000),
        summary: meetingEventSummary(displayName(m)),
        description: meetingLink(m.id),
        url: meetingLink(m.id),
        status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    if (!owner.includeActions) continue;
    const from = calendarDateIn(new Date(now - FEED_WINDOW.daysBack * DAY_MS), viewer.timeZone);
    const to = calendarDateIn(new Date(now + FEED_WINDOW.daysAhead * DAY_MS), viewer.timeZone);
    for (const a of listOwnOpenActionsDue(viewer, { from, to, limit: FEED_WINDOW.perProgramLimit }, db)) {
      calendar.createEvent({
        id: `action-${a.id}@${uidHost()}`,
        start: a.dueOn,
        allDay: true,
        summary: actionDueEventSummary(a.youthName),
        description: `${appUrl()}/actions`,
        url: `${appUrl()}/actions`,
      });
    }
  }
  return calendar.toString();
}
