/**
 * Printable documents: the MDT prep packet (for the viewer, under the viewer's own CSEC rule)
 * and the court report draft (court-facing: only a confirmed CSEC status, and nothing
 * CSEC-sensitive otherwise, whoever prints it, supervisors and leads included).
 */
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { actionItems, caseParties, contacts, mdtMeetings, resourceRequests, youthCsecStatus } from "../../db/schema";
import { csecViewFor, type CsecView } from "../domain/csec";
import { addDays, calendarDateIn, zonedLocalToUtc } from "../domain/dates";
import { meetingTypeLabel } from "../domain/meetings";
import { OPEN_REQUEST_STATUSES, requestTypeLabel, type RequestStatus } from "../domain/requests";
import { PARTY_ROLE_LABELS, type PartyRole } from "../domain/youth";
import { csecSensitiveShownFor, type CsecSensitiveKind } from "./csec-sensitive.server";
import { listContacts, type ContactView } from "./contacts.server";
import { csecViewOf } from "./csec.server";
import { getDb, nowIso, type Db } from "./db.server";
import { buildAgenda, listActionsForYouth, listUpcomingMeetings, nextMeetingForYouth, type ActionRow, type Agenda, type MeetingRow } from "./meetings.server";
import { listParties, type PartyView } from "./parties.server";
import { listRequestsForYouth, type RequestRow } from "./requests.server";
import { getSafetyPlans, type SafetyPlanView } from "./safety-plans.server";
import { requireYouthInScope } from "./scope.server";
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

export function getPrepPacket(viewer: Viewer, youthId: number, db: Db = getDb()): PrepPacket {
  requireYouthInScope(viewer, youthId, db);
  const nextMeeting = nextMeetingForYouth(viewer, youthId, db);
  return {
    overview: getYouthOverview(viewer, youthId, db),
    csec: csecViewOf(viewer, youthId, db),
    team: listParties(viewer, youthId, db).current,
    openActions: listActionsForYouth(viewer, youthId, db).filter((a) => a.status === "open"),
    pendingRequests: listRequestsForYouth(viewer, youthId, db).filter((r) => OPEN_REQUEST_STATUSES.includes(r.status)),
    recentContacts: listContacts(viewer, youthId, { limit: 8 }, db),
    safetyPlan: getSafetyPlans(viewer, youthId, { historyLimit: 0 }, db).current,
    nextMeeting,
    sinceLastMeeting: buildAgenda(viewer, { id: nextMeeting?.id ?? 0, youthId, scheduledAt: nextMeeting?.scheduledAt ?? nowIso() }, db),
  };
}

/** At most this many packets on one page; a program lead's whole program would not print. */
export const MAX_PACKETS = 40;

/** One packet per youth with a meeting in the next `days` days, soonest meeting first. */
export function getUpcomingPrepPackets(viewer: Viewer, days: number, db: Db = getDb()): { packets: PrepPacket[]; totalYouth: number } {
  const youthIds = [...new Set(listUpcomingMeetings(viewer, days, db).map((m) => m.youthId))];
  return { packets: youthIds.slice(0, MAX_PACKETS).map((id) => getPrepPacket(viewer, id, db)), totalYouth: youthIds.length };
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
  actions: Array<{ id: number; description: string; status: string; dueOn: string | null; doneAt: string | null; dropReason: string | null }>;
};

/**
 * The court report draft. Court-facing output follows the CSEC rule's `court` audience, not the
 * viewer's: it carries the status only when confirmed, and CSEC-sensitive parties, contacts,
 * requests, meetings and action items only then too.
 */
export function getCourtDraft(viewer: Viewer, youthId: number, period: { from: string; to: string }, db: Db = getDb()): CourtDraft {
  requireYouthInScope(viewer, youthId, db);
  const status = db
    .select({ status: youthCsecStatus.status, basis: youthCsecStatus.basis, basisOn: youthCsecStatus.basisOn, changedAt: youthCsecStatus.changedAt })
    .from(youthCsecStatus)
    .where(eq(youthCsecStatus.youthId, youthId))
    .get();
  const csec = csecViewFor("court", {
    status: status?.status ?? "none",
    basis: status?.basis ?? null,
    basisOn: status?.basisOn ?? null,
    changedAt: status?.changedAt ?? null,
    viewerOpenConcernRaisedAt: null,
  });
  // Court-facing: each kind's one condition, for the `court` audience rather than the viewer's.
  const shown = (kind: CsecSensitiveKind) => csecSensitiveShownFor(kind, "court", status?.status ?? "none");
  const roleLabel = (r: string) => (PARTY_ROLE_LABELS as Record<string, string>)[r] ?? r;
  // The period is in calendar days of the program's time zone: [from 00:00, the day after `to` 00:00).
  const fromInstant = zonedLocalToUtc(`${period.from}T00:00`, viewer.timeZone)!;
  const endInstant = zonedLocalToUtc(`${addDays(period.to, 1)}T00:00`, viewer.timeZone)!;

  const team = db
    .select({ role: caseParties.role, name: caseParties.name, organization: caseParties.organization })
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), sql`${caseParties.endedOn} is null`, shown("party")))
    .orderBy(asc(caseParties.role))
    .all()
    .map((p) => ({ ...p, role: roleLabel(p.role) }));

  const contactRows = db
    .select({ role: caseParties.role, count: sql<number>`count(*)`, last: sql<string>`max(${contacts.occurredAt})` })
    .from(contacts)
    .leftJoin(caseParties, eq(caseParties.id, contacts.partyId))
    .where(
      and(
        eq(contacts.youthId, youthId),
        gte(contacts.occurredAt, fromInstant),
        lt(contacts.occurredAt, endInstant),
        shown("contact"),
      ),
    )
    .groupBy(caseParties.role)
    .all()
    .map((c) => ({ with: c.role ? roleLabel(c.role as PartyRole) : "The youth", count: c.count, last: c.last }))
    .sort((a, b) => b.count - a.count);

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
    .map((r) => ({ id: r.id, label: requestTypeLabel(r.type, r.subtype), status: r.status as RequestStatus, requestedAt: r.requestedAt, closedAt: r.closedAt }));

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

  return { overview: getYouthOverview(viewer, youthId, db), period, csec, team, contactCounts: contactRows, requests, meetings, actions };
}

/** The default reporting period: the six months up to today, in the program's time zone. */
export function defaultCourtPeriod(viewer: Viewer): { from: string; to: string } {
  const to = calendarDateIn(new Date(), viewer.timeZone);
  const from = calendarDateIn(new Date(Date.now() - 182 * 86_400_000), viewer.timeZone);
  return { from, to };
}
