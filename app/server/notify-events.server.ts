/**
 * Which change tells whom, and in what words: one function per event, called in the change's own
 * transaction. Whether a record is CSEC-sensitive is read with the kind's one predicate
 * (csec-sensitive.server.ts), so `notify` tells only those who may see it.
 */
import { eq, sql } from "drizzle-orm";
import { actionItems, meetingAttendees, mdtMeetings, resourceRequests } from "../../db/schema";
import { formatDate } from "../domain/dates";
import { requestTypeLabel } from "../domain/requests";
import { CSEC_SENSITIVE } from "./csec-sensitive.server";
import type { DbOrTx } from "./db.server";
import { assignedTo, missingYouthTeam, notify, programLeads, requestDeciders, youthLabel } from "./notifications.server";
import { requestTypeLabels } from "./program-settings.server";
import type { Viewer } from "./session.server";

type Actor = Pick<Viewer, "programId" | "userId" | "name" | "timeZone">;

/** A concern was raised: the youth's supervisors and the program's leads review it. */
export function concernRaised(tx: DbOrTx, actor: Actor, youthId: number): void {
  notify(tx, actor, [...assignedTo(tx, youthId, "supervisor"), ...programLeads(tx, actor.programId)], {
    kind: "concern.raised",
    youthId,
    href: `/youth/${youthId}/csec`,
    text: `${actor.name} raised a concern about ${youthLabel(tx, youthId)}: it awaits your review.`,
    csecSensitive: true,
  });
}

/**
 * A concern was reviewed (confirmed, cleared or kept under watch): the people who raised it hear
 * that it was reviewed and, when the reviewer asked it, what to keep doing (DOMAIN.md: the one who
 * wrote up sees the outcome only), and see on the youth's page what the CSEC rule lets them see.
 */
export function concernReviewed(tx: DbOrTx, actor: Actor, youthId: number, raisedBy: number[], guidance?: string): void {
  notify(tx, actor, raisedBy, {
    kind: "concern.reviewed",
    youthId,
    href: `/youth/${youthId}#concerns`,
    text: `The concern you raised about ${youthLabel(tx, youthId)} was reviewed.${guidance ? ` What to keep doing: ${guidance}` : ""}`,
  });
}

function requestFacts(tx: DbOrTx, programId: number, requestId: number) {
  const r = tx
    .select({
      youthId: resourceRequests.youthId,
      type: resourceRequests.type,
      subtype: resourceRequests.subtype,
      requestedBy: resourceRequests.requestedByUserId,
      csec: sql<number>`${CSEC_SENSITIVE.request}`,
    })
    .from(resourceRequests)
    .where(eq(resourceRequests.id, requestId))
    .get()!;
  return { ...r, label: requestTypeLabel(r.type, r.subtype, requestTypeLabels(programId, tx)), csec: Boolean(r.csec) };
}

/** A request was submitted: those who decide it. */
export function requestSubmitted(tx: DbOrTx, actor: Actor, requestId: number): void {
  const r = requestFacts(tx, actor.programId, requestId);
  notify(tx, actor, requestDeciders(tx, actor.programId, r.youthId), {
    kind: "request.submitted",
    youthId: r.youthId,
    href: `/requests/${requestId}`,
    text: `${r.label} requested for ${youthLabel(tx, r.youthId)}: it awaits a decision.`,
    csecSensitive: r.csec,
  });
}

const DECIDED_WORDS = { approve: "approved", deny: "denied", fulfil: "fulfilled" } as const;

/** A request was approved, denied or fulfilled: the person who made it. */
export function requestDecided(tx: DbOrTx, actor: Actor, requestId: number, action: keyof typeof DECIDED_WORDS): void {
  const r = requestFacts(tx, actor.programId, requestId);
  notify(tx, actor, [r.requestedBy], {
    kind: "request.decided",
    youthId: r.youthId,
    href: `/requests/${requestId}`,
    text: `Your request for ${youthLabel(tx, r.youthId)} (${r.label}) was ${DECIDED_WORDS[action]}.`,
    csecSensitive: r.csec,
  });
}

/** An action item was given to a user: its owner. */
export function actionAssigned(tx: DbOrTx, actor: Actor, actionId: number): void {
  const a = tx
    .select({
      youthId: actionItems.youthId,
      owner: actionItems.ownerUserId,
      dueOn: actionItems.dueOn,
      csec: sql<number>`${CSEC_SENSITIVE.action}`,
    })
    .from(actionItems)
    .where(eq(actionItems.id, actionId))
    .get();
  if (!a?.owner) return;
  notify(tx, actor, [a.owner], {
    kind: "action.assigned",
    youthId: a.youthId,
    href: `/actions`,
    text: `${actor.name} gave you an action item for ${youthLabel(tx, a.youthId)}${a.dueOn ? `, due ${formatDate(a.dueOn, actor.timeZone)}` : ""}.`,
    csecSensitive: Boolean(a.csec),
  });
}

const MEETING_WORDS = { scheduled: "scheduled", rescheduled: "moved", cancelled: "cancelled" } as const;

/** A meeting was scheduled, moved or cancelled: the users invited to it. */
export function meetingChanged(tx: DbOrTx, actor: Actor, meetingId: number, change: keyof typeof MEETING_WORDS): void {
  const m = tx
    .select({ youthId: mdtMeetings.youthId, csec: sql<number>`${CSEC_SENSITIVE.meeting}` })
    .from(mdtMeetings)
    .where(eq(mdtMeetings.id, meetingId))
    .get()!;
  const attendees = tx
    .select({ userId: meetingAttendees.userId })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, meetingId))
    .all()
    .flatMap((a) => (a.userId === null ? [] : [a.userId]));
  notify(tx, actor, attendees, {
    kind: `meeting.${change}`,
    youthId: m.youthId,
    href: `/meetings/${meetingId}`,
    text: `An MDT meeting for ${youthLabel(tx, m.youthId)} you are invited to was ${MEETING_WORDS[change]}.`,
    csecSensitive: Boolean(m.csec),
  });
}

/** A youth was reported missing: their advocates, supervisors and the program's leads, at once. */
export function youthMissing(tx: DbOrTx, actor: Actor, youthId: number, episodeId: number): void {
  notify(tx, actor, missingYouthTeam(tx, actor.programId, youthId), {
    kind: "youth.missing",
    youthId,
    href: `/youth/${youthId}/episodes/${episodeId}`,
    text: `${youthLabel(tx, youthId)} is missing. Report to law enforcement and NCMEC now if not done.`,
    urgent: true,
  });
}
