/**
 * Runaway (missing) episodes: the checklist's steps, the questions for the youth's return, and
 * the clocks (how long missing, whether each report is due, overdue or made in time). The clocks
 * are pure functions of the episode and "now", so every page and test computes them the same way.
 *
 * Law enforcement and NCMEC are both to be told at once, within 24 hours of the youth going
 * missing at the latest (NCMEC: 1-800-THE-LOST).
 *
 * No zod here: the youth page and the episode page show episodes with these clocks and labels;
 * the checklist forms' schemas are in episode-forms.ts, loaded by the actions that read them.
 */

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
