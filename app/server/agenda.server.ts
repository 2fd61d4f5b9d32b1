/**
 * The MDT meeting agenda: built from the record since the previous meeting (open actions carried
 * over, pending requests, contacts, placement changes, runaway episodes, red flags for those who
 * may see them) plus the items people add by hand.
 */
import { and, asc, desc, eq, lt, ne } from "drizzle-orm";
import { mdtMeetings, meetingAgendaItems, users, youth } from "../../db/schema";
import { calendarDateIn } from "../domain/dates";
import type { WriteResult } from "../domain/forms";
import { CSEC_SENSITIVE_MEETING_TYPES, type MeetingType } from "../domain/meetings";
import { openActionsCarriedInto, type ActionRow } from "./action-items.server";
import { auditChange } from "./audit.server";
import { listContacts } from "./contacts.server";
import { csecSensitiveShownFor } from "./csec-sensitive.server";
import { redFlagsSince } from "./csec.server";
import { getDb, nowIso, type DbOrTx } from "./db.server";
import { listEpisodes, type EpisodeSummary } from "./episodes.server";
import { meetingVisibleTo, visibleMeetingOrNotFound } from "./meeting-access.server";
import { placementChangesSince } from "./placements.server";
import { listRequestsForYouth, type RequestRow } from "./requests.server";
import { requireCaseAccess, requirePermission, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type Agenda = {
  since: string | null;
  carriedOver: ActionRow[];
  requests: RequestRow[];
  contacts: Array<{ occurredAt: string; with: string; method: string }>;
  placementChanges: Array<{ on: string; text: string }>;
  episodes: EpisodeSummary[];
  /** Only for viewers who may see the CSEC status; null otherwise. */
  redFlags: Array<{ label: string; observedOn: string }> | null;
  byHand: Array<{ id: number; text: string; addedBy: string }>;
};

/** The start of "since the last meeting": the previous meeting of the youth the viewer may see. */
function previousMeetingAt(inScope: YouthInScope, before: string, db: DbOrTx): string | null {
  const { viewer, youthId } = inScope;
  return (
    db
      .select({ at: mdtMeetings.scheduledAt })
      .from(mdtMeetings)
      .innerJoin(youth, eq(youth.id, mdtMeetings.youthId))
      .where(
        and(
          eq(mdtMeetings.youthId, youthId),
          lt(mdtMeetings.scheduledAt, before),
          ne(mdtMeetings.status, "cancelled"),
          meetingVisibleTo(viewer),
        ),
      )
      .orderBy(desc(mdtMeetings.scheduledAt))
      .get()?.at ?? null
  );
}

/**
 * The agenda of a meeting of this youth, built from the record since the previous meeting. Each
 * part is read through the module that owns it, under that module's visibility rule.
 */
export function buildAgenda(inScope: YouthInScope, meeting: { id: number; scheduledAt: string }, db: DbOrTx = getDb()): Agenda {
  const { viewer } = inScope;
  const since = previousMeetingAt(inScope, meeting.scheduledAt, db);
  const sinceOrEpoch = since ?? "0000";
  const sinceDay = since ? calendarDateIn(new Date(since), viewer.timeZone) : "0000";
  const thirtyDaysAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  return {
    since,
    carriedOver: openActionsCarriedInto(inScope, meeting.scheduledAt, db),
    requests: listRequestsForYouth(inScope, db).filter(
      (r) => r.status === "submitted" || (["draft", "approved"].includes(r.status) && r.requestedAt < thirtyDaysAgo),
    ),
    contacts: listContacts(inScope, { from: sinceOrEpoch, before: meeting.scheduledAt }, db).map((c) => ({
      occurredAt: c.occurredAt,
      with: c.withLabel,
      method: c.method,
    })),
    placementChanges: placementChangesSince(inScope, sinceDay, db),
    episodes: listEpisodes(inScope, { since: sinceOrEpoch }, db),
    redFlags: redFlagsSince(inScope, sinceDay, db),
    byHand: agendaItemsByHand(inScope, meeting.id, db),
  };
}

/** The items people added to the agenda by hand; those of a CSEC MDT follow the CSEC rule. */
function agendaItemsByHand(inScope: YouthInScope, meetingId: number, db: DbOrTx): Agenda["byHand"] {
  return db
    .select({ id: meetingAgendaItems.id, text: meetingAgendaItems.text, addedBy: users.name })
    .from(meetingAgendaItems)
    .innerJoin(users, eq(users.id, meetingAgendaItems.addedByUserId))
    .where(and(eq(meetingAgendaItems.meetingId, meetingId), csecSensitiveShownFor("agendaItem", inScope.audience, inScope.csecStatus)))
    .orderBy(asc(meetingAgendaItems.id))
    .all();
}

export function addAgendaItem(viewer: Viewer, meetingId: number, text: string, db: DbOrTx = getDb()): WriteResult {
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
    auditChange(tx, viewer, {
      action: "meeting.agenda_add",
      entityType: "meeting_agenda_item",
      entityId: row.id,
      youthId: meeting.youthId,
    });
    return { ok: true as const, id: row.id };
  });
}
