/**
 * The youth page's forms: what each accepts, with the messages people see next to the field.
 * Parsed at the action. The contact methods, outcomes and labels the pages show are in
 * contacts.ts, without zod, so that pages which only show records do not load it.
 */
import { z } from "zod";
import { CONTACT_METHODS, CONTACT_OUTCOMES } from "./contacts";
import { CSEC_BASES } from "./csec";
import { isCalendarDate } from "./dates";
import { HOTLINE_KEYS } from "./hotlines";
import { RED_FLAG_KEYS } from "./red-flags";
import { PARTY_ROLES } from "./youth";

/** Blank inputs arrive as "" from forms; treat them as absent. */
export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (max: number, emptyMessage: string) =>
  z.string({ error: emptyMessage }).trim().min(1, emptyMessage).max(max, `Keep it under ${max} characters.`);

export const calendarDate = (message: string) => z.string({ error: message }).trim().refine(isCalendarDate, message);

const phone = optionalText(40, "Keep the phone number under 40 characters.").refine(
  (v) => v === undefined || /^[0-9+().\-\s]{7,}(\s*(x|ext\.?)\s*\d+)?$/i.test(v),
  "Enter a phone number, e.g. 555-201-3344.",
);
const email = optionalText(254, "Keep the email under 254 characters.").refine(
  (v) => v === undefined || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v),
  "Enter an email address, e.g. name@agency.org.",
);

export const partySchema = z.object({
  role: z.enum(PARTY_ROLES, { error: "Choose the person's role on the team." }),
  name: requiredText(120, "Enter the person's name."),
  organization: optionalText(120, "Keep the organisation under 120 characters."),
  phone,
  email,
  startedOn: calendarDate("Enter the date they took this role."),
});
export type PartyInput = z.infer<typeof partySchema>;

export const partyDetailsSchema = partySchema.omit({ role: true, startedOn: true });

export const replacePartySchema = partySchema.omit({ role: true });

export const contactSchema = z.object({
  /** Everyone who took part (ticked boxes): "youth" and/or the ids of case parties. */
  with: z
    .array(z.string().regex(/^(youth|\d{1,15})$/, "Choose who the contact was with."), { error: "Tick everyone who took part." })
    .min(1, "Tick everyone who took part: the youth, someone on the team, or both.")
    .max(30, "Choose who the contact was with."),
  occurredAt: z
    .string({ error: "Enter when the contact happened." })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter when the contact happened."),
  method: z.enum(CONTACT_METHODS, { error: "Choose how you were in contact." }),
  /** Made (they were reached) or only attempted; an attempt does not count as a contact for staleness. */
  outcome: z.enum(CONTACT_OUTCOMES).catch("made"),
  durationMinutes: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 720) {
        ctx.addIssue({ code: "custom", message: "Enter whole minutes from 1 to 720, e.g. 45." });
        return z.NEVER;
      }
      return n;
    }),
  summary: requiredText(2000, "Write a short summary of the contact."),
});

/** A correction of one's own contact: everything but who it was with. */
export const contactEditSchema = contactSchema.omit({ with: true });

/** Deleting one's own contact within the window: why, if the author wants to say. */
export const contactDeleteSchema = z.object({
  reason: optionalText(500, "Keep the reason under 500 characters."),
});

const personName = optionalText(80, "Keep the name under 80 characters.");
const relation = optionalText(80, "Keep the relation under 80 characters.");

/** Up to three support people, as flat fields (support1Name ...) so the form works without JS. */
export const safetyPlanSchema = z.object({
  support1Name: personName,
  support1Relation: relation,
  support1Phone: phone,
  support2Name: personName,
  support2Relation: relation,
  support2Phone: phone,
  support3Name: personName,
  support3Relation: relation,
  support3Phone: phone,
  hotlines: z.array(z.enum(HOTLINE_KEYS, { error: "Tick the hotlines from the list." })).default([]),
  notes: optionalText(4000, "Keep the notes under 4000 characters."),
  reviewedOn: calendarDate("Enter the date the plan was reviewed with the youth."),
});

export const raiseConcernSchema = z
  .object({
    indicators: z.array(z.enum(RED_FLAG_KEYS, { error: "Tick the indicators from the checklist." })).default([]),
    observedOn: calendarDate("Enter the date you observed this."),
    note: optionalText(4000, "Keep the note under 4000 characters."),
  })
  .refine((v) => v.indicators.length > 0 || v.note, {
    message: "Tick at least one indicator, or describe what you observed.",
    path: ["indicators"],
  });

export const confirmCsecSchema = z.object({
  basis: z.enum(CSEC_BASES, { error: "Choose what the confirmation is based on." }),
  basisOn: calendarDate("Enter the date of the confirmation (unit assigned, finding, or disclosure)."),
  note: optionalText(2000, "Keep the note under 2000 characters."),
});

export const clearConcernSchema = z.object({
  reason: requiredText(2000, "Say why the concern is cleared."),
});

/** Keep monitoring: neither confirmed nor cleared, reviewed again on a date. */
export const monitorConcernSchema = z.object({
  nextReviewOn: calendarDate("Enter the date of the next review."),
  referral: optionalText(200, "Keep the referral under 200 characters."),
  guidance: requiredText(1000, "Say what the advocate who raised it should keep doing."),
  note: optionalText(2000, "Keep the note under 2000 characters."),
});
