/**
 * MDT meetings, their agendas (built from the record), and action items that carry over until
 * closed. A CSEC MDT, and an action or agenda item tagged CSEC-sensitive, follows the CSEC
 * status's visibility: for a viewer who may not see the status it does not exist.
 */
import { and, asc, desc, eq, gte, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import {
  actionItems,
  caseParties,
  contacts,
  csecConcerns,
  meetingAgendaItems,
  meetingAttendees,
  mdtMeetings,
  memberships,
  placements,
  redFlags,
  runawayEpisodes,
  users,
  youth,
  youthAssignments,
} from "../../db/schema";
import { csecSensitiveVisible, type CsecAudience, type CsecStatus } from "../domain/csec";
import { calendarDateIn, daysBetween, zonedLocalToUtc } from "../domain/dates";
import { staleEdit, type FieldErrors, type StaleEdit } from "../domain/forms";
import {
  CSEC_SENSITIVE_MEETING_TYPES,
  meetingTypeLabel,
  type ActionStatus,
  type MeetingStatus,
  type MeetingType,
} from "../domain/meetings";
import { can, seesThroughAssignment } from "../domain/permissions";
import { redFlagLabel } from "../domain/red-flags";
import { CSEC_SENSITIVE_PARTY_ROLES, PARTY_ROLE_LABELS, displayName, placementTypeLabel, type PartyRole } from "../domain/youth";
import { audit } from "./audit.server";
import { getDb, nowIso, type Db, type DbOrTx } from "./db.server";
import { csecSensitiveShownFor, csecSensitiveShownTo } from "./csec-sensitive.server";
import { partiesShownTo } from "./parties.server";
import { listRequestsForYouth, type RequestRow } from "./requests.server";
import {
  csecAudienceOf,
  csecStatusOf,
  notFound,
  requireCaseAccess,
  requirePermission,
  requireYouthInScope,
  youthScopeCondition,
} from "./scope.server";
import type { Viewer } from "./session.server";

type WriteResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

function meetingVisibleTo(viewer: Viewer): SQL {
  // On the meeting's own columns: a lead's list then reads meetings_program_scheduled_idx in date order.
  const scope = youthScopeCondition(viewer, { youthId: mdtMeetings.youthId, programId: mdtMeetings.programId });
  return and(scope, csecSensitiveShownTo("meeting", csecAudienceOf(viewer), mdtMeetings.youthId))!;
}

function actionVisibleTo(viewer: Viewer): SQL {
  return and(youthScopeCondition(viewer), csecSensitiveShownTo("action", csecAudienceOf(viewer), actionItems.youthId))!;
}

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

function meetingRows(viewer: Viewer, where: SQL | undefined, order: "asc" | "desc", limit: number, db: Db): MeetingRow[] {
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
    .all()
    .map(({ firstName, lastName, ...m }) => ({
      ...m,
      youthName: displayName({ firstName, lastName }),
      type: m.type as MeetingType,
      typeLabel: meetingTypeLabel(m.type),
    }));
}

/** Upcoming (from now) and recent (the last 90 days) meetings in the viewer's scope. */
export function listMeetings(viewer: Viewer, db: Db = getDb()): { upcoming: MeetingRow[]; recent: MeetingRow[] } {
  requireCaseAccess(viewer);
  const now = nowIso();
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  return {
    upcoming: meetingRows(viewer, and(gte(mdtMeetings.scheduledAt, now), ne(mdtMeetings.status, "cancelled")), "asc", 200, db),
    recent: meetingRows(viewer, and(lt(mdtMeetings.scheduledAt, now), gte(mdtMeetings.scheduledAt, since)), "desc", 200, db),
  };
}

export function listMeetingsForYouth(viewer: Viewer, youthId: number, db: Db = getDb()): MeetingRow[] {
  requireYouthInScope(viewer, youthId, db);
  return meetingRows(viewer, eq(mdtMeetings.youthId, youthId), "desc", 500, db);
}

/** Upcoming meetings of the viewer's youth within `days`, soonest first (for prep packets). */
export function listUpcomingMeetings(viewer: Viewer, days: number, db: Db = getDb()): MeetingRow[] {
  requireCaseAccess(viewer);
  const now = new Date();
  return meetingRows(
    viewer,
    and(
      gte(mdtMeetings.scheduledAt, now.toISOString()),
      lt(mdtMeetings.scheduledAt, new Date(now.getTime() + days * 86_400_000).toISOString()),
      eq(mdtMeetings.status, "scheduled"),
    ),
    "asc",
    500,
    db,
  );
}

/** The youth's next scheduled meeting the viewer may see, if any. */
export function nextMeetingForYouth(viewer: Viewer, youthId: number, db: Db = getDb()): MeetingRow | null {
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

function visibleMeetingOrNotFound(viewer: Viewer, meetingId: number, db: DbOrTx) {
  const m = db
    .select()
    .from(mdtMeetings)
    .innerJoin(youth, eq(youth.id, mdtMeetings.youthId))
    .where(and(eq(mdtMeetings.id, meetingId), meetingVisibleTo(viewer)))
    .get();
  if (!m) notFound("Meeting");
  return { meeting: m.mdt_meetings, youth: m.youth };
}

// ---------------------------------------------------------------- owners and attendees

export type OwnerOption = { value: string; label: string };
export type PersonChoice = { key: string; label: string };

/** Team roles present on the youth (as owners) and the users who may own or attend. */
export function peopleForYouth(viewer: Viewer, youthId: number, db: Db = getDb()) {
  requireYouthInScope(viewer, youthId, db);
  const parties = db
    .select({ id: caseParties.id, role: caseParties.role, name: caseParties.name })
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), isNull(caseParties.endedOn), partiesShownTo(viewer, youthId, db)))
    .all();
  const programUsers = db
    .selectDistinct({ id: users.id, name: users.name, role: memberships.role })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.programId, viewer.programId)))
    .leftJoin(youthAssignments, and(eq(youthAssignments.userId, users.id), eq(youthAssignments.youthId, youthId), isNull(youthAssignments.endedOn)))
    .where(and(isNull(users.disabledAt), or(eq(memberships.role, "program_lead"), sql`${youthAssignments.id} is not null`)))
    .orderBy(asc(users.name))
    .all();
  const roleLabel = (r: string) => (PARTY_ROLE_LABELS as Record<string, string>)[r] ?? r;
  return {
    attendees: [
      ...parties.map((p) => ({ key: `party:${p.id}`, label: `${p.name} (${roleLabel(p.role)})` })),
      ...programUsers.map((u) => ({ key: `user:${u.id}`, label: `${u.name} (${u.role === "program_lead" ? "program lead" : u.role})` })),
    ] satisfies PersonChoice[],
    owners: [
      ...[...new Set(parties.map((p) => p.role))].map((r) => ({ value: `role:${r}`, label: `${roleLabel(r)} (${parties.filter((p) => p.role === r).map((p) => p.name).join(", ")})` })),
      ...programUsers.map((u) => ({ value: `user:${u.id}`, label: u.name })),
    ] satisfies OwnerOption[],
  };
}

function ownerLabel(role: string | null, userName: string | null): string {
  if (role) return (PARTY_ROLE_LABELS as Record<string, string>)[role] ?? role;
  return userName ?? "—";
}

// ---------------------------------------------------------------- action items

export type ActionRow = {
  id: number;
  youthId: number;
  youthName: string;
  meetingId: number | null;
  description: string;
  owner: string;
  ownedByViewer: boolean;
  dueOn: string | null;
  status: ActionStatus;
  doneAt: string | null;
  dropReason: string | null;
  /** Days past due for open items (positive = overdue). */
  daysOverdue: number | null;
  createdAt: string;
};

function actionRows(viewer: Viewer, where: SQL | undefined, orderBy: SQL[], db: Db): ActionRow[] {
  const today = calendarDateIn(new Date(), viewer.timeZone);
  return db
    .select({
      id: actionItems.id,
      youthId: actionItems.youthId,
      firstName: youth.firstName,
      lastName: youth.lastName,
      meetingId: actionItems.meetingId,
      description: actionItems.description,
      ownerRole: actionItems.ownerPartyRole,
      ownerUserId: actionItems.ownerUserId,
      ownerName: users.name,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      doneAt: actionItems.doneAt,
      dropReason: actionItems.dropReason,
      createdAt: actionItems.createdAt,
    })
    .from(actionItems)
    .innerJoin(youth, eq(youth.id, actionItems.youthId))
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(actionVisibleTo(viewer), where))
    .orderBy(...orderBy, asc(actionItems.id))
    .all()
    .map((a) => ({
      id: a.id,
      youthId: a.youthId,
      youthName: displayName({ firstName: a.firstName, lastName: a.lastName }),
      meetingId: a.meetingId,
      description: a.description,
      owner: ownerLabel(a.ownerRole, a.ownerName),
      ownedByViewer: a.ownerUserId === viewer.userId,
      dueOn: a.dueOn,
      status: a.status,
      doneAt: a.doneAt,
      dropReason: a.dropReason,
      daysOverdue: a.status === "open" && a.dueOn ? daysBetween(a.dueOn, today) : null,
      createdAt: a.createdAt,
    }));
}

/** Open first, overdue first, then by due date. */
const openOverdueFirst = () => [sql`case ${actionItems.status} when 'open' then 0 else 1 end`, sql`${actionItems.dueOn} is null`, asc(actionItems.dueOn)];

export function listActionsForYouth(viewer: Viewer, youthId: number, db: Db = getDb()): ActionRow[] {
  requireYouthInScope(viewer, youthId, db);
  return actionRows(viewer, eq(actionItems.youthId, youthId), openOverdueFirst(), db);
}

/**
 * "My actions": items owned by the viewer; for advocates also the items owned by the CASA
 * advocate role on the youth assigned to them.
 */
export function listMyActions(
  viewer: Viewer,
  opts: { status: ActionStatus | "all"; sortDesc: boolean },
  db: Db = getDb(),
): ActionRow[] {
  requireCaseAccess(viewer);
  const mine =
    seesThroughAssignment(viewer.role, "advocate")
      ? or(
          eq(actionItems.ownerUserId, viewer.userId),
          and(
            eq(actionItems.ownerPartyRole, "casa_advocate"),
            sql`exists (select 1 from ${youthAssignments} where ${youthAssignments.youthId} = ${actionItems.youthId}
              and ${youthAssignments.userId} = ${viewer.userId} and ${youthAssignments.kind} = 'advocate'
              and ${youthAssignments.endedOn} is null)`,
          ),
        )
      : eq(actionItems.ownerUserId, viewer.userId);
  const status = opts.status === "all" ? undefined : eq(actionItems.status, opts.status);
  const due = opts.sortDesc ? desc(actionItems.dueOn) : asc(actionItems.dueOn);
  return actionRows(viewer, and(mine, status), [sql`${actionItems.dueOn} is null`, due], db);
}

function parseOwner(owner: string): { ownerPartyRole: string | null; ownerUserId: number | null } {
  return owner.startsWith("role:")
    ? { ownerPartyRole: owner.slice(5), ownerUserId: null }
    : { ownerPartyRole: null, ownerUserId: Number(owner.slice(5)) };
}

export function addActionItem(
  viewer: Viewer,
  youthId: number,
  meetingId: number | null,
  input: { description: string; owner: string; dueOn: string },
  db: Db = getDb(),
): WriteResult {
  requireYouthInScope(viewer, youthId, db);
  requirePermission(viewer, "write:case", "Your role cannot add action items.");
  let meetingSensitive = false;
  if (meetingId !== null) {
    const { meeting } = visibleMeetingOrNotFound(viewer, meetingId, db);
    if (meeting.youthId !== youthId) notFound("Meeting");
    meetingSensitive = CSEC_SENSITIVE_MEETING_TYPES.includes(meeting.type as MeetingType);
  }
  const owners = peopleForYouth(viewer, youthId, db).owners.map((o) => o.value);
  if (!owners.includes(input.owner)) return { ok: false, errors: { owner: "Choose who owns it." } };
  const owner = parseOwner(input.owner);
  // An item from a CSEC MDT, or owned by the CSEC advocate, would reveal CSEC involvement.
  const csecSensitive = meetingSensitive || CSEC_SENSITIVE_PARTY_ROLES.includes(owner.ownerPartyRole as PartyRole);
  return db.transaction((tx) => {
    const row = tx
      .insert(actionItems)
      .values({
        programId: viewer.programId,
        youthId,
        meetingId,
        description: input.description,
        ...owner,
        dueOn: input.dueOn,
        csecSensitive,
        createdByUserId: viewer.userId,
        createdAt: nowIso(),
      })
      .returning({ id: actionItems.id })
      .get();
    audit(tx, {
      programId: viewer.programId,
      actorUserId: viewer.userId,
      action: "action_item.create",
      entityType: "action_item",
      entityId: row.id,
      youthId,
      details: { meetingId, owner: input.owner, dueOn: input.dueOn },
    });
    return { ok: true as const, id: row.id };
  });
}

/** Closes an open item as done, or as dropped with a reason. */
export function closeActionItem(
  viewer: Viewer,
  actionId: number,
  outcome: { status: "done" } | { status: "dropped"; reason: string },
  db: Db = getDb(),
): WriteResult & { youthId?: number; meetingId?: number | null } {
  requireCaseAccess(viewer);
  const item = db
    .select({ id: actionItems.id, youthId: actionItems.youthId, meetingId: actionItems.meetingId, status: actionItems.status })
    .from(actionItems)
    .innerJoin(youth, eq(youth.id, actionItems.youthId))
    .where(and(eq(actionItems.id, actionId), actionVisibleTo(viewer)))
    .get();
  if (!item) notFound("Action item");
  requirePermission(viewer, "write:case", "Your role cannot change action items.");
  if (item.status !== "open") return { ok: false, errors: { _form: `This item is already ${item.status}.` } };
  return db.transaction((tx) => {
    const at = nowIso();
    tx.update(actionItems)
      .set(
        outcome.status === "done"
          ? { status: "done", doneAt: at, updatedAt: at }
          : { status: "dropped", dropReason: outcome.reason, doneAt: at, updatedAt: at },
      )
      .where(and(eq(actionItems.id, actionId), eq(actionItems.status, "open")))
      .run();
    audit(tx, {
      programId: viewer.programId,
      actorUserId: viewer.userId,
      action: outcome.status === "done" ? "action_item.done" : "action_item.drop",
      entityType: "action_item",
      entityId: actionId,
      youthId: item.youthId,
      details: outcome.status === "dropped" ? { reason: outcome.reason } : undefined,
    });
    return { ok: true as const, id: actionId, youthId: item.youthId, meetingId: item.meetingId };
  });
}

// ---------------------------------------------------------------- meetings: writes

function checkAttendees(viewer: Viewer, youthId: number, keys: string[], db: Db): string[] | null {
  const allowed = new Set(peopleForYouth(viewer, youthId, db).attendees.map((a) => a.key));
  return keys.every((k) => allowed.has(k)) ? [...new Set(keys)] : null;
}

export function scheduleMeeting(
  viewer: Viewer,
  youthId: number,
  input: { scheduledAt: string; type: MeetingType; location?: string; videoLink?: string; attendees: string[] },
  db: Db = getDb(),
): WriteResult {
  requireYouthInScope(viewer, youthId, db);
  requirePermission(viewer, "write:case", "Your role cannot schedule meetings.");
  const errors: FieldErrors = {};
  const scheduledAt = zonedLocalToUtc(input.scheduledAt, viewer.timeZone);
  if (!scheduledAt) errors.scheduledAt = "Enter the date and time.";
  if (CSEC_SENSITIVE_MEETING_TYPES.includes(input.type) && !csecSensitiveVisible(csecAudienceOf(viewer), csecStatusOf(youthId, db))) {
    errors.type = "Choose the kind of meeting.";
  }
  if (!input.location && !input.videoLink) errors.location = "Enter where the meeting is, or a video link.";
  const attendees = checkAttendees(viewer, youthId, input.attendees, db);
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
    audit(tx, {
      programId: viewer.programId,
      actorUserId: viewer.userId,
      action: "meeting.schedule",
      entityType: "mdt_meeting",
      entityId: m.id,
      youthId,
      details: { type: input.type, scheduledAt, attendees: attendees.length },
    });
    return { ok: true as const, id: m.id };
  });
}

export type MeetingRecord = { notes: string | null; decisions: string | null; attended: string[]; version: number };

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
  db: Db = getDb(),
): WriteResult | StaleEdit<MeetingRecord> {
  requireCaseAccess(viewer);
  const { meeting } = visibleMeetingOrNotFound(viewer, meetingId, db);
  requirePermission(viewer, "write:case", "Your role cannot record meetings.");
  if (meeting.status === "cancelled") return { ok: false, errors: { _form: "This meeting was cancelled." } };
  if (meeting.scheduledAt > nowIso()) return { ok: false, errors: { _form: "Record who attended once the meeting has taken place." } };
  const attended = new Set(input.attended);
  return db.transaction((tx) => {
    const now = tx.select({ version: mdtMeetings.version, notes: mdtMeetings.notes, decisions: mdtMeetings.decisions }).from(mdtMeetings).where(eq(mdtMeetings.id, meetingId)).get()!;
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
      tx.update(meetingAttendees).set({ attended: attended.has(key) }).where(eq(meetingAttendees.id, r.id)).run();
    }
    audit(tx, {
      programId: viewer.programId,
      actorUserId: viewer.userId,
      action: "meeting.record",
      entityType: "mdt_meeting",
      entityId: meetingId,
      youthId: meeting.youthId,
      details: { attended: [...attended].length },
    });
    return { ok: true as const, id: meetingId };
  });
}

export function addAgendaItem(viewer: Viewer, meetingId: number, text: string, db: Db = getDb()): WriteResult {
  requireCaseAccess(viewer);
  const { meeting } = visibleMeetingOrNotFound(viewer, meetingId, db);
  requirePermission(viewer, "write:case", "Your role cannot change agendas.");
  return db.transaction((tx) => {
    const row = tx
      .insert(meetingAgendaItems)
      .values({
        meetingId,
        text,
        csecSensitive: CSEC_SENSITIVE_MEETING_TYPES.includes(meeting.type as MeetingType),
        addedByUserId: viewer.userId,
        createdAt: nowIso(),
      })
      .returning({ id: meetingAgendaItems.id })
      .get();
    audit(tx, {
      programId: viewer.programId,
      actorUserId: viewer.userId,
      action: "meeting.agenda_add",
      entityType: "meeting_agenda_item",
      entityId: row.id,
      youthId: meeting.youthId,
    });
    return { ok: true as const, id: row.id };
  });
}

// ---------------------------------------------------------------- the meeting page and agenda

export type Agenda = {
  since: string | null;
  carriedOver: ActionRow[];
  requests: RequestRow[];
  contacts: Array<{ occurredAt: string; with: string; method: string }>;
  placementChanges: Array<{ on: string; text: string }>;
  episodes: Array<{ leftAt: string; returnedAt: string | null; leftFrom: string | null }>;
  /** Only for viewers who may see the CSEC status; null otherwise. */
  redFlags: Array<{ label: string; observedOn: string }> | null;
  byHand: Array<{ id: number; text: string; addedBy: string }>;
};

/** The start of "since the last meeting": the previous meeting of the youth the viewer may see. */
function previousMeetingAt(viewer: Viewer, youthId: number, before: string, db: Db): string | null {
  return (
    db
      .select({ at: mdtMeetings.scheduledAt })
      .from(mdtMeetings)
      .innerJoin(youth, eq(youth.id, mdtMeetings.youthId))
      .where(and(eq(mdtMeetings.youthId, youthId), lt(mdtMeetings.scheduledAt, before), ne(mdtMeetings.status, "cancelled"), meetingVisibleTo(viewer)))
      .orderBy(desc(mdtMeetings.scheduledAt))
      .get()?.at ?? null
  );
}

export function buildAgenda(viewer: Viewer, meeting: { id: number; youthId: number; scheduledAt: string }, db: Db = getDb()): Agenda {
  const since = previousMeetingAt(viewer, meeting.youthId, meeting.scheduledAt, db);
  const sinceOrEpoch = since ?? "0000";
  // Carried over: every item still open that came from an earlier meeting, or was created on the
  // youth's page before this meeting.
  const carriedOver = actionRows(
    viewer,
    and(
      eq(actionItems.youthId, meeting.youthId),
      eq(actionItems.status, "open"),
      or(
        and(isNull(actionItems.meetingId), lt(actionItems.createdAt, meeting.scheduledAt)),
        sql`(select ${mdtMeetings.scheduledAt} from ${mdtMeetings} where ${mdtMeetings.id} = ${actionItems.meetingId}) < ${meeting.scheduledAt}`,
      ),
    ),
    openOverdueFirst(),
    db,
  );
  const thirtyDaysAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const requests = listRequestsForYouth(viewer, meeting.youthId, db).filter(
    (r) => r.status === "submitted" || (["draft", "approved"].includes(r.status) && r.requestedAt < thirtyDaysAgo),
  );
  const audience = csecAudienceOf(viewer);
  const status = csecStatusOf(meeting.youthId, db);
  const recentContacts = db
    .select({ occurredAt: contacts.occurredAt, name: caseParties.name, role: caseParties.role, method: contacts.method })
    .from(contacts)
    .leftJoin(caseParties, eq(caseParties.id, contacts.partyId))
    .where(
      and(
        eq(contacts.youthId, meeting.youthId),
        gte(contacts.occurredAt, sinceOrEpoch),
        lt(contacts.occurredAt, meeting.scheduledAt),
        csecSensitiveShownFor("contact", audience, status),
      ),
    )
    .orderBy(desc(contacts.occurredAt))
    .all()
    .map((c) => ({ occurredAt: c.occurredAt, with: c.name ? `${c.name} (${(PARTY_ROLE_LABELS as Record<string, string>)[c.role!] ?? c.role})` : "The youth", method: c.method }));
  const sinceDay = since ? calendarDateIn(new Date(since), viewer.timeZone) : "0000";
  const placementChanges = db
    .select()
    .from(placements)
    .where(eq(placements.youthId, meeting.youthId))
    .all()
    .flatMap((p) => [
      ...(p.startedOn >= sinceDay ? [{ on: p.startedOn, text: `Placed: ${placementTypeLabel(p.type)}${p.description ? `, ${p.description}` : ""}` }] : []),
      ...(p.endedOn && p.endedOn >= sinceDay ? [{ on: p.endedOn, text: `Left ${placementTypeLabel(p.type)}${p.endReason ? `: ${p.endReason}` : ""}` }] : []),
    ])
    .sort((a, b) => b.on.localeCompare(a.on));
  const episodes = db
    .select({ leftAt: runawayEpisodes.leftAt, returnedAt: runawayEpisodes.returnedAt, leftFrom: runawayEpisodes.leftFrom })
    .from(runawayEpisodes)
    .where(and(eq(runawayEpisodes.youthId, meeting.youthId), or(isNull(runawayEpisodes.returnedAt), gte(runawayEpisodes.leftAt, sinceOrEpoch))))
    .orderBy(desc(runawayEpisodes.leftAt))
    .all();
  const mayKnow = csecSensitiveVisible(audience, status);
  const flags = mayKnow
    ? db
        .select({ indicator: redFlags.indicator, observedOn: redFlags.observedOn })
        .from(redFlags)
        .where(and(eq(redFlags.youthId, meeting.youthId), gte(redFlags.observedOn, sinceDay)))
        .orderBy(desc(redFlags.observedOn))
        .all()
        .map((f) => ({ label: redFlagLabel(f.indicator), observedOn: f.observedOn }))
    : null;
  const byHand = db
    .select({ id: meetingAgendaItems.id, text: meetingAgendaItems.text, addedBy: users.name })
    .from(meetingAgendaItems)
    .innerJoin(users, eq(users.id, meetingAgendaItems.addedByUserId))
    .where(and(eq(meetingAgendaItems.meetingId, meeting.id), csecSensitiveShownFor("agendaItem", audience, status)))
    .orderBy(asc(meetingAgendaItems.id))
    .all();
  return { since, carriedOver, requests, contacts: recentContacts, placementChanges, episodes, redFlags: flags, byHand };
}

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
      label: a.partyId ? `${a.partyName} (${(PARTY_ROLE_LABELS as Record<string, string>)[a.partyRole!] ?? a.partyRole})` : (a.userName ?? ""),
      attended: a.attended,
    }));
}

export function getMeeting(viewer: Viewer, meetingId: number, db: Db = getDb()): MeetingDetail {
  requireCaseAccess(viewer);
  const { meeting, youth: y } = visibleMeetingOrNotFound(viewer, meetingId, db);
  const audience = csecAudienceOf(viewer);
  const status = csecStatusOf(meeting.youthId, db);
  const mayKnow = csecSensitiveVisible(audience, status);
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
    attendees: attendeesOf(meetingId, audience, status, db),
    actions: actionRows(viewer, eq(actionItems.meetingId, meetingId), openOverdueFirst(), db),
    agenda: buildAgenda(viewer, meeting, db),
    canWrite: can(viewer.role, "write:case"),
    inPast: meeting.scheduledAt <= nowIso(),
    openConcernCount: mayKnow
      ? (db
          .select({ n: sql<number>`count(*)` })
          .from(csecConcerns)
          .where(and(eq(csecConcerns.youthId, meeting.youthId), eq(csecConcerns.reviewStatus, "under_review")))
          .get()?.n ?? 0)
      : null,
  };
}

/**
 * The "mark done" and "drop" buttons of an action item list post here from any page (meeting,
 * youth, my actions): fields `intent` (done | drop), `actionId`, and `reason` for a drop.
 */
export function closeActionFromForm(
  viewer: Viewer,
  form: { intent: string; actionId: string; reason?: string },
  db: Db = getDb(),
): { ok: true; saved: "done" | "dropped" } | { ok: false; errors: FieldErrors; actionId: number } {
  const actionId = /^\d+$/.test(form.actionId) ? Number(form.actionId) : 0;
  if (!actionId) notFound("Action item");
  const reason = form.reason?.trim();
  if (form.intent === "drop" && !reason) return { ok: false, errors: { reason: "Say why it is dropped." }, actionId };
  if (reason && reason.length > 1000) return { ok: false, errors: { reason: "Keep the reason under 1000 characters." }, actionId };
  const result = closeActionItem(viewer, actionId, form.intent === "drop" ? { status: "dropped", reason: reason! } : { status: "done" }, db);
  if (!result.ok) return { ok: false, errors: result.errors, actionId };
  return { ok: true, saved: form.intent === "drop" ? "dropped" : "done" };
}
