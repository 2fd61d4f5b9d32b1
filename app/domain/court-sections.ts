/**
 * The court report's sections as the draft, the Word file and the server name them: the fields,
 * their labels and hints, and a draft's period as a query string. No zod here: the court draft's
 * page shows these, and the forms' schemas are in court-forms.ts, loaded by the action that reads them.
 */

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
