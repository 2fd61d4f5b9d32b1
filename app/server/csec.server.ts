/**
 * CSEC status, concerns and red flags: raising a concern (anyone who may see the youth: write
 * up), reviewing it (supervisor or lead: confirm with a basis, or clear with a reason), and what
 * each viewer may read of it (read down only to the small circle; see domain/csec.ts).
 */
import { and, asc, count, desc, eq, gte, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { csecConcerns, csecStatusEvents, redFlags, users, youth, youthCsecStatus } from "../../db/schema";
import {
  CSEC_BASIS_LABELS,
  CSEC_STATUS_LABELS,
  csecViewFor,
  mayKnowUnconfirmed,
  type CsecBasis,
  type CsecStatus,
  type CsecView,
} from "../domain/csec";
import { calendarDateIn } from "../domain/dates";
import type { WriteResult } from "../domain/forms";
import { can } from "../domain/permissions";
import { redFlagLabel, type RedFlagKey } from "../domain/red-flags";
import { displayName } from "../domain/youth";
import { auditChange } from "./audit.server";
import { concernRaised, concernReviewed } from "./notify-events.server";
import { getDb, nowIso, type Tx, type DbOrTx } from "./db.server";
import { youthScopeCondition, csecAudienceOf, csecStatusOf, requirePermission, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type RedFlagView = { indicator: string; label: string; observedOn: string; observedBy: string; note: string | null };

export type ConcernView = {
  id: number;
  raisedBy: string;
  raisedByViewer: boolean;
  raisedAt: string;
  note: string | null;
  reviewStatus: "under_review" | "monitoring" | "confirmed" | "cleared";
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** Keep monitoring: the next review, and who it was referred to (the small circle only). */
  nextReviewOn: string | null;
  referral: string | null;
  /** Keep monitoring: what the advocate who raised it should keep doing (they see this, and that it was reviewed). */
  guidance: string | null;
  redFlags: RedFlagView[];
};

export type CsecHistoryEntry = {
  at: string;
  actor: string;
  fromStatus: CsecStatus;
  toStatus: CsecStatus;
  basis: CsecBasis | null;
  basisOn: string | null;
  note: string | null;
};

export type CsecPanel = {
  view: CsecView;
  canRaise: boolean;
  canReview: boolean;
  /** What the viewer wrote up themself (all an advocate sees of concerns). */
  ownSubmissions: ConcernView[];
  /** Everything, for supervisors and leads only; null for anyone else. */
  full: { concerns: ConcernView[]; history: CsecHistoryEntry[] } | null;
};

function statusRow(youthId: number, db: DbOrTx) {
  return db
    .select({
      status: youthCsecStatus.status,
      basis: youthCsecStatus.basis,
      basisOn: youthCsecStatus.basisOn,
      changedAt: youthCsecStatus.changedAt,
    })
    .from(youthCsecStatus)
    .where(eq(youthCsecStatus.youthId, youthId))
    .get();
}

/**
 * The CSEC status as court-facing output may carry it: only once confirmed, whoever prints it
 * (the `court` audience, not the viewer's).
 */
export function courtCsecView(inScope: YouthInScope, db: DbOrTx = getDb()): CsecView {
  const row = statusRow(inScope.youthId, db);
  return csecViewFor("court", {
    status: row?.status ?? "none",
    basis: row?.basis ?? null,
    basisOn: row?.basisOn ?? null,
    changedAt: row?.changedAt ?? null,
    viewerOpenConcernRaisedAt: null,
  });
}

/** The viewer's CSEC view of one youth (the same function the list uses, for one row). */
export function csecViewOf(inScope: YouthInScope, db: DbOrTx = getDb()): CsecView {
  const { viewer, youthId } = inScope;
  const row = statusRow(youthId, db);
  const ownOpen = db
    .select({ raisedAt: csecConcerns.raisedAt })
    .from(csecConcerns)
    .where(
      and(eq(csecConcerns.youthId, youthId), eq(csecConcerns.raisedByUserId, viewer.userId), eq(csecConcerns.reviewStatus, "under_review")),
    )
    .orderBy(asc(csecConcerns.raisedAt))
    .get();
  return csecViewFor(csecAudienceOf(viewer), {
    status: row?.status ?? "none",
    basis: row?.basis ?? null,
    basisOn: row?.basisOn ?? null,
    changedAt: row?.changedAt ?? null,
    viewerOpenConcernRaisedAt: ownOpen?.raisedAt ?? null,
  });
}

function loadConcerns(viewer: Viewer, youthId: number, onlyRaisedBy: number | null, db: DbOrTx): ConcernView[] {
  const raiser = alias(users, "raiser");
  const reviewer = alias(users, "reviewer");
  const concerns = db
    .select({
      id: csecConcerns.id,
      raisedBy: raiser.name,
      raisedById: csecConcerns.raisedByUserId,
      raisedAt: csecConcerns.raisedAt,
      note: csecConcerns.note,
      reviewStatus: csecConcerns.reviewStatus,
      reviewedBy: reviewer.name,
      reviewedAt: csecConcerns.reviewedAt,
      reviewNote: csecConcerns.reviewNote,
      nextReviewOn: csecConcerns.nextReviewOn,
      referral: csecConcerns.referral,
      guidance: csecConcerns.guidance,
    })
    .from(csecConcerns)
    .innerJoin(raiser, eq(raiser.id, csecConcerns.raisedByUserId))
    .leftJoin(reviewer, eq(reviewer.id, csecConcerns.reviewedByUserId))
    .where(and(eq(csecConcerns.youthId, youthId), onlyRaisedBy === null ? undefined : eq(csecConcerns.raisedByUserId, onlyRaisedBy)))
    .orderBy(desc(csecConcerns.raisedAt))
    .all();
  const ids = concerns.map((c) => c.id);
  const flags = ids.length
    ? db
        .select({
          concernId: redFlags.concernId,
          indicator: redFlags.indicator,
          observedOn: redFlags.observedOn,
          observedBy: users.name,
          note: redFlags.note,
        })
        .from(redFlags)
        .innerJoin(users, eq(users.id, redFlags.observedByUserId))
        .where(inArray(redFlags.concernId, ids))
        .orderBy(asc(redFlags.id))
        .all()
    : [];
  return concerns.map(({ raisedById, ...c }) => ({
    ...c,
    raisedByViewer: raisedById === viewer.userId,
    redFlags: flags
      .filter((f) => f.concernId === c.id)
      .map(({ concernId: _concernId, ...f }) => ({ ...f, label: redFlagLabel(f.indicator) })),
  }));
}

export function getCsecPanel(inScope: YouthInScope, db: DbOrTx = getDb()): CsecPanel {
  const { viewer, youthId } = inScope;
  const audience = csecAudienceOf(viewer);
  const seesAll = mayKnowUnconfirmed(audience);
  const full = seesAll
    ? {
        concerns: loadConcerns(viewer, youthId, null, db),
        history: db
          .select({
            at: csecStatusEvents.at,
            actor: users.name,
            fromStatus: csecStatusEvents.fromStatus,
            toStatus: csecStatusEvents.toStatus,
            basis: csecStatusEvents.basis,
            basisOn: csecStatusEvents.basisOn,
            note: csecStatusEvents.note,
          })
          .from(csecStatusEvents)
          .innerJoin(users, eq(users.id, csecStatusEvents.actorUserId))
          .where(eq(csecStatusEvents.youthId, youthId))
          .orderBy(desc(csecStatusEvents.at), desc(csecStatusEvents.id))
          .all(),
      }
    : null;
  return {
    view: csecViewOf(inScope, db),
    canRaise: can(viewer.role, "raise:csec-concern"),
    canReview: can(viewer.role, "review:csec"),
    // The reviewer's note may speak of what others reported; the one who wrote up sees the outcome
    // only, and of a concern kept under watch only that it was reviewed and what to keep doing.
    ownSubmissions: full
      ? full.concerns.filter((c) => c.raisedByViewer)
      : loadConcerns(viewer, youthId, viewer.userId, db).map((c) => ({
          ...c,
          reviewNote: null,
          reviewedBy: null,
          nextReviewOn: null,
          referral: null,
        })),
    full,
  };
}

/**
 * The CSEC entries of the youth's timeline: every status change for those who may know of a
 * concern; for anyone else only the concerns they raised themself, and a confirmation once
 * there is one.
 */
export function csecTimelineEntries(
  inScope: YouthInScope,
  db: DbOrTx = getDb(),
): Array<{ at: string; title: string; detail: string | null }> {
  const { viewer, youthId } = inScope;
  if (mayKnowUnconfirmed(inScope.audience)) {
    return db
      .select({
        at: csecStatusEvents.at,
        from: csecStatusEvents.fromStatus,
        to: csecStatusEvents.toStatus,
        basis: csecStatusEvents.basis,
        note: csecStatusEvents.note,
        by: users.name,
      })
      .from(csecStatusEvents)
      .innerJoin(users, eq(users.id, csecStatusEvents.actorUserId))
      .where(eq(csecStatusEvents.youthId, youthId))
      .all()
      .map((e) => ({
        at: e.at,
        title: `CSEC status: ${CSEC_STATUS_LABELS[e.from]} → ${CSEC_STATUS_LABELS[e.to]}${e.basis ? ` (${CSEC_BASIS_LABELS[e.basis]})` : ""}, by ${e.by}`,
        detail: e.note,
      }));
  }
  const entries: Array<{ at: string; title: string; detail: string | null }> = db
    .select({ raisedAt: csecConcerns.raisedAt })
    .from(csecConcerns)
    .where(and(eq(csecConcerns.youthId, youthId), eq(csecConcerns.raisedByUserId, viewer.userId)))
    .orderBy(desc(csecConcerns.raisedAt))
    .all()
    .map((c) => ({ at: c.raisedAt, title: "You raised a concern", detail: null }));
  const view = csecViewOf(inScope, db);
  if (view.kind === "confirmed")
    entries.push({ at: view.basisOn, title: `CSEC status confirmed: ${CSEC_BASIS_LABELS[view.basis]}`, detail: null });
  return entries;
}

/** Red flags observed on or after `sinceDay`, newest first; null when the viewer may not see them. */
export function redFlagsSince(
  inScope: YouthInScope,
  sinceDay: string,
  db: DbOrTx = getDb(),
): Array<{ label: string; observedOn: string }> | null {
  if (!inScope.sensitiveVisible) return null;
  return db
    .select({ indicator: redFlags.indicator, observedOn: redFlags.observedOn })
    .from(redFlags)
    .where(and(eq(redFlags.youthId, inScope.youthId), gte(redFlags.observedOn, sinceDay)))
    .orderBy(desc(redFlags.observedOn))
    .all()
    .map((f) => ({ label: redFlagLabel(f.indicator), observedOn: f.observedOn }));
}

/** A concern is still open while under review or kept under watch; confirming or clearing closes it. */
export const OPEN_CONCERN_STATUSES = ["under_review", "monitoring"] as const;

/** How many concerns about the youth are open (under review or monitored); null when the viewer may not know of them. */
export function openConcernCount(inScope: YouthInScope, db: DbOrTx = getDb()): number | null {
  if (!inScope.sensitiveVisible) return null;
  return (
    db
      .select({ n: count() })
      .from(csecConcerns)
      .where(and(eq(csecConcerns.youthId, inScope.youthId), inArray(csecConcerns.reviewStatus, [...OPEN_CONCERN_STATUSES])))
      .get()?.n ?? 0
  );
}

/**
 * A concern that needs a reviewer now: under review, or kept under watch and its next review
 * date (a calendar day of the program) has come.
 */
function awaitingReviewSql(today: string): SQL {
  return sql`(${csecConcerns.reviewStatus} = 'under_review'
    or (${csecConcerns.reviewStatus} = 'monitoring' and ${csecConcerns.nextReviewOn} <= ${today}))`;
}

function setStatus(
  tx: Tx,
  viewer: Viewer,
  youthId: number,
  change: { from: CsecStatus; to: CsecStatus; basis?: CsecBasis; basisOn?: string; note?: string; concernId?: number },
  at: string,
) {
  const values = {
    status: change.to,
    basis: change.basis ?? null,
    basisOn: change.basisOn ?? null,
    changedAt: at,
    changedByUserId: viewer.userId,
  };
  tx.insert(youthCsecStatus)
    .values({ youthId, programId: viewer.programId, ...values })
    .onConflictDoUpdate({ target: youthCsecStatus.youthId, set: values })
    .run();
  tx.insert(csecStatusEvents)
    .values({
      programId: viewer.programId,
      youthId,
      fromStatus: change.from,
      toStatus: change.to,
      basis: change.basis ?? null,
      basisOn: change.basisOn ?? null,
      note: change.note ?? null,
      concernId: change.concernId ?? null,
      actorUserId: viewer.userId,
      at,
    })
    .run();
}

/**
 * Writes a concern up: the ticked indicators become red flags and the youth's status becomes
 * `concern` when it was `none`. On a youth already confirmed, the observations are kept with the
 * confirmed status rather than reopening a review.
 */
export function raiseConcern(
  inScope: YouthInScope,
  input: { indicators: RedFlagKey[]; observedOn: string; note?: string },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "raise:csec-concern", "Your role cannot raise a concern.");
  const today = calendarDateIn(new Date(), viewer.timeZone);
  if (input.observedOn > today) return { ok: false, errors: { observedOn: "The date observed cannot be in the future." } };
  return db.transaction((tx) => {
    const at = nowIso();
    const status = csecStatusOf(youthId, tx);
    const alreadyConfirmed = status === "confirmed";
    const concern = tx
      .insert(csecConcerns)
      .values({
        programId: viewer.programId,
        youthId,
        raisedByUserId: viewer.userId,
        raisedAt: at,
        note: input.note ?? null,
        reviewStatus: alreadyConfirmed ? "confirmed" : "under_review",
        reviewedAt: alreadyConfirmed ? at : null,
        reviewNote: alreadyConfirmed ? "Recorded with the status already confirmed." : null,
      })
      .returning({ id: csecConcerns.id })
      .get();
    for (const indicator of input.indicators) {
      tx.insert(redFlags)
        .values({
          programId: viewer.programId,
          youthId,
          concernId: concern.id,
          indicator,
          observedByUserId: viewer.userId,
          observedOn: input.observedOn,
          note: null,
        })
        .run();
    }
    if (status === "none") {
      setStatus(tx, viewer, youthId, { from: "none", to: "concern", concernId: concern.id }, at);
    }
    auditChange(tx, viewer, {
      action: "csec.concern_raise",
      entityType: "csec_concern",
      entityId: concern.id,
      youthId,
      details: { indicators: input.indicators, statusBefore: status },
    });
    if (!alreadyConfirmed) concernRaised(tx, viewer, youthId);
    return { ok: true as const, id: concern.id };
  });
}

/** Who raised the youth's open concerns (they are told once the concern is reviewed). */
function openConcernRaisers(tx: Tx, youthId: number): number[] {
  return tx
    .selectDistinct({ id: csecConcerns.raisedByUserId })
    .from(csecConcerns)
    .where(and(eq(csecConcerns.youthId, youthId), inArray(csecConcerns.reviewStatus, [...OPEN_CONCERN_STATUSES])))
    .all()
    .map((r) => r.id);
}

/** The most recent open concern (under review or monitored), which a confirmation or clearing resolves. */
function latestOpenConcernId(tx: Tx, youthId: number): number | undefined {
  return tx
    .select({ id: csecConcerns.id })
    .from(csecConcerns)
    .where(and(eq(csecConcerns.youthId, youthId), inArray(csecConcerns.reviewStatus, [...OPEN_CONCERN_STATUSES])))
    .orderBy(desc(csecConcerns.raisedAt), desc(csecConcerns.id))
    .get()?.id;
}

function resolveOpenConcerns(tx: Tx, viewer: Viewer, youthId: number, outcome: "confirmed" | "cleared", note: string | null, at: string) {
  tx.update(csecConcerns)
    .set({ reviewStatus: outcome, reviewedByUserId: viewer.userId, reviewedAt: at, reviewNote: note, nextReviewOn: null })
    .where(and(eq(csecConcerns.youthId, youthId), inArray(csecConcerns.reviewStatus, [...OPEN_CONCERN_STATUSES])))
    .run();
}

/**
 * The third outcome of a review: neither confirmed nor cleared, kept under watch. The status
 * stays `concern`; the open concerns get the next review date, an optional referral, the
 * reviewer's own note, and what the advocate who raised it should keep doing (all they see).
 */
export function monitorConcern(
  inScope: YouthInScope,
  input: { nextReviewOn: string; referral?: string; guidance: string; note?: string },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "review:csec", "Only the youth's supervisor or the program lead can review a concern.");
  const today = calendarDateIn(new Date(), viewer.timeZone);
  if (input.nextReviewOn <= today) return { ok: false, errors: { nextReviewOn: "The next review must be after today." } };
  return db.transaction((tx) => {
    if (csecStatusOf(youthId, tx) !== "concern") {
      return { ok: false as const, errors: { _form: "There is no open concern to review; refresh the page to see the current status." } };
    }
    const at = nowIso();
    const raisers = openConcernRaisers(tx, youthId);
    const reviewed = tx
      .update(csecConcerns)
      .set({
        reviewStatus: "monitoring",
        reviewedByUserId: viewer.userId,
        reviewedAt: at,
        reviewNote: input.note ?? null,
        nextReviewOn: input.nextReviewOn,
        referral: input.referral ?? null,
        guidance: input.guidance,
      })
      .where(and(eq(csecConcerns.youthId, youthId), inArray(csecConcerns.reviewStatus, [...OPEN_CONCERN_STATUSES])))
      .returning({ id: csecConcerns.id })
      .all();
    if (reviewed.length === 0) {
      return { ok: false as const, errors: { _form: "There is no open concern to review; refresh the page to see the current status." } };
    }
    auditChange(tx, viewer, {
      action: "csec.monitor",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { concerns: reviewed.map((r) => r.id), nextReviewOn: input.nextReviewOn, referred: Boolean(input.referral) },
    });
    concernReviewed(tx, viewer, youthId, raisers, input.guidance);
    return { ok: true as const, id: youthId };
  });
}

/** Confirms the status with its basis: after review of a concern, or directly when the basis is known. */
export function confirmCsec(
  inScope: YouthInScope,
  input: { basis: CsecBasis; basisOn: string; note?: string },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "review:csec", "Only the youth's supervisor or the program lead can confirm CSEC status.");
  const today = calendarDateIn(new Date(), viewer.timeZone);
  if (input.basisOn > today) return { ok: false, errors: { basisOn: "The date of the confirmation cannot be in the future." } };
  return db.transaction((tx) => {
    const status = csecStatusOf(youthId, tx);
    if (status === "confirmed") {
      return { ok: false as const, errors: { _form: "The status is already confirmed; refresh the page to see it." } };
    }
    const at = nowIso();
    const raisers = openConcernRaisers(tx, youthId);
    const concernId = latestOpenConcernId(tx, youthId);
    setStatus(
      tx,
      viewer,
      youthId,
      { from: status, to: "confirmed", basis: input.basis, basisOn: input.basisOn, note: input.note, concernId },
      at,
    );
    resolveOpenConcerns(tx, viewer, youthId, "confirmed", input.note ?? null, at);
    auditChange(tx, viewer, {
      action: "csec.confirm",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { from: status, basis: input.basis, basisOn: input.basisOn },
    });
    concernReviewed(tx, viewer, youthId, raisers);
    return { ok: true as const, id: youthId };
  });
}

/** Clears a concern back to `none`, with the reason; the concern and its red flags stay in history. */
export function clearConcern(inScope: YouthInScope, input: { reason: string }, db: DbOrTx = getDb()): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "review:csec", "Only the youth's supervisor or the program lead can clear a concern.");
  return db.transaction((tx) => {
    const status = csecStatusOf(youthId, tx);
    if (status !== "concern") {
      return { ok: false as const, errors: { _form: "There is no open concern to clear; refresh the page to see the current status." } };
    }
    const at = nowIso();
    const raisers = openConcernRaisers(tx, youthId);
    setStatus(tx, viewer, youthId, { from: "concern", to: "none", note: input.reason, concernId: latestOpenConcernId(tx, youthId) }, at);
    resolveOpenConcerns(tx, viewer, youthId, "cleared", input.reason, at);
    auditChange(tx, viewer, {
      action: "csec.clear",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { from: "concern" },
    });
    concernReviewed(tx, viewer, youthId, raisers);
    return { ok: true as const, id: youthId };
  });
}

/**
 * The concerns the viewer raised that are still under review, on youth still in their scope:
 * all an advocate may know of concerns (that they raised it, and when).
 */
export function ownConcernsUnderReview(
  viewer: Viewer,
  db: DbOrTx = getDb(),
): Array<{ youthId: number; youthName: string; raisedAt: string }> {
  return db
    .select({ youthId: csecConcerns.youthId, firstName: youth.firstName, lastName: youth.lastName, raisedAt: csecConcerns.raisedAt })
    .from(csecConcerns)
    .innerJoin(youth, eq(youth.id, csecConcerns.youthId))
    .where(and(eq(csecConcerns.raisedByUserId, viewer.userId), eq(csecConcerns.reviewStatus, "under_review"), youthScopeCondition(viewer)))
    .orderBy(desc(csecConcerns.raisedAt))
    .all()
    .map(({ firstName, lastName, ...c }) => ({ ...c, youthName: displayName({ firstName, lastName }) }));
}

/**
 * How many concerns of a youth (by id, as SQL) await review, for a viewer who may know of
 * concerns at all; null for anyone else, who must not get the column (the CSEC rule).
 */
export function concernsAwaitingReviewSql(viewer: Viewer, youthId: SQLWrapper): SQL<number> | null {
  if (!mayKnowUnconfirmed(csecAudienceOf(viewer))) return null;
  const today = calendarDateIn(new Date(), viewer.timeZone);
  return sql<number>`(select count(*) from ${csecConcerns} where ${csecConcerns.youthId} = ${youthId}
    and ${awaitingReviewSql(today)})`;
}

export type ConcernAwaitingReview = {
  concernId: number;
  youthId: number;
  youthName: string;
  raisedAt: string;
  raisedBy: string;
  /** Raised after the viewer last reviewed a concern (or they never have). */
  isNew: boolean;
  /** Kept under watch, and its next review date has come: the date it was due. */
  reviewDueOn: string | null;
};

/**
 * Concerns awaiting review on the viewer's youth, for those who review them: the ones raised
 * since the viewer's last review first, then the rest; oldest first within each (the longest
 * waiting). Null for a viewer who may not know of concerns at all.
 */
export function concernsAwaitingReview(
  viewer: Viewer,
  limit: number,
  db: DbOrTx = getDb(),
  offset = 0,
): { rows: ConcernAwaitingReview[]; total: number; lastReviewedAt: string | null } | null {
  if (!mayKnowUnconfirmed(csecAudienceOf(viewer))) return null;
  const raiser = alias(users, "raiser");
  const lastReviewedAt =
    db
      .select({ at: sql<string | null>`max(${csecConcerns.reviewedAt})` })
      .from(csecConcerns)
      .where(and(eq(csecConcerns.programId, viewer.programId), eq(csecConcerns.reviewedByUserId, viewer.userId)))
      .get()?.at ?? null;
  const where = and(
    eq(csecConcerns.programId, viewer.programId),
    awaitingReviewSql(calendarDateIn(new Date(), viewer.timeZone)),
    youthScopeCondition(viewer, { youthId: csecConcerns.youthId, programId: csecConcerns.programId }),
  );
  const total = db.select({ n: count() }).from(csecConcerns).where(where).get()?.n ?? 0;
  const isNew =
    lastReviewedAt === null
      ? sql<number>`${csecConcerns.reviewStatus} = 'under_review'`
      : sql<number>`(${csecConcerns.reviewStatus} = 'under_review' and ${csecConcerns.raisedAt} > ${lastReviewedAt})`;
  // The page's concerns are chosen from csec_concerns alone (a program can have thousands
  // awaiting review, and joining each to its youth and raiser before sorting cost ~5 ms at the
  // 50k seed); names are read for the page only.
  const page = db
    .select({ id: csecConcerns.id })
    .from(csecConcerns)
    .where(where)
    .orderBy(desc(isNew), asc(sql`coalesce(${csecConcerns.nextReviewOn}, ${csecConcerns.raisedAt})`), asc(csecConcerns.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => r.id);
  const details = page.length
    ? db
        .select({
          concernId: csecConcerns.id,
          youthId: csecConcerns.youthId,
          firstName: youth.firstName,
          lastName: youth.lastName,
          raisedAt: csecConcerns.raisedAt,
          raisedBy: raiser.name,
          isNew,
          reviewDueOn: sql<string | null>`case when ${csecConcerns.reviewStatus} = 'monitoring' then ${csecConcerns.nextReviewOn} end`,
        })
        .from(csecConcerns)
        .innerJoin(youth, eq(youth.id, csecConcerns.youthId))
        .innerJoin(raiser, eq(raiser.id, csecConcerns.raisedByUserId))
        .where(inArray(csecConcerns.id, page))
        .all()
    : [];
  const byId = new Map(details.map((d) => [d.concernId, d]));
  const rows = page
    .map((id) => byId.get(id)!)
    .map(({ firstName, lastName, isNew, ...c }) => ({ ...c, youthName: displayName({ firstName, lastName }), isNew: Boolean(isNew) }));
  return { rows, total, lastReviewedAt };
}

export type MonitoredConcern = { concernId: number; youthId: number; youthName: string; nextReviewOn: string; referral: string | null };

/**
 * Concerns kept under watch whose next review has not come yet, soonest first, for those who
 * review them; null for a viewer who may not know of concerns.
 */
export function concernsMonitored(viewer: Viewer, limit: number, db: DbOrTx = getDb()): { rows: MonitoredConcern[]; total: number } | null {
  if (!mayKnowUnconfirmed(csecAudienceOf(viewer))) return null;
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const where = and(
    eq(csecConcerns.programId, viewer.programId),
    eq(csecConcerns.reviewStatus, "monitoring"),
    sql`${csecConcerns.nextReviewOn} > ${today}`,
    youthScopeCondition(viewer, { youthId: csecConcerns.youthId, programId: csecConcerns.programId }),
  );
  const total = db.select({ n: count() }).from(csecConcerns).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      concernId: csecConcerns.id,
      youthId: csecConcerns.youthId,
      firstName: youth.firstName,
      lastName: youth.lastName,
      nextReviewOn: sql<string>`${csecConcerns.nextReviewOn}`,
      referral: csecConcerns.referral,
    })
    .from(csecConcerns)
    .innerJoin(youth, eq(youth.id, csecConcerns.youthId))
    .where(where)
    .orderBy(asc(csecConcerns.nextReviewOn), asc(csecConcerns.id))
    .limit(limit)
    .all()
    .map(({ firstName, lastName, ...c }) => ({ ...c, youthName: displayName({ firstName, lastName }) }));
  return { rows, total };
}
