/**
 * The court report as it is finished and filed: the draft built from the record
 * (`courtDraftOf`, the CSEC rule's `court` audience), the sections the advocate writes
 * (observations, the youth's wishes, recommendations, the next hearing), and the check of
 * person-written text for CSEC words before it is printed or downloaded.
 */
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { courtReports, courtReportVersions, courtTextConfirmations, users } from "../../db/schema";
import { COURT_SECTION_FIELDS, COURT_SECTION_LABELS, type CourtSectionField } from "../domain/court-sections";
import { flagCourtText, type CourtTextSource, type FlaggedPassage } from "../domain/court-words";
import { formatDate, isCalendarDate } from "../domain/dates";
import { staleEdit, type StaleEdit, type WriteResult } from "../domain/forms";
import { can } from "../domain/permissions";
import { auditChange, readAudited } from "./audit.server";
import { getDb, nowIso, type Db, type DbOrTx } from "./db.server";
import { courtDraftOf, defaultCourtPeriod, type CourtDraft } from "./packets.server";
import { requirePermission, requireYouthInScope, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type CourtSectionsInput = Record<CourtSectionField, string> & { nextHearingOn: string | null };

export type CourtSections = CourtSectionsInput & {
  /** 0 before the first save; grows with each save (a stale form is refused). */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Every saved version, newest first. */
  versions: Array<CourtSectionsInput & { version: number; savedBy: string; savedAt: string }>;
};

export type CourtTextCheck = {
  /** The passages of person-written text that name CSEC words; empty once the status is confirmed. */
  flagged: FlaggedPassage[];
  /** Identifies exactly these passages: a confirmation holds for them and no others. */
  hash: string | null;
  /** Who confirmed these passages may go to the court, and when; null when nobody has (yet). */
  confirmed: { by: string; at: string } | null;
  /** Printing and downloading wait for a confirmation. */
  blocked: boolean;
};

export type CourtReport = {
  draft: CourtDraft;
  sections: CourtSections;
  canEdit: boolean;
  check: CourtTextCheck;
};

/** The period a court draft covers, from `?from=&to=` (calendar days), else the last six months. */
export function courtPeriodOf(url: URL, viewer: Viewer): { from: string; to: string } {
  const fallback = defaultCourtPeriod(viewer);
  const day = (v: string | null) => (v && isCalendarDate(v) ? v : null);
  const from = day(url.searchParams.get("from")) ?? fallback.from;
  const to = day(url.searchParams.get("to")) ?? fallback.to;
  return from <= to ? { from, to } : fallback;
}

export function courtSectionsOf(inScope: YouthInScope, db: DbOrTx = getDb()): CourtSections {
  const current = db
    .select({
      observations: courtReports.observations,
      wishes: courtReports.wishes,
      recommendations: courtReports.recommendations,
      nextHearingOn: courtReports.nextHearingOn,
      version: courtReports.version,
      updatedBy: users.name,
      updatedAt: courtReports.updatedAt,
    })
    .from(courtReports)
    .innerJoin(users, eq(users.id, courtReports.updatedByUserId))
    .where(eq(courtReports.youthId, inScope.youthId))
    .get();
  const versions = db
    .select({
      version: courtReportVersions.version,
      observations: courtReportVersions.observations,
      wishes: courtReportVersions.wishes,
      recommendations: courtReportVersions.recommendations,
      nextHearingOn: courtReportVersions.nextHearingOn,
      savedBy: users.name,
      savedAt: courtReportVersions.savedAt,
    })
    .from(courtReportVersions)
    .innerJoin(users, eq(users.id, courtReportVersions.savedByUserId))
    .where(eq(courtReportVersions.youthId, inScope.youthId))
    .orderBy(desc(courtReportVersions.version))
    .all();
  return current
    ? { ...current, versions }
    : { observations: "", wishes: "", recommendations: "", nextHearingOn: null, version: 0, updatedBy: null, updatedAt: null, versions };
}

/**
 * Saves the advocate's sections as a new version of the draft (the earlier ones are kept), or
 * refuses a form opened before someone else's save, with what is saved now.
 */
export function saveCourtSections(
  inScope: YouthInScope,
  input: CourtSectionsInput,
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<CourtSections> {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot write the court report.");
  return db.transaction((tx) => {
    const current = courtSectionsOf(inScope, tx);
    if (current.version !== baseVersion) return staleEdit(current);
    const version = current.version + 1;
    const at = nowIso();
    const values = { ...input, version, updatedByUserId: viewer.userId, updatedAt: at };
    tx.insert(courtReports)
      .values({ youthId, programId: viewer.programId, ...values })
      .onConflictDoUpdate({ target: courtReports.youthId, set: values })
      .run();
    tx.insert(courtReportVersions)
      .values({ programId: viewer.programId, youthId, version, ...input, savedByUserId: viewer.userId, savedAt: at })
      .run();
    const changed = ([...COURT_SECTION_FIELDS, "nextHearingOn"] as const).filter((k) => (input[k] ?? null) !== (current[k] ?? null));
    auditChange(tx, viewer, {
      action: "court_report.save",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { version, changed },
    });
    return { ok: true as const, id: youthId };
  });
}

/** Every piece of person-written text the draft carries to the court, with where it comes from. */
export function courtTextSources(draft: CourtDraft, sections: CourtSectionsInput, timeZone: string): CourtTextSource[] {
  const o = draft.overview;
  return [
    ...COURT_SECTION_FIELDS.map((k) => ({ source: COURT_SECTION_LABELS[k], text: sections[k] })),
    ...o.placementHistory.flatMap((p) => [
      { source: `Placement since ${formatDate(p.startedOn, timeZone)}: description`, text: p.description },
      { source: `Placement since ${formatDate(p.startedOn, timeZone)}: reason it ended`, text: p.endReason },
    ]),
    ...draft.team.map((t) => ({ source: `The team: ${t.role}`, text: `${t.name}${t.organization ? `, ${t.organization}` : ""}` })),
    ...draft.meetings.map((m) => ({ source: `MDT meeting of ${formatDate(m.scheduledAt, timeZone)}: decisions`, text: m.decisions })),
    ...draft.actions.flatMap((a) => [
      { source: "Action item", text: a.description },
      { source: "Action item: reason dropped", text: a.dropReason },
    ]),
  ];
}

function hashPassages(flagged: FlaggedPassage[]): string {
  return createHash("sha256")
    .update(JSON.stringify(flagged.map((f) => [f.source, f.passage])))
    .digest("hex");
}

/**
 * CSEC words in the draft's person-written text, while the youth's status is not confirmed
 * (whatever it is: none or a concern, so the warning says nothing about which), and whether
 * someone has confirmed exactly these passages may go to the court.
 */
export function checkCourtText(inScope: YouthInScope, draft: CourtDraft, sections: CourtSectionsInput, db: DbOrTx): CourtTextCheck {
  if (draft.csec.kind === "confirmed") return { flagged: [], hash: null, confirmed: null, blocked: false };
  const flagged = flagCourtText(courtTextSources(draft, sections, inScope.viewer.timeZone));
  if (flagged.length === 0) return { flagged, hash: null, confirmed: null, blocked: false };
  const hash = hashPassages(flagged);
  const confirmed =
    db
      .select({ by: users.name, at: courtTextConfirmations.confirmedAt })
      .from(courtTextConfirmations)
      .innerJoin(users, eq(users.id, courtTextConfirmations.confirmedByUserId))
      .where(and(eq(courtTextConfirmations.youthId, inScope.youthId), eq(courtTextConfirmations.passagesHash, hash)))
      .orderBy(desc(courtTextConfirmations.confirmedAt))
      .get() ?? null;
  return { flagged, hash, confirmed, blocked: confirmed === null };
}

function reportOf(inScope: YouthInScope, period: { from: string; to: string }, db: DbOrTx): CourtReport {
  const draft = courtDraftOf(inScope, period, db);
  const sections = courtSectionsOf(inScope, db);
  return { draft, sections, canEdit: can(inScope.viewer.role, "write:case"), check: checkCourtText(inScope, draft, sections, db) };
}

/** The court report page: the draft, the advocate's sections and the check; audited as a read. */
export function getCourtReport(viewer: Viewer, youthId: number, period: { from: string; to: string }, db: Db = getDb()): CourtReport {
  return readAudited(viewer, "court_draft.view", youthId, (tx) => reportOf(requireYouthInScope(viewer, youthId, tx), period, tx), db);
}

/**
 * The report for a Word download, audited as one; or `blocked` while flagged passages wait for a
 * confirmation (nothing is read out then, and nothing is logged as downloaded).
 */
export function downloadCourtReport(
  viewer: Viewer,
  youthId: number,
  period: { from: string; to: string },
  db: Db = getDb(),
): { ok: true; report: CourtReport } | { ok: false; blocked: true } {
  return db.transaction((tx) => {
    const report = reportOf(requireYouthInScope(viewer, youthId, tx), period, tx);
    if (report.check.blocked) return { ok: false as const, blocked: true as const };
    auditChange(tx, viewer, {
      action: "court_draft.download",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { format: "docx", from: period.from, to: period.to, confirmedPassages: report.check.flagged.length },
    });
    return { ok: true as const, report };
  });
}

/**
 * A person confirms that the flagged passages, exactly as they were shown (`hash`), may go to
 * the court. Refused when the text has changed since (the passages must be read again). The
 * audit row records how many passages and from where, not the words themselves (the audit log
 * is read by people outside the small circle).
 */
export function confirmCourtText(
  inScope: YouthInScope,
  period: { from: string; to: string },
  hash: string,
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot confirm court text.");
  return db.transaction((tx) => {
    const { check } = reportOf(inScope, period, tx);
    if (check.hash === null) return { ok: false as const, errors: { _form: "There is nothing to confirm: no passage is flagged now." } };
    if (check.hash !== hash)
      return {
        ok: false as const,
        errors: { _form: "The text changed since you read it. Read the passages below again before confirming." },
      };
    const row = tx
      .insert(courtTextConfirmations)
      .values({ programId: viewer.programId, youthId, passagesHash: hash, confirmedByUserId: viewer.userId, confirmedAt: nowIso() })
      .returning({ id: courtTextConfirmations.id })
      .get();
    auditChange(tx, viewer, {
      action: "court_draft.confirm_text",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { confirmation: row.id, passages: check.flagged.length, sources: [...new Set(check.flagged.map((f) => f.source))] },
    });
    return { ok: true as const, id: row.id };
  });
}
