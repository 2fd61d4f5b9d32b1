/**
 * The forms of a case's life: taking a youth in, a placement change, closing and reopening, and
 * who is assigned. Parsed at the action; the checks that need the database (a case number already
 * used, an advocate who is not in the program) are the server's. The close reasons, their labels
 * and MAX_ADVOCATES are in case-lifecycle.ts, apart, so the pages that show them load no zod.
 */
import { z } from "zod";
import { CLOSE_REASONS, MAX_ADVOCATES } from "./case-lifecycle";
import { isCalendarDate } from "./dates";
import { PLACEMENT_TYPES } from "./youth";
import { optionalText, requiredText } from "./youth-forms";

const day = (message: string) => z.string({ error: message }).trim().refine(isCalendarDate, message);
/**
 * A person picked in a form: a user id (from a list) or an email address (typed, in a program too
 * large to list everyone). The server resolves it to one active member of the right role.
 */
const personRef = z.string().trim().max(254, "Keep the email under 254 characters.");
const optionalPersonRef = personRef.optional().transform((v) => (v ? v : undefined));
const advocateRefs = z
  .array(personRef)
  .transform((refs) => [...new Set(refs.filter((r) => r !== "").map((r) => r.toLowerCase()))])
  .refine((refs) => refs.length <= MAX_ADVOCATES, `Assign at most ${MAX_ADVOCATES} advocates.`);

export const placementFields = {
  placementType: z.enum(PLACEMENT_TYPES, { error: "Choose the type of placement." }),
  placementDescription: optionalText(120, "Keep the home or facility under 120 characters."),
  placementSince: day("Enter the date the youth was placed there."),
};

/** Taking a youth in: who, the case number, where they live, who is assigned. */
export const intakeSchema = z.object({
  firstName: requiredText(60, "Enter the youth's first name or initial."),
  lastName: requiredText(60, "Enter the youth's last name or initial."),
  dateOfBirth: day("Enter the youth's date of birth."),
  caseNumber: z
    .string({ error: "Enter the dependency case number." })
    .trim()
    .min(1, "Enter the dependency case number.")
    .max(40, "Keep the case number under 40 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9\-/.]*$/, "Use letters, digits and dashes only, e.g. DP-2026-0142."),
  ...placementFields,
  advocates: advocateRefs,
  supervisor: optionalPersonRef,
});
export type IntakeInput = z.infer<typeof intakeSchema>;
/** Form fields that arrive as arrays (one checkbox per advocate). */
export const INTAKE_ARRAYS = ["advocates"] as const;

/** A move: the current placement ends on the day the new one starts. */
export const placementChangeSchema = z.object({
  ...placementFields,
  endReason: optionalText(200, "Keep the reason under 200 characters."),
});
export type PlacementChangeInput = z.infer<typeof placementChangeSchema>;

export const closeCaseSchema = z
  .object({
    closedOn: day("Enter the date the case closed."),
    reason: z.enum(CLOSE_REASONS, { error: "Choose why the case is closing." }),
    note: optionalText(1000, "Keep the note under 1,000 characters."),
  })
  .refine((v) => v.reason !== "other" || v.note, { path: ["note"], message: "Say why the case is closing." });
export type CloseCaseInput = z.infer<typeof closeCaseSchema>;

export const reopenCaseSchema = z.object({
  reopenedOn: day("Enter the date the case reopened."),
  reason: requiredText(1000, "Say why the case is reopening."),
});
export type ReopenCaseInput = z.infer<typeof reopenCaseSchema>;

/** Who is assigned from now on; the form carries the assignments it was filled from. */
export const assignmentsSchema = z.object({
  advocates: advocateRefs,
  supervisor: optionalPersonRef,
});
export type AssignmentsInput = z.infer<typeof assignmentsSchema>;
export const ASSIGNMENT_ARRAYS = ["advocates"] as const;
