/**
 * The court report's forms: the advocate's sections, and the confirmation of flagged passages.
 * The sections' fields, labels and hints the draft shows are in court-sections.ts, without zod,
 * so that the court draft's page does not load it (a route's action-only imports stay on the server).
 */
import { z } from "zod";
import { isCalendarDate } from "./dates";

const section = (label: string) =>
  z
    .string()
    .trim()
    .max(8000, `Keep ${label} under 8,000 characters.`)
    .optional()
    .transform((v) => v ?? "");

export const courtSectionsSchema = z.object({
  observations: section("the observations"),
  wishes: section("the youth's wishes"),
  recommendations: section("the recommendations"),
  nextHearingOn: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isCalendarDate(v), "Enter the date of the next hearing, or leave it empty.")
    .transform((v) => (v ? v : null)),
});

export const confirmCourtTextSchema = z.object({
  hash: z.string({ error: "Read the passages again and confirm." }).regex(/^[0-9a-f]{64}$/u, "Read the passages again and confirm."),
  understood: z.literal("yes", { error: "Tick the box to confirm you have read each passage." }),
});
