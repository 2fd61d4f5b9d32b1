/** The court report's forms: the advocate's sections, and the confirmation of flagged passages. */
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

export const COURT_SECTION_FIELDS = ["observations", "wishes", "recommendations"] as const;
export type CourtSectionField = (typeof COURT_SECTION_FIELDS)[number];

export const COURT_SECTION_LABELS: Record<CourtSectionField, string> = {
  observations: "The advocate's observations",
  wishes: "The youth's wishes",
  recommendations: "Recommendations",
};

export const COURT_SECTION_HINTS: Record<CourtSectionField, string> = {
  observations: "What you saw and heard in the period: school, health, placement, relationships, how the youth is doing.",
  wishes: "In the youth's own words where you can: what they want the court to know or decide.",
  recommendations: "What you recommend the court order or the team do, and why.",
};

/** The query string of a court draft's period (`?from=...&to=...`). */
export function courtQuery(period: { from: string; to: string }): string {
  return `?${new URLSearchParams({ from: period.from, to: period.to })}`;
}
