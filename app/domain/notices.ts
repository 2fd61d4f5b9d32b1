/**
 * Short confirmations shown after a successful change: the action redirects with
 * `?saved=<key>` (built by `savedUrl`), and the page shows `savedNotice(url)`. Every key of the
 * app is here, so a page can never show another page's wording or an unknown key's text.
 */
export const SAVED_NOTICES = {
  contact: "Contact logged.",
  "contact-corrected": "Contact corrected. What it said before is kept with it.",
  "contact-deleted": "Contact deleted. It no longer counts anywhere; the program keeps a record of the deletion.",
  "party-added": "Team member added.",
  "party-updated": "Team member's details saved.",
  "party-replaced": "Role handed over; the previous person is kept in the team's history.",
  "safety-plan": "Safety plan saved as a new version.",
  concern: "Concern recorded. The youth's supervisor will review it.",
  confirmed: "CSEC status confirmed.",
  cleared: "Concern cleared. It stays in the history.",
  monitoring: "Kept under watch. It returns to the review queue on the date you set.",
  action: "Action item added.",
  "action-done": "Action item marked done.",
  "action-dropped": "Action item dropped.",
  scheduled: "Meeting scheduled.",
  rescheduled: "Meeting moved. The people invited see the new time and the reason here.",
  cancelled: "Meeting cancelled. The people invited see the reason here.",
  agenda: "Agenda item added.",
  recorded: "Meeting recorded.",
  "notes-draft": "Draft notes saved. The write-up after the meeting starts from them.",
  missing: "Recorded as missing. Report to law enforcement and NCMEC now, then record both here.",
  "episode-step": "Saved.",
  draft: "Saved as a draft. Submit it when it is ready.",
  "draft-edited": "Draft saved. Submit it when it is ready.",
  submit: "Request submitted.",
  approve: "Request approved.",
  deny: "Request denied. The reason is in its history.",
  fulfil: "Request marked fulfilled.",
  withdraw: "Request withdrawn.",
  "password-set": "Your password is set. Sign in with it.",
  "youth-created": "Case opened. Add the youth's team (social worker, attorney ...) below.",
  "youth-created-elsewhere": "Case opened and assigned. It is not in your caseload, so it is not listed here.",
  "placement-changed": "Move recorded; the previous placement is kept in the history.",
  assignments: "Assignments saved. Anyone removed no longer sees this youth.",
  "assignments-unchanged": "Nothing changed: those people were already assigned.",
  "case-handed-over": "Case handed over. It is no longer in your caseload.",
  "case-closed": "Case closed. It can be reopened from this page.",
  "case-reopened": "Case reopened.",
  "email-frequency": "Saved. Emails follow your new choice from now on.",
  "court-sections": "Your sections are saved as a draft. Earlier versions are kept.",
  "court-text-confirmed": "Confirmed. The draft can now be printed and downloaded; your confirmation is in the audit log.",
  "calendar-created": "Your calendar feed is ready: copy its address below into your calendar.",
  "calendar-regenerated": "New calendar address made. The old one no longer works: paste the new one into your calendar.",
  "calendar-revoked": "Calendar feed turned off. Its address no longer works.",
  "calendar-actions": "Calendar feed settings saved.",
  invited: "Invitations queued: each goes out by email with a calendar attachment. Sending again for the same time sends nothing new.",
} as const;
export type SavedNoticeKey = keyof typeof SAVED_NOTICES;

/** The page to go back to after a change, with its confirmation and (optionally) the section to show. */
export function savedUrl(path: string, key: SavedNoticeKey, section?: string): string {
  const [pathname, query = ""] = path.split("?", 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set("saved", key);
  return `${pathname}?${params}${section ? `#${section}` : ""}`;
}

/** The confirmation a page shows for its URL's `?saved=` key, if it is one of ours. */
export function savedNotice(url: URL | string): string | null {
  const key = new URL(url, "http://x").searchParams.get("saved");
  return key && Object.hasOwn(SAVED_NOTICES, key) ? SAVED_NOTICES[key as SavedNoticeKey] : null;
}
