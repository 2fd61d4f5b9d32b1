/**
 * Printable documents: the MDT prep packet (for the viewer, under the viewer's own CSEC rule)
 * and the court report draft (court-facing: only a confirmed CSEC status, and nothing
 * CSEC-sensitive otherwise, whoever prints it, supervisors and leads included).
 */
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { actionItems, caseParties, contactParties, contacts, mdtMeetings, resourceRequests } from "../../db/schema";
import type { CsecView } from "../domain/csec";
import { addDays, calendarDateIn, zonedLocalToUtc } from "../domain/dates";
import { meetingTypeLabel } from "../domain/meetings";
import { requestTypeLabels } from "./program-settings.server";
import { contactMade } from "./contacts.server";
import { OPEN_REQUEST_STATUSES, requestTypeLabel, type RequestStatus } from "../domain/requests";
import { partyRoleLabel } from "../domain/youth";
import { csecSensitiveShownFor, type CsecSensitiveKind } from "./csec-sensitive.server";
import { listContacts, type ContactView } from "./contacts.server";
import { courtCsecView, csecViewOf } from "./csec.server";
import { getDb, nowIso, type Db, type DbOrTx } from "./db.server";
import { listEpisodes, missingAmong } from "./episodes.server";
import { listActionsForYouth, type ActionRow } from "./action-items.server";
import { buildAgenda, type Agenda } from "./agenda.server";
import { auditRead, readAudited } from "./audit.server";
import { nextMeetingForYouth, youthWithUpcomingMeetings, type MeetingRow } from "./meetings.server";
import { listParties, type PartyView } from "./parties.server";
import { listRequestsForYouth, type RequestRow } from "./requests.server";
import { getSafetyPlans, type SafetyPlanView } from "./safety-plans.server";
import { requireYouthInScope, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";
import { getYouthOverview, type YouthOverview } from "./youth.server";

export type PrepPacket = {
  overview: YouthOverview;
  csec: CsecView;
  team: PartyView[];
  openActions: ActionRow[];
  pendingRequests: RequestRow[];
  recentContacts: ContactView[];
  safetyPlan: SafetyPlanView | null;
  nextMeeting: MeetingRow | null;
  sinceLastMeeting: Agenda;
};

/**
 * The prep packet of one youth, read in one transaction with the read audit inside: what the
 * viewer is shown and the record that they saw it are written together.
 */
export function getPrepPacket(viewer: Viewer, youthId: number, db: Db = getDb()): PrepPacket {
  return readAudited(viewer, "prep_packet.view", youthId, (tx) => prepPacketOf(requireYouthInScope(viewer, youthId, tx), tx), db);
}

function prepPacketOf(inScope: YouthInScope, db: DbOrTx): PrepPacket {
  const nextMeeting = nextMeetingForYouth(inScope, db);
  return {
    overview: getYouthOverview(inScope, db),
    csec: csecViewOf(inScope, db),
    team: listParties(inScope, db).current,
    openActions: listActionsForYouth(inScope, db).filter((a) => a.status === "open"),
    pendingRequests: listRequestsForYouth(inScope, db).filter((r) => OPEN_REQUEST_STATUSES.includes(r.status)),
    recentContacts: listContacts(inScope, { limit: 8 }, db),
    safetyPlan: getSafetyPlans(inScope, { historyLimit: 0 }, db).current,
    nextMeeting,
    sinceLastMeeting: buildAgenda(inScope, { id: nextMeeting?.id ?? 0, scheduledAt: nextMeeting?.scheduledAt ?? nowIso() }, db),
  };
}

/** Packets on one page of `/prep`: a batch that prints; a program lead's whole program would not. */
export const PACKETS_PER_PAGE = 20;

/**
 * One packet per youth with a meeting in the next `days` days, youth missing now first, then the
 * soonest meeting, a page of `PACKETS_PER_PAGE` at a time (a page past the last shows the last),
 * in one transaction; each packet shown is audited as read, as if opened one by one.
 */
export function getUpcomingPrepPackets(
  viewer: Viewer,
  days: number,
  page = 1,
  db: Db = getDb(),
): { packets: PrepPacket[]; totalYouth: number; page: number; size: number } {
  return db.transaction((tx) => {
    const youthIds = youthWithUpcomingMeetings(viewer, days, tx);
    // A youth missing now comes first (then the soonest meeting), so no page comes before them.
    const missing = missingAmong(youthIds, tx);
    const ordered = [...youthIds.filter((id) => missing.has(id)), ...youthIds.filter((id) => !missing.has(id))];
    const size = PACKETS_PER_PAGE;
    const shown = Math.min(Math.max(1, Math.floor(page) || 1), Math.max(1, Math.ceil(ordered.length / size)));
    const packets = ordered.slice((shown - 1) * size, shown * size).map((id) => {
      auditRead(viewer, "prep_packet.view", id, tx);
      return prepPacketOf(requireYouthInScope(viewer, id, tx), tx);
    });
    return { packets, totalYouth: youthIds.length, page: shown, size };
  });
}

export type CourtDraft = {
  overview: YouthOverview;
  period: { from: string; to: string };
  /** Only ever a confirmed status, or hidden. */
  csec: CsecView;
  team: Array<{ role: string; name: string; organization: string | null }>;
  contactCounts: Array<{ with: string; count: number; last: string }>;
  requests: Array<{ id: number; label: string; status: RequestStatus; requestedAt: string; closedAt: string | null }>;
  meetings: Array<{ id: number; scheduledAt: string; typeLabel: string; decisions: string | null }>;
  actions: Array<{
    id: number;
    description: string;
    status: string;
    dueOn: string | null;
    doneAt: string | null;
    dropReason: string | null;
  }>;
  /** Runaway episodes that overlap the period: when the youth left and came back, nothing else (notes may hold sensitive detail). */
  episodes: Array<{ leftAt: string; returnedAt: string | null }>;
};

/**
 * The court report draft. Court-facing output follows the CSEC rule's `court` audience, not the
 * viewer's: it carries the status only when confirmed, and CSEC-sensitive parties, contacts,
 * requests, meetings and action items only then too.
 */
export function getCourtDraft(viewer: Viewer, youthId: number, period: { from: string; to: string }, db: Db = getDb()): CourtDraft {
  return readAudited(viewer, "court_draft.view", youthId, (tx) => courtDraftOf(requireYouthInScope(viewer, youthId, tx), period, tx), db);
}

export function courtDraftOf(inScope: YouthInScope, period: { from: string; to: string }, db: DbOrTx): CourtDraft {
  const { viewer, youthId } = inScope;
  const csec = courtCsecView(inScope, db);
  // Court-facing: each kind's one condition, for the `court` audience rather than the viewer's.
  const shown = (kind: CsecSensitiveKind) => csecSensitiveShownFor(kind, "court", inScope.csecStatus);
  // The period is in calendar days of the program's time zone: [from 00:00, the day after `to` 00:00).
  const fromInstant = zonedLocalToUtc(`${period.from}T00:00`, viewer.timeZone)!;
  const endInstant = zonedLocalToUtc(`${addDays(period.to, 1)}T00:00`, viewer.timeZone)!;

  const team = db
    .select({ role: caseParties.role, name: caseParties.name, organization: caseParties.organization })
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), sql`${caseParties.endedOn} is null`, shown("party")))
    .orderBy(asc(caseParties.role))
    .all()
    .map((p) => ({ ...p, role: partyRoleLabel(p.role) }));

  // Each participant of a contact counts: a visit with the youth and the caregiver is one contact
  // with the youth and one with the caregiver.
  const contactInPeriod = and(
    eq(contacts.youthId, youthId),
    gte(contacts.occurredAt, fromInstant),
    lt(contacts.occurredAt, endInstant),
    shown("contact"),
    contactMade,
  );
  const contactRows = db
    .all<{ role: string | null; count: number; last: string }>(
      sql`select p.role as role, count(distinct t.contact_id) as count, max(t.occurred_at) as last from (
        select ${contacts.id} as contact_id, ${contacts.partyId} as party_id, ${contacts.occurredAt} as occurred_at
          from ${contacts} where ${contactInPeriod}
        union all
        select ${contacts.id}, ${contactParties.partyId}, ${contacts.occurredAt}
          from ${contactParties} inner join ${contacts} on ${contacts.id} = ${contactParties.contactId} where ${contactInPeriod}
      ) t left join ${caseParties} p on p.id = t.party_id
      group by p.role`,
    )
    .map((c) => ({ with: c.role ? partyRoleLabel(c.role) : "The youth", count: c.count, last: c.last }))
    .sort((a, b) => b.count - a.count);

  const labels = requestTypeLabels(inScope.viewer.programId, db);
  const requests = db
    .select({
      id: resourceRequests.id,
      type: resourceRequests.type,
      subtype: resourceRequests.subtype,
      status: resourceRequests.status,
      requestedAt: resourceRequests.requestedAt,
      closedAt: resourceRequests.closedAt,
    })
    .from(resourceRequests)
    .where(
      and(
        eq(resourceRequests.youthId, youthId),
        inArray(resourceRequests.status, ["submitted", "approved", "denied", "fulfilled"]),
        shown("request"),
      ),
    )
    .orderBy(desc(resourceRequests.requestedAt))
    .all()
    .map((r) => ({
      id: r.id,
      label: requestTypeLabel(r.type, r.subtype, labels),
      status: r.status as RequestStatus,
      requestedAt: r.requestedAt,
      closedAt: r.closedAt,
    }));

  const meetings = db
    .select({ id: mdtMeetings.id, scheduledAt: mdtMeetings.scheduledAt, type: mdtMeetings.type, decisions: mdtMeetings.decisions })
    .from(mdtMeetings)
    .where(
      and(
        eq(mdtMeetings.youthId, youthId),
        eq(mdtMeetings.status, "held"),
        gte(mdtMeetings.scheduledAt, fromInstant),
        lt(mdtMeetings.scheduledAt, endInstant),
        shown("meeting"),
      ),
    )
    .orderBy(asc(mdtMeetings.scheduledAt))
    .all()
    .map((m) => ({ id: m.id, scheduledAt: m.scheduledAt, typeLabel: meetingTypeLabel(m.type), decisions: m.decisions }));

  const actions = db
    .select({
      id: actionItems.id,
      description: actionItems.description,
      status: actionItems.status,
      dueOn: actionItems.dueOn,
      doneAt: actionItems.doneAt,
      dropReason: actionItems.dropReason,
    })
    .from(actionItems)
    .where(
      and(
        eq(actionItems.youthId, youthId),
        shown("action"),
        // What was decided in the period, and whatever is still open from before it.
        or(and(gte(actionItems.createdAt, fromInstant), lt(actionItems.createdAt, endInstant)), eq(actionItems.status, "open")),
      ),
    )
    .orderBy(asc(actionItems.status), asc(actionItems.dueOn))
    .all();

  const episodes = listEpisodes(inScope, {}, db)
    .filter((e) => e.leftAt < endInstant && (!e.returnedAt || e.returnedAt >= fromInstant))
    .map((e) => ({ leftAt: e.leftAt, returnedAt: e.returnedAt }))
    .reverse();

  return { overview: getYouthOverview(inScope, db), period, csec, team, contactCounts: contactRows, requests, meetings, actions, episodes };
}

/** The default reporting period: the six months up to today, in the program's time zone. */
export function defaultCourtPeriod(viewer: Viewer): { from: string; to: string } {
  const to = calendarDateIn(new Date(), viewer.timeZone);
  const from = calendarDateIn(new Date(Date.now() - 182 * 86_400_000), viewer.timeZone);
  return { from, to };
}

/** Who is printing a confidential record and when, for the line on its first printed page. */
export function printedBy(viewer: Viewer): { by: string; at: string; program: string } {
  return { by: viewer.name, at: new Date().toISOString(), program: viewer.programName };
}
