/**
 * MDT meetings: scheduling, the list and the page of a meeting, and recording what happened. A
 * CSEC MDT follows the CSEC status's visibility: for a viewer who may not see the status it does
 * not exist. Action items (action-items.server.ts) and the agenda (agenda.server.ts) have their
 * own modules.
 */
import { and, asc, count, desc, eq, gte, lt, ne, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { caseParties, mdtMeetings, meetingAttendees, meetingChanges, users, youth } from "../../db/schema";
import type { CsecAudience, CsecStatus } from "../domain/csec";
import { zonedLocalToUtc } from "../domain/dates";
import { staleEdit, type FieldErrors, type StaleEdit, type WriteResult } from "../domain/forms";
import { CSEC_SENSITIVE_MEETING_TYPES, meetingTypeLabel, type MeetingStatus, type MeetingType } from "../domain/meetings";
import { can } from "../domain/permissions";
import { displayName, partyWithRole } from "../domain/youth";
import { listActionsForMeeting, type ActionRow } from "./action-items.server";
import { buildAgenda, type Agenda } from "./agenda.server";
import { auditChange } from "./audit.server";
import { meetingChanged } from "./notify-events.server";
import { csecSensitiveShownFor, csecSensitiveShownTo } from "./csec-sensitive.server";
import { openConcernCount } from "./csec.server";
import { getDb, nowIso, readTransaction, type DbOrTx } from "./db.server";
import { meetingVisibleTo, visibleMeetingOrNotFound } from "./meeting-access.server";
import { peopleForYouth } from "./people.server";
import { csecAudienceOf, csecStatusOf, requireCaseAccess, requirePermission, requireYouthInScope, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type MeetingRow = {
  id: number;
  youthId: number;
  youthName: string;
  type: MeetingType;
  typeLabel: string;
  scheduledAt: string;
  status: MeetingStatus;
  location: string | null;
  videoLink: string | null;
};

function meetingRows(viewer: Viewer, where: SQL | undefined, order: "asc" | "desc", limit: number, db: DbOrTx, offset = 0): MeetingRow[] {
  return db
    .select({
      id: mdtMeetings.id,
      youthId: mdtMeetings.youthId,
      firstName: youth.firstName,
      lastName: youth.lastName,
      type: mdtMeetings.type,
      scheduledAt: mdtMeetings.scheduledAt,
      status: mdtMeetings.status,
      location: mdtMeetings.location,
      videoLink: mdtMeetings.videoLink,
    })
    .from(mdtMeetings)
    .innerJoin(youth, eq(youth.id, mdtMeetings.youthId))
    .where(and(meetingVisibleTo(viewer), where))
    .orderBy(order === "asc" ? asc(mdtMeetings.scheduledAt) : desc(mdtMeetings.scheduledAt), asc(mdtMeetings.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(({ firstName, lastName, ...m }) => ({
      ...m,
      youthName: displayName({ firstName, lastName }),
      type: m.type as MeetingType,
      typeLabel: meetingTypeLabel(m.type),
    }));
}

/** Meetings a page of the meetings list shows. */
export const MEETINGS_PAGE_SIZE = 50;

/** One page of a list of meetings, and how many there are in all. */
export type MeetingPage = { rows: MeetingRow[]; total: number; page: number; size: number };

/**
 * Upcoming (from now) and recent (the last 90 days) meetings in the viewer's scope, each paged
 * in SQL (a lead of a network has thousands of each); a page past the last shows the last.
 */
export function listMeetings(
  viewer: Viewer,
  pages: { upcoming?: number; recent?: number } = {},
  db: DbOrTx = getDb(),
): { upcoming: MeetingPage; recent: MeetingPage } {
  requireCaseAccess(viewer);
  const now = nowIso();
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  return readTransaction(db, (tx) => ({
    upcoming: meetingPage(viewer, and(gte(mdtMeetings.scheduledAt, now), ne(mdtMeetings.status, "cancelled")), "asc", pages.upcoming, tx),
    recent: meetingPage(viewer, and(lt(mdtMeetings.scheduledAt, now), gte(mdtMeetings.scheduledAt, since)), "desc", pages.recent, tx),
  }));
}

/** How many meetings the viewer may see match `where`: on the meeting's own columns (meetings_program_scheduled_idx for a lead), no join. */
function countMeetings(viewer: Viewer, where: SQL | undefined, db: DbOrTx): number {
  return (
    db
      .select({ n: count() })
      .from(mdtMeetings)
      .where(and(meetingVisibleTo(viewer), where))
      .get()?.n ?? 0
  );
}

function meetingPage(viewer: Viewer, where: SQL | undefined, order: "asc" | "desc", page: number | undefined, db: DbOrTx): MeetingPage {
  const size = MEETINGS_PAGE_SIZE;
  const total = countMeetings(viewer, where, db);
  const last = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(1, Math.floor(page ?? 1) || 1), last);
  return { rows: meetingRows(viewer, where, order, size, db, (shown - 1) * size), total, page: shown, size };
}

export function listMeetingsForYouth(inScope: YouthInScope, db: DbOrTx = getDb()): MeetingRow[] {
  const { viewer, youthId } = inScope;
  return meetingRows(viewer, eq(mdtMeetings.youthId, youthId), "desc", 500, db);
}

/** The scheduled meetings of the viewer's youth within the next `days` days. */
function upcomingWithin(days: number): SQL {
  const now = new Date();
  return and(
    gte(mdtMeetings.scheduledAt, now.toISOString()),
    lt(mdtMeetings.scheduledAt, new Date(now.getTime() + days * 86_400_000).toISOString()),
    eq(mdtMeetings.status, "scheduled"),
  )!;
}

/** The first `limit` upcoming meetings of the viewer's youth within `days`, soonest first, and how many there are. */
export function listUpcomingMeetings(
  viewer: Viewer,
  days: number,
  limit: number,
  db: DbOrTx = getDb(),
): { rows: MeetingRow[]; total: number } {
  requireCaseAccess(viewer);
  const where = upcomingWithin(days);
  return { rows: meetingRows(viewer, where, "asc", limit, db), total: countMeetings(viewer, where, db) };
}

/** Every youth of the viewer's with a meeting within `days`, by their soonest one (for prep packets). */
export function youthWithUpcomingMeetings(viewer: Viewer, days: number, db: DbOrTx = getDb()): number[] {
  requireCaseAccess(viewer);
  return db
    .select({ youthId: mdtMeetings.youthId })
    .from(mdtMeetings)
    .where(and(meetingVisibleTo(viewer), upcomingWithin(days)))
    .groupBy(mdtMeetings.youthId)
    .orderBy(sql`min(${mdtMeetings.scheduledAt})`, mdtMeetings.youthId)
    .all()
    .map((r) => r.youthId);
}

/**
 * The youth's (by id, as SQL) next scheduled meeting the viewer may see, as "scheduledAt|id", or
 * null: the key sorts by date, and the id links to it (meetings_youth_scheduled_idx).
 */
export function nextMeetingKeySql(viewer: Viewer, youthId: SQLWrapper): SQL<string | null> {
  const shown = csecSensitiveShownTo("meeting", csecAudienceOf(viewer), mdtMeetings.youthId);
  return sql<string | null>`(select ${mdtMeetings.scheduledAt} || '|' || ${mdtMeetings.id} from ${mdtMeetings}
    where ${mdtMeetings.youthId} = ${youthId} and ${mdtMeetings.scheduledAt} >= ${nowIso()}
      and ${mdtMeetings.status} = 'scheduled'${shown ? sql` and ${shown}` : sql``}
    order by ${mdtMeetings.scheduledAt}, ${mdtMeetings.id} limit 1)`;
}

/** The youth's next scheduled meeting the viewer may see, if any. */
export function nextMeetingForYouth(inScope: YouthInScope, db: DbOrTx = getDb()): MeetingRow | null {
  const { viewer, youthId } = inScope;
  return (
    meetingRows(
      viewer,
      and(eq(mdtMeetings.youthId, youthId), gte(mdtMeetings.scheduledAt, nowIso()), eq(mdtMeetings.status, "scheduled")),
      "asc",
      1,
      db,
    )[0] ?? null
  );
}

// ---------------------------------------------------------------- writes

function checkAttendees(inScope: YouthInScope, keys: string[], db: DbOrTx): string[] | null {
  const allowed = new Set(peopleForYouth(inScope, db).attendees.map((a) => a.key));
  return keys.every((k) => allowed.has(k)) ? [...new Set(keys)] : null;
}

export function scheduleMeeting(
  inScope: YouthInScope,
  input: { scheduledAt: string; type: MeetingType; location?: string; videoLink?: string; attendees: string[] },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot schedule meetings.");
  const errors: FieldErrors = {};
  const scheduledAt = zonedLocalToUtc(input.scheduledAt, viewer.timeZone);
  if (!scheduledAt) errors.scheduledAt = "Enter the date and time.";
  if (CSEC_SENSITIVE_MEETING_TYPES.includes(input.type) && !inScope.sensitiveVisible) {
    errors.type = "Choose the kind of meeting.";
  }
  if (!input.location && !input.videoLink) errors.location = "Enter where the meeting is, or a video link.";
  const attendees = checkAttendees(inScope, input.attendees, db);
  if (!attendees) errors.attendees = "Choose attendees from the youth's team and the program.";
  if (Object.keys(errors).length || !scheduledAt || !attendees) return { ok: false, errors };
  return db.transaction((tx) => {
    const m = tx
      .insert(mdtMeetings)
      .values({
        programId: viewer.programId,
        youthId,
        type: input.type,
        scheduledAt,
        location: input.location ?? null,
        videoLink: input.videoLink ?? null,
        createdByUserId: viewer.userId,
        createdAt: nowIso(),
      })
      .returning({ id: mdtMeetings.id })
      .get();
    for (const key of attendees) {
      const [kind, id] = key.split(":");
      tx.insert(meetingAttendees)
        .values({ meetingId: m.id, partyId: kind === "party" ? Number(id) : null, userId: kind === "user" ? Number(id) : null })
        .run();
    }
    auditChange(tx, viewer, {
      action: "meeting.schedule",
      entityType: "mdt_meeting",
      entityId: m.id,
      youthId,
      details: { type: input.type, scheduledAt, attendees: attendees.length },
    });
    meetingChanged(tx, viewer, m.id, "scheduled");
    return { ok: true as const, id: m.id };
  });
}

/** A meeting the viewer may see (else 404) and their role may change (else 403 with `denied`). */
function writableMeeting(viewer: Viewer, meetingId: number, denied: string, db: DbOrTx) {
  requireCaseAccess(viewer);
  const { meeting } = visibleMeetingOrNotFound(viewer, meetingId, db);
  requirePermission(viewer, "write:case", denied);
  return meeting;
}

/** Where a meeting stands now, for a refused stale reschedule or cancellation. */
export type MeetingWhen = {
  scheduledAt: string;
  location: string | null;
  videoLink: string | null;
  status: MeetingStatus;
  version: number;
};

function meetingWhen(meetingId: number, db: DbOrTx): MeetingWhen {
  return db
    .select({
      scheduledAt: mdtMeetings.scheduledAt,
      location: mdtMeetings.location,
      videoLink: mdtMeetings.videoLink,
      status: mdtMeetings.status,
      version: mdtMeetings.version,
    })
    .from(mdtMeetings)
    .where(eq(mdtMeetings.id, meetingId))
    .get()!;
}

/**
 * Moves a scheduled meeting to another time (and, if given, another place), or cancels it; the
 * change, with its reason, is kept for everyone who may see the meeting. A form filled before
 * someone else's change is refused with where the meeting stands now.
 */
export function changeMeeting(
  viewer: Viewer,
  meetingId: number,
  change:
    { kind: "reschedule"; scheduledAt: string; location?: string; videoLink?: string; reason: string } | { kind: "cancel"; reason: string },
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<MeetingWhen> {
  const meeting = writableMeeting(viewer, meetingId, "Your role cannot change meetings.", db);
  let to: string | null = null;
  if (change.kind === "reschedule") {
    to = zonedLocalToUtc(change.scheduledAt, viewer.timeZone);
    if (!to) return { ok: false, errors: { scheduledAt: "Enter the date and time." } };
    if (to <= nowIso()) return { ok: false, errors: { scheduledAt: "Choose a time that has not passed yet." } };
  }
  return db.transaction((tx) => {
    const now = meetingWhen(meetingId, tx);
    if (now.version !== baseVersion) return staleEdit(now);
    if (now.status !== "scheduled") {
      return { ok: false, errors: { _form: now.status === "held" ? "This meeting has been held." : "This meeting was cancelled." } };
    }
    const at = nowIso();
    if (change.kind === "reschedule") {
      tx.update(mdtMeetings)
        .set({
          scheduledAt: to!,
          ...(change.location || change.videoLink ? { location: change.location ?? null, videoLink: change.videoLink ?? null } : {}),
          version: baseVersion + 1,
          updatedAt: at,
        })
        .where(eq(mdtMeetings.id, meetingId))
        .run();
    } else {
      tx.update(mdtMeetings)
        .set({ status: "cancelled", version: baseVersion + 1, updatedAt: at })
        .where(eq(mdtMeetings.id, meetingId))
        .run();
    }
    tx.insert(meetingChanges)
      .values({
        programId: viewer.programId,
        meetingId,
        kind: change.kind,
        fromScheduledAt: now.scheduledAt,
        toScheduledAt: to,
        reason: change.reason,
        byUserId: viewer.userId,
        at,
      })
      .run();
    auditChange(tx, viewer, {
      action: change.kind === "reschedule" ? "meeting.reschedule" : "meeting.cancel",
      entityType: "mdt_meeting",
      entityId: meetingId,
      youthId: meeting.youthId,
      details: { from: now.scheduledAt, ...(to ? { to } : {}) },
    });
    meetingChanged(tx, viewer, meetingId, change.kind === "reschedule" ? "rescheduled" : "cancelled");
    return { ok: true as const, id: meetingId };
  });
}

export type MeetingChange = { kind: "reschedule" | "cancel"; from: string; to: string | null; reason: string; by: string; at: string };

function changesOf(meetingId: number, db: DbOrTx): MeetingChange[] {
  return db
    .select({
      kind: meetingChanges.kind,
      from: meetingChanges.fromScheduledAt,
      to: meetingChanges.toScheduledAt,
      reason: meetingChanges.reason,
      by: users.name,
      at: meetingChanges.at,
    })
    .from(meetingChanges)
    .innerJoin(users, eq(users.id, meetingChanges.byUserId))
    .where(eq(meetingChanges.meetingId, meetingId))
    .orderBy(desc(meetingChanges.at), desc(meetingChanges.id))
    .all();
}

export type MeetingRecord = { notes: string | null; decisions: string | null; attended: string[]; version: number };

/**
 * Notes and decisions started before a meeting (an agenda draft): saved on the meeting without
 * marking it held, so the write-up afterwards starts from them. Refused when the form is stale.
 */
export function draftMeetingNotes(
  viewer: Viewer,
  meetingId: number,
  input: { notes?: string; decisions?: string },
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<MeetingRecord> {
  const meeting = writableMeeting(viewer, meetingId, "Your role cannot write meeting notes.", db);
  if (meeting.status !== "scheduled") return { ok: false, errors: { _form: "Only a meeting still to come takes draft notes." } };
  return db.transaction((tx) => {
    const now = tx
      .select({ version: mdtMeetings.version, notes: mdtMeetings.notes, decisions: mdtMeetings.decisions })
      .from(mdtMeetings)
      .where(eq(mdtMeetings.id, meetingId))
      .get()!;
    if (now.version !== baseVersion)
      return staleEdit<MeetingRecord>({ notes: now.notes, decisions: now.decisions, attended: [], version: now.version });
    tx.update(mdtMeetings)
      .set({ notes: input.notes ?? null, decisions: input.decisions ?? null, version: baseVersion + 1, updatedAt: nowIso() })
      .where(eq(mdtMeetings.id, meetingId))
      .run();
    auditChange(tx, viewer, { action: "meeting.notes_draft", entityType: "mdt_meeting", entityId: meetingId, youthId: meeting.youthId });
    return { ok: true as const, id: meetingId };
  });
}

/**
 * Records attendance, notes and decisions. `baseVersion` is the version the form showed: when
 * someone saved the record since, nothing is saved and their record comes back, so two people
 * writing up the same MDT cannot erase each other's decisions.
 */
export function recordMeetingOutcome(
  viewer: Viewer,
  meetingId: number,
  input: { attended: string[]; notes?: string; decisions?: string },
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<MeetingRecord> {
  const meeting = writableMeeting(viewer, meetingId, "Your role cannot record meetings.", db);
  if (meeting.status === "cancelled") return { ok: false, errors: { _form: "This meeting was cancelled." } };
  if (meeting.scheduledAt > nowIso()) return { ok: false, errors: { _form: "Record who attended once the meeting has taken place." } };
  const attended = new Set(input.attended);
  return db.transaction((tx) => {
    const now = tx
      .select({ version: mdtMeetings.version, notes: mdtMeetings.notes, decisions: mdtMeetings.decisions })
      .from(mdtMeetings)
      .where(eq(mdtMeetings.id, meetingId))
      .get()!;
    if (now.version !== baseVersion) {
      const attendees = attendeesOf(meetingId, csecAudienceOf(viewer), csecStatusOf(meeting.youthId, tx), tx);
      return staleEdit<MeetingRecord>({
        notes: now.notes,
        decisions: now.decisions,
        attended: attendees.filter((a) => a.attended).map((a) => a.label),
        version: now.version,
      });
    }
    const at = nowIso();
    tx.update(mdtMeetings)
      .set({ status: "held", notes: input.notes ?? null, decisions: input.decisions ?? null, version: baseVersion + 1, updatedAt: at })
      .where(and(eq(mdtMeetings.id, meetingId), eq(mdtMeetings.version, baseVersion)))
      .run();
    const rows = tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).all();
    for (const r of rows) {
      const key = r.partyId ? `party:${r.partyId}` : `user:${r.userId}`;
      tx.update(meetingAttendees)
        .set({ attended: attended.has(key) })
        .where(eq(meetingAttendees.id, r.id))
        .run();
    }
    auditChange(tx, viewer, {
      action: "meeting.record",
      entityType: "mdt_meeting",
      entityId: meetingId,
      youthId: meeting.youthId,
      details: { attended: [...attended].length },
    });
    return { ok: true as const, id: meetingId };
  });
}

// ---------------------------------------------------------------- the meeting page

export type MeetingDetail = MeetingRow & {
  notes: string | null;
  decisions: string | null;
  attendees: Array<{ key: string; label: string; attended: boolean | null }>;
  actions: ActionRow[];
  agenda: Agenda;
  canWrite: boolean;
  inPast: boolean;
  openConcernCount: number | null;
  /** The version the record form is based on (optimistic concurrency). */
  version: number;
  /** Reschedules and the cancellation, newest first. */
  changes: MeetingChange[];
};

/** The meeting's invited people the audience may see (a CSEC advocate follows the CSEC rule). */
function attendeesOf(meetingId: number, audience: CsecAudience, status: CsecStatus, db: DbOrTx): MeetingDetail["attendees"] {
  return db
    .select({
      partyId: meetingAttendees.partyId,
      userId: meetingAttendees.userId,
      attended: meetingAttendees.attended,
      partyName: caseParties.name,
      partyRole: caseParties.role,
      userName: users.name,
    })
    .from(meetingAttendees)
    .leftJoin(caseParties, eq(caseParties.id, meetingAttendees.partyId))
    .leftJoin(users, eq(users.id, meetingAttendees.userId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), csecSensitiveShownFor("attendee", audience, status)))
    .orderBy(asc(meetingAttendees.id))
    .all()
    .map((a) => ({
      key: a.partyId ? `party:${a.partyId}` : `user:${a.userId}`,
      label: a.partyId ? partyWithRole(a.partyName ?? "", a.partyRole ?? "") : (a.userName ?? ""),
      attended: a.attended,
    }));
}

export function getMeeting(viewer: Viewer, meetingId: number, db: DbOrTx = getDb()): MeetingDetail {
  requireCaseAccess(viewer);
  const { meeting, youth: y } = visibleMeetingOrNotFound(viewer, meetingId, db);
  const inScope = requireYouthInScope(viewer, meeting.youthId, db);
  return {
    id: meeting.id,
    youthId: meeting.youthId,
    youthName: displayName(y),
    type: meeting.type as MeetingType,
    typeLabel: meetingTypeLabel(meeting.type),
    scheduledAt: meeting.scheduledAt,
    status: meeting.status,
    location: meeting.location,
    videoLink: meeting.videoLink,
    notes: meeting.notes,
    decisions: meeting.decisions,
    version: meeting.version,
    attendees: attendeesOf(meetingId, inScope.audience, inScope.csecStatus, db),
    actions: listActionsForMeeting(inScope, meetingId, db),
    agenda: buildAgenda(inScope, meeting, db),
    canWrite: can(viewer.role, "write:case"),
    inPast: meeting.scheduledAt <= nowIso(),
    openConcernCount: openConcernCount(inScope, db),
    changes: changesOf(meetingId, db),
  };
}
