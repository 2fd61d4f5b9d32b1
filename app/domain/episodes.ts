/**
 * Runaway (missing) episodes: the checklist's steps, the questions for the youth's return, and
 * the clocks (how long missing, whether each report is due, overdue or made in time). The clocks
 * are pure functions of the episode and "now", so every page and test computes them the same way.
 *
 * Law enforcement and NCMEC are both to be told at once, within 24 hours of the youth going
 * missing at the latest (NCMEC: 1-800-THE-LOST).
 */
import { z } from "zod";

export const REPORT_DEADLINE_MS = 24 * 3_600_000;

/** Three or more episodes within this many days make a frequent runner. */
export const FREQUENT_RUNNER = { episodes: 3, days: 90 } as const;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A duration in plain words, rounded down: "45 min", "21 h", "1 day 21 h", "3 days". */
export function durationWords(ms: number): string {
  const m = Math.max(0, Math.floor(ms / MINUTE));
  if (m < 60) return m <= 1 ? "1 min" : `${m} min`;
  const h = Math.floor(ms / HOUR);
  if (h < 24) return `${h} h`;
  const d = Math.floor(ms / DAY);
  const rest = Math.floor((ms - d * DAY) / HOUR);
  return `${d} ${d === 1 ? "day" : "days"}${rest ? ` ${rest} h` : ""}`;
}

export type ReportKind = "law_enforcement" | "ncmec";
export const REPORT_LABELS: Record<ReportKind, string> = { law_enforcement: "Law enforcement", ncmec: "NCMEC" };

/**
 * Where a report stands. `due` and `overdue` only while the youth is missing; a returned youth's
 * report that was never recorded is `not_recorded`.
 */
export type ReportClock =
  | { state: "reported"; afterMs: number; late: boolean; words: string }
  | { state: "due"; leftMs: number; words: string }
  | { state: "overdue"; byMs: number; words: string }
  | { state: "not_recorded"; words: string };

export type EpisodeTimes = {
  leftAt: string;
  returnedAt: string | null;
  reportedToLawEnforcementAt: string | null;
  reportedToNcmecAt: string | null;
};

export function reportClock(kind: ReportKind, episode: EpisodeTimes, now: Date): ReportClock {
  const label = REPORT_LABELS[kind];
  const left = Date.parse(episode.leftAt);
  const reported = kind === "ncmec" ? episode.reportedToNcmecAt : episode.reportedToLawEnforcementAt;
  if (reported) {
    const afterMs = Math.max(0, Date.parse(reported) - left);
    const late = afterMs > REPORT_DEADLINE_MS;
    return {
      state: "reported",
      afterMs,
      late,
      words: `Reported to ${label} ${durationWords(afterMs)} after going missing${late ? " (late)" : ""}`,
    };
  }
  if (episode.returnedAt) return { state: "not_recorded", words: `No ${label} report recorded` };
  const deadline = left + REPORT_DEADLINE_MS;
  const nowMs = now.getTime();
  if (nowMs < deadline) {
    return {
      state: "due",
      leftMs: deadline - nowMs,
      words: `${label} report due now: at the latest in ${durationWords(deadline - nowMs)}`,
    };
  }
  return { state: "overdue", byMs: nowMs - deadline, words: `${label} report not recorded: ${durationWords(nowMs - deadline)} overdue` };
}

/** Both reports' clocks, law enforcement first: what every banner, list and checklist shows. */
export function reportClocks(episode: EpisodeTimes, now: Date): Array<ReportClock & { kind: ReportKind }> {
  return (["law_enforcement", "ncmec"] as const).map((kind) => ({ kind, ...reportClock(kind, episode, now) }));
}

/** "Missing 1 day 21 h" while missing; "Missing for 3 days" once returned. */
export function missingWords(episode: Pick<EpisodeTimes, "leftAt" | "returnedAt">, now: Date): string {
  const left = Date.parse(episode.leftAt);
  if (episode.returnedAt) return `Missing for ${durationWords(Date.parse(episode.returnedAt) - left)}`;
  return `Missing ${durationWords(now.getTime() - left)}`;
}

/** Whether the youth ran often enough lately to be flagged (three or more episodes in 90 days). */
export function isFrequentRunner(leftAts: readonly string[], now: Date): boolean {
  const since = now.getTime() - FREQUENT_RUNNER.days * DAY;
  return leftAts.filter((at) => Date.parse(at) >= since && Date.parse(at) <= now.getTime()).length >= FREQUENT_RUNNER.episodes;
}

/** The reports still open on a missing youth, most urgent first, for lists and banners. */
export function unreported(episode: EpisodeTimes, now: Date): Array<ReportClock & { kind: ReportKind }> {
  return reportClocks(episode, now)
    .filter((c) => c.state === "due" || c.state === "overdue")
    .sort((a, b) => (a.state === b.state ? 0 : a.state === "overdue" ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// The checklist

export const EPISODE_STEPS = ["left", "law_enforcement", "ncmec", "notified", "returned", "conversation"] as const;
export type EpisodeStep = (typeof EPISODE_STEPS)[number];

export const EPISODE_STEP_LABELS: Record<EpisodeStep, string> = {
  left: "Went missing",
  law_enforcement: "Reported to law enforcement",
  ncmec: "Reported to NCMEC",
  notified: "Team notified",
  returned: "Returned",
  conversation: "Return conversation",
};

/** Who is told when a youth goes missing, and the episode column that records when. */
export const NOTIFIED_PARTIES = [
  { key: "csw", label: "CSW", column: "cswNotifiedAt" },
  { key: "attorney", label: "Attorney", column: "attorneyNotifiedAt" },
  { key: "casa", label: "CASA advocate", column: "casaNotifiedAt" },
  { key: "court", label: "Court", column: "courtNotifiedAt" },
  { key: "caregiver", label: "Caregiver", column: "caregiverNotifiedAt" },
] as const;

/** The non-judgemental questions for when the youth returns (from the program's guidance). */
export const RETURN_QUESTIONS = [
  { key: "why_left", text: "What led you to leave placement?" },
  { key: "support", text: "Is there a way we can support you differently, so you don't feel the need to leave?" },
  { key: "where", text: "If you feel comfortable telling me, where did you go while you were away?" },
  { key: "safety_plan", text: "Would you be open to discussing a safety plan?" },
] as const;
export type ReturnQuestionKey = (typeof RETURN_QUESTIONS)[number]["key"];
export const RETURN_ANSWER_STATES = ["asked", "declined"] as const;
export type ReturnAnswer = { status: (typeof RETURN_ANSWER_STATES)[number]; note: string | null };

const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || undefined)
    .optional();
const required = (max: number, missing: string, tooLong: string) => z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);
const localDateTime = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, missing);
const optionalLocalDateTime = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), "Enter a date and time, or leave it empty.")
  .transform((v) => v || undefined)
  .optional();

export const reportMissingSchema = z.object({
  leftAt: localDateTime("Enter when the youth was last seen or left."),
  leftFrom: required(300, "Say where the youth left from (the placement, school, a visit ...).", "Keep it under 300 characters."),
  noticedBy: text(200, "Keep it under 200 characters."),
  circumstances: text(4000, "Keep it under 4000 characters."),
});

export const reportStepSchema = z.object({
  reportedAt: localDateTime("Enter when the report was made."),
  agency: text(200, "Keep it under 200 characters."),
  reference: text(100, "Keep the number under 100 characters."),
});

export const notifiedStepSchema = z.object(
  Object.fromEntries(NOTIFIED_PARTIES.map((p) => [p.key, optionalLocalDateTime])) as Record<
    (typeof NOTIFIED_PARTIES)[number]["key"],
    typeof optionalLocalDateTime
  >,
);

export const returnedStepSchema = z.object({
  returnedAt: localDateTime("Enter when the youth came back or was found."),
  foundAt: text(300, "Keep it under 300 characters."),
  foundBy: text(200, "Keep it under 200 characters."),
});

const answerState = z
  .enum(["", ...RETURN_ANSWER_STATES], { error: "Choose asked or declined, or leave the question open." })
  .optional()
  .transform((v) => v || undefined);
const answerNote = text(2000, "Keep the note under 2000 characters.");
export const conversationStepSchema = z.object({
  conversationAt: localDateTime("Enter when you talked with the youth."),
  q_why_left: answerState,
  q_why_left_note: answerNote,
  q_support: answerState,
  q_support_note: answerNote,
  q_where: answerState,
  q_where_note: answerNote,
  q_safety_plan: answerState,
  q_safety_plan_note: answerNote,
  healthResourcesOffered: z.literal("on", { error: "Tick the box, or leave it clear." }).optional(),
  safetyPlanReviewed: z.literal("on", { error: "Tick the box, or leave it clear." }).optional(),
});
export type ConversationInput = z.output<typeof conversationStepSchema>;

/** The answers a conversation form sent, as stored: only the questions marked asked or declined. */
export function returnAnswersOf(input: ConversationInput): Partial<Record<ReturnQuestionKey, ReturnAnswer>> {
  const out: Partial<Record<ReturnQuestionKey, ReturnAnswer>> = {};
  for (const q of RETURN_QUESTIONS) {
    const status = input[`q_${q.key}`];
    if (status) out[q.key] = { status, note: input[`q_${q.key}_note`] ?? null };
  }
  return out;
}

/** The stored answers of the return conversation, tolerating anything malformed in the column. */
export function parseReturnAnswers(json: string): Partial<Record<ReturnQuestionKey, ReturnAnswer>> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== "object") return {};
  const out: Partial<Record<ReturnQuestionKey, ReturnAnswer>> = {};
  for (const q of RETURN_QUESTIONS) {
    const a = (value as Record<string, unknown>)[q.key];
    if (a && typeof a === "object" && "status" in a && (a.status === "asked" || a.status === "declined")) {
      const note = "note" in a && typeof a.note === "string" ? a.note : null;
      out[q.key] = { status: a.status, note };
    }
  }
  return out;
}
