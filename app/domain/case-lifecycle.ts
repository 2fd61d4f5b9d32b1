/**
 * The words of a case's life that its pages show: why a case closes (and each reason's label) and
 * how many advocates one youth may have. No zod here: the intake and case pages read these in the
 * browser, and the forms' schemas are in case-forms.ts, loaded by the actions that read them.
 */

/** Reasons a CASA case closes, as programs record them. */
export const CLOSE_REASONS = [
  "jurisdiction_terminated",
  "reunified",
  "adopted",
  "guardianship",
  "aged_out",
  "transferred",
  "advocate_unavailable",
  "other",
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  jurisdiction_terminated: "Dependency jurisdiction terminated",
  reunified: "Reunified with family",
  adopted: "Adopted",
  guardianship: "Legal guardianship",
  aged_out: "Aged out of care",
  transferred: "Transferred to another program or county",
  advocate_unavailable: "No advocate available; referred back to the court",
  other: "Other (explain in the note)",
};

export function closeReasonLabel(reason: string): string {
  return (CLOSE_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}

/** At most this many advocates on one youth (CASA practice is one, sometimes a pair). */
export const MAX_ADVOCATES = 3;
