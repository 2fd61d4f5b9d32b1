/**
 * Runaway (missing) episodes of a youth: recording one step by step (each save with who and
 * when), and reading them. The youth's page header, the timeline, the court draft and the MDT
 * agenda read episodes here and nowhere else.
 */
import { and, asc, desc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { z } from "zod";
import { runawayEpisodes, runawayEpisodeSteps, users } from "../../db/schema";
import { zonedLocalToUtc } from "../domain/dates";
import {
  returnAnswersOf,
  type ConversationInput,
  type reportMissingSchema,
  type reportStepSchema,
  type returnedStepSchema,
} from "../domain/episode-forms";
import {
  EPISODE_STEPS,
  missingWords,
  NOTIFIED_PARTIES,
  reportClocks,
  unreported,
  parseReturnAnswers,
  type ReportClock,
  type EpisodeStep,
  type ReturnAnswer,
  type ReturnQuestionKey,
} from "../domain/episodes";
import { staleEdit, type FieldErrors, type StaleEdit, type WriteResult } from "../domain/forms";
import { auditChange } from "./audit.server";
import { youthMissing } from "./notify-events.server";
import { getDb, nowIso, type Db, type DbOrTx } from "./db.server";
import { notFound, requirePermission, type YouthInScope } from "./scope.server";

type ReportMissingInput = z.output<typeof reportMissingSchema>;
type ReportStepInput = z.output<typeof reportStepSchema>;
type ReturnedStepInput = z.output<typeof returnedStepSchema>;

export type EpisodeSummary = { id: number; leftAt: string; leftFrom: string | null; returnedAt: string | null };

export type MissingNow = {
  id: number;
  leftAt: string;
  leftFrom: string | null;
  reportedToLawEnforcementAt: string | null;
  reportedToNcmecAt: string | null;
  /** "Missing 1 day 21 h", as of the read. */
  words: string;
  /** Each report's clock (due, overdue, or reported and how soon), as of the read. */
  clocks: ReportClock[];
};

/** The open episode, when the youth is missing now, with its clocks as of `now`. */
export function missingNow(inScope: YouthInScope, db: DbOrTx = getDb(), now: Date = new Date()): MissingNow | null {
  const open = db
    .select({
      id: runawayEpisodes.id,
      leftAt: runawayEpisodes.leftAt,
      leftFrom: runawayEpisodes.leftFrom,
      reportedToLawEnforcementAt: runawayEpisodes.reportedToLawEnforcementAt,
      reportedToNcmecAt: runawayEpisodes.reportedToNcmecAt,
    })
    .from(runawayEpisodes)
    .where(and(eq(runawayEpisodes.youthId, inScope.youthId), isNull(runawayEpisodes.returnedAt)))
    .orderBy(desc(runawayEpisodes.leftAt))
    .get();
  if (!open) return null;
  const times = { ...open, returnedAt: null };
  return {
    ...open,
    words: missingWords(times, now),
    clocks: reportClocks(times, now),
  };
}

/** While a youth is missing: for how long, and the reports not yet recorded ("NCMEC report ... overdue"). */
export type MissingClock = { episodeId: number; words: string; unreported: Array<{ state: "due" | "overdue"; words: string }> };

/** For those of these youth (already in the viewer's scope) who are missing now, their clocks. */
export function missingClocks(youthIds: readonly number[], db: DbOrTx = getDb(), now = new Date()): Map<number, MissingClock> {
  const open = youthIds.length
    ? db
        .select({
          id: runawayEpisodes.id,
          youthId: runawayEpisodes.youthId,
          leftAt: runawayEpisodes.leftAt,
          reportedToLawEnforcementAt: runawayEpisodes.reportedToLawEnforcementAt,
          reportedToNcmecAt: runawayEpisodes.reportedToNcmecAt,
        })
        .from(runawayEpisodes)
        .where(and(inArray(runawayEpisodes.youthId, [...youthIds]), isNull(runawayEpisodes.returnedAt)))
        .all()
    : [];
  const clocks = new Map<number, MissingClock>();
  for (const e of open) {
    const times = { ...e, returnedAt: null };
    clocks.set(e.youthId, {
      episodeId: e.id,
      words: missingWords(times, now),
      unreported: unreported(times, now).flatMap((c) =>
        c.state === "due" || c.state === "overdue" ? [{ state: c.state, words: c.words }] : [],
      ),
    });
  }
  return clocks;
}

/** Which of these youth (already in the viewer's scope) are missing now. */
export function missingAmong(youthIds: readonly number[], db: DbOrTx = getDb()): Set<number> {
  return new Set(missingClocks(youthIds, db).keys());
}

/**
 * Episodes newest first: all of them, or (with `since`, an instant) those that began since then
 * and any still open.
 */
export function listEpisodes(inScope: YouthInScope, opts: { since?: string } = {}, db: DbOrTx = getDb()): EpisodeSummary[] {
  return db
    .select({
      id: runawayEpisodes.id,
      leftAt: runawayEpisodes.leftAt,
      returnedAt: runawayEpisodes.returnedAt,
      leftFrom: runawayEpisodes.leftFrom,
    })
    .from(runawayEpisodes)
    .where(
      and(
        eq(runawayEpisodes.youthId, inScope.youthId),
        opts.since === undefined ? undefined : or(isNull(runawayEpisodes.returnedAt), gte(runawayEpisodes.leftAt, opts.since)),
      ),
    )
    .orderBy(desc(runawayEpisodes.leftAt), desc(runawayEpisodes.id))
    .all();
}

// ---------------------------------------------------------------------------------------------
// The checklist: one episode, its steps, and who saved each

export type EpisodeDetail = {
  id: number;
  youthId: number;
  version: number;
  leftAt: string;
  leftFrom: string | null;
  noticedBy: string | null;
  circumstances: string | null;
  reportedToLawEnforcementAt: string | null;
  lawEnforcementAgency: string | null;
  lawEnforcementReportNumber: string | null;
  reportedToNcmecAt: string | null;
  ncmecCaseNumber: string | null;
  notified: Array<{ key: (typeof NOTIFIED_PARTIES)[number]["key"]; label: string; at: string | null }>;
  returnedAt: string | null;
  foundAt: string | null;
  foundBy: string | null;
  returnConversationAt: string | null;
  returnAnswers: Partial<Record<ReturnQuestionKey, ReturnAnswer>>;
  healthResourcesOfferedAt: string | null;
  safetyPlanReviewedAt: string | null;
  /** The latest save of each step: who and when. */
  steps: Partial<Record<EpisodeStep, { by: string; at: string }>>;
};

/** One episode of this youth, or a 404 (an episode of another youth exists nowhere for this page). */
export function getEpisode(inScope: YouthInScope, episodeId: number, db: DbOrTx = getDb()): EpisodeDetail {
  const e = db
    .select()
    .from(runawayEpisodes)
    .where(and(eq(runawayEpisodes.id, episodeId), eq(runawayEpisodes.youthId, inScope.youthId)))
    .get();
  if (!e) notFound("Episode");
  const steps: EpisodeDetail["steps"] = {};
  for (const s of db
    .select({ step: runawayEpisodeSteps.step, at: runawayEpisodeSteps.recordedAt, by: users.name })
    .from(runawayEpisodeSteps)
    .innerJoin(users, eq(users.id, runawayEpisodeSteps.recordedByUserId))
    .where(eq(runawayEpisodeSteps.episodeId, episodeId))
    .orderBy(asc(runawayEpisodeSteps.recordedAt), asc(runawayEpisodeSteps.id))
    .all()) {
    if ((EPISODE_STEPS as readonly string[]).includes(s.step)) steps[s.step as EpisodeStep] = { by: s.by, at: s.at };
  }
  return {
    id: e.id,
    youthId: e.youthId,
    version: e.version,
    leftAt: e.leftAt,
    leftFrom: e.leftFrom,
    noticedBy: e.noticedBy,
    circumstances: e.circumstances,
    reportedToLawEnforcementAt: e.reportedToLawEnforcementAt,
    lawEnforcementAgency: e.lawEnforcementAgency,
    lawEnforcementReportNumber: e.lawEnforcementReportNumber,
    reportedToNcmecAt: e.reportedToNcmecAt,
    ncmecCaseNumber: e.ncmecCaseNumber,
    notified: NOTIFIED_PARTIES.map((p) => ({ key: p.key, label: p.label, at: e[p.column] })),
    returnedAt: e.returnedAt,
    foundAt: e.foundAt,
    foundBy: e.foundBy,
    returnConversationAt: e.returnConversationAt,
    returnAnswers: parseReturnAnswers(e.returnQuestions),
    healthResourcesOfferedAt: e.healthResourcesOfferedAt,
    safetyPlanReviewedAt: e.safetyPlanReviewedAt,
    steps,
  };
}

/** A datetime-local value of the program's zone as an instant, or a field error. */
function instant(
  local: string,
  timeZone: string,
  field: string,
  errors: FieldErrors,
  notBefore?: { at: string; message: string },
): string | null {
  const at = zonedLocalToUtc(local, timeZone);
  if (!at) {
    errors[field] = "Enter a real date and time.";
    return null;
  }
  if (Date.parse(at) > Date.now() + FUTURE_SLACK_MS) errors[field] = "This cannot be in the future.";
  else if (notBefore && at < notBefore.at) errors[field] = notBefore.message;
  return at;
}

/** A few minutes of clock drift between the person's device and the server are forgiven. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Records that the youth is missing: the first step of the checklist. Refused while an episode
 * of the youth is still open (record the return first), so there is one "missing now" at a time.
 */
export function reportMissing(inScope: YouthInScope, input: ReportMissingInput, db: Db = getDb()): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot record a missing youth.");
  const errors: FieldErrors = {};
  const leftAt = instant(input.leftAt, viewer.timeZone, "leftAt", errors);
  if (!leftAt || Object.keys(errors).length) return { ok: false, errors };
  return db.transaction((tx) => {
    if (missingNow(inScope, tx)) {
      return {
        ok: false as const,
        errors: { _form: "This youth is already recorded as missing. Open that episode and record the return first." },
      };
    }
    const at = nowIso();
    const row = tx
      .insert(runawayEpisodes)
      .values({
        programId: viewer.programId,
        youthId,
        leftAt,
        leftFrom: input.leftFrom,
        noticedBy: input.noticedBy ?? null,
        circumstances: input.circumstances ?? null,
        createdByUserId: viewer.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: runawayEpisodes.id })
      .get();
    tx.insert(runawayEpisodeSteps)
      .values({ programId: viewer.programId, episodeId: row.id, step: "left", recordedByUserId: viewer.userId, recordedAt: at })
      .run();
    auditChange(tx, viewer, {
      action: "episode.report_missing",
      entityType: "runaway_episode",
      entityId: row.id,
      youthId,
      details: { leftAt },
    });
    youthMissing(tx, viewer, youthId, row.id);
    return { ok: true as const, id: row.id };
  });
}

export type StepInput =
  | { step: "left"; input: ReportMissingInput }
  | { step: "law_enforcement" | "ncmec"; input: ReportStepInput }
  | { step: "notified"; input: Partial<Record<(typeof NOTIFIED_PARTIES)[number]["key"], string>> }
  | { step: "returned"; input: ReturnedStepInput }
  | { step: "conversation"; input: ConversationInput };

/** The episode's columns a step sets, from its form (times in the program's zone), or field errors. */
function stepValues(
  s: StepInput,
  episode: { leftAt: string; returnedAt: string | null },
  timeZone: string,
): { values: Partial<typeof runawayEpisodes.$inferInsert>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const afterLeft = { at: episode.leftAt, message: "This cannot be before the youth went missing." };
  switch (s.step) {
    case "left": {
      const leftAt = instant(s.input.leftAt, timeZone, "leftAt", errors);
      if (leftAt && episode.returnedAt && leftAt > episode.returnedAt) errors.leftAt = "This cannot be after the youth returned.";
      return {
        values: {
          leftAt: leftAt ?? undefined,
          leftFrom: s.input.leftFrom,
          noticedBy: s.input.noticedBy ?? null,
          circumstances: s.input.circumstances ?? null,
        },
        errors,
      };
    }
    case "law_enforcement":
    case "ncmec": {
      const at = instant(s.input.reportedAt, timeZone, "reportedAt", errors, afterLeft);
      return s.step === "ncmec"
        ? { values: { reportedToNcmecAt: at, ncmecCaseNumber: s.input.reference ?? null }, errors }
        : {
            values: {
              reportedToLawEnforcementAt: at,
              lawEnforcementAgency: s.input.agency ?? null,
              lawEnforcementReportNumber: s.input.reference ?? null,
            },
            errors,
          };
    }
    case "notified": {
      const values: Partial<typeof runawayEpisodes.$inferInsert> = {};
      for (const p of NOTIFIED_PARTIES) {
        const local = s.input[p.key];
        values[p.column] = local ? instant(local, timeZone, p.key, errors, afterLeft) : null;
      }
      return { values, errors };
    }
    case "returned": {
      const at = instant(s.input.returnedAt, timeZone, "returnedAt", errors, {
        at: episode.leftAt,
        message: "The return cannot be before the youth went missing.",
      });
      return { values: { returnedAt: at, foundAt: s.input.foundAt ?? null, foundBy: s.input.foundBy ?? null }, errors };
    }
    case "conversation": {
      if (!episode.returnedAt) errors._form = "Record the return first: the conversation happens once the youth is back.";
      const at = instant(
        s.input.conversationAt,
        timeZone,
        "conversationAt",
        errors,
        episode.returnedAt ? { at: episode.returnedAt, message: "The conversation cannot be before the return." } : undefined,
      );
      const answers = returnAnswersOf(s.input);
      return {
        values: {
          returnConversationAt: at,
          returnQuestions: JSON.stringify(answers),
          healthResourcesOfferedAt: s.input.healthResourcesOffered ? at : null,
          safetyPlanReviewedAt: s.input.safetyPlanReviewed ? at : null,
        },
        errors,
      };
    }
  }
}

/**
 * Saves one step of the checklist. `baseVersion` is the episode's version the form showed: a save
 * from an older form is refused with the episode as it is now (two people recording the same
 * youth's reports cannot undo each other's entries).
 */
export function recordEpisodeStep(
  inScope: YouthInScope,
  episodeId: number,
  s: StepInput,
  baseVersion: number,
  db: Db = getDb(),
): WriteResult | StaleEdit<EpisodeDetail> {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot change this youth's record.");
  return db.transaction((tx) => {
    const current = getEpisode(inScope, episodeId, tx);
    if (current.version !== baseVersion) return staleEdit(current);
    const { values, errors } = stepValues(s, current, viewer.timeZone);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const at = nowIso();
    tx.update(runawayEpisodes)
      .set({ ...values, version: baseVersion + 1, updatedAt: at })
      .where(and(eq(runawayEpisodes.id, episodeId), eq(runawayEpisodes.version, baseVersion)))
      .run();
    tx.insert(runawayEpisodeSteps)
      .values({ programId: viewer.programId, episodeId, step: s.step, recordedByUserId: viewer.userId, recordedAt: at })
      .run();
    auditChange(tx, viewer, {
      action: `episode.${s.step}`,
      entityType: "runaway_episode",
      entityId: episodeId,
      youthId,
      details: { step: s.step, fields: Object.keys(values) },
    });
    return { ok: true as const, id: episodeId };
  });
}
