/**
 * What calendar feeds and invitations say about a meeting or an action item. They are read by
 * outside calendar services (DOMAIN.md), so the words are the same for every viewer and every
 * meeting: "MDT meeting" with the youth's initials and a link into the app; never the meeting's
 * type, notes, agenda, place or a CSEC word.
 */
import { initialsOf } from "./youth";

/** The one summary of a meeting event, whatever kind of meeting it is. */
export function meetingEventSummary(youthName: string): string {
  return `MDT meeting (${initialsOf(youthName)})`;
}

/** The one summary of an action item's due date. */
export function actionDueEventSummary(youthName: string): string {
  return `Action item due (${initialsOf(youthName)})`;
}

/** A feed token as `createOrRegenerateCalendarToken` makes it: 32 random bytes, base64url. */
export const CALENDAR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/u;

/** Meetings have a time but no length; calendars get an hour. */
export const MEETING_EVENT_MINUTES = 60;
