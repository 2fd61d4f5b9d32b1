/** Short confirmations shown after a successful change (`?saved=<key>` on the redirect). */
export const SAVED_NOTICES = {
  contact: "Contact logged.",
  "party-added": "Team member added.",
  "party-updated": "Team member's details saved.",
  "party-replaced": "Role handed over; the previous person is kept in the team's history.",
  "safety-plan": "Safety plan saved as a new version.",
  concern: "Concern recorded. The youth's supervisor will review it.",
  confirmed: "CSEC status confirmed.",
  cleared: "Concern cleared. It stays in the history.",
  action: "Action item added.",
  "action-done": "Action item marked done.",
  "action-dropped": "Action item dropped.",
} as const;
export type SavedNoticeKey = keyof typeof SAVED_NOTICES;

export function savedNotice(key: string | null): string | null {
  return key && key in SAVED_NOTICES ? SAVED_NOTICES[key as SavedNoticeKey] : null;
}
