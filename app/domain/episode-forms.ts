/**
 * The runaway checklist's forms as zod schemas (reporting a youth missing, each step, the return
 * conversation), for the actions that read them. Apart from episodes.ts so that the pages which
 * only show episodes (clocks, labels, the frequent-runner flag) do not load zod: a route module's
 * imports used only by its action are left out of the browser's bundle.
 */
import { z } from "zod";
import { NOTIFIED_PARTIES, RETURN_ANSWER_STATES, RETURN_QUESTIONS, type ReturnAnswer, type ReturnQuestionKey } from "./episodes";

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
